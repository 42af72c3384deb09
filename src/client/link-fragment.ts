// The only reader of the address's fragment: a share or reply link that was opened, pasted into the
// address bar (hashchange), or cleared once its content is taken. An in-page anchor is never one.
import { isLinkFragment, type LinkKind } from '../core/link-fragment';

/** The link fragment of the address (without `#`) if it is one of `kind` (and `tool`), else null. */
export function readLinkFragment(kind?: LinkKind, tool?: string): string | null {
  const hash = location.hash.replace(/^#/, '');
  return isLinkFragment(hash, kind, tool) ? hash : null;
}

/** Calls `callback` with each link fragment put in the address after load; returns the unsubscribe. */
export function onLinkFragment(callback: (fragment: string) => void, kind?: LinkKind, tool?: string): () => void {
  const listener = () => {
    const fragment = readLinkFragment(kind, tool);
    if (fragment !== null) callback(fragment);
  };
  addEventListener('hashchange', listener);
  return () => removeEventListener('hashchange', listener);
}

/** Removes a link fragment from the address without reloading (an in-page anchor stays). */
export function clearLinkFragment(): void {
  if (readLinkFragment() !== null) history.replaceState(null, '', location.pathname + location.search);
}

/** The page's URL with `fragment` as its hash (the state never goes to a server). */
export function urlWithFragment(fragment: string): string {
  const url = new URL(location.href);
  url.hash = fragment;
  return url.href;
}
