/**
 * The 绩效奖金估算 in words: the coefficient's formula with the numbers filled in (also shown on
 * the page) and the text for 微信 / 钉钉. The words come from the page's zh-CN strings.
 */
import { bonusCoefficient, roundCoefficient } from '../../../core/bonus';
import type { BonusResult, CoefficientReading } from './derive';
import { formatExact, formatNumber } from '../../../core/format';
import { formatYuan } from '../../../core/money';
import { toPlainText, type TextLine } from '../../../core/text-export';
import { fill } from '../../../core/template';

/**
 * Coefficients are shown with up to four decimals (1.1, 1.05, 0.6667): the estimate uses the
 * coefficient rounded so (core/bonus roundCoefficient), so what is shown is what was used.
 */
export const formatCoefficient = (c: number) => formatNumber(c, 4);

/**
 * Scores, curve points and months in a formula keep every digit typed (1.005, not 1.01), so the
 * numbers shown reproduce the result shown at any input precision (issue 11).
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

/** The estimate for pasting into 微信 / 钉钉. */
export function bonusText(
  r: BonusResult,
  extra: {
    readonly sourceLabel: string;
    readonly baseMonths: number;
    readonly maxCoefficient?: number | undefined;
  },
  l: BonusLabels,
): string {
  const base: TextLine[] = [
    [l['field.base'], r.baseFen === null ? l['text.notFilled'] : formatYuan(r.baseFen)],
  ];
  if (r.salaryFen !== null && r.ratio !== null) {
    base.push(
      fill(l['text.baseFromSalary'], { salary: formatYuan(r.salaryFen), ratio: formatNumber(r.ratio) }),
    );
  }
  const score: TextLine[] = [
    [l['field.score'], r.score === null ? l['text.notFilled'] : exact(r.score)],
  ];
  if (extra.sourceLabel.trim()) score.push(extra.sourceLabel);
  const estimate: TextLine[] = [];
  if (r.score !== null && r.reading) {
    estimate.push([l['result.coefficient'], coefficientFormula(r.score, r.reading, extra.maxCoefficient, l)]);
  }
  const formulas = bonusFormulas(r, extra.baseMonths, l);
  estimate.push(
    [l['result.month'], formulas?.month ?? l['text.notFilled']],
    [l['result.year'], formulas?.year ?? l['text.notFilled']],
  );
  return toPlainText(l['text.title'], [
    { heading: l['text.base'], lines: base },
    { heading: l['text.score'], lines: score },
    { heading: l['text.estimate'], lines: estimate },
    { lines: [l['text.note']] },
  ]);
}
