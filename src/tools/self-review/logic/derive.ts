/**
 * 绩效自评 results from what the reader typed: each field read as a person means it (or refused
 * with a Chinese message for beside the field), then scored with scoring.ts — 四（一）指标,
 * 三（四）工作规范, 四（二）月度 / 年度. Pure; never NaN, Infinity or negative.
 */
import {
  parseCount,
  parseDecimal,
  parseMoney,
  parsePercent,
  parseRating,
  type ParseResult,
} from '../../../core/parse-number';
import type {
  AppraisalGroup,
  AppraisalPolicy,
  BehaviourItem,
  GradeBand,
  Kpi,
} from '../../../core/policy-types';
import {
  TARGET_NOT_POSITIVE,
  annualScore,
  behaviourScore,
  isScorableTarget,
  gradeFor,
  monthlyTotal,
  round2,
  weightedPerformance,
  type AnnualScoreResult,
  type KpiEntry,
  type MonthlyTotal,
} from '../../../core/scoring';
import { parsePeriod, plainNumber, type Period, type SelfReviewState } from './state';

/**
 * A percentage KPI whose target is 100% or more measures against a plan (达成率, 费用控制率,
 * 完成率): doing more than planned, or spending more than budgeted, is real and reads above 100%.
 * Below that the KPI is a share of a whole (转化率, 满意度, 准确率), which cannot pass 100%.
 * This bound only stops typos: a value ten times the plan is not meant.
 */
export const PLAN_PERCENT_MAX = 1000;

/** 年度评议 is given on the 百分制 scale, like a monthly total. */
export const REVIEW_MAX = 100;

function fail(error: string): ParseResult<never> {
  return { ok: false, error, code: 'out-of-range' };
}

/** A percentage that may pass 100 (see PLAN_PERCENT_MAX); a trailing % is optional. */
function parsePlanPercent(text: string): ParseResult<number> {
  const result = parseDecimal(text.replace(/\s*[%％]\s*$/, ''), { min: 0, max: PLAN_PERCENT_MAX });
  if (result.ok || (result.code !== 'out-of-range' && result.code !== 'negative')) return result;
  return fail(`百分比应在 0–${PLAN_PERCENT_MAX}% 之间`);
}

/**
 * Reads a KPI's target or actual value in the KPI's unit. Targets follow appraisal.yaml's rules
 * (percent 0–100, rating 1–5, count and money ≥ 0); actual values the same, except that a
 * percentage measured against a plan of 100% or more may pass 100 (PLAN_PERCENT_MAX).
 */
export function parseKpiValue(
  kpi: Pick<Kpi, 'unit' | 'target'>,
  text: string,
  role: 'target' | 'actual',
): ParseResult<number> {
  const read = parseKpiNumber(kpi, text, role);
  // 四（一）: the ratio rule divides by the target, so 0 can never be one; say so instead of
  // scoring it silently.
  if (role === 'target' && read.ok && !isScorableTarget(read.value)) return fail(TARGET_NOT_POSITIVE);
  return read;
}

function parseKpiNumber(
  kpi: Pick<Kpi, 'unit' | 'target'>,
  text: string,
  role: 'target' | 'actual',
): ParseResult<number> {
  switch (kpi.unit) {
    case 'count':
      return parseCount(text);
    case 'rating':
      return parseRating(text);
    case 'money': {
      const fen = parseMoney(text);
      return fen.ok ? { ok: true, value: fen.value / 100 } : fen;
    }
    case 'percent':
      return role === 'actual' && kpi.target >= 100 ? parsePlanPercent(text) : parsePercent(text);
  }
}

/** Highest 业绩得分 a group can reach: Σ cap × weight ÷ 100. */
export function maxPerformance(group: Pick<AppraisalGroup, 'kpis'>): number {
  return round2(group.kpis.reduce((sum, k) => sum + (Math.max(100, k.scoring.cap) * k.weight) / 100, 0));
}

/** Highest 月度总分 of a group (every KPI at its cap, every behaviour item rated 5). */
export function maxMonthlyTotal(
  policy: Pick<AppraisalPolicy, 'split'>,
  group: Pick<AppraisalGroup, 'kpis'>,
): number {
  return monthlyTotal(maxPerformance(group), 100, policy.split).total;
}

/** Highest score any group can reach, month or year: the top of the 得分 scale. */
export function maxAppraisalScore(policy: Pick<AppraisalPolicy, 'split' | 'groups'>): number {
  return Math.max(REVIEW_MAX, ...policy.groups.map((g) => maxMonthlyTotal(policy, g)));
}

