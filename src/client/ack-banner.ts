// Page script of the re-acknowledgement banner (AckBanner.astro). Most readers never signed in this
// browser: a bare presence check keeps the storage adapter and its validation out of the page's
// JavaScript until there is a stored 签收 to read (the home page has an 8 KB budget).
const KEY = 'mh:ack:policy';

export function startAckBanner(doc: Document = document): void {
  const banner = doc.querySelector<HTMLElement>('[data-ack-banner]');
  if (!banner) return;
  let present = false;
  try {
    present = globalThis.localStorage?.getItem(KEY) != null;
  } catch {
    // Storage unavailable (private mode, blocked): nothing was signed here.
  }
  if (!present) {
    banner.dataset['ackStatus'] = 'unsigned'; // for tests: the check ran
    return;
  }
  import('./acknowledgement')
    .then((m) => m.showAckBanner(doc))
    .catch(() => {
      banner.dataset['ackStatus'] = 'unsigned';
    });
}
