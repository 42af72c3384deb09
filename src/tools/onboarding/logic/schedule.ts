import { dayNumberToIso, isoToDayNumber, ISO_DATE_RE } from '../../../core/calendar-date';
import type { OnboardingItem, OnboardingPhase, OnboardingPolicy } from '../../../core/policy-types';

/**
 * 入职清单 schedule (五（一）1). Dates are ISO calendar dates `yyyy-mm-dd` with no time zone;
 * all arithmetic is done on UTC midnight so the reader's time zone and DST cannot shift a day.
 */

/** `iso` + `days` calendar days; null when `iso` is not a valid date. */
export function addDays(iso: string, days: number): string | null {
  const d = isoToDayNumber(iso);
  if (d === null || !Number.isInteger(days)) return null;
  const out = dayNumberToIso(d + days);
  return ISO_DATE_RE.test(out) ? out : null;
}

/** Whole days from `fromIso` to `toIso` (negative when `toIso` is earlier); null if either is invalid. */
export function daysBetween(fromIso: string, toIso: string): number | null {
  const a = isoToDayNumber(fromIso);
  const b = isoToDayNumber(toIso);
  return a === null || b === null ? null : b - a;
}

/** Overdue: not done and `today` is after the due date (due today is not overdue). */
export function isOverdue(dueIso: string | null, todayIso: string | null, done: boolean): boolean {
  if (done || dueIso === null || todayIso === null) return false;
  const left = daysBetween(todayIso, dueIso);
  return left !== null && left < 0;
}

/** Items that apply to a role (an appraisal group id): those for `all` and those naming it. */
export function itemsForRole<I extends OnboardingItem>(items: readonly I[], role: string): I[] {
  return items.filter((it) => it.roles === 'all' || it.roles.includes(role));
}

export interface ScheduledItem<I extends OnboardingItem = OnboardingItem> {
  readonly item: I;
  /** start + phase dueDay; null when the start date is invalid. */
  readonly dueDate: string | null;
  readonly done: boolean;
  readonly overdue: boolean;
}

export interface ScheduledPhase<I extends OnboardingItem = OnboardingItem> {
  readonly phase: OnboardingPhase;
  readonly dueDate: string | null;
  readonly items: readonly ScheduledItem<I>[];
}

export interface OnboardingSchedule<I extends OnboardingItem = OnboardingItem> {
  /** Phases in order (phases without items for the role are kept, with no items). */
  readonly phases: readonly ScheduledPhase<I>[];
  readonly doneCount: number;
  readonly total: number;
  readonly overdueCount: number;
}

export interface ScheduleInput<I extends OnboardingItem> {
  readonly policy: Pick<OnboardingPolicy, 'phases'> & { readonly items: readonly I[] };
  /** Appraisal group id: promotion, crm, analytics, manager. */
  readonly role: string;
  /** 入职日期, yyyy-mm-dd (day 0). */
  readonly startDate: string;
  /** Today, yyyy-mm-dd; null = do not mark anything overdue. */
  readonly today: string | null;
  /** Ids of the items ticked off. */
  readonly done: ReadonlySet<string>;
}

/** The checklist of one new hire: the role's items by phase, with due dates and progress. */
export function onboardingSchedule<I extends OnboardingItem>(input: ScheduleInput<I>): OnboardingSchedule<I> {
  const mine = itemsForRole(input.policy.items, input.role);
  let doneCount = 0;
  let overdueCount = 0;
  const phases = [...input.policy.phases]
    .sort((a, b) => a.dueDay - b.dueDay)
    .map((phase): ScheduledPhase<I> => {
      const dueDate = addDays(input.startDate, phase.dueDay);
      const items = mine
        .filter((it) => it.phase === phase.id)
        .map((item): ScheduledItem<I> => {
          const done = input.done.has(item.id);
          const overdue = isOverdue(dueDate, input.today, done);
          if (done) doneCount++;
          if (overdue) overdueCount++;
          return { item, dueDate, done, overdue };
        });
      return { phase, dueDate, items };
    });
  const total = phases.reduce((n, p) => n + p.items.length, 0);
  return { phases, doneCount, total, overdueCount };
}
