// Page script of the backup reminder (MyDataNote.astro), run at open with none of the tool's code:
// saved work in this browser and no 「备份全部」 within backupReminderDays → the notice, with a link to
// 我的数据. Its words are in the page; this only picks one and fills in the day. Dismissed, it stays
// away for this session.
import { backupReminder, holdsSavedWork, LAST_BACKUP_STORAGE_KEY, readLastBackupAt } from '../core/backup-reminder';

const DISMISSED_KEY = 'mh:my-data:reminder-dismissed'; // sessionStorage: this session only

function check(days: number): ReturnType<typeof backupReminder> | 'dismissed' {
  try {
    if (sessionStorage.getItem(DISMISSED_KEY) !== null) return 'dismissed';
    const s = localStorage;
    const keys: string[] = [];
    for (let i = 0; i < s.length; i++) keys.push(s.key(i) ?? '');
    const lastBackupAt = readLastBackupAt(s.getItem(LAST_BACKUP_STORAGE_KEY));
    return backupReminder({ savedWork: holdsSavedWork(keys), lastBackupAt, now: new Date(), days });
  } catch {
    return null; // storage refused: nothing saved here to remind of (the tool says so itself)
  }
}

export function showBackupReminder(doc: Document = document): void {
  doc.querySelectorAll<HTMLElement>('[data-backup-reminder]').forEach((box) => {
    const reminder = check(Number(box.dataset['days']));
    const status = reminder === 'dismissed' ? reminder : reminder ? 'shown' : 'none';
    if (reminder && reminder !== 'dismissed') {
      const show = (part: string, text: string | number): void => {
        const el = box.querySelector<HTMLElement>(`[data-${part}]`);
        if (el) (el.hidden = false), text !== '' && (el.textContent = String(text));
      };
      if (reminder.kind === 'never') show('never', '');
      else {
        // 2026-10-01 → 2026年10月1日
        const [y, m, d] = reminder.day.split('-').map(Number);
        show('old', '');
        show('day', `${y}年${m}月${d}日`);
        show('ago', reminder.daysAgo);
      }
      box.hidden = false;
      box.querySelector('[data-backup-dismiss]')?.addEventListener('click', () => {
        box.hidden = true;
        try {
          sessionStorage.setItem(DISMISSED_KEY, '1');
        } catch {
          // hidden on this page all the same
        }
      });
    }
    box.dataset['reminderStatus'] = status; // for tests: the check ran, and what it found
  });
}
