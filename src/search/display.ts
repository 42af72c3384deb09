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

/** 「. 对客户投诉…」 → 「对客户投诉…」; Western full stops Pagefind puts between blocks become 。 */
export function cleanExcerpt(excerpt: string): string {
  return excerpt
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
  data.excerpt = label + cleanExcerpt(data.excerpt);
  return data;
}
