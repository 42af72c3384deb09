// Build-time: turns the built pages into search records. A chapter page gives one record per clause
// (its heading's permanent anchor, its own text); any other indexed page gives one record of its
// name and description, so a tool is found by its name without its form labels and repeated tables
// crowding out the clauses.
import { parse, type HTMLElement, type Node } from 'node-html-parser';
import { clauseShortLabel } from '../core/clause';

export interface SearchRecord {
  /** Site-relative URL without the base, e.g. /workflows/#c3-3-4. The search UI adds the base. */
  readonly url: string;
  /** Shown as the result's title, e.g. 三（三）4 客户投诉处理. */
  readonly title: string;
  /** The chapter or the kind of page, e.g. 第三章 工作流程与规范 or 工具; shown and offered as a filter. */
  readonly group: string;
  /** The searchable text, one entry per paragraph or list item. */
  readonly paragraphs: readonly string[];
  /** Clause records weigh their text fully; a page's description only lightly (see toIndexHtml). */
  readonly kind: 'clause' | 'page';
}

const BLOCK = new Set([
  'p', 'li', 'ul', 'ol', 'div', 'section', 'aside', 'blockquote', 'table', 'tr', 'td', 'th',
  'dl', 'dt', 'dd', 'figure', 'figcaption', 'br', 'details', 'summary',
]);
const HEADING = /^h[1-6]$/;

const squash = (text: string) => text.replace(/\s+/g, ' ').trim();

function isElement(node: Node): node is HTMLElement {
  return node.nodeType === 1;
}

/** A clause heading's own title: 「4. 客户投诉处理」 → 客户投诉处理; 「（三）客户关系管理流程」 → 客户关系管理流程. */
function headingTitle(text: string): string {
  return squash(text)
    .replace(/^[（(][一二三四五六七八九十\d]+[）)]\s*/, '')
    .replace(/^\d+[.．、]\s*/, '');
}

/** Text of a heading without the parts Pagefind would skip (anchor labels, editorial badges). */
function visibleText(el: HTMLElement): string {
  let out = '';
  for (const child of el.childNodes) {
    if (isElement(child)) {
      if (child.hasAttribute('data-pagefind-ignore')) continue;
      out += visibleText(child);
    } else if (child.nodeType === 3) {
      out += child.text;
    }
  }
  return out;
}

interface Draft {
  id: string;
  title: string;
  paragraphs: string[];
  current: string;
}

/**
 * One record per clause heading (`[data-clause]`) of a page, in page order. A clause's text runs to
 * the next heading; a heading that is not a clause (e.g. 本章参数) ends it. Parts marked
 * data-pagefind-ignore (parameter tables, reading buttons) are left out, as Pagefind would.
 */
export function clauseRecords(html: string, pagePath: string): SearchRecord[] {
  const root = parse(html);
  const body = root.querySelector('[data-pagefind-body]');
  if (!body) return [];
  const group = squash(body.querySelector('h1')?.text ?? root.querySelector('h1')?.text ?? '');
  const drafts: Draft[] = [];
  let open: Draft | null = null;

  const flush = () => {
    if (open && squash(open.current)) open.paragraphs.push(squash(open.current));
    if (open) open.current = '';
  };

  const walk = (node: Node) => {
    if (!isElement(node)) {
      if (open && node.nodeType === 3) open.current += node.text;
      return;
    }
    if (node.hasAttribute('data-pagefind-ignore') || node.tagName === 'SCRIPT' || node.tagName === 'STYLE') return;
    const tag = node.tagName.toLowerCase();
    if (HEADING.test(tag)) {
      flush();
      // A clause's own heading carries its anchor as id (clause-headings.ts); a heading that only
      // mentions a clause (e.g. in a changelog) is not that clause.
      const id = node.getAttribute('data-clause');
      open = id && node.id === id ? { id, title: headingTitle(visibleText(node)), paragraphs: [], current: '' } : null;
      if (open) drafts.push(open);
      return;
    }
    const block = BLOCK.has(tag);
    if (block) flush();
    for (const child of node.childNodes) walk(child);
    if (block) flush();
  };
  walk(body);
  flush();

  return drafts.map((d) => ({
    url: `${pagePath}#${d.id}`,
    title: `${clauseShortLabel(d.id)} ${d.title}`,
    group,
    paragraphs: d.paragraphs,
    kind: 'clause',
  }));
}

/** A page that is not a chapter: its title and description only. */
export function pageRecord(html: string, pagePath: string, group: string): SearchRecord | null {
  const root = parse(html);
  if (!root.querySelector('[data-pagefind-body]')) return null;
  const title = squash(root.querySelector('main h1')?.text ?? root.querySelector('title')?.text ?? '');
  const description = squash(root.querySelector('meta[name="description"]')?.getAttribute('content') ?? '');
  if (!title) return null;
  return { url: pagePath, title, group, paragraphs: description ? [description] : [], kind: 'page' };
}

const escapeHtml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/**
 * The small HTML document Pagefind indexes for one record. The title is an h1 (Pagefind weighs it
 * most); a page's description weighs little, so a tool's blurb that repeats policy words ranks below
 * the clause that holds them.
 */
export function toIndexHtml(record: SearchRecord, lang = 'zh-CN'): string {
  const weight = record.kind === 'page' ? ' data-pagefind-weight="0.3"' : '';
  const paragraphs = record.paragraphs.map((p) => `<p${weight}>${escapeHtml(p)}</p>`).join('');
  return (
    `<!doctype html><html lang="${lang}"><head><title>${escapeHtml(record.title)}</title></head>` +
    `<body data-pagefind-body>` +
    `<span data-pagefind-meta="group:${escapeHtml(record.group)}" data-pagefind-filter="范围:${escapeHtml(record.group)}"></span>` +
    `<h1 data-pagefind-meta="title">${escapeHtml(record.title)}</h1>${paragraphs}</body></html>`
  );
}

/** Every character the index holds, for the 繁體 → 简体 map. */
export function indexCharacters(records: readonly SearchRecord[]): Set<string> {
  const chars = new Set<string>();
  for (const r of records) for (const text of [r.title, r.group, ...r.paragraphs]) for (const ch of text) chars.add(ch);
  return chars;
}
