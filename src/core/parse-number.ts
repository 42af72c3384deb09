/**
 * Reads numbers the way people type them into a form: full-width digits from a Chinese IME,
 * thousands separators, `¥`/`元` on money, `%` on percentages, and the units 万 (on any number
 * but a percentage) and 亿 (on money): 「12万」, 「1.5万元」, 「¥1.2亿」. Every function returns a typed
 * result with a short Chinese message; none returns NaN or Infinity and none throws.
 */
import { MAX_YUAN, type Fen } from './money';

/** Why a text was refused; `empty` lets a caller treat an untouched field as "not filled". */
export type ParseErrorCode =
  | 'empty'
  | 'not-a-number'
  | 'exponent'
  | 'multiple-dots'
  | 'separator'
  | 'negative'
  | 'not-integer'
  | 'too-many-decimals'
  | 'out-of-range';

export type ParseResult<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly error: string; readonly code: ParseErrorCode };

export interface DecimalOptions {
  /** Smallest accepted value (inclusive). Default: none. */
  readonly min?: number;
  /** Largest accepted value (inclusive). Default: none. */
  readonly max?: number;
  /** Most digits after the point; trailing zeros do not count (3.500 has 1). Default: any. */
  readonly maxDecimals?: number;
  /** Refuse a fractional part. Default: false. */
  readonly integer?: boolean;
  /** Accept a leading minus. Default: false. */
  readonly allowNegative?: boolean;
}

export const MESSAGES = {
  empty: '请填写此项',
  notANumber: '请输入数字',
  exponent: '请直接写出数字，不要用科学计数法',
  multipleDots: '小数点只能有一个',
  separator: '千位分隔符位置不对，请写成 1,200 或 1200',
  negative: '不能为负数',
  notInteger: '请输入整数',
  tooLarge: '数字太大',
  count: '请输入 0 或正整数',
  percent: '百分比应在 0–100 之间',
  rating: '评分应为 1–5 的整数',
  moneyDecimals: '金额最多两位小数（到分）',
  moneyNegative: '金额不能为负数',
  moneyTooLarge: '金额不能超过 100 亿元',
} as const;

function fail(code: ParseErrorCode, error: string): ParseResult<never> {
  return { ok: false, error, code };
}

/** Full-width forms an IME produces → ASCII; every kind of space → ' '. */
function normalizeWidth(text: string): string {
  return text
    .replace(/[\uFF10-\uFF19]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0))
    .replace(/[，]/g, ',')
    .replace(/[．。]/g, '.') // 。 is what the Chinese-punctuation IME types for "."
    .replace(/[－−]/g, '-')
    .replace(/＋/g, '+')
    .replace(/％/g, '%')
    .replace(/￥/g, '¥')
    .replace(/[\s\u00A0\u2000-\u200B\u202F\u205F\u3000]/g, ' ');
}

/** The digits of a number as typed, before any bound is applied. */
interface NumberText {
  readonly negative: boolean;
  /** Integer digits without separators (may be "" for ".5"). */
  readonly intDigits: string;
  /** Fraction digits with trailing zeros removed. */
  readonly fracDigits: string;
}

type Unit = 'money' | 'percent' | 'none';

/**
 * Powers of ten a trailing 万 / 亿 stands for, per kind of field. A percentage takes neither
 * (「5万%」 is a typo); 亿 is only for money, where budgets run that large.
 */
const MAGNITUDES: Readonly<Record<Unit, Readonly<Record<string, number>>>> = {
  none: { 万: 4 },
  money: { 万: 4, 亿: 8 },
  percent: {},
};

/**
 * Moves the decimal point `places` to the right in the digits themselves, so 「1.5万」 is
 * exactly 15000 and 「0.0001万」 exactly 1, with no binary rounding on the way.
 */
function shiftPoint(
  intDigits: string,
  fracDigits: string,
  places: number,
): { intDigits: string; fracDigits: string } {
  const frac = fracDigits.padEnd(places, '0');
  return {
    intDigits: (intDigits + frac.slice(0, places)).replace(/^0+(?=\d)/, ''),
    fracDigits: frac.slice(places).replace(/0+$/, ''),
  };
}

// A grouped integer part: 1–3 digits not starting with 0, then groups of three.
const GROUPED = /^[1-9]\d{0,2}(?:[, ]\d{3})+$/;

