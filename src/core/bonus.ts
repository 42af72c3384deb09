import { mulFen, type Fen } from './money';
import type { CurvePoint, Percent } from './policy-types';

/**
 * 绩效奖金 (四（三）1：绩效奖金与绩效考核得分挂钩，得分越高奖金越高).
 * Amounts are `Fen` (validated at the input edge by parseMoney); scores, ratios and months
 * that are NaN, infinite or negative count as 0. Every function is non-decreasing in the
 * score for any curve whose coefficients never decrease (the schema rejects any other).
 * Like every money helper, an amount past Number.MAX_SAFE_INTEGER 分 throws RangeError.
 */

function finite(x: number): number {
  return Number.isFinite(x) ? Math.max(0, x) : 0;
}

/** A coefficient is kept to four decimals, so the 怎么算的 line can show exactly what was used. */
export const COEFFICIENT_DECIMALS = 4;

/**
 * `c` rounded half up to COEFFICIENT_DECIMALS decimals as a person would round its decimal value
 * (0.01005 → 0.0101, although the double 0.01005 lies just below): the product is cleaned to 12
 * significant digits first. Non-decreasing in `c`.
 */
export function roundCoefficient(c: number): number {
  if (!Number.isFinite(c)) return 0;
  const scale = 10 ** COEFFICIENT_DECIMALS;
  return Math.round(Number((c * scale).toPrecision(12))) / scale;
}

/**
 * Coefficient at `score` by linear interpolation between the curve's points; below the
 * first point the first coefficient, above the last the last; never above `maxCoefficient`.
 * An empty curve gives 0. Points may come in any order (they are sorted by score). Rounded with
 * roundCoefficient, so that the estimate is reproduced from the numbers shown.
 */
export function bonusCoefficient(
  score: number,
  curve: readonly CurvePoint[],
  maxCoefficient?: number,
): number {
  const points = [...curve].sort((a, b) => a.score - b.score);
  const first = points[0];
  const last = points.at(-1);
  if (first === undefined || last === undefined) return 0;
  const s = Number.isNaN(score) ? 0 : score;
  let c: number;
  if (s <= first.score) {
    c = first.coefficient;
  } else if (s >= last.score) {
    c = last.coefficient;
  } else {
    const i = points.findIndex((p) => p.score > s);
    const hi = points[i]!;
    const lo = points[i - 1]!;
    // Each step (−, ÷, ×, +) is monotone under IEEE rounding, so c is non-decreasing in s
    // within a segment and t < 1 keeps it at or below the next point (property-tested).
    const t = (s - lo.score) / (hi.score - lo.score);
    c = lo.coefficient + (hi.coefficient - lo.coefficient) * t;
  }
  c = finite(c);
  if (maxCoefficient !== undefined && Number.isFinite(maxCoefficient)) c = Math.min(c, Math.max(0, maxCoefficient));
  return roundCoefficient(c);
}

/** 月度奖金基数 from a monthly salary: salary × ratio% (e.g. 20), rounded half up to the 分. */
export function baseFromSalary(salaryFen: Fen, ratioPercent: Percent): Fen {
  return mulFen(salaryFen, finite(ratioPercent) / 100);
}

/** Monthly: one base. Annual: `baseMonths` bases (bonus.yaml annual.baseMonths). */
export type BonusPeriod = { readonly kind: 'month' } | { readonly kind: 'year'; readonly baseMonths: number };

export interface BonusEstimateInput {
  /** 月度奖金基数 in 分. */
  readonly baseFen: Fen;
  /** Monthly total (month) or annual score (year). */
  readonly score: number;
  readonly curve: readonly CurvePoint[];
  readonly maxCoefficient?: number | undefined;
  readonly period: BonusPeriod;
}

export interface BonusEstimate {
  readonly coefficient: number;
  /** How many monthly bases the period pays: 1, or baseMonths. */
  readonly months: number;
  /** base × months × coefficient, rounded half up to the 分; an estimate. */
  readonly bonusFen: Fen;
}

/**
 * Estimated bonus: month = base × coefficient(score); year = base × baseMonths ×
 * coefficient(annual score). Rounded half up to the 分.
 */
export function estimateBonus(input: BonusEstimateInput): BonusEstimate {
  const coefficient = bonusCoefficient(input.score, input.curve, input.maxCoefficient);
  const months = input.period.kind === 'month' ? 1 : finite(input.period.baseMonths);
  return { coefficient, months, bonusFen: mulFen(input.baseFen, finite(months * coefficient)) };
}
