/**
 * The 怎么算的 lines must reproduce the result they show, at any input precision
 * (a score of 1.005 once showed "(1.01 − 0) ÷ 60 = 0.01 … ¥2,000.00 × 0.01 = ¥20.10").
 * These tests read the numbers back out of the shown text and recompute.
 */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { roundCoefficient } from '../../../../src/core/bonus';
import { mulFen, yuanToFen } from '../../../../src/core/money';
import type { AppraisalPolicy, BonusPolicy } from '../../../../src/core/policy-types';
import { bonusEstimateResult, readBonusInputs } from '../../../../src/tools/bonus/logic/derive';
import { bonusFormulas, coefficientFormula } from '../../../../src/tools/bonus/logic/export';
import { emptyBonusState } from '../../../../src/tools/bonus/logic/state';
import { maxAppraisalScore } from '../../../../src/tools/self-review/logic/derive';
import { strings } from '../../../../src/tools/bonus/ui/strings';
import { shippedPolicies } from '../../helpers/policy-fixtures';

const { bonus, appraisal } = shippedPolicies() as { bonus: BonusPolicy; appraisal: AppraisalPolicy };
const MAX = maxAppraisalScore(appraisal);

const num = (text: string) => Number(text.replace(/[¥,]/g, ''));
const NUMBER = '(¥?[\\d,]+(?:\\.\\d+)?)';

function shown(scoreText: string, baseText: string, policy: BonusPolicy = bonus) {
  const inputs = readBonusInputs({ ...emptyBonusState(policy), base: baseText }, scoreText, MAX);
  const r = bonusEstimateResult(inputs, policy);
  const coefficient = coefficientFormula(r.score!, r.reading!, policy.maxCoefficient, strings);
  const amounts = bonusFormulas(r, policy.annual.baseMonths, strings)!;
  return { r, coefficient, ...amounts };
}

/** Reads the numbers of one shown line and checks that they give its result. */
function recompute(line: { coefficient: string; month: string; year: string }): void {
  const between = new RegExp(
    `^${NUMBER} \\+ \\(${NUMBER} − ${NUMBER}\\) × \\(${NUMBER} − ${NUMBER}\\) ÷ \\(${NUMBER} − ${NUMBER}\\) = ${NUMBER}`,
  ).exec(line.coefficient);
  let c: number;
  if (between) {
    const [lo, hi, , score, loScore, hiScore, , result] = between.slice(1).map(num) as number[];
    const t = (score! - loScore!) / (hiScore! - loScore!);
    expect(roundCoefficient(lo! + (hi! - lo!) * t)).toBe(result);
    c = result!;
    const capped = /取 ([\d.]+)$/.exec(line.coefficient);
    if (capped) c = num(capped[1]!);
  } else {
    c = num(/系数取 ([\d.]+)/.exec(line.coefficient)![1]!);
  }
  const month = new RegExp(`^${NUMBER} × ${NUMBER} = ${NUMBER}$`).exec(line.month)!;
  const [base, mc, amount] = month.slice(1).map(num) as number[];
  expect(mc).toBe(c);
  expect(mulFen(yuanToFen(base!), mc!)).toBe(yuanToFen(amount!));
  const year = new RegExp(`^${NUMBER} × ${NUMBER} × ${NUMBER} = ${NUMBER}$`).exec(line.year)!;
  const [ybase, months, yc, yamount] = year.slice(1).map(num) as number[];
  expect(yc).toBe(c);
  expect(mulFen(yuanToFen(ybase!), months! * yc!)).toBe(yuanToFen(yamount!));
}

describe('the bonus formulas reproduce what they show', () => {
  test('the reported case: score 1.005, base ¥2,000', () => {
    const s = shown('1.005', '2000');
    expect(s.coefficient).toBe('0 + (0.6 − 0) × (1.005 − 0) ÷ (60 − 0) = 0.0101');
    expect(s.month).toBe('¥2,000.00 × 0.0101 = ¥20.20');
    recompute(s);
  });

  test.each([
    ['85', '2000'], // inside a segment
    ['85.123456', '12,345.67'], // many decimals
    ['0.0001', '1'],
    ['59.99999', '99999.99'],
    ['110', '2000'], // near the top of the scale
    ['0', '2000'], // at the first point
  ])('score %s, base %s', (score, base) => recompute(shown(score, base)));

  test('with a ceiling below the curve (capped)', () => {
    const policy = { ...bonus, maxCoefficient: 1.3333333 };
    const s = shown('110', '3000', policy);
    expect(s.coefficient).toMatch(/最高 1\.3333，取 1\.3333$/);
    recompute(s);
  });

  test('for any score typed at any precision and any base', () => {
    const scoreText = fc
      .tuple(fc.integer({ min: 0, max: Math.floor(MAX) - 1 }), fc.integer({ min: 0, max: 8 }), fc.nat())
      .map(([whole, digits, frac]) => (digits === 0 ? String(whole) : `${whole}.${String(frac % 10 ** digits).padStart(digits, '0')}`));
    const baseFen = fc.integer({ min: 1, max: 100_000_000 });
    fc.assert(
      fc.property(scoreText, baseFen, (score, fenAmount) => {
        const base = (fenAmount / 100).toFixed(2);
        recompute(shown(score, base));
      }),
      { numRuns: 400 },
    );
  });
});

