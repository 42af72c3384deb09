/**
 * Plain text for pasting into 微信 / 钉钉: no markdown or HTML (both show up as literal symbols
 * there), headings in 【】, label/value pairs aligned with full-width spaces and a full-width
 * colon so the values line up in a CJK font.
 */

export type TextLine = string | readonly [label: string, value: string];

export interface TextSection {
  /** Shown as 【heading】; omit for a section of loose lines. */
  readonly heading?: string;
  readonly lines: readonly TextLine[];
}

const IDEOGRAPHIC_SPACE = '\u3000';

// C0/C1 controls except \n, zero-width and bidi controls (the latter can reorder what a reader sees).
const INVISIBLE =
  /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/g;

/** Removes control characters; newlines are kept as \n only where a value may span lines. */
function clean(text: string, keepNewlines: boolean): string {
  const unified = text.replace(/\r\n?/g, '\n').replace(/\t/g, ' ').replace(INVISIBLE, '');
  const oneOrMore = keepNewlines ? unified : unified.replace(/\n+/g, ' ');
  return oneOrMore
    .split('\n')
    .map((line) => line.trimEnd())
    .join('\n')
    .trim();
}

/** Columns a character takes in a CJK font: 2 for wide/full-width, 1 otherwise. */
function charWidth(codePoint: number): number {
  const wide =
    (codePoint >= 0x1100 && codePoint <= 0x115f) ||
    (codePoint >= 0x2e80 && codePoint <= 0xa4cf) ||
    (codePoint >= 0xac00 && codePoint <= 0xd7a3) ||
    (codePoint >= 0xf900 && codePoint <= 0xfaff) ||
    (codePoint >= 0xfe30 && codePoint <= 0xfe4f) ||
    (codePoint >= 0xff00 && codePoint <= 0xff60) ||
    (codePoint >= 0xffe0 && codePoint <= 0xffe6) ||
    codePoint >= 0x1f300;
  return wide ? 2 : 1;
}

/** Display width of a string in half-width columns. */
export function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text) width += charWidth(ch.codePointAt(0) ?? 0);
  return width;
}

/** Blank of the given width: full-width spaces, plus one ASCII space for an odd column. */
function blank(width: number): string {
  return IDEOGRAPHIC_SPACE.repeat(Math.floor(width / 2)) + (width % 2 === 1 ? ' ' : '');
}

function renderSection(section: TextSection): string[] {
  const out: string[] = [];
  const heading = section.heading === undefined ? '' : clean(section.heading, false);
  if (heading !== '') out.push(`【${heading}】`);

  const labelWidth = Math.max(
    0,
    ...section.lines.map((line) => (typeof line === 'string' ? 0 : displayWidth(clean(line[0], false)))),
  );
  for (const line of section.lines) {
    if (typeof line === 'string') {
      out.push(...clean(line, true).split('\n'));
      continue;
    }
    const label = clean(line[0], false);
    const [first = '', ...rest] = clean(line[1], true).split('\n');
    out.push(`${label}${blank(labelWidth - displayWidth(label))}：${first}`);
    // Continuation lines of a long value start under the value, not under the label.
    for (const more of rest) out.push(more === '' ? '' : `${blank(labelWidth + 2)}${more}`);
  }
  return out;
}

/** Title, then each section separated by a blank line; lines joined with \n. */
export function toPlainText(title: string, sections: readonly TextSection[]): string {
  const blocks = [[clean(title, false)], ...sections.map(renderSection)].filter(
    (block) => block.length > 0 && block.some((line) => line !== ''),
  );
  return blocks.map((block) => block.join('\n')).join('\n\n');
}
