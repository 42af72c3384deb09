// Runs in the browser in front of Pagefind's own API (the search dialog loads it instead of
// pagefind.js; see src/plugins/search-index.ts). Pagefind stays the engine; this only
// 1. turns 繁體 input into 简体 with the build's character map, and
// 2. orders what Pagefind returns: clauses holding the query word for word first (Pagefind's quoted
//    search), then by how many of the query's words a clause holds. Pagefind alone lists the
//    clauses of a page in page order, so 三（三）2 came before 三（三）4 for 客户投诉.
// Every extra search here reads index chunks the plain search has already fetched: no extra bytes.

/** The part of a Pagefind result this needs; the rest passes through untouched. */
export interface EngineResult {
  readonly id: string;
}
export interface EngineSearch<R extends EngineResult = EngineResult> {
  results: R[];
  unfilteredResultCount?: number;
  [key: string]: unknown;
}
/** The part of Pagefind's JS API (pagefind.js) this wraps. */
export interface Engine<R extends EngineResult = EngineResult> {
  search(term: string, options?: object): Promise<EngineSearch<R> | null>;
  preload(term: string, options?: object): Promise<void>;
}

/** 預算 → 预算; characters without an entry stay as typed. */
export function toSimplified(text: string, map: Readonly<Record<string, string>>): string {
  let out = '';
  for (const ch of text) out += map[ch] ?? ch;
  return out;
}

/** The query as Pagefind should see it: 简体, spaces collapsed (full-width ones too). */
export function normalizeQuery(term: string, map: Readonly<Record<string, string>>): string {
  return toSimplified(term, map).replace(/[\s\u3000]+/g, ' ').trim();
}

/** The words of a query, segmented as Pagefind segments Chinese queries (Intl.Segmenter). */
export function queryWords(query: string): string[] {
  const words = new Set<string>();
  const segmenter = new Intl.Segmenter('zh', { granularity: 'word' });
  for (const part of query.split(' ')) {
    for (const s of segmenter.segment(part)) if (s.isWordLike) words.add(s.segment);
  }
  return [...words];
}

/**
 * Puts the results that hold the whole query (`exact`, Pagefind's quoted search) first, then every
 * other result by the number of query words it holds (`wordHits`, one result list per word), most
 * first. Within each tier Pagefind's relevance order (`loose`, the plain search) decides; a quoted
 * search comes back in page order, so its own order is used only for results the plain one lacks.
 */
export function mergeRanked<R extends EngineResult>(
  exact: readonly R[],
  loose: readonly R[],
  wordHits: ReadonlyArray<{ results: readonly R[] }>,
): R[] {
  const all = new Map<string, R>();
  for (const r of [...loose, ...exact, ...wordHits.flatMap((w) => w.results)]) if (!all.has(r.id)) all.set(r.id, r);
  const order = new Map([...all.keys()].map((id, i) => [id, i] as const));
  const exactIds = new Set(exact.map((r) => r.id));
  const sets = wordHits.map((w) => new Set(w.results.map((r) => r.id)));
  const hits = (id: string) => sets.reduce((n, s) => n + (s.has(id) ? 1 : 0), 0);
  const tier = (id: string) => (exactIds.has(id) ? Number.MAX_SAFE_INTEGER : hits(id));
  return [...all.values()].sort((a, b) => tier(b.id) - tier(a.id) || order.get(a.id)! - order.get(b.id)!);
}

/** Pagefind's search and preload with the two steps above; everything else is Pagefind's own. */
export function rankedSearch<R extends EngineResult>(engine: Engine<R>, t2s: Readonly<Record<string, string>>) {
  return {
    async search(term: string, options?: object): Promise<EngineSearch<R> | null> {
      const query = normalizeQuery(term, t2s);
      // An empty query or one the reader quoted already says what it wants.
      if (!query || query.includes('"')) return engine.search(query, options);
      const words = queryWords(query);
      const perWord = words.length > 1 ? words : [];
      const [exact, loose, ...wordHits] = await Promise.all([
        engine.search(`"${query}"`, options),
        engine.search(query, options),
        ...perWord.map((w) => engine.search(w, options)),
      ]);
      const base = loose ?? exact;
      if (!base) return null;
      const results = mergeRanked(
        exact?.results ?? [],
        loose?.results ?? [],
        wordHits.map((w) => ({ results: w?.results ?? [] })),
      );
      return { ...base, results, unfilteredResultCount: results.length };
    },
    preload(term: string, options?: object): Promise<void> {
      return engine.preload(normalizeQuery(term, t2s), options);
    },
  };
}
