import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { csvText, parseCsv, toCsv } from '../../../src/core/csv';

const FORMULA_START = /^[=+\-@\t\r＝＋－＠]/;

// Text biased towards the characters that matter to CSV and to Excel formulas.
const text = fc.oneof(
  fc.string(),
  fc.string({ unit: fc.constantFrom(...'=+-@\t\r\n",;a1 中＝'.split('')), maxLength: 12 }),
);
const cell: fc.Arbitrary<string | number> = fc.oneof(text, fc.double(), fc.integer());
const rows = fc.array(fc.array(cell, { minLength: 1, maxLength: 6 }), { maxLength: 8 });

describe('toCsv', () => {
  test('no text cell of the parsed output starts with a formula character', () => {
    fc.assert(
      fc.property(rows, (input) => {
        const parsed = parseCsv(toCsv(input));
        input.forEach((row, r) =>
          row.forEach((value, c) => {
            const out = parsed[r]?.[c];
            expect(out).toBeDefined();
            // Only a finite number may print as "-5": Excel reads that as a number, not a formula.
            if (typeof value === 'string') expect(out).not.toMatch(FORMULA_START);
          }),
        );
      }),
      { numRuns: 1000 },
    );
  });

  test('round trip: same shape, same text (after the neutralizing quote), numbers as printed', () => {
    fc.assert(
      fc.property(rows, (input) => {
        const expected = input.map((row) =>
          row.map((value) => {
            if (typeof value === 'number') return Number.isFinite(value) ? String(value + 0) : '';
            return FORMULA_START.test(value) ? `'${value}` : value;
          }),
        );
        expect(parseCsv(toCsv(input))).toEqual(expected);
      }),
      { numRuns: 1000 },
    );
  });

  test('the file is BOM + CRLF-terminated rows', () => {
    fc.assert(
      fc.property(rows, (input) => {
        const csv = toCsv(input);
        expect(csv.startsWith('\uFEFF')).toBe(true);
        if (input.length > 0) expect(csv.endsWith('\r\n')).toBe(true);
      }),
    );
  });
});

describe('csvText', () => {
  test('a printable text comes back as one text constant ="…" holding exactly that text', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom(...'=+-@",;a1 .0e中＝\''.split('')), minLength: 1, maxLength: 40 }),
        (value) => {
          const out = parseCsv(toCsv([[csvText(value)]]))[0]?.[0] ?? '';
          // Nothing but one text constant: no function, no reference can run.
          expect(out).toMatch(/^="(?:[^"]|"")*"$/);
          expect(out.slice(2, -1).replace(/""/g, '"')).toBe(value);
        },
      ),
      { numRuns: 1000 },
    );
  });

  test('any other text is written as ordinary, neutralized text', () => {
    fc.assert(
      fc.property(text, (value) => {
        fc.pre(value === '' || value.length > 255 || /[\u0000-\u001f\u007f]/.test(value));
        expect(toCsv([[csvText(value)]])).toBe(toCsv([[value]]));
      }),
    );
  });
});
