// `npm run bench`: build, serve dist/, and report what each page costs a reader:
// HTML (gz), JavaScript fetched by load + idle (gz, and the Pagefind part), requests, search bytes,
// a first visit's total with the service worker (the page and what the worker fetches after it),
// Lighthouse scores, and the build's wall time. It reports against the budgets; it never fails on numbers.
// It measures with a Chinese font: on Debian as root it installs fonts-noto-cjk (and poppler-utils) when missing.
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import lighthouse from 'lighthouse';
import * as chromeLauncher from 'chrome-launcher';
import { startStaticServer } from './static-server.mjs';
import { CHROME_FLAGS, findChrome, INSTALL_HINT } from './chrome-path.mjs';
import { benchTeamReview, teamReport } from './bench-team.mjs';
import { benchMyData, myDataReport } from './bench-my-data.mjs';
import { benchYear, yearReport } from './bench-year.mjs';
import { makeScaleSite } from './scale-fixture.mjs';
import { firstVisit, firstVisitReport } from './bench-first-visit.mjs';
import { ensureMeasuringPackages, hasChineseFont } from './bench-packages.mjs';

const BUDGET = {
  htmlChapterGz: 14 * 1024,
  jsPolicyPageGz: 8 * 1024,
  jsToolPageGz: 20 * 1024,
  // opening search and the first query, then each later query
  searchFirstGz: 150 * 1024,
  searchLaterGz: 5 * 1024,
  lighthouse: 100,
};
const skipLighthouse = process.argv.includes('--no-lighthouse');
const skipBuild = process.argv.includes('--no-build');
const skipScale = process.argv.includes('--no-scale');
const DIST = process.env.DIST_DIR || 'dist';

const chrome = findChrome();
if (!chrome) {
  console.error(INSTALL_HINT);
  process.exit(1);
}

ensureMeasuringPackages();

let buildSeconds = null;
if (!skipBuild) {
  const t0 = performance.now();
  const build = spawnSync('astro build', { shell: true, stdio: ['ignore', 'ignore', 'inherit'] });
  buildSeconds = (performance.now() - t0) / 1000;
  if (build.status !== 0) {
    console.error('构建失败，无法测量。');
    process.exit(1);
  }
}

function pagesIn(dir) {
  const out = [];
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) {
      if (name === '_astro' || name === 'pagefind') continue;
      out.push(...pagesIn(p));
    } else if (name === 'index.html') {
      out.push(`/${relative(DIST, dir)}/`.replace(/\/+/g, '/'));
    }
  }
  return out.sort();
}

const kb = (n) => (n / 1024).toFixed(1);
const isTool = (path) => path.startsWith('/tools/');
const isChapter = (path) =>
  ['/general/', '/organization/', '/workflows/', '/performance/', '/training/', '/finance/'].includes(path);

const server = await startStaticServer({ root: DIST });
const browser = await chromium.launch({ executablePath: chrome, headless: true, args: CHROME_FLAGS });

