// Astro integration: builds the Pagefind index after the build, as Starlight's own
// integrations/pagefind.js does (Starlight's is switched off with `pagefind: false`; its search button
// stays because src/components/starlight/Search.astro overrides `Search`). Differences, so a query
// lands on the clause that holds it:
// - one record per clause (url /chapter/#cX-Y-Z, title 三（三）4 客户投诉处理, group = its chapter), and
//   one record of name + description per other page (tools, 参数说明, 修订记录);
// - next to Pagefind's bundle, pagefind/handbook/pagefind.js: Pagefind's API with 繁體 → 简体,
//   exact-phrase-first ranking, partial matches last and synonyms (src/search/ranked-search.ts),
//   bundled with esbuild, carrying the character map for only the characters in the index and the
//   synonym table (content/policy/search-synonyms.yaml, checked against the policy text when the
//   build starts). The search dialog loads it on first open.
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
import type { SearchSynonym } from '../core/policy-types';
import { parsePolicyYaml } from '../schemas/load-policy';
import { searchSynonymsSchema } from '../schemas/search-synonyms';
import { policyWordsText } from '../policy/policy-text';

/** The synonym table's file in content/policy/ (read here only: no page shows it). */
export const SYNONYMS_FILE = 'search-synonyms.yaml';

/**
 * The synonym table, checked: every policy word must occur in the policy text of the chapter pages
 * (a bad file throws naming the file, the row and the reason).
 */
export function readSynonyms(root: URL): SearchSynonym[] {
  const text = readFileSync(new URL(`content/policy/${SYNONYMS_FILE}`, root), 'utf8');
  const schema = searchSynonymsSchema(policyWordsText(fileURLToPath(root)));
  return parsePolicyYaml(SYNONYMS_FILE, text, schema).synonyms;
}

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

async function writeRankedBundle(
  root: URL,
  bundleDir: string,
  t2s: Record<string, string>,
  synonyms: readonly SearchSynonym[],
): Promise<void> {
  const rankedModule = fileURLToPath(new URL('src/search/ranked-search.ts', root));
  await build({
    stdin: {
      contents: [
        `import * as engine from '../pagefind.js';`,
        `import { rankedSearch } from ${JSON.stringify(rankedModule)};`,
        `export * from '../pagefind.js';`,
        `const ranked = rankedSearch(engine, ${JSON.stringify(t2s)}, ${JSON.stringify(synonyms)});`,
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
  let synonyms: SearchSynonym[] = [];
  return {
    name: 'handbook:search-index',
    hooks: {
      'astro:config:done': ({ config }) => {
        root = config.root;
      },
      // Read before the pages are built, so a bad synonym table fails the build at once.
      'astro:build:start': () => {
        synonyms = readSynonyms(root);
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
        // 報銷 finds 报销's synonyms: the reader words' characters are mapped too.
        const characters = indexCharacters(records);
        for (const row of synonyms) for (const word of row.readerWords) for (const ch of word) characters.add(ch);
        const t2s = traditionalToSimplifiedMap(characters);
        await writeRankedBundle(root, bundleDir, t2s, synonyms);
        const clauses = records.filter((r) => r.kind === 'clause').length;
        logger.info(
          `search index: ${clauses} clauses, ${records.length - clauses} pages, ` +
            `${Object.keys(t2s).length} 繁體 characters mapped, ${synonyms.length} synonym rows, ` +
            `${Math.round(performance.now() - started)} ms`,
        );
      },
    },
  };
}
