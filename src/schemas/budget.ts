import { z } from 'astro/zod';
import type { BudgetPolicy } from '../core/policy-types';
import { checkUniqueIds, clauseRefSchema, fmt, labelSchema, rowIdSchema, yuanSchema } from './policy-common';

/**
 * 预算参数（content/policy/budget.yaml）：六（二）1 预算类别、六（一）1 审批流程、
 * 各类申请单必填内容（如三（二）1 推广方案）。`knownClauseIds` is the set of clause ids published on the site.
 */
export function budgetSchema(knownClauseIds: ReadonlySet<string>) {
  const clause = clauseRefSchema(knownClauseIds);

  const requestField = z.strictObject({
    /** Permanent ASCII id of the field, e.g. goal. */
    id: rowIdSchema,
    /** Label on the request form, e.g. 推广目标. */
    label: labelSchema,
    /** Clause that asks for it, e.g. c3-2-1. */
    clause,
  });

  const category = z
    .strictObject({
      /** Permanent ASCII id, e.g. promotion. */
      id: rowIdSchema,
      /** Category name as in 六（二）1, e.g. 市场推广费用. */
      name: labelSchema,
      /** Annual budget in 元 (two decimals at most), ≥ 0. Default e.g. 300000 for promotion. */
      annualYuan: yuanSchema,
      /** Subcategories offered on the request form. Default [] . */
      subcategories: z.array(labelSchema),
      /** Whether the form offers the expected-return block (参与人数、转化、投资回报率). */
      expectedReturn: z.boolean({ error: 'expectedReturn 只能填 true（是）或 false（否）' }),
      /** Fields a request of this category must carry. */
      requestFields: z.array(requestField),
    })
    .superRefine((c, ctx) => checkUniqueIds(c.requestFields, '申请单字段', ctx, ['requestFields']));

  const step = z.strictObject({
    /** Permanent ASCII id, e.g. finance. */
    id: rowIdSchema,
    /** Who approves, e.g. 财务部. */
    approver: labelSchema,
    /** This approver signs when the request total exceeds this many 元; the first step is 0. */
    aboveYuan: yuanSchema,
  });

  return z.strictObject({
    /** Budget year, e.g. 2026. */
    fiscalYear: z
      .number()
      .int({ error: '预算年度 fiscalYear 应为整数年份，如 2026' })
      .min(2000, { error: '预算年度 fiscalYear 应为四位年份，如 2026' })
      .max(2100, { error: '预算年度 fiscalYear 应为四位年份，如 2026' }),
    /** Clauses the request form cites. */
    clauses: z.strictObject({
      /** 审批流程: c6-1-1. */
      approval: clause,
      /** 不得超预算开支 (over-budget warning): c6-1-2. */
      overBudget: clause,
      /** 年度预算构成: c6-2-1. */
      categories: clause,
      /** 按预算安排使用资金: c6-2-2. */
      execution: clause,
      /** 预期回报（投资回报率）of a promotion request: c3-2-6. */
      expectedReturn: clause,
    }),
    /** Budget categories of 六（二）1, in display order. */
    categories: z
      .array(category)
      .min(1, { error: '至少要有一个费用类别' })
      .superRefine((cs, ctx) => checkUniqueIds(cs, '费用类别', ctx, [])),
    /** Approval chain; each step adds an approver above its amount. Default 0 / 5000 / 50000 元. */
    approvalSteps: z
      .array(step)
      .min(1, { error: '审批流程至少要有一级' })
      .superRefine((steps, ctx) => {
        checkUniqueIds(steps, '审批步骤', ctx, []);
        const first = steps[0];
        if (first && first.aboveYuan !== 0) {
          ctx.addIssue({
            code: 'custom',
            path: [0, 'aboveYuan'],
            message: `第一级审批（${first.approver}）的 aboveYuan 应为 0，否则 ${fmt(first.aboveYuan)} 元以下的申请无人审批`,
          });
        }
        for (let i = 1; i < steps.length; i++) {
          const prev = steps[i - 1]!;
          const s = steps[i]!;
          if (s.aboveYuan <= prev.aboveYuan) {
            ctx.addIssue({
              code: 'custom',
              path: [i, 'aboveYuan'],
              message: `审批金额应逐级升高：「${s.approver}」的 ${fmt(s.aboveYuan)} 元不高于上一级「${prev.approver}」的 ${fmt(prev.aboveYuan)} 元`,
            });
          }
        }
      }),
  });
}

export type Budget = z.infer<ReturnType<typeof budgetSchema>>;

// Logic computes with the plain interface; the data read through this schema must fit it.
true satisfies Budget extends BudgetPolicy ? true : false;
