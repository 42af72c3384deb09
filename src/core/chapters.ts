// The chapters of the policy, in order. They are not listed here: each chapter is one MDX file of
// content/docs with a `chapter:` number in its frontmatter, read at build by src/policy/chapters.ts
// and handed to this module (server and islands alike) as the virtual module below.
import chapters from 'virtual:policy-chapters';
import { chineseNumeral } from './chinese-numeral';

export { chineseNumeral, fromChineseNumeral, MAX_NUMERAL } from './chinese-numeral';

export interface Chapter {
  /** 1-based chapter number. */
  readonly n: number;
  /** ASCII slug, the chapter page's permanent URL segment (its file name). */
  readonly slug: string;
  /** Chapter title as in the source, e.g. 总则. */
  readonly title: string;
}

export const CHAPTERS: readonly Chapter[] = chapters;

export function chapterByNumber(n: number): Chapter | undefined {
  return CHAPTERS.find((c) => c.n === n);
}

export function chapterBySlug(slug: string): Chapter | undefined {
  return CHAPTERS.find((c) => c.slug === slug);
}

/** 第三章 工作流程与规范 */
export function chapterHeading(chapter: Chapter): string {
  return `第${chineseNumeral(chapter.n)}章 ${chapter.title}`;
}
