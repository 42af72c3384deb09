import { describe, expect, test } from 'vitest';
import { csvText, parseCsv, toCsv, type CsvCell } from '../../../src/core/csv';

const BOM = '\uFEFF';

describe('toCsv', () => {
  test('starts with a BOM and ends every row with CRLF', () => {
    expect(
      toCsv([
        ['项目', '金额'],
        ['物料', 1200.5],
      ]),
    ).toBe(`${BOM}项目,金额\r\n物料,1200.5\r\n`);
  });

  test('no rows → only the BOM', () => {
    expect(toCsv([])).toBe(BOM);
  });

  test.each<[CsvCell, string]>([
    ['plain', 'plain'], // nothing to do
    ['中文，全角逗号', '中文，全角逗号'], // a full-width comma is no separator
    ['a,b', '"a,b"'], // comma → quoted
    ['say "hi"', '"say ""hi"""'], // quotes doubled inside quotes
    ['line1\nline2', '"line1\nline2"'], // newline → quoted
    ['line1\r\nline2', '"line1\r\nline2"'], // CRLF → quoted
    ['', ''], // empty cell
    ['=SUM(A1:A2)', "'=SUM(A1:A2)"], // formula neutralized
    ['+1', "'+1"], // plus
    ['-1', "'-1"], // a minus in text is neutralized; pass a number to keep a number
    ['@cmd', "'@cmd"], // at sign
    ['\tx', "'\tx"], // tab
    ['\rx', `"'\rx"`], // CR: neutralized and quoted
    ['=1,2', `"'=1,2"`], // neutralized, then quoted, quote mark inside the quotes
    ['＝1+1', "'＝1+1"], // full-width equals, which WPS also evaluates
    ['a=b', 'a=b'], // = later in the text is harmless
    [' =1', ' =1'], // leading space: Excel treats it as text
    [-5, '-5'], // a negative number stays a number
    [0, '0'], // zero
    [-0, '0'], // negative zero prints as 0
    [1234.5, '1234.5'], // decimals as they are
    [Number.NaN, ''], // NaN never reaches the file
    [Number.POSITIVE_INFINITY, ''], // nor Infinity
    [csvText('1.0'), '"=""1.0"""'], // 制度版本: text, or a spreadsheet makes it the number 1
    [csvText('0012e456'), '"=""0012e456"""'], // a fingerprint: no lost zeros, no exponent
    [csvText('3f2a-91c0'), '"=""3f2a-91c0"""'], // a short fingerprint
    [csvText('=1+1'), '"=""=1+1"""'], // inside the text constant a formula is only text
    [csvText('say "hi"'), '"=""say """"hi"""""""'], // quotes doubled for the formula, then for CSV
    [csvText(''), ''], // nothing to keep
    [csvText('a\nb'), '"a\nb"'], // a control character cannot go in a formula: plain text
    [csvText('-a\tb'), "'-a\tb"], // …and plain text is still neutralized
    [csvText('1'.repeat(256)), '1'.repeat(256)], // past Excel's 255-character text constant: plain
  ])('cell %j → %j', (cell, expected) => {
    expect(toCsv([[cell]])).toBe(`${BOM}${expected}\r\n`);
  });
});

describe('parseCsv', () => {
  test.each<[string, string[][]]>([
    [
      `${BOM}a,b\r\nc,d\r\n`,
      [
        ['a', 'b'],
        ['c', 'd'],
      ],
    ], // BOM skipped, CRLF
    [
      'a,b\nc,d',
      [
        ['a', 'b'],
        ['c', 'd'],
      ],
    ], // LF and no final newline
    ['"a,b","say ""hi"""\r\n', [['a,b', 'say "hi"']]], // quoting
    ['"line1\r\nline2",x\r\n', [['line1\r\nline2', 'x']]], // newline inside quotes
    ['a,,b\r\n', [['a', '', 'b']]], // empty middle cell
    ['a,\r\n', [['a', '']]], // empty last cell
    ['ab"c,d\r\n', [['ab"c', 'd']]], // a stray quote inside an unquoted field stays text
    ['', []], // nothing
    ['\r\n', [['']]], // one empty row
    ['a\r\rb', [['a'], [''], ['b']]], // bare CRs end rows too
  ])('%j', (text, rows) => {
    expect(parseCsv(text)).toEqual(rows);
  });

  test('reads back what toCsv wrote', () => {
    const rows: CsvCell[][] = [
      ['描述', '数量', '单价', '金额'],
      ['海报, A3', 2.5, 'say "hi"', -12],
      ['多行\n说明', 0, '', '=HYPERLINK("x")'],
    ];
    expect(parseCsv(toCsv(rows))).toEqual([
      ['描述', '数量', '单价', '金额'],
      ['海报, A3', '2.5', 'say "hi"', '-12'],
      ['多行\n说明', '0', '', `'=HYPERLINK("x")`],
    ]);
  });
});
