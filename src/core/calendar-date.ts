/**
 * ISO calendar dates `yyyy-mm-dd` with no time zone, counted on UTC midnight so the reader's time
 * zone and DST cannot shift a day. A module of its own so that the chapter pages' 本章已读 script
 * and the budget request can check a date without the 入职清单 schedule.
 */

export const ISO_DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;

/** `yyyy-mm-dd` → days since 1970-01-01, or null when not a real calendar date (2026-02-30). */
export function isoToDayNumber(iso: string): number | null {
  const m = ISO_DATE_RE.exec(iso);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const ms = Date.UTC(y, mo - 1, d);
  const back = new Date(ms);
  // Date.UTC rolls 02-30 over to 03-02 and maps years 0–99 to 1900+: reject both.
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d) return null;
  return ms / DAY_MS;
}

/** Days since 1970-01-01 → `yyyy-mm-dd` (years 1000–9999). */
export function dayNumberToIso(day: number): string {
  const iso = new Date(day * DAY_MS).toISOString();
  // Years beyond 9999 print as +010000-…: cut at the T so the caller's pattern check fails.
  return iso.slice(0, iso.indexOf('T'));
}

/** Today in the reader's time zone as yyyy-mm-dd (`now` injectable for tests). */
export function todayIso(now: Date = new Date()): string {
  const y = now.getFullYear();
  const m = String(now.getMonth() + 1).padStart(2, '0');
  const d = String(now.getDate()).padStart(2, '0');
  return `${y}-${m}-${d}`;
}

/**
 * `yyyy-mm-dd` plus whole `months`; a day the target month lacks becomes its last day
 * (2026-01-31 + 1 → 2026-02-28). Null when `iso` is not a real date or `months` not an integer.
 */
export function addMonthsIso(iso: string, months: number): string | null {
  if (isoToDayNumber(iso) === null || !Number.isInteger(months)) return null;
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = index - year * 12; // 0–11
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  const day = Math.min(d, lastDay);
  const result = `${String(year).padStart(4, '0')}-${String(month + 1).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  return isoToDayNumber(result) === null ? null : result;
}
