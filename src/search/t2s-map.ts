// Build-time: a 繁體 → 简体 character map holding only the characters the search index contains, so a
// reader typing 預算 or 客戶投訴 finds the same clauses as 预算 / 客户投诉 without a megabyte dictionary
// in the browser. OpenCC's tables decide each pair; runtime code only looks characters up.
import * as OpenCC from 'opencc-js';

const CJK_RANGES: ReadonlyArray<readonly [number, number]> = [
  [0x3400, 0x4dbf], // Extension A
  [0x4e00, 0x9fff], // Unified Ideographs
  [0xf900, 0xfaff], // Compatibility Ideographs
];

/**
 * Every traditional (Taiwan, Hong Kong or OpenCC standard) character whose simplified form is one
 * character that occurs in `indexChars`, mapped to that form.
 */
export function traditionalToSimplifiedMap(indexChars: ReadonlySet<string>): Record<string, string> {
  const converters = (['t', 'tw', 'hk'] as const).map((from) => OpenCC.Converter({ from, to: 'cn' }));
  const map: Record<string, string> = {};
  for (const [lo, hi] of CJK_RANGES) {
    for (let cp = lo; cp <= hi; cp++) {
      const ch = String.fromCodePoint(cp);
      for (const convert of converters) {
        const simplified = convert(ch);
        if (simplified !== ch && [...simplified].length === 1 && indexChars.has(simplified)) {
          map[ch] = simplified;
          break;
        }
      }
    }
  }
  return map;
}
