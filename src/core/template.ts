/** `'{year}年{month}月'` + `{ year: 2026, month: 3 }` → `'2026年3月'`: the `{name}` placeholders of a zh-CN string filled in; a name without a value stays as written. */
export function fill(template: string, values: Readonly<Record<string, string | number>>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.hasOwn(values, name) ? String(values[name]) : whole,
  );
}
