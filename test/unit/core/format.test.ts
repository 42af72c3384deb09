import fc from 'fast-check';
import { describe, expect, it, test } from 'vitest';
import { curveChart } from '../../../src/tools/bonus/logic/chart';
import {
  describeScoring,
  fileNamePart,
  formatClock,
  formatExact,
  formatKpiValue,
  formatNumber,
} from '../../../src/core/format';

describe('formatKpiValue', () => {
  it.each([
    ['percent', 10, '10%'],
    ['percent', 12.345, '12.35%'],
    ['rating', 4, '4 分'],
    ['count', 100000, '100,000'],
    ['money', 3000, '¥3,000.00'],
    // a negative money value is shown as zero rather than crashing the page
    ['money', -5, '¥0.00'],
  ] as const)('%s %d → %s', (unit, value, text) => {
    expect(formatKpiValue(unit, value)).toBe(text);
  });

  it('never prints NaN', () => {
    expect(formatNumber(Number.NaN)).toBe('—');
    expect(formatNumber(Number.POSITIVE_INFINITY)).toBe('—');
  });
});

describe('describeScoring', () => {
  it('states the formula by direction and the cap', () => {
    expect(describeScoring({ direction: 'higher', scoring: { rule: 'ratio', cap: 120 } })).toBe(
      '实际 ÷ 目标 × 100，最高 120 分',
    );
    expect(describeScoring({ direction: 'lower', scoring: { rule: 'ratio', cap: 100 } })).toBe(
      '目标 ÷ 实际 × 100，最高 100 分',
    );
  });
});

describe('curveChart', () => {
  const curve = [
    { score: 100, coefficient: 1.5 },
    { score: 0, coefficient: 0 },
    { score: 60, coefficient: 0.6 },
  ];
  const chart = curveChart(curve, { width: 320, height: 180, padding: 20 });

  it('draws the points in score order inside the box', () => {
    expect(chart.path).toBe('M20 160 L188 104 L300 20');
    expect(chart.maxScore).toBe(100);
    expect(chart.maxCoefficient).toBe(1.5);
  });

  it('clamps points outside the curve to the edges', () => {
    expect(chart.at(150, 3)).toEqual({ x: 300, y: 20 });
    expect(chart.at(-5, -1)).toEqual({ x: 20, y: 160 });
  });

  it('ticks start at 0 and reach the maximum', () => {
    expect(chart.scoreTicks[0]).toBe(0);
    expect(chart.scoreTicks.at(-1)).toBe(100);
    expect(chart.coefficientTicks.at(-1)).toBeGreaterThanOrEqual(1.5);
  });
});

describe('formatExact', () => {
  test.each([
    [1.005, '1.005'], // not 1.01: the formula shown must reproduce the result
    [85.123456, '85.123456'],
    [12345.6, '12,345.6'],
    [0.1 + 0.2, '0.30000000000000004'], // every digit the number has
    [1e-7, '0.0000001'],
    [Number.NaN, '—'],
  ])('%d → %s', (n, text) => expect(formatExact(n)).toBe(text));

  test('reads back as the same number', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1e12, noNaN: true }), (n) => {
        expect(Number(formatExact(n).replace(/,/g, ''))).toBe(n);
      }),
    );
  });
});

describe('fileNamePart', () => {
  it.each([
    ['暑期 招生/推广', '暑期_招生_推广'],
    ['  a:b*c?"d"<e>|f\\g  ', 'a_b_c_d_e_f_g'],
    ['张三', '张三'],
  ])('%s → %s', (input, want) => {
    expect(fileNamePart(input)).toBe(want);
  });
  it('cuts to the limit', () => {
    expect(fileNamePart('一'.repeat(100), 40)).toHaveLength(40);
  });
});

describe('formatClock', () => {
  it('gives hours, minutes and seconds on a 24-hour clock', () => {
    expect(formatClock('2026-03-04T15:06:07.000Z')).toMatch(/^\d{2}:06:07$/);
  });
});

// formatNumber formats without Intl (building an Intl.NumberFormat was the costliest step of a tool's
// first render on a slow phone); it must read exactly as Intl's en-US format does.
describe('formatNumber reads as Intl.NumberFormat en-US', () => {
  const intl = (n: number, digits: number) =>
    new Intl.NumberFormat('en-US', { maximumFractionDigits: digits, useGrouping: true }).format(n);
  it.each([
    [1.005, 2],
    [2.675, 2],
    [0.125, 2],
    [-0, 2],
    [-0.001, 2],
    [0.5, 0],
    [2.5, 0],
    [-2.5, 0],
    [9.995, 2],
    [999999.5, 0],
    [1e21, 0],
    [1.5e-7, 10],
    [123456789.98765432, 20],
    [5e-324, 20],
    [Number.MAX_VALUE, 0],
  ])('%s with at most %s decimals', (n, digits) => {
    expect(formatNumber(n, digits)).toBe(intl(n, digits));
  });
  test('any finite number, 0 to 20 decimals', () => {
    fc.assert(
      fc.property(
        fc.double({ noNaN: true, noDefaultInfinity: true }),
        fc.integer({ min: 0, max: 20 }),
        (n, d) => {
          expect(formatNumber(n, d)).toBe(intl(n, d));
        },
      ),
      { numRuns: 2000 },
    );
  });
  test('numbers a form shows (money, scores, percents)', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e9, max: 1e9 }), fc.integer({ min: 0, max: 4 }), (k, scale) => {
        const n = k / 10 ** scale;
        expect(formatNumber(n)).toBe(intl(n, 2));
        expect(formatExact(n)).toBe(intl(n, 20));
      }),
      { numRuns: 2000 },
    );
  });
});
