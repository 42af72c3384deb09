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

/** The share fragment of the current URL, if any (without '#'). */
export function currentFragment(): string | null {
  const hash = location.hash.replace(/^#/, '');
  return /^v\d+\./.test(hash) ? hash : null;
}

/** Removes the share fragment from the address bar without reloading. */
export function clearFragment(): void {
  history.replaceState(null, '', location.pathname + location.search);
}
