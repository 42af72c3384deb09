// How one search result reads in the dialog (Pagefind UI's processResult): the excerpt without the
// stray ". " Pagefind leaves where it joined blocks, and the clause's chapter above it.

export interface ResultData {
  url: string;
  excerpt: string;
  meta: Record<string, string | undefined>;
  sub_results?: Array<{ url: string }>;
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

/** Moves the record's group (its chapter, 工具 or 参考) from the tags into a label above the excerpt. */
export function displayResult<T extends ResultData>(data: T, formatUrl: (url: string) => string): T {
  const { group, ...meta } = data.meta;
  data.url = formatUrl(data.url);
  if (data.sub_results) data.sub_results = data.sub_results.map((s) => ({ ...s, url: formatUrl(s.url) }));
  data.meta = meta;
  const label = group ? `<span class="search-result-group">${escapeHtml(group)}</span>` : '';
  data.excerpt = label + cleanExcerpt(data.excerpt, meta.title ?? '');
  return data;
}
