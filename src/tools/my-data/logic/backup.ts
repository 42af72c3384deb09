/**
 * 我的数据's one backup and one restore: every tool's saved entries in one versioned JSON file, and a
 * restore that first says, per entry, what it would do (新增 / 备份中较新 / 本机较新 / 相同 / 无法读取)
 * and then writes only the entries the reader chose, through the storage adapter, so a tab of that
 * tool open elsewhere gets its storage event and merges as it does for another tab.
 *
 * Entries kept aside (damaged copies, `…:backup:<ms>`) are not in the file: they are what could not
 * be read, and restoring them would bring the damage back; 我的数据 offers each as its own download.
 * Nor is 我的数据's own namespace (the date of the last backup): a restore must not bring back an old date.
 */
import * as v from 'valibot';
import { APP_ID, upgradeState, validateState, type Migrate, type StateSchema } from '../../../core/json-file';
import { createStore, type StorageLike } from '../../../core/storage';
import { storagePrefix } from '../../../core/storage-key';

/** Version of the backup file's own shape; bump it when the shape changes. */
export const BACKUP_FORMAT = 1;

/** What the adapter needs to read and write one kind of saved entry (a tool's ToolDefinition has it). */
export interface StoredKind {
  readonly namespace: string;
  readonly version: number;
  readonly schema: StateSchema<unknown>;
  readonly migrate?: Migrate;
}

export const BACKUP_MESSAGES = {
  notJson: '文件不是有效的 JSON，请选择「备份全部」下载的 .json 文件',
  cut: '文件不完整（可能下载或复制时被截断），请重新下载备份后再恢复',
  otherSite: '这个文件不是本手册生成的备份，无法恢复',
  oneTool: '这是单个工具「下载 JSON」的文件，请在该工具的页面用「导入 JSON」打开',
  newerFormat: '备份来自较新版本的网站，请先刷新页面再恢复',
  damaged: '备份文件的内容已损坏，无法恢复',
  newerEntry: '来自较新版本的网站，请先刷新页面',
  olderEntry: '版本过旧，无法自动升级',
  unknownTool: '本网站没有这个工具的记录',
  badEntry: '内容不正确，无法读取',
  localDamaged: '本机的这条记录无法读取，恢复时会先另存为备份',
} as const;

export interface BackupEntry {
  readonly namespace: string;
  readonly key: string;
  /** The state version of the tool that saved it. */
  readonly v: number;
  readonly savedAt: string;
  readonly data: unknown;
}

export interface BackupFile {
  readonly app: typeof APP_ID;
  readonly kind: 'backup';
  readonly format: number;
  /** The site's version and the policy's, for the reader who opens the file. */
  readonly site: string;
  readonly policy: string;
  readonly createdAt: string;
  /** How many entries: a file cut at an entry boundary still parses, and this tells. */
  readonly count: number;
  readonly entries: readonly BackupEntry[];
}

export interface BackupMeta {
  readonly site: string;
  readonly policy: string;
}

const envelopeSchema = v.object({
  v: v.pipe(v.number(), v.safeInteger()),
  savedAt: v.string(),
  data: v.unknown(),
});

/** The stored envelope of a key, or null when it is not one. */
function readEnvelope(raw: string | null): v.InferOutput<typeof envelopeSchema> | null {
  if (raw === null) return null;
  try {
    const parsed = v.safeParse(envelopeSchema, JSON.parse(raw));
    return parsed.success && 'data' in (parsed.output as object) ? parsed.output : null;
  } catch {
    return null;
  }
}

const ENTRY_KEY = /^[A-Za-z0-9_-]+$/;

/** The entry keys of a namespace in this storage (kept-aside copies excluded), sorted. */
export function entryKeys(storage: StorageLike, namespace: string): string[] {
  const prefix = storagePrefix(namespace);
  const keys: string[] = [];
  for (let i = 0; i < storage.length; i++) {
    const k = storage.key(i);
    if (k !== null && k.startsWith(prefix) && ENTRY_KEY.test(k.slice(prefix.length))) {
      keys.push(k.slice(prefix.length));
    }
  }
  return keys.sort();
}

