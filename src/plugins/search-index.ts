// Astro integration: builds the Pagefind index after the build, as Starlight's own
// integrations/pagefind.js does (Starlight's is switched off with `pagefind: false`; its search button
// stays because src/components/starlight/Search.astro overrides `Search`). Differences, so a query
// lands on the clause that holds it:
// - one record per clause (url /chapter/#cX-Y-Z, title 三（三）4 客户投诉处理, group = its chapter), and
//   one record of name + description per other page (tools, 参数说明, 修订记录);
// - next to Pagefind's bundle, pagefind/handbook/pagefind.js: Pagefind's API with 繁體 → 简体 and
//   exact-phrase-first ranking (src/search/ranked-search.ts), bundled with esbuild, carrying the
//   character map for only the characters in the index. The search dialog loads it on first open.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import * as pagefind from 'pagefind';
import { build } from 'esbuild';
import {
  clauseRecords,
  indexCharacters,
  pageRecord,
  toIndexHtml,
  type SearchRecord,
} from '../search/records';
import { traditionalToSimplifiedMap } from '../search/t2s-map';

/** Folder, under Pagefind's bundle, of the dialog's entry module (Pagefind's UI imports <dir>/pagefind.js). */
export const RANKED_BUNDLE_DIR = 'handbook';
/** Group of the records of pages that are not chapters. */
const PAGE_GROUPS: ReadonlyArray<[RegExp, string]> = [
  [/^\/tools\//, '工具'],
  [/^\//, '参考'],
];

function htmlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) return name === '_astro' || name === 'pagefind' ? [] : htmlFiles(p);
    return name === 'index.html' ? [p] : [];
  });
}

/** Every record of the built site in `outDir`, chapters first (page order), then the other pages. */
export function siteRecords(outDir: string): SearchRecord[] {
  const clauses: SearchRecord[] = [];
  const pages: SearchRecord[] = [];
  for (const file of htmlFiles(outDir).sort()) {
    const path = `/${relative(outDir, file).split(sep).slice(0, -1).join('/')}/`.replace(/\/+/g, '/');
    const html = readFileSync(file, 'utf8');
    const own = clauseRecords(html, path);
    if (own.length > 0) {
      clauses.push(...own);
      continue;
    }
    const group = PAGE_GROUPS.find(([re]) => re.test(path))?.[1] ?? '参考';
    const record = pageRecord(html, path, group);
    if (record) pages.push(record);
  }
  return [...clauses, ...pages];
}

function assertOk<T extends { errors: string[] }>(response: T, logger: AstroIntegrationLogger): T {
  if (response.errors.length > 0) {
    for (const error of response.errors) logger.error(`Pagefind: ${error}`);
    throw new Error('Pagefind 建索引失败。');
  }
  return response;
}

async function writeRankedBundle(root: URL, bundleDir: string, t2s: Record<string, string>): Promise<void> {
  const rankedModule = fileURLToPath(new URL('src/search/ranked-search.ts', root));
  await build({
    stdin: {
      contents: [
        `import * as engine from '../pagefind.js';`,
        `import { rankedSearch } from ${JSON.stringify(rankedModule)};`,
        `export * from '../pagefind.js';`,
        `const ranked = rankedSearch(engine, ${JSON.stringify(t2s)});`,
        `export const search = ranked.search;`,
        `export const preload = ranked.preload;`,
      ].join('\n'),
      resolveDir: fileURLToPath(root),
      loader: 'js',
    },
    bundle: true,
    format: 'esm',
    minify: true,
    target: 'es2022',
    external: ['../pagefind.js'],
    outfile: join(bundleDir, RANKED_BUNDLE_DIR, 'pagefind.js'),
    logLevel: 'silent',
  });
}

export function searchIndex(): AstroIntegration {
  let root = new URL(`file://${process.cwd()}/`);
  return {
    name: 'handbook:search-index',
    hooks: {
      'astro:config:done': ({ config }) => {
        root = config.root;
      },
      'astro:build:done': async ({ dir, logger }) => {
        const started = performance.now();
        const outDir = fileURLToPath(dir);
        const bundleDir = join(outDir, 'pagefind');
        const records = siteRecords(outDir);
        try {
          const { index } = assertOk(await pagefind.createIndex(), logger);
          if (!index) throw new Error('Pagefind 未能创建索引。');
          for (const record of records) {
            assertOk(await index.addHTMLFile({ url: record.url, content: toIndexHtml(record) }), logger);
          }
          assertOk(await index.writeFiles({ outputPath: bundleDir }), logger);
        } finally {
          await pagefind.close();
        }
        const t2s = traditionalToSimplifiedMap(indexCharacters(records));
        await writeRankedBundle(root, bundleDir, t2s);
        const clauses = records.filter((r) => r.kind === 'clause').length;
        logger.info(
          `search index: ${clauses} clauses, ${records.length - clauses} pages, ` +
            `${Object.keys(t2s).length} 繁體 characters mapped, ${Math.round(performance.now() - started)} ms`,
        );
      },
    },
  };
}
