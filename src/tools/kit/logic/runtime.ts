/**
 * The runtime of one tool page: pure (no DOM, no preact), one per page, bound to the component by
 * src/tools/kit/ui/use-tool.ts. It owns what every tool does alike:
 * - the entry list and which entry is open (opened at once, in the same call);
 * - reading stored entries through the autosave controller's one reader, so a damaged, older,
 *   newer or repaired entry is copied aside once and reported once, naming the entry and its fields
 *   as the page labels them (`ToolDefinition.fieldLabel`);
 * - the share view (a link's state shown read-only), JSON import, the definition's link codec;
 * - the notices, as one list;
 * - the fields over their limit (core/text-limit), named as the page labels them, for the export bar.
 * It exposes one snapshot (`getSnapshot`, a new object after each change) and a set of actions.
 */
import { createAutosave, type AutosaveTimer, type FieldConflict, type Update } from '../../../core/autosave/controller';
import type { Path } from '../../../core/autosave/merge';
import { parseJsonFile, toJsonFile, type StateSchema } from '../../../core/json-file';
import { createStore, type StorageLike, type Store } from '../../../core/storage';
import type { EncodeShareResult } from '../../../core/share-link';
import { fill } from '../../../core/template';
import { overLimitFields } from '../../../core/text-limit';
import type { ToolDefinition } from './definition';

/** The runtime's own words (the storage's are STORAGE_MESSAGES in core/storage). */
export const RUNTIME_MESSAGES = {
  shareError: '分享链接无法打开：{error}。下面是你自己的内容。',
  shareUnreadable: '读取链接所需的代码没能加载（可能网络已断开），请联网后刷新本页再试',
  unreadableEntry: '无法读取的记录',
  imported: '已导入',
  importedAs: '已导入「{label}」',
  /** A field the tool cannot name (never shown as its path, which is code). */
  unknownField: '无法识别的一项',
} as const;

export type NoticeKind = 'info' | 'warning' | 'error';

export interface RuntimeNotice {
  /** Stable per event (and entry): a repeated event replaces its notice. */
  readonly id: string;
  readonly kind: NoticeKind;
  readonly text: string;
  /** What happened, for the actions the page offers (autosave codes, 'share-error', 'imported'…). */
  readonly code: string;
  /** A backup of the entry to offer for download. */
  readonly backupKey?: string;
  readonly entry?: string;
}

/** A field over its limit, as the page names it (「总体自评」), for the export bar. */
export interface OverLimitNote {
  /** Where the field is in the state (a tool may pick the notes of one part, e.g. one member). */
  readonly path: readonly PropertyKey[];
  readonly label: string;
  readonly count: number;
  readonly limit: number;
}

export interface ToolEntry<S> {
  readonly key: string;
  /** null when the entry cannot be read (it is reported and kept as a backup). */
  readonly state: S | null;
  readonly label: string;
  readonly savedAt: string | null;
  readonly current: boolean;
}

export interface ToolSnapshot<S> {
  /** False until `start` (the server's render, and the browser's first one, which must match it). */
  readonly started: boolean;
  /** Today in the reader's time zone (yyyy-mm-dd), from `start`. */
  readonly today: string | null;
  /** The open entry (null before start); a share view keeps it underneath. */
  readonly key: string | null;
  /** What the form shows: the shared state when a link is open, else the open entry. */
  readonly state: S;
  readonly shared: S | null;
  /** Counts the shared states shown in this tab: a view keyed on it starts afresh with each new link. */
  readonly shareSeq: number;
  /** A share link is being read. */
  readonly reading: boolean;
  readonly entries: readonly ToolEntry<S>[];
  readonly notices: readonly RuntimeNotice[];
  readonly savedAt: string | null;
  readonly dirty: boolean;
  readonly conflicts: readonly FieldConflict[];
  readonly persistent: boolean;
}

