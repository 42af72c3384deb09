/**
 * The one storage adapter: the only code that touches localStorage (logic has no DOM), autosave for
 * the tools.
 *
 * - Keys are `mh:<namespace>:<key>`; each value is `{ v, savedAt, data }`.
 * - `load` only reads. A value that does not parse or validate, or an old version `migrate` cannot
 *   lift, comes back as `damaged` with its raw text; with `empty`, a value with a few bad fields comes
 *   back `recovered` with those fields reset (`salvage`) and its raw text. The reader of an entry
 *   (the autosave controller) copies that text aside with `keepAside` before anything replaces it,
 *   to `mh:<namespace>:<key>:backup:<ms>`: never silently wiped.
 * - A value written by a newer version of the page is `reason: 'newer'`, never called damaged.
 * - Storage that throws (private mode, SecurityError, no quota) → an in-memory map, with
 *   `persistent === false` and a message for the page.
 * - Two tabs: `savedAt` strictly increases per key, so `save(…, { expectedSavedAt })` refuses to
 *   overwrite what another tab saved since this one loaded; `onExternalChange` reports it live.
 *
 * No DOM lib here: the few browser shapes used are declared below.
 */
import { salvage } from './autosave/salvage';
import type { Path } from './autosave/path';
import { storagePrefix } from './storage-key';
import { upgradeState, validateState, type Migrate, type StateSchema } from './json-file';

