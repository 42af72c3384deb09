import { describe, expect, it } from 'vitest';
import { chaptersFromSources, readChapters } from '../../../src/policy/chapters';
import { CHAPTERS } from '../../../src/core/chapters';

const page = (slug: string, front: string) => ({ slug, source: `---\n${front}\n---\n正文\n` });

describe('chapters from content/docs', () => {
  it('reads the six chapters of today', () => {
    expect(readChapters().map((c) => `${c.n} ${c.slug} ${c.title}`)).toEqual([
      '1 general 总则',
      '2 organization 组织架构与职责',
      '3 workflows 工作流程与规范',
      '4 performance 绩效考核与激励机制',
      '5 training 培训与发展',
      '6 finance 财务与预算管理',
    ]);
  });

  it('hands the same list to src/core/chapters.ts (virtual:policy-chapters)', () => {
    expect(CHAPTERS).toEqual(readChapters());
  });

  it('a new file with chapter: 7 is 第七章, and pages without chapter are not chapters', () => {
    const chapters = chaptersFromSources([
      page('supplementary', 'title: 第七章 附则\nchapter: 7'),
      page('general', 'title: 第一章 总则\nchapter: 1'),
      page('clauses', 'title: 条款索引'),
      page('appendix', 'title: 第十二章 附录\nchapter: 12'),
    ]);
    expect(chapters).toEqual([
      { n: 1, slug: 'general', title: '总则' },
      { n: 7, slug: 'supplementary', title: '附则' },
      { n: 12, slug: 'appendix', title: '附录' },
    ]);
  });

  it.each([
    // title numeral and chapter number disagree
    [[page('a', 'title: 第八章 附则\nchapter: 7')], '与 chapter: 7 不一致'],
    // title not in the 第N章 form
    [[page('a', 'title: 附则\nchapter: 7')], '标题应写成「第七章 章名」'],
    // chapter is not a whole number
    [[page('a', 'title: 第七章 附则\nchapter: "七"')], 'chapter 应为 1–99 的整数'],
    // two files claim the same number
    [[page('a', 'title: 第七章 附则\nchapter: 7'), page('b', 'title: 第七章 其他\nchapter: 7')], '都是 chapter: 7'],
    // the file name is the permanent URL
    [[page('Fu Ze', 'title: 第七章 附则\nchapter: 7')], '文件名是永久网址'],
  ])('rejects %#', (files, message) => {
    expect(() => chaptersFromSources(files)).toThrow(message);
  });
});
