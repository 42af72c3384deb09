import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { MAX_FEN, formatYuan, formatYuanPlain, isFen } from '../../../src/core/money';
import {
  parseCount,
  parseDecimal,
  parseMoney,
  parsePercent,
  parseRating,
  type DecimalOptions,
} from '../../../src/core/parse-number';

// Strings built from the characters people actually type into number fields, plus noise.
const typed = fc.oneof(
  fc.string(),
  fc.string({
    unit: fc.constantFrom(...'0123456789０１２３４５６７８９.,，．。 -－+%％¥￥元万亿eE'.split('')),
    maxLength: 20,
  }),
);

const bounds: fc.Arbitrary<DecimalOptions> = fc
  .record({
    min: fc.option(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { nil: undefined }),
    max: fc.option(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { nil: undefined }),
    maxDecimals: fc.option(fc.integer({ min: 0, max: 6 }), { nil: undefined }),
    integer: fc.option(fc.boolean(), { nil: undefined }),
    allowNegative: fc.option(fc.boolean(), { nil: undefined }),
  })
  .map((o) => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as DecimalOptions);

describe('parsers never return NaN and respect their bounds', () => {
  test('parseDecimal', () => {
    fc.assert(
      fc.property(typed, bounds, (text, opts) => {
        const result = parseDecimal(text, opts);
        if (!result.ok) {
          expect(result.error.length).toBeGreaterThan(0);
          return;
        }
        expect(Number.isFinite(result.value)).toBe(true);
        if (opts.min !== undefined) expect(result.value).toBeGreaterThanOrEqual(opts.min);
        if (opts.max !== undefined) expect(result.value).toBeLessThanOrEqual(opts.max);
        if (!opts.allowNegative) expect(result.value).toBeGreaterThanOrEqual(0);
        if (opts.integer || opts.maxDecimals === 0) expect(Number.isInteger(result.value)).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  test('parseCount, parsePercent, parseRating, parseMoney', () => {
    fc.assert(
      fc.property(typed, (text) => {
        const count = parseCount(text);
        if (count.ok) expect(Number.isSafeInteger(count.value) && count.value >= 0).toBe(true);
        const percent = parsePercent(text);
        if (percent.ok) expect(percent.value >= 0 && percent.value <= 100).toBe(true);
        const rating = parseRating(text);
        if (rating.ok) expect([1, 2, 3, 4, 5]).toContain(rating.value);
        const money = parseMoney(text);
        if (money.ok) expect(isFen(money.value) && money.value <= MAX_FEN).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('round trips from numbers people would type', () => {
  test('a decimal printed plainly, with separators, or full-width parses back to itself', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1e9, noNaN: true }), (value) => {
        const plain = String(value);
        fc.pre(!plain.includes('e'));
        expect(parseDecimal(plain)).toEqual({ ok: true, value });
        const grouped = value.toLocaleString('en-US', { maximumFractionDigits: 20 });
        expect(parseDecimal(grouped)).toEqual({ ok: true, value: Number(grouped.replace(/,/g, '')) });
        const fullWidth = plain.replace(/[0-9]/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0));
        expect(parseDecimal(fullWidth)).toEqual({ ok: true, value });
      }),
    );
  });

  test('any Fen in range, formatted either way, parses back as money', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: MAX_FEN }), (amount) => {
        const fen = amount as Parameters<typeof formatYuan>[0];
        expect(parseMoney(formatYuan(fen))).toEqual({ ok: true, value: amount });
        expect(parseMoney(formatYuanPlain(fen))).toEqual({ ok: true, value: amount });
        expect(parseMoney(`${formatYuanPlain(fen)}元`)).toEqual({ ok: true, value: amount });
      }),
    );
  });
});

describe('万 and 亿 multiply exactly', () => {
  // A decimal as typed: whole digits and up to eight after the point, so the 万 / 亿 form is exact.
  const typedDecimal = fc
    .tuple(
      fc.integer({ min: 0, max: 99_999 }),
      fc.integer({ min: 0, max: 8 }),
      fc.integer({ min: 0, max: 99_999_999 }),
    )
    .map(([whole, places, frac]) => {
      const fraction = places === 0 ? '' : String(frac % 10 ** places).padStart(places, '0');
      return { text: fraction ? `${whole}.${fraction}` : String(whole), whole, fraction };
    });

  /** text × 10^power as the exact decimal string, computed with integers. */
  function timesPowerOfTen(whole: number, fraction: string, power: number): { units: bigint; scale: number } {
    const digits = BigInt(`${whole}${fraction}`) * 10n ** BigInt(power);
    return { units: digits, scale: fraction.length };
  }

  test('n万 reads as n × 10000 exactly where that is representable, with no float noise', () => {
    fc.assert(
      fc.property(typedDecimal, ({ text, whole, fraction }) => {
        const { units, scale } = timesPowerOfTen(whole, fraction, 4);
        // The exact product as a decimal string, e.g. 1.5 × 10⁴ → "15000".
        const exact =
          scale === 0
            ? String(units)
            : `${units / 10n ** BigInt(scale)}.${String(units % 10n ** BigInt(scale)).padStart(scale, '0')}`;
        expect(parseDecimal(`${text}万`)).toEqual({ ok: true, value: Number(exact) });
        expect(parseDecimal(`${text}万`)).toEqual(parseDecimal(exact));
      }),
      { numRuns: 1000 },
    );
  });

  test('money in 万 and 亿 is the same 分 as the amount written out', () => {
    fc.assert(
      fc.property(
        typedDecimal,
        fc.constantFrom(['万', 4], ['亿', 8]),
        fc.constantFrom('', '¥', '￥'),
        fc.constantFrom('', '元'),
        ({ text, whole, fraction }, [unit, power], prefix, suffix) => {
          const fenUnits = BigInt(`${whole}${fraction}`) * 10n ** BigInt(power + 2); // × 100 分
          const scale = 10n ** BigInt(fraction.length);
          const result = parseMoney(`${prefix}${text}${unit}${suffix}`);
          if (fenUnits % scale !== 0n) {
            expect(result).toMatchObject({ ok: false, code: 'too-many-decimals' });
          } else if (fenUnits / scale > BigInt(MAX_FEN)) {
            expect(result).toMatchObject({ ok: false, code: 'out-of-range' });
          } else {
            expect(result).toEqual({ ok: true, value: Number(fenUnits / scale) });
          }
        },
      ),
      { numRuns: 1000 },
    );
  });
});
