// Chinese numerals for chapter and section numbers: 一 … 十, 十一 … 十九, 二十 … 九十九.
// The source has six chapters and at most five sections, but a revision may add more (第七章, （十一）).

const DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** Largest number with a numeral here: enough for any chapter or section count. */
export const MAX_NUMERAL = 99;

/** 1 → 一, 10 → 十, 11 → 十一, 20 → 二十, 99 → 九十九. Throws outside 1–99. */
export function chineseNumeral(n: number): string {
  if (!Number.isInteger(n) || n < 1 || n > MAX_NUMERAL) throw new RangeError(`no numeral for ${n}`);
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  const head = tens === 0 ? '' : tens === 1 ? '十' : `${DIGITS[tens]}十`;
  return head + (ones === 0 ? '' : DIGITS[ones]);
}

/** Parses 一 … 九十九 back to 1 … 99; null for anything else (零, 一十, 十十, 甲 …). */
export function fromChineseNumeral(text: string): number | null {
  const m = /^([二三四五六七八九])?(十)?([一二三四五六七八九])?$/.exec(text);
  if (!m || text === '') return null;
  const [, tensDigit, ten, ones] = m;
  // 二 alone is 2; 二三 (no 十 between) is not a numeral.
  if (tensDigit && !ten) return ones ? null : DIGITS.indexOf(tensDigit);
  const tens = ten ? (tensDigit ? DIGITS.indexOf(tensDigit) : 1) : 0;
  return tens * 10 + (ones ? DIGITS.indexOf(ones) : 0);
}
