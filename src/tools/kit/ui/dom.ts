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

// The address's link fragment is read and cleared in one place, src/client/link-fragment.ts, not here.
