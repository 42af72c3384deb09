import { z } from 'astro/zod';

/**
 * Building blocks shared by the policy-parameter schemas (appraisal, bonus, budget,
 * onboarding). Messages are written for the admin who edits content/policy/*.yaml.
 */

const ID_RE = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** Permanent ASCII id of a row (KPI, category, checklist item…): saved progress and share links key on it. */
export const rowIdSchema = z.string().regex(ID_RE, {
  error: 'id 只能用小写英文字母、数字和连字符（如 brand-exposure），不能有空格、大写或中文',
});

/** A label shown to readers; must not be empty. */
export const labelSchema = z.string().trim().min(1, { error: '不能为空' });

/** A reference to a clause of the policy, e.g. c3-3-4; must be one of `knownClauseIds`. */
export function clauseRefSchema(knownClauseIds: ReadonlySet<string>) {
  return z.string().refine((id) => knownClauseIds.has(id), {
    error: (issue) =>
      `条款编号「${String(issue.input)}」在制度中不存在；请填写网站「条款索引」中列出的编号，如 c3-3-4`,
  });
}

/** A percentage 0–100 (80 means 80%). */
export const percentSchema = z
  .number()
  .min(0, { error: '百分比不能为负数' })
  .max(100, { error: '百分比不能超过 100' });

/** An amount in 元, at most two decimals (分), never negative. */
export const yuanSchema = z
  .number()
  .min(0, { error: '金额不能为负数' })
  .max(1_000_000_000, { error: '金额过大（超过 10 亿元），请检查是否多写了零' })
  .refine((v) => Math.abs(v * 100 - Math.round(v * 100)) < 1e-6, {
    error: '金额最多两位小数（精确到分）',
  });

/**
 * Adds one issue per repeated id in `rows`, at `[...at, index, 'id']`.
 * `what` names the rows in the message, e.g. 「指标」.
 */
export function checkUniqueIds(
  rows: readonly { id: string }[],
  what: string,
  ctx: z.RefinementCtx,
  at: (string | number)[],
): void {
  const seen = new Map<string, number>();
  rows.forEach((row, i) => {
    const first = seen.get(row.id);
    if (first === undefined) {
      seen.set(row.id, i);
    } else {
      ctx.addIssue({
        code: 'custom',
        path: [...at, i, 'id'],
        message: `${what} id「${row.id}」与第 ${first + 1} 项重复，每项的 id 必须不同`,
      });
    }
  });
}

/** Formats a number for messages: 95, 99.5. */
export function fmt(n: number): string {
  return String(Math.round(n * 1000) / 1000);
}