export interface ToolRuntimeOptions {
  /** Default: the browser's localStorage (memory when refused). */
  readonly storage?: StorageLike;
  readonly now?: () => number;
  readonly timer?: AutosaveTimer;
  /** Milliseconds after the last edit before saving. Default 300. */
  readonly delay?: number;
  /** Takes a share link out of the address once the reader has left its view. */
  readonly clearLink?: () => void;
  /** After every save of the tool's work (autosave, import, 另存为), with where it went. */
  readonly afterSave?: (where: 'browser' | 'memory') => void;
}

export interface ToolRuntime<S, C> {
  subscribe(listener: () => void): () => void;
  getSnapshot(): ToolSnapshot<S>;
  /** The context of the latest render (policy, words); read when needed, never emitted. */
  setContext(ctx: C): void;
  /** In the browser, once: today, then the entry to open (the latest saved, or the definition's first). */
  start(today: string): void;
  open(key: string): void;
  /** A new, empty entry (many-entry tools). */
  openNew(): void;
  remove(key: string): void;
  edit(update: Update<S>): void;
  /** Saves a state as an entry (import, 另存为草稿, 复制) and opens it; an error message or null. */
  saveAs(state: S, key?: string): string | null;
  /** Reads a share link's fragment and shows its state read-only (or says why it cannot). */
  openShared(fragment: string): Promise<void>;
  /** Shows a state read-only, as a share link would (a file sent when the link was too long). */
  viewShared(state: S): void;
  closeShare(): void;
  /** Reads an imported JSON file and opens it; an error message or null. `label` names it. */
  importText(text: string): Promise<{ error: string } | { error: null; state: S; label: string }>;
  /** The share link fragment of a state. */
  encodeShare(state: S): Promise<EncodeShareResult>;
  /** The JSON file of a state. */
  jsonOf(state: S): string;
  /** The fields of a state over their limit (the schema's `limitedText`), named as the page labels them. */
  overLimit(state: S): readonly OverLimitNote[];
  say(notice: RuntimeNotice): void;
  dismiss(id: string): void;
  resolve(conflict: FieldConflict, choice: 'mine' | 'theirs'): void;
  resolveAll(choice: 'mine' | 'theirs'): void;
  flush(): void;
  hasUnsavedWork(): boolean;
  dispose(): void;
  readonly store: Store<S>;
}

