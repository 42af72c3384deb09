import { formatYuan, yuanToFen } from './money';
import type { Kpi, KpiDirection, KpiUnit } from './policy-types';

/** How each unit is named beside a field and in tables. */
export const UNIT_LABELS: Readonly<Record<KpiUnit, string>> = {
  count: '数量',
  percent: '%',
  rating: '分（1–5）',
  money: '元',
};

export const DIRECTION_LABELS: Readonly<Record<KpiDirection, string>> = {
  higher: '越高越好',
  lower: '越低越好',
};

/** |n| as integer and fraction digits, from its shortest decimal form (what String(n) gives). */
function decimalParts(abs: number): [string, string] {
  const [mantissa = '0', exp = '0'] = String(abs).split('e');
  let [int = '0', frac = ''] = mantissa.split('.');
  const e = Number(exp);
  if (e > 0) {
    frac = frac.padEnd(e, '0');
    int += frac.slice(0, e);
    frac = frac.slice(e);
  } else if (e < 0) {
    int = int.padStart(1 - e, '0');
    frac = int.slice(int.length + e) + frac;
    int = int.slice(0, int.length + e);
  }
  return [int, frac];
}

/**
 * n with at most `maxDecimals` decimals and thousands separators, exactly as Intl.NumberFormat
 * en-US writes it (half away from zero, on the shortest decimal form; a unit test compares them).
 * Not Intl itself: building a NumberFormat was the costliest step of a tool's first render on a
 * slow phone, and toLocaleString builds one on every call.
 */
function decimal(n: number, maxDecimals: number): string {
  let [int, frac] = decimalParts(Math.abs(n));
  if (frac.length > maxDecimals) {
    const up = frac.charCodeAt(maxDecimals) >= 53; // the next digit is 5 or more
    frac = frac.slice(0, maxDecimals);
    if (up) {
      const digits = (int + frac).split('');
      let i = digits.length - 1;
      while (i >= 0 && digits[i] === '9') digits[i--] = '0';
      if (i < 0) digits.unshift('1');
      else digits[i] = String(Number(digits[i]) + 1);
      const all = digits.join('');
      int = all.slice(0, all.length - frac.length);
      frac = all.slice(all.length - frac.length);
    }
  }
  frac = frac.replace(/0+$/, '');
  const sign = n < 0 || Object.is(n, -0) ? '-' : '';
  return `${sign}${int.replace(/\B(?=(\d{3})+$)/g, ',')}${frac ? `.${frac}` : ''}`;
}

/** Trims a number for display: 12.5 → "12.5", 12 → "12", 100000 → "100,000". */
export function formatNumber(n: number, maxDecimals = 2): string {
  if (!Number.isFinite(n)) return '—';
  return decimal(n, maxDecimals);
}

/**
 * A number with every digit it has (the shortest decimal that reads back as the same number),
 * with thousands separators: 1.005 → "1.005", 85.123456 → "85.123456". For a formula that must
 * reproduce its result from the numbers it shows.
 */
export function formatExact(n: number): string {
  if (!Number.isFinite(n)) return '—';
  for (let digits = 0; digits < 20; digits++) {
    const text = decimal(n, digits);
    if (Number(text.replace(/,/g, '')) === n) return text;
  }
  return String(n); // below 1e-19: no score or amount is this small; keep it exact
}

/** A KPI value with its unit: 10 → "10%", 4 → "4 分", 500 → "500", 3000 → "¥3,000.00". */
export function formatKpiValue(unit: KpiUnit, value: number): string {
  switch (unit) {
    case 'percent':
      return `${formatNumber(value)}%`;
    case 'rating':
      return `${formatNumber(value)} 分`;
    case 'money':
      return formatYuan(yuanToFen(Math.max(0, value)));
    default:
      return formatNumber(value);
  }
}

/** "实际 ÷ 目标 × 100，最高 120 分" — the scoring rule of a KPI in words. */
export function describeScoring(kpi: Pick<Kpi, 'direction' | 'scoring'>): string {
  const formula = kpi.direction === 'higher' ? '实际 ÷ 目标 × 100' : '目标 ÷ 实际 × 100';
  return `${formula}，最高 ${formatNumber(kpi.scoring.cap)} 分`;
}

/**
 * A name typed by the reader as part of a file name: characters file systems refuse and spaces
 * become "_", and it is cut to `max` characters (a project name can be 100).
 */
export function fileNamePart(text: string, max = 40): string {
  return text
    .trim()
    .replace(/[\\/:*?"<>|\s]+/g, '_')
    .slice(0, max);
}

/** A stored savedAt (ISO) as the reader's clock time, e.g. 14:05:09. */
export function formatClock(iso: string): string {
  return new Date(iso).toLocaleTimeString('zh-CN', { hour12: false });
}

/** A stored savedAt (ISO) as the reader's local date and time, e.g. 2026-03-05 14:05; '—' when unreadable. */
export function formatDateTime(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '—';
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}`;
}

/** A size in bytes for a reader: 512 B, 12.3 KB, 4.5 MB (1 KB = 1024 B). */
export function formatBytes(bytes: number): string {
  if (!Number.isFinite(bytes) || bytes < 0) return '—';
  if (bytes < 1024) return `${Math.round(bytes)} B`;
  if (bytes < 1024 * 1024) return `${formatNumber(bytes / 1024, 1)} KB`;
  if (bytes < 1024 ** 3) return `${formatNumber(bytes / 1024 ** 2, 1)} MB`;
  return `${formatNumber(bytes / 1024 ** 3, 1)} GB`;
}
