/**
 * How strongly a punctuation mark ends what comes before it. Where a filled value and the template
 * meet with a mark on each side (「意见：{comment}。」 with 「请核减。」), only the stronger stays, the
 * template's on a tie: a sentence ends once, and a reader's ！ or ？ is kept.
 */
const MARK_STRENGTH: Readonly<Record<string, number>> = {
  '！': 3,
  '？': 3,
  '!': 3,
  '?': 3,
  '。': 2,
  '.': 2,
  '；': 1,
  '，': 0,
  '、': 0,
  '：': 0,
};

const strength = (mark: string | undefined): number | undefined =>
  mark !== undefined && Object.hasOwn(MARK_STRENGTH, mark) ? MARK_STRENGTH[mark] : undefined;

/** ASCII marks count only where a sentence ends: a text may start with `.5` or `?a=1`. */
const isAscii = (mark: string | undefined) => mark !== undefined && mark < '\u0080';

/** `left + right`, with one mark where both meet on marks (a value of marks alone may go). */
function join(left: string, right: string): string {
  for (;;) {
    const end = strength(left.at(-1));
    const start = isAscii(right[0]) ? undefined : strength(right[0]);
    if (end === undefined || start === undefined) return left + right;
    if (end > start) right = right.slice(1);
    else left = left.slice(0, -1);
  }
}

/**
 * `'{year}年{month}月'` + `{ year: 2026, month: 3 }` → `'2026年3月'`: the `{name}` placeholders of a
 * zh-CN string filled in; a name without a value stays as written. Where a value meets the
 * template's text, a doubled mark is written once (`'{comment}。'` + `'请核减。'` → `'请核减。'`);
 * the template's own text and the values' insides are left as they are.
 */
export function fill(template: string, values: Readonly<Record<string, string | number>>): string {
  let out = '';
  let last = 0;
  for (const m of template.matchAll(/\{(\w+)\}/g)) {
    const name = m[1] ?? '';
    if (!Object.hasOwn(values, name)) continue;
    out = join(out, template.slice(last, m.index));
    out = join(out, String(values[name]));
    last = m.index + m[0].length;
  }
  return join(out, template.slice(last));
}