async function measure(path) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const responses = [];
  // Each body is read after its response event: wait for every read before counting, or a burst of
  // chunks arriving together is counted short.
  const reading = [];
  const settled = () => Promise.all(reading);
  page.on('response', (res) => {
    reading.push(
      res.body().then(
        (body) => responses.push({ url: res.url(), type: res.request().resourceType(), gz: gzipSync(body).length }),
        () => undefined, // redirects have no body
      ),
    );
  });
  await page.goto(server.url + path.slice(1), { waitUntil: 'load' });
  await page.waitForLoadState('networkidle');
  await page.waitForTimeout(1500); // idle callbacks
  const source = readFileSync(join(DIST, path, 'index.html'), 'utf8');
  const html = gzipSync(source).length;
  // Scripts written into the page itself (theme, client:intent): counted in HTML gz, shown apart.
  const inline = [...source.matchAll(/<script(?![^>]*\ssrc=)[^>]*>([\s\S]*?)<\/script>/g)]
    .map((m) => m[1])
    .join('');
  const isJs = (r) => r.type === 'script' || /\.m?js(\?|$)/.test(r.url);
  await settled();
  const js = responses.filter(isJs);
  // A tool whose code loads on the reader's intent (client:intent): also what it loads once used.
  let usedScripts = null;
  if (isTool(path)) {
    const intent = await page.evaluate(() => {
      const found = [...document.querySelectorAll('astro-island[client="intent"]')];
      for (const i of found) i.dispatchEvent(new PointerEvent('pointerover', { bubbles: true }));
      return found.length;
    });
    if (intent > 0) {
      await page.waitForFunction(() =>
        [...document.querySelectorAll('astro-island[client="intent"]')].every((i) =>
          i.hasAttribute('data-awake'),
        ),
      );
      await page.waitForLoadState('networkidle');
    }
    await settled();
    usedScripts = responses.filter(isJs).map((r) => ({ url: r.url, gz: r.gz }));
  }
  const result = {
    inlineGz: inline ? gzipSync(inline).length : 0,
    usedScripts,
    path,
    htmlGz: html,
    jsGz: js.reduce((a, r) => a + r.gz, 0),
    pagefindGz: js.filter((r) => r.url.includes('/pagefind/')).reduce((a, r) => a + r.gz, 0),
    requests: responses.length,
    scripts: js.map((r) => ({ url: r.url, gz: r.gz })),
  };
  await context.close();
  return result;
}

// Later queries of different kinds (short word, phrase, 繁體, tool name), each measured on its own.
const LATER_QUERIES = ['预算', '客户投诉', '績效獎金', '工作记录', '入职清单'];

async function searchBytes() {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(server.url + 'workflows/', { waitUntil: 'load' });
  await page.waitForLoadState('networkidle');
  let bytes = 0;
  // As in measure(): every body read is waited for before a query's bytes are taken.
  const reading = [];
  const settled = () => Promise.all(reading);
  page.on('response', (res) => {
    reading.push(
      res.body().then(
        (body) => void (bytes += gzipSync(body).length),
        () => undefined,
      ),
    );
  });
  const t0 = performance.now();
  await page.getByRole('button', { name: /搜索/ }).first().click();
  const input = page.locator('dialog input[type="text"], dialog input[type="search"]').first();
  await input.fill('投诉');
  await page.locator('dialog mark', { hasText: '投诉' }).first().waitFor({ timeout: 10_000 });
  const firstMs = performance.now() - t0;
  await page.waitForLoadState('networkidle');
  await settled();
  const first = bytes;
  const later = [];
  for (const query of LATER_QUERIES) {
    await input.fill('');
    await page.locator('dialog .pagefind-ui__results-area').waitFor({ state: 'detached' });
    await page.waitForLoadState('networkidle');
    await settled();
    bytes = 0;
    const t1 = performance.now();
    await input.fill(query);
    // Done when the count for this query is shown and its first result has loaded.
    await page
      .locator('dialog .pagefind-ui__message', { hasText: `“${query}”：找到` })
      .waitFor({ timeout: 10_000 });
    await page.locator('dialog .pagefind-ui__result-link').first().waitFor({ timeout: 10_000 });
    const ms = performance.now() - t1;
    await page.waitForLoadState('networkidle');
    await settled();
    later.push({ query, bytes, ms });
  }
  await context.close();
  return { first, firstMs, later };
}

async function lighthouseScores(paths) {
  const launched = await chromeLauncher.launch({
    chromePath: chrome,
    chromeFlags: ['--headless=new', ...CHROME_FLAGS],
  });
  const scores = {};
  try {
    for (const path of paths) {
      const result = await lighthouse(server.url + path.slice(1), {
        port: launched.port,
        output: 'json',
        logLevel: 'error',
        onlyCategories: ['performance', 'accessibility', 'best-practices', 'seo'],
      });
      const c = result.lhr.categories;
      scores[path] = ['performance', 'accessibility', 'best-practices', 'seo'].map((k) =>
        Math.round((c[k]?.score ?? 0) * 100),
      );
    }
  } finally {
    launched.kill();
  }
  return scores;
}

