import {
  RATING_SCALE,
  type AnnualBlend,
  type AppraisalGroup,
  type BehaviourItem,
  type GradeBand,
  type Kpi,
  type ScoreSplit,
} from './policy-types';

/**
 * Appraisal arithmetic (四（一）指标、四（二）周期、三（四）工作规范). Pure; every function
 * returns a finite, non-negative number for any input (NaN and negative inputs count as 0).
 * Weighted results are rounded to two decimals so that, e.g., 90 is not read as 89.999….
 */

/** Non-negative, NaN-free; +Infinity is kept (a huge actual value still scores the cap). */
function clean(x: number): number {
  return Number.isNaN(x) ? 0 : Math.max(0, x);
}

/** Non-negative and finite: NaN, ±Infinity and negatives count as 0. */
function finite(x: number): number {
  return Number.isFinite(x) ? Math.max(0, x) : 0;
}

/** Rounds to two decimals (scores are shown with at most two). */
export function round2(x: number): number {
  // Beyond 1e15 a double has no hundredths left to round (and × 100 could overflow).
  return Math.abs(x) >= 1e15 ? x : Math.round(x * 100) / 100;
}

/** Why a KPI cannot be scored against its target: beside the target field, in both tools. */
export const TARGET_NOT_POSITIVE = '目标值必须大于 0';

/**
 * Whether `target` can be scored against: the ratio rule divides by the target (higher is better)
 * or scores against it (lower is better: a target of 0 would make every actual above 0 score 0),
 * so it must be a finite number above 0 (四（一）).
 */
export function isScorableTarget(target: number): boolean {
  return Number.isFinite(target) && target > 0;
}

/**
 * Score of one KPI (rule `ratio`): 100 exactly at target, within [0, cap]; null when the target is
 * not above 0 (isScorableTarget), never a silent cap or 0.
 * - higher is better: actual ÷ target × 100.
 * - lower is better: target ÷ actual × 100; an actual of 0 is the best possible (cap).
 */
export function scoreKpi(
  kpi: Pick<Kpi, 'direction' | 'scoring'>,
  actual: number,
  target: number,
): number | null {
  if (!isScorableTarget(target)) return null;
  const cap = Number.isFinite(kpi.scoring.cap) ? Math.max(100, kpi.scoring.cap) : 100;
  const a = clean(actual);
  const t = target;
  if (a === t) return 100;
  // Never 0/0 or ∞/∞: t > 0 and finite, and a zero actual is handled first.
  const raw = kpi.direction === 'higher' ? (a / t) * 100 : a === 0 ? cap : (t / a) * 100;
  return Math.min(cap, Math.max(0, raw));
}

/** What the reader entered for one KPI; `target` defaults to the KPI's default target. */
export interface KpiEntry {
  readonly actual: number | null;
  readonly target?: number | undefined;
}

export interface KpiLine {
  readonly kpi: Kpi;
  readonly actual: number | null;
  readonly target: number;
  /** null when no actual value was entered or the target is not above 0 (counted as 0 in the total). */
  readonly score: number | null;
  /** score × weight ÷ 100, rounded; 0 when missing. */
  readonly weighted: number;
}

export interface PerformanceResult {
  readonly lines: readonly KpiLine[];
  /** Σ score × weight ÷ 100, two decimals; within [0, highest cap]. */
  readonly score: number;
  /** Ids of KPIs without an actual value, or whose target is not above 0. */
  readonly missing: readonly string[];
  /** Ids of KPIs whose target is not above 0 (TARGET_NOT_POSITIVE); also in `missing`. */
  readonly badTargets: readonly string[];
}

/** 业绩得分 of a group: weighted sum of the KPI scores (weights sum to 100). */
export function weightedPerformance(
  group: Pick<AppraisalGroup, 'kpis'>,
  entries: Readonly<Record<string, KpiEntry | undefined>>,
): PerformanceResult {
  const missing: string[] = [];
  const badTargets: string[] = [];
  let sum = 0;
  const lines = group.kpis.map((kpi): KpiLine => {
    const entry = entries[kpi.id];
    const target = entry?.target ?? kpi.target;
    const given = entry?.actual ?? null;
    const actual = given === null || Number.isNaN(given) ? null : given;
    const score = actual === null ? null : scoreKpi(kpi, actual, target);
    if (!isScorableTarget(target)) badTargets.push(kpi.id);
    if (score === null) {
      missing.push(kpi.id);
      return { kpi, actual, target, score: null, weighted: 0 };
    }
    const exact = (score * finite(kpi.weight)) / 100;
    sum += exact;
    return { kpi, actual, target, score, weighted: round2(exact) };
  });
  return { lines, score: round2(sum), missing, badTargets };
}

