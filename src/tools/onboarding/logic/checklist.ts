/**
 * The 入职清单 of one new hire as the page shows it (五（一）1 新员工入职培训): the dates as typed are
 * read, the role's items are scheduled by phase (onboarding.ts), progress is counted overall and
 * per phase, and the reading path is joined in. Also the plain text for 微信 / 钉钉.
 */
import { isoToDayNumber } from '../../../core/calendar-date';
import { daysBetween, onboardingSchedule, type ScheduledItem } from './schedule';
import { readingProgress, type ReadingMarks, type ReadingProgress } from './reading';
import type { OnboardingState } from './state';
import type { OnboardingItem, OnboardingPhase, OnboardingPolicy } from '../../../core/policy-types';

export const DATE_MESSAGES = {
  format: '日期格式不对，请写成 2026-03-02 或 2026年3月2日',
  /** Followed by the date as read, e.g. 没有这一天：2026年2月30日. */
  invalid: '没有这一天：',
} as const;

/**
 * A start date further than this from today is probably a typo (2062 for 2026): it is still used,
 * with a warning beside the field. UI plausibility bounds, not policy numbers.
 */
export const START_DATE_WINDOW = { pastDays: 366, futureDays: 183 } as const;

export type DateInputResult =
  | { readonly ok: true; readonly iso: string }
  | { readonly ok: false; readonly code: 'empty' | 'format' | 'invalid'; readonly error: string };

const DATE_FORMS = [
  // 2026-03-02, 2026/3/2, 2026.3.2, 2026年3月2日 (spaces allowed between the parts)
  /^(\d{4}) ?[-/.年] ?(\d{1,2}) ?[-/.月] ?(\d{1,2}) ?日?$/,
  // 20260302
  /^(\d{4})(\d{2})(\d{2})$/,
];

/** A date as people type it → yyyy-mm-dd. Full-width digits and punctuation are accepted. */
export function parseDateInput(text: string): DateInputResult {
  const normalized = text
    .replace(/[\uFF10-\uFF19]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0))
    .replace(/[－—–]/g, '-')
    .replace(/[／]/g, '/')
    .replace(/[．。]/g, '.')
    .replace(/[\s\u3000]+/g, ' ')
    .trim();
  if (normalized === '') return { ok: false, code: 'empty', error: '' };
  for (const form of DATE_FORMS) {
    const m = form.exec(normalized);
    if (!m) continue;
    const [y, mo, d] = [m[1] ?? '', m[2] ?? '', m[3] ?? ''];
    const iso = `${y}-${mo.padStart(2, '0')}-${d.padStart(2, '0')}`;
    if (isoToDayNumber(iso) === null) {
      return {
        ok: false,
        code: 'invalid',
        error: `${DATE_MESSAGES.invalid}${y}年${Number(mo)}月${Number(d)}日`,
      };
    }
    return { ok: true, iso };
  }
  return { ok: false, code: 'format', error: DATE_MESSAGES.format };
}

export type StartDateStatus =
  | { readonly status: 'empty' }
  | { readonly status: 'error'; readonly error: string }
  /** `farDays`: days before (negative) or after today when outside START_DATE_WINDOW, else null. */
  | { readonly status: 'ok'; readonly iso: string; readonly farDays: number | null };

/** 入职日期 as typed, checked for plausibility against `today` (null: not known yet). */
export function startDateStatus(text: string, today: string | null): StartDateStatus {
  const parsed = parseDateInput(text);
  if (!parsed.ok)
    return parsed.code === 'empty' ? { status: 'empty' } : { status: 'error', error: parsed.error };
  const offset = today === null ? null : daysBetween(today, parsed.iso);
  const far =
    offset !== null && (offset < -START_DATE_WINDOW.pastDays || offset > START_DATE_WINDOW.futureDays)
      ? offset
      : null;
  return { status: 'ok', iso: parsed.iso, farDays: far };
}

export interface ChecklistItem extends ScheduledItem<OnboardingItem> {
  /** Day it was ticked off, or null. */
  readonly doneAt: string | null;
  /** Not done and due today. */
  readonly dueToday: boolean;
}

export interface ChecklistPhase {
  readonly phase: OnboardingPhase;
  readonly dueDate: string | null;
  readonly items: readonly ChecklistItem[];
  readonly doneCount: number;
  readonly overdueCount: number;
  /** 0–100, whole percent; 0 for a phase with no items. */
  readonly percent: number;
}

export interface ChecklistView {
  /** `missing`: no role chosen; `unknown`: a role id the parameters do not have (old or tampered). */
  readonly role: { readonly status: 'ok' | 'missing' | 'unknown'; readonly id: string };
  readonly start: StartDateStatus;
  readonly phases: readonly ChecklistPhase[];
  readonly doneCount: number;
  readonly total: number;
  readonly overdueCount: number;
  readonly percent: number;
  readonly reading: ReadingProgress;
}

export interface ChecklistInput {
  readonly policy: OnboardingPolicy;
  /** Appraisal group ids (appraisal.yaml groups): the roles a new hire can pick. */
  readonly roleIds: readonly string[];
  readonly state: OnboardingState;
  /** yyyy-mm-dd; null before the browser has said what day it is (nothing is marked overdue). */
  readonly today: string | null;
  readonly reading: ReadingMarks;
}

/** Whole percent of `part` in `whole`, 0 when `whole` is 0; never above 100. */
export function percentOf(part: number, whole: number): number {
  if (!(whole > 0) || !(part > 0)) return 0;
  return Math.min(100, Math.floor((part / whole) * 100));
}

/**
 * The checklist as shown. Without a (known) role only the items common to every role are listed,
 * so the page still opens; without a valid start date there are no due dates and nothing is overdue.
 */
export function buildChecklist(input: ChecklistInput): ChecklistView {
  const { policy, state, today } = input;
  const roleId = state.role;
  const roleStatus = roleId === '' ? 'missing' : input.roleIds.includes(roleId) ? 'ok' : 'unknown';
  const start = startDateStatus(state.startDate, today);
  const doneIds = new Set(Object.keys(state.done).filter((id) => Object.hasOwn(state.done, id)));
  const schedule = onboardingSchedule({
    policy,
    // No role id is '' in the parameters, so this keeps only the items for `all`.
    role: roleStatus === 'ok' ? roleId : '',
    startDate: start.status === 'ok' ? start.iso : '',
    today,
    done: doneIds,
  });
  const phases = schedule.phases.map((p): ChecklistPhase => {
    const items = p.items.map((it): ChecklistItem => ({
      ...it,
      doneAt: it.done ? (state.done[it.item.id] ?? null) : null,
      dueToday: !it.done && p.dueDate !== null && today !== null && p.dueDate === today,
    }));
    const doneCount = items.filter((it) => it.done).length;
    return {
      phase: p.phase,
      dueDate: p.dueDate,
      items,
      doneCount,
      overdueCount: items.filter((it) => it.overdue).length,
      percent: percentOf(doneCount, items.length),
    };
  });
  return {
    role: { status: roleStatus, id: roleId },
    start,
    phases,
    doneCount: schedule.doneCount,
    total: schedule.total,
    overdueCount: schedule.overdueCount,
    percent: percentOf(schedule.doneCount, schedule.total),
    reading: readingProgress(policy.readingPath, input.reading),
  };
}

// The plain-text export (checklistText) is in ./checklist-text, loaded on first copy.
export type { ChecklistTextKey } from './checklist-text';
