// Offline and installable (after the search index is written, so keep this integration LAST in
// astro.config.mjs): at astro:build:done it writes the web app manifest and its PNG icons (drawn from
// public/favicon.svg), the page shown offline for a tool page never opened (offline.html), then a Workbox
// service worker (<outDir>/sw.js). A first visit precaches only what the policy pages use: their HTML, CSS
// and scripts, and the search (Pagefind's index, wasm and worker behind pagefind/handbook/). The tool pages
// and their code (most of the site's weight) are staged: stored when the reader first opens a tool page
// online (src/client/offline-worker.ts, appended to sw.js). URLs are relative to the worker's location,
// so the same files work at the root and under BASE_PATH. The worker waits (no skipWaiting) until the
// page's 「手册已更新，点击刷新」 asks it to take over (src/client/offline-update.ts): old and new never mix.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { appendFile, readFile, stat, writeFile } from 'node:fs/promises';
import { join, posix, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { build } from 'esbuild';
import sharp from 'sharp';
import { generateSW } from 'workbox-build';
import type { StagedPlan } from '../client/offline-worker';

/** The search's files (the dialog loads pagefind/handbook/pagefind.js, which loads Pagefind's engine,
 * its web worker, its wasm and the index): precached, so search works offline after a first visit. */
export const SEARCH_FILES: readonly RegExp[] = [
  /^pagefind\/handbook\//,
  /^pagefind\/pagefind\.js$/,
  /^pagefind\/pagefind-worker\.js$/,
  /^pagefind\/pagefind-entry\.json$/,
  /^pagefind\/[^/]+\.pf_meta$/,
  /^pagefind\/wasm\.[^/]+\.pagefind$/,
  /^pagefind\/(?:index|fragment|filter)\//,
];
/** Never precached: Pagefind's own UIs (no page loads them: the dialog bundles the default UI into
 * _astro/), host configs (not for browsers), the worker itself. */
export const NEVER_PRECACHE: readonly RegExp[] = [
  /^pagefind\/pagefind-(?:ui|component-ui|modular-ui|highlight)\./,
  /^deploy\//,
  /^_headers$/,
  /^sw\.js(?:\.map)?$/,
];
/** Shown instead of a tool page that is not stored when the network is out. */
export const OFFLINE_PAGE = 'offline.html';

/** What a first visit precaches, and the staged pages with what each one's tool loads. */
export interface OfflinePlan {
  /** Files relative to the build folder, sorted. */
  precache: string[];
  /** Page path ('tools/bonus/') → its HTML's SHA-256 and the files it loads that are not precached. */
  staged: StagedPlan['pages'];
}

const sha256 = (data: string | Buffer): string => createHash('sha256').update(data).digest('hex');
// Astro writes asset URLs with the base: src="/handbook/_astro/x.js", component-url="…" on an island.
const ASSET_ATTRIBUTE = /\s(?:src|href)="([^"]+)"/g;
const ISLAND_ATTRIBUTE = /\s(?:component-url|renderer-url|before-hydration-url)="([^"]+)"/g;
// In a built chunk: a static or dynamic import ("./x.js") and Vite's preload list ("_astro/x.js").
const CHUNK_REFERENCE = /(?:\.\/|\b_astro\/)([\w.~-]+?\.(?:m?js|css))(?=["'`])/g;

function pageFiles(outDir: string, dir = outDir): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    if (statSync(p).isDirectory())
      return ['_astro', 'pagefind', 'deploy'].includes(name) ? [] : pageFiles(outDir, p);
    return name === 'index.html' ? [relative(outDir, p).split(sep).join('/')] : [];
  });
}

function allFiles(outDir: string, dir = outDir): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? allFiles(outDir, p) : [relative(outDir, p).split(sep).join('/')];
  });
}

