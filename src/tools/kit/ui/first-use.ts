// The reader's first use of a page or of a tool: the pointer over it, a tap, focus moved into it, a
// key, a paste, a dragged file, or printing. The one list of these events: a tool's code loads on it
// (client:intent, hydrate-on-intent.ts) and so does code a reader may never need (lazy.ts).
export const FIRST_USE = [
  'pointerover',
  'pointerdown',
  'touchstart',
  'focusin',
  'keydown',
  'paste',
  'dragenter',
  'beforeprint',
] as const;

/** Calls `use` once, on the first of FIRST_USE that reaches `target`, and stops listening; returns a
 * function that stops listening without calling it. Capture, so a handler that stops an event does
 * not hide it; passive, so a touch never waits for it to scroll. */
export function onFirstUse(target: EventTarget, use: () => void): () => void {
  const options = { capture: true, passive: true } as const;
  const stop = (): void => {
    for (const type of FIRST_USE) target.removeEventListener(type, fire, options);
  };
  const fire = (): void => {
    stop();
    use();
  };
  for (const type of FIRST_USE) target.addEventListener(type, fire, options);
  return stop;
}
