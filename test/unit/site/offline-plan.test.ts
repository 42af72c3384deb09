// What the service worker precaches on a first visit and what it stages until a tool page is opened
// (src/plugins/offline.ts), on a small built site written here, at the root and under a base path.
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { offlinePage, offlinePlan, planVersion } from '../../../src/plugins/offline';

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

function toolPage(base: string): string {
  return (
    `<link rel="stylesheet" href="${base}_astro/common.A1.css"><link rel="stylesheet" href="${base}_astro/x.F1.css">` +
    `<astro-island component-url="${base}_astro/X.G1.js" renderer-url="${base}_astro/client.H1.js"></astro-island>`
  );
}

/** A build as Astro and Pagefind write it, with asset URLs under `base`. */
function site(base: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'offline-plan-'));
  dirs.push(dir);
  const files: Record<string, string> = {
    'index.html':
      `<link rel="manifest" href="${base}manifest.webmanifest"><link rel="icon" href="${base}favicon.svg">` +
      `<link rel="stylesheet" href="${base}_astro/common.A1.css"><script type="module" src="${base}_astro/Page.B1.js"></script>` +
      `<a href="${base}tools/x/">工具</a><a href="${base}general/#c1-1">条款</a>`,
    'general/index.html': `<script type="module" src="${base}_astro/Page.B1.js"></script>`,
    'tools/x/index.html': toolPage(base),
    '404.html': `<script type="module" src="${base}_astro/NotFound.K1.js"></script>`,
    'offline.html': `<link rel="stylesheet" href="${base}_astro/common.A1.css">`,
    'manifest.webmanifest': '{}',
    'favicon.svg': '<svg/>',
    'icon-512.png': 'png',
    '_astro/common.A1.css': 'body{}',
    // A static import, and a dynamic one whose dependencies Vite lists as "_astro/…".
    '_astro/Page.B1.js':
      'import{a}from"./shared.C1.js";const m=["_astro/dep.E1.js"];const l=()=>import(`./lazy.D1.js`);',
    '_astro/shared.C1.js': 'export const a=1;',
    '_astro/lazy.D1.js': 'export const b=2;',
    '_astro/dep.E1.js': 'export const c=3;',
    '_astro/NotFound.K1.js': '',
    '_astro/X.G1.js': 'import"./shared.C1.js";const s=()=>import("./Sheet.I1.js");',
    '_astro/client.H1.js': '',
    '_astro/Sheet.I1.js': '',
    '_astro/x.F1.css': '',
    '_astro/unused.J1.js': '',
    'pagefind/pagefind.js': '',
    'pagefind/pagefind-worker.js': '',
    'pagefind/pagefind-entry.json': '{}',
    'pagefind/pagefind.zh-cn_1.pf_meta': '',
    'pagefind/wasm.unknown.pagefind': '',
    'pagefind/index/zh-cn_2.pf_index': '',
    'pagefind/fragment/zh-cn_3.pf_fragment': '',
    'pagefind/filter/zh-cn_4.pf_filter': '',
    'pagefind/handbook/pagefind.js': '',
    'pagefind/pagefind-ui.js': '',
    'pagefind/pagefind-ui.css': '',
    'pagefind/pagefind-component-ui.js': '',
    'pagefind/pagefind-modular-ui.js': '',
    'pagefind/pagefind-highlight.js': '',
    'deploy/nginx.conf': '',
    _headers: '',
    'sw.js': '',
  };
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, file)), { recursive: true });
    writeFileSync(join(dir, file), text);
  }
  return dir;
}

describe.each([['/'], ['/handbook/']])('offlinePlan (base %s)', (base) => {
  const dir = site(base);
  const plan = offlinePlan(dir, base);

  it('precaches the pages without a tool, what they load (imports on demand too), offline.html and the search', () => {
    expect(plan.precache).toEqual([
      '_astro/Page.B1.js',
      '_astro/common.A1.css',
      '_astro/dep.E1.js',
      '_astro/lazy.D1.js',
      '_astro/shared.C1.js',
      'favicon.svg',
      'general/index.html',
      'index.html',
      'manifest.webmanifest',
      'offline.html',
      'pagefind/filter/zh-cn_4.pf_filter',
      'pagefind/fragment/zh-cn_3.pf_fragment',
      'pagefind/handbook/pagefind.js',
      'pagefind/index/zh-cn_2.pf_index',
      'pagefind/pagefind-entry.json',
      'pagefind/pagefind-worker.js',
      'pagefind/pagefind.js',
      'pagefind/pagefind.zh-cn_1.pf_meta',
      'pagefind/wasm.unknown.pagefind',
    ]);
  });

  it('stages a tool page with what its tool may load that is not precached, and its HTML revision', () => {
    expect(plan.staged).toEqual({
      'tools/x/': {
        revision: createHash('sha256').update(toolPage(base)).digest('hex'),
        files: ['_astro/Sheet.I1.js', '_astro/X.G1.js', '_astro/client.H1.js', '_astro/x.F1.css'],
      },
    });
  });

  it('changes its version with any file it precaches', () => {
    const before = planVersion(dir, plan);
    writeFileSync(join(dir, '_astro/lazy.D1.js'), 'export const b=3;');
    expect(planVersion(dir, plan)).not.toBe(before);
  });
});

// Starlight's 404 page as built from content/docs/404.md (the parts offlinePage rewrites).
const NOT_FOUND = (base: string) =>
  `<title>页面不存在 | 市场部制度手册</title><meta property="og:title" content="页面不存在"/>` +
  `<main><h1 id="_top" data-page-title class="astro-x">页面不存在</h1><div class="tagline astro-x">这个地址没有对应的页面。</div>` +
  `<div class="sl-markdown-content"><p>条款链接的格式是 …可以回到<a href="${base}">首页</a>。</p>\n</div>` +
  `<script type="module" src="${base}_astro/MarkdownContent.js"></script></main>`;

describe('offlinePage', () => {
  it.each([['/'], ['/handbook/']])(
    'says why a tool page cannot open offline and links home and the index (base %s)',
    (base) => {
      const html = offlinePage(NOT_FOUND(base), base);
      expect(html).not.toContain('页面不存在');
      expect(html).toContain('<title>离线时打不开这一页 | 市场部制度手册</title>');
      expect(html).toContain('>离线时打不开这一页</h1>');
      expect(html).toContain('这一页还没有在本机联网打开过。');
      expect(html).toContain('联网后打开一次这一页，之后断网也能使用。');
      expect(html).toContain(`<a href="${base}">首页</a>`);
      expect(html).toContain(`<a href="${base}clauses/">条款索引</a>`);
      // The layout's scripts stay as they were (the page's CSP hashes cover them).
      expect(html).toContain(`<script type="module" src="${base}_astro/MarkdownContent.js"></script>`);
    },
  );

  it('refuses a 404 page whose markup it does not know', () => {
    expect(() => offlinePage('<main><h1>页面不存在</h1></main>', '/')).toThrow(/404\.html 的结构变了/);
  });
});
