// Code a reader may never need (print sheets, 审批, replies, received links) loads on first use
// (first-use.ts), not with the page: `npm run bench` counts what a page loads by load + idle.
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { onFirstUse } from './first-use';
import { qrCodesDrawn } from './print-ready';

let used = false;
let listening = false;
const waiting = new Set<() => void>();

function markUsed() {
  used = true;
  for (const notify of waiting) notify();
  waiting.clear();
}

/**
 * True once the reader has used the page: a tap, a key, focus moved into it, or printing.
 * A print sheet keyed on this is there for Ctrl+P once the reader has done anything.
 */
export function useFirstUse(): boolean {
  const [now, setNow] = useState(used);
  useEffect(() => {
    if (used) return setNow(true);
    if (!listening) {
      listening = true;
      onFirstUse(window, markUsed);
    }
    const notify = () => setNow(true);
    waiting.add(notify);
    return () => void waiting.delete(notify);
  }, []);
  return now;
}

export interface OnDemand<T> {
  /** The loaded module, or null until it has loaded. */
  readonly mod: T | null;
  /** Loads it now (once); resolves when it has loaded and the next render is on screen. */
  readonly need: () => Promise<T>;
  /** Set when the chunk could not be loaded (offline without the service worker's copy). */
  readonly failed: boolean;
}

/**
 * Loads `load()` once `when` turns true, or when `need()` is called (a button that needs it).
 * The module cache makes a second caller of the same import() free.
 */
export function useOnDemand<T>(load: () => Promise<T>, when = false): OnDemand<T> {
  const [mod, setMod] = useState<T | null>(null);
  const [failed, setFailed] = useState(false);
  const pending = useRef<Promise<T> | null>(null);
  const need = useCallback(() => {
    if (!pending.current) {
      pending.current = load().then(
        (m) => {
          setMod(() => m);
          return m;
        },
        (error: unknown) => {
          pending.current = null;
          setFailed(true);
          throw error;
        },
      );
    }
    // The caller may act on the DOM the module renders (print): wait for that render.
    return pending.current.then((m) => new Promise<T>((done) => requestAnimationFrame(() => done(m))));
  }, []);
  useEffect(() => {
    if (when) need().catch(() => undefined);
  }, [when]);
  return { mod, need, failed };
}

/**
 * True once `ready` has been true and the browser has had an idle moment after it: for a part the
 * page shows at once but that should not hold up what the reader came for.
 */
export function useIdleAfter(ready: boolean): boolean {
  const [idle, setIdle] = useState(false);
  useEffect(() => {
    if (!ready || idle) return;
    if (typeof requestIdleCallback === 'function') {
      const id = requestIdleCallback(() => setIdle(true), { timeout: 2000 });
      return () => cancelIdleCallback(id);
    }
    const timer = setTimeout(() => setIdle(true), 200);
    return () => clearTimeout(timer);
  }, [ready, idle]);
  return idle;
}

/** 打印 for a tool whose print sheet loads on demand: load it, let it render, then print. */
export async function printWith(sheet: Pick<OnDemand<unknown>, 'need'>): Promise<void> {
  try {
    await sheet.need();
  } catch {
    // Without the sheet the page's own print styles still print the form.
  }
  await qrCodesDrawn();
  window.print();
}