/** Every readable entry of every kind, as stored (its own version and savedAt). */
export function makeBackup(
  storage: StorageLike,
  kinds: readonly StoredKind[],
  meta: BackupMeta,
  now: Date = new Date(),
): BackupFile {
  const entries: BackupEntry[] = [];
  for (const kind of kinds) {
    for (const key of entryKeys(storage, kind.namespace)) {
      const env = readEnvelope(storage.getItem(storagePrefix(kind.namespace) + key));
      // An entry that does not even read as an envelope is kept aside by its tool; nothing to back up.
      if (env)
        entries.push({ namespace: kind.namespace, key, v: env.v, savedAt: env.savedAt, data: env.data });
    }
  }
  return {
    app: APP_ID,
    kind: 'backup',
    format: BACKUP_FORMAT,
    site: meta.site,
    policy: meta.policy,
    createdAt: now.toISOString(),
    count: entries.length,
    entries,
  };
}

/** Pretty enough to open, compact enough for a year of entries (no indentation). */
export const backupText = (file: BackupFile): string => `${JSON.stringify(file)}\n`;

export type ReadBackupResult =
  { readonly ok: true; readonly backup: BackupFile } | { readonly ok: false; readonly reason: string };

const isRecord = (x: unknown): x is Record<string, unknown> =>
  typeof x === 'object' && x !== null && !Array.isArray(x);

/** Reads a backup file, or says in the reader's words why it cannot be restored. */
export function readBackup(text: string): ReadBackupResult {
  const body = text.replace(/^\uFEFF/, '').trim();
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    // Our backup that stops early still starts like one.
    const ours = body.startsWith('{') && body.includes(`"${APP_ID}"`) && body.includes('"backup"');
    return { ok: false, reason: ours ? BACKUP_MESSAGES.cut : BACKUP_MESSAGES.notJson };
  }
  if (!isRecord(parsed) || parsed['app'] !== APP_ID) return { ok: false, reason: BACKUP_MESSAGES.otherSite };
  if (parsed['kind'] !== 'backup') {
    return { ok: false, reason: 'tool' in parsed ? BACKUP_MESSAGES.oneTool : BACKUP_MESSAGES.otherSite };
  }
  const format = parsed['format'];
  if (typeof format !== 'number' || !Number.isSafeInteger(format))
    return { ok: false, reason: BACKUP_MESSAGES.damaged };
  if (format > BACKUP_FORMAT) return { ok: false, reason: BACKUP_MESSAGES.newerFormat };
  const entries = parsed['entries'];
  if (!Array.isArray(entries)) return { ok: false, reason: BACKUP_MESSAGES.damaged };
  if (parsed['count'] !== entries.length) return { ok: false, reason: BACKUP_MESSAGES.cut };
  const str = (x: unknown) => (typeof x === 'string' ? x : '');
  return {
    ok: true,
    backup: {
      app: APP_ID,
      kind: 'backup',
      format,
      site: str(parsed['site']),
      policy: str(parsed['policy']),
      createdAt: str(parsed['createdAt']),
      count: entries.length,
      // Each entry is checked in planRestore, so one bad entry does not refuse the whole file.
      entries: entries as BackupEntry[],
    },
  };
}

export type RestoreStatus = '新增' | '备份中较新' | '本机较新' | '相同' | '无法读取';

export interface RestoreItem {
  /** Position in the file: the id of the reader's choice. */
  readonly id: number;
  readonly namespace: string;
  readonly key: string;
  readonly status: RestoreStatus;
  /** Why it cannot be read (无法读取), or what happens to a damaged local copy. */
  readonly reason: string | null;
  readonly savedAt: string;
  /** The local copy's savedAt, when there is one. */
  readonly localSavedAt: string | null;
  /** The entry lifted to this site's version (null when 无法读取). */
  readonly data: unknown;
  /** This browser's copy of the entry, when there is one that can be read (its name may differ). */
  readonly localData: unknown;
}

/** What is checked before the reader looks: new entries and newer copies, never an older one. */
export const defaultChoice = (item: RestoreItem): boolean =>
  item.status === '新增' || item.status === '备份中较新';

