/**
 * The tool pages' backup reminder: when this browser holds saved work and 我的数据's 「备份全部」 was
 * never made, or longer ago than `backupReminderDays` (meta.yaml), say so. Pure, and small on purpose:
 * the page runs it at open, before any tool code (src/client/backup-reminder.ts).
 */
import { storagePrefix } from './storage-key';

// The namespace and key of core/last-backup (which needs the storage code): the same mark, read raw.
const MY_DATA_PREFIX = storagePrefix('my-data');
export const LAST_BACKUP_STORAGE_KEY = `${MY_DATA_PREFIX}last-backup`;

/** Saved work of some tool among these storage keys: `mh:<namespace>:…`, 我的数据's own marks aside. */
export function holdsSavedWork(keys: Iterable<string>): boolean {
  for (const key of keys) {
    if (/^mh:[A-Za-z0-9_-]+:./.test(key) && !key.startsWith(MY_DATA_PREFIX)) return true;
  }
  return false;
}

/** The time in the stored last-backup mark (`{ v, savedAt, data: { at } }`), or null when unreadable. */
export function readLastBackupAt(raw: string | null): string | null {
  if (raw === null) return null;
  try {
    const at: unknown = (JSON.parse(raw) as { data?: { at?: unknown } } | null)?.data?.at;
    return typeof at === 'string' && Number.isFinite(Date.parse(at)) ? at : null;
  } catch {
    return null;
  }
}

export type BackupReminder =
  | { readonly kind: 'never' }
  /** `day`: the backup's calendar day where the reader is (yyyy-mm-dd); `daysAgo` whole days since. */
  | { readonly kind: 'old'; readonly day: string; readonly daysAgo: number }
  | null;

export function backupReminder(input: {
  readonly savedWork: boolean;
  /** core/last-backup's mark, or null. */
  readonly lastBackupAt: string | null;
  readonly now: Date;
  /** meta.yaml backupReminderDays: remind when the last backup is older than this. */
  readonly days: number;
}): BackupReminder {
  if (!input.savedWork) return null;
  const ms = input.lastBackupAt === null ? Number.NaN : Date.parse(input.lastBackupAt);
  if (!Number.isFinite(ms)) return { kind: 'never' }; // a mark that does not read as a time
  const then = new Date(ms);
  // Calendar days where the reader is (not 24-hour spans): the days between the two local midnights,
  // rounded over a daylight-saving change. Not core/calendar-date: this runs at every tool page's open.
  const midnight = (d: Date): number => new Date(d.getFullYear(), d.getMonth(), d.getDate()).getTime();
  const daysAgo = Math.round((midnight(input.now) - midnight(then)) / 86_400_000);
  const pad = (n: number): string => String(n).padStart(2, '0');
  const day = `${then.getFullYear()}-${pad(then.getMonth() + 1)}-${pad(then.getDate())}`;
  return daysAgo > input.days ? { kind: 'old', day, daysAgo } : null;
}
