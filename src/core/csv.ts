/**
 * CSV that Excel opens correctly: UTF-8 BOM (else Excel reads Chinese as GBK), CRLF, RFC 4180
 * quoting, and text cells that Excel would run as a formula neutralized (OWASP "CSV injection").
 */

/**
 * A value that must stay text in a spreadsheet although it looks like a number: 制度版本 「1.0」
 * (else it opens as the number 1), a fingerprint made only of digits (else its leading zeros go,
 * and Excel keeps only 15 significant digits). Make one with `csvText`.
 */
export interface CsvText {
  readonly text: string;
}

export type CsvCell = string | number | CsvText;

/** Marks `text` to be written so that a spreadsheet keeps it as text (see `textToCsv`). */
export function csvText(text: string): CsvText {
  return { text };
}

/** Characters that make Excel/WPS treat a cell as a formula; full-width ones for WPS/IME input. */
const FORMULA_START = /^[=+\-@\t\r＝＋－＠]/;

/** Text cell safe to open: a leading formula character gets a `'`, which Excel shows as text. */
function neutralize(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

function quote(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Excel's limit for a text constant inside a formula. */
const FORMULA_TEXT_MAX = 255;

/**
 * Text kept as text: written as the formula ="1.0", the form Excel documents for a constant
 * and reads as the text 1.0 (SheetJS reads it the same way; LibreOffice too when it evaluates
 * formulas on import, and otherwise shows ="1.0" itself, still not a number). Considered and
 * refused: a leading ' (Excel's CSV import shows the apostrophe), a leading tab (an invisible
 * character in the value, dropped by "trim spaces", and `Number("\t1.0")` is 1 in readers that
 * trim). Safe although it is a formula: the value sits inside a string literal with its quotes
 * doubled, and only printable text up to Excel's literal limit goes this way; anything else is
 * written as ordinary (neutralized) text.
 */
function textToCsv(text: string): string {
  if (text === '' || text.length > FORMULA_TEXT_MAX || /[\u0000-\u001f\u007f]/.test(text)) {
    return quote(neutralize(text));
  }
  return quote(`="${text.replace(/"/g, '""')}"`);
}

function cellToCsv(cell: CsvCell): string {
  if (typeof cell === 'number') {
    // A number stays a number (−5 is not a formula); NaN/Infinity become an empty cell.
    return Number.isFinite(cell) ? String(cell + 0) : '';
  }
  if (typeof cell === 'object') return textToCsv(cell.text);
  return quote(neutralize(cell));
}

/** Rows → CSV text with BOM and CRLF after every row. */
export function toCsv(rows: readonly (readonly CsvCell[])[]): string {
  return '\uFEFF' + rows.map((row) => row.map(cellToCsv).join(',') + '\r\n').join('');
}

/**
 * RFC 4180 reader (BOM skipped, CRLF or LF), for importing a table back and for checking what
 * `toCsv` wrote. A quote inside an unquoted field is kept as text, as Excel does.
 */
export function parseCsv(text: string): string[][] {
  const src = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  let i = 0;
  while (i < src.length) {
    const ch = src[i] as string;
    if (quoted) {
      if (ch === '"' && src[i + 1] === '"') {
        field += '"';
        i += 2;
        continue;
      }
      if (ch === '"') quoted = false;
      else field += ch;
      i += 1;
      continue;
    }
    if (ch === '"' && field === '') {
      quoted = true;
    } else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\r' || ch === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      if (ch === '\r' && src[i + 1] === '\n') i += 1;
    } else {
      field += ch;
    }
    i += 1;
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}
