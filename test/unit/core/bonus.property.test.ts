import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { bonusCoefficient, estimateBonus, roundCoefficient } from '../../../src/core/bonus';
import { MAX_FEN, fen } from '../../../src/core/money';
import type { CurvePoint } from '../../../src/core/policy-types';

/** Any curve the schema accepts: scores strictly ascending, coefficients never decreasing, ≥ 0. */
const validCurve = fc
  .uniqueArray(fc.double({ min: 0, max: 200, noNaN: true }), { minLength: 2, maxLength: 8 })
  .chain((scores) =>
    fc.array(fc.double({ min: 0, max: 3, noNaN: true }), { minLength: scores.length, maxLength: scores.length }).map((cs) => {
      const sortedScores = [...scores].sort((a, b) => a - b);
      const sortedCs = [...cs].sort((a, b) => a - b);
      return sortedScores.map((score, i): CurvePoint => ({ score, coefficient: sortedCs[i]! }));
    }),
  );
const score = fc.oneof(fc.double({ min: -50, max: 250, noNaN: true }), fc.constantFrom(0, 60, 80, 90, 100, 120));
const maxCoefficient = fc.option(fc.double({ min: 0, max: 3, noNaN: true }), { nil: undefined });

describe('四（三）1：得分越高奖金越高', () => {
  test('the coefficient never falls as the score rises, for any valid curve', () => {
    fc.assert(
      fc.property(validCurve, maxCoefficient, score, score, (curve, max, x, y) => {
        const [lo, hi] = x <= y ? [x, y] : [y, x];
        expect(bonusCoefficient(hi, curve, max)).toBeGreaterThanOrEqual(bonusCoefficient(lo, curve, max));
      }),
    );
  });

  test('the bonus never falls as the score rises, month or year', () => {
    fc.assert(
      fc.property(
        validCurve,
        maxCoefficient,
        fc.integer({ min: 0, max: MAX_FEN / 100 }).map(fen), // bases up to 1 亿元
        fc.constantFrom({ kind: 'month' as const }, { kind: 'year' as const, baseMonths: 2 }, { kind: 'year' as const, baseMonths: 12 }),
        score,
        score,
        (curve, max, baseFen, period, x, y) => {
          const [lo, hi] = x <= y ? [x, y] : [y, x];
          const low = estimateBonus({ baseFen, score: lo, curve, maxCoefficient: max, period });
          const high = estimateBonus({ baseFen, score: hi, curve, maxCoefficient: max, period });
          expect(high.bonusFen).toBeGreaterThanOrEqual(low.bonusFen);
          expect(Number.isInteger(low.bonusFen) && low.bonusFen >= 0).toBe(true);
        },
      ),
    );
  });

  test('the coefficient stays between the first and last points and passes through every point', () => {
    fc.assert(
      fc.property(validCurve, score, (curve, s) => {
        // Coefficients are kept to four decimals (roundCoefficient), which is monotone.
        const c = bonusCoefficient(s, curve);
        expect(c).toBeGreaterThanOrEqual(roundCoefficient(curve[0]!.coefficient));
        expect(c).toBeLessThanOrEqual(roundCoefficient(curve.at(-1)!.coefficient));
        for (const p of curve) expect(bonusCoefficient(p.score, curve)).toBe(roundCoefficient(p.coefficient));
      }),
    );
  });
});
