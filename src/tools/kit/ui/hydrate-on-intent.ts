// client:intent — a tool island's code loads when the reader shows intent, not with the page.
// The server already rendered the tool's blank form, so a first visit reads and scrolls with none of
// the tool's JavaScript. It loads at once when there is something to restore (an entry saved in one of
// the namespaces named by the directive's value, a share or reply link in the address, or storage that
// cannot be read, whose notice must show); otherwise on the first pointer, touch, focus, key, paste or
// drag inside the island. What the reader does before the tool is ready is not lost: the server
// renders the blank form unlocked (use-tool's readOnly), and typed values, ticked boxes, chosen options
// and chosen files are handed to the tool once it has opened its entry; a clicked button is clicked again and a dropped file dropped again. A form is
// never submitted natively.
import type { ClientDirective } from 'astro';
import { storagePrefix } from '../../../core/storage-key';
import { readLinkFragment } from '../../../client/link-fragment';
const INTENT = ['pointerover', 'pointerdown', 'touchstart', 'focusin', 'keydown', 'paste', 'dragenter'];
const HELD = ['click', 'submit', 'dragover', 'drop', 'input', 'change'];

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

type Control = HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement;
const isToggle = (c: Control): c is HTMLInputElement =>
  c instanceof HTMLInputElement && (c.type === 'checkbox' || c.type === 'radio');

/** Resolves once the tool has opened its first entry (use-tool sets data-ready): input handed over
 * before that would be overwritten when the entry opens. */
function toolReady(el: HTMLElement): Promise<void> {
  const done = (): boolean =>
    !el.querySelector('[data-tool]') || !!el.querySelector('[data-tool][data-ready]');
  if (done()) return Promise.resolve();
  return new Promise((resolve) => {
    const watch = new MutationObserver(() => {
      if (done()) {
        watch.disconnect();
        resolve();
      }
    });
    watch.observe(el, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-ready'] });
  });
}

/** After the tool's next render and its effects (Preact runs them after the next frame). */
const settled = (): Promise<void> =>
  new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));

const intent: ClientDirective = (load, options, el) => {
  const namespaces = String(options.value ?? '')
    .split(/\s+/)
    .filter(Boolean);
  let started = false;
  const clicks: HTMLButtonElement[] = [];
  const drops: { target: EventTarget; files: File[] }[] = [];
  const edits = new Map<Control, string | boolean | null>(); // null: a file input (its files stay)

  // Until the tool is ready: keep what the reader does for it instead of letting the browser act (a
  // submit would reload the page, a dropped file would replace it) or a half-started tool see it.
  const hold = (e: Event): void => {
    const target = e.target as Element | null;
    if (e.type === 'input' || e.type === 'change') {
      const c = target as Control;
      if (c && 'value' in c) {
        edits.set(
          c,
          c instanceof HTMLInputElement && c.type === 'file' ? null : isToggle(c) ? c.checked : c.value,
        );
        if (c instanceof HTMLInputElement && c.type === 'radio') {
          for (const other of edits.keys())
            if (other !== c && (other as HTMLInputElement).name === c.name) edits.delete(other);
        }
        e.stopPropagation();
      }
      return;
    }
    if (e.type === 'submit' || e.type === 'dragover') return void e.preventDefault();
    if (e.type === 'drop') {
      e.preventDefault();
      if (target) drops.push({ target, files: [...((e as DragEvent).dataTransfer?.files ?? [])] });
      return;
    }
    const button = target?.closest?.('button');
    if (button instanceof HTMLButtonElement && el.contains(button)) {
      e.preventDefault();
      e.stopPropagation();
      if (!clicks.includes(button)) clicks.push(button);
    }
  };
  for (const type of HELD) el.addEventListener(type, hold, true);

  const start = async (): Promise<void> => {
    if (started) return;
    started = true;
    for (const type of INTENT) el.removeEventListener(type, start, true);
    const hydrate = await load();
    await hydrate();
    await toolReady(el);
    for (const type of HELD) el.removeEventListener(type, hold, true);
    for (const [control, value] of edits) {
      await settled(); // one choice may open another entry (绩效自评's group, then its month)
      // A field the tool keeps locked (a share link opened read-only) does not take held input.
      if (!control.isConnected || control.disabled || ('readOnly' in control && control.readOnly)) continue;
      if (typeof value === 'boolean') (control as HTMLInputElement).checked = value;
      else if (value !== null) control.value = value; // opening the entry rendered its own value
      control.dispatchEvent(new Event('input', { bubbles: true }));
      control.dispatchEvent(new Event('change', { bubbles: true }));
    }
    for (const { target, files } of drops) {
      const data = new DataTransfer();
      for (const f of files) data.items.add(f);
      target.dispatchEvent(new DragEvent('drop', { bubbles: true, cancelable: true, dataTransfer: data }));
    }
    for (const button of clicks) if (button.isConnected && !button.disabled) button.click();
    el.setAttribute('data-awake', ''); // browser tests wait on this
  };

  if (somethingToRestore(namespaces)) void start();
  else for (const type of INTENT) el.addEventListener(type, start, { capture: true, passive: true });
};

export default intent;