/** Files of the build that the page's HTML names in `pattern` (a page link is a folder, not a file). */
function named(html: string, pattern: RegExp, outDir: string, base: string): string[] {
  return [...html.matchAll(pattern)].flatMap(([, value = '']) => {
    if (!value.startsWith(base)) return [];
    const file = decodeURI(value.slice(base.length).split(/[?#]/)[0] ?? '');
    const path = join(outDir, file);
    return file && !file.endsWith('.html') && existsSync(path) && statSync(path).isFile() ? [file] : [];
  });
}

/** `files` and every chunk they import, statically or on demand (what the page may load later). */
function withImports(files: Iterable<string>, outDir: string): Set<string> {
  const seen = new Set<string>();
  const todo = [...files];
  while (todo.length > 0) {
    const file = todo.pop() as string;
    if (seen.has(file)) continue;
    seen.add(file);
    if (!/\.m?js$/.test(file) || !file.startsWith('_astro/')) continue;
    for (const [, name = ''] of readFileSync(join(outDir, file), 'utf8').matchAll(CHUNK_REFERENCE)) {
      const chunk = posix.join('_astro', name);
      if (existsSync(join(outDir, chunk))) todo.push(chunk);
    }
  }
  return seen;
}

/**
 * Splits the build: pages without a tool island (the chapters and reference pages), everything they
 * load and the search are precached; a page with a tool island is staged with everything its tool may
 * load (imports on demand included: print sheets, exports) that is not precached already.
 */
export function offlinePlan(outDir: string, base: string): OfflinePlan {
  const never = (file: string) => NEVER_PRECACHE.some((re) => re.test(file));
  const policyPages: string[] = [];
  const policyAssets: string[] = [];
  const tools: Array<{ file: string; html: string; assets: string[] }> = [];
  for (const file of pageFiles(outDir)) {
    const html = readFileSync(join(outDir, file), 'utf8');
    const islands = named(html, ISLAND_ATTRIBUTE, outDir, base);
    const assets = named(html, ASSET_ATTRIBUTE, outDir, base);
    if (islands.length > 0) tools.push({ file, html, assets: [...assets, ...islands] });
    else {
      policyPages.push(file);
      policyAssets.push(...assets);
    }
  }
  if (existsSync(join(outDir, OFFLINE_PAGE))) {
    policyPages.push(OFFLINE_PAGE);
    policyAssets.push(
      ...named(readFileSync(join(outDir, OFFLINE_PAGE), 'utf8'), ASSET_ATTRIBUTE, outDir, base),
    );
  }
  const search = existsSync(join(outDir, 'pagefind'))
    ? allFiles(outDir, join(outDir, 'pagefind')).filter((f) => SEARCH_FILES.some((re) => re.test(f)))
    : [];
  const precache = new Set(
    [...policyPages, ...withImports(policyAssets, outDir), ...search].filter((f) => !never(f)),
  );
  const staged: OfflinePlan['staged'] = {};
  for (const tool of tools) {
    staged[tool.file.replace(/index\.html$/, '')] = {
      revision: sha256(tool.html),
      files: [...withImports(tool.assets, outDir)].filter((f) => !precache.has(f)).sort(),
    };
  }
  return { precache: [...precache].sort(), staged };
}

/** This deploy's id for the staged caches: changes with any file the worker precaches or stages. */
export function planVersion(outDir: string, plan: OfflinePlan): string {
  const hash = createHash('sha256');
  for (const file of plan.precache) hash.update(file).update(readFileSync(join(outDir, file)));
  hash.update(JSON.stringify(plan.staged));
  return hash.digest('hex').slice(0, 16);
}

/**
 * The page shown offline for a tool page never opened here: the 404 page (Starlight's layout, sidebar
 * and search, which all work offline) with its own title and text. Throws if the 404 page's markup is
 * not the one expected, rather than ship a page that says 「页面不存在」.
 */
export function offlinePage(notFoundHtml: string, base: string): string {
  const replacements: Array<[RegExp, string]> = [
    [/页面不存在/g, '离线时打不开这一页'],
    [/(<div class="tagline[^"]*"[^>]*>)[^<]*(<\/div>)/, '$1这一页还没有在本机联网打开过。$2'],
    [
      /(<div class="sl-markdown-content">)[\s\S]*?(<\/div>)/,
      `$1<p>工具页和工具的代码在第一次联网打开时才存到本机，不随第一次访问下载。联网后打开一次这一页，之后断网也能使用。</p>` +
        `<p>制度各章、条款索引和搜索断网时照常可用：可以回到<a href="${base}">首页</a>，或在<a href="${base}clauses/">条款索引</a>里查找条款。</p>$2`,
    ],
  ];
  let html = notFoundHtml;
  for (const [pattern, replacement] of replacements) {
    if (!pattern.test(html))
      throw new Error(`offline: 404.html 的结构变了，找不到 ${pattern}，无法生成 ${OFFLINE_PAGE}。`);
    pattern.lastIndex = 0;
    html = html.replace(pattern, replacement);
  }
  return html;
}

const ICON_SIZES = [192, 512] as const;

export function webManifest(): Record<string, unknown> {
  return {
    name: '市场部制度手册',
    short_name: '制度手册',
    description: '培训机构市场部制度：条款可检索、可链接，附绩效自评、奖金估算、预算申请与入职清单工具。',
    lang: 'zh-CN',
    dir: 'ltr',
    // Relative to the manifest's own URL: right at the root and under BASE_PATH.
    start_url: './',
    scope: './',
    id: './',
    display: 'standalone',
    background_color: '#ffffff',
    theme_color: '#17181c',
    icons: [
      ...ICON_SIZES.map((size) => ({
        src: `icon-${size}.png`,
        sizes: `${size}x${size}`,
        type: 'image/png',
        purpose: 'any',
      })),
      { src: 'icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
      { src: 'favicon.svg', sizes: 'any', type: 'image/svg+xml' },
    ],
  };
}

async function writeIcons(outDir: string): Promise<void> {
  const svg = await readFile(join(outDir, 'favicon.svg'));
  for (const size of ICON_SIZES) {
    await sharp(svg, { density: (72 * size) / 32 })
      .resize(size, size)
      .png()
      .toFile(join(outDir, `icon-${size}.png`));
  }
  // Maskable: the mark inside the 80 % safe zone on the same red.
  const inner = await sharp(svg, { density: (72 * 400) / 32 })
    .resize(400, 400)
    .png()
    .toBuffer();
  await sharp({ create: { width: 512, height: 512, channels: 4, background: '#b91c1c' } })
    .composite([{ input: inner, left: 56, top: 56 }])
    .png()
    .toFile(join(outDir, 'icon-maskable-512.png'));
}

export function offline(): AstroIntegration {
  let base = '/';
  let root = new URL(`file://${process.cwd()}/`);
  return {
    name: 'offline',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = config.base.endsWith('/') ? config.base : `${config.base}/`;
        root = config.root;
      },
      'astro:build:done': async ({ dir, logger }) => {
        const outDir = fileURLToPath(dir);
        await writeFile(join(outDir, 'manifest.webmanifest'), `${JSON.stringify(webManifest(), null, 2)}\n`);
        await writeIcons(outDir);
        await writeFile(
          join(outDir, OFFLINE_PAGE),
          offlinePage(await readFile(join(outDir, '404.html'), 'utf8'), base),
        );
        if (!(await stat(join(outDir, 'pagefind')).catch(() => null))) {
          logger.warn(
            'pagefind/ was not there when the service worker was written: offline search will fail.',
          );
        }
        const plan = offlinePlan(outDir, base);
        const precache = new Set(plan.precache);
        const { count, size, warnings } = await generateSW({
          globDirectory: outDir,
          globPatterns: ['**/*'],
          globIgnores: ['sw.js'],
          // Only the plan's files (globs cannot say "what the policy pages load").
          manifestTransforms: [
            async (entries) => ({ manifest: entries.filter((e) => precache.has(e.url)), warnings: [] }),
          ],
          swDest: join(outDir, 'sw.js'),
          // One file: the worker's own caching rule (no-cache) then covers all of its code.
          inlineWorkboxRuntime: true,
          mode: 'production',
          sourcemap: false,
          skipWaiting: false,
          clientsClaim: true,
          cleanupOutdatedCaches: true,
          // Pagefind's wasm and index chunks are larger than Workbox's 2 MB default on a big policy.
          maximumFileSizeToCacheInBytes: 20 * 1024 * 1024,
          // Hashed file names need no revision query.
          dontCacheBustURLsMatching: /^_astro\//,
          // /general/ is served from general/index.html; any query (Pagefind's ?ts=, share links) is ignored.
          directoryIndex: 'index.html',
          ignoreURLParametersMatching: [/.*/],
        });
        for (const warning of warnings) logger.warn(warning);
        if (count !== precache.size) {
          logger.warn(
            `service worker precaches ${count} of the ${precache.size} files planned (too large?).`,
          );
        }
        // The staged pages' part, after Workbox's code so its precache route answers first.
        const stagedPlan: StagedPlan = {
          version: planVersion(outDir, plan),
          pages: plan.staged,
          fallback: OFFLINE_PAGE,
        };
        const worker = await build({
          entryPoints: [fileURLToPath(new URL('src/client/offline-worker.ts', root))],
          bundle: true,
          format: 'iife',
          minify: true,
          target: 'es2022',
          write: false,
          define: { __STAGED_PLAN__: JSON.stringify(stagedPlan) },
          logLevel: 'silent',
        });
        await appendFile(join(outDir, 'sw.js'), `\n${worker.outputFiles[0]?.text ?? ''}`);
        const stagedFiles = new Set(Object.values(plan.staged).flatMap((p) => p.files));
        logger.info(
          `service worker precaches ${count} files, ${(size / 1024).toFixed(0)} KB; ` +
            `stages ${Object.keys(plan.staged).length} tool pages (${stagedFiles.size} files) until first opened`,
        );
      },
    },
  };
}
