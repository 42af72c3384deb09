import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { approvalChain, budgetPosition, lineAmountFen } from '../../../../src/tools/budget-request/logic/budget';
import { fen as toFen, MAX_FEN, yuanToFen } from '../../../../src/core/money';
import { dayNumberToIso } from '../../../../src/core/calendar-date';
import { addDays, daysBetween } from '../../../../src/tools/onboarding/logic/schedule';

/** Any amount an input accepts: 0 … 100 亿元. */
const fen = fc.integer({ min: 0, max: MAX_FEN }).map(toFen);

describe('budget invariants', () => {
  test('元 with two decimals round-trips to the same 分', () => {
    fc.assert(
      fc.property(fen, (f) => {
        expect(yuanToFen(f / 100)).toBe(f);
      }),
    );
  });

  test('a line amount is a whole number of 分 within half a 分 of quantity × price', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1000, noNaN: true }), fc.integer({ min: 0, max: 1e9 }).map(toFen), (q, p) => {
        const a = lineAmountFen({ quantity: q, unitPriceFen: p });
        expect(Number.isSafeInteger(a) && a >= 0).toBe(true);
        expect(Math.abs(a - q * p)).toBeLessThanOrEqual(0.5 + 1e-9 * q * p);
      }),
    );
  });

  test('remaining − over = annual − used − request; over budget exactly when something is over', () => {
    fc.assert(
      fc.property(fen, fen, fen, (annualFen, usedFen, requestFen) => {
        const p = budgetPosition({ annualFen, usedFen, requestFen });
        expect(p.remainingFen - p.overByFen).toBe(annualFen - usedFen - requestFen);
        expect(p.overBudget).toBe(p.overByFen > 0);
        expect(p.remainingFen).toBeGreaterThanOrEqual(0);
      }),
    );
  });

  test('a larger amount never needs fewer approvers (the chain only grows)', () => {
    const steps = fc
      .uniqueArray(fc.integer({ min: 1, max: 1_000_000 }), { maxLength: 5 })
      .map((above) => [0, ...above].map((a, i) => ({ id: `s${i}`, approver: `A${i}`, aboveYuan: a })));
    fc.assert(
      fc.property(steps, fen, fen, (s, x, y) => {
        const [lo, hi] = x <= y ? [x, y] : [y, x];
        const small = approvalChain(lo, s).map((a) => a.id);
        const large = approvalChain(hi, s).map((a) => a.id);
        expect(large.slice(0, small.length)).toEqual(small);
        expect(small.length).toBeGreaterThanOrEqual(1);
      }),
    );
  });
});

describe('onboarding date math', () => {
  const day = fc.integer({ min: -20_000, max: 2_900_000 }).map(dayNumberToIso);
  test('adding n days then counting gives n back, across any month, year or DST change', () => {
    fc.assert(
      fc.property(day, fc.integer({ min: 0, max: 365 }), (start, n) => {
        const due = addDays(start, n);
        fc.pre(due !== null);
        expect(daysBetween(start, due)).toBe(n);
        expect(addDays(due, -n)).toBe(start);
      }),
    );
  });
});
