/** The six chapters of the policy, in order. Slugs are permanent URLs. */
export interface Chapter {
  /** 1-based chapter number. */
  readonly n: number;
  /** ASCII slug, the chapter page's permanent URL segment. */
  readonly slug: string;
  /** Chapter title as in the source, e.g. 总则. */
  readonly title: string;
}

export const CHAPTERS: readonly Chapter[] = [
  { n: 1, slug: 'general', title: '总则' },
  { n: 2, slug: 'organization', title: '组织架构与职责' },
  { n: 3, slug: 'workflows', title: '工作流程与规范' },
  { n: 4, slug: 'performance', title: '绩效考核与激励机制' },
  { n: 5, slug: 'training', title: '培训与发展' },
  { n: 6, slug: 'finance', title: '财务与预算管理' },
];

const NUMERALS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

/** 1 → 一 … 10 → 十 (the policy never goes beyond ten sections). */
export function chineseNumeral(n: number): string {
  const numeral = NUMERALS[n];
  if (!Number.isInteger(n) || n < 1 || numeral === undefined) {
    throw new RangeError(`no numeral for ${n}`);
  }
  return numeral;
}

/** Parses 一 … 十 back to 1 … 10; null for anything else. */
export function fromChineseNumeral(text: string): number | null {
  const i = NUMERALS.indexOf(text);
  return i >= 1 ? i : null;
}

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
