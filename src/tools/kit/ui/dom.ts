// The few browser actions every tool needs: download, copy, read a file, today's date.

/** Saves `text` as a file the reader downloads. */
export function downloadText(fileName: string, text: string, mime = 'text/plain;charset=utf-8'): void {
  const url = URL.createObjectURL(new Blob([text], { type: mime }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export { copyText } from '../../../client/clipboard';

export function readFileText(file: File): Promise<string> {
  return file.text();
}

export { todayIso } from '../../../core/calendar-date';

/** The page URL with `fragment` as its hash (the state never goes to a server). */
export function urlWithFragment(fragment: string): string {
  const url = new URL(location.href);
  url.hash = fragment;
  return url.href;
}

/** A link's fragment: a share (v1. / z1. compressed) or a reply (r1. / q1.), then the tool's id. */
export const LINK_FRAGMENT = /^[qrvz]\d{1,9}\.[a-z0-9-]+\./;

/** The link fragment of the current URL, if any (without '#'); an in-page anchor is not one. */
export function currentFragment(): string | null {
  const hash = location.hash.replace(/^#/, '');
  return LINK_FRAGMENT.test(hash) ? hash : null;
}

/** Removes the share fragment from the address bar without reloading. */
export function clearFragment(): void {
  history.replaceState(null, '', location.pathname + location.search);
}