/** The part of the Web Storage API this adapter uses. */
export interface StorageLike {
  readonly length: number;
  key(index: number): string | null;
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

/** The fields of a `StorageEvent` we read. */
interface StorageEventLike {
  readonly key: string | null;
  readonly newValue: string | null;
  readonly storageArea?: unknown;
}

type StorageListener = (event: StorageEventLike) => void;

interface BrowserGlobals {
  readonly localStorage?: StorageLike;
  addEventListener?(type: 'storage', listener: StorageListener): void;
  removeEventListener?(type: 'storage', listener: StorageListener): void;
}

const browser = globalThis as unknown as BrowserGlobals;

export const STORAGE_MESSAGES = {
  unavailable: '浏览器不允许保存，本页内容关闭后会丢失',
  quota: '浏览器存储空间已满，未能保存；请先“下载 JSON”备份，再删除不用的草稿',
  invalid: '内容不完整，未保存',
  conflict: '另一个标签页已保存了新的内容；请刷新后再改，或确认覆盖',
  damaged: '保存的内容已损坏，已另存为备份，请重新填写',
  unreadable: '保存的内容无法读取，已另存为备份，请重新填写',
  older: '保存的内容来自旧版本，无法自动升级，已另存为备份',
  newer: '保存的内容来自较新的版本，已另存为备份；请刷新页面',
  noBackup: '保存的内容无法读取，且存储空间不足，未能另存备份',
  recovered: '已把旧版本保存的内容升级到当前版本，请核对',
  repaired: '保存的内容中有字段不正确，已重置：{fields}；原内容已另存为备份，请核对',
  merged: '另一个标签页修改了这条记录，已与本页的修改合并',
  // Says only what every page shows: the fields by name and the notice's own two buttons (a field
  // may also offer its own choice beside it, which speaks for itself).
  fieldConflict:
    '另一个标签页也改了{fields}，与本页不同：请选择「{keepAllMine}」或「{takeAllTheirs}」；选好之前本页暂停自动保存',
  keepAllMine: '全部保留本页的',
  takeAllTheirs: '全部用另一标签页的',
  changedElsewhere: '另一个标签页保存了新的内容，替换了本页填写的{fields}；现在显示的是新的内容',
  moreFields: '{fields}等 {n} 项',
  removedElsewhere: '另一个标签页删除了这条记录；本页的内容会重新保存',
} as const;

/** Why a stored value could not be used as it is. */
export type LoadProblem = 'damaged' | 'older' | 'newer' | 'unreadable';

export type LoadResult<T> =
  | { readonly status: 'ok'; readonly data: T; readonly savedAt: string }
  | { readonly status: 'empty' }
  /** Lifted from an older version (`migrated`) and/or with bad fields reset (`resetFields`). */
  | {
      readonly status: 'recovered';
      readonly data: T;
      readonly savedAt: string;
      readonly migrated: boolean;
      /** Paths (array indices from 0) of the fields reset or the lines dropped; empty after a plain migration. */
      readonly resetFields: readonly Path[];
      /** The stored text, to keep aside before the reset fields are lost. */
      readonly raw: string;
    }
  /**
   * Not usable here; `reason` says why ('unreadable': not JSON or not our envelope; 'damaged': fails
   * the schema beyond repair; 'older': too old to lift; 'newer': written by a newer page, so the
   * reader should reload rather than overwrite it). `raw` is the stored text, for `keepAside`.
   */
  | {
      readonly status: 'damaged';
      readonly reason: LoadProblem;
      readonly raw: string;
    };

export type SaveResult =
  | { readonly ok: true; readonly savedAt: string }
  | {
      readonly ok: false;
      readonly error: string;
      /** Another tab saved after `expectedSavedAt`; its `savedAt` (null if it removed the entry). */
      readonly conflict?: true;
      readonly theirSavedAt?: string | null;
      readonly quota?: true;
    };

export interface SaveOptions {
  /** `savedAt` from the last load/save, or null if the key was empty then. Omit to skip the check. */
  readonly expectedSavedAt?: string | null;
}

export interface BackupInfo {
  /** Full storage key, as given in a `damaged` load result. */
  readonly backupKey: string;
  /** The key it was copied from. */
  readonly key: string;
  /** When the copy was made (ms since epoch). */
  readonly at: number;
}

export interface ExternalChange {
  readonly key: string;
  /** `savedAt` of the new value; null when the entry was removed or cleared. */
  readonly savedAt: string | null;
}

export interface StoreOptions<T> {
  /** Tool name, e.g. "budget"; letters, digits and `-`. */
  readonly namespace: string;
  /** Version of the stored shape; bump it when the schema changes. */
  readonly version: number;
  readonly schema: StateSchema<T>;
  readonly migrate?: Migrate;
  /** Empty state of an entry: when given, a stored value with bad fields loads with those fields reset. */
  readonly empty?: (key: string) => T;
  /** Default: `globalThis.localStorage`. */
  readonly storage?: StorageLike;
  /** Clock (ms), for tests. Default: Date.now. */
  readonly now?: () => number;
  /** Called after each successful save, with where it went (memory: storage refused). */
  readonly afterSave?: (where: 'browser' | 'memory') => void;
}

export interface Store<T> {
  /** False when the browser refused storage and an in-memory map stands in. */
  readonly persistent: boolean;
  /** `STORAGE_MESSAGES.unavailable` when not persistent, else null: show it near the tool. */
  readonly unavailableMessage: string | null;
  /** Reads an entry; never writes. */
  load(key: string): LoadResult<T>;
  /**
   * Copies an entry's raw text to a backup key and returns it (an identical backup is reused, so
   * reading the same damaged entry again does not pile them up); null when storage is full.
   */
  keepAside(key: string, raw: string): string | null;
  save(key: string, data: T, options?: SaveOptions): SaveResult;
  remove(key: string): void;
  /** Keys saved in this namespace, backups excluded, sorted. */
  list(): string[];
  /** Backups in this namespace, newest first. */
  listBackups(): BackupInfo[];
  /** Raw text of a backup (to offer it as a download), or null. */
  readBackup(backupKey: string): string | null;
  removeBackup(backupKey: string): void;
  /** Calls `callback` when another tab changes `key`; returns the unsubscribe function. */
  onExternalChange(key: string, callback: (change: ExternalChange) => void): () => void;
}

/** Map-backed StorageLike: the fallback, and handy in tests. */
export function createMemoryStorage(): StorageLike {
  const map = new Map<string, string>();
  return {
    get length() {
      return map.size;
    },
    key: (index) => [...map.keys()][index] ?? null,
    getItem: (key) => map.get(key) ?? null,
    setItem: (key, value) => void map.set(key, String(value)),
    removeItem: (key) => void map.delete(key),
  };
}

function isQuotaError(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const { name, code } = error as { name?: unknown; code?: unknown };
  return (
    name === 'QuotaExceededError' || name === 'NS_ERROR_DOM_QUOTA_REACHED' || code === 22 || code === 1014
  );
}

const NAME = /^[A-Za-z0-9_-]+$/;
const BACKUP_MARK = ':backup:';

interface Envelope {
  readonly v: number;
  readonly savedAt: string;
  readonly data: unknown;
}

function readEnvelope(raw: string): Envelope | null {
  try {
    const value: unknown = JSON.parse(raw);
    if (typeof value !== 'object' || value === null) return null;
    const { v, savedAt } = value as Record<string, unknown>;
    if (
      typeof v !== 'number' ||
      !Number.isSafeInteger(v) ||
      typeof savedAt !== 'string' ||
      !('data' in value)
    ) {
      return null;
    }
    return value as Envelope;
  } catch {
    return null;
  }
}

/** localStorage if it can be written, else null (reading the property itself may throw). */
function probeStorage(storage: StorageLike | undefined): StorageLike | null {
  try {
    const candidate = storage ?? browser.localStorage;
    if (!candidate) return null;
    const probe = 'mh:__probe__';
    candidate.setItem(probe, '1');
    candidate.removeItem(probe);
    return candidate;
  } catch {
    return null;
  }
}

export function createStore<T>(options: StoreOptions<T>): Store<T> {
  const { namespace, version, schema, migrate } = options;
  if (!NAME.test(namespace)) throw new RangeError(`Namespace must be letters, digits, _ or -: ${namespace}`);
  const now = options.now ?? Date.now;
  const prefix = storagePrefix(namespace);

  let backend = probeStorage(options.storage);
  let persistent = backend !== null;
  let memory: StorageLike | null = backend ? null : createMemoryStorage();

  /** The storage in use; after an unexpected failure, switch to memory for the rest of the page. */
  function area(): StorageLike {
    return backend ?? (memory ??= createMemoryStorage());
  }
  function attempt<R>(action: (s: StorageLike) => R): R {
    try {
      return action(area());
    } catch (error) {
      // A full quota is reported to the caller; anything else means storage is off-limits.
      if (!backend || isQuotaError(error)) throw error;
      backend = null;
      persistent = false;
      return action(area());
    }
  }

  function fullKey(key: string): string {
    if (!NAME.test(key)) throw new RangeError(`Key must be letters, digits, _ or -: ${key}`);
    return prefix + key;
  }

  function allKeys(): string[] {
    return attempt((s) => {
      const keys: string[] = [];
      for (let i = 0; i < s.length; i++) {
        const k = s.key(i);
        if (k !== null && k.startsWith(prefix)) keys.push(k);
      }
      return keys;
    });
  }

  function backupsOf(key: string): string[] {
    const start = `${prefix}${key}${BACKUP_MARK}`;
    return allKeys().filter((k) => k.startsWith(start));
  }

  /** Copies `raw` aside, reusing an identical existing backup so reloading does not pile them up. */
  function backUp(key: string, raw: string): string | null {
    const same = backupsOf(key).find((k) => attempt((s) => s.getItem(k)) === raw);
    if (same) return same;
    let backupKey = `${prefix}${key}${BACKUP_MARK}${now()}`;
    for (let n = 1; attempt((s) => s.getItem(backupKey)) !== null; n++) {
      backupKey = `${prefix}${key}${BACKUP_MARK}${now()}-${n}`;
    }
    try {
      attempt((s) => s.setItem(backupKey, raw));
      return backupKey;
    } catch {
      return null; // quota: the original stays in place, untouched
    }
  }

  const damaged = (raw: string, reason: LoadProblem): LoadResult<T> => ({ status: 'damaged', reason, raw });

  function currentSavedAt(storageKey: string): string | null {
    const raw = attempt((s) => s.getItem(storageKey));
    if (raw === null) return null;
    return readEnvelope(raw)?.savedAt ?? '';
  }

  return {
    get persistent() {
      return persistent;
    },
    get unavailableMessage() {
      return persistent ? null : STORAGE_MESSAGES.unavailable;
    },

    load(key) {
      const storageKey = fullKey(key);
      const raw = attempt((s) => s.getItem(storageKey));
      if (raw === null) return { status: 'empty' };
      const envelope = readEnvelope(raw);
      if (!envelope) return damaged(raw, 'unreadable');
      const upgraded = upgradeState(envelope.data, envelope.v, version, migrate);
      if (!upgraded.ok) return damaged(raw, upgraded.reason);
      const { savedAt } = envelope;
      const { migrated } = upgraded;
      const validated = validateState(schema, upgraded.data);
      if (validated.ok) {
        return migrated
          ? { status: 'recovered', data: validated.state, savedAt, migrated, resetFields: [], raw }
          : { status: 'ok', data: validated.state, savedAt };
      }
      // A migration whose output fails means the value is too old to lift, as before.
      const fallback = migrated ? 'older' : 'damaged';
      const repaired = options.empty ? salvage(schema, upgraded.data, options.empty(key)) : null;
      if (!repaired) return damaged(raw, fallback);
      return {
        status: 'recovered',
        data: repaired.state,
        savedAt,
        migrated,
        resetFields: repaired.resetFields,
        raw,
      };
    },

    keepAside(key, raw) {
      fullKey(key);
      return backUp(key, raw);
    },

    save(key, data, saveOptions = {}) {
      const storageKey = fullKey(key);
      const validated = validateState(schema, data);
      if (!validated.ok) return { ok: false, error: STORAGE_MESSAGES.invalid };

      const theirs = currentSavedAt(storageKey);
      if (saveOptions.expectedSavedAt !== undefined && theirs !== saveOptions.expectedSavedAt) {
        return { ok: false, error: STORAGE_MESSAGES.conflict, conflict: true, theirSavedAt: theirs };
      }
      // Strictly later than the entry it replaces, so equal savedAt always means "same save".
      const previous = theirs ? Date.parse(theirs) : Number.NaN;
      const clock = now();
      const at = Number.isFinite(previous) && previous >= clock ? previous + 1 : clock;
      const savedAt = new Date(at).toISOString();
      let text: string;
      try {
        text = JSON.stringify({ v: version, savedAt, data: validated.state } satisfies Envelope);
      } catch {
        return { ok: false, error: STORAGE_MESSAGES.invalid };
      }
      try {
        attempt((s) => s.setItem(storageKey, text));
        options.afterSave?.(backend ? 'browser' : 'memory');
        return { ok: true, savedAt };
      } catch {
        // Only a full quota gets here: any other failure already moved us to memory.
        return { ok: false, error: STORAGE_MESSAGES.quota, quota: true };
      }
    },

    remove(key) {
      const storageKey = fullKey(key);
      attempt((s) => s.removeItem(storageKey));
    },

    list() {
      return allKeys()
        .filter((k) => !k.includes(BACKUP_MARK))
        .map((k) => k.slice(prefix.length))
        .sort();
    },

    listBackups() {
      const backups: BackupInfo[] = [];
      for (const backupKey of allKeys()) {
        const match = /^([A-Za-z0-9_-]+):backup:(\d+)(?:-\d+)?$/.exec(backupKey.slice(prefix.length));
        if (match) backups.push({ backupKey, key: match[1] ?? '', at: Number(match[2]) });
      }
      return backups.sort((a, b) => b.at - a.at || (a.backupKey < b.backupKey ? 1 : -1));
    },

    readBackup(backupKey) {
      if (!backupKey.startsWith(prefix) || !backupKey.includes(BACKUP_MARK)) return null;
      return attempt((s) => s.getItem(backupKey));
    },

    removeBackup(backupKey) {
      if (!backupKey.startsWith(prefix) || !backupKey.includes(BACKUP_MARK)) return;
      attempt((s) => s.removeItem(backupKey));
    },

    onExternalChange(key, callback) {
      const storageKey = fullKey(key);
      const { addEventListener, removeEventListener } = browser;
      if (typeof addEventListener !== 'function' || typeof removeEventListener !== 'function')
        return () => {};
      const listener: StorageListener = (event) => {
        // key null means another tab called localStorage.clear().
        if (event.key !== null && event.key !== storageKey) return;
        // In memory mode other tabs cannot reach our data; otherwise only our storage area counts.
        if (backend === null || (event.storageArea !== undefined && event.storageArea !== backend)) return;
        const savedAt =
          event.key === null || event.newValue === null
            ? null
            : (readEnvelope(event.newValue)?.savedAt ?? null);
        callback({ key, savedAt });
      };
      addEventListener.call(globalThis, 'storage', listener);
      return () => removeEventListener.call(globalThis, 'storage', listener);
    },
  };
}
