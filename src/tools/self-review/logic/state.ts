/**
 * What the 绩效自评 keeps for one group and period (autosave, JSON file and share link). Numbers
 * stay as typed, so a typo survives a reload and is shown beside its field; ./derive.ts
 * reads them. One store entry per group and period, keyed `promotion-2026-03` (a month, 月度考核)
 * or `promotion-2026` (the year, 年度考核), per 四（二）.
 *
 * The 绩效奖金估算 reads the same entries (namespace `self-review`, this schema and version).
 */
import * as v from 'valibot';
import { limitedText } from '../../../core/text-limit';
import { plainObject, plainRecord } from '../../../core/json-file';
import type { AppraisalPolicy } from '../../../core/policy-types';

export const SELF_REVIEW_TOOL = 'self-review';
/** Version of the saved shape; bump it (with a migration) when the schema changes. */
export const SELF_REVIEW_STATE_VERSION = 1;

/** Longest text kept in a short field (a name, a number as typed). */
export const MAX_FIELD_LENGTH = 40;
/** Longest self-comment or summary. */
export const MAX_COMMENT_LENGTH = 500;
/** More entries than any group has; keeps a tampered link or file from growing without bound. */
const MAX_ENTRIES = 60;

/** Same shape as the ids in appraisal.yaml (rowIdSchema). */
const ROW_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
/** 2026-03 (a month) or 2026 (a year). */
const PERIOD = /^(\d{4})(?:-(0[1-9]|1[0-2]))?$/;

// Text over its limit is kept and reported, never cut (core/text-limit).
const short = limitedText(MAX_FIELD_LENGTH);
const comment = limitedText(MAX_COMMENT_LENGTH);
const rowId = v.pipe(v.string(), v.regex(ROW_ID));
/** A record of row ids with at most MAX_ENTRIES entries (also the 上级评定's, team-review/logic/state.ts). */
export const limitedRecord = <const V extends v.GenericSchema>(value: V) =>
  v.pipe(
    plainRecord(rowId, value),
    v.check((r) => Object.keys(r).length <= MAX_ENTRIES),
  );

/** One KPI as the reader filled it in (the manager's 上级评定 has the same fields). */
export const kpiEntrySchema = plainObject({
  /** 目标值 as typed; prefilled from appraisal.yaml, editable (managers assign targets). '' = the default. */
  target: short,
  /** 实际值 as typed; '' = not filled yet. */
  actual: short,
  /** 自评说明. */
  comment,
});

/** Longest 当月工作任务 line (目标下达, ./targets.ts). */
export const MAX_TASKS_LENGTH = 200;

/**
 * The 目标 as the 自评 keeps it once received (`assigned` in its state): the targets and tasks, when the
 * manager set them, and their fingerprint, which the 自评 sent back carries to 团队考核.
 */
export const assignedTargetsSchema = plainObject({
  targets: limitedRecord(short),
  tasks: limitedText(MAX_TASKS_LENGTH),
  /** When the manager made the 目标 link (the reply's `at`), ISO 8601. */
  setAt: v.pipe(v.string(), v.isoTimestamp()),
  /** The period the 目标 was set for: the month itself, or its year. */
  period: v.pipe(v.string(), v.regex(PERIOD)),
  /** targetsFingerprint of the payload received. */
  fingerprint: v.pipe(v.string(), v.regex(/^[0-9a-f]{16}$/)),
});

export type AssignedTargets = v.InferOutput<typeof assignedTargetsSchema>;

