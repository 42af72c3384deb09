/** Small display helpers of the 预算申请单 tool (no DOM). */

/** `'第 {n} 行'` + `{ n: 3 }` → `'第 3 行'`. A name without a value is left as written. */
export function fillTemplate(template: string, values: Readonly<Record<string, string | number>>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.hasOwn(values, name) ? String(values[name]) : whole,
  );
}

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
