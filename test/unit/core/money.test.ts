import { describe, expect, test } from 'vitest';
import {
  MAX_FEN,
  MAX_YUAN,
  addFen,
  fen,
  formatYuan,
  formatYuanPlain,
  isFen,
  mulFen,
  sumFen,
  yuanToFen,
  type Fen,
} from '../../../src/core/money';

describe('fen / isFen', () => {
  test.each([
    [0, true], // zero is an amount
    [1, true], // one 分
    [MAX_FEN, true], // the top of the input range
    [Number.MAX_SAFE_INTEGER, true], // sums may go past MAX_FEN while still exact
    [-1, false], // no negative amounts
    [1.5, false], // half a 分 does not exist
    [Number.NaN, false], // NaN is never money
    [Number.POSITIVE_INFINITY, false], // nor Infinity
    [Number.MAX_SAFE_INTEGER + 1, false], // beyond exact integers
  ])('%d → valid %s', (n, valid) => {
    expect(isFen(n)).toBe(valid);
    if (valid) expect(fen(n)).toBe(n);
    else expect(() => fen(n)).toThrow(RangeError);
  });

  test('isFen refuses non-numbers', () => {
    expect(isFen('100')).toBe(false);
    expect(isFen(null)).toBe(false);
  });

  test('-0 becomes 0', () => {
    expect(Object.is(fen(-0), 0)).toBe(true);
  });

  test('MAX_FEN is 10¹⁰ 元 in 分', () => {
    expect(MAX_YUAN).toBe(1e10);
    expect(MAX_FEN).toBe(1e12);
  });
});

describe('yuanToFen', () => {
  test.each([
    [300000, 30000000], // a budget line from a data file
    [0.1, 10], // binary 0.1 still gives 10 分
    [1.15, 115], // 1.15 * 100 = 114.99999… in floating point
    [4.35, 435], // 4.35 * 100 = 434.99999…
    [1.005, 101], // half a 分 rounds up
    [1.004, 100], // below half rounds down
    [0, 0], // zero
    [1e13, 1e15], // past MAX_YUAN but still exact: data files may hold totals
  ])('%d 元 → %d 分', (yuan, expected) => {
    expect(yuanToFen(yuan)).toBe(expected);
  });

  test('1e21 元 (printed in exponent form) is too large to be exact and throws', () => {
    expect(() => yuanToFen(1e21)).toThrow(RangeError);
  });

  test('1e-7 元 (exponent form) rounds to 0 分', () => {
    expect(yuanToFen(1e-7)).toBe(0);
  });

  test.each([[-1], [Number.NaN], [Number.POSITIVE_INFINITY]])('%d 元 is refused', (yuan) => {
    expect(() => yuanToFen(yuan)).toThrow(RangeError);
  });
});

describe('addFen / sumFen', () => {
  test('adds', () => {
    expect(addFen(fen(150), fen(250))).toBe(400);
  });
  test.each([
    [[], 0], // nothing → 0
    [[100], 100], // one line
    [[1, 2, 3, 4], 10], // several lines
  ])('sum of %j → %d', (amounts, expected) => {
    expect(sumFen(amounts.map(fen))).toBe(expected);
  });
  test('a sum that is no longer exact throws instead of losing a 分', () => {
    expect(() => addFen(fen(Number.MAX_SAFE_INTEGER), fen(1))).toThrow(RangeError);
  });
});

describe('mulFen', () => {
  test.each([
    [1000, 3, 3000], // whole quantity
    [1999, 2.5, 4998], // 4997.5 → half up
    [1, 0.5, 1], // 0.5 分 → 1 分
    [1, 0.49, 0], // below half → 0
    [3, 0.15, 0], // 0.45 → 0
    [10, 4.35, 44], // 43.5 exactly, although 4.35 is not exact in binary
    [333, 1 / 3, 111], // 0.3333333333333333 × 333 = 110.99999… → 111
    [100, 0, 0], // zero quantity
    [0, 12.5, 0], // free item
    [100, 1e-7, 0], // tiny quantity printed in exponent form
  ])('%d 分 × %d → %d 分', (price, quantity, expected) => {
    expect(mulFen(fen(price), quantity)).toBe(expected);
  });

  test.each([
    [100, -1], // negative quantity
    [100, Number.NaN], // NaN quantity
    [100, Number.POSITIVE_INFINITY], // infinite quantity
    [-100, 1], // not a Fen
    [Number.MAX_SAFE_INTEGER, 2], // result no longer exact
  ])('%d × %d throws RangeError', (price, quantity) => {
    expect(() => mulFen(price as Fen, quantity)).toThrow(RangeError);
  });
});

describe('formatYuan / formatYuanPlain', () => {
  test.each([
    [0, '¥0.00', '0.00'], // zero
    [5, '¥0.05', '0.05'], // 分 only
    [50, '¥0.50', '0.50'], // 角 only
    [123450, '¥1,234.50', '1234.50'], // separators only in the display form
    [100000000, '¥1,000,000.00', '1000000.00'], // a million
    [MAX_FEN, '¥10,000,000,000.00', '10000000000.00'], // the top of the input range
    [-1200, '-¥12.00', '-12.00'], // a negative difference still reads sensibly
  ])('%d 分 → %s / %s', (amount, display, plain) => {
    expect(formatYuan(amount as Fen)).toBe(display);
    expect(formatYuanPlain(amount as Fen)).toBe(plain);
  });

  test('NaN is refused, never printed', () => {
    expect(() => formatYuan(Number.NaN as Fen)).toThrow(RangeError);
  });
});
