// The one runtime under every tool: takes a ToolDefinition (pure) and gives the component its
// state, result, notices, entry list and export actions. Saving, two-tab merge, damaged / older /
// newer entries, the share view and JSON import work the same way in every tool because only this
// hook does them. The autosave itself is a pure controller (../logic/autosave/controller.ts).
import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { createStore, type Store } from '../../../core/storage';
import type { StateSchema } from '../../../core/json-file';
import { parseJsonFile, toJsonFile } from '../../../core/json-file';
import {
  createAutosave,
  type Autosave,
  type AutosaveNotice,
  type AutosaveSnapshot,
  type FieldConflict,
  type Path,
  type Update,
} from '../../../core/autosave/controller';
import { conflictAt } from '../../../core/autosave/merge';
import type { ToolDefinition, ToolExports } from '../logic/definition';
import type { EncodeShareResult } from '../../../core/share-link';
import { clearFragment, downloadText, todayIso } from './dom';
import type { FieldConflictView } from './Field';
import type { Notice } from './Notices';
import { KIT } from './strings';

export interface ToolEntry<S> {
  readonly key: string;
  /** null when the entry cannot be read (it is reported and kept as a backup). */
  readonly state: S | null;
  readonly label: string;
  readonly savedAt: string | null;
  readonly current: boolean;
}

export interface ToolHandle<S, R> {
  /** What the form shows: the shared state when a link is open, else the open entry. */
  readonly state: S;
  readonly result: R;
  /** Key of the open entry (null on the server, before the browser has picked one, and in a share view). */
  readonly key: string | null;
  /** False on the server's render and until the browser has loaded the entry. */
  readonly ready: boolean;
  /** A share link is open (read-only), or in the browser the tool is not ready yet (the server renders the blank form unlocked). */
  readonly readOnly: boolean;
  /** The state of an open share link, or null. */
  readonly shared: S | null;
  readonly closeShare: () => void;
  /** Shows a state read-only, as a share link would (a file someone sent when the link was too long). */
  readonly viewShared: (state: S) => void;
  readonly edit: (update: Update<S>) => void;
  readonly open: (key: string) => void;
  /** Opens a new, empty entry (many-entry tools). */
  readonly openNew: () => void;
  readonly remove: (key: string) => void;
  readonly entries: readonly ToolEntry<S>[];
  readonly notices: readonly Notice[];
  readonly dismiss: (id: string) => void;
  readonly say: (notice: Notice) => void;
  readonly savedAt: string | null;
  readonly persistent: boolean;
  readonly conflicts: readonly FieldConflict[];
  /** Props for a field's conflict note, or null when the field has none. */
  readonly conflictAt: (path: Path, show?: (value: unknown) => string) => FieldConflictView | null;
  readonly resolveAll: (choice: 'mine' | 'theirs') => void;
  /** Saves a state as an entry of its own (import, 另存为草稿, 复制) and opens it. */
  readonly saveAs: (state: S, key?: string) => string | null;
  readonly store: Store<S>;
  readonly exports: ExportActions;
  /** Today in the reader's time zone (null on the server). */
  readonly today: string | null;
  /** Spread on the tool's root element: which entry is open and whether it is saved (tests wait on these). */
  readonly rootProps: Readonly<Record<string, string | undefined>>;
}

/** What the export bar calls; each loads its code on first use. */
export interface ExportActions {
  readonly fileBase: () => Promise<string>;
  readonly text: () => Promise<string>;
  readonly csv: (() => Promise<string>) | null;
  readonly json: () => Promise<string>;
  readonly share: () => Promise<EncodeShareResult>;
  /** Reads an imported file; an error message, or null when it was taken. */
  readonly importText: (text: string) => Promise<string | null>;
}

export interface UseToolOptions<S> {
  /** What leaves the browser (link, file) when it differs from the state, e.g. with derived fields filled in. */
  outgoing?: (state: S) => S;
  /** The tool has a table to export as CSV. */
  csv?: boolean;
  /** An imported state: where it goes (default: the definition's keyOf, else a new entry). */
  onImported?: (state: S, label: string) => void;
}

const SHARE_FRAGMENT = /^[vz]\d{1,9}\.[a-z0-9-]+\./;

function showValue(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean')
    return String(value);
  return JSON.stringify(value);
}

function loadedState<S>(store: Store<S>, key: string): { state: S; savedAt: string } | null {
  const r = store.load(key);
  return r.status === 'ok' || r.status === 'recovered' ? { state: r.data, savedAt: r.savedAt } : null;
}

