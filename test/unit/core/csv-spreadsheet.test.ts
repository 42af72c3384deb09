/**
 * What a spreadsheet makes of our CSV: the file is read by a spreadsheet engine nobody here
 * wrote, SheetJS (its CSV reader follows Excel: numbers become numbers, ="…" is a text constant).
 * SheetJS (`xlsx`, 0.18.5: the last release on npm) is a devDependency, used only here.
 */
import { createRequire } from 'node:module';
import { describe, expect, test } from 'vitest';
import { csvText, toCsv } from '../../../src/core/csv';

interface SheetCell {
  readonly t: string;
  readonly v: unknown;
  readonly f?: string;
}
interface SheetJs {
  read(
    data: Buffer,
    opts: { type: 'buffer' },
  ): { SheetNames: string[]; Sheets: Record<string, Record<string, SheetCell>> };
}

const sheetJs = createRequire(import.meta.url)('xlsx') as SheetJs;

/** The first row of `csv` as the spreadsheet holds it: [type, value] per cell. */
function openRow(xlsx: SheetJs, csv: string): [string, unknown, boolean][] {
  // The bytes a download holds, so the reader sees the BOM as Excel does.
  const book = xlsx.read(Buffer.from(csv, 'utf8'), { type: 'buffer' });
  const sheet = book.Sheets[book.SheetNames[0]!]!;
  return 'ABCDEFG'.split('').map((col) => {
    const cell = sheet[`${col}1`]!;
    return [cell.t, cell.v, cell.f !== undefined];
  });
}

describe('a spreadsheet opens the CSV', () => {
  test('text cells stay text: 制度版本 1.0, fingerprints with leading zeros, formulas not run', () => {
    const csv = toCsv([
      [
        csvText('1.0'),
        csvText('0012345678901234'),
        csvText('12e45678'),
        csvText('3f2a-91c0'),
        1200.5,
        '=HYPERLINK("x")',
        '中文',
      ],
    ]);
    expect(openRow(sheetJs, csv)).toEqual([
      ['s', '1.0', false],
      ['s', '0012345678901234', false],
      ['s', '12e45678', false],
      ['s', '3f2a-91c0', false],
      ['n', 1200.5, false], // a number stays a number
      ['s', `'=HYPERLINK("x")`, false], // neutralized, never a formula
      ['s', '中文', false],
    ]);
  });

  test('written as plain text, the same values would not survive (what csvText is for)', () => {
    const csv = toCsv([['1.0', '0012345678901234', '12e45678', '3f2a-91c0', 1200.5, '=1', '中文']]);
    const [version, digits] = openRow(sheetJs, csv);
    expect(version).toEqual(['n', 1, false]);
    expect(digits).toEqual(['n', 12345678901234, false]);
  });
});
