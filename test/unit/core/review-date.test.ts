// 复审日期: the next review date a release sets (生效日期 + 复审周期) and the reader's-day check the
// home page makes.
import { describe, expect, it } from 'vitest';
import { addMonthsIso } from '../../../src/core/calendar-date';
import { nextReviewDate, reviewDue } from '../../../src/core/review-date';

describe('addMonthsIso', () => {
  it.each([
    // a plain year
    ['2026-01-01', 12, '2027-01-01'],
    // across a year end
    ['2026-11-15', 3, '2027-02-15'],
    // the 31st into a shorter month keeps to that month's last day
    ['2026-01-31', 1, '2026-02-28'],
    ['2027-12-31', 2, '2028-02-29'],
    ['2026-08-31', 1, '2026-09-30'],
    // not a real date
    ['2026-02-30', 1, null],
    ['2026-1-1', 1, null],
  ] as const)('%s + %i months = %s', (iso, months, expected) => {
    expect(addMonthsIso(iso, months)).toBe(expected);
  });
});

describe('nextReviewDate', () => {
  it('is the effective date plus the review interval', () => {
    expect(nextReviewDate('2027-04-01', 12)).toBe('2028-04-01');
    expect(nextReviewDate('2027-03-01', 6)).toBe('2027-09-01');
  });

  it.each([0, -3, 1.5, Number.NaN])('refuses an interval of %s months', (months) => {
    expect(nextReviewDate('2027-04-01', months)).toBeNull();
  });
});

describe('reviewDue', () => {
  it.each([
    // the day before: not yet
    ['2028-04-01', '2028-03-31', false],
    // on the review date: due (已到复审日期)
    ['2028-04-01', '2028-04-01', true],
    // long after
    ['2028-04-01', '2030-01-01', true],
    // a date that cannot be read is never due, rather than always
    ['2028-02-30', '2030-01-01', false],
    ['2028-04-01', '', false],
  ] as const)('review %s, today %s → %s', (review, today, due) => {
    expect(reviewDue(review, today)).toBe(due);
  });
});
