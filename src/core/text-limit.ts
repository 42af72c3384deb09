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

/** Whether a schema declares a limited text anywhere inside it (cached: a state is walked on every edit). */
const holdsCache = new WeakMap<object, boolean>();
function holdsLimit(s: SchemaParts | undefined): boolean {
  if (!s || typeof s !== 'object') return false;
  const known = holdsCache.get(s);
  if (known !== undefined) return known;
  holdsCache.set(s, false); // a schema that refers to itself holds what its other parts hold
  const parts: (SchemaParts | undefined)[] = [
    ...(s.pipe ?? []),
    ...Object.values(s.entries ?? {}),
    s.value,
    s.item,
    ...(s.items ?? []),
    s.wrapped,
    ...(s.options ?? []),
  ];
  const holds =
    s.metadata?.[TEXT_LIMIT] !== undefined ||
    parts.some((part) => part !== undefined && part !== s && holdsLimit(part));
  holdsCache.set(s, holds);
  return holds;
}

/** A path as a chain to its parent: made into an array only for a field that is over. */
interface PathLink {
  readonly up: PathLink | null;
  readonly key: PropertyKey;
}
const pathOf = (link: PathLink | null): PropertyKey[] => {
  const path: PropertyKey[] = [];
  for (let l = link; l; l = l.up) path.unshift(l.key);
  return path;
};

/**
 * Every field of `value` over the limit its schema declares (`limitedText`), in the schema's order.
 * Reads objects, records, arrays, tuples, pipes, optional / nullable wrappers and unions; any other
 * schema holds no limited text, and a part of the schema without one is not walked.
 */
export function overLimitFields(schema: unknown, value: unknown): OverLimitField[] {
  const found = new Map<string, OverLimitField>();
  const walk = (s: SchemaParts | undefined, x: unknown, at: PathLink | null): void => {
    if (!holdsLimit(s) || x === null || x === undefined) return;
    const parts = s as SchemaParts;
    if (parts.pipe) {
      for (const part of parts.pipe) {
        const limit = part.kind === 'metadata' ? part.metadata?.[TEXT_LIMIT] : undefined;
        if (typeof limit === 'number' && typeof x === 'string') {
          // A text no longer in UTF-16 units than its limit fits (no character is under one unit);
          // counting characters is the slow part of a walk over a year's team.
          if (x.length <= limit) continue;
          const status = limitStatus(x, limit);
          if (status.over > 0) {
            const path = pathOf(at);
            found.set(JSON.stringify(path), { path, count: status.count, limit });
          }
        } else if (part.kind === 'schema') walk(part, x, at);
      }
      return;
    }
    if (parts.entries && isRecord(x)) {
      for (const key in parts.entries) walk(parts.entries[key], x[key], { up: at, key });
    } else if (parts.type === 'record' && isRecord(x)) {
      for (const key in x) walk(parts.value, x[key], { up: at, key });
    } else if (parts.item && Array.isArray(x)) {
      for (let i = 0; i < x.length; i++) walk(parts.item, x[i], { up: at, key: i });
    } else if (parts.items && Array.isArray(x)) {
      parts.items.forEach((item, i) => walk(item, x[i], { up: at, key: i }));
    } else if (parts.wrapped) {
      walk(parts.wrapped, x, at);
    } else if (parts.options) {
      for (const option of parts.options) walk(option, x, at);
    }
  };
  walk(schema as SchemaParts, value, null);
  return [...found.values()];
}
