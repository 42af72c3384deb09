import { describe, expect, it } from 'vitest';
import { backupReminder, holdsSavedWork, readLastBackupAt } from '../../../src/core/backup-reminder';
import { lastBackupAt, recordBackup } from '../../../src/core/last-backup';
import { createMemoryStorage } from '../../../src/core/storage';

// Noon, so that the reader's time zone cannot move the calendar day in these examples.
const NOW = new Date(2026, 11, 7, 12, 0, 0);
const daysBefore = (n: number) => new Date(2026, 11, 7 - n, 12, 0, 0).toISOString();

describe('backupReminder', () => {
  it.each<[string, Parameters<typeof backupReminder>[0], ReturnType<typeof backupReminder>]>([
    // nothing saved in this browser: nothing to back up
    ['no saved work', { savedWork: false, lastBackupAt: null, now: NOW, days: 30 }, null],
    // saved work, never backed up
    ['never backed up', { savedWork: true, lastBackupAt: null, now: NOW, days: 30 }, { kind: 'never' }],
    // backed up within the setting's days
    ['backed up 10 days ago, setting 30', { savedWork: true, lastBackupAt: daysBefore(10), now: NOW, days: 30 }, null],
    // exactly the setting's days: not yet older than it
    ['backed up 30 days ago, setting 30', { savedWork: true, lastBackupAt: daysBefore(30), now: NOW, days: 30 }, null],
    // older than the setting: shown with the day and the count of days
    [
      'backed up 31 days ago, setting 30',
      { savedWork: true, lastBackupAt: daysBefore(31), now: NOW, days: 30 },
      { kind: 'old', day: '2026-11-06', daysAgo: 31 },
    ],
    // a shorter setting reminds sooner
    [
      'backed up 10 days ago, setting 7',
      { savedWork: true, lastBackupAt: daysBefore(10), now: NOW, days: 7 },
      { kind: 'old', day: '2026-11-27', daysAgo: 10 },
    ],
    // a stored date that does not read as a time: treated as never
    ['bad stored date', { savedWork: true, lastBackupAt: 'yesterday', now: NOW, days: 30 }, { kind: 'never' }],
    // a date after today (another device's clock): not old, no reminder
    ['backed up "tomorrow"', { savedWork: true, lastBackupAt: daysBefore(-1), now: NOW, days: 30 }, null],
  ])('%s', (_, input, expected) => {
    expect(backupReminder(input)).toEqual(expected);
  });
});

describe('holdsSavedWork', () => {
  it.each<[string, string[], boolean]>([
    ['nothing stored', [], false],
    ['a tool entry', ['mh:bonus:current'], true],
    ['a damaged entry kept aside', ['mh:self-review:x:backup:1'], true],
    // 我的数据's own marks are not work to back up
    ['only 我的数据 marks', ['mh:my-data:last-backup', 'mh:my-data:persist-asked'], false],
    // another site's keys on the same origin
    ['keys of someone else', ['theme', 'mhx:bonus:a', 'mh:'], false],
  ])('%s', (_, keys, expected) => {
    expect(holdsSavedWork(keys)).toBe(expected);
  });
});

describe('readLastBackupAt reads the mark as core/last-backup writes it', () => {
  it('agrees with lastBackupAt for a recorded backup', () => {
    const storage = createMemoryStorage();
    recordBackup(new Date('2026-10-01T02:00:00Z'), storage);
    expect(readLastBackupAt(storage.getItem('mh:my-data:last-backup'))).toBe(lastBackupAt(storage));
  });

  it.each<[string, string | null]>([
    ['nothing stored', null],
    ['not JSON', '{oops'],
    ['no data', '{"v":1,"savedAt":"2026-10-01T02:00:00.000Z"}'],
    ['a date that is not a time', '{"v":1,"savedAt":"2026-10-01T02:00:00.000Z","data":{"at":"上周"}}'],
    ['a number', '{"v":1,"savedAt":"2026-10-01T02:00:00.000Z","data":{"at":5}}'],
  ])('%s → never', (_, raw) => {
    const storage = createMemoryStorage();
    if (raw !== null) storage.setItem('mh:my-data:last-backup', raw);
    expect(readLastBackupAt(raw)).toBeNull();
    expect(lastBackupAt(storage)).toBeNull();
  });
});