export interface BehaviourResult {
  /** Σ weight × rating ÷ 5, two decimals; within [0, 100]. */
  readonly score: number;
  /** Ids of items without a rating (counted as 0). */
  readonly missing: readonly string[];
}

/**
 * 工作规范得分 (三（四）1–5): each item rated 1–5; score = Σ weight × rating ÷ 5.
 * Ratings are clamped to 1–5; an item without a rating counts as 0 and is reported.
 */
export function behaviourScore(
  items: readonly BehaviourItem[],
  ratings: Readonly<Record<string, number | null | undefined>>,
): BehaviourResult {
  const missing: string[] = [];
  let sum = 0;
  for (const item of items) {
    const r = ratings[item.id];
    if (r === null || r === undefined || Number.isNaN(r)) {
      missing.push(item.id);
      continue;
    }
    const rating = Math.min(RATING_SCALE.max, Math.max(RATING_SCALE.min, r));
    sum += (finite(item.weight) * rating) / RATING_SCALE.max;
  }
  return { score: round2(sum), missing };
}

export interface MonthlyTotal {
  /** 业绩得分 × performance%. */
  readonly performancePart: number;
  /** 工作规范得分 × behaviour%. */
  readonly behaviourPart: number;
  /** Sum of both parts, two decimals. */
  readonly total: number;
}

/** 月度总分 = 业绩得分 × 业绩占比 + 工作规范得分 × 规范占比 (e.g. 80 / 20). */
export function monthlyTotal(performance: number, behaviour: number, split: ScoreSplit): MonthlyTotal {
  // × (share ÷ 100), not (× share) ÷ 100: the product cannot overflow to Infinity.
  const p = finite(performance) * (finite(split.performance) / 100);
  const b = finite(behaviour) * (finite(split.behaviour) / 100);
  return { performancePart: round2(p), behaviourPart: round2(b), total: round2(p + b) };
}

/**
 * The grade band of a total: the highest band whose lower bound the total reaches.
 * Below every bound (or NaN) gives the lowest band. Bands may come in any order.
 */
export function gradeFor<B extends GradeBand>(total: number, bands: readonly B[]): B {
  const sorted = [...bands].sort((x, y) => y.min - x.min);
  const lowest = sorted.at(-1);
  if (lowest === undefined) throw new RangeError('gradeFor: no grade bands');
  if (Number.isNaN(total)) return lowest;
  return sorted.find((b) => total >= b.min) ?? lowest;
}

export interface AnnualScoreResult {
  /** The annual score, or null when too few months or the annual review is missing. */
  readonly score: number | null;
  /** Average of the months with a result, two decimals; null when none. */
  readonly monthlyAverage: number | null;
  readonly monthsPresent: number;
  /** Months (1–12) without a result; they are left out of the average, not counted as 0. */
  readonly missingMonths: readonly number[];
  /** monthsPresent ≥ blend.minMonths. */
  readonly meetsMinimum: boolean;
  /** True when the review is needed (reviewWeight > 0) but not given. */
  readonly reviewMissing: boolean;
}

/**
 * 年度得分 (四（二）): average of the months with a result × monthlyWeight% + annual review ×
 * reviewWeight%. `monthlyTotals[0]` is January; null (or NaN / Infinity) marks a month without a result.
 * Extra entries beyond 12 are ignored; a shorter array means the later months are missing.
 */
export function annualScore(
  monthlyTotals: readonly (number | null)[],
  review: number | null,
  blend: Pick<AnnualBlend, 'monthlyWeight' | 'reviewWeight' | 'minMonths'>,
): AnnualScoreResult {
  const missingMonths: number[] = [];
  const present: number[] = [];
  for (let m = 0; m < 12; m++) {
    const v = monthlyTotals[m];
    if (v === null || v === undefined || !Number.isFinite(v)) missingMonths.push(m + 1);
    else present.push(finite(v));
  }
  const count = present.length;
  // Σ (v ÷ n) rather than (Σ v) ÷ n, so huge inputs cannot overflow to Infinity.
  const average = count > 0 ? present.reduce((s, v) => s + v / count, 0) : null;
  const meetsMinimum = count > 0 && count >= blend.minMonths;
  const needsReview = finite(blend.reviewWeight) > 0;
  const reviewGiven = review !== null && Number.isFinite(review);
  const reviewMissing = needsReview && !reviewGiven;
  let score: number | null = null;
  if (average !== null && meetsMinimum && !reviewMissing) {
    const r = reviewGiven ? finite(review) : 0;
    score = round2(average * (finite(blend.monthlyWeight) / 100) + r * (finite(blend.reviewWeight) / 100));
  }
  return {
    score,
    monthlyAverage: average === null ? null : round2(average),
    monthsPresent: count,
    missingMonths,
    meetsMinimum,
    reviewMissing,
  };
}
