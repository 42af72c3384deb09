/**
 * Limited text. Each text field of a tool has a limit: the longest text its form, its print sheet
 * and its link are laid out for (a name 40, a comment 500, 用途说明 2,000). The limit is a rule the
 * reader is told about, never a cut: a field keeps everything typed or pasted, says beside itself how
 * much is over (the kit's Field), and the export bar names every field over its limit before
 * anything goes out (print, text, link, file). Saved state keeps the whole text, so nothing is lost
 * on a reload, up to MAX_KEPT_TEXT, which only bounds a tampered link or file.
 *
 * Characters are counted as the reader sees them (grapheme clusters: 😀 or 👨‍👩‍👧 is one, 字 is
 * one), not as UTF-16 units, which the browser's `maxlength` counts.
 *
 * A state schema declares a field's limit once, with `limitedText(limit)`; `overLimitFields` finds
 * the fields over their limit in any state by reading those declarations, so no tool lists them twice.
 */
import * as v from 'valibot';

/** The counter appears once the text reaches this share of its limit. */
export const NEAR_LIMIT_SHARE = 0.8;

/**
 * Longest text any limited field keeps, in UTF-16 units (what storage and links measure): 25 times
 * the longest limit, so a pasted document stays whole; beyond it the field keeps the start and says
 * so. It keeps a tampered link or file from growing without bound.
 */
export const MAX_KEPT_TEXT = 50_000;

/** Text that is one character per UTF-16 unit: printable ASCII, tab, newline, CJK and its punctuation. */
const ONE_UNIT_EACH = /^[\t\n\x20-\x7e\u3000-\u303f\u4e00-\u9fff\uff01-\uff5e\uffe0-\uffe6]*$/;

type Segmenter = { segment(text: string): Iterable<unknown> };
const Segmenter = (Intl as unknown as { Segmenter?: new (locale: string, o: object) => Segmenter }).Segmenter;
const graphemes: Segmenter | null = Segmenter ? new Segmenter('zh-CN', { granularity: 'grapheme' }) : null;

/**
 * Characters as the reader sees them: grapheme clusters where the runtime can segment text
 * (`Intl.Segmenter`, in every current browser), else code points.
 */
export function countChars(text: string): number {
  if (ONE_UNIT_EACH.test(text)) return text.length;
  if (!graphemes) return [...text].length;
  let n = 0;
  for (const _ of graphemes.segment(text)) n += 1;
  return n;
}

/** The first `max` characters (as counted by countChars). */
export function firstChars(text: string, max: number): string {
  if (ONE_UNIT_EACH.test(text)) return text.slice(0, max);
  if (!graphemes) return [...text].slice(0, max).join('');
  let out = '';
  let n = 0;
  for (const s of graphemes.segment(text) as Iterable<{ segment: string }>) {
    if (n === max) break;
    out += s.segment;
    n += 1;
  }
  return out;
}

/** Where a text stands against its limit. */
export interface LimitStatus {
  /** Characters, as counted by countChars. */
  readonly count: number;
  readonly limit: number;
  /** Characters over the limit; 0 when the text fits. */
  readonly over: number;
  /** At or past NEAR_LIMIT_SHARE of the limit: the counter shows. */
  readonly near: boolean;
}

export function limitStatus(text: string, limit: number): LimitStatus {
  const count = countChars(text);
  return { count, limit, over: Math.max(0, count - limit), near: count >= limit * NEAR_LIMIT_SHARE };
}

/** The metadata key a limited field's schema carries its limit under. */
const TEXT_LIMIT = 'textLimit';

/**
 * A text field of a state with its limit in characters (countChars). The schema keeps up to
 * MAX_KEPT_TEXT, so a text over its limit is saved whole and reported, never refused or cut.
 */
export function limitedText(limit: number) {
  return v.pipe(v.string(), v.maxLength(MAX_KEPT_TEXT), v.metadata({ [TEXT_LIMIT]: limit }));
}

/** A field over its limit: where it is in the state (array indices from 0) and by how much. */
export interface OverLimitField {
  readonly path: readonly PropertyKey[];
  readonly count: number;
  readonly limit: number;
}

/** The parts of a valibot schema the walk reads (valibot's own objects; nothing else is assumed). */
interface SchemaParts {
  readonly kind?: string;
  readonly type?: string;
  readonly pipe?: readonly SchemaParts[];
  readonly metadata?: Readonly<Record<string, unknown>>;
  readonly entries?: Readonly<Record<string, SchemaParts>>;
  readonly value?: SchemaParts;
  readonly item?: SchemaParts;
  readonly wrapped?: SchemaParts;
  readonly options?: readonly SchemaParts[];
  readonly items?: readonly SchemaParts[];
}

const isRecord = (x: unknown): x is Record<string, unknown> =>
  typeof x === 'object' && x !== null && !Array.isArray(x);

/**
 * Every field of `value` over the limit its schema declares (`limitedText`), in the schema's order.
 * Reads objects, records, arrays, tuples, pipes, optional / nullable wrappers and unions; any other
 * schema holds no limited text.
 */
export function overLimitFields(schema: unknown, value: unknown): OverLimitField[] {
  const found = new Map<string, OverLimitField>();
  const walk = (s: SchemaParts | undefined, x: unknown, path: readonly PropertyKey[]): void => {
    if (!s || typeof s !== 'object') return;
    if (s.pipe) {
      for (const part of s.pipe) {
        const limit = part.kind === 'metadata' ? part.metadata?.[TEXT_LIMIT] : undefined;
        if (typeof limit === 'number' && typeof x === 'string') {
          const status = limitStatus(x, limit);
          if (status.over > 0) found.set(JSON.stringify(path), { path, count: status.count, limit });
        } else if (part.kind === 'schema') walk(part, x, path);
      }
      return;
    }
    if (s.entries && isRecord(x)) {
      for (const [key, entry] of Object.entries(s.entries)) walk(entry, x[key], [...path, key]);
    } else if (s.type === 'record' && isRecord(x)) {
      for (const [key, entry] of Object.entries(x)) walk(s.value, entry, [...path, key]);
    } else if (s.item && Array.isArray(x)) {
      x.forEach((entry, i) => walk(s.item, entry, [...path, i]));
    } else if (s.items && Array.isArray(x)) {
      s.items.forEach((item, i) => walk(item, x[i], [...path, i]));
    } else if (s.wrapped) {
      walk(s.wrapped, x, path);
    } else if (s.options) {
      for (const option of s.options) walk(option, x, path);
    }
  };
  walk(schema as SchemaParts, value, []);
  return [...found.values()];
}
