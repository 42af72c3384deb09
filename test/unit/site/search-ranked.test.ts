import { describe, expect, it } from 'vitest';
import {
  mergeRanked,
  normalizeQuery,
  queryWords,
  rankedSearch,
  toSimplified,
  type Engine,
  type EngineResult,
} from '../../../src/search/ranked-search';

const MAP = { 預: '预', 績: '绩', 獎: '奖', 戶: '户', 訴: '诉' };

describe('toSimplified / normalizeQuery', () => {
  it.each([
    ['預算', '预算'],
    ['績效獎金', '绩效奖金'],
    ['客戶投訴', '客户投诉'],
    // characters without an entry stay as typed
    ['投诉abc', '投诉abc'],
  ])('%s → %s', (input, expected) => {
    expect(toSimplified(input, MAP)).toBe(expected);
  });

  it('collapses ASCII and full-width spaces', () => {
    expect(normalizeQuery('  客戶\u3000 投訴 ', MAP)).toBe('客户 投诉');
  });
});

describe('queryWords', () => {
  it('segments a Chinese query into words, without punctuation or repeats', () => {
    const words = queryWords('客户投诉，客户');
    expect(words.join('')).not.toContain('，');
    expect(new Set(words).size).toBe(words.length);
    expect(words.join('')).toContain('投诉');
  });
});

const r = (id: string): EngineResult => ({ id });
const ids = (list: EngineResult[]) => list.map((x) => x.id);

describe('mergeRanked', () => {
  it("puts the exact matches first, in the plain search's relevance order (the quoted one is in page order)", () => {
    expect(ids(mergeRanked([r('c4-1-2'), r('c3-3-4')], [r('c3-3-2'), r('c3-3-4'), r('c4-1-2')], []))).toEqual([
      'c3-3-4',
      'c4-1-2',
      'c3-3-2',
    ]);
  });

  it('keeps an exact match the plain search lacks', () => {
    expect(ids(mergeRanked([r('x')], [r('a')], []))).toEqual(['x', 'a']);
  });

  it('ranks results holding more of the words above those holding fewer, ties in Pagefind order', () => {
    const merged = mergeRanked(
      [],
      [r('a'), r('b')],
      [{ results: [r('c'), r('b'), r('d')] }, { results: [r('b'), r('d')] }, { results: [r('a'), r('d')] }],
    );
    // d holds three words, b two, a and c one (a came first from Pagefind)
    expect(ids(merged)).toEqual(['d', 'b', 'a', 'c']);
  });

  it('never lists a result twice', () => {
    const merged = mergeRanked([r('a')], [r('a'), r('b')], [{ results: [r('b'), r('a')] }]);
    expect(ids(merged)).toEqual(['a', 'b']);
  });
});

describe('rankedSearch', () => {
  // A fake engine over four records: a quoted term matches only records holding it verbatim.
  const records: Record<string, string> = {
    'c3-3-2': '客户跟进 客户问题 投诉意见',
    'c3-3-4': '客户投诉处理 客户投诉',
    'c4-1-2': '客户投诉率',
    'c6-2': '预算管理',
  };
  const calls: string[] = [];
  const engine: Engine = {
    async search(term) {
      calls.push(term);
      const exact = /^"(.*)"$/.exec(term);
      const hit = (text: string) =>
        exact ? text.includes(exact[1]!) : queryWords(term).every((w) => text.includes(w));
      return { results: Object.keys(records).filter((id) => hit(records[id]!)).map(r) };
    },
    async preload(term) {
      calls.push(`preload ${term}`);
    },
  };
  const ranked = rankedSearch(engine, MAP);

  it('finds 客戶投訴 like 客户投诉, the clause holding it word for word first', async () => {
    const result = await ranked.search('客戶投訴');
    expect(ids(result!.results)[0]).toBe('c3-3-4');
    expect(ids(result!.results)).toContain('c3-3-2');
    expect(result!.unfilteredResultCount).toBe(result!.results.length);
  });

  it('passes a quoted query through as typed (after 繁體 mapping)', async () => {
    calls.length = 0;
    await ranked.search('"預算"');
    expect(calls).toEqual(['"预算"']);
  });

  it('preloads the simplified query', async () => {
    calls.length = 0;
    await ranked.preload('預算');
    expect(calls).toEqual(['preload 预算']);
  });

  it('returns null when Pagefind has no answer', async () => {
    const none = rankedSearch({ search: async () => null, preload: async () => {} }, MAP);
    await expect(none.search('预算')).resolves.toBeNull();
  });
});