const pages = pagesIn(DIST);
const rows = [];
for (const path of pages) rows.push(await measure(path));
const search = await searchBytes();
const first = await firstVisit(browser, server.url, 'workflows/');
await browser.close();

// Without a Chinese font, layout asks the system for a fallback font glyph by glyph (Chromium
// traces show it inside Layout), a step a reader's machine does not have.
if (hasChineseFont() === false) {
  console.log(
    '注意：本机没有中文字体，排版时要逐字查找后备字体，读者的机器上没有这一步；要比较可安装 fonts-noto-cjk 后再测。',
  );
}
const lhPaths = pages.filter(
  (p) => p === '/' || isChapter(p) || isTool(p) || p === '/clauses/' || p === '/print/',
);
const lh = skipLighthouse ? {} : await lighthouseScores(lhPaths);
await server.close();

const over = (value, budget) => (value > budget ? ' ✗ 超出' : '');
// A tool's own JavaScript: what its page loads beyond what every page loads (measured on /clauses/).
const baseline = new Set((rows.find((r) => r.path === '/clauses/')?.scripts ?? []).map((s) => s.url));
const islandGz = (r) => r.scripts.filter((s) => !baseline.has(s.url)).reduce((a, s) => a + s.gz, 0);
const usedGz = (r) =>
  (r.usedScripts ?? r.scripts).filter((s) => !baseline.has(s.url)).reduce((a, s) => a + s.gz, 0);
// Of that, the tool runtime every tool page loads (preact, the kit, storage): one copy, cached after
// the first tool page. The rest is the tool's alone.
const toolRows = rows.filter((r) => isTool(r.path));
const used = (r) => r.usedScripts ?? r.scripts;
const runtime = new Map(
  (toolRows[0] ? used(toolRows[0]) : [])
    .filter((s) => !baseline.has(s.url) && toolRows.every((r) => used(r).some((t) => t.url === s.url)))
    .map((s) => [s.url, s.gz]),
);
const runtimeGz = [...runtime.values()].reduce((a, n) => a + n, 0);
const aloneGz = (r) =>
  used(r)
    .filter((s) => !baseline.has(s.url) && !runtime.has(s.url))
    .reduce((a, s) => a + s.gz, 0);
console.log(
  '\n页面开销（gz 字节，加载 + 空闲期间；工具页的预算只算工具本身：整页减去每页都有的脚本。按意图加载的工具（client:intent）另列首次使用（指针移入）后加载的量；有保存内容或链接时打开即加载这一份）',
);
console.log(
  '| 页面 | HTML gz | JS gz（预算） | 其中 Pagefind | 请求数 | Lighthouse 性能/无障碍/最佳实践/SEO |',
);
console.log('| --- | --- | --- | --- | --- | --- |');
for (const r of rows) {
  const jsBudget = isTool(r.path) ? BUDGET.jsToolPageGz : BUDGET.jsPolicyPageGz;
  const jsMeasured = isTool(r.path) ? islandGz(r) : r.jsGz;
  const htmlNote = isChapter(r.path)
    ? ` (≤${kb(BUDGET.htmlChapterGz)})${over(r.htmlGz, BUDGET.htmlChapterGz)}`
    : '';
  const scores = lh[r.path];
  const lhText = scores
    ? scores.join(' / ') + (scores.some((s) => s < BUDGET.lighthouse) ? ' ✗ 未满分' : '')
    : '—';
  console.log(
    `| ${r.path} | ${kb(r.htmlGz)} KB${htmlNote}${r.inlineGz ? `（内联脚本 ${kb(r.inlineGz)} KB）` : ''} | ${isTool(r.path) ? `打开时工具 ${kb(jsMeasured)} KB，整页 ${kb(r.jsGz)} KB；首次使用后工具 ${kb(usedGz(r))} KB（其中本工具独有 ${kb(aloneGz(r))} KB）` : `${kb(r.jsGz)} KB`} (≤${kb(jsBudget)})${over(jsMeasured, jsBudget)} | ${kb(r.pagefindGz)} KB | ${r.requests} | ${lhText} |`,
  );
}
console.log(
  `\n工具运行时（每个工具页用起来都加载的同一批脚本：preact、工具套件、保存）：${kb(runtimeGz)} KB gz，${runtime.size} 个文件；打开第一个工具页后即在缓存中。`,
);
console.log('\n搜索（在 /workflows/ 打开搜索后；每次查询前清空输入框，只计这次查询取回的字节）');
console.log(
  `- 打开搜索并第一次查询“投诉”：取回 ${kb(search.first)} KB（gz，≤${kb(BUDGET.searchFirstGz)}）${over(search.first, BUDGET.searchFirstGz)}，出结果 ${Math.round(search.firstMs)} ms`,
);
for (const q of search.later) {
  console.log(
    `- 之后查询“${q.query}”：取回 ${kb(q.bytes)} KB（gz，≤${kb(BUDGET.searchLaterGz)}）${over(q.bytes, BUDGET.searchLaterGz)}，出结果 ${Math.round(q.ms)} ms`,
  );
}
for (const line of firstVisitReport(first, server.url)) console.log(line);
for (const line of teamReport(await benchTeamReview())) console.log(line);
for (const line of myDataReport(await benchMyData())) console.log(line);
for (const line of yearReport(await benchYear())) console.log(line);
if (buildSeconds !== null) console.log(`\n构建耗时：${buildSeconds.toFixed(1)} s`);

