// Autosave for a tool's work: versioned, validated, per key (e.g. one entry per group and month).
// Damaged entries are kept aside and reported; storage that refuses falls back to memory and says
// so; a save from another tab is noticed instead of overwritten.
import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { createStore, type Store } from '../../../core/storage';
import type { Migrate, StateSchema } from '../../../core/json-file';
import { downloadText } from './dom';
import type { Notice } from './Notices';

export interface SavedStateOptions<T> {
  namespace: string;
  version: number;
  schema: StateSchema<T>;
  migrate?: Migrate;
  /** The entry being edited; changing it loads that entry. null = do not save (e.g. read-only view). */
  key: string | null;
  /** State for a key that has nothing saved yet. */
  initial: (key: string | null) => T;
  /** Milliseconds to wait after the last change before saving. */
  delay?: number;
  /** An entry never saved is not saved while this says it holds nothing worth keeping. */
  isBlank?: (state: T) => boolean;
}

export interface SavedState<T> {
  state: T;
  setState: (update: T | ((old: T) => T)) => void;
  notices: Notice[];
  dismiss: (id: string) => void;
  /** Keys saved in this tool (for the list of saved periods / drafts). */
  savedKeys: string[];
  remove: (key: string) => void;
  store: Store<T>;
  /** Last save time of the current entry (ISO), or null. */
  savedAt: string | null;
}

function applyEdits<T>(base: T, edits: readonly (T | ((old: T) => T))[]): T {
  return edits.reduce<T>((s, e) => (typeof e === 'function' ? (e as (old: T) => T)(s) : e), base);
}

let storeCache = new Map<string, Store<unknown>>();

function storeFor<T>(options: SavedStateOptions<T>): Store<T> {
  const id = `${options.namespace}@${options.version}`;
  let store = storeCache.get(id) as Store<T> | undefined;
  if (!store) {
    store = createStore<T>({
      namespace: options.namespace,
      version: options.version,
      schema: options.schema,
      ...(options.migrate ? { migrate: options.migrate } : {}),
    });
    storeCache.set(id, store as Store<unknown>);
  }
  return store;
}

/** For tests of components: forget cached stores. */
export function resetStoreCache(): void {
  storeCache = new Map();
}

