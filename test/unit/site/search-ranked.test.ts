import { describe, expect, it } from 'vitest';
import {
  FEW_FULL_MATCHES,
  normalizeQuery,
  matchUnits,
  rankedSearch,
  rankResults,
  synonymsFor,
  toSimplified,
  withMatch,
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

describe('matchUnits', () => {
  it.each([
    // words the segmenter knows
    ['客户投诉', [['客户', false], ['投诉', false]]],
    // a lone character stays a word
    ['加班费', [['加班', false], ['费', false]]],
    // a word cut into characters is one word again, found word for word
    ['客诉', [['客诉', true]]],
    ['怎么 地推', [['怎么', false], ['地推', true]]],
    // punctuation and repeats go
    ['投诉，投诉', [['投诉', false]]],
  ])('%s', (query, expected) => {
    expect(matchUnits(query).map((u) => [u.word, u.phrase])).toEqual(expected);
  });
});

const r = (id: string): EngineResult => ({ id });
const ids = (list: ReadonlyArray<{ id: string }>) => list.map((x) => x.id);
const rankedIds = (input: Parameters<typeof rankResults>[0]) => rankResults(input).map((x) => x.result.id);
const hits = (word: string, list: string[], exact?: string[]) => ({
  word,
  results: list.map(r),
  ...(exact ? { exact: exact.map(r) } : {}),
});

describe('rankResults: the order', () => {
  it("puts the exact matches first, in the plain search's relevance order (the quoted one is in page order)", () => {
    expect(
      rankedIds({ query: '客户投诉', exact: [r('c4-1-2'), r('c3-3-4')], loose: [r('c3-3-2'), r('c3-3-4'), r('c4-1-2')], wordHits: [] }),
    ).toEqual(['c3-3-4', 'c4-1-2', 'c3-3-2']);
  });

  it('keeps an exact match the plain search lacks', () => {
    expect(rankedIds({ query: 'x', exact: [r('x')], loose: [r('a')], wordHits: [] })).toEqual(['x', 'a']);
  });

  it('ranks results holding more of the words above those holding fewer, ties in Pagefind order', () => {
    const ranked = rankedIds({
      query: 'p q s',
      exact: [],
      loose: [r('a'), r('b')],
      wordHits: [hits('p', ['c', 'b', 'd']), hits('q', ['b', 'd']), hits('s', ['a', 'd'])],
    });
    // d holds three words, b two, a and c one (a came first from Pagefind)
    expect(ranked).toEqual(['d', 'b', 'a', 'c']);
  });

  it('never lists a result twice', () => {
    expect(rankedIds({ query: 'a', exact: [r('a')], loose: [r('a'), r('b')], wordHits: [hits('a', ['b', 'a'])] })).toEqual([
      'a',
      'b',
    ]);
  });
});

describe('rankResults: full and partial matches', () => {
  // 加班费: Pagefind drops 加班 (not in the index) and returns what holds 费.
  const overtime = { query: '加班费', exact: [], loose: [r('c6-2-1'), r('c6-1-1')], wordHits: [hits('加班', []), hits('费', ['c6-2-1', 'c6-1-1'])] };

  it.each([
    // one word: everything Pagefind returns holds it
    ['a one-word query', { query: '问卷', exact: [], loose: [r('c3-1-2')], wordHits: [] }, ['full']],
    // a clause holding every word, apart, is a full match too
    ['every word, apart', { query: '工作规范', exact: [r('a')], loose: [r('a'), r('b')], wordHits: [hits('工作', ['a', 'b']), hits('规范', ['a', 'b'])] }, ['full', 'full']],
    ['only 费 of 加班费', overtime, ['partial', 'partial']],
  ] as const)('%s', (_name, input, kinds) => {
    expect(rankResults(input).map((x) => x.match.kind)).toEqual(kinds);
  });

  it('names the words a partial match holds, and says on the first one when nothing matched fully', () => {
    expect(rankResults(overtime).map((x) => x.match)).toEqual([
      { kind: 'partial', query: '加班费', held: ['费'], noFullMatch: true },
      { kind: 'partial', query: '加班费', held: ['费'], noFullMatch: false },
    ]);
  });

  it('ranks partial matches after every full one, whatever Pagefind\'s order', () => {
    const ranked = rankResults({
      query: '投诉 升级',
      exact: [],
      loose: [r('c4-1-2'), r('c3-3-4')],
      wordHits: [hits('投诉', ['c4-1-2', 'c3-3-4']), hits('升级', ['c3-3-4'])],
    });
    expect(ranked.map((x) => [x.result.id, x.match.kind])).toEqual([
      ['c3-3-4', 'full'],
      ['c4-1-2', 'partial'],
    ]);
    expect(ranked[1]!.match).toMatchObject({ held: ['投诉'], noFullMatch: false });
  });
});

describe('rankResults: synonyms', () => {
  const reimburse = (loose: string[], wordHits: ReturnType<typeof hits>[] = []) => ({
    query: '怎么报销',
    exact: [],
    loose: loose.map(r),
    wordHits,
    synonyms: {
      readerWords: ['报销'],
      // c6-1-2 holds 费用支出 only; c6-1-1 both; the tool page 审批 only
      hits: [hits('费用支出', ['c6-1-2', 'c6-1-1'], ['c6-1-2', 'c6-1-1']), hits('审批', ['c6-1-1', 'tool'], ['c6-1-1', 'tool'])],
    },
  });

  it('when nothing matches, lists what holds the most policy words first, saying so', () => {
    const ranked = rankResults(reimburse([], [hits('怎么', []), hits('报销', [])]));
    expect(ranked.map((x) => x.result.id)).toEqual(['c6-1-1', 'c6-1-2', 'tool']);
    expect(ranked[0]!.match).toEqual({ kind: 'synonym', readerWords: ['报销'], held: ['费用支出', '审批'], noFullMatch: true });
    expect(ranked[2]!.match).toMatchObject({ held: ['审批'] });
  });

  it('come after the full matches and before the partial ones', () => {
    const ranked = rankResults({
      ...reimburse(['full', 'part'], [hits('报销', ['full']), hits('流程', ['full', 'part'])]),
      query: '报销 流程',
    });
    expect(ranked.map((x) => [x.result.id, x.match.kind])).toEqual([
      ['full', 'full'],
      ['c6-1-1', 'synonym'],
      ['c6-1-2', 'synonym'],
      ['tool', 'synonym'],
      ['part', 'partial'],
    ]);
    expect(ranked[1]!.match).toMatchObject({ noFullMatch: false });
  });

  it(`are not used once a query has ${FEW_FULL_MATCHES} full matches`, () => {
    const full = Array.from({ length: FEW_FULL_MATCHES }, (_, i) => `f${i}`);
    const kinds = rankResults(reimburse(full)).map((x) => x.match.kind);
    expect(kinds).toEqual(full.map(() => 'full'));
  });

  it('a result that matches fully is listed once, as a full match', () => {
    const ranked = rankResults(reimburse(['c6-1-1']));
    expect(ranked.map((x) => [x.result.id, x.match.kind])).toEqual([
      ['c6-1-1', 'full'],
      ['c6-1-2', 'synonym'],
      ['tool', 'synonym'],
    ]);
  });
});

describe('synonymsFor', () => {
  const TABLE = [
    { readerWords: ['报销', '报账'], policyWords: ['费用支出', '审批'] },
    { readerWords: ['KPI'], policyWords: ['绩效考核指标'] },
    { readerWords: ['请款'], policyWords: ['审批'] },
  ];
  it.each([
    ['怎么报销', { readerWords: ['报销'], policyWords: ['费用支出', '审批'] }],
    // case does not matter for Latin words
    ['kpi 怎么算', { readerWords: ['KPI'], policyWords: ['绩效考核指标'] }],
    // two rows: each policy word once
    ['报账 请款', { readerWords: ['报账', '请款'], policyWords: ['费用支出', '审批'] }],
    ['加班费', null],
  ])('%s', (query, expected) => {
    expect(synonymsFor(query, TABLE)).toEqual(expected);
  });
});

describe('withMatch', () => {
  it("adds the match to the data Pagefind loads, leaving the rest as Pagefind gave it", async () => {
    const result = { id: 'a', score: 2, data: async () => ({ url: '/x/', excerpt: 'e' }) };
    const marked = withMatch(result, { kind: 'full' });
    expect(marked.score).toBe(2);
    await expect(marked.data()).resolves.toEqual({ url: '/x/', excerpt: 'e', match: { kind: 'full' } });
  });
});

describe('rankedSearch', () => {
  // A fake engine over four records: a quoted term matches only records holding it verbatim.
  // c3-3-2 holds 客 and 诉, apart.
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
        exact
          ? text.includes(exact[1]!)
          : // like Pagefind, the characters of a word the segmenter does not know are found anywhere
            matchUnits(term).every((u) => (u.phrase ? [...u.word].every((ch) => text.includes(ch)) : text.includes(u.word)));
      const results = Object.keys(records).filter((id) => hit(records[id]!));
      return { results: results.map((id) => ({ id, data: async () => ({ url: `/${id}/`, content: records[id] }) })) };
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

  it('finds 報銷 through the synonym table when the index lacks it, and marks the results', async () => {
    const withSynonyms = rankedSearch(engine, { ...MAP, 報: '报', 銷: '销' }, [{ readerWords: ['报销'], policyWords: ['预算'] }]);
    const result = await withSynonyms.search('報銷');
    expect(ids(result!.results)).toEqual(['c6-2']);
    await expect(result!.results[0]!.data!()).resolves.toEqual({
      url: '/c6-2/',
      content: '预算管理',
      match: { kind: 'synonym', readerWords: ['报销'], held: ['预算'], noFullMatch: true },
    });
  });

  it('a word the segmenter cut into characters counts only where the text holds it whole', async () => {
    // 客诉 → 客 / 诉: c3-3-2 holds both characters, apart; none holds 客诉
    const result = await ranked.search('客诉');
    expect(ids(result!.results)).toContain('c3-3-2');
    const matches = await Promise.all(result!.results.map(async (x) => ((await x.data!()) as { match: { kind: string } }).match.kind));
    expect(matches.every((kind) => kind === 'partial')).toBe(true);
  });

  it('returns null when Pagefind has no answer', async () => {
    const none = rankedSearch({ search: async () => null, preload: async () => {} }, MAP);
    await expect(none.search('预算')).resolves.toBeNull();
  });
});
