/**
 * Autosave as a pure controller: no DOM, no preact. A small observable store; the tool runtime
 * (src/tools/kit/logic/runtime.ts) drives it and the hook reads the runtime's snapshot.
 *
 * ```ts
 * // `empty` lets the store repair a record with a bad field instead of setting it all aside.
 * const store = createStore({ namespace, version, schema, migrate, empty: (key) => empty(key) });
 * const ctl = createAutosave({ store, initial: (key) => empty(key), isBlank, delay: 300, fieldName, entryName });
 * ctl.open(key);                 // loads the entry at once
 * ctl.edit((s) => ({ ...s, purpose })); // updates must be immutable
 * ctl.flush();                   // pagehide; `hasUnsavedWork()` before closing
 * ctl.resolve(conflict, 'theirs'); // per field conflict, shown beside conflict.path
 * ctl.dispose();                 // saves what is pending, stops listening
 * ```
 *
 * - Reading an entry (`open`, `read`, another tab's change) goes through one reader: an entry that
 *   cannot be used as it is (damaged, older, newer, fields reset, migrated) is copied aside once
 *   (`store.keepAside`) and reported once, by one notice that names the entry (`entryName`) and the
 *   reset fields as the page labels them (`fieldName`). Reading the same stored text again repeats
 *   neither.
 * - `open(key | null)`: saves the entry being left (work that cannot be saved now, e.g. while
 *   conflicted or storage is full, is kept in memory and comes back when that entry is opened
 *   again), then loads `key`. `null` = nothing is saved (read-only view). Opening the open key does
 *   nothing.
 * - `edit(update)`: a value or a function of the old state; saves `delay` ms after the last edit. An
 *   entry never saved is not saved while `isBlank(state)`. Before the first `open` it does nothing.
 * - `flush()`: saves now if there is anything to save (pagehide, before switching).
 * - Another tab: the controller listens through `store.onExternalChange` for the open key
 *   (`externalChange(savedAt)` does the same by hand; `externalChange(savedAt, true)` when the page
 *   stored the entry itself, e.g. an import). No unsaved edits → reload; silently, unless the other
 *   tab replaced a field this tab had saved (its choice in a conflict, say): then notice
 *   `changed-elsewhere` names those fields. Unsaved edits → three-way merge (base = what this tab
 *   last loaded or saved, mine = this tab, theirs = stored): disjoint edits merge and save at once
 *   (notice `merged`); edits of the same field become `snapshot.conflicts`, named in notice
 *   `conflict` (which offers only what every page shows: keep all mine, take all theirs), and the
 *   entry is not saved until each is settled with `resolve(conflict, 'mine' | 'theirs')` ('mine'
 *   keeps the field as it is now, edits since included). A save refused as a conflict takes the
 *   same path. Fields are named as the page labels them (`fieldName`), rows by their number.
 *   `conflict.path` names lines of id-keyed arrays by id (`['lines', line.id, 'unitPrice']`);
 *   `conflictAt(conflicts, path)` in ./merge finds the one for a field.
 * - `remove(key)`, `dismiss(noticeId)`, `hasUnsavedWork()` (dirty, conflicted, or kept work of
 *   another entry: ask before closing).
 *
 * Snapshot (a new object after every change, the same one otherwise):
 * `{ key, state, savedAt, dirty, conflicts, notices, entries, persistent, blocked }`; `entries` is
 * refreshed on open, save, remove and any change of the open entry from another tab.
 * `blocked`: the stored entry could not be replaced safely (written by a newer page, or damaged
 * with no room for a backup); edits stay in memory only. Notices are data: `code` says what (see
 * `AutosaveNoticeCode`), `text` is the zh-CN wording (STORAGE_MESSAGES), `backupKey` names a backup
 * to offer for download (`store.readBackup`), `fields` the paths of reset fields.
 */
