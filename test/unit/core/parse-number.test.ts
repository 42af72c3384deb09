import { describe, expect, test } from 'vitest';
import {
  MESSAGES,
  parseCount,
  parseDecimal,
  parseMoney,
  parsePercent,
  parseRating,
  type DecimalOptions,
} from '../../../src/core/parse-number';

describe('parseDecimal: what people type', () => {
  test.each([
    ['12', 12], // plain
    ['  12.5  ', 12.5], // surrounding spaces
    ['１２．５', 12.5], // full-width digits and point from a Chinese IME
    ['12。5', 12.5], // 。 typed for "." in Chinese punctuation mode
    ['1,200', 1200], // thousands separator
    ['1，200', 1200], // full-width comma as thousands separator
    ['1 200', 1200], // space as thousands separator
    ['1\u3000200', 1200], // ideographic space as thousands separator
    ['12,345,678.9', 12345678.9], // several groups and a fraction
    ['3,5', 3.5], // decimal comma: one digit after cannot be thousands
    ['3,50', 3.5], // decimal comma: two digits
    ['1,20', 1.2], // decimal comma, though a typo for 1,200 is possible: two digits cannot be thousands
    ['1234,5678', 1234.5678], // decimal comma: four digits
    ['1 200,5', 1200.5], // space thousands with a decimal comma
    ['3,500', 3500], // exactly three digits after the comma: thousands, not 3.5
    ['.5', 0.5], // no leading zero
    ['5.', 5], // trailing point while typing
    ['007', 7], // leading zeros
    ['+5', 5], // explicit plus
    ['＋5', 5], // full-width plus
    ['-0', 0], // negative zero is zero, not refused
    ['0.1', 0.1], // binary-inexact decimals are fine
  ])('%j → %d', (text, expected) => {
    const result = parseDecimal(text);
    expect(result).toEqual({ ok: true, value: expected });
  });

  test('-0 comes back as +0', () => {
    const result = parseDecimal('-0');
    expect(result.ok && Object.is(result.value, 0)).toBe(true);
  });

  test.each([
    ['', 'empty'], // nothing typed
    ['   ', 'empty'], // only spaces
    ['\u3000', 'empty'], // only an ideographic space
    ['abc', 'not-a-number'], // letters
    ['12abc', 'not-a-number'], // trailing letters
    ['NaN', 'not-a-number'], // JavaScript's NaN literal
    ['Infinity', 'not-a-number'], // nor Infinity
    ['0x10', 'not-a-number'], // hex
    ['一百', 'not-a-number'], // Chinese numerals are not read
    ['-', 'not-a-number'], // sign alone
    ['.', 'not-a-number'], // point alone
    [',', 'not-a-number'], // separator alone
    ['--5', 'not-a-number'], // two signs
    ['¥5', 'not-a-number'], // currency only in money fields
    ['5%', 'not-a-number'], // percent only in percent fields
    ['1e5', 'exponent'], // exponent notation
    ['1.5E-3', 'exponent'], // exponent with sign
    ['1..2', 'multiple-dots'], // two points
    ['1.2.3', 'multiple-dots'], // version-like
  ])('%j → %s', (text, code) => {
    expect(parseDecimal(text)).toMatchObject({ ok: false, code });
  });

  test.each([
    ['12,34,567'], // Indian grouping is not thousands grouping
    ['1,2345,678'], // a four-digit group
    ['0,500'], // a group cannot start with 0
    ['1234,567'], // first group longer than three with a three-digit tail
    ['1,200,5'], // two commas with a decimal tail
    ['1.200,5'], // European style: commas after the point
    ['1  200'], // two spaces
    ['1 2'], // a space that is no separator
    [',5'], // decimal comma without an integer part
  ])('%j → separator error', (text) => {
    expect(parseDecimal(text)).toEqual({ ok: false, code: 'separator', error: MESSAGES.separator });
  });

  test('a number too long to represent is refused, not Infinity', () => {
    expect(parseDecimal('9'.repeat(400))).toEqual({
      ok: false,
      code: 'out-of-range',
      error: MESSAGES.tooLarge,
    });
  });

  test('non-string input reads as empty rather than throwing', () => {
    expect(parseDecimal(undefined as unknown as string)).toMatchObject({ ok: false, code: 'empty' });
  });
});