/** Data of an entry at this site's version, or why not. */
function lift(
  kind: StoredKind,
  version: number,
  data: unknown,
): { ok: true; data: unknown } | { ok: false; reason: string } {
  const upgraded = upgradeState(data, version, kind.version, kind.migrate);
  if (!upgraded.ok) {
    return {
      ok: false,
      reason: upgraded.reason === 'newer' ? BACKUP_MESSAGES.newerEntry : BACKUP_MESSAGES.olderEntry,
    };
  }
  const valid = validateState(kind.schema, upgraded.data);
  if (!valid.ok)
    return { ok: false, reason: upgraded.migrated ? BACKUP_MESSAGES.olderEntry : BACKUP_MESSAGES.badEntry };
  return { ok: true, data: valid.state };
}

/** What restoring each entry of the file would do to this browser. Reads only. */
export function planRestore(
  backup: BackupFile,
  storage: StorageLike,
  kinds: readonly StoredKind[],
): RestoreItem[] {
  return backup.entries.map((raw, id): RestoreItem => {
    const entry: Record<string, unknown> = isRecord(raw) ? raw : {};
    const namespace = typeof entry['namespace'] === 'string' ? entry['namespace'] : '';
    const key = typeof entry['key'] === 'string' ? entry['key'] : '';
    const savedAt = typeof entry['savedAt'] === 'string' ? entry['savedAt'] : '';
    const base = { id, namespace, key, savedAt, localSavedAt: null, data: null, localData: null };
    const unreadable = (reason: string): RestoreItem => ({ ...base, status: '无法读取', reason });
    const kind = kinds.find((k) => k.namespace === namespace);
    if (!kind) return unreadable(BACKUP_MESSAGES.unknownTool);
    const version = entry['v'];
    if (
      !ENTRY_KEY.test(key) ||
      typeof version !== 'number' ||
      !Number.isSafeInteger(version) ||
      !('data' in entry) ||
      Number.isNaN(Date.parse(savedAt))
    ) {
      return unreadable(BACKUP_MESSAGES.badEntry);
    }
    const theirs = lift(kind, version, entry['data']);
    if (!theirs.ok) return unreadable(theirs.reason);

    const localRaw = storage.getItem(storagePrefix(namespace) + key);
    if (localRaw === null) return { ...base, data: theirs.data, status: '新增', reason: null };
    const env = readEnvelope(localRaw);
    const mine = env ? lift(kind, env.v, env.data) : null;
    if (!env || !mine?.ok) {
      return {
        ...base,
        data: theirs.data,
        status: '备份中较新',
        reason: BACKUP_MESSAGES.localDamaged,
        localSavedAt: env?.savedAt ?? null,
      };
    }
    const local = {
      ...base,
      data: theirs.data,
      localData: mine.data,
      localSavedAt: env.savedAt,
      reason: null,
    };
    if (JSON.stringify(mine.data) === JSON.stringify(theirs.data)) return { ...local, status: '相同' };
    return { ...local, status: Date.parse(savedAt) > Date.parse(env.savedAt) ? '备份中较新' : '本机较新' };
  });
}

export interface RestoreResult {
  readonly applied: number;
  /** Entries the browser refused (storage full): still as they were. */
  readonly failed: readonly RestoreItem[];
}

/**
 * Writes the chosen entries through the storage adapter: a damaged local copy is kept aside first,
 * and the entry keeps the backup's savedAt unless the local copy is later, then it is saved just
 * after it (savedAt strictly increases, so a tab holding the old copy sees a change).
 */
export function applyRestore(
  items: readonly RestoreItem[],
  chosen: ReadonlySet<number>,
  storage: StorageLike,
  kinds: readonly StoredKind[],
): RestoreResult {
  let applied = 0;
  const failed: RestoreItem[] = [];
  for (const item of items) {
    if (!chosen.has(item.id) || item.status === '无法读取' || item.status === '相同') continue;
    const kind = kinds.find((k) => k.namespace === item.namespace);
    if (!kind) continue;
    const store = createStore({ ...kind, storage, now: () => Date.parse(item.savedAt) });
    const loaded = store.load(item.key);
    if (loaded.status === 'damaged' || (loaded.status === 'recovered' && loaded.resetFields.length > 0)) {
      store.keepAside(item.key, loaded.raw);
    }
    const saved = store.save(item.key, item.data);
    if (saved.ok) applied++;
    else failed.push(item);
  }
  return { applied, failed };
}
