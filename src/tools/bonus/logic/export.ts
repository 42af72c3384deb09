/**
 * The 绩效奖金估算 as text for 微信 / 钉钉 (loaded on first copy). The formulas it shares with the
 * page are in ./formula. The words come from the page's zh-CN strings.
 */
import type { BonusResult } from './derive';
import { formatExact, formatNumber } from '../../../core/format';
import { formatYuan } from '../../../core/money';
import { toPlainText, type TextLine } from '../../../core/text-export';
import { fill } from '../../../core/template';
import { bonusFormulas, coefficientFormula, type BonusLabels } from './formula';

export {
  bonusFormulas,
  coefficientFormula,
  formatCoefficient,
  type BonusLabelKey,
  type BonusLabels,
} from './formula';

const exact = formatExact;

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
  const score: TextLine[] = [[l['field.score'], r.score === null ? l['text.notFilled'] : exact(r.score)]];
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