describe('parseDecimal: options', () => {
  test.each<
    [string, DecimalOptions, { ok: true; value: number } | { ok: false; code: string; error: string }]
  >([
    ['-5', {}, { ok: false, code: 'negative', error: '不能为负数' }], // negatives refused by default
    ['-5', { allowNegative: true }, { ok: true, value: -5 }], // …unless allowed
    ['－1,200.5', { allowNegative: true }, { ok: true, value: -1200.5 }], // full-width minus
    ['3.5', { integer: true }, { ok: false, code: 'not-integer', error: '请输入整数' }], // fraction refused
    ['3.0', { integer: true }, { ok: true, value: 3 }], // .0 is still an integer
    ['3.14', { maxDecimals: 1 }, { ok: false, code: 'too-many-decimals', error: '最多 1 位小数' }], // too precise
    ['3.10', { maxDecimals: 1 }, { ok: true, value: 3.1 }], // trailing zero does not count
    ['3.1', { maxDecimals: 0 }, { ok: false, code: 'not-integer', error: '请输入整数' }], // 0 decimals = integer
    ['5', { min: 1, max: 5 }, { ok: true, value: 5 }], // bounds are inclusive
    ['6', { min: 1, max: 5 }, { ok: false, code: 'out-of-range', error: '应在 1–5 之间' }], // above
    ['0', { min: 1, max: 5 }, { ok: false, code: 'out-of-range', error: '应在 1–5 之间' }], // below
    ['0', { min: 1 }, { ok: false, code: 'out-of-range', error: '不能小于 1' }], // min only
    ['9', { max: 8 }, { ok: false, code: 'out-of-range', error: '不能大于 8' }], // max only
    ['-3', { allowNegative: true, min: -2 }, { ok: false, code: 'out-of-range', error: '不能小于 -2' }], // negative min
  ])('%j with %j', (text, opts, expected) => {
    expect(parseDecimal(text, opts)).toEqual(expected);
  });
});

describe('parseCount', () => {
  test.each([
    ['12', { ok: true, value: 12 }], // plain
    ['１,２００', { ok: true, value: 1200 }], // full-width with separator
    ['0', { ok: true, value: 0 }], // zero is a count
    ['2.5', { ok: false, code: 'not-integer', error: MESSAGES.count }], // no fractions of people
    ['-1', { ok: false, code: 'negative', error: MESSAGES.count }], // no negative counts
    ['99999999999999999999', { ok: false, code: 'out-of-range', error: MESSAGES.tooLarge }], // past exact integers
    ['', { ok: false, code: 'empty', error: MESSAGES.empty }], // not filled
    ['abc', { ok: false, code: 'not-a-number', error: MESSAGES.notANumber }], // letters
  ])('%j', (text, expected) => {
    expect(parseCount(text)).toEqual(expected);
  });

  test('an explicit max keeps the range message', () => {
    expect(parseCount('11', { max: 10 })).toEqual({
      ok: false,
      code: 'out-of-range',
      error: '应在 0–10 之间',
    });
  });
});

describe('parsePercent', () => {
  test.each([
    ['12.5', { ok: true, value: 12.5 }], // bare number
    ['12.5%', { ok: true, value: 12.5 }], // with %
    ['１２．５％', { ok: true, value: 12.5 }], // full-width with ％
    ['100 %', { ok: true, value: 100 }], // space before %
    ['0%', { ok: true, value: 0 }], // lower bound
    ['100.1', { ok: false, code: 'out-of-range', error: MESSAGES.percent }], // above 100
    ['-1%', { ok: false, code: 'out-of-range', error: MESSAGES.percent }], // below 0
    ['%', { ok: false, code: 'not-a-number', error: MESSAGES.notANumber }], // sign only
    ['12%%', { ok: false, code: 'not-a-number', error: MESSAGES.notANumber }], // two signs
    ['', { ok: false, code: 'empty', error: MESSAGES.empty }], // not filled
    ['1..2%', { ok: false, code: 'multiple-dots', error: MESSAGES.multipleDots }], // other errors pass through
  ])('%j', (text, expected) => {
    expect(parsePercent(text)).toEqual(expected);
  });
});

describe('parseRating', () => {
  test.each([
    ['1', { ok: true, value: 1 }], // lowest
    ['５', { ok: true, value: 5 }], // highest, full-width
    ['0', { ok: false, code: 'out-of-range', error: MESSAGES.rating }], // below
    ['6', { ok: false, code: 'out-of-range', error: MESSAGES.rating }], // above
    ['3.5', { ok: false, code: 'not-integer', error: MESSAGES.rating }], // half stars do not exist
    ['-2', { ok: false, code: 'negative', error: MESSAGES.rating }], // negative
    ['', { ok: false, code: 'empty', error: MESSAGES.empty }], // not rated yet
    ['好', { ok: false, code: 'not-a-number', error: MESSAGES.notANumber }], // a word
  ])('%j', (text, expected) => {
    expect(parseRating(text)).toEqual(expected);
  });
});

