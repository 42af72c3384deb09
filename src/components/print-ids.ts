/**
 * 完整制度 (/print/) puts every chapter on one page, so a heading that two chapters share
 * (「本章参数（默认示例）」 in 四 and 六) would give two elements one id, and every link to
 * either would land on the first. These helpers find such ids and give each chapter's copy
 * its own, with the chapter's links following it. Pure: strings in, strings out.
 */

/** Ids that more than one chapter uses: each chapter's list counts once. */
export function repeatedIds(chapters: readonly (readonly string[])[]): string[] {
  const seen = new Map<string, number>();
  for (const ids of chapters) for (const id of new Set(ids)) seen.set(id, (seen.get(id) ?? 0) + 1);
  return [...seen].filter(([, n]) => n > 1).map(([id]) => id);
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * `html` with each of `ids` renamed to `scope-id`: the element's id, and the links and
 * references in the same chapter that point at it (href="#…", in plain or percent-encoded
 * form, for="…", aria-labelledby / aria-describedby / aria-controls lists).
 */
export function scopeIds(html: string, ids: readonly string[], scope: string): string {
  let out = html;
  for (const id of ids) {
    const scoped = `${scope}-${id}`;
    const plain = escapeRegExp(id);
    const encoded = escapeRegExp(encodeURIComponent(id));
    out = out
      .replace(new RegExp(`(\\sid=")${plain}(")`, 'g'), `$1${scoped}$2`)
      .replace(
        new RegExp(`(\\shref="#)(?:${plain}|${encoded})(")`, 'gi'),
        `$1${encodeURIComponent(scoped)}$2`,
      )
      .replace(new RegExp(`(\\sfor=")${plain}(")`, 'g'), `$1${scoped}$2`)
      .replace(
        new RegExp(`(\\saria-(?:labelledby|describedby|controls)="(?:[^"]*\\s)?)${plain}(?=[\\s"])`, 'g'),
        `$1${scoped}`,
      );
  }
  return out;
}