export const selfReviewStateSchema = plainObject({
  /** 员工姓名. Default ''. */
  name: short,
  /** Appraisal group id (promotion / crm / analytics / manager). */
  group: rowId,
  /** 2026-03 for 月度考核, 2026 for 年度考核. */
  period: v.pipe(v.string(), v.regex(PERIOD)),
  /** Month: KPI id → target, actual and comment. Unused in a year. */
  kpis: limitedRecord(kpiEntrySchema),
  /** Month: behaviour item id (三（四）1–5) → rating '1'–'5'; '' = not rated. Unused in a year. */
  ratings: limitedRecord(v.picklist(['', '1', '2', '3', '4', '5'])),
  /** Year: the twelve monthly totals as typed, January first; '' = no result that month. */
  months: v.pipe(v.array(short), v.length(12)),
  /** Year: 年度评议得分 as typed. */
  review: short,
  /** 总体自评 (month) or 年度总结 (year). */
  summary: comment,
  /**
   * Month: the 目标 the manager set (./targets.ts), once received; its targets are then the KPIs'
   * and are not the employee's to edit. Absent = the employee's own targets (the defaults, editable).
   * Optional, so entries, links and files made before it read as they are, with the same fingerprint.
   */
  assigned: v.optional(assignedTargetsSchema),
});

export type SelfReviewState = v.InferOutput<typeof selfReviewStateSchema>;
export type KpiEntryState = v.InferOutput<typeof kpiEntrySchema>;

export type Period =
  | { readonly kind: 'month'; readonly year: number; readonly month: number }
  | {
      readonly kind: 'year';
      readonly year: number;
    };

/** '2026-03' → month, '2026' → year; null for anything else. */
export function parsePeriod(period: string): Period | null {
  const m = PERIOD.exec(period);
  if (!m) return null;
  const year = Number(m[1]);
  return m[2] === undefined ? { kind: 'year', year } : { kind: 'month', year, month: Number(m[2]) };
}

/** The period string of a month (1–12) or of a year. */
export function formatPeriod(period: Period): string {
  return period.kind === 'year'
    ? String(period.year)
    : `${period.year}-${String(period.month).padStart(2, '0')}`;
}

/** The month of a day (YYYY-MM-DD): the period a new self-review opens on. */
export function monthOf(day: string): Extract<Period, { kind: 'month' }> {
  return { kind: 'month', year: Number(day.slice(0, 4)), month: Number(day.slice(5, 7)) || 1 };
}

/** Store key of a group and period: promotion-2026-03, promotion-2026. */
export function reviewKey(group: string, period: string): string {
  return `${group}-${period}`;
}

/** promotion-2026-03 → { group: 'promotion', period: '2026-03' }; null when not a review key. */
export function parseReviewKey(key: string): { group: string; period: string } | null {
  const m = /^([a-z0-9]+(?:-[a-z0-9]+)*?)-(\d{4}(?:-(?:0[1-9]|1[0-2]))?)$/.exec(key);
  if (!m || !ROW_ID.test(m[1] ?? '')) return null;
  return { group: m[1] ?? '', period: m[2] ?? '' };
}

/** A number as it is written into a field: 100000 → "100000", 12.5 → "12.5". */
export function plainNumber(n: number): string {
  return Number.isFinite(n) ? String(Math.round(n * 100) / 100) : '';
}

/**
 * A fresh entry: the group's targets prefilled from the parameters, nothing else filled.
 * `name` carries the name over from the entry the reader was on.
 */
export function emptyReview(
  policy: Pick<AppraisalPolicy, 'groups'>,
  group: string,
  period: string,
  name = '',
): SelfReviewState {
  const kpis: Record<string, KpiEntryState> = {};
  for (const kpi of policy.groups.find((g) => g.id === group)?.kpis ?? []) {
    kpis[kpi.id] = { target: plainNumber(kpi.target), actual: '', comment: '' };
  }
  return {
    name,
    group,
    period,
    kpis,
    ratings: {},
    months: Array<string>(12).fill(''),
    review: '',
    summary: '',
  };
}

/** Keys of the twelve months of a group's year: promotion-2026-01 … promotion-2026-12. */
export function monthKeysOfYear(group: string, year: number): string[] {
  return Array.from({ length: 12 }, (_, i) =>
    reviewKey(group, formatPeriod({ kind: 'month', year, month: i + 1 })),
  );
}
