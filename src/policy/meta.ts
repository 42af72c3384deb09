import { getEntry } from 'astro:content';

/** The policy's version and effective date (content/policy/meta.yaml). */
export async function policyMeta() {
  const entry = await getEntry('meta', 'default');
  if (!entry) throw new Error('content/policy/meta.yaml 缺失或无法读取');
  return entry.data;
}

/** 2026-01-01 → 2026年1月1日 */
export function formatChineseDate(date: Date): string {
  return `${date.getUTCFullYear()}年${date.getUTCMonth() + 1}月${date.getUTCDate()}日`;
}
