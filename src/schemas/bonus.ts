import { z } from 'astro/zod';
import type { BonusPolicy } from '../core/policy-types';
import { clauseRefSchema, fmt, percentSchema, yuanSchema } from './policy-common';

/**
 * 绩效奖金参数（content/policy/bonus.yaml）：四（三）1 绩效奖金与绩效考核得分挂钩，得分越高奖金越高。
 * `knownClauseIds` is the set of clause ids published on the site.
 */
export function bonusSchema(knownClauseIds: ReadonlySet<string>) {
  const point = z.strictObject({
    /** Appraisal score at this point of the curve, ≥ 0. */
    score: z.number().min(0, { error: '得分 score 不能为负数' }),
    /** Bonus coefficient at this score, ≥ 0 (1.0 = 全额基数). */
    coefficient: z.number().min(0, { error: '系数 coefficient 不能为负数' }),
  });

  return z.strictObject({
    /** Clause the bonus rests on: c4-3-1. */
    clause: clauseRefSchema(knownClauseIds),
    /**
     * Piecewise-linear coefficient curve: scores strictly ascending, coefficients never
     * decreasing. Default 0→0, 60→0.6, 80→1.0, 90→1.2, 100→1.5, 120→1.8 (strictly increasing).
     */
    curve: z
      .array(point)
      .min(2, { error: '系数曲线 curve 至少要有 2 个点' })
      .superRefine((points, ctx) => {
        for (let i = 1; i < points.length; i++) {
          const prev = points[i - 1]!;
          const p = points[i]!;
          if (p.score <= prev.score) {
            ctx.addIssue({
              code: 'custom',
              path: [i, 'score'],
              message: `得分应从小到大排列且不能重复：第 ${i + 1} 个点的得分 ${fmt(p.score)} 不大于前一个点的 ${fmt(prev.score)}`,
            });
          } else if (p.coefficient < prev.coefficient) {
            // 四（三）1：得分越高奖金越高
            ctx.addIssue({
              code: 'custom',
              path: [i, 'coefficient'],
              message: `系数不能随得分升高而下降（制度四（三）1：得分越高奖金越高）：得分 ${fmt(prev.score)} 的系数是 ${fmt(prev.coefficient)}，得分 ${fmt(p.score)} 却只有 ${fmt(p.coefficient)}`,
            });
          }
        }
      }),
    /** Optional ceiling of the coefficient; absent = no ceiling beyond the curve. Default 1.8. */
    maxCoefficient: z.number().min(0, { error: '系数上限 maxCoefficient 不能为负数' }).optional(),
    /** Monthly bonus settings. */
    monthly: z.strictObject({
      /** Monthly bonus base = monthly salary × this percent, when the reader gives a salary. Default 20. */
      salaryRatioPercent: percentSchema,
    }),
    /** Annual bonus settings. */
    annual: z.strictObject({
      /** Annual bonus = monthly base × baseMonths × coefficient of the annual score. Default 2. */
      baseMonths: z
        .number()
        .min(0, { error: '基数月数 baseMonths 不能为负数' })
        .max(24, { error: '基数月数 baseMonths 不能超过 24' }),
    }),
    /**
     * Optional team bonus pool (团队考核 compares the team's estimated total with it), in 元:
     * per month and/or per year. Absent = no pool. Default none.
     */
    pool: z
      .strictObject({
        /** Pool for one month's bonuses, 元. Optional. */
        monthYuan: yuanSchema.optional(),
        /** Pool for the annual bonuses, 元. Optional. */
        yearYuan: yuanSchema.optional(),
      })
      .optional(),
  });
}

export type Bonus = z.infer<ReturnType<typeof bonusSchema>>;

// Logic computes with the plain interface; the data read through this schema must fit it.
true satisfies Bonus extends BonusPolicy ? true : false;
