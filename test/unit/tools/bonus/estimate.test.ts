import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { estimateBonus } from '../../../../src/core/bonus';
import { bonusEstimateResult, readBonusInputs, readCoefficient, savedReviewScores } from '../../../../src/tools/bonus/logic/derive';
import { bonusFormulas, bonusText, coefficientFormula, formatCoefficient } from '../../../../src/tools/bonus/logic/export';
import { emptyBonusState, type BonusState } from '../../../../src/tools/bonus/logic/state';
import type { AppraisalPolicy, BonusPolicy } from '../../../../src/core/policy-types';
import { maxAppraisalScore } from '../../../../src/tools/self-review/logic/derive';
import { emptyReview } from '../../../../src/tools/self-review/logic/state';
import { strings } from '../../../../src/tools/bonus/ui/strings';
import { shippedPolicies } from '../../helpers/policy-fixtures';

const { bonus, appraisal } = shippedPolicies() as { bonus: BonusPolicy; appraisal: AppraisalPolicy };
const MAX = maxAppraisalScore(appraisal);
const state = (patch: Partial<BonusState>): BonusState => ({ ...emptyBonusState(bonus), ...patch });

describe('readCoefficient', () => {
  const curve = [
    { score: 60, coefficient: 0.6 },
    { score: 80, coefficient: 1 },
    { score: 100, coefficient: 1.5 },
  ];
  test.each([
    [50, { kind: 'below', point: curve[0] }, 0.6], // below the first point: its coefficient
    [60, { kind: 'below', point: curve[0] }, 0.6],
    [70, { kind: 'between', lo: curve[0], hi: curve[1] }, 0.8],
    [80, { kind: 'between', lo: curve[1], hi: curve[2] }, 1],
    [100, { kind: 'above', point: curve[2] }, 1.5],
    [130, { kind: 'above', point: curve[2] }, 1.5],
  ] as const)('score %d', (score, step, coefficient) => {
    const r = readCoefficient(score, [...curve].reverse(), undefined)!;
    expect(r.step).toEqual(step);
    expect(r.coefficient).toBeCloseTo(coefficient, 10);
    expect(r.capped).toBe(false);
  });

  test('maxCoefficient lowers the value and says so', () => {
    const r = readCoefficient(90, curve, 1.1)!;
    expect(r).toMatchObject({ coefficient: 1.1, capped: true });
    expect(coefficientFormula(90, r, 1.1, strings)).toBe('1 + (1.5 − 1) × (90 − 80) ÷ (100 − 80) = 1.25，但系数最高 1.1，取 1.1');
  });

  test.each([
    [40, '得分 40 不高于 60 分，系数取 0.6'],
    [130, '得分 130 不低于 100 分，系数取 1.5'],
  ])('the formula at the ends of the curve (score %d)', (score, text) => {
    expect(coefficientFormula(score, readCoefficient(score, curve)!, undefined, strings)).toBe(text);
  });

  test('an empty curve gives no reading', () => expect(readCoefficient(80, [])).toBeNull());
});

describe('readBonusInputs', () => {
  test('direct base and typed score, as people type them', () => {
    const r = readBonusInputs(state({ base: '¥2,000元' }), '８５', MAX);
    expect(r).toEqual({ baseFen: 200000, salaryFen: null, ratio: null, score: 85, errors: {} });
  });

  test('月薪 × 比例, the ratio prefilled from the parameters', () => {
    const s = state({ baseMode: 'salary', salary: '10,000' });
    expect(s.ratio).toBe(String(bonus.monthly.salaryRatioPercent));
    const r = readBonusInputs(s, '90', MAX);
    expect(r.salaryFen).toBe(1000000);
    expect(r.ratio).toBe(bonus.monthly.salaryRatioPercent);
    expect(r.baseFen).toBe((1000000 * bonus.monthly.salaryRatioPercent) / 100);
  });

  test.each([
    ['base', state({ base: 'abc' }), '80', '请输入数字'],
    ['base', state({ base: '-100' }), '80', '金额不能为负数'],
    ['base', state({ base: '100000000000' }), '80', '金额不能超过 100 亿元'],
    ['base', state({ base: '12.345' }), '80', '金额最多两位小数（到分）'],
    ['salary', state({ baseMode: 'salary', salary: '1e5' }), '80', '请直接写出数字，不要用科学计数法'],
    ['ratio', state({ baseMode: 'salary', salary: '8000', ratio: '120%' }), '80', '百分比应在 0–100 之间'],
    ['score', state({ base: '2000' }), '200', `得分应在 0–${MAX} 之间`],
    ['score', state({ base: '2000' }), '-1', '不能为负数'],
    ['score', state({ base: '2000' }), '八十', '请输入数字'],
  ])('%s refused: %o %s', (field, s, score, message) => {
    const r = readBonusInputs(s, score, MAX);
    expect(r.errors[field]).toBe(message);
  });

  test('empty fields are not errors', () => {
    expect(readBonusInputs(state({}), '', MAX)).toEqual({ baseFen: null, salaryFen: null, ratio: null, score: null, errors: {} });
  });
});

