// Offline and installable (after the search index is written, so keep this integration LAST in
// astro.config.mjs): at astro:build:done it writes the web app manifest and its PNG icons (drawn from
// public/favicon.svg), then a Workbox service worker (<outDir>/sw.js) that precaches every page, the
// Pagefind index and wasm, and every asset. URLs in both are relative to their own location, so the
// same files work at the root and under BASE_PATH. The worker waits (no skipWaiting) until the page's
// 「手册已更新，点击刷新」 asks it to take over (src/client/offline-update.ts): old and new never mix.
import { readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import sharp from 'sharp';
import { generateSW } from 'workbox-build';

/** Files the service worker precaches, relative to the build folder (Pagefind's index and wasm included). */
export const PRECACHE_PATTERNS = [
  '**/*.{html,css,js,mjs,json,svg,png,ico,webmanifest,txt,xml,wasm}',
  'pagefind/**/*',
];
/** Never precached: host configs (not for browsers) and the worker itself. */
export const PRECACHE_IGNORES = ['deploy/**', '_headers', 'sw.js', 'sw.js.map'];

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
      ...ICON_SIZES.map((size) => ({ src: `icon-${size}.png`, sizes: `${size}x${size}`, type: 'image/png', purpose: 'any' })),
      { src: 'icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
      { src: 'favicon.svg', sizes: 'any', type: 'image/svg+xml' },
    ],
  };
}

async function writeIcons(outDir: string): Promise<void> {
  const svg = await readFile(join(outDir, 'favicon.svg'));
  for (const size of ICON_SIZES) {
    await sharp(svg, { density: (72 * size) / 32 }).resize(size, size).png().toFile(join(outDir, `icon-${size}.png`));
  }
  // Maskable: the mark inside the 80 % safe zone on the same red.
  const inner = await sharp(svg, { density: (72 * 400) / 32 }).resize(400, 400).png().toBuffer();
  await sharp({ create: { width: 512, height: 512, channels: 4, background: '#b91c1c' } })
    .composite([{ input: inner, left: 56, top: 56 }])
    .png()
    .toFile(join(outDir, 'icon-maskable-512.png'));
}

export function offline(): AstroIntegration {
  return {
    name: 'offline',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const outDir = fileURLToPath(dir);
        await writeFile(join(outDir, 'manifest.webmanifest'), `${JSON.stringify(webManifest(), null, 2)}\n`);
        await writeIcons(outDir);
        const { count, size, warnings } = await generateSW({
          globDirectory: outDir,
          globPatterns: PRECACHE_PATTERNS,
          globIgnores: PRECACHE_IGNORES,
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
        if (!(await stat(join(outDir, 'pagefind')).catch(() => null))) {
          logger.warn('pagefind/ was not there when the service worker was written: offline search will fail.');
        }
        logger.info(`service worker precaches ${count} files, ${(size / 1024).toFixed(0)} KB`);
      },
    },
  };
}