// 规模：十倍条款的制度（生成在 .tmp/scale-site，不入库）照样能构建；构建耗时与搜索索引大小与今天的对照。
function dirBytes(dir) {
  let raw = 0;
  let gz = 0;
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) {
      const sub = dirBytes(p);
      raw += sub.raw;
      gz += sub.gz;
    } else {
      const body = readFileSync(p);
      raw += body.length;
      gz += gzipSync(body).length;
    }
  }
  return { raw, gz };
}
const clauseCount = (dir) =>
  readdirSync(join(dir, 'content/docs'))
    .filter((n) => n.endsWith('.mdx'))
    .map((n) => readFileSync(join(dir, 'content/docs', n), 'utf8'))
    .filter((src) => /^chapter:\s*\d+/m.test(src))
    .reduce(
      (a, src) => a + (src.match(/^(## （[一二三四五六七八九十]+）|### \d+[.．、])/gm) ?? []).length,
      0,
    );
if (!skipScale) {
  const site = makeScaleSite();
  const scaleDist = join(site, '..', 'scale-dist');
  const t0 = performance.now();
  const build = spawnSync(
    process.execPath,
    [join(process.cwd(), 'node_modules/astro/bin/astro.mjs'), 'build'],
    {
      cwd: site,
      stdio: ['ignore', 'ignore', 'inherit'],
      env: {
        ...process.env,
        OUT_DIR: scaleDist,
        ASTRO_CACHE_DIR: join(process.cwd(), 'node_modules/.astro-scale'),
      },
    },
  );
  const scaleSeconds = (performance.now() - t0) / 1000;
  const today = dirBytes(join(DIST, 'pagefind'));
  console.log('\n规模（十倍条款，生成在 .tmp/scale-site，不入库）');
  console.log('| 制度 | 条款数 | 构建耗时 | 搜索索引 pagefind/（原始 / gz） |');
  console.log('| --- | --- | --- | --- |');
  console.log(
    `| 今天 | ${clauseCount('.')} | ${buildSeconds !== null ? `${buildSeconds.toFixed(1)} s` : '—（--no-build）'} | ${kb(today.raw)} KB / ${kb(today.gz)} KB |`,
  );
  if (build.status !== 0) {
    console.log(`| 十倍 | ${clauseCount(site)} | ✗ 构建失败（退出码 ${build.status}） | — |`);
    process.exitCode = 1;
  } else {
    const scaled = dirBytes(join(scaleDist, 'pagefind'));
    console.log(
      `| 十倍 | ${clauseCount(site)} | ${scaleSeconds.toFixed(1)} s | ${kb(scaled.raw)} KB / ${kb(scaled.gz)} KB |`,
    );
  }
}
