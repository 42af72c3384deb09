// 本章已读 at the end of a chapter page (src/components/ChapterRead.astro): reads and writes the
// chapter's mark in the browser store, namespace `reading`, which the 入职清单 reads back.
import { createStore } from '../../../core/storage';
import { READING_NAMESPACE, READING_VERSION, readingMarkSchema, readMark } from '../logic/reading';

/** Today in the reader's time zone (the same as core/calendar-date's todayIso). */
function today(d = new Date()): string {
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** Wires each `[data-chapter-read]` box and makes it visible. */
export function enhanceChapterRead(boxes: Iterable<HTMLElement>): void {
  const store = createStore({
    namespace: READING_NAMESPACE,
    version: READING_VERSION,
    schema: readingMarkSchema,
  });
  for (const box of boxes) {
    const slug = box.dataset.chapterRead ?? '';
    const input = box.querySelector('input');
    const status = box.querySelector('.chapter-read-status');
    if (!slug || !input || !status) continue;
    const show = () => {
      const readAt = readMark(store, slug);
      input.checked = readAt !== null;
      status.textContent =
        (readAt ? (box.dataset.read ?? '').replace('{date}', readAt) : (box.dataset.unread ?? '')) +
        (store.persistent ? '' : (box.dataset.cannotSave ?? ''));
    };
    input.addEventListener('change', () => {
      if (input.checked) store.save(slug, { readAt: today() });
      else store.remove(slug);
      show();
    });
    store.onExternalChange(slug, show);
    show();
    box.style.visibility = '';
  }
}
