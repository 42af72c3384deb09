/**
 * The 绩效奖金估算 in words for the page (the coefficient's formula with the numbers filled in, the
 * monthly and annual formulas): apart from ./export so the page shows them without loading the
 * text export until it is used.
 */
import { bonusCoefficient, roundCoefficient } from '../../../core/bonus';
import type { BonusResult, CoefficientReading } from './derive';
import { formatExact, formatNumber } from '../../../core/format';
import { formatYuan } from '../../../core/money';
import { fill } from '../../../core/template';

/**
 * Coefficients are shown with up to four decimals (1.1, 1.05, 0.6667): the estimate uses the
 * coefficient rounded so (core/bonus roundCoefficient), so what is shown is what was used.
 */
export const formatCoefficient = (c: number) => formatNumber(c, 4);

/**
 * Scores, curve points and months in a formula keep every digit typed (1.005, not 1.01), so the
 * numbers shown reproduce the result shown at any input precision (a score of 1.005 shown as 1.01
 * once made the written formula disagree with the result).
 */
const exact = formatExact;

export type BonusLabelKey =
  | 'formula.below'
  | 'formula.above'
  | 'formula.between'
  | 'formula.capped'
  | 'formula.month'
  | 'formula.year'
  | 'text.title'
  | 'text.base'
  | 'text.baseFromSalary'
  | 'text.score'
  | 'text.estimate'
  | 'text.note'
  | 'text.notFilled'
  | 'field.base'
  | 'field.score'
  | 'result.coefficient'
  | 'result.month'
  | 'result.year';

export type BonusLabels = Readonly<Record<BonusLabelKey, string>>;

/** 系数 = 1 + (1.2 − 1) × (85 − 80) ÷ (90 − 80) = 1.1, or the end point the score is beyond. */
export function coefficientFormula(
  score: number,
  reading: CoefficientReading,
  maxCoefficient: number | undefined,
  l: BonusLabels,
): string {
  const c = formatCoefficient;
  const s = reading.step;
  let text: string;
  if (s.kind === 'between') {
    text = fill(l['formula.between'], {
      lo: exact(s.lo.coefficient),
      hi: exact(s.hi.coefficient),
      score: exact(score),
      loScore: exact(s.lo.score),
      hiScore: exact(s.hi.score),
      coefficient: c(bonusCoefficient(score, [s.lo, s.hi])),
    });
  } else {
    text = fill(l[s.kind === 'below' ? 'formula.below' : 'formula.above'], {
      score: exact(score),
      pointScore: exact(s.point.score),
      coefficient: c(roundCoefficient(s.point.coefficient)),
    });
  }
  if (reading.capped && maxCoefficient !== undefined)
    text += fill(l['formula.capped'], { max: c(reading.coefficient) });
  return text;
}

/** 月度 / 年度绩效奖金 = base [× months] × coefficient = amount. */
export function bonusFormulas(
  r: BonusResult,
  baseMonths: number,
  l: BonusLabels,
): { month: string; year: string } | null {
  if (!r.month || !r.year || r.baseFen === null) return null;
  const values = {
    base: formatYuan(r.baseFen),
    months: exact(baseMonths),
    coefficient: formatCoefficient(r.month.coefficient),
  };
  return {
    month: fill(l['formula.month'], { ...values, amount: formatYuan(r.month.bonusFen) }),
    year: fill(l['formula.year'], { ...values, amount: formatYuan(r.year.bonusFen) }),
  };
}
