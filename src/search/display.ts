// How one search result reads in the dialog (Pagefind UI's processResult): the excerpt without the
// stray ". " Pagefind leaves where it joined blocks, the clause's chapter above it, and under that how
// the result answers the query when it does not hold all of it (partial, or found by a synonym).
import type { ResultMatch } from './ranked-search';

export interface ResultData {
  url: string;
  excerpt: string;
  meta: Record<string, string | undefined>;
  sub_results?: Array<{ url: string }>;
  /** Added by ranked-search.ts. */
  match?: ResultMatch;
}

/**
 * The reader's words for a result's match, from content/i18n/zh-CN.json (pagefind.match_*).
 * [WORDS], [READER_WORDS] are filled with quoted words (“费”“审批”), [SEARCH_TERM] with the query.
 */
export interface MatchLabels {
  /** 部分匹配：只含[WORDS] */
  readonly match_partial?: string;
  /** 部分匹配 (the words it holds are not known) */
  readonly match_partial_unknown?: string;
  /** 没有完全匹配“[SEARCH_TERM]”的结果。 (before the first result's label, when nothing matched fully) */
  readonly match_no_full?: string;
  /** 未找到[READER_WORDS]，按同义词[WORDS]找到 */
  readonly match_synonym_no_full?: string;
  /** 按[READER_WORDS]的同义词[WORDS]找到 */
  readonly match_synonym?: string;
}

const escapeHtml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const stripTags = (html: string) => html.replace(/<[^>]*>/g, '');

/**
 * The excerpt as the dialog shows it. Pagefind's excerpt of a record starts with (the end of) its
 * heading, joined to the text by ". ": the heading is the result's link already, so it goes; other
 * ". " joins become 。, and a window starting at punctuation loses it.
 */
export function cleanExcerpt(excerpt: string, title = ''): string {
  let html = excerpt;
  const join = html.indexOf('. ');
  const lead = stripTags(join >= 0 ? html.slice(0, join) : html).replace(/[\s.。]+$/, '').trim();
  if (title && lead && title.endsWith(lead)) html = join >= 0 ? html.slice(join + 2) : '';
  return html
    .replace(/^(?:\s*[.。，,；;：:、]\s*)+/, '')
    .replace(/([\u3400-\u9fff）」”>])\.\s+(?=[\u3400-\u9fff（「“<])/g, '$1。')
    .replace(/\s*\.\s*$/, '');
}

const quoted = (words: readonly string[]) => words.map((w) => `“${w}”`).join('');

/** The label of a result that does not hold the whole query, as plain text; '' for a full match. */
export function matchLabel(match: ResultMatch | undefined, labels: MatchLabels): string {
  if (!match || match.kind === 'full') return '';
  if (match.kind === 'synonym') {
    const template = (match.noFullMatch ? labels.match_synonym_no_full : labels.match_synonym) ?? '';
    return template.replace('[READER_WORDS]', () => quoted(match.readerWords)).replace('[WORDS]', () => quoted(match.held));
  }
  const lead = match.noFullMatch ? (labels.match_no_full ?? '').replace('[SEARCH_TERM]', () => match.query) : '';
  const own =
    match.held.length > 0
      ? (labels.match_partial ?? '').replace('[WORDS]', () => quoted(match.held))
      : (labels.match_partial_unknown ?? '');
  return lead + own;
}

/**
 * Moves the record's group (its chapter, 工具 or 参考) from the tags into a label above the excerpt,
 * and puts the match label (partial, synonym) under it. Everything inserted is escaped: the query
 * is the reader's input.
 */
export function displayResult<T extends ResultData>(
  data: T,
  formatUrl: (url: string) => string,
  labels: MatchLabels = {},
): T {
  const { group, ...meta } = data.meta;
  data.url = formatUrl(data.url);
  if (data.sub_results) data.sub_results = data.sub_results.map((s) => ({ ...s, url: formatUrl(s.url) }));
  data.meta = meta;
  const groupLabel = group ? `<span class="search-result-group">${escapeHtml(group)}</span>` : '';
  const match = matchLabel(data.match, labels);
  const matchHtml = match
    ? `<span class="search-result-match" data-match="${data.match!.kind}">${escapeHtml(match)}</span>`
    : '';
  data.excerpt = groupLabel + matchHtml + cleanExcerpt(data.excerpt, meta.title ?? '');
  return data;
}
