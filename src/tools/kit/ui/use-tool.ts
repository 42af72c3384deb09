// Binds a tool page's runtime (../logic/runtime.ts: entries, autosave, share view, import, notices)
// to its Preact component, and does what only a component can: read the address's link, listen for
// the page closing, download, and turn notices into buttons.
import { useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import { useSyncExternalStore } from 'preact/compat';
import type { FieldConflict, Path, Update } from '../../../core/autosave/controller';
import { conflictAt } from '../../../core/autosave/merge';
import type { EncodeShareResult } from '../../../core/share-link';
import type { Store } from '../../../core/storage';
import { clearLinkFragment, onLinkFragment, readLinkFragment } from '../../../client/link-fragment';
import { requestPersistOnce } from '../../../client/persist-storage';
import type { ToolDefinition, ToolExports } from '../logic/definition';
import {
  createToolRuntime,
  importedText,
  type OverLimitNote,
  type RuntimeNotice,
  type ToolEntry,
} from '../logic/runtime';
import { downloadText, todayIso } from './dom';
import type { FieldConflictView } from './Field';
import type { Notice } from './Notices';
import { KIT } from './strings';

export type { OverLimitNote, ToolEntry } from '../logic/runtime';

export interface ToolHandle<S, R> {
  /** What the form shows: the shared state when a link is open, else the open entry. */
  readonly state: S;
  readonly result: R;
  /** Key of the open entry (null on the server, before the browser has picked one, and in a share view). */
  readonly key: string | null;
  /** False on the server's render and until the browser has opened the entry. */
  readonly ready: boolean;
  /** A share link is open (read-only), or the tool has not opened its entry yet (the server renders the form locked). */
  readonly readOnly: boolean;
  /** The state of an open share link, or null. */
  readonly shared: S | null;
  /**
   * Names what the form shows (an entry, or the nth shared state of this tab): a view that keeps
   * state of its own (a generated reply, a chosen decision) is keyed on it, so a second link opened
   * in the same tab replaces everything the first one showed.
   */
  readonly viewKey: string;
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
  /** Fields over their limit: the export bar names them before anything goes out. */
  readonly overLimit: readonly OverLimitNote[];
}

export interface UseToolOptions<S> {
  /** What leaves the browser (link, file) when it differs from the state, e.g. with derived fields filled in. */
  outgoing?: (state: S) => S;
  /** The tool has a table to export as CSV. */
  csv?: boolean;
  /** An imported state: what the page says (default: 已导入「label」). */
  onImported?: (state: S, label: string) => void;
}

function showValue(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean')
    return String(value);
  return JSON.stringify(value);
}

export function useTool<S, R, C>(
  def: ToolDefinition<S, R, C>,
  ctx: C,
  options: UseToolOptions<S> = {},
): ToolHandle<S, R> {
  const [rt] = useState(() =>
    createToolRuntime(def, ctx, {
      // Browser tests hold one tab's edits unsaved to make a two-tab conflict certain (test/e2e/kit.test.ts).
      delay: (globalThis as { __mhAutosaveDelay?: number }).__mhAutosaveDelay ?? 300,
      clearLink: clearLinkFragment,
      // The first save in this browser asks it to keep the site's storage (once; not for memory).
      afterSave: (where) => void requestPersistOnce(where),
    }),
  );
  rt.setContext(ctx);
  const snap = useSyncExternalStore(rt.subscribe, rt.getSnapshot);
  const optionsRef = useRef(options);
  optionsRef.current = options;

  // After hydration and before the browser paints (so no input lands between): open the entry, and
  // a share link in the address (now or pasted later). Closing the tab within the autosave delay
  // loses nothing; unsettled conflicts ask first.
  useLayoutEffect(() => {
    rt.start(todayIso());
    const fragment = readLinkFragment('share');
    if (fragment !== null) void rt.openShared(fragment);
    const offLink = onLinkFragment((f) => void rt.openShared(f), 'share');
    const flush = () => rt.flush();
    const ask = (e: Event) => {
      rt.flush();
      if (rt.hasUnsavedWork()) e.preventDefault();
    };
    addEventListener('pagehide', flush);
    addEventListener('beforeunload', ask);
    return () => {
      offLink();
      removeEventListener('pagehide', flush);
      removeEventListener('beforeunload', ask);
      rt.dispose();
    };
  }, [rt]);

  const { state, shared, started } = snap;
  const ready = started && !snap.reading;
  const result = useMemo(() => def.derive(state, ctx), [state, ctx]);
  const overLimit = useMemo(() => rt.overLimit(state), [state, ctx]);

  function downloadBackup(entry: string, backupKey: string) {
    downloadText(`${entry}-备份.json`, rt.store.readBackup(backupKey) ?? '', 'application/json;charset=utf-8');
  }
  const notices = snap.notices.map((n: RuntimeNotice): Notice => {
    const actions: NonNullable<Notice['actions']>[number][] = [];
    const backupKey = n.backupKey;
    if (backupKey) actions.push({ label: KIT.downloadBackup, onClick: () => downloadBackup(n.entry ?? 'entry', backupKey) });
    if (n.code === 'conflict') {
      actions.push({ label: KIT.keepAllMine, onClick: () => rt.resolveAll('mine') });
      actions.push({ label: KIT.takeAllTheirs, onClick: () => rt.resolveAll('theirs') });
    }
    return { id: n.id, kind: n.kind, text: n.text, actions, sticky: n.code === 'conflict' };
  });

  const conflictView = (path: Path, show: (value: unknown) => string = showValue): FieldConflictView | null => {
    const c = conflictAt(snap.conflicts, path);
    if (!c) return null;
    return {
      theirs: show(c.theirs),
      takeTheirs: () => rt.resolve(c, 'theirs'),
      keepMine: () => rt.resolve(c, 'mine'),
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
    json: async () => rt.jsonOf(outgoing()),
    share: () => rt.encodeShare(outgoing()),
    importText: async (text) => {
      const r = await rt.importText(text);
      if (r.error !== null) return r.error;
      const onImported = optionsRef.current.onImported;
      if (onImported) onImported(r.state, r.label);
      else rt.say({ id: 'imported', kind: 'info', code: 'imported', text: importedText(r.label) });
      return null;
    },
    overLimit,
  };

  const key = shared ? null : snap.key;
  return {
    state,
    result,
    key,
    ready,
    // Locked until the entry is open, on the server too: what a reader typed into the server's form
    // before the code ran would be lost when the entry opens.
    readOnly: shared !== null || !ready,
    shared,
    viewKey: shared ? `share-${snap.shareSeq}` : `entry-${key ?? ''}`,
    closeShare: rt.closeShare,
    viewShared: rt.viewShared,
    edit: rt.edit,
    open: rt.open,
    openNew: rt.openNew,
    remove: rt.remove,
    entries: snap.entries,
    notices,
    dismiss: rt.dismiss,
    say: (n: Notice) => rt.say({ id: n.id, kind: n.kind, text: n.text, code: 'page' }),
    savedAt: snap.savedAt,
    // The server has no storage; its blank page says what a browser that saves would say.
    persistent: started ? snap.persistent : true,
    conflicts: snap.conflicts,
    conflictAt: conflictView,
    resolveAll: rt.resolveAll,
    saveAs: rt.saveAs,
    store: rt.store,
    exports,
    today: snap.today,
    rootProps: {
      'data-tool': def.id,
      'data-entry': key ?? undefined,
      'data-dirty': String(snap.dirty),
      'data-saved-at': snap.savedAt ?? '',
      // Set once the first entry (or a share view) is open: the form is unlocked from then on
      // (tools.css says 「工具正在加载…」 until it is; browser tests wait on it).
      'data-ready': ready ? 'true' : undefined,
    },
  };
}
