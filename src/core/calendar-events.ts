/**
 * Calendar reminders without a server: what a tool puts in an .ics file, as plain data. The file
 * itself is written by ./ics.ts (ical-generator), which a page loads only when the reader asks for
 * a calendar file. Dates are all-day (yyyy-mm-dd): a due date is a day, the same day in every time
 * zone, so the file carries no time zone at all.
 */
import { dayNumberToIso, isoToDayNumber } from './calendar-date';

export interface CalendarEvent {
  /** Stable across downloads, so importing a newer file updates the event instead of adding another. */
  readonly uid: string;
  /** The day of the event, yyyy-mm-dd (all-day). */
  readonly date: string;
  readonly summary: string;
  readonly description: string;
  /** An absolute link (the clause, the tool page). */
  readonly url?: string | undefined;
  /** Repeats every month on this day of the month (1–28). */
  readonly monthlyOnDay?: number | undefined;
  /** Text of a reminder shown the day before at REMINDER_TIME. */
  readonly alarm?: string | undefined;
}

export interface CalendarFile {
  /** The calendar's name as the reader's calendar app shows it. */
  readonly name: string;
  readonly events: readonly CalendarEvent[];
}

/** Reminders ring the day before at 09:00 of the reader's own clock: 15 hours before the day starts. */
export const REMINDER_TIME = { hour: 9, hoursBeforeDay: 15 } as const;

/** The last day every month has: a monthly reminder is set on 1–28 so it never skips a month. */
export const LAST_DAY_IN_EVERY_MONTH = 28;

/**
 * A short, stable token of `text` for a UID (FNV-1a, 32 bits, as 8 hex digits): a name can hold
 * characters a UID had better not, and the same name must give the same UID on every download.
 */
export function uidToken(text: string): string {
  let hash = 0x811c9dc5;
  // Over UTF-16 code units: any fixed reading of the text gives a stable token.
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, '0');
}

/** The host of an origin (https://hr.example.cn → hr.example.cn), the right-hand side of a UID. */
export function hostOf(origin: string): string {
  return origin.replace(/^[a-z][a-z0-9+.-]*:\/\//i, '').replace(/\/.*$/, '');
}

/** `origin` + a site path that already has the base path (/handbook/workflows/#c3-2). */
export function absoluteLink(origin: string, path: string): string {
  return `${origin.replace(/\/+$/, '')}${path.startsWith('/') ? path : `/${path}`}`;
}

/**
 * The first date on or after `today` that falls on `day` of its month; null when `today` is not a
 * date or `day` is not one of 1–28 (a day every month has).
 */
export function nextDayOfMonth(today: string, day: number): string | null {
  const start = isoToDayNumber(today);
  if (start === null || !Number.isInteger(day) || day < 1 || day > LAST_DAY_IN_EVERY_MONTH) return null;
  const [y, m, d] = today.split('-').map(Number) as [number, number, number];
  const monthsAhead = d <= day ? 0 : 1;
  const next = Date.UTC(y, m - 1 + monthsAhead, day);
  const iso = dayNumberToIso(next / 86_400_000);
  return isoToDayNumber(iso) === null ? null : iso;
}

/** A file name without the characters Windows and macOS refuse (/ \ : * ? " < > |). */
export function safeFileName(name: string): string {
  return name.replace(/[/\\:*?"<>|\u0000-\u001f]/g, '_');
}
