// A first visit with the service worker on: the page, then everything the worker fetches after it
// (src/plugins/offline.ts). A fresh browser context (empty HTTP cache, no worker) loads the page; the
// figures are taken once the worker is activated (its install, the precache, is then complete) and no
// request of the page or of the worker is still open. Bytes are response bodies as sent (the server
// gzips, as any host would; Pagefind's index files are gzipped already), so a response the browser
// took from its own cache or from the worker counts nothing. `node scripts/bench-first-visit.mjs
// [path]` measures the built dist/ alone; bench.mjs calls it.
import { pathToFileURL } from 'node:url';

/**
 * @param {import('playwright-core').Browser} browser
 * @param {string} siteUrl the site's root URL (with its base path), ending in /
 * @param {string} path the page, relative to siteUrl
 */
export async function firstVisit(browser, siteUrl, path = 'workflows/') {
  const context = await browser.newContext({ locale: 'zh-CN' });
  const open = new Set();
  const done = [];
  const settled = [];
  let changed = () => {};
  const record = (request, failed) => {
    settled.push(
      (async () => {
        const response = failed ? null : await request.response();
        // Served by the worker: what it fetched for it (if anything) is its own request.
        const viaWorker = response?.fromServiceWorker() ?? false;
        const sizes = failed || viaWorker ? null : await request.sizes().catch(() => null);
        done.push({
          url: request.url(),
          by: request.serviceWorker() ? 'worker' : 'page',
          failed,
          viaWorker,
          status: response?.status() ?? 0,
          body: sizes?.responseBodySize ?? 0,
          headers: sizes?.responseHeadersSize ?? 0,
        });
        open.delete(request);
        changed();
      })(),
    );
  };
  context.on('request', (request) => open.add(request));
  context.on('requestfinished', (request) => record(request, false));
  context.on('requestfailed', (request) => record(request, true));

  const page = await context.newPage();
  await page.goto(siteUrl + path, { waitUntil: 'load' });
  // The page registers its worker after load, once idle. ready resolves when a worker is active
  // (activating or activated); activated means its install, the precache, finished.
  await page.evaluate(async () => {
    const worker = (await navigator.serviceWorker.ready).active;
    if (worker && worker.state !== 'activated') {
      await new Promise((resolve) =>
        worker.addEventListener('statechange', () => worker.state === 'activated' && resolve(null)),
      );
    }
  });
  await page.waitForLoadState('networkidle');
  // Nothing of the page or the worker still under way (a worker may warm its caches after activating).
  const quiet = async () => {
    for (;;) {
      await Promise.all(settled);
      if (open.size === 0) return;
      await new Promise((resolve) => {
        changed = resolve;
      });
    }
  };
  let stuck;
  await Promise.race([
    quiet(),
    new Promise((_, reject) => {
      stuck = setTimeout(
        () => reject(new Error(`仍未完成的请求：${[...open].map((r) => r.url()).join('、')}`)),
        120_000,
      );
    }),
  ]).finally(() => clearTimeout(stuck));
  const precached = await page.evaluate(async () => {
    let files = 0;
    for (const name of await caches.keys()) files += (await (await caches.open(name)).keys()).length;
    return files;
  });
  await context.close();

  // A response the browser served from its HTTP cache has no body on the wire (the worker asks again
  // for files the page already loaded: hashed ones come from that cache).
  const fetched = done.filter((r) => !r.viaWorker && !r.failed && r.body > 0);
  const part = (by) => {
    const rows = fetched.filter((r) => r.by === by);
    return {
      responses: rows.length,
      bytes: rows.reduce((a, r) => a + r.body, 0),
      headerBytes: rows.reduce((a, r) => a + r.headers, 0),
      rows,
    };
  };
  const pageOnly = part('page');
  const worker = part('worker');
  return {
    path,
    page: pageOnly,
    worker,
    responses: pageOnly.responses + worker.responses,
    bytes: pageOnly.bytes + worker.bytes,
    failed: done.filter((r) => r.failed).map((r) => r.url),
    precached,
  };
}

/** Bytes fetched per kind of file, largest first (for the report). */
export function byKind(rows, siteUrl) {
  const kinds = new Map();
  for (const r of rows) {
    const rel = r.url.startsWith(siteUrl) ? r.url.slice(siteUrl.length).split('?')[0] : r.url;
    const kind = rel.startsWith('_astro/')
      ? `_astro/*.${rel.split('.').pop()}`
      : rel.startsWith('pagefind/')
        ? 'pagefind/'
        : rel === '' || rel.endsWith('/') || rel.endsWith('.html')
          ? '页面 HTML'
          : '其他';
    const k = kinds.get(kind) ?? { kind, responses: 0, bytes: 0 };
    k.responses += 1;
    k.bytes += r.body;
    kinds.set(kind, k);
  }
  return [...kinds.values()].sort((a, b) => b.bytes - a.bytes);
}

export const FIRST_VISIT_BUDGET = 350 * 1024;

export function firstVisitReport(result, siteUrl) {
  const kb = (n) => (n / 1024).toFixed(1);
  const lines = [
    `\n首次访问 /${result.path}（新的浏览器配置，Service Worker 开启；页面加载后等到 Service Worker 激活、预缓存完成、没有未完成的请求）`,
    `- 合计：${kb(result.bytes)} KB（响应体，服务器 gzip 后；≤${kb(FIRST_VISIT_BUDGET)}）${result.bytes > FIRST_VISIT_BUDGET ? ' ✗ 超出' : ''}，${result.responses} 个响应（另有响应头 ${kb(result.page.headerBytes + result.worker.headerBytes)} KB）`,
    `- 页面本身：${kb(result.page.bytes)} KB，${result.page.responses} 个响应；Service Worker 之后取回：${kb(result.worker.bytes)} KB，${result.worker.responses} 个响应；缓存里共 ${result.precached} 个文件`,
  ];
  for (const k of byKind(result.worker.rows, siteUrl)) {
    lines.push(`  - Service Worker 取回的 ${k.kind}：${kb(k.bytes)} KB，${k.responses} 个`);
  }
  if (result.failed.length > 0) lines.push(`- ✗ 失败的请求：${result.failed.join('、')}`);
  return lines;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { chromium } = await import('playwright-core');
  const { startStaticServer } = await import('./static-server.mjs');
  const { CHROME_FLAGS, findChrome, INSTALL_HINT } = await import('./chrome-path.mjs');
  const chrome = findChrome();
  if (!chrome) {
    console.error(INSTALL_HINT);
    process.exit(1);
  }
  const server = await startStaticServer({
    root: process.env.DIST_DIR || 'dist',
    base: process.env.BASE_PATH || '/',
  });
  const browser = await chromium.launch({ executablePath: chrome, headless: true, args: CHROME_FLAGS });
  try {
    const path = process.argv.slice(2).find((a) => !a.startsWith('--')) ?? 'workflows/';
    const result = await firstVisit(browser, server.url, path);
    for (const line of firstVisitReport(result, server.url)) console.log(line);
    if (process.argv.includes('--list')) {
      for (const r of [...result.page.rows, ...result.worker.rows])
        console.log(`${r.by}\t${r.body}\t${r.url.slice(server.url.length)}`);
    }
  } finally {
    await browser.close();
    await server.close();
  }
}
