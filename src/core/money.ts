/**
 * Money as integer 分 (`Fen`). Conversion happens only at the edges: `parseMoney` on input,
 * `formatYuan` / `toChineseUppercase` on display.
 *
 * Safe range: 0 … 10¹⁰ 元 = 10¹² 分 (`MAX_FEN`) is what inputs accept and what every tool
 * promises to handle exactly. Sums of many in-range amounts stay exact up to
 * Number.MAX_SAFE_INTEGER 分 (≈ 900 亿元 × 1000); beyond that the helpers throw rather than
 * silently lose a 分.
 */

/** Integer number of 分, never negative, always a safe integer. */
export type Fen = number & { readonly __brand: 'Fen' };

/** Largest amount an input accepts: 10¹⁰ 元 (100 亿元). */
export const MAX_YUAN = 10_000_000_000;
/** `MAX_YUAN` in 分: 10¹². */
export const MAX_FEN = (MAX_YUAN * 100) as Fen;

/** True when `n` is a valid `Fen`: a non-negative safe integer. */
export function isFen(n: unknown): n is Fen {
  return typeof n === 'number' && Number.isSafeInteger(n) && n >= 0;
}

/** Brands an integer count of 分. Throws RangeError for anything else (a programming error). */
export function fen(n: number): Fen {
  if (!isFen(n)) throw new RangeError(`Not a valid amount in 分: ${String(n)}`);
  return (n + 0) as Fen; // `+ 0` turns -0 into 0
}

/**
 * Splits a finite non-negative number into the exact decimal it prints as (shortest round-trip
 * form), so `yuanToFen(1.15)` rounds the decimal 1.15, not the binary 1.149999….
 */
function toDecimalParts(x: number): { digits: bigint; scale: number } {
  const text = String(x);
  const match = /^(\d+)(?:\.(\d+))?(?:e([+-]\d+))?$/.exec(text);
  if (!match) throw new RangeError(`Not a finite non-negative number: ${text}`);
  const intPart = match[1] ?? '0';
  const fracPart = match[2] ?? '';
  const exponent = Number(match[3] ?? '0');
  const digits = BigInt(intPart + fracPart);
  const scale = fracPart.length - exponent;
  return scale >= 0 ? { digits, scale } : { digits: digits * 10n ** BigInt(-scale), scale: 0 };
}

/** `numerator / 10^scale` rounded half up (numerator ≥ 0). */
function roundHalfUp(numerator: bigint, scale: number): bigint {
  if (scale <= 0) return numerator;
  const divisor = 10n ** BigInt(scale);
  const quotient = numerator / divisor;
  return (numerator % divisor) * 2n >= divisor ? quotient + 1n : quotient;
}

function toSafeFen(value: bigint, what: string): Fen {
  if (value > BigInt(Number.MAX_SAFE_INTEGER)) throw new RangeError(`${what} is too large`);
  return Number(value) as Fen;
}

/** 元 (e.g. from a data file) → 分, rounded half up: 300000 → 30000000, 0.1 → 10, 1.005 → 101. */
export function yuanToFen(yuan: number): Fen {
  if (!Number.isFinite(yuan) || yuan < 0) throw new RangeError(`Not a valid amount in 元: ${yuan}`);
  const { digits, scale } = toDecimalParts(yuan + 0);
  return toSafeFen(roundHalfUp(digits * 100n, scale), 'Amount');
}

/** a + b. */
export function addFen(a: Fen, b: Fen): Fen {
  return fen(a + b);
}

/** Sum of any number of amounts (0 for none). */
export function sumFen(amounts: readonly Fen[]): Fen {
  let total = 0;
  for (const amount of amounts) total = addFen(total as Fen, amount);
  return total as Fen;
}

/**
 * 金额 = 单价 × 数量, rounded half up to the 分. The quantity may be decimal (2.5 小时); it is
 * taken as the decimal it prints as, so 0.5 × 1 分 = 1 分 exactly, not 0 by binary error.
 */
export function mulFen(unitPriceFen: Fen, quantity: number): Fen {
  if (!isFen(unitPriceFen)) throw new RangeError(`Not a valid amount in 分: ${unitPriceFen}`);
  if (!Number.isFinite(quantity) || quantity < 0) throw new RangeError(`Not a valid quantity: ${quantity}`);
  const { digits, scale } = toDecimalParts(quantity + 0);
  return toSafeFen(roundHalfUp(BigInt(unitPriceFen) * digits, scale), 'Amount');
}

/** Digits of a whole number with a comma every three: 1234567 → "1,234,567". */
function groupThousands(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+$)/g, ',');
}

/** Whole 元 and 分 of |amount| as strings; throws for a value that is not a safe integer. */
function splitYuan(amount: number): { sign: string; yuan: string; cents: string } {
  if (!Number.isSafeInteger(amount)) throw new RangeError(`Not a valid amount in 分: ${amount}`);
  const abs = Math.abs(amount);
  return {
    sign: amount < 0 ? '-' : '',
    yuan: String(Math.floor(abs / 100)),
    cents: String(abs % 100).padStart(2, '0'),
  };
}

/** 123450 → "1234.50" (for inputs, CSV and JSON: no symbol, no separators). */
export function formatYuanPlain(amount: Fen): string {
  const { sign, yuan, cents } = splitYuan(amount);
  return `${sign}${yuan}.${cents}`;
}

/**
 * 123450 → "¥1,234.50" (for reading). A negative difference, should a caller form one, reads
 * "-¥12.00" rather than failing.
 */
export function formatYuan(amount: Fen): string {
  const { sign, yuan, cents } = splitYuan(amount);
  return `${sign}¥${groupThousands(yuan)}.${cents}`;
}
