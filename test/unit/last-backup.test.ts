import { describe, expect, it } from 'vitest';
import { lastBackupAt, recordBackup } from '../../src/core/last-backup';
import { createMemoryStorage } from '../../src/core/storage';

describe('last backup', () => {
  it('is null until a backup is recorded, then the time recorded', () => {
    const storage = createMemoryStorage();
    expect(lastBackupAt(storage)).toBeNull();
    recordBackup(new Date('2026-11-01T08:00:00Z'), storage);
    expect(lastBackupAt(storage)).toBe('2026-11-01T08:00:00.000Z');
    expect(storage.getItem('mh:my-data:last-backup')).toContain('2026-11-01T08:00:00.000Z');
  });

  it('reads an unreadable mark as never', () => {
    const storage = createMemoryStorage();
    storage.setItem('mh:my-data:last-backup', '{oops');
    expect(lastBackupAt(storage)).toBeNull();
  });
});
