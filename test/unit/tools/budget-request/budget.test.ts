import { describe, expect, test } from 'vitest';
import { approvalChain, budgetPosition, expectedReturn, lineAmountFen, requestTotalFen } from '../../../../src/tools/budget-request/logic/budget';
import { fen } from '../../../../src/core/money';
import { shippedPolicies } from '../../helpers/policy-fixtures';

describe('lineAmountFen', () => {
  test.each([
    [3, 1999, 5997], // 3 × 19.99 元
    [2.5, 333, 833], // 832.5 分 rounds half up
    [0.5, 1, 1], // half a 分 rounds up, exactly (not 0 by binary error)
    [0, 5000, 0], // zero quantity
  ])('%d × %d 分 → %d 分', (quantity, price, amount) => {
    expect(lineAmountFen({ quantity, unitPriceFen: fen(price) })).toBe(amount);
  });

  test.each([
    [-2, 5000], // negative quantity
    [Number.NaN, 5000], // NaN quantity
    [Number.POSITIVE_INFINITY, 100], // Infinity
    [3.263759760826822e-129 * 1e129, 2 ** 52], // a product past 2^53 分
  ])('%d × %d 分 is refused (validate with parseDecimal first)', (quantity, price) => {
    expect(() => lineAmountFen({ quantity, unitPriceFen: fen(price) })).toThrow(RangeError);
  });
});

test('requestTotalFen sums the rounded lines, so the total matches the printed lines', () => {
  const lines = [
    { quantity: 2.5, unitPriceFen: fen(333) }, // 833
    { quantity: 2.5, unitPriceFen: fen(333) }, // 833 (not 1665 from 1665.0)
    { quantity: 1, unitPriceFen: fen(100_000) },
  ];
  expect(requestTotalFen(lines)).toBe(101_666);
  expect(requestTotalFen([])).toBe(0);
});

describe('budgetPosition', () => {
  test.each([
    // plenty left
    [{ annualFen: 30_000_000, usedFen: 10_000_000, requestFen: 5_000_000 }, { availableFen: 20_000_000, remainingFen: 15_000_000, overBudget: false, overByFen: 0 }],
    // exactly using up the budget is not over (六（一）2)
    [{ annualFen: 30_000_000, usedFen: 25_000_000, requestFen: 5_000_000 }, { availableFen: 5_000_000, remainingFen: 0, overBudget: false, overByFen: 0 }],
    // one 分 over
    [{ annualFen: 30_000_000, usedFen: 25_000_000, requestFen: 5_000_001 }, { availableFen: 5_000_000, remainingFen: 0, overBudget: true, overByFen: 1 }],
    // already overspent before this request
    [{ annualFen: 100, usedFen: 300, requestFen: 50 }, { availableFen: 0, remainingFen: 0, overBudget: true, overByFen: 250 }],
    // a category with no budget: any request is over
    [{ annualFen: 0, usedFen: 0, requestFen: 1 }, { availableFen: 0, remainingFen: 0, overBudget: true, overByFen: 1 }],
  ])('%o → %o', (input, expected) => {
    const p = budgetPosition({ annualFen: fen(input.annualFen), usedFen: fen(input.usedFen), requestFen: fen(input.requestFen) });
    expect(p).toEqual(expected);
  });
});

describe('approvalChain (shipped steps: 0 / 5,000 / 50,000 元)', () => {
  const steps = shippedPolicies().budget.approvalSteps;
  test.each([
    [0, ['市场经理']], // an empty request still goes to the first approver
    [1, ['市场经理']], // 1 分
    [500_000, ['市场经理']], // exactly 5,000 元: not above the threshold
    [500_001, ['市场经理', '财务部']], // 5,000.01 元
    [5_000_000, ['市场经理', '财务部']], // exactly 50,000 元
    [5_000_001, ['市场经理', '财务部', '总经理']], // above 50,000 元
  ])('%d 分 → %o', (total, approvers) => {
    expect(approvalChain(fen(total), steps).map((s) => s.approver)).toEqual(approvers);
  });

  test('steps in any order', () => {
    expect(approvalChain(fen(600_000), [...steps].reverse()).map((s) => s.id)).toEqual(['manager', 'finance']);
  });

  test('thresholds with 角 and 分 compare exactly: 0.29 元 is 29 分, not 28.999…', () => {
    const odd = [
      { id: 'a', approver: 'A', aboveYuan: 0 },
      { id: 'b', approver: 'B', aboveYuan: 0.29 },
    ];
    expect(approvalChain(fen(29), odd).map((s) => s.id)).toEqual(['a']);
    expect(approvalChain(fen(30), odd).map((s) => s.id)).toEqual(['a', 'b']);
  });

  test('no steps → no approvers', () => {
    expect(approvalChain(fen(100), [])).toEqual([]);
  });
});

describe('expectedReturn', () => {
  test.each([
    // 500 people, 50 sign up at 2,000 元, cost 50,000 元 → revenue 100,000 元, ROI 100%
    [{ participants: 500, conversions: 50, pricePerCustomerFen: 200_000, costFen: 5_000_000 }, { conversionRatePercent: 10, revenueFen: 10_000_000, roiPercent: 100 }],
    // a loss: ROI −50%
    [{ participants: 100, conversions: 5, pricePerCustomerFen: 100_000, costFen: 1_000_000 }, { conversionRatePercent: 5, revenueFen: 500_000, roiPercent: -50 }],
    // no cost: ROI undefined, not Infinity
    [{ participants: 10, conversions: 1, pricePerCustomerFen: 100, costFen: 0 }, { conversionRatePercent: 10, revenueFen: 100, roiPercent: null }],
    // no participants: no conversion rate, not NaN
    [{ participants: 0, conversions: 0, pricePerCustomerFen: 100, costFen: 100 }, { conversionRatePercent: null, revenueFen: 0, roiPercent: -100 }],
    // broken counts read as 0
    [{ participants: Number.NaN, conversions: -3, pricePerCustomerFen: 100_000, costFen: 100 }, { conversionRatePercent: null, revenueFen: 0, roiPercent: -100 }],
  ])('%o → %o', (input, expected) => {
    const r = expectedReturn({ ...input, pricePerCustomerFen: fen(input.pricePerCustomerFen), costFen: fen(input.costFen) });
    expect(r).toEqual(expected);
  });

  test('revenue past the safe range is refused, not rounded', () => {
    expect(() =>
      expectedReturn({ participants: 1e9, conversions: 1e9, pricePerCustomerFen: fen(1e12), costFen: fen(100) }),
    ).toThrow(RangeError);
  });
});