export function useTool<S, R, C>(
  def: ToolDefinition<S, R, C>,
  ctx: C,
  options: UseToolOptions<S> = {},
): ToolHandle<S, R> {
  // The controller lives as long as the page; it reads the context of the latest render.
  const ctxRef = useRef(ctx);
  ctxRef.current = ctx;
  const store = useMemo(
    () =>
      createStore<S>({
        namespace: def.id,
        version: def.version,
        schema: def.schema as StateSchema<S>,
        ...(def.migrate ? { migrate: def.migrate } : {}),
        // A saved entry with a bad field keeps its good fields: the bad ones take the empty entry's value.
        empty: (key) => def.empty(ctxRef.current, key),
      }),
    [def],
  );
  const ctl: Autosave<S> = useMemo(
    () =>
      createAutosave<S>({
        store,
        initial: (key) => def.empty(ctxRef.current, key),
        // Browser tests hold one tab's edits unsaved to make a two-tab conflict certain (test/e2e/kit.test.ts).
        delay: (globalThis as { __mhAutosaveDelay?: number }).__mhAutosaveDelay ?? 300,
        ...(def.isBlank ? { isBlank: (s: S) => def.isBlank!(s, ctxRef.current) } : {}),
      }),
    [store],
  );
  const [snap, setSnap] = useState<AutosaveSnapshot<S>>(() => ctl.getSnapshot());
  const [key, setKey] = useState<string | null>(null);
  const [today, setToday] = useState<string | null>(null);
  // Set by the first effect. Until then a render must match the server's: hydration adopts the
  // server's DOM without fixing its attributes, and anything that differs moves the page (layout shift).
  const inBrowser = today !== null;
  const [shared, setShared] = useState<S | null>(null);
  // A share link being read: until it is, the reader's own entry must not look editable in its place.
  const [reading, setReading] = useState(false);
  const [local, setLocal] = useState<Notice[]>([]);
  const say = useCallback((n: Notice) => setLocal((list) => [...list.filter((x) => x.id !== n.id), n]), []);
  const keyRef = useRef(key);
  keyRef.current = key;

  useEffect(() => ctl.subscribe(() => setSnap(ctl.getSnapshot())), [ctl]);
  useEffect(() => () => ctl.dispose(), [ctl]);

  // Closing the tab within the autosave delay loses nothing; unsettled conflicts ask first.
  useEffect(() => {
    const flush = () => ctl.flush();
    const ask = (e: Event) => {
      ctl.flush();
      if (ctl.hasUnsavedWork()) e.preventDefault();
    };
    addEventListener('pagehide', flush);
    addEventListener('beforeunload', ask);
    return () => {
      removeEventListener('pagehide', flush);
      removeEventListener('beforeunload', ask);
    };
  }, [ctl]);

  // In the browser: today, a share link if the address carries one, and the entry to open.
  useEffect(() => {
    setToday(todayIso());
    const fragment = location.hash.replace(/^#/, '');
    if (SHARE_FRAGMENT.test(fragment)) void openShared(fragment);
    addEventListener('hashchange', onHash);
    setKey(firstKey());
    return () => removeEventListener('hashchange', onHash);
  }, []);

  function onHash() {
    const fragment = location.hash.replace(/^#/, '');
    if (SHARE_FRAGMENT.test(fragment)) void openShared(fragment);
  }

  async function openShared(fragment: string) {
    setReading(true);
    const r = await import('../../../core/share-link')
      .then(({ decodeShareAny }) =>
        decodeShareAny(
          fragment,
          def.id,
          def.version,
          def.schema,
          def.migrate ? { migrate: def.migrate } : {},
        ),
      )
      .catch(() => ({ ok: false as const, error: KIT.shareUnreadable }))
      .finally(() => setReading(false));
    if (r.ok) {
      setShared(r.state);
      setLocal((list) => list.filter((n) => n.id !== 'share-error'));
    } else {
      say({ id: 'share-error', kind: 'error', text: KIT.shareError.replace('{error}', r.error) });
    }
  }

  /** The entry to open first: the one key of a single-entry tool, else the latest saved (damaged ones reported). */
  function firstKey(): string {
    if (def.entries.kind === 'single') return def.entries.key;
    let latest: { key: string; at: string } | null = null;
    for (const k of store.list()) {
      const r = store.load(k);
      if (r.status === 'ok' || r.status === 'recovered') {
        if (!latest || r.savedAt > latest.at) latest = { key: k, at: r.savedAt };
      } else if (r.status === 'damaged') {
        reportDamaged(k, r);
      }
      if (r.status === 'recovered' && r.backupKey) {
        const backupKey = r.backupKey;
        say({
          id: `repaired-${k}`,
          kind: 'warning',
          text: entryNote(k, r.note),
          actions: [{ label: KIT.downloadBackup, onClick: () => downloadBackup(k, backupKey) }],
        });
      }
    }
    return latest?.key ?? def.entries.firstKey(ctx, todayIso());
  }

  function reportDamaged(k: string, r: Extract<ReturnType<Store<S>['load']>, { status: 'damaged' }>) {
    const backupKey = r.backupKey;
    // The copy is kept under its backup key (offered for download); the slot takes new work.
    if (backupKey) store.remove(k);
    say({
      id: `damaged-${k}`,
      kind: 'warning',
      text: entryNote(k, r.note),
      actions: backupKey ? [{ label: KIT.downloadBackup, onClick: () => downloadBackup(k, backupKey) }] : [],
    });
  }

  /** 「市场推广组 2026年4月」保存的内容…: which entry a note is about, when the tool can name it by its key. */
  function entryNote(k: string, note: string): string {
    const label = def.entries.kind === 'many' ? (def.entries.labelOfKey?.(k, ctx) ?? null) : null;
    return label ? `「${label}」${note}` : note;
  }

  function downloadBackup(k: string, backupKey: string) {
    downloadText(`${k}-备份.json`, store.readBackup(backupKey) ?? '', 'application/json;charset=utf-8');
  }

  // Open the chosen entry; in the render between a key change and its load, show it already.
  useEffect(() => {
    if (key !== null && !shared) ctl.open(key);
  }, [key, shared, ctl]);
  const switching = key !== null && snap.key !== key && !shared;
  const state = shared ?? (switching ? ctl.preview(key) : snap.state);
  // Ready once the first entry is open; switching entries later shows the next one at once (preview).
  const opened = useRef(false);
  if (snap.key !== null) opened.current = true;
  const ready = today !== null && !reading && (shared !== null || opened.current);
  const result = useMemo(() => def.derive(state, ctx), [state, ctx]);

  const edit = useCallback((update: Update<S>) => ctl.edit(update, keyRef.current), [ctl]);
  const open = useCallback((k: string) => {
    setShared(null);
    setKey(k);
  }, []);
  const openNew = useCallback(() => {
    if (def.entries.kind === 'many') open(def.entries.newKey());
  }, [open]);
  const remove = useCallback(
    (k: string) => {
      ctl.remove(k);
      if (k === keyRef.current && def.entries.kind === 'many' && def.entries.afterRemove !== 'same') {
        const next = store
          .list()
          .filter((x) => x !== k)
          .sort()
          .reverse()[0];
        setKey(next ?? def.entries.newKey());
      }
    },
    [ctl, store],
  );
  const saveAs = useCallback(
    (incoming: S, k?: string): string | null => {
      const target =
        k ??
        (def.entries.kind === 'single'
          ? def.entries.key
          : (def.entries.keyOf(incoming, ctx) ?? def.entries.newKey()));
      if (target === keyRef.current && !shared) {
        ctl.edit(incoming, target);
        return null;
      }
      const saved = store.save(target, incoming);
      if (!saved.ok) return saved.error;
      setShared(null);
      clearFragmentIfShared();
      setKey(target);
      return null;
    },
    [ctl, store, shared],
  );
  function clearFragmentIfShared() {
    if (SHARE_FRAGMENT.test(location.hash.replace(/^#/, ''))) clearFragment();
  }
  const viewShared = useCallback((state: S) => {
    setShared(state);
    setLocal((list) => list.filter((n) => n.id !== 'share-error'));
  }, []);
  const closeShare = useCallback(() => {
    clearFragmentIfShared();
    setShared(null);
    setLocal((list) => list.filter((n) => n.id !== 'share-error'));
  }, []);

  // The saved entries, named; the open one as it is being typed (the others are read once per save).
  const label = (s: S) => (def.entries.kind === 'many' ? def.entries.label(s, ctx) : '');
  const others = useMemo(() => {
    const out = new Map<string, { state: S; savedAt: string } | null>();
    for (const k of snap.entries) if (k !== key) out.set(k, loadedState(store, k));
    return out;
  }, [snap.entries, snap.savedAt, key]);
  // The server has no storage: no entries until the page runs in the browser (see inBrowser).
  const entries = [...new Set([...(inBrowser ? snap.entries : []), ...(key !== null ? [key] : [])])]
    .sort()
    .reverse()
    .map((k): ToolEntry<S> => {
      if (k === key) return { key: k, state, label: label(state), savedAt: snap.savedAt, current: true };
      const loaded = others.get(k) ?? null;
      return {
        key: k,
        state: loaded?.state ?? null,
        label: loaded ? label(loaded.state) : KIT.unreadableEntry,
        savedAt: loaded?.savedAt ?? null,
        current: false,
      };
    });

  // Nor does the server's render say storage is refused.
  const notices: Notice[] = [
    ...snap.notices.filter((n) => inBrowser || n.code !== 'unavailable').map((n) => noticeOf(n)),
    ...local,
  ];
  function noticeOf(n: AutosaveNotice): Notice {
    const text = n.text ?? KIT.codes[n.code] ?? n.code;
    const fields = n.fields?.length ? `${KIT.resetFields}${n.fields.map((p) => p.join('.')).join('、')}` : '';
    const actions: NonNullable<Notice['actions']>[number][] = [];
    if (n.backupKey) {
      const backupKey = n.backupKey;
      actions.push({
        label: KIT.downloadBackup,
        onClick: () => downloadBackup(n.entry ?? 'entry', backupKey),
      });
    }
    if (n.code === 'conflict') {
      actions.push({ label: KIT.keepAllMine, onClick: () => resolveAll('mine') });
      actions.push({ label: KIT.takeAllTheirs, onClick: () => resolveAll('theirs') });
    }
    return { id: n.id, kind: n.kind, text: text + fields, actions, sticky: n.code === 'conflict' };
  }
  const dismiss = useCallback(
    (id: string) => {
      if (id === 'share-error') closeShare();
      setLocal((list) => list.filter((n) => n.id !== id));
      ctl.dismiss(id);
    },
    [ctl],
  );
  const resolveAll = (choice: 'mine' | 'theirs') => {
    for (const c of ctl.getSnapshot().conflicts) ctl.resolve(c, choice);
  };
  const conflictView = (
    path: Path,
    show: (value: unknown) => string = showValue,
  ): FieldConflictView | null => {
    const c = conflictAt(snap.conflicts, path);
    if (!c) return null;
    return {
      theirs: show(c.theirs),
      takeTheirs: () => ctl.resolve(c, 'theirs'),
      keepMine: () => ctl.resolve(c, 'mine'),
    };
  };

  // ---- export: the code for text, CSV, JSON and links loads on first use ----
  const outgoing = () => (options.outgoing ? options.outgoing(state) : state);
  const loadExports = (): Promise<ToolExports<S, R, C>> => def.exports();
  const exports: ExportActions = {
    fileBase: async () => (await loadExports()).fileBase(state, ctx),
    text: async () => (await loadExports()).text(state, result, ctx),
    csv: options.csv
      ? async () => {
          const x = await loadExports();
          return x.csv ? x.csv(state, result, ctx) : '';
        }
      : null,
    json: async () => toJsonFile(def.id, def.version, outgoing()),
    share: async () => {
      const { encodeShareCompressed } = await import('../../../core/share-link');
      return encodeShareCompressed(def.id, def.version, outgoing());
    },
    importText: async (text) => {
      const r = parseJsonFile(
        text,
        def.id,
        def.version,
        def.schema,
        def.migrate ? { migrate: def.migrate } : {},
      );
      if (!r.ok) return r.error;
      const error = saveAs(r.state);
      if (error) return error;
      const label = def.entries.kind === 'many' ? def.entries.label(r.state, ctx) : '';
      if (options.onImported) options.onImported(r.state, label);
      else
        say({
          id: 'imported',
          kind: 'info',
          text: label ? KIT.importedAs.replace('{label}', label) : KIT.imported,
        });
      return null;
    },
  };

  return {
    state,
    result,
    key: shared ? null : key,
    ready,
    // Locked until the entry is open, on the server too: what a reader typed into the server's form
    // before the code ran would be lost when the entry opens.
    readOnly: shared !== null || !ready,
    shared,
    closeShare,
    viewShared,
    edit,
    open,
    openNew,
    remove,
    entries,
    notices,
    dismiss,
    say,
    savedAt: snap.savedAt,
    // The server has no storage; its blank page says what a browser that saves would say.
    persistent: inBrowser ? snap.persistent : true,
    conflicts: snap.conflicts,
    conflictAt: conflictView,
    resolveAll,
    saveAs,
    store,
    exports,
    today,
    rootProps: {
      'data-tool': def.id,
      'data-entry': shared ? undefined : (key ?? undefined),
      'data-dirty': String(snap.dirty || switching),
      'data-saved-at': snap.savedAt ?? '',
      // Set once the first entry (or a share view) is open: the form is unlocked from then on
      // (tools.css says 「工具正在加载…」 until it is; browser tests wait on it).
      'data-ready': ready ? 'true' : undefined,
    },
  };
}
