import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { fromChineseUppercase, toChineseUppercase } from '../../../src/core/chinese-uppercase';
import { MAX_FEN, type Fen } from '../../../src/core/money';

// Small amounts, round amounts (many zeros: where the 零 rules bite) and the whole range.
const amounts = fc.oneof(
  fc.integer({ min: 0, max: 100_000 }),
  fc
    .tuple(fc.integer({ min: 0, max: 9999 }), fc.integer({ min: 0, max: 10 }))
    .map(([n, zeros]) => Math.min(n * 10 ** zeros, MAX_FEN)),
  fc.integer({ min: 0, max: MAX_FEN }),
) as fc.Arbitrary<Fen>;

/**
 * Independent oracle: the classic "digit + place unit, then collapse the zeros" method, valid up
 * to 千亿 (our range ends at 100 亿元). The 亿零万 step covers an all-zero 万 block after 亿.
 */
function classicUppercase(amount: number): string {
  const digits = '零壹贰叁肆伍陆柒捌玖';
  const places = ['', '拾', '佰', '仟', '万', '拾', '佰', '仟', '亿', '拾', '佰', '仟'];
  const yuan = String(Math.floor(amount / 100));
  const [jiao, fen] = [Math.floor(amount / 10) % 10, amount % 10];
  let int = [...yuan].map((d, i) => `${digits.charAt(Number(d))}${places[yuan.length - 1 - i] ?? '?'}`).join('');
  int = int.replace(/零[拾佰仟]/g, '零').replace(/零+/g, '零');
  int = int.replace(/亿零万/g, '亿零').replace(/零([万亿])/g, '$1');
  int = int.replace(/零+/g, '零').replace(/零$/, '');
  if (amount === 0) return '人民币零元整';
  let out = '人民币' + (int === '' ? '' : `${int}元`);
  if (jiao > 0) out += `${digits.charAt(jiao)}角`;
  else if (int !== '' && fen > 0) out += '零';
  return out + (fen > 0 ? `${digits.charAt(fen)}分` : '整');
}

describe('大写金额', () => {
  test('agrees with the classic digit-and-unit method', () => {
    fc.assert(
      fc.property(amounts, (amount) => {
        expect(toChineseUppercase(amount)).toBe(classicUppercase(amount));
      }),
      { numRuns: 5000 },
    );
  });

  test('round-trips every amount in range', () => {
    fc.assert(
      fc.property(amounts, (amount) => {
        expect(fromChineseUppercase(toChineseUppercase(amount))).toEqual({ ok: true, value: amount });
      }),
      { numRuns: 5000 },
    );
  });

  test('follows the writing rules', () => {
    fc.assert(
      fc.property(amounts, (amount) => {
        const text = toChineseUppercase(amount);
        expect(text.startsWith('人民币')).toBe(true);
        // 整 exactly when there is no 分.
        expect(text.endsWith('整')).toBe(amount % 10 === 0);
        expect(text.endsWith('分')).toBe(amount % 10 !== 0);
        // A run of zeros is one 零, and 零 never ends a number or precedes a unit (but 零元整 for 0).
        if (amount !== 0) expect(text).not.toMatch(/零零|零[元万亿整角分拾佰仟]/);
        // Every 拾 carries its digit (壹拾, never a bare 拾).
        expect(text).not.toMatch(/(^|[^壹贰叁肆伍陆柒捌玖])拾/);
        // 零元 only for zero itself.
        if (amount !== 0) expect(text).not.toContain('零元');
      }),
      { numRuns: 5000 },
    );
  });

  test('distinct amounts never share a text', () => {
    fc.assert(
      fc.property(amounts, amounts, (a, b) => {
        fc.pre(a !== b);
        expect(toChineseUppercase(a)).not.toBe(toChineseUppercase(b));
      }),
    );
  });
});
