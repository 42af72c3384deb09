// Runs in the browser in front of Pagefind's own API (the search dialog loads it instead of
// pagefind.js; see src/plugins/search-index.ts). Pagefind stays the engine; this only
// 1. turns 繁體 input into 简体 with the build's character map;
// 2. orders what Pagefind returns: clauses holding the query word for word first (Pagefind's quoted
//    search), then by how many of the query's words a clause holds. Pagefind alone lists the
//    clauses of a page in page order, so 三（三）2 came before 三（三）4 for 客户投诉;
// 3. tells full matches from partial ones: Pagefind drops a query word the index lacks, so 加班费
//    returned every clause with 费 as if it were an answer. A result holding only some of the words
//    (matchUnits) comes after those holding all, marked `partial`;
// 4. when a query finds few full matches and holds a reader word of the synonym table
//    (content/policy/search-synonyms.yaml: 报销 → 费用支出、审批), also searches the policy's words,
//    marked `synonym`, between the full and the partial matches.
// The marks ride on each result's data as `match`; display.ts words them for the reader.
// Every extra search here reads index chunks the plain search has already fetched, or the few a
// synonym's words need.
import type { SearchSynonym } from '../core/policy-types';

/** The part of a Pagefind result this needs; the rest passes through untouched. */
export interface EngineResult {
  readonly id: string;
  /** Pagefind's loader of the result's data (url, excerpt, meta…); `match` is added to what it gives. */
  data?(): Promise<object>;
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

/** How a result answers the query. */
export type ResultMatch =
  /** It holds the whole query word for word, or every word of it. */
  | { readonly kind: 'full' }
  /**
   * It holds only `held` of the query's words (query order; empty when Pagefind matched it some
   * other way). `noFullMatch` on the first result of a search where nothing matched fully.
   */
  | { readonly kind: 'partial'; readonly query: string; readonly held: readonly string[]; readonly noFullMatch: boolean }
  /**
   * Found through the synonym table: the query's `readerWords` (报销) and the policy words this result
   * holds (`held`: 费用支出、审批). `noFullMatch` when nothing matched the query fully.
   */
  | {
      readonly kind: 'synonym';
      readonly readerWords: readonly string[];
      readonly held: readonly string[];
      readonly noFullMatch: boolean;
    };

/** A query with fewer full matches than this also searches its synonyms ("finds nothing or little"). */
export const FEW_FULL_MATCHES = 3;

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

/** A word of the query as the ranking checks it: `phrase` when it must be found word for word. */
export interface MatchUnit {
  readonly word: string;
  readonly phrase: boolean;
}

const SINGLE_HAN = /^\p{Script=Han}$/u;

/**
 * The query's words for telling full matches from partial ones. The segmenter cuts a word it does
 * not know into single characters (客诉 → 客 / 诉; in Chromium 问卷 → 问 / 卷 too), and Pagefind finds
 * each character anywhere (诉 in 投诉): such a run is one word again, held only by a text that holds
 * it word for word. A lone character stays a word (加班费 → 加班, 费).
 */
export function matchUnits(query: string): MatchUnit[] {
  const units = new Map<string, MatchUnit>();
  const add = (word: string, phrase: boolean) => {
    if (!units.has(word)) units.set(word, { word, phrase });
  };
  const segmenter = new Intl.Segmenter('zh', { granularity: 'word' });
  for (const part of query.split(' ')) {
    let run = '';
    const endRun = () => {
      if (run) add(run, [...run].length > 1);
      run = '';
    };
    for (const s of segmenter.segment(part)) {
      if (s.isWordLike && SINGLE_HAN.test(s.segment)) {
        run += s.segment;
        continue;
      }
      endRun();
      if (s.isWordLike) add(s.segment, false);
    }
    endRun();
  }
  return [...units.values()];
}

/**
 * The synonym rows whose reader words the query holds (case aside: KPI, kpi): those reader words,
 * and the policy words to search instead, each once, in table order. Null when the query holds none.
 */
export function synonymsFor(
  query: string,
  table: readonly SearchSynonym[],
): { readerWords: string[]; policyWords: string[] } | null {
  const lower = query.toLowerCase();
  const readerWords: string[] = [];
  const policyWords: string[] = [];
  for (const row of table) {
    const found = row.readerWords.filter((w) => lower.includes(w.toLowerCase()));
    if (found.length === 0) continue;
    readerWords.push(...found);
    for (const w of row.policyWords) if (!policyWords.includes(w)) policyWords.push(w);
  }
  return readerWords.length > 0 ? { readerWords, policyWords } : null;
}

/** One word and the results of searching it: plainly (`results`), and word for word (`exact`). */
export interface WordHits<R> {
  readonly word: string;
  readonly results: readonly R[];
  readonly exact?: readonly R[];
}

export interface RankInput<R> {
  /** The query as searched (normalized). */
  readonly query: string;
  /** Pagefind's quoted search of the whole query: results in page order. */
  readonly exact: readonly R[];
  /** Pagefind's plain search: results in relevance order. */
  readonly loose: readonly R[];
  /**
   * The results holding each query word (matchUnits), unless the query is one plain word: then
   * every result of the plain search holds it.
   */
  readonly wordHits: ReadonlyArray<WordHits<R>>;
  /** The synonym rows the query holds, with one search per policy word; null when none. */
  readonly synonyms?: { readonly readerWords: readonly string[]; readonly hits: ReadonlyArray<WordHits<R>> } | null;
}

/** Results in first-seen order, each once; the first list that has a result gives its object. */
function firstSeen<R extends EngineResult>(lists: ReadonlyArray<readonly R[]>): Map<string, R> {
  const all = new Map<string, R>();
  for (const list of lists) for (const r of list) if (!all.has(r.id)) all.set(r.id, r);
  return all;
}

/** The words of `hits` whose results hold `id`, in their order. */
function heldBy<R extends EngineResult>(hits: ReadonlyArray<WordHits<R>>, pick: (h: WordHits<R>) => readonly R[] = (h) => h.results) {
  const sets = hits.map((h) => ({ word: h.word, ids: new Set(pick(h).map((r) => r.id)) }));
  return (id: string) => sets.filter((s) => s.ids.has(id)).map((s) => s.word);
}

/**
 * Orders and marks the results: full matches first (those holding the whole query word for word
 * first, then by the number of query words held, most first), then synonym matches when there are
 * fewer than FEW_FULL_MATCHES full ones (most policy words held first, then those holding them word
 * for word), then partial matches (most query words held first). Within each tier Pagefind's
 * relevance order decides; a quoted search comes back in page order, so its own order is used only
 * for results the plain one lacks. No result is listed twice.
 */
export function rankResults<R extends EngineResult>(input: RankInput<R>): Array<{ result: R; match: ResultMatch }> {
  const { query, exact, loose, wordHits } = input;
  const all = firstSeen([loose, exact, ...wordHits.map((w) => w.results)]);
  const order = new Map([...all.keys()].map((id, i) => [id, i] as const));
  const exactIds = new Set(exact.map((r) => r.id));
  const held = heldBy(wordHits);
  const isFull = (id: string) => exactIds.has(id) || wordHits.length === 0 || held(id).length === wordHits.length;
  const byOrder = (a: R, b: R) => order.get(a.id)! - order.get(b.id)!;

  const tier = (id: string) => (exactIds.has(id) ? Number.MAX_SAFE_INTEGER : held(id).length);
  const full = [...all.values()].filter((r) => isFull(r.id)).sort((a, b) => tier(b.id) - tier(a.id) || byOrder(a, b));
  const fullIds = new Set(full.map((r) => r.id));

  let synonym: Array<{ result: R; match: ResultMatch }> = [];
  const syn = input.synonyms;
  if (syn && full.length < FEW_FULL_MATCHES) {
    const found = firstSeen([...syn.hits.map((h) => h.results), ...syn.hits.map((h) => h.exact ?? [])]);
    const synOrder = new Map([...found.keys()].map((id, i) => [id, i] as const));
    const holds = heldBy(syn.hits);
    const holdsExactly = heldBy(syn.hits, (h) => h.exact ?? []);
    synonym = [...found.values()]
      .filter((r) => !fullIds.has(r.id))
      .sort(
        (a, b) =>
          holds(b.id).length - holds(a.id).length ||
          holdsExactly(b.id).length - holdsExactly(a.id).length ||
          synOrder.get(a.id)! - synOrder.get(b.id)!,
      )
      .map((result) => ({
        result,
        match: {
          kind: 'synonym' as const,
          readerWords: syn.readerWords,
          held: holds(result.id).length > 0 ? holds(result.id) : holdsExactly(result.id),
          noFullMatch: full.length === 0,
        },
      }));
  }
  const synonymIds = new Set(synonym.map((s) => s.result.id));

  const partial = [...all.values()]
    .filter((r) => !fullIds.has(r.id) && !synonymIds.has(r.id))
    .sort((a, b) => held(b.id).length - held(a.id).length || byOrder(a, b))
    .map((result, i) => ({
      result,
      match: {
        kind: 'partial' as const,
        query,
        held: held(result.id),
        noFullMatch: i === 0 && full.length === 0 && synonym.length === 0,
      },
    }));

  return [...full.map((result) => ({ result, match: { kind: 'full' as const } })), ...synonym, ...partial];
}

/** The result with `match` added to the data Pagefind loads for it. */
export function withMatch<R extends EngineResult>(result: R, match: ResultMatch): R {
  const load = result.data;
  if (!load) return result;
  return { ...result, data: async () => ({ ...(await load.call(result)), match }) };
}

/**
 * Pagefind's search and preload with the steps above; everything else is Pagefind's own.
 * `synonyms` is the synonym table, read and checked at build.
 */
export function rankedSearch<R extends EngineResult>(
  engine: Engine<R>,
  t2s: Readonly<Record<string, string>>,
  synonyms: readonly SearchSynonym[] = [],
) {
  const resultsOf = async (term: string, options?: object) => (await engine.search(term, options))?.results ?? [];
  // Pagefind's quoted search misses a phrase inside a longer index word (问卷 in 问卷调查), so a
  // phrase word is checked in the text of the few results that hold its characters.
  const holdingPhrase = async (word: string, options?: object) => {
    const candidates = await resultsOf(word, options);
    const texts = await Promise.all(
      candidates.map(async (r) => String(((await r.data?.()) as { content?: unknown } | undefined)?.content ?? '')),
    );
    return candidates.filter((_, i) => texts[i]!.toLowerCase().includes(word.toLowerCase()));
  };
  return {
    async search(term: string, options?: object): Promise<EngineSearch<R> | null> {
      const query = normalizeQuery(term, t2s);
      // An empty query or one the reader quoted already says what it wants.
      if (!query || query.includes('"')) return engine.search(query, options);
      const units = matchUnits(query);
      // One plain word: the plain search's results all hold it.
      const perWord = units.length === 1 && !units[0]!.phrase ? [] : units;
      const found = synonymsFor(query, synonyms);
      const policyWords = found?.policyWords ?? [];
      const [exact, loose, wordHits, synonymHits] = await Promise.all([
        engine.search(`"${query}"`, options),
        engine.search(query, options),
        Promise.all(
          perWord.map(async ({ word, phrase }) => ({
            word,
            results: await (phrase ? holdingPhrase(word, options) : resultsOf(word, options)),
          })),
        ),
        Promise.all(
          policyWords.map(async (word) => {
            const [results, exactly] = await Promise.all([resultsOf(word, options), resultsOf(`"${word}"`, options)]);
            return { word, results, exact: exactly };
          }),
        ),
      ]);
      const base = loose ?? exact;
      if (!base) return null;
      const ranked = rankResults({
        query,
        exact: exact?.results ?? [],
        loose: loose?.results ?? [],
        wordHits,
        synonyms: found ? { readerWords: found.readerWords, hits: synonymHits } : null,
      });
      const results = ranked.map(({ result, match }) => withMatch(result, match));
      return { ...base, results, unfilteredResultCount: results.length };
    },
    preload(term: string, options?: object): Promise<void> {
      return engine.preload(normalizeQuery(term, t2s), options);
    },
  };
}