function readNumberText(raw: unknown, unit: Unit): ParseResult<NumberText> {
  if (typeof raw !== 'string') return fail('empty', MESSAGES.empty);
  let s = normalizeWidth(raw).trim();
  if (s === '') return fail('empty', MESSAGES.empty);

  let negative = false;
  const takeSign = (): void => {
    const sign = /^([+-]) */.exec(s);
    if (sign) {
      negative = sign[1] === '-';
      s = s.slice(sign[0].length);
    }
  };
  takeSign();
  if (unit === 'money') {
    s = s.replace(/^¥ */, '').replace(/ *元$/, '');
    if (!negative) takeSign(); // "¥-5" as well as "-¥5"
  }
  if (unit === 'percent') s = s.replace(/ *%$/, '');
  let places = 0;
  const magnitude = / *([万亿])$/.exec(s);
  const power = magnitude ? MAGNITUDES[unit][magnitude[1] ?? ''] : undefined;
  if (magnitude && power !== undefined) {
    places = power;
    s = s.slice(0, magnitude.index);
  }
  if (s === '') return fail('not-a-number', MESSAGES.notANumber);

  if (!/^[\d., ]+$/.test(s)) {
    if (/^[\d.,]*\d[eE][+-]?\d+$/.test(s)) return fail('exponent', MESSAGES.exponent);
    return fail('not-a-number', MESSAGES.notANumber);
  }
  if (!/\d/.test(s)) return fail('not-a-number', MESSAGES.notANumber);
  if ((s.match(/\./g) ?? []).length > 1) return fail('multiple-dots', MESSAGES.multipleDots);

  let intPart: string;
  let fracPart: string;
  const dot = s.indexOf('.');
  if (dot >= 0) {
    intPart = s.slice(0, dot);
    fracPart = s.slice(dot + 1);
  } else {
    // A single comma followed by other than three digits cannot be a thousands separator,
    // so it is a decimal comma: "3,5" → 3.5 but "3,500" → 3500.
    const decimalComma = /^([\d ]*\d),(\d{1,2}|\d{4,})$/.exec(s);
    intPart = decimalComma ? (decimalComma[1] ?? '') : s;
    fracPart = decimalComma ? (decimalComma[2] ?? '') : '';
  }
  if (!/^\d*$/.test(fracPart)) return fail('separator', MESSAGES.separator);
  if (!/^\d*$/.test(intPart) && !GROUPED.test(intPart)) return fail('separator', MESSAGES.separator);

  return {
    ok: true,
    value: { negative, ...shiftPoint(intPart.replace(/[, ]/g, ''), fracPart.replace(/0+$/, ''), places) },
  };
}

function rangeMessage(min: number | undefined, max: number | undefined): string {
  if (min !== undefined && max !== undefined) return `应在 ${min}–${max} 之间`;
  if (min !== undefined) return `不能小于 ${min}`;
  return `不能大于 ${max}`;
}

function checkNumber(parsed: NumberText, opts: DecimalOptions): ParseResult<number> {
  const { negative, intDigits, fracDigits } = parsed;
  const magnitude = Number(`${intDigits || '0'}.${fracDigits || '0'}`);
  if (!Number.isFinite(magnitude)) return fail('out-of-range', MESSAGES.tooLarge);
  const value = negative && magnitude !== 0 ? -magnitude : magnitude;
  if (value < 0 && !opts.allowNegative) return fail('negative', MESSAGES.negative);
  if (opts.integer && fracDigits !== '') return fail('not-integer', MESSAGES.notInteger);
  if (opts.maxDecimals !== undefined && fracDigits.length > opts.maxDecimals) {
    return opts.maxDecimals === 0
      ? fail('not-integer', MESSAGES.notInteger)
      : fail('too-many-decimals', `最多 ${opts.maxDecimals} 位小数`);
  }
  if ((opts.min !== undefined && value < opts.min) || (opts.max !== undefined && value > opts.max)) {
    return fail('out-of-range', rangeMessage(opts.min, opts.max));
  }
  return { ok: true, value };
}

/** Any decimal number within the given bounds. */
export function parseDecimal(text: string, opts: DecimalOptions = {}): ParseResult<number> {
  const parsed = readNumberText(text, 'none');
  return parsed.ok ? checkNumber(parsed.value, opts) : parsed;
}

/** A count of things (人数, 数量 in pieces): 0, 1, 2, … */
export function parseCount(text: string, opts: { max?: number } = {}): ParseResult<number> {
  const result = parseDecimal(text, { integer: true, min: 0, max: opts.max ?? Number.MAX_SAFE_INTEGER });
  if (result.ok) return result;
  switch (result.code) {
    case 'negative':
    case 'not-integer':
      return fail(result.code, MESSAGES.count);
    case 'out-of-range':
      return opts.max === undefined ? fail('out-of-range', MESSAGES.tooLarge) : result;
    default:
      return result;
  }
}

/** A percentage 0–100; a trailing % is optional ("12.5%", "１２．５％", "12.5"). */
export function parsePercent(text: string): ParseResult<number> {
  const parsed = readNumberText(text, 'percent');
  if (!parsed.ok) return parsed;
  const result = checkNumber(parsed.value, { min: 0, max: 100 });
  if (result.ok || (result.code !== 'negative' && result.code !== 'out-of-range')) return result;
  return fail('out-of-range', MESSAGES.percent);
}

/** A behaviour rating: a whole number from 1 to 5. */
export function parseRating(text: string): ParseResult<number> {
  const result = parseDecimal(text, { integer: true, min: 1, max: 5 });
  if (result.ok) return result;
  switch (result.code) {
    case 'negative':
    case 'not-integer':
    case 'out-of-range':
      return fail(result.code, MESSAGES.rating);
    default:
      return result;
  }
}

/** An amount of money ("¥1,200.50", "1200元", "１２００", "12万元", "¥1.2亿") → integer 分, 0 … 10¹⁰ 元. */
export function parseMoney(text: string): ParseResult<Fen> {
  const parsed = readNumberText(text, 'money');
  if (!parsed.ok) return parsed;
  const checked = checkNumber(parsed.value, { min: 0, max: MAX_YUAN, maxDecimals: 2 });
  if (!checked.ok) {
    switch (checked.code) {
      case 'negative':
        return fail('negative', MESSAGES.moneyNegative);
      case 'too-many-decimals':
        return fail('too-many-decimals', MESSAGES.moneyDecimals);
      default:
        return fail('out-of-range', MESSAGES.moneyTooLarge);
    }
  }
  // Built from the digits, not by multiplying a float, so "0.29" is exactly 29 分.
  const { intDigits, fracDigits } = parsed.value;
  const value = Number(intDigits || '0') * 100 + Number(fracDigits.padEnd(2, '0'));
  return { ok: true, value: value as Fen };
}
