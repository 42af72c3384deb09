import { describe, expect, test } from 'vitest';
import { baseFromSalary, bonusCoefficient, estimateBonus } from '../../../src/core/bonus';
import { fen } from '../../../src/core/money';
import type { CurvePoint } from '../../../src/core/policy-types';
import { shippedPolicies } from '../helpers/policy-fixtures';

const curve: CurvePoint[] = [
  { score: 0, coefficient: 0 },
  { score: 60, coefficient: 0.6 },
  { score: 80, coefficient: 1.0 },
  { score: 90, coefficient: 1.2 },
  { score: 100, coefficient: 1.5 },
  { score: 120, coefficient: 1.8 },
];

describe('bonusCoefficient', () => {
  test.each([
    [0, undefined, 0], // the first point
    [30, undefined, 0.3], // halfway along 0→60
    [60, undefined, 0.6], // on a point
    [70, undefined, 0.8], // halfway along 60→80
    [85, undefined, 1.1], // halfway along 80→90
    [95, undefined, 1.35], // halfway along 90→100
    [110, undefined, 1.65], // halfway along 100→120
    [120, undefined, 1.8], // the last point
    [150, undefined, 1.8], // beyond the last point: clamped
    [-10, undefined, 0], // below the first point: clamped
    [Number.NaN, undefined, 0], // NaN reads as 0
    [110, 1.6, 1.6], // an optional ceiling applies
    [90, 1.6, 1.2], // …only above it
    [110, -1, 0], // a negative ceiling reads as 0
  ])('score %d (max %o) → %d', (score, max, expected) => {
    expect(bonusCoefficient(score, curve, max)).toBeCloseTo(expected, 12);
  });

  test.each([
    [[], 50, 0], // empty curve
    [[{ score: 50, coefficient: 0.7 }], 10, 0.7], // one point: flat
    [[{ score: 100, coefficient: 1 }, { score: 0, coefficient: 0 }], 25, 0.25], // unsorted points are sorted
    [[{ score: 60, coefficient: 0.5 }, { score: 100, coefficient: 1 }], 40, 0.5], // below a first point above 0
  ] as const)('curve %j at %d → %d', (c, score, expected) => {
    expect(bonusCoefficient(score, c)).toBeCloseTo(expected, 12);
  });
});

describe('baseFromSalary', () => {
  test.each([
    [800_000, 20, 160_000], // 8,000 元 × 20% = 1,600 元
    [333_333, 15, 50_000], // 49,999.95 分 rounds half up
    [1, 50, 1], // half a 分 rounds up exactly
    [800_000, 0, 0], // no ratio
    [800_000, -5, 0], // a negative ratio reads as 0
    [800_000, Number.NaN, 0], // a NaN ratio reads as 0
  ])('salary %d 分 × %d%% → %d 分', (salary, ratio, expected) => {
    expect(baseFromSalary(fen(salary), ratio)).toBe(expected);
  });
});

describe('estimateBonus', () => {
  test.each([
    // a month at 90: 1,000 元 × 1.2
    [{ baseFen: 100_000, score: 90, period: { kind: 'month' } }, { coefficient: 1.2, months: 1, bonusFen: 120_000 }],
    // a year at 95: 1,000 元 × 2 months × 1.35
    [{ baseFen: 100_000, score: 95, period: { kind: 'year', baseMonths: 2 } }, { coefficient: 1.35, months: 2, bonusFen: 270_000 }],
    // rounding to the 分: 333.33 元 × 0.3 = 99.999 元
    [{ baseFen: 33_333, score: 30, period: { kind: 'month' } }, { coefficient: 0.3, months: 1, bonusFen: 10_000 }],
    // a score of 0 pays nothing
    [{ baseFen: 100_000, score: 0, period: { kind: 'month' } }, { coefficient: 0, months: 1, bonusFen: 0 }],
    // a broken month count reads as 0, never a negative amount
    [{ baseFen: 100_000, score: 90, period: { kind: 'year', baseMonths: -2 } }, { coefficient: 1.2, months: 0, bonusFen: 0 }],
    // NaN score reads as 0
    [{ baseFen: 100_000, score: Number.NaN, period: { kind: 'month' } }, { coefficient: 0, months: 1, bonusFen: 0 }],
  ] as const)('%o → %o', (input, expected) => {
    const r = estimateBonus({ ...input, baseFen: fen(input.baseFen), curve });
    expect(r.coefficient).toBeCloseTo(expected.coefficient, 12);
    expect(r.months).toBe(expected.months);
    expect(r.bonusFen).toBe(expected.bonusFen);
  });

  test('an amount past the safe range is refused, not rounded', () => {
    expect(() =>
      estimateBonus({ baseFen: fen(Number.MAX_SAFE_INTEGER), score: 120, curve, period: { kind: 'year', baseMonths: 12 } }),
    ).toThrow(RangeError);
  });

  test('the shipped settings: a month at 80 pays the base; a year at 100 pays 2 × 1.5 bases', () => {
    const { bonus } = shippedPolicies();
    const base = { baseFen: fen(150_000), curve: bonus.curve, maxCoefficient: bonus.maxCoefficient };
    expect(estimateBonus({ ...base, score: 80, period: { kind: 'month' } }).bonusFen).toBe(150_000);
    expect(
      estimateBonus({ ...base, score: 100, period: { kind: 'year', baseMonths: bonus.annual.baseMonths } }).bonusFen,
    ).toBe(450_000);
  });
});
