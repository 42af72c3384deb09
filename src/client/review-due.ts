// Page script of the 复审 notice (PolicyFacts.astro): shows it from the policy's review date on,
// by the reader's own calendar day, not the day the site was built.
import { todayIso } from '../core/calendar-date';
import { reviewDue } from '../core/review-date';

export function showReviewDue(doc: Document = document): void {
  doc.querySelectorAll<HTMLElement>('[data-review-due]').forEach((notice) => {
    const due = reviewDue(notice.dataset['reviewDue'] ?? '', todayIso());
    notice.hidden = !due;
    notice.dataset['reviewStatus'] = due ? 'due' : 'not-due'; // for tests: the check ran
  });
}
