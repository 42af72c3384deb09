import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { cleanExcerpt, displayResult, matchLabel, type MatchLabels } from '../../../src/search/display';

/** The dialog's own strings (pagefind.match_*), as Search.astro passes them. */
const LABELS: MatchLabels = Object.fromEntries(
  Object.entries(JSON.parse(readFileSync(new URL('../../../content/i18n/zh-CN.json', import.meta.url), 'utf8')) as Record<string, string>)
    .filter(([key]) => key.startsWith('pagefind.match_'))
    .map(([key, value]) => [key.replace('pagefind.', ''), value]),
);

describe('cleanExcerpt', () => {
  it.each([
    // Pagefind joins the heading and the text with ". "
    ['三（三）4 客户投诉处理. 建立客户投诉处理机制', '三（三）4 客户投诉处理。建立客户投诉处理机制'],
    ['客户<mark>投诉</mark>处理. 建立', '客户<mark>投诉</mark>处理。建立'],
    ['<mark>记录</mark>. 对工作', '<mark>记录</mark>。对工作'],
    // a window that starts at a block boundary
    ['. 对客户投诉进行调查', '对客户投诉进行调查'],
    ['，及时受理', '及时受理'],
    // Latin text keeps its full stops
    ['npm run build. Then', 'npm run build. Then'],
  ])('%s → %s', (input, expected) => {
    expect(cleanExcerpt(input)).toBe(expected);
  });
});

describe('cleanExcerpt with the result title', () => {
  const title = '三（三）4 客户投诉处理';
  it.each([
    // the heading (or its end) is the link already
    ['三（三）4 客户<mark>投诉</mark>处理. 建立客户<mark>投诉</mark>处理机制', '建立客户<mark>投诉</mark>处理机制'],
    ['）4 客户投诉处理. 建立', '建立'],
    // a section without text of its own: nothing but the heading
    ['三（三） <mark>客户</mark>关系管理流程', ''],
    ['三（三） <mark>客户</mark>关系管理流程.', ''],
    // text that only looks like the heading's end stays
    ['对客户投诉进行调查. 制定', '对客户投诉进行调查。制定'],
  ])('%s → %s', (input, expected) => {
    expect(cleanExcerpt(input, input.startsWith('三（三） ') ? '三（三） 客户关系管理流程' : title)).toBe(expected);
  });
});

describe('displayResult', () => {
  it('moves the group out of the tags into an escaped label and formats the URL', () => {
    const data = displayResult(
      { url: '/workflows/#c3-3-4', excerpt: '. 建立', meta: { title: '三（三）4 客户投诉处理', group: '第三章 <工作>' } },
      (url) => url.toUpperCase(),
    );
    expect(data.url).toBe('/WORKFLOWS/#C3-3-4');
    expect(data.meta).toEqual({ title: '三（三）4 客户投诉处理' });
    expect(data.excerpt).toBe('<span class="search-result-group">第三章 &lt;工作&gt;</span>建立');
  });

  it('leaves the excerpt alone when a record has no group', () => {
    const data = displayResult({ url: '/x/', excerpt: '文字', meta: { title: 'x' } }, (u) => u);
    expect(data.excerpt).toBe('文字');
  });
});

describe('matchLabel', () => {
  it.each([
    [{ kind: 'full' } as const, ''],
    [{ kind: 'partial', query: '加班费', held: ['费'], noFullMatch: false } as const, '部分匹配：只含“费”'],
    // the first result of a search nothing matched fully
    [{ kind: 'partial', query: '加班费', held: ['费'], noFullMatch: true } as const, '没有完全匹配“加班费”的结果。部分匹配：只含“费”'],
    // Pagefind matched it some other way: no words to name
    [{ kind: 'partial', query: 'x y', held: [], noFullMatch: false } as const, '部分匹配'],
    [
      { kind: 'synonym', readerWords: ['报销'], held: ['费用支出', '审批'], noFullMatch: true } as const,
      '未找到“报销”，按同义词“费用支出”“审批”找到',
    ],
    // the query had a few full matches too
    [{ kind: 'synonym', readerWords: ['报销'], held: ['审批'], noFullMatch: false } as const, '按“报销”的同义词“审批”找到'],
    // $& in the reader's query is text, not a replacement pattern
    [{ kind: 'partial', query: '$&费', held: ['费'], noFullMatch: true } as const, '没有完全匹配“$&费”的结果。部分匹配：只含“费”'],
  ])('%j → %s', (match, expected) => {
    expect(matchLabel(match, LABELS)).toBe(expected);
  });
});

describe('displayResult with a match', () => {
  it('puts the escaped label under the chapter, marked with its kind', () => {
    const data = displayResult(
      {
        url: '/finance/#c6-2-1',
        excerpt: '预算包括市场推广<mark>费用</mark>',
        meta: { title: '六（二）1 年度预算构成', group: '第六章 财务与预算管理' },
        match: { kind: 'partial', query: '<img src=x>费', held: ['费'], noFullMatch: true },
      },
      (u) => u,
      LABELS,
    );
    expect(data.excerpt).toBe(
      '<span class="search-result-group">第六章 财务与预算管理</span>' +
        '<span class="search-result-match" data-match="partial">没有完全匹配“&lt;img src=x&gt;费”的结果。部分匹配：只含“费”</span>' +
        '预算包括市场推广<mark>费用</mark>',
    );
  });

  it('adds nothing for a full match', () => {
    const data = displayResult({ url: '/x/', excerpt: '文字', meta: { title: 'x' }, match: { kind: 'full' } }, (u) => u, LABELS);
    expect(data.excerpt).toBe('文字');
  });
});
