/**
 * When this browser last made 我的数据's 「备份全部」: the page writes it, tool pages read it to remind
 * the reader when their saved work has gone long without a backup. Its own namespace (`my-data`),
 * which a backup leaves out: a restore must not bring back an old date.
 */
import * as v from 'valibot';
import { plainObject } from './json-file';
import { createStore, type StorageLike, type Store } from './storage';

export const MY_DATA_NAMESPACE = 'my-data';
export const LAST_BACKUP_KEY = 'last-backup';
const LAST_BACKUP_VERSION = 1;

const lastBackupSchema = plainObject({
  /** When 备份全部 downloaded the file, ISO 8601. */
  at: v.pipe(v.string(), v.isoTimestamp()),
});

type LastBackup = v.InferOutput<typeof lastBackupSchema>;

function store(storage?: StorageLike): Store<LastBackup> {
  return createStore({
    namespace: MY_DATA_NAMESPACE,
    version: LAST_BACKUP_VERSION,
    schema: lastBackupSchema,
    ...(storage ? { storage } : {}),
  });
}

/** Notes that a backup of everything was made now. */
export function recordBackup(now: Date = new Date(), storage?: StorageLike): void {
  store(storage).save(LAST_BACKUP_KEY, { at: now.toISOString() });
}

/** When the last backup of everything was made, or null (never, or unreadable). */
export function lastBackupAt(storage?: StorageLike): string | null {
  const read = store(storage).load(LAST_BACKUP_KEY);
  return read.status === 'ok' || read.status === 'recovered' ? read.data.at : null;
}