export function useSavedState<T>(options: SavedStateOptions<T>): SavedState<T> {
  const store = useMemo(() => storeFor(options), [options.namespace, options.version]);
  const { key } = options;
  const [state, setStateRaw] = useState<T>(() => options.initial(key));
  const [notices, setNotices] = useState<Notice[]>([]);
  const [savedKeys, setSavedKeys] = useState<string[]>([]);
  const [savedAt, setSavedAt] = useState<string | null>(null);
  const savedAtRef = useRef<string | null>(null);
  const dirty = useRef(false);
  const conflict = useRef(false);
  const loadedKey = useRef<string | null | undefined>(undefined);
  // The state of the entry that is loaded: a render that already switched keys (and perhaps set
  // the next entry's state) must not be saved under the old key.
  const stateRef = useRef(state);
  if (key === loadedKey.current) stateRef.current = state;
  // Edits made in the frame between a key change and its load belong to the new entry: they wait
  // here and are applied on top of it when it loads, instead of to the entry being left.
  const keyRef = useRef(key);
  keyRef.current = key;
  const queued = useRef<(T | ((old: T) => T))[]>([]);

  const addNotice = useCallback((notice: Notice) => {
    setNotices((list) => [...list.filter((n) => n.id !== notice.id), notice]);
  }, []);
  const dismiss = useCallback((id: string) => setNotices((list) => list.filter((n) => n.id !== id)), []);

  const refreshKeys = useCallback(() => setSavedKeys(store.list()), [store]);

  const load = useCallback(
    (k: string | null) => {
      dirty.current = false;
      conflict.current = false;
      dismiss('conflict');
      const edits = queued.current;
      queued.current = [];
      const setLoaded = (base: T) => {
        if (edits.length > 0) dirty.current = true;
        setStateRaw(applyEdits(base, edits));
      };
      if (k === null) {
        setLoaded(options.initial(null));
        savedAtRef.current = null;
        setSavedAt(null);
        return;
      }
      const result = store.load(k);
      if (result.status === 'ok' || result.status === 'recovered') {
        setLoaded(result.data);
        savedAtRef.current = result.savedAt;
        setSavedAt(result.savedAt);
        if (result.status === 'recovered')
          addNotice({ id: `recovered-${k}`, kind: 'info', text: result.note });
      } else {
        setLoaded(options.initial(k));
        savedAtRef.current = null;
        setSavedAt(null);
        if (result.status === 'damaged') {
          const backupKey = result.backupKey;
          // The damaged entry is kept under its backup key (offered for download below), so the
          // slot can take new work without a false "another tab saved" conflict.
          if (backupKey) store.remove(k);
          addNotice({
            id: `damaged-${k}`,
            kind: 'warning',
            text: result.note,
            actions: backupKey
              ? [
                  {
                    label: '下载损坏的记录',
                    onClick: () =>
                      downloadText(`${k}-备份.json`, store.readBackup(backupKey) ?? '', 'application/json'),
                  },
                ]
              : [],
          });
        }
      }
    },
    [store, addNotice, dismiss],
  );

  /** Saves unsaved edits of the loaded entry now (before switching entries, or when the page goes away). */
  const flush = useCallback(() => {
    const k = loadedKey.current;
    if (!dirty.current || k === null || k === undefined || conflict.current) return;
    if (savedAtRef.current === null && options.isBlank?.(stateRef.current)) return;
    const result = store.save(k, stateRef.current, { expectedSavedAt: savedAtRef.current });
    if (result.ok) {
      savedAtRef.current = result.savedAt;
      dirty.current = false;
    }
  }, [store]);

  // Closing the tab or navigating away within the autosave delay must not lose the last keystrokes.
  useEffect(() => {
    addEventListener('pagehide', flush);
    return () => removeEventListener('pagehide', flush);
  }, [flush]);

  // Load whenever the key changes (and once on mount, in the browser); edits of the entry being
  // left are saved first, so switching quickly loses nothing.
  useEffect(() => {
    if (loadedKey.current === key) return;
    flush();
    loadedKey.current = key;
    load(key);
    refreshKeys();
    if (store.unavailableMessage)
      addNotice({ id: 'storage', kind: 'warning', text: store.unavailableMessage });
  }, [key, load, refreshKeys, store, addNotice, flush]);

  // Another tab saved the same entry: stop autosaving it and ask.
  useEffect(() => {
    if (key === null) return;
    return store.onExternalChange(key, (change) => {
      if (change.savedAt === savedAtRef.current) return;
      conflict.current = true;
      addNotice({
        id: 'conflict',
        kind: 'warning',
        text: '另一个标签页修改了这条记录。为免互相覆盖，本页已暂停自动保存。',
        actions: [
          { label: '载入另一标签页的版本', onClick: () => load(key) },
          {
            label: '用本页内容覆盖',
            onClick: () => {
              conflict.current = false;
              savedAtRef.current = change.savedAt;
              dirty.current = true;
              dismiss('conflict');
              setStateRaw((s) => ({ ...s }) as T);
            },
          },
        ],
      });
    });
  }, [key, store, load, addNotice, dismiss]);

  // Autosave after changes.
  useEffect(() => {
    if (!dirty.current || key === null || conflict.current) return;
    if (savedAtRef.current === null && options.isBlank?.(state)) return;
    const timer = setTimeout(() => {
      const result = store.save(key, state, { expectedSavedAt: savedAtRef.current });
      if (result.ok) {
        savedAtRef.current = result.savedAt;
        setSavedAt(result.savedAt);
        dirty.current = false;
        dismiss('save-error');
        refreshKeys();
      } else if ('conflict' in result && result.conflict) {
        conflict.current = true;
        addNotice({
          id: 'conflict',
          kind: 'warning',
          text: '另一个标签页也保存了这条记录。为免互相覆盖，本页已暂停自动保存。',
          actions: [{ label: '载入另一标签页的版本', onClick: () => load(key) }],
        });
      } else {
        addNotice({ id: 'save-error', kind: 'error', text: result.error });
      }
    }, options.delay ?? 300);
    return () => clearTimeout(timer);
  }, [state, key, store]);

  const setState = useCallback((update: T | ((old: T) => T)) => {
    if (keyRef.current !== loadedKey.current) {
      queued.current.push(update);
      return;
    }
    dirty.current = true;
    setStateRaw(update as T);
  }, []);

  const remove = useCallback(
    (k: string) => {
      store.remove(k);
      refreshKeys();
      if (k === key) load(key);
    },
    [store, key, load, refreshKeys],
  );

  // Between a key change and its load (one render) show the new entry already, read straight from
  // the store, so no frame shows the entry being left under the new key. Not on the first render:
  // that one must match the server's HTML.
  const switching = loadedKey.current !== undefined && key !== loadedKey.current;
  const shown = useMemo(() => {
    if (!switching) return state;
    const r = key === null ? null : store.load(key);
    const base = r && (r.status === 'ok' || r.status === 'recovered') ? r.data : options.initial(key);
    return applyEdits(base, queued.current);
  }, [switching, key, state, store]);

  return { state: shown, setState, notices, dismiss, savedKeys, remove, store, savedAt };
}
