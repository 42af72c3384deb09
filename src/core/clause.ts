import { chineseNumeral, fromChineseNumeral } from './chinese-numeral';

/**
 * One numbered clause of the policy. Ids are permanent: c{chapter}-{section}[-{item}],
 * e.g. 三（三）4 → c3-3-4; 一（一） → c1-1.
 */
export interface Clause {
  readonly id: string;
  readonly chapter: number;
  readonly section: number;
  readonly item: number | null;
  /** Short title, e.g. 客户投诉处理. */
  readonly title: string;
  /** True when the source item has no title and the handbook added one from its text. */
  readonly editorialTitle: boolean;
}

export type ClauseHeading =
  { kind: 'section'; section: number; title: string } | { kind: 'item'; item: number; title: string };

const SECTION_RE = /^[（(]([一二三四五六七八九十]{1,3})[）)]\s*(.+)$/;
const ITEM_RE = /^(\d{1,2})[.．、]\s*(.+)$/;

/** Reads a chapter-page heading: 「（三）客户关系管理流程」 or 「4. 客户投诉处理」. */
export function parseClauseHeading(text: string): ClauseHeading | null {
  const trimmed = text.trim();
  const section = SECTION_RE.exec(trimmed);
  if (section) {
    const n = fromChineseNumeral(section[1] ?? '');
    if (n !== null) return { kind: 'section', section: n, title: (section[2] ?? '').trim() };
  }
  const item = ITEM_RE.exec(trimmed);
  if (item) return { kind: 'item', item: Number(item[1]), title: (item[2] ?? '').trim() };
  return null;
}

export function clauseId(chapter: number, section: number, item: number | null = null): string {
  return item === null ? `c${chapter}-${section}` : `c${chapter}-${section}-${item}`;
}

const ID_RE = /^c([1-9]\d*)-([1-9]\d*)(?:-([1-9]\d*))?$/;

/** c3-3-4 → {chapter 3, section 3, item 4}; null when not a clause id. */
export function parseClauseId(id: string): { chapter: number; section: number; item: number | null } | null {
  const m = ID_RE.exec(id);
  if (!m) return null;
  return { chapter: Number(m[1]), section: Number(m[2]), item: m[3] ? Number(m[3]) : null };
}

/** 第三章（三）4 — the clause number as people cite it. */
export function clauseNumberLabel(chapter: number, section: number, item: number | null): string {
  const base = `第${chineseNumeral(chapter)}章（${chineseNumeral(section)}）`;
  return item === null ? base : `${base}${item}`;
}

/** Short form used in tool pages: 三（三）4. */
export function clauseShortLabel(id: string): string {
  const p = parseClauseId(id);
  if (!p) return id;
  const base = `${chineseNumeral(p.chapter)}（${chineseNumeral(p.section)}）`;
  return p.item === null ? base : `${base}${p.item}`;
}

/** 《市场部制度》第三章（三）4 客户投诉处理 https://…/workflows/#c3-3-4 */
export function clauseCitation(
  shortTitle: string,
  clause: Pick<Clause, 'chapter' | 'section' | 'item' | 'title'>,
  url: string,
): string {
  const label = clauseNumberLabel(clause.chapter, clause.section, clause.item);
  return `《${shortTitle}》${label} ${clause.title} ${url}`;
}

/**
 * Builds the clause list of one chapter from its Markdown source, reading `##`/`###` headings
 * in order. `editorialIds` lists items whose title the handbook added (untitled in the source).
 */
export function outlineFromMarkdown(
  chapter: number,
  markdown: string,
  editorialIds: readonly string[] = [],
): Clause[] {
  const clauses: Clause[] = [];
  let section = 0;
  for (const line of markdown.split(/\r?\n/)) {
    const m = /^(#{2,3})\s+(.+?)\s*$/.exec(line);
    if (!m) continue;
    const heading = parseClauseHeading(m[2] ?? '');
    // A non-clause section heading (e.g. 本章参数) ends the current clause section.
    if (m[1] === '##' && heading?.kind !== 'section') section = 0;
    if (!heading) continue;
    if (m[1] === '##' && heading.kind === 'section') {
      section = heading.section;
      const id = clauseId(chapter, section);
      clauses.push({ id, chapter, section, item: null, title: heading.title, editorialTitle: false });
    } else if (m[1] === '###' && heading.kind === 'item' && section > 0) {
      const id = clauseId(chapter, section, heading.item);
      clauses.push({
        id,
        chapter,
        section,
        item: heading.item,
        title: heading.title,
        editorialTitle: editorialIds.includes(id),
      });
    }
  }
  return clauses;
}
