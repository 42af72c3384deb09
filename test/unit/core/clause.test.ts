import { describe, expect, it } from 'vitest';
import {
  CHAPTERS,
  chapterBySlug,
  chapterHeading,
  chineseNumeral,
  fromChineseNumeral,
  MAX_NUMERAL,
} from '../../../src/core/chapters';
import {
  clauseCitation,
  clauseId,
  clauseNumberLabel,
  clauseShortLabel,
  outlineFromMarkdown,
  parseClauseHeading,
  parseClauseId,
} from '../../../src/core/clause';

describe('parseClauseHeading', () => {
  it.each([
    // full-width brackets, as on the site
    ['（三）客户关系管理流程', { kind: 'section', section: 3, title: '客户关系管理流程' }],
    // half-width brackets, as in the seed
    ['(一)目的', { kind: 'section', section: 1, title: '目的' }],
    ['4. 客户投诉处理', { kind: 'item', item: 4, title: '客户投诉处理' }],
    // full-width dot
    ['2．诚信原则', { kind: 'item', item: 2, title: '诚信原则' }],
    ['10、其他', { kind: 'item', item: 10, title: '其他' }],
    // sections past 十, as a revision may add
    ['（十一）附则', { kind: 'section', section: 11, title: '附则' }],
    ['（二十三）其他', { kind: 'section', section: 23, title: '其他' }],
  ] as const)('%s', (text, expected) => {
    expect(parseClauseHeading(text)).toEqual(expected);
  });

  it.each(['本页内容', '（十十）不是数字', '（一百）超出范围', '1 没有点', ''])('%s is not a clause heading', (text) => {
    expect(parseClauseHeading(text)).toBeNull();
  });
});

describe('clause ids and labels', () => {
  it.each([
    [3, 3, 4, 'c3-3-4', '第三章（三）4', '三（三）4'],
    [1, 1, null, 'c1-1', '第一章（一）', '一（一）'],
    [6, 2, 2, 'c6-2-2', '第六章（二）2', '六（二）2'],
    // a seventh chapter and a twelfth section
    [7, 12, 3, 'c7-12-3', '第七章（十二）3', '七（十二）3'],
  ] as const)('c%i-%i-%s', (chapter, section, item, id, label, short) => {
    expect(clauseId(chapter, section, item)).toBe(id);
    expect(parseClauseId(id)).toEqual({ chapter, section, item });
    expect(clauseNumberLabel(chapter, section, item)).toBe(label);
    expect(clauseShortLabel(id)).toBe(short);
  });

  it('rejects what is not a clause id', () => {
    expect(parseClauseId('c3')).toBeNull();
    expect(parseClauseId('starlight__on-this-page')).toBeNull();
    expect(clauseShortLabel('x')).toBe('x');
  });

  it('builds the citation people paste into chats', () => {
    expect(
      clauseCitation('市场部制度', { chapter: 3, section: 3, item: 4, title: '客户投诉处理' }, 'https://h.example/workflows/#c3-3-4'),
    ).toBe('《市场部制度》第三章（三）4 客户投诉处理 https://h.example/workflows/#c3-3-4');
  });
});

describe('chapters', () => {
  it('numbers and slugs', () => {
    expect(CHAPTERS.map((c) => c.slug)).toEqual([
      'general',
      'organization',
      'workflows',
      'performance',
      'training',
      'finance',
    ]);
    expect(chapterHeading(chapterBySlug('workflows')!)).toBe('第三章 工作流程与规范');
    expect(chapterBySlug('nope')).toBeUndefined();
  });
});

describe('chineseNumeral', () => {
  it.each([
    [1, '一'],
    [6, '六'],
    [10, '十'],
    // past 十: 十一 … 十九, then 二十, 二十一 …
    [11, '十一'],
    [19, '十九'],
    [20, '二十'],
    [21, '二十一'],
    [50, '五十'],
    [99, '九十九'],
  ] as const)('%i ↔ %s', (n, numeral) => {
    expect(chineseNumeral(n)).toBe(numeral);
    expect(fromChineseNumeral(numeral)).toBe(n);
  });

  it('round-trips every number it covers', () => {
    for (let n = 1; n <= MAX_NUMERAL; n++) expect(fromChineseNumeral(chineseNumeral(n))).toBe(n);
  });

  it.each([0, -1, 100, 1.5, Number.NaN])('has no numeral for %s', (n) => {
    expect(() => chineseNumeral(n)).toThrow(RangeError);
  });

  it.each([
    '零',
    '甲',
    '',
    // 一十 is written 十; no repeated 十, no hundreds
    '一十',
    '十十',
    '二三',
    '一百',
    '十二三',
  ])('%s is not a numeral here', (text) => {
    expect(fromChineseNumeral(text)).toBeNull();
  });
});

describe('outlineFromMarkdown', () => {
  const md = [
    '---',
    'title: 第六章 财务与预算管理',
    '---',
    '## （一）财务管理制度',
    '### 1. 遵守财务制度与审批流程',
    '正文',
    '### 2. 预算编制与控制',
    '## 本章参数',
    '### 1. 不是条款（非条款节下面的条目不算）',
    '## （二）预算管理',
    '#### 1. 四级标题不算',
    '### 2. 预算执行',
  ].join('\n');

  it('reads sections and items in order, marking editorial titles', () => {
    const outline = outlineFromMarkdown(6, md, ['c6-1-1']);
    expect(outline.map((c) => [c.id, c.title, c.editorialTitle])).toEqual([
      ['c6-1', '财务管理制度', false],
      ['c6-1-1', '遵守财务制度与审批流程', true],
      ['c6-1-2', '预算编制与控制', false],
      ['c6-2', '预算管理', false],
      ['c6-2-2', '预算执行', false],
    ]);
  });

  it('ignores items before any section', () => {
    expect(outlineFromMarkdown(1, '### 1. 孤立条目')).toEqual([]);
  });
});