/** A monthly total typed in the annual form: 0 … the group's highest monthly total. */
export function parseMonthTotal(text: string, max: number): ParseResult<number> {
  return parseDecimal(text, { min: 0, max });
}

/** 年度评议得分: 0–100. */
export function parseReview(text: string): ParseResult<number> {
  return parseDecimal(text, { min: 0, max: REVIEW_MAX });
}

/** Something still to fill in; `name` is what the reader sees (指标, 工作规范项 or 月份). */
export interface MissingItem {
  readonly kind: 'kpi' | 'behaviour' | 'month' | 'review';
  readonly id: string;
  readonly name: string;
}

export interface KpiRow {
  readonly kpi: Kpi;
  /** Target used in the score: the typed one, or the parameter's when left empty. */
  readonly target: number | null;
  readonly targetIsDefault: boolean;
  readonly targetError: string | null;
  readonly actual: number | null;
  readonly actualError: string | null;
  /** null until both values are valid. */
  readonly score: number | null;
  /** score × weight ÷ 100, two decimals; 0 while missing. */
  readonly weighted: number;
  readonly comment: string;
}

export interface BehaviourRow {
  readonly item: BehaviourItem;
  readonly rating: number | null;
  /** weight × rating ÷ 5, two decimals; 0 while not rated. */
  readonly points: number;
}

interface ResultBase {
  readonly group: AppraisalGroup;
  readonly period: Period;
  /** null only in a year that cannot be scored yet (too few months, no review). */
  readonly total: number | null;
  readonly grade: GradeBand | null;
  readonly missing: readonly MissingItem[];
  /** Field id → message, for every value that was typed but refused. */
  readonly errors: Readonly<Record<string, string>>;
  /** Nothing missing and nothing refused. */
  readonly complete: boolean;
}

export interface MonthResult extends ResultBase {
  readonly kind: 'month';
  readonly rows: readonly KpiRow[];
  /** 业绩得分 (Σ KPI score × weight ÷ 100). */
  readonly performance: number;
  readonly behaviourRows: readonly BehaviourRow[];
  /** 工作规范得分 (Σ weight × rating ÷ 5). */
  readonly behaviour: number;
  /** performance × 业绩占比 and behaviour × 规范占比. */
  readonly parts: MonthlyTotal;
  readonly total: number;
  readonly grade: GradeBand;
}

export interface MonthEntry {
  readonly month: number;
  readonly value: number | null;
  readonly error: string | null;
}

export interface YearResult extends ResultBase {
  readonly kind: 'year';
  readonly months: readonly MonthEntry[];
  readonly review: number | null;
  readonly reviewError: string | null;
  readonly annual: AnnualScoreResult;
  /** Highest monthly total this group can reach (bound of the month fields). */
  readonly monthMax: number;
}

export type SelfReviewResult = MonthResult | YearResult;

/** Field ids used in `errors` (and by the page for its inputs). */
export const fieldId = {
  target: (kpiId: string) => `target-${kpiId}`,
  actual: (kpiId: string) => `actual-${kpiId}`,
  month: (month: number) => `month-${month}`,
  review: 'review',
} as const;

/**
 * What the scoring reads: the fields of a 绩效自评 that carry values. The 团队考核's 上级评定 is
 * scored through the same function with the manager's values, so both tools follow one rule.
 */
export type AppraisalInput = Pick<
  SelfReviewState,
  'group' | 'period' | 'kpis' | 'ratings' | 'months' | 'review'
>;

/**
 * Scores one saved or typed 绩效自评 (or a 上级评定 in the same shape). null when its group is not
 * in the parameters (an entry saved before the group was removed) or the period is malformed.
 */
export function selfReviewResult(state: AppraisalInput, policy: AppraisalPolicy): SelfReviewResult | null {
  const group = policy.groups.find((g) => g.id === state.group);
  const period = parsePeriod(state.period);
  if (!group || !period) return null;
  return period.kind === 'month'
    ? monthResult(state, policy, group, period)
    : yearResult(state, policy, group, period);
}

