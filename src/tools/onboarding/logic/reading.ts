/**
 * The reading path of 五（一）1 新员工入职培训: a chapter counts as read when the reader marks it with
 * the control at the end of the chapter page. Marks live in the browser store, namespace `reading`,
 * one entry per chapter slug (`mh:reading:general` → `{ readAt: '2026-03-02' }`); the 入职清单 reads
 * them.
 */
import * as v from 'valibot';
import { isoToDayNumber } from '../../../core/calendar-date';
import { plainStrictObject } from '../../../core/json-file';
import type { Store } from '../../../core/storage';

export const READING_NAMESPACE = 'reading';
export const READING_VERSION = 1;

/** One chapter marked as read. */
export interface ReadingMark {
  /** The day it was marked, yyyy-mm-dd in the reader's time zone. */
  readonly readAt: string;
}

/** A real calendar date written yyyy-mm-dd. */
export function isCalendarDate(text: string): boolean {
  return isoToDayNumber(text) !== null;
}

/** Exactly `{ readAt: <real calendar date> }`. */
export function isReadingMark(value: unknown): value is ReadingMark {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const readAt = (value as { readAt?: unknown }).readAt;
  return Object.keys(value).length === 1 && typeof readAt === 'string' && isCalendarDate(readAt);
}

/** Exactly `{ readAt: <real calendar date> }`, as `isReadingMark`; the store validates with it. */
export const readingMarkSchema: v.GenericSchema<unknown, ReadingMark> = plainStrictObject({
  readAt: v.pipe(v.string(), v.check(isCalendarDate)),
});

/** Chapter slug → day it was marked read. */
export type ReadingMarks = Readonly<Record<string, string>>;

/** A chapter's mark (its date), or null; a damaged one is copied aside before a new mark replaces it. */
export function readMark(store: Store<ReadingMark>, slug: string): string | null {
  const result = store.load(slug);
  if (result.status === 'ok' || result.status === 'recovered') return result.data.readAt;
  if (result.status === 'damaged') store.keepAside(slug, result.raw); // an identical copy is reused
  return null;
}

export interface ReadingStep {
  readonly slug: string;
  /** yyyy-mm-dd, or null when not read yet. */
  readonly readAt: string | null;
}

export interface ReadingProgress {
  /** The chapters in the suggested order (onboarding.yaml readingPath). */
  readonly steps: readonly ReadingStep[];
  readonly readCount: number;
  readonly total: number;
}

/** The reading path with what has been read; marks of chapters not on the path are ignored. */
export function readingProgress(path: readonly string[], marks: ReadingMarks): ReadingProgress {
  const steps = path.map((slug): ReadingStep => {
    const readAt = Object.hasOwn(marks, slug) ? marks[slug] : undefined;
    return { slug, readAt: typeof readAt === 'string' && isCalendarDate(readAt) ? readAt : null };
  });
  return { steps, readCount: steps.filter((s) => s.readAt !== null).length, total: steps.length };
}
