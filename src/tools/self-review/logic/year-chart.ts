/**
 * The year at a glance (四（二）年度考核): one point per month of the annual form, its total and
 * grade as the roll-up counts them, or nothing where the month is not filled (left out of the
 * average, never drawn as 0). Pure; the page's YearChart draws it.
 */
import type { GradeBand } from '../../../core/policy-types';
import { gradeFor } from '../../../core/scoring';
import type { MonthEntry, SavedMonth } from './derive';

export interface YearChartPoint {
  /** 1–12. */
  readonly month: number;
  /** The month's total as the annual roll-up reads it; null when not filled (or refused). */
  readonly score: number | null;
  /** Grade of that total by the policy's bands (appraisal.yaml grades); null with no score. */
  readonly grade: GradeBand | null;
  /**
   * Where the total comes from: 'saved' = it is this browser's saved 月度自评 of that month,
   * 'typed' = typed in the annual form (no saved month, or a different number); null = not filled.
   */
  readonly source: 'saved' | 'typed' | null;
}

/** Totals closer than this are the same number written with two decimals. */
const SAME = 0.005;

/** Twelve points from the annual form's months and this browser's saved months (same order, 1–12). */
export function yearChartPoints(
  months: readonly Pick<MonthEntry, 'month' | 'value'>[],
  saved: readonly (SavedMonth | null | undefined)[],
  grades: readonly GradeBand[],
): YearChartPoint[] {
  return Array.from({ length: 12 }, (_, i): YearChartPoint => {
    const month = i + 1;
    const value = months.find((m) => m.month === month)?.value ?? null;
    if (value === null || !Number.isFinite(value)) return { month, score: null, grade: null, source: null };
    const own = saved[i];
    return {
      month,
      score: value,
      grade: gradeFor(value, grades),
      source: own && Math.abs(own.total - value) < SAME ? 'saved' : 'typed',
    };
  });
}

/**
 * A grade's place for its colour: 0 = the highest band, 3 = the lowest, the bands between 1 and 2
 * (any number of bands in appraisal.yaml maps onto these four). The grade's name is always written
 * beside the colour: colour alone says nothing to a screen reader or on a grey printout.
 */
export function gradeTone(
  grade: Pick<GradeBand, 'id'>,
  grades: readonly Pick<GradeBand, 'id' | 'min'>[],
): 0 | 1 | 2 | 3 {
  const sorted = [...grades].sort((a, b) => b.min - a.min);
  const i = sorted.findIndex((g) => g.id === grade.id);
  if (i <= 0) return 0;
  if (i === sorted.length - 1) return 3;
  return i === 1 ? 1 : 2;
}