function monthResult(
  state: AppraisalInput,
  policy: AppraisalPolicy,
  group: AppraisalGroup,
  period: Period,
): MonthResult {
  const errors: Record<string, string> = {};
  const missing: MissingItem[] = [];
  const entries: Record<string, KpiEntry> = {};
  const read = group.kpis.map((kpi) => {
    const entry = state.kpis[kpi.id];
    const t = parseKpiValue(kpi, entry?.target ?? '', 'target');
    const targetIsDefault = !t.ok && t.code === 'empty';
    const target = t.ok ? t.value : targetIsDefault ? kpi.target : null;
    const targetError = !t.ok && !targetIsDefault ? t.error : null;
    if (targetError) errors[fieldId.target(kpi.id)] = targetError;

    const a = parseKpiValue(kpi, entry?.actual ?? '', 'actual');
    const actual = a.ok ? a.value : null;
    const actualError = !a.ok && a.code !== 'empty' ? a.error : null;
    if (actualError) errors[fieldId.actual(kpi.id)] = actualError;
    // A KPI is scored only when both values are valid; otherwise it counts as 0 and is listed.
    if (actual === null || target === null) missing.push({ kind: 'kpi', id: kpi.id, name: kpi.name });
    entries[kpi.id] = { actual: target === null ? null : actual, target: target ?? kpi.target };
    return { target, targetIsDefault, targetError, actual, actualError, comment: entry?.comment ?? '' };
  });
  const perf = weightedPerformance(group, entries);
  const rows = perf.lines.map((line, i): KpiRow => ({
    ...read[i]!,
    kpi: line.kpi,
    score: line.score,
    weighted: line.weighted,
  }));
  const performance = perf.score;

  const ratings: Record<string, number | null> = {};
  const behaviourRows = policy.behaviour.items.map((item): BehaviourRow => {
    const r = parseRating(state.ratings[item.id] ?? '');
    const rating = r.ok ? r.value : null;
    ratings[item.id] = rating;
    if (rating === null) missing.push({ kind: 'behaviour', id: item.id, name: item.name });
    return { item, rating, points: rating === null ? 0 : round2((item.weight * rating) / 5) };
  });
  const behaviour = behaviourScore(policy.behaviour.items, ratings).score;
  const parts = monthlyTotal(performance, behaviour, policy.split);
  return {
    kind: 'month',
    group,
    period,
    rows,
    performance,
    behaviourRows,
    behaviour,
    parts,
    total: parts.total,
    grade: gradeFor(parts.total, policy.grades),
    missing,
    errors,
    complete: missing.length === 0 && Object.keys(errors).length === 0,
  };
}

function yearResult(
  state: AppraisalInput,
  policy: AppraisalPolicy,
  group: AppraisalGroup,
  period: Period,
): YearResult {
  const errors: Record<string, string> = {};
  const missing: MissingItem[] = [];
  const monthMax = maxMonthlyTotal(policy, group);
  const months = Array.from({ length: 12 }, (_, i): MonthEntry => {
    const month = i + 1;
    const r = parseMonthTotal(state.months[i] ?? '', monthMax);
    const error = !r.ok && r.code !== 'empty' ? r.error : null;
    if (error) errors[fieldId.month(month)] = error;
    if (!r.ok) missing.push({ kind: 'month', id: String(month), name: `${month}月` });
    return { month, value: r.ok ? r.value : null, error };
  });
  const rv = parseReview(state.review);
  const review = rv.ok ? rv.value : null;
  const reviewError = !rv.ok && rv.code !== 'empty' ? rv.error : null;
  if (reviewError) errors[fieldId.review] = reviewError;
  if (review === null) missing.push({ kind: 'review', id: 'review', name: '年度评议得分' });

  const annual = annualScore(
    months.map((m) => m.value),
    review,
    policy.annual,
  );
  const total = annual.score;
  return {
    kind: 'year',
    group,
    period,
    months,
    review,
    reviewError,
    annual,
    monthMax,
    total,
    grade: total === null ? null : gradeFor(total, policy.grades),
    missing,
    errors,
    complete: total !== null && Object.keys(errors).length === 0,
  };
}

/**
 * The twelve monthly totals of a group's year from the reader's saved months, as they are
 * written into the annual form ('' where no month is saved). `lookup(month)` returns the saved
 * month's state (1–12) or null.
 */
export function monthTotalsFromSaved(
  policy: AppraisalPolicy,
  lookup: (month: number) => SelfReviewState | null,
): { readonly texts: readonly string[]; readonly saved: readonly (SavedMonth | null)[] } {
  const saved = Array.from({ length: 12 }, (_, i): SavedMonth | null => {
    const state = lookup(i + 1);
    const result = state ? selfReviewResult(state, policy) : null;
    return result?.kind === 'month' ? { total: result.total, complete: result.complete } : null;
  });
  return { texts: saved.map((s) => (s ? plainNumber(s.total) : '')), saved };
}

export interface SavedMonth {
  readonly total: number;
  /** False when the month still has KPIs or ratings to fill (they count as 0). */
  readonly complete: boolean;
}
