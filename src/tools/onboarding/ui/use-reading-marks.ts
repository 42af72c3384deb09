// The chapters the reader marked as read (the control at the end of each chapter page), kept
// current when another tab marks one or when the reader comes back to this page.
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { createStore, type Store } from '../../../core/storage';
import {
  READING_NAMESPACE,
  READING_VERSION,
  readingMarkSchema,
  readMark,
  type ReadingMark,
  type ReadingMarks,
} from '../logic/reading';

export function useReadingMarks(slugs: readonly string[]) {
  const [marks, setMarks] = useState<ReadingMarks>({});
  const storeRef = useRef<Store<ReadingMark> | null>(null);

  const refresh = useCallback(() => {
    const store = storeRef.current;
    if (!store) return;
    const next: Record<string, string> = {};
    for (const slug of slugs) {
      const readAt = readMark(store, slug);
      if (readAt !== null) next[slug] = readAt;
    }
    setMarks(next);
  }, [slugs]);

  useEffect(() => {
    // Created in the browser only: on the server there is no storage to read.
    storeRef.current ??= createStore({
      namespace: READING_NAMESPACE,
      version: READING_VERSION,
      schema: readingMarkSchema,
    });
    const store = storeRef.current;
    refresh();
    const offs = slugs.map((slug) => store.onExternalChange(slug, refresh));
    // Back from a chapter page through the back/forward cache: nothing else re-runs.
    addEventListener('pageshow', refresh);
    return () => {
      offs.forEach((off) => off());
      removeEventListener('pageshow', refresh);
    };
  }, [refresh]);

  /** Adds marks (e.g. from an imported file) for chapters not marked here yet. */
  const addMissing = useCallback(
    (incoming: ReadingMarks) => {
      const store = storeRef.current;
      if (!store) return;
      for (const slug of slugs) {
        const readAt = Object.hasOwn(incoming, slug) ? incoming[slug] : undefined;
        if (readAt && store.load(slug).status === 'empty') store.save(slug, { readAt });
      }
      refresh();
    },
    [slugs, refresh],
  );

  return { marks, addMissing };
}