describe('parseMoney', () => {
  test.each([
    ['1200', 120000], // plain 元
    ['¥1,200.50', 120050], // symbol and separator
    ['￥1,200.5', 120050], // full-width yuan sign
    ['1200元', 120000], // 元 suffix
    ['¥ 1 200 元', 120000], // both, with spaces
    ['１２００．０５', 120005], // full-width
    ['0.29', 29], // 0.29 * 100 = 28.999… in floating point; built from digits instead
    ['3.500', 350], // trailing zero beyond 分 is harmless
    ['3,5', 350], // decimal comma
    ['3,505', 350500], // three digits after a comma: thousands
    ['10000000000', 1e12], // the upper bound, 100 亿元
    ['-0', 0], // negative zero
    ['0', 0], // zero
  ])('%j → %d 分', (text, expected) => {
    expect(parseMoney(text)).toEqual({ ok: true, value: expected });
  });

  test.each([
    ['3.505', 'too-many-decimals', MESSAGES.moneyDecimals], // below 分
    ['0.001', 'too-many-decimals', MESSAGES.moneyDecimals], // a tenth of a 分
    ['-5', 'negative', MESSAGES.moneyNegative], // negative
    ['¥-5', 'negative', MESSAGES.moneyNegative], // sign after the symbol
    ['-¥5', 'negative', MESSAGES.moneyNegative], // sign before the symbol
    ['10000000000.01', 'out-of-range', MESSAGES.moneyTooLarge], // one 分 over 100 亿元
    ['9'.repeat(400), 'out-of-range', MESSAGES.moneyTooLarge], // absurdly long
    ['¥', 'not-a-number', MESSAGES.notANumber], // symbol alone
    ['元', 'not-a-number', MESSAGES.notANumber], // unit alone
    ['5美元', 'not-a-number', MESSAGES.notANumber], // another currency
    ['', 'empty', MESSAGES.empty], // not filled
    ['1e3', 'exponent', MESSAGES.exponent], // exponent
  ])('%j → %s', (text, code, error) => {
    expect(parseMoney(text)).toEqual({ ok: false, code, error });
  });
});

describe('万 and 亿: the units people write large numbers in', () => {
  test.each([
    ['12万', 120000], // plain
    ['1.5万', 15000], // a fraction of 万, exact
    ['0.0001万', 1], // the smallest whole number in 万
    ['0.00001万', 0.1], // smaller still
    ['１．２万', 12000], // full-width
    ['12 万', 120000], // a space before the unit
    ['1,200万', 12000000], // separators and 万
  ])('parseDecimal %j → %d', (text, expected) => {
    expect(parseDecimal(text)).toEqual({ ok: true, value: expected });
  });

  test.each([
    ['12万', 120000], // 品牌曝光度 as people write it
    ['1.5万', 15000],
  ])('parseCount %j → %d', (text, expected) => {
    expect(parseCount(text)).toEqual({ ok: true, value: expected });
  });

  test.each([
    ['12万', 120000_00], // 12万 元 = 120000 元
    ['12万元', 120000_00], // with 元
    ['¥1.2万', 12000_00], // with ¥
    ['￥1.2 万元', 12000_00], // full-width ¥, space and 元
    ['0.000001万', 1], // 0.01 元: one 分
    ['1.2亿', 120000000_00], // 亿 on money
    ['100亿元', 10000000000_00], // the upper bound
  ])('parseMoney %j → %d 分', (text, expected) => {
    expect(parseMoney(text)).toEqual({ ok: true, value: expected });
  });

  test.each([
    ['parseCount', '1.00005万', 'not-integer'], // 10000.5 people
    ['parseCount', '1亿', 'not-a-number'], // 亿 only on money
    ['parsePercent', '5万%', 'not-a-number'], // a percentage takes no 万
    ['parsePercent', '5万', 'not-a-number'],
    ['parseMoney', '0.0000001万', 'too-many-decimals'], // below a 分
    ['parseMoney', '100.01亿', 'out-of-range'], // over 100 亿元
    ['parseMoney', '万', 'not-a-number'], // the unit alone
    ['parseMoney', '12万万', 'not-a-number'], // twice
    ['parseMoney', '万12', 'not-a-number'], // before the digits
  ] as const)('%s %j → %s', (name, text, code) => {
    const parse = { parseCount, parsePercent, parseMoney }[name];
    expect(parse(text)).toMatchObject({ ok: false, code });
  });
});
