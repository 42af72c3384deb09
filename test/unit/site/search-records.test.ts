import { describe, expect, it } from 'vitest';
import { clauseRecords, indexCharacters, pageRecord, toIndexHtml } from '../../../src/search/records';
import { traditionalToSimplifiedMap } from '../../../src/search/t2s-map';

// The shape Starlight gives a chapter page: headings wrapped with an anchor link whose label is
// data-pagefind-ignore, a parameters block that is data-pagefind-ignore too.
const CHAPTER = `<!doctype html><html lang="zh-CN"><head><title>x</title></head><body>
<nav>目录 侧栏</nav>
<main data-pagefind-body><h1 id="_top">第三章 工作流程与规范</h1>
<div class="sl-markdown-content">
<div class="sl-heading-wrapper level-h2"><h2 id="c3-3" data-clause="c3-3">（三）客户关系管理流程</h2><a class="sl-anchor-link" href="#c3-3"><span class="sr-only" data-pagefind-ignore>本节链接</span></a></div>
<div class="sl-heading-wrapper level-h3"><h3 id="c3-3-4" data-clause="c3-3-4">4. 客户投诉处理</h3><a href="#c3-3-4"><span data-pagefind-ignore>本节链接</span></a></div>
<p>建立客户投诉处理机制，及时受理客户投诉。</p>
<ul><li>对客户投诉进行调查</li><li>跟踪处理情况</li></ul>
<h2 id="params">本章参数（默认示例）</h2>
<p>参数说明文字</p>
<div data-pagefind-ignore><h3>各组考核指标</h3><table><tr><td>客户投诉率</td></tr></table></div>
</div></main></body></html>`;

describe('clauseRecords', () => {
  const records = clauseRecords(CHAPTER, '/workflows/');

  it('gives one record per clause heading, with its anchor, number, title and chapter', () => {
    expect(records.map((r) => [r.url, r.title, r.group])).toEqual([
      ['/workflows/#c3-3', '三（三） 客户关系管理流程', '第三章 工作流程与规范'],
      ['/workflows/#c3-3-4', '三（三）4 客户投诉处理', '第三章 工作流程与规范'],
    ]);
  });

  it("keeps a clause's own text, paragraph by paragraph, and stops at a heading that is not a clause", () => {
    expect(records[0]!.paragraphs).toEqual([]);
    expect(records[1]!.paragraphs).toEqual(['建立客户投诉处理机制，及时受理客户投诉。', '对客户投诉进行调查', '跟踪处理情况']);
  });

  it('leaves out what Pagefind would ignore and what is outside the page body', () => {
    const text = records.flatMap((r) => r.paragraphs).join('');
    for (const word of ['本节链接', '客户投诉率', '参数说明', '侧栏']) expect(text).not.toContain(word);
  });

  it('finds nothing on a page without clause headings or without a Pagefind body', () => {
    expect(clauseRecords('<main data-pagefind-body><h1>参数说明</h1><h2>奖金</h2></main>', '/parameters/')).toEqual([]);
    expect(clauseRecords('<main><h2 data-clause="c1-1">（一）目的</h2></main>', '/general/')).toEqual([]);
  });
});

describe('pageRecord', () => {
  const html = `<html lang="zh-CN"><head><title>绩效奖金估算 | 市场部制度手册</title>
<meta name="description" content="按月度奖金基数估算绩效奖金。"></head>
<body><main data-pagefind-body><h1>绩效奖金估算</h1><label>奖金基数</label></main></body></html>`;

  it('holds only the page name and its description', () => {
    expect(pageRecord(html, '/tools/bonus/', '工具')).toEqual({
      url: '/tools/bonus/',
      title: '绩效奖金估算',
      group: '工具',
      paragraphs: ['按月度奖金基数估算绩效奖金。'],
      kind: 'page',
    });
  });

  it('skips a page that is not indexed (pagefind: false)', () => {
    expect(pageRecord('<main><h1>首页</h1></main>', '/', '参考')).toBeNull();
  });
});

describe('toIndexHtml', () => {
  it('escapes the text and weighs a page description below clause text', () => {
    const page = toIndexHtml({ url: '/x/', title: 'a<b', group: '工具', paragraphs: ['"&"'], kind: 'page' });
    expect(page).toContain('<h1 data-pagefind-meta="title">a&lt;b</h1>');
    expect(page).toContain('<p data-pagefind-weight="0.3">&quot;&amp;&quot;</p>');
    const clause = toIndexHtml({ url: '/x/#c1-1', title: '一（一） 目的', group: '第一章 总则', paragraphs: ['为规范'], kind: 'clause' });
    expect(clause).toContain('<p>为规范</p>');
    expect(clause).toContain('data-pagefind-filter="范围:第一章 总则"');
  });
});

describe('traditionalToSimplifiedMap', () => {
  const chars = indexCharacters(clauseRecords(CHAPTER, '/workflows/'));
  const map = traditionalToSimplifiedMap(chars);

  it('maps the traditional forms of characters in the index', () => {
    expect(map['戶']).toBe('户');
    expect(map['訴']).toBe('诉');
    expect(map['處']).toBe('处');
  });

  it('holds no character whose simplified form the index lacks, nor identities', () => {
    // 預 → 预 is not in this small index
    expect(map['預']).toBeUndefined();
    for (const [t, s] of Object.entries(map)) {
      expect(chars.has(s)).toBe(true);
      expect(t).not.toBe(s);
    }
  });
});
