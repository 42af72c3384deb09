/**
 * 复审日期 of the policy (content/policy/meta.yaml reviewDate): `npm run release` sets the next one
 * from the effective date and the review interval; the home page compares it with the reader's own
 * today, so a site built months ago still says when the policy is due for review.
 */
import { addMonthsIso, isoToDayNumber } from './calendar-date';

/** 生效日期 + 复审周期 (whole months > 0); null when either cannot be used. */
export function nextReviewDate(effectiveDate: string, intervalMonths: number): string | null {
  if (!Number.isInteger(intervalMonths) || intervalMonths <= 0) return null;
  return addMonthsIso(effectiveDate, intervalMonths);
}

/**
 * Due from the review date itself on (已到复审日期). A date that cannot be read is never due: the
 * build validates meta.yaml, so that only happens with a broken page, and a wrong alarm helps nobody.
 */
export function reviewDue(reviewDate: string, today: string): boolean {
  const review = isoToDayNumber(reviewDate);
  const now = isoToDayNumber(today);
  return review !== null && now !== null && now >= review;
}