describe('bonusEstimateResult', () => {
  test('month and year as estimateBonus computes them, with the formulas', () => {
    const r = bonusEstimateResult(readBonusInputs(state({ base: '2000' }), '85', MAX), bonus);
    const common = { baseFen: r.baseFen!, score: 85, curve: bonus.curve, maxCoefficient: bonus.maxCoefficient };
    expect(r.month).toEqual(estimateBonus({ ...common, period: { kind: 'month' } }));
    expect(r.year).toEqual(estimateBonus({ ...common, period: { kind: 'year', baseMonths: bonus.annual.baseMonths } }));
    const f = bonusFormulas(r, bonus.annual.baseMonths, strings)!;
    expect(f.month).toBe(`¥2,000.00 × ${formatCoefficient(r.month!.coefficient)} = ¥${(r.month!.bonusFen / 100).toLocaleString('en-US', { minimumFractionDigits: 2 })}`);
    expect(f.year).toContain(`× ${bonus.annual.baseMonths} ×`);
  });

  test('a score without a base gives the coefficient only', () => {
    const r = bonusEstimateResult(readBonusInputs(state({}), '85', MAX), bonus);
    expect(r.reading).not.toBeNull();
    expect(r.month).toBeNull();
    expect(bonusFormulas(r, 2, strings)).toBeNull();
  });

  test('an amount past exact arithmetic is reported, not thrown', () => {
    const huge = { ...bonus, annual: { baseMonths: 1e6 } };
    const r = bonusEstimateResult(readBonusInputs(state({ base: '10000000000' }), '100', MAX), huge);
    expect(r).toMatchObject({ overflow: true, month: null, year: null });
  });

  test('a higher score never lowers either estimate', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e9 }), fc.double({ min: 0, max: MAX, noNaN: true }), fc.double({ min: 0, max: MAX, noNaN: true }), (fen, a, b) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        const est = (score: number) => bonusEstimateResult({ baseFen: fen as never, salaryFen: null, ratio: null, score, errors: {} }, bonus);
        expect(est(hi).month!.bonusFen).toBeGreaterThanOrEqual(est(lo).month!.bonusFen);
        expect(est(hi).year!.bonusFen).toBeGreaterThanOrEqual(est(lo).year!.bonusFen);
      }),
    );
  });
});

describe('savedReviewScores', () => {
  test('scores the saved reviews, newest period first; unknown groups left out', () => {
    const march = emptyReview(appraisal, 'promotion', '2026-03');
    const year = { ...emptyReview(appraisal, 'crm', '2026'), months: Array(12).fill('85'), review: '90' };
    const year25 = emptyReview(appraisal, 'crm', '2025');
    const gone = emptyReview(appraisal, 'gone', '2026-04');
    const list = savedReviewScores(
      [
        { key: 'promotion-2026-03', state: march },
        { key: 'crm-2025', state: year25 },
        { key: 'crm-2026', state: year },
        { key: 'gone-2026-04', state: gone },
      ],
      appraisal,
    );
    expect(list.map((r) => r.key)).toEqual(['crm-2026', 'promotion-2026-03', 'crm-2025']);
    expect(list[0]).toMatchObject({ groupName: '客户关系管理组', complete: true, grade: expect.any(String) });
    expect(list[1]).toMatchObject({ score: 0, complete: false });
    expect(list[2]).toMatchObject({ score: null, grade: null });
  });
});

describe('bonusText', () => {
  test('base from salary, score with its source, the estimate and the note', () => {
    const r = bonusEstimateResult(readBonusInputs(state({ baseMode: 'salary', salary: '10000' }), '85', MAX), bonus);
    const text = bonusText(r, { sourceLabel: '取自 市场推广组 2026年3月 绩效自评', baseMonths: bonus.annual.baseMonths, maxCoefficient: bonus.maxCoefficient }, strings);
    expect(text.startsWith('绩效奖金估算\n\n【奖金基数】')).toBe(true);
    expect(text).toContain('按月薪 ¥10,000.00 × 20% 估算');
    expect(text).toContain('取自 市场推广组 2026年3月 绩效自评');
    expect(text).toMatch(/月度绩效奖金\s*：¥2,000\.00 × /);
    expect(text).toContain('以上为估算');
  });

  test('nothing filled', () => {
    const r = bonusEstimateResult(readBonusInputs(state({}), '', MAX), bonus);
    const text = bonusText(r, { sourceLabel: '', baseMonths: 2 }, strings);
    expect(text).toMatch(/月度奖金基数\s*：未填/);
    expect(text).toMatch(/年度绩效奖金\s*：未填/);
    expect(text).not.toContain('奖金系数');
  });
});