import { STORAGE_MESSAGES, type LoadResult, type Store } from '../storage';
import {
  changedPaths,
  getAt,
  mergeThreeWay,
  resolveConflict,
  samePath,
  type FieldConflict,
  type Path,
} from './merge';
import { deepEqual, indexedPath, overlaps } from './path';
import { describePath } from '../json-file';
import { fill } from '../template';

export type { FieldConflict, Path } from './merge';

export type Update<T> = T | ((old: T) => T);

export interface AutosaveTimer {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export interface AutosaveOptions<T> {
  readonly store: Store<T>;
  /** State of an entry with nothing saved (also for key null). */
  readonly initial: (key: string | null) => T;
  /** An entry never saved is not saved while this says it holds nothing worth keeping. */
  readonly isBlank?: (state: T) => boolean;
  /** Milliseconds after the last edit before saving. Default 300. */
  readonly delay?: number;
  /** Default: the global setTimeout / clearTimeout. */
  readonly timer?: AutosaveTimer;
  /** A field as the page labels it, for notices (「活动参与人数 · 实际值」). Default: the path's parts. */
  readonly fieldName?: (path: Path) => string;
  /** An entry's name for notices about it (市场推广组 2026年4月), or null when its key says nothing. */
  readonly entryName?: (key: string) => string | null;
}

/** One stored entry as this tab read it: its state (undefined when nothing usable is there). */
export interface EntryRead<T> {
  readonly data: T | undefined;
  readonly savedAt: string | null;
  /** The stored value must be left alone (a newer page's, or damaged with no room for a backup). */
  readonly hold: boolean;
}

export type AutosaveNoticeCode =
  /** Storage refused: work lives in memory only (STORAGE_MESSAGES.unavailable). */
  | 'unavailable'
  /** Storage full: the last edits are not saved. */
  | 'quota'
  /** The state failed the schema and was not saved. */
  | 'invalid'
  /** The stored entry could not be used; kept as a backup when `backupKey` is set. */
  | 'unreadable'
  | 'damaged'
  | 'older'
  /** Written by a newer page: never called damaged; the reader should reload. */
  | 'newer'
  /** Lifted from an older version. */
  | 'recovered'
  /** Bad fields reset (`fields`), original in `backupKey`. */
  | 'repaired'
  /** Another tab's edits were merged with this tab's. */
  | 'merged'
  /** Another tab changed the same fields: see `snapshot.conflicts`; `fields` names them. */
  | 'conflict'
  /** Another tab's save replaced values this tab had saved (`fields`), e.g. its choice in a conflict. */
  | 'changed-elsewhere'
  /** Another tab removed the entry while this tab had edits; they are saved again. */
  | 'removed-elsewhere';

export interface AutosaveNotice {
  /** Stable per code (and entry): a repeated event replaces its notice. */
  readonly id: string;
  readonly kind: 'info' | 'warning' | 'error';
  readonly code: AutosaveNoticeCode;
  readonly text?: string;
  /** The entry it is about, for entry-specific codes. */
  readonly entry?: string;
  readonly backupKey?: string;
  readonly fields?: readonly Path[];
}

export interface AutosaveSnapshot<T> {
  readonly key: string | null;
  readonly state: T;
  /** savedAt of the stored version this tab builds on; null when nothing is stored. */
  readonly savedAt: string | null;
  /** Edits not yet saved. */
  readonly dirty: boolean;
  readonly conflicts: readonly FieldConflict[];
  readonly notices: readonly AutosaveNotice[];
  /** store.list(): keys saved in this tool. */
  readonly entries: readonly string[];
  readonly persistent: boolean;
  readonly blocked: boolean;
}

export interface Autosave<T> {
  subscribe(listener: () => void): () => void;
  getSnapshot(): AutosaveSnapshot<T>;
  open(key: string | null): void;
  edit(update: Update<T>): void;
  /** Another entry as stored (through the one reader: problems reported once), for lists. */
  read(key: string): EntryRead<T>;
  flush(): void;
  /** Another tab changed the open entry (`byThisPage`: the page stored it itself, e.g. an import). */
  externalChange(savedAt: string | null, byThisPage?: boolean): void;
  resolve(conflict: FieldConflict, choice: 'mine' | 'theirs'): void;
  remove(key: string): void;
  dismiss(noticeId: string): void;
  hasUnsavedWork(): boolean;
  dispose(): void;
}

/** One entry's work. Replaced, never mutated, so a parked session stays as it was. */
interface Session<T> {
  readonly state: T;
  /** The stored version this tab last loaded or saved (the merge base). */
  readonly base: T;
  readonly savedAt: string | null;
  readonly dirty: boolean;
  readonly conflicts: readonly FieldConflict[];
  /** Fields this tab has saved since the entry was opened: another tab replacing one is reported. */
  readonly written: readonly Path[];
}

/** Most fields a notice names; the rest are counted. */
const NAMED_FIELDS = 5;

/** Notices about the open entry only: gone when another entry is opened. */
const TRANSIENT: readonly AutosaveNoticeCode[] = [
  'quota',
  'invalid',
  'merged',
  'conflict',
  'changed-elsewhere',
  'removed-elsewhere',
];

interface GlobalTimers {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

function defaultTimer(): AutosaveTimer {
  const g = globalThis as unknown as GlobalTimers;
  return { setTimeout: (callback, ms) => g.setTimeout(callback, ms), clearTimeout: (h) => g.clearTimeout(h) };
}

function apply<T>(state: T, update: Update<T>): T {
  return typeof update === 'function' ? (update as (old: T) => T)(state) : update;
}

export function createAutosave<T>(options: AutosaveOptions<T>): Autosave<T> {
  const { store, initial, isBlank } = options;
  const fieldName = options.fieldName ?? describePath;
  const entryName = options.entryName ?? (() => null);
  const delay = options.delay ?? 300;
  const timer = options.timer ?? defaultTimer();

  const fresh = (state: T, savedAt: string | null): Session<T> => ({
    state,
    base: state,
    savedAt,
    dirty: false,
    conflicts: [],
    written: [],
  });

  let opened = false;
  let key: string | null = null;
  let session = fresh(initial(null), null);
  let blocked = false;
  let notices: AutosaveNotice[] = [];
  let entries: readonly string[] = store.list();
  /** Unsaved work of entries left while it could not be saved, by key. */
  const parked = new Map<string, Session<T>>();
  /** What the reader made of each entry's stored text: read again, it is neither re-reported nor re-copied. */
  const reads = new Map<string, { raw: string; read: EntryRead<T> }>();
  let pending: { handle: unknown } | null = null;
  let unwatch: (() => void) | null = null;
  let disposed = false;
  const listeners = new Set<() => void>();
  let snapshot = build();

  function build(): AutosaveSnapshot<T> {
    return {
      key,
      state: session.state,
      savedAt: session.savedAt,
      dirty: session.dirty,
      conflicts: session.conflicts,
      notices,
      entries,
      persistent: store.persistent,
      blocked,
    };
  }

  function emit(): void {
    snapshot = build();
    for (const listener of [...listeners]) listener();
  }

  function notify(notice: AutosaveNotice): void {
    notices = [...notices.filter((n) => n.id !== notice.id), notice];
  }

  function drop(codes: readonly AutosaveNoticeCode[]): void {
    if (notices.some((n) => codes.includes(n.code))) notices = notices.filter((n) => !codes.includes(n.code));
  }

  /** The store may fall back to memory at any call (storage blocked mid-session). */
  function checkPersistent(): void {
    if (!store.persistent && !notices.some((n) => n.code === 'unavailable')) {
      notify({ id: 'unavailable', kind: 'warning', code: 'unavailable', text: STORAGE_MESSAGES.unavailable });
    }
  }

  /** Work that a save would keep: never-saved blank entries are not work. */
  function worthKeeping(s: Session<T>): boolean {
    return s.conflicts.length > 0 || (s.dirty && !(s.savedAt === null && isBlank?.(s.state)));
  }

  function canSave(): boolean {
    return key !== null && !blocked && session.conflicts.length === 0 && worthKeeping(session);
  }

  function cancelTimer(): void {
    if (pending) timer.clearTimeout(pending.handle);
    pending = null;
  }

  function schedule(): void {
    cancelTimer();
    if (!canSave()) return;
    const handle = timer.setTimeout(() => {
      if (pending?.handle !== handle) return;
      pending = null;
      save();
      emit();
    }, delay);
    pending = { handle };
  }

  function save(depth = 0): void {
    cancelTimer();
    if (!canSave() || key === null) return;
    const saving = session.state;
    const result = store.save(key, saving, { expectedSavedAt: session.savedAt });
    checkPersistent();
    if (result.ok) {
      const written = [...session.written];
      for (const path of changedPaths(session.base, saving))
        if (!written.some((w) => samePath(w, path))) written.push(path);
      session = { ...session, base: saving, savedAt: result.savedAt, dirty: false, written };
      drop(['quota', 'invalid']);
      entries = store.list();
    } else if (result.conflict) {
      // Another tab saved first and its storage event has not arrived yet.
      if (depth === 0) reconcile(depth + 1);
    } else {
      const code = result.quota ? 'quota' : 'invalid';
      notify({ id: code, kind: 'error', code, text: result.error });
    }
  }

  /** 「市场推广组 2026年4月」保存的内容…: the notice names the entry when its key says which. */
  function about(k: string, text: string): string {
    const name = entryName(k);
    return name ? `「${name}」${text}` : text;
  }

  /** 「项目名称」、「费用明细 · 第 1 行 费用说明」: fields as the page labels them (rows numbered as in `states`). */
  function namedFields(paths: readonly Path[], ...states: readonly unknown[]): string {
    const names = [...new Set(paths.map((path) => `「${fieldName(indexedPath(path, ...states))}」`))];
    const listed = names.slice(0, NAMED_FIELDS).join('、');
    return names.length > NAMED_FIELDS
      ? fill(STORAGE_MESSAGES.moreFields, { fields: listed, n: names.length })
      : listed;
  }

  /** The conflict notice for the conflicts still open, or none. */
  function sayConflicts(): void {
    // Rows are numbered as this tab shows them, or as the other tab's version has them (a line
    // removed here).
    const { conflicts, state, base } = session;
    if (conflicts.length === 0) {
      drop(['conflict']);
      return;
    }
    notify({
      id: 'conflict',
      kind: 'warning',
      code: 'conflict',
      text: fill(STORAGE_MESSAGES.fieldConflict, {
        fields: namedFields(
          conflicts.map((c) => c.path),
          state,
          base,
        ),
        keepAllMine: STORAGE_MESSAGES.keepAllMine,
        takeAllTheirs: STORAGE_MESSAGES.takeAllTheirs,
      }),
      fields: conflicts.map((c) => c.path),
    });
  }

  /** The one reader of stored entries: a problem is copied aside and reported once per stored text. */
  function readStored(k: string): EntryRead<T> {
    const result = store.load(k);
    if (result.status === 'ok') return { data: result.data, savedAt: result.savedAt, hold: false };
    if (result.status === 'empty') return { data: undefined, savedAt: null, hold: false };
    const seen = reads.get(k);
    if (seen && seen.raw === result.raw) return seen.read;
    const read = firstRead(k, result);
    reads.set(k, { raw: result.raw, read });
    return read;
  }

  function firstRead(k: string, result: Exclude<LoadResult<T>, { status: 'ok' | 'empty' }>): EntryRead<T> {
    if (result.status === 'recovered' && result.resetFields.length === 0) {
      notify({
        id: `recovered:${k}`,
        kind: 'info',
        code: 'recovered',
        text: about(k, STORAGE_MESSAGES.recovered),
        entry: k,
      });
      return { data: result.data, savedAt: result.savedAt, hold: false };
    }
    // The original is copied aside before anything may replace it (reset fields, a fresh entry).
    const backupKey = store.keepAside(k, result.raw);
    if (result.status === 'recovered' && backupKey !== null) {
      const fields = result.resetFields.map((path) => `「${fieldName(path)}」`).join('、');
      notify({
        id: `repaired:${k}`,
        kind: 'warning',
        code: 'repaired',
        text: about(k, fill(STORAGE_MESSAGES.repaired, { fields })),
        entry: k,
        fields: result.resetFields,
        backupKey,
      });
      return { data: result.data, savedAt: result.savedAt, hold: false };
    }
    // A repair whose original cannot be kept is not made: the entry is left as it is.
    const reason = result.status === 'damaged' ? result.reason : result.migrated ? 'older' : 'damaged';
    notify({
      id: `${reason}:${k}`,
      kind: 'warning',
      code: reason,
      text: about(k, backupKey === null ? STORAGE_MESSAGES.noBackup : STORAGE_MESSAGES[reason]),
      entry: k,
      ...(backupKey ? { backupKey } : {}),
    });
    // A newer page's entry stays for that page; an entry with no backup must not be overwritten.
    if (reason === 'newer' || backupKey === null) return { data: undefined, savedAt: null, hold: true };
    // Safe in its backup: free the slot so new work saves without a false conflict.
    store.remove(k);
    return { data: undefined, savedAt: null, hold: false };
  }

  /**
   * Says which fields this tab had saved that another tab's save has just replaced (from `before`
   * to `after`), adding to what the notice already names; returns what this tab still wrote.
   */
  function tellReplaced(before: unknown, after: unknown): readonly Path[] {
    const replaced = changedPaths(before, after).filter((p) => session.written.some((w) => overlaps(w, p)));
    if (replaced.length === 0) return session.written;
    const earlier = notices.find((n) => n.id === 'changed-elsewhere')?.fields ?? [];
    const fields = [...earlier.filter((e) => !replaced.some((p) => samePath(p, e))), ...replaced];
    notify({
      id: 'changed-elsewhere',
      kind: 'info',
      code: 'changed-elsewhere',
      text: fill(STORAGE_MESSAGES.changedElsewhere, { fields: namedFields(fields, after, before) }),
      fields,
    });
    return session.written.filter((w) => !replaced.some((p) => overlaps(w, p)));
  }

  /**
   * Brings the open entry in line with what is stored now (another tab saved or removed it; or,
   * `byThisPage`, the page itself stored it, which it need not be told about).
   */
  function reconcile(depth = 0, byThisPage = false): void {
    if (key === null) return;
    const k = key;
    const wasSavedAt = session.savedAt;
    const stored = readStored(k);
    blocked = stored.hold;
    entries = store.list();
    if (!worthKeeping(session)) {
      const state = stored.data ?? initial(k);
      const written = stored.data === undefined || byThisPage ? [] : tellReplaced(session.state, state);
      session = { ...fresh(state, stored.savedAt), written };
      drop(['conflict']);
      return;
    }
    if (stored.hold) return; // keep this tab's work in memory; it cannot replace the stored entry
    if (stored.data === undefined) {
      // Removed elsewhere while this tab has edits: keep them, save them as a new entry.
      session = { ...session, base: initial(k), savedAt: null, dirty: true, conflicts: [] };
      drop(['conflict']);
      notify({
        id: 'removed-elsewhere',
        kind: 'warning',
        code: 'removed-elsewhere',
        text: STORAGE_MESSAGES.removedElsewhere,
      });
      save(depth);
      return;
    }
    const theirs = stored.data;
    const { merged, conflicts } = mergeThreeWay(session.base, session.state, theirs);
    // Conflicts still open from an earlier merge: this merge's base is their earlier version, so
    // it would take mine there without asking.
    for (const earlier of session.conflicts) {
      if (conflicts.some((c) => samePath(c.path, earlier.path))) continue;
      const now = getAt(theirs, earlier.path);
      const mineNow = getAt(merged, earlier.path);
      if (!deepEqual(now, mineNow)) conflicts.push({ ...earlier, mine: mineNow, theirs: now });
    }
    // The merged notice tells of the other tab's edits here; what this tab saved stays its own.
    const written = session.written;
    session = {
      state: merged,
      base: theirs,
      savedAt: stored.savedAt,
      dirty: !deepEqual(merged, theirs),
      conflicts,
      written,
    };
    sayConflicts();
    if (conflicts.length > 0) return;
    if (session.dirty && stored.savedAt !== wasSavedAt) {
      notify({ id: 'merged', kind: 'info', code: 'merged', text: STORAGE_MESSAGES.merged });
    }
    save(depth);
  }

  function load(k: string | null): void {
    if (k === null) {
      session = fresh(initial(null), null);
      return;
    }
    const kept = parked.get(k);
    if (kept) {
      parked.delete(k);
      session = kept;
      reconcile();
      return;
    }
    const stored = readStored(k);
    blocked = stored.hold;
    session = fresh(stored.data ?? initial(k), stored.savedAt);
  }

  const api: Autosave<T> = {
    subscribe(listener) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },

    getSnapshot: () => snapshot,

    open(k) {
      if (disposed || (opened && k === key)) return;
      if (opened) {
        save();
        if (key !== null && worthKeeping(session)) parked.set(key, session);
      }
      cancelTimer();
      unwatch?.();
      unwatch = null;
      drop(TRANSIENT);
      opened = true;
      key = k;
      blocked = false;
      load(k);
      if (k !== null) unwatch = store.onExternalChange(k, (change) => api.externalChange(change.savedAt));
      entries = store.list();
      checkPersistent();
      schedule();
      emit();
    },

    edit(update) {
      if (disposed || !opened) return;
      const state = apply(session.state, update);
      if (Object.is(state, session.state)) return;
      session = { ...session, state, dirty: true };
      schedule();
      emit();
    },

    read(k) {
      if (opened && k === key) return { data: session.state, savedAt: session.savedAt, hold: blocked };
      const before = notices;
      const read = readStored(k);
      if (notices !== before) emit();
      return read;
    },

    flush() {
      // Also retries a save the quota refused: the reader may have freed space meanwhile.
      if (disposed || !canSave()) return;
      save();
      emit();
    },

    externalChange(savedAt, byThisPage = false) {
      if (disposed) return;
      entries = store.list();
      if (opened && key !== null && savedAt !== session.savedAt) {
        cancelTimer();
        reconcile(0, byThisPage);
        schedule();
      }
      emit();
    },

    resolve(conflict, choice) {
      if (disposed) return;
      const found = session.conflicts.find((c) => samePath(c.path, conflict.path));
      if (!found) return;
      const state = resolveConflict(session.state, found, choice);
      const conflicts = session.conflicts.filter((c) => c !== found);
      session = { ...session, state, conflicts, dirty: !deepEqual(state, session.base) };
      sayConflicts();
      schedule();
      emit();
    },

    remove(k) {
      if (disposed) return;
      store.remove(k);
      parked.delete(k);
      reads.delete(k);
      if (opened && k === key) {
        cancelTimer();
        session = fresh(initial(k), null);
        blocked = false;
        drop(TRANSIENT);
      }
      entries = store.list();
      checkPersistent();
      emit();
    },

    dismiss(id) {
      if (!notices.some((n) => n.id === id)) return;
      notices = notices.filter((n) => n.id !== id);
      emit();
    },

    hasUnsavedWork() {
      return parked.size > 0 || (key !== null && worthKeeping(session));
    },

    dispose() {
      if (disposed) return;
      save();
      cancelTimer();
      unwatch?.();
      unwatch = null;
      listeners.clear();
      disposed = true;
    },
  };

  checkPersistent();
  snapshot = build();
  return api;
}
