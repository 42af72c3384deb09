// client:intent — a tool island's code loads when the reader shows intent, not with the page: run at
// idle, the tools' first render cost Lighthouse's throttled load 300–900 ms of blocking time.
// The server already rendered the tool's blank form, locked (use-tool's readOnly until data-ready),
// so a first visit reads and scrolls with none of the tool's JavaScript, and nothing can be typed
// into the form that the tool would then lose or have to replay; tools.css tells a reader who
// reaches for it that it is loading. It loads at once when there is something to restore (an entry
// saved in one of the namespaces named by the directive's value, a share or reply link in the
// address, or storage that cannot be read, whose notice must show); otherwise on the first use
// inside the island (first-use.ts).
import type { ClientDirective } from 'astro';
import { storagePrefix } from '../../../core/storage-key';
import { readLinkFragment } from '../../../client/link-fragment';
import { onFirstUse } from './first-use';

const DROP = ['dragover', 'drop'];

function somethingToRestore(namespaces: string[]): boolean {
  if (readLinkFragment() !== null) return true;
  try {
    const s = localStorage;
    for (let i = 0; i < s.length; i++) {
      const key = s.key(i) ?? '';
      if (namespaces.some((ns) => key.startsWith(storagePrefix(ns)))) return true;
    }
    return false;
  } catch {
    return true; // storage refused: the tool says so at once
  }
}

/**
 * Asks for every chunk the tool imports at once (the build lists them on the island, data-preload),
 * instead of one level of imports per round trip.
 */
function preloadChunks(el: HTMLElement): void {
  const have = new Set(
    [...document.querySelectorAll('link[rel="modulepreload"]')].map((l) => l.getAttribute('href')),
  );
  for (const href of (el.getAttribute('data-preload') ?? '').split(/\s+/)) {
    if (!href || have.has(href)) continue;
    const link = document.createElement('link');
    link.rel = 'modulepreload';
    link.href = href;
    document.head.append(link);
    have.add(href);
  }
}

const intent: ClientDirective = (load, options, el) => {
  const namespaces = String(options.value ?? '')
    .split(/\s+/)
    .filter(Boolean);
  // A file dropped on the tool before its code runs is refused, not opened by the browser in place
  // of the page; once it runs, its own drop boxes take files.
  const refuse = (e: Event): void => e.preventDefault();
  for (const type of DROP) el.addEventListener(type, refuse);
  const start = async (): Promise<void> => {
    preloadChunks(el);
    const hydrate = await load();
    await hydrate();
    for (const type of DROP) el.removeEventListener(type, refuse);
    el.setAttribute('data-awake', ''); // `npm run bench` waits on this before counting what loaded
  };
  if (somethingToRestore(namespaces)) void start();
  else onFirstUse(el, () => void start());
};

export default intent;
