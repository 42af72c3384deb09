/**
 * 大写金额 as written on Chinese invoices and vouchers (中国人民银行
 * 《正确填写票据和结算凭证的基本规定》): 人民币 + 壹贰叁… with 拾佰仟万亿, 元角分, 整 when
 * there is no 分, and a run of zeros written as one 零.
 */
import { isFen, type Fen } from './money';
import type { ParseResult } from './parse-number';

const DIGITS = ['零', '壹', '贰', '叁', '肆', '伍', '陆', '柒', '捌', '玖'] as const;
const SECTION_UNITS = ['仟', '佰', '拾', ''] as const;
const PREFIX = '人民币';

function digit(d: number): string {
  return DIGITS[d] ?? '';
}

/** 1 … 9999 → 壹仟零壹拾 etc. Every 拾 gets its digit (壹拾), as on a voucher. */
function sectionToChinese(section: number): string {
  const digits = String(section).padStart(4, '0');
  let out = '';
  let pendingZero = false;
  for (let i = 0; i < 4; i++) {
    const d = Number(digits[i]);
    if (d === 0) {
      pendingZero = out !== '';
      continue;
    }
    if (pendingZero) out += '零';
    pendingZero = false;
    out += digit(d) + SECTION_UNITS[i];
  }
  return out;
}

/** 1 … any safe integer of 元: 亿 nests (壹万零伍亿), 万 within each 亿 block. */
function yuanToChinese(yuan: number): string {
  if (yuan >= 1e8) {
    const high = Math.floor(yuan / 1e8);
    const low = yuan % 1e8;
    if (low === 0) return `${yuanToChinese(high)}亿`;
    return `${yuanToChinese(high)}亿${low < 1e7 ? '零' : ''}${yuanToChinese(low)}`;
  }
  if (yuan >= 1e4) {
    const high = Math.floor(yuan / 1e4);
    const low = yuan % 1e4;
    if (low === 0) return `${sectionToChinese(high)}万`;
    return `${sectionToChinese(high)}万${low < 1000 ? '零' : ''}${sectionToChinese(low)}`;
  }
  return sectionToChinese(yuan);
}

/**
 * 123405 分 → 人民币壹仟贰佰叁拾肆元零伍分; 1050 → 人民币壹拾元伍角整; 50 → 人民币伍角整;
 * 0 → 人民币零元整. Throws RangeError for a value that is not a `Fen` (negative, fractional).
 */
export function toChineseUppercase(amount: Fen): string {
  if (!isFen(amount)) throw new RangeError(`Not a valid amount in 分: ${String(amount)}`);
  const yuan = Math.floor(amount / 100);
  const jiao = Math.floor(amount / 10) % 10;
  const fen = amount % 10;
  if (amount === 0) return `${PREFIX}零元整`;

  let out = PREFIX;
  if (yuan > 0) out += `${yuanToChinese(yuan)}元`;
  if (jiao > 0) out += `${digit(jiao)}角`;
  else if (yuan > 0 && fen > 0) out += '零'; // 壹元零伍分: the empty 角 is said
  if (fen > 0) out += `${digit(fen)}分`;
  else out += '整';
  return out;
}

const DIGIT_VALUE = new Map<string, number>(DIGITS.map((d, i) => [d, i]));
const UNIT_VALUE = new Map<string, number>([
  ['拾', 10],
  ['佰', 100],
  ['仟', 1000],
]);

/** 壹仟零壹拾 → 1010; NaN when anything else appears. */
function parseSection(text: string): number {
  let total = 0;
  let pending: number | null = null;
  for (const ch of text) {
    const d = DIGIT_VALUE.get(ch);
    const unit = UNIT_VALUE.get(ch);
    if (d !== undefined) {
      if (d !== 0) pending = d;
    } else if (unit !== undefined && pending !== null) {
      total += pending * unit;
      pending = null;
    } else {
      return Number.NaN;
    }
  }
  return total + (pending ?? 0);
}

/** Inverse of `yuanToChinese`, loosely; the caller checks the canonical form. */
function parseYuan(text: string): number {
  const yi = text.lastIndexOf('亿');
  if (yi >= 0) return parseYuan(text.slice(0, yi)) * 1e8 + parseYuan(text.slice(yi + 1));
  const wan = text.indexOf('万');
  if (wan >= 0) return parseSection(text.slice(0, wan)) * 1e4 + parseSection(text.slice(wan + 1));
  return parseSection(text);
}

/**
 * Reads a 大写金额 back into 分; accepts exactly what `toChineseUppercase` writes (the 人民币
 * prefix optional, spaces ignored), so a form can check that a typed 大写 matches the figures.
 */
export function fromChineseUppercase(text: string): ParseResult<Fen> {
  const invalid = { ok: false, error: '大写金额格式不正确', code: 'not-a-number' } as const;
  const compact = text.replace(/\s+/g, '');
  if (compact === '') return { ok: false, error: '请填写此项', code: 'empty' };
  const body = compact.startsWith(PREFIX) ? compact.slice(PREFIX.length) : compact;
  const match = /^(?:(.+?)元)?(?:(.)角)?(?:零)?(?:(.)分)?(整)?$/.exec(body);
  if (!match) return invalid;
  const [, yuanText, jiaoText, fenText] = match;
  const yuan = yuanText === undefined || yuanText === '零' ? 0 : parseYuan(yuanText);
  const jiao = jiaoText === undefined ? 0 : (DIGIT_VALUE.get(jiaoText) ?? Number.NaN);
  const fen = fenText === undefined ? 0 : (DIGIT_VALUE.get(fenText) ?? Number.NaN);
  const amount = yuan * 100 + jiao * 10 + fen;
  if (!isFen(amount) || toChineseUppercase(amount) !== PREFIX + body) return invalid;
  return { ok: true, value: amount };
}
