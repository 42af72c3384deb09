/** Small display helpers of the 预算申请单 tool (no DOM). */

/** 12.345 → "12.3%", −25 → "-25.0%", 1234567.8 → "1,234,567.8%"; never NaN or exponent notation. */
export function formatPercent(value: number): string {
  if (!Number.isFinite(value)) return '—';
  const rounded = Math.round(value * 10) / 10;
  return `${(rounded + 0).toLocaleString('en-US', { minimumFractionDigits: 1, maximumFractionDigits: 1 })}%`;
}

/** A count as people read it: 1200 → "1,200"; 2.5 → "2.5". */
export function formatQuantity(value: number): string {
  return value.toLocaleString('en-US', { maximumFractionDigits: 6 });
}