export function createToolRuntime<S, R, C>(
  def: ToolDefinition<S, R, C>,
  initialCtx: C,
  options: ToolRuntimeOptions = {},
): ToolRuntime<S, C> {
  let ctx = initialCtx;
  const migrate = def.migrate ? { migrate: def.migrate } : {};
  const store = createStore<S>({
    namespace: def.id,
    version: def.version,
    schema: def.schema as StateSchema<S>,
    ...migrate,
    // A saved entry with a bad field keeps its good fields: the bad ones take the empty entry's value.
    empty: (key) => def.empty(ctx, key),
    ...(options.storage ? { storage: options.storage } : {}),
    ...(options.now ? { now: options.now } : {}),
    ...(options.afterSave ? { afterSave: options.afterSave } : {}),
  });
  const many = def.entries.kind === 'many' ? def.entries : null;
  const ctl = createAutosave<S>({
    store,
    initial: (key) => def.empty(ctx, key),
    delay: options.delay ?? 300,
    ...(options.timer ? { timer: options.timer } : {}),
    ...(def.isBlank ? { isBlank: (s: S) => def.isBlank!(s, ctx) } : {}),
    fieldName: (path) => fieldName(path),
    entryName: (key) => many?.labelOfKey?.(key, ctx) ?? null,
  });

  let started = false;
  let today: string | null = null;
  let shared: S | null = null;
  let shareSeq = 0;
  let reading = 0;
  let local: RuntimeNotice[] = [];
  const listeners = new Set<() => void>();
  /** The other entries as stored, read again only when the list, the open key or a save changes. */
  let others: { basis: readonly unknown[]; map: Map<string, { state: S; savedAt: string } | null> } | null = null;
  let snapshot = build();
  let building = false;

  function fieldName(path: readonly PropertyKey[]): string {
    return def.fieldLabel?.(path, ctx) ?? RUNTIME_MESSAGES.unknownField;
  }

  const label = (s: S): string => (many ? many.label(s, ctx) : '');

  function otherEntries(): Map<string, { state: S; savedAt: string } | null> {
    const snap = ctl.getSnapshot();
    const basis = [snap.entries, snap.key, snap.savedAt];
    if (others && others.basis.every((b, i) => b === basis[i])) return others.map;
    const map = new Map<string, { state: S; savedAt: string } | null>();
    for (const k of snap.entries) {
      if (k === snap.key) continue;
      const read = ctl.read(k);
      map.set(k, read.data !== undefined && read.savedAt !== null ? { state: read.data, savedAt: read.savedAt } : null);
    }
    // Reading may have reported a damaged entry (and freed its slot): take the snapshot after it.
    const after = ctl.getSnapshot();
    others = { basis: [after.entries, after.key, after.savedAt], map };
    return map;
  }

  function build(): ToolSnapshot<S> {
    const snap = ctl.getSnapshot();
    const state = shared ?? snap.state;
    // The server has no storage: no entries until the page runs in the browser.
    let entries: ToolEntry<S>[] = [];
    if (started) {
      const map = otherEntries();
      const now = ctl.getSnapshot();
      const keys = [...new Set([...now.entries, ...(now.key !== null ? [now.key] : [])])].sort().reverse();
      entries = keys.map((k): ToolEntry<S> => {
        if (k === now.key)
          return { key: k, state: now.state, label: label(now.state), savedAt: now.savedAt, current: true };
        const loaded = map.get(k) ?? null;
        return {
          key: k,
          state: loaded?.state ?? null,
          label: loaded ? label(loaded.state) : RUNTIME_MESSAGES.unreadableEntry,
          savedAt: loaded?.savedAt ?? null,
          current: false,
        };
      });
    }
    const after = ctl.getSnapshot();
    // Nor does the server's render say storage is refused.
    const notices: RuntimeNotice[] = [
      ...after.notices
        .filter((n) => started || n.code !== 'unavailable')
        .map((n) => ({
          id: n.id,
          kind: n.kind,
          code: n.code,
          text: n.text ?? '',
          ...(n.backupKey ? { backupKey: n.backupKey } : {}),
          ...(n.entry ? { entry: n.entry } : {}),
        })),
      ...local,
    ];
    return {
      started,
      today,
      key: started ? after.key : null,
      state,
      shared,
      shareSeq,
      reading: reading > 0,
      entries,
      notices,
      savedAt: after.savedAt,
      dirty: after.dirty,
      conflicts: after.conflicts,
      persistent: after.persistent,
    };
  }

  function emit(): void {
    if (building) return;
    building = true;
    try {
      snapshot = build();
    } finally {
      building = false;
    }
    for (const listener of [...listeners]) listener();
  }
  const unsubscribe = ctl.subscribe(emit);

  function addLocal(notice: RuntimeNotice): void {
    local = [...local.filter((n) => n.id !== notice.id), notice];
  }
  function unsay(id: string): void {
    local = local.filter((n) => n.id !== id);
  }

  /** The entry to open first: the one key of a single-entry tool, else the latest saved. */
  function firstKey(day: string): string {
    if (!many) return (def.entries as { key: string }).key;
    let latest: { key: string; at: string } | null = null;
    for (const k of store.list()) {
      const read = ctl.read(k);
      if (read.data !== undefined && read.savedAt !== null && (!latest || read.savedAt > latest.at))
        latest = { key: k, at: read.savedAt };
    }
    return latest?.key ?? many.firstKey(ctx, day);
  }

  /** A new link replaces everything the previous one showed: its view, and what the page said about it. */
  function showShared(state: S): void {
    shared = state;
    shareSeq += 1;
    local = local.filter((n) => n.code !== 'page' && n.code !== 'share-error');
  }

  function leaveShare(): void {
    if (shared === null) return;
    shared = null;
    options.clearLink?.();
  }

  const runtime: ToolRuntime<S, C> = {
    store,
    subscribe(listener) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    getSnapshot: () => snapshot,
    setContext(next) {
      ctx = next;
    },

    start(day) {
      if (started) return;
      started = true;
      today = day;
      ctl.open(firstKey(day)); // emits
    },

    open(k) {
      leaveShare();
      unsay('share-error');
      if (ctl.getSnapshot().key === k) emit();
      else ctl.open(k);
    },

    openNew() {
      if (many) runtime.open(many.newKey());
    },

    remove(k) {
      const wasOpen = ctl.getSnapshot().key === k;
      ctl.remove(k);
      if (wasOpen && many && many.afterRemove !== 'same') {
        const next = store
          .list()
          .filter((x) => x !== k)
          .sort()
          .reverse()[0];
        ctl.open(next ?? many.newKey());
      }
    },

    edit(update) {
      if (shared !== null) return; // a share view is read-only
      ctl.edit(update);
    },

    saveAs(incoming, k) {
      const target = k ?? (many ? (many.keyOf(incoming, ctx) ?? many.newKey()) : (def.entries as { key: string }).key);
      if (target === ctl.getSnapshot().key && shared === null) {
        ctl.edit(incoming);
        return null;
      }
      const saved = store.save(target, incoming);
      if (!saved.ok) return saved.error;
      leaveShare();
      unsay('share-error');
      // Stored by this page (an import, 另存为): not another tab's change to tell the reader of.
      if (ctl.getSnapshot().key === target) ctl.externalChange(saved.savedAt, true);
      else ctl.open(target);
      emit();
      return null;
    },

    async openShared(fragment) {
      reading += 1;
      emit();
      const r = await import('../../../core/share-link')
        .then(({ decodeShareAny }) => decodeShareAny(fragment, def.id, def.version, def.schema, migrate))
        .catch(() => ({ ok: false as const, error: RUNTIME_MESSAGES.shareUnreadable }));
      reading -= 1;
      if (r.ok) {
        showShared(r.state);
      } else {
        addLocal({
          id: 'share-error',
          kind: 'error',
          code: 'share-error',
          text: fill(RUNTIME_MESSAGES.shareError, { error: r.error }),
        });
      }
      emit();
    },

    viewShared(state) {
      showShared(state);
      emit();
    },

    closeShare() {
      leaveShare();
      unsay('share-error');
      emit();
    },

    async importText(text) {
      const r = parseJsonFile(text, def.id, def.version, def.schema, { ...migrate, fieldName });
      if (!r.ok) return { error: r.error };
      const error = runtime.saveAs(r.state);
      if (error) return { error };
      return { error: null, state: r.state, label: label(r.state) };
    },

    async encodeShare(state) {
      const { encodeShareCompressed } = await import('../../../core/share-link');
      return encodeShareCompressed(def.id, def.version, state);
    },

    jsonOf: (state) => toJsonFile(def.id, def.version, state),

    overLimit: (state) =>
      overLimitFields(def.schema, state).map((f) => ({ ...f, label: fieldName(f.path) })),

    say(notice) {
      addLocal(notice);
      emit();
    },

    dismiss(id) {
      if (id === 'share-error') leaveShare();
      unsay(id);
      if (ctl.getSnapshot().notices.some((n) => n.id === id)) ctl.dismiss(id);
      else emit();
    },

    resolve: (c, choice) => ctl.resolve(c, choice),
    resolveAll(choice) {
      for (const c of ctl.getSnapshot().conflicts) ctl.resolve(c, choice);
    },
    flush: () => ctl.flush(),
    hasUnsavedWork: () => ctl.hasUnsavedWork(),
    dispose() {
      ctl.dispose();
      unsubscribe();
      listeners.clear();
    },
  };
  return runtime;
}

/** 已导入「市场推广组 2026年3月」. */
export const importedText = (label: string): string =>
  label ? fill(RUNTIME_MESSAGES.importedAs, { label }) : RUNTIME_MESSAGES.imported;
