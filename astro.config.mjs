// @ts-check
import { readFileSync } from 'node:fs';
import { defineConfig } from 'astro/config';
import starlight from '@astrojs/starlight';
import mdx from '@astrojs/mdx';
import preact from '@astrojs/preact';
import { satteri } from '@astrojs/markdown-satteri';
import starlightLinksValidator from 'starlight-links-validator';
import { parse as parseYaml } from 'yaml';
import { clauseHeadingsPlugin } from './src/plugins/clause-headings.ts';
import { cspInlineHashes } from './src/plugins/csp-inline-hashes.ts';
import { baseLinksPlugin } from './src/plugins/base-links.ts';
import { policyChapters } from './src/plugins/policy-chapters.ts';
import { readChapters } from './src/policy/chapters.ts';
import { searchIndex } from './src/plugins/search-index.ts';
import { hostConfigs } from './src/plugins/host-configs.ts';
import { offline } from './src/plugins/offline.ts';
import { hydrateOnIntent } from './src/plugins/hydrate-on-intent.ts';

// Deploying under a sub-path: BASE_PATH=/handbook/ npm run build
const base = process.env.BASE_PATH || '/';
const meta = parseYaml(readFileSync('content/policy/meta.yaml', 'utf8'));

export default defineConfig({
  srcDir: '.',
  // OUT_DIR / ASTRO_CACHE_DIR let parallel builds (e.g. the sub-path test) keep out of each other's way.
  outDir: process.env.OUT_DIR || './dist',
  cacheDir: process.env.ASTRO_CACHE_DIR || './node_modules/.astro',
  base,
  site: process.env.SITE_URL || undefined,
  trailingSlash: 'always',
  // Starlight turns on prefetchAll; the service worker already precaches every page after the first
  // visit, so prefetching only adds 1 KB and a long task (it rescans every link on each DOM change).
  prefetch: false,
  security: {
    csp: {
      // Pagefind's search runs WebAssembly; no 'unsafe-inline' for scripts (inline ones are hashed).
      scriptDirective: { resources: ["'self'", "'wasm-unsafe-eval'"] },
      // Starlight writes style attributes; <style> elements stay hashed.
      styleDirective: {
        resources: [
          { resource: "'self'", kind: 'element' },
          { resource: "'unsafe-inline'", kind: 'attribute' },
        ],
      },
      directives: [
        "default-src 'self'",
        "img-src 'self' data:",
        "connect-src 'self'",
        "worker-src 'self' blob:",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
      ],
    },
  },
  markdown: {
    syntaxHighlight: false,
    processor: satteri({
      hastPlugins: [clauseHeadingsPlugin({ base, shortTitle: meta.shortTitle }), baseLinksPlugin(base)],
    }),
  },
  // SOURCEMAP=1 writes source maps, for finding what a chunk is made of (.tmp scripts); NOMINIFY=1 keeps
  // function names for a CPU profile. Both off by default.
  vite: { build: { sourcemap: process.env.SOURCEMAP === '1', minify: process.env.NOMINIFY !== '1' } },
  integrations: [
    starlight({
      title: '市场部制度手册',
      description: '培训机构市场部制度：条款可检索、可链接，附绩效自评、奖金估算、预算申请与入职清单工具。',
      locales: { root: { label: '简体中文', lang: 'zh-CN' } },
      favicon: '/favicon.svg',
      expressiveCode: false,
      // The index is built per clause by searchIndex() below, so a query lands on its clause;
      // Search.astro keeps the button.
      pagefind: false,
      pagination: true,
      lastUpdated: false,
      customCss: ['./src/styles/handbook.css', './src/styles/print.css', './src/styles/my-data-note.css'],
      components: {
        MarkdownContent: './src/components/starlight/MarkdownContent.astro',
        Search: './src/components/starlight/Search.astro',
        ThemeProvider: './src/components/starlight/ThemeProvider.astro',
        ThemeSelect: './src/components/starlight/ThemeSelect.astro',
      },
      sidebar: [
        { label: '首页', link: '/' },
        {
          label: '制度正文',
          // Every content/docs page with a `chapter:` number, in order (src/policy/chapters.ts).
          items: readChapters().map((c) => c.slug),
        },
        { label: '工具', items: [{ autogenerate: { directory: 'tools' } }, 'my-data'] },
        { label: '参考', items: ['clauses', 'parameters', 'print', 'changelog'] },
      ],
      plugins: [
        starlightLinksValidator({
          errorOnLocalLinks: false,
          // Revision marks link to diffs that VersionChanges renders (r1.1-c3-3-4), not Markdown
          // headings, so the validator cannot see them; test/e2e/revision.test.ts follows them.
          exclude: ({ link }) => /\/changelog\/#r\d+(\.\d+)*-c\d+(-\d+)*$/.test(link),
        }),
      ],
    }),
    mdx(),
    preact(),
    hydrateOnIntent(),
    cspInlineHashes(),
    policyChapters(),
    searchIndex(),
    // Keep these two last: they read the finished pages (CSP) and the search index (precache).
    hostConfigs(),
    offline(),
  ],
});
