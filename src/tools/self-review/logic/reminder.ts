/**
 * 每月提醒 of 绩效自评: one all-day event that repeats every month (RRULE:FREQ=MONTHLY;BYMONTHDAY=n)
 * on the self-review due day of appraisal.yaml (`selfReviewDueDay`, set by the department: the
 * policy's 四（二） has monthly appraisals but fixes no day), with a reminder the day before.
 * The words come from the page.
 */
import type { ClauseLinkData } from '../../../core/clause-ref';
import {
  absoluteLink,
  hostOf,
  nextDayOfMonth,
  safeFileName,
  type CalendarFile,
} from '../../../core/calendar-events';
import { fill } from '../../../core/template';

export type ReminderLabelKey =
  | 'reminder.fileName'
  | 'reminder.name'
  | 'reminder.summary'
  | 'reminder.description'
  | 'reminder.clause'
  | 'reminder.alarm';

export interface MonthlyReminderInput {
  /** selfReviewDueDay of appraisal.yaml, 1–28. */
  readonly dueDay: number;
  /** Today, yyyy-mm-dd: the first event is the next due day on or after it. */
  readonly today: string;
  /** The page's origin at click time: links in a calendar must be absolute. */
  readonly origin: string;
  /** The 绩效自评 page's path with the base path (/handbook/tools/self-review/). */
  readonly page: string;
  /** 四（二）考核周期, cited in the description. */
  readonly clause: ClauseLinkData;
  readonly labels: Readonly<Record<ReminderLabelKey, string>>;
}

/** The reminder's file; null when the due day or today cannot make one. */
export function monthlyReminder(
  input: MonthlyReminderInput,
): { readonly fileName: string; readonly file: CalendarFile } | null {
  const { labels, dueDay } = input;
  const first = nextDayOfMonth(input.today, dueDay);
  if (first === null) return null;
  const page = absoluteLink(input.origin, input.page);
  const values = {
    day: dueDay,
    page,
    label: input.clause.label,
    title: input.clause.title ?? '',
    url: absoluteLink(input.origin, input.clause.href),
  };
  return {
    fileName: safeFileName(labels['reminder.fileName']),
    file: {
      name: labels['reminder.name'],
      events: [
        {
          // One reminder per site: a later download (a new due day) replaces it in the calendar.
          uid: `mh-self-review-monthly@${hostOf(input.origin)}`,
          date: first,
          monthlyOnDay: dueDay,
          summary: fill(labels['reminder.summary'], values),
          description: `${fill(labels['reminder.description'], values)}\n${fill(labels['reminder.clause'], values)}`,
          url: page,
          alarm: fill(labels['reminder.alarm'], values),
        },
      ],
    },
  };
}
