import { describe, expect, it } from 'vitest';
import { cleanExcerpt, displayResult } from '../../../src/search/display';

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
