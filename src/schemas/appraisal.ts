import { z } from 'astro/zod';
import { RATING_SCALE, type AppraisalPolicy } from '../core/policy-types';
import {
  checkUniqueIds,
  clauseRefSchema,
  fmt,
  labelSchema,
  percentSchema,
  rowIdSchema,
} from './policy-common';

const { min: RATING_MIN, max: RATING_MAX } = RATING_SCALE;

/**
 * 绩效考核参数（content/policy/appraisal.yaml）：四（一）考核指标、四（二）考核周期、
 * 三（四）工作规范、等级。`knownClauseIds` is the set of clause ids published on the site.
 */
export function appraisalSchema(knownClauseIds: ReadonlySet<string>) {
  const clause = clauseRefSchema(knownClauseIds);

  const kpi = z
    .strictObject({
      /** Permanent ASCII id, e.g. `activity-conversion`. */
      id: rowIdSchema,
      /** Indicator name as in 四（一）, e.g. 活动转化率. */
      name: labelSchema,
      /** Clause that defines the indicator, e.g. c4-1-1. */
      clause,
      /** How the actual value is measured; shown beside the input. Optional. */
      description: z.string().optional(),
      /** count（数量） | percent（百分比 0–100） | rating（评分 1–5） | money（金额，元）. */
      unit: z.enum(['count', 'percent', 'rating', 'money'], {
        error: '单位 unit 只能是 count（数量）、percent（百分比）、rating（评分）或 money（金额）',
      }),
      /** higher: 越高越好; lower: 越低越好（如投诉率、费用控制率）. */
      direction: z.enum(['higher', 'lower'], {
        error: '方向 direction 只能是 higher（越高越好）或 lower（越低越好）',
      }),
      /** Default target (the reader may enter the target assigned to them). Required. */
      target: z.number({
        error: (issue) =>
          issue.input === undefined
            ? '每个指标都必须设定目标值，请填写 target'
            : '目标值 target 应为数字',
      }),
      /** Share of the group's performance score, 0–100; a group's weights sum to 100. */
      weight: percentSchema,
      /** Scoring rule: `ratio` (达到目标 = 100 分), capped at `cap` (≥ 100), never below 0. */
      scoring: z.strictObject({
        /** The only rule so far: actual ÷ target × 100 (lower-is-better: target ÷ actual × 100). */
        rule: z.literal('ratio', { error: '评分规则 rule 目前只能是 ratio' }),
        /** Highest score this KPI can reach, 100–200; e.g. 120. */
        cap: z
          .number()
          .min(100, { error: '封顶分 cap 不能低于 100（达到目标就是 100 分）' })
          .max(200, { error: '封顶分 cap 不能超过 200' }),
      }),
    })
    .superRefine((k, ctx) => {
      const problem =
        k.target < 0
          ? '目标值不能为负数'
          : k.target === 0
            ? `「${k.name}」的目标值为 0：得分按实际与目标之比计算，目标值必须大于 0`
          : k.unit === 'percent' && k.target > 100
            ? `「${k.name}」是百分比指标，目标值应在 0–100 之间，现为 ${fmt(k.target)}`
            : k.unit === 'rating' && (k.target < RATING_MIN || k.target > RATING_MAX)
              ? `「${k.name}」是 ${RATING_MIN}–${RATING_MAX} 分评分指标，目标值应在 ${RATING_MIN}–${RATING_MAX} 之间，现为 ${fmt(k.target)}`
              : null;
      if (problem) ctx.addIssue({ code: 'custom', path: ['target'], message: problem });
    });

  const group = z
    .strictObject({
      /** Permanent ASCII id; onboarding roles use it: promotion, crm, analytics, manager. */
      id: rowIdSchema,
      /** Group name, e.g. 市场推广组. */
      name: labelSchema,
      /** The group's duties clause, e.g. c2-2-2. */
      clause,
      /** The group's KPIs; weights sum to 100. */
      kpis: z.array(kpi).min(1, { error: '每个考核组至少要有一个指标' }),
    })
    .superRefine((g, ctx) => {
      checkUniqueIds(g.kpis, '指标', ctx, ['kpis']);
      const sum = g.kpis.reduce((s, k) => s + k.weight, 0);
      // An empty list already has its own message.
      if (g.kpis.length > 0 && Math.abs(sum - 100) > 1e-9) {
        ctx.addIssue({
          code: 'custom',
          path: ['kpis'],
          message: `「${g.name}」各指标权重之和为 ${fmt(sum)}，应为 100`,
        });
      }
    });

  const behaviourItem = z.strictObject({
    /** Permanent ASCII id, e.g. discipline. */
    id: rowIdSchema,
    /** Item name as in 三（四）, e.g. 遵守工作纪律. */
    name: labelSchema,
    /** c3-4-1 … c3-4-5. */
    clause,
    /** Share of the behaviour score, 0–100; the items' weights sum to 100. Default 20 each. */
    weight: percentSchema,
  });

  const grade = z.strictObject({
    /** Permanent ASCII id, e.g. excellent. */
    id: rowIdSchema,
    /** Grade name, e.g. 优秀. */
    name: labelSchema,
    /** Lower bound (inclusive) of the monthly or annual total. */
    min: z.number().min(0, { error: '等级下限不能为负数' }),
  });

  /** A grade named by its id or its name; checked against `grades` in the object's refinement. */
  const gradeRef = labelSchema;

  const team = z.strictObject({
    /**
     * Recommended grade distribution of a team: per grade, the highest share of the members
     * (0–100 %). Going over shows a warning in 团队考核, never a block. Default 优秀 ≤ 20 %.
     */
    distribution: z.array(
      z.strictObject({
        /** A grade's id or name, e.g. excellent or 优秀. */
        grade: gradeRef,
        /** Highest recommended share, 0–100 (%). */
        maxPercent: percentSchema,
      }),
    ),
    /** Rules flagging 晋升 / 培训 / 荣誉表彰 candidates (四（三）2–4); each cites its clause. */
    candidates: z.array(
      z
        .strictObject({
          /** Permanent ASCII id, e.g. promotion. */
          id: rowIdSchema,
          /** What the flag says, e.g. 晋升候选. */
          name: labelSchema,
          /** The clause the flag cites: c4-3-2 晋升, c4-3-3 培训, c4-3-4 荣誉表彰. */
          clause,
          /** month（月度）| year（年度）| any（都看）. Default any. */
          period: z
            .enum(['month', 'year', 'any'], {
              error: '考核周期 period 只能是 month（月度）、year（年度）或 any（都看）',
            })
            .default('any'),
          /** Grades (id or name) that flag a member. Optional. */
          grades: z.array(gradeRef).optional(),
          /** A KPI score below this flags a member (monthly records). Optional. */
          kpiScoreBelow: z
            .number()
            .min(0, { error: '指标得分线 kpiScoreBelow 不能为负数' })
            .max(200, { error: '指标得分线 kpiScoreBelow 不能超过 200' })
            .optional(),
        })
        .refine((r) => (r.grades?.length ?? 0) > 0 || r.kpiScoreBelow !== undefined, {
          error: (issue) =>
            `候选规则「${String((issue.input as { name?: unknown }).name)}」没有条件：请至少填写 grades（等级）或 kpiScoreBelow（指标得分线）之一`,
        }),
    ),
  });

  return z
    .strictObject({
      /** 四（一）考核指标, cited by the tools' "how it is computed": c4-1. */
      clause,
      /** Monthly total = performance × performance% + behaviour × behaviour%. Default 80 / 20. */
      split: z
        .strictObject({
          /** 业绩 share of the total. Default 80. */
          performance: percentSchema,
          /** 工作规范 share of the total. Default 20. */
          behaviour: percentSchema,
        })
        .refine((s) => Math.abs(s.performance + s.behaviour - 100) < 1e-9, {
          error: (issue) => {
            const s = issue.input as { performance: number; behaviour: number };
            return `业绩占比与工作规范占比之和为 ${fmt(s.performance + s.behaviour)}，应为 100`;
          },
        }),
      /** Appraisal groups of 二（一）/四（一）, in display order. */
      groups: z.array(group).min(1, { error: '至少要有一个考核组' }),
      /** 工作规范 (三（四）1–5), each rated 1–5. */
      behaviour: z
        .strictObject({
          /** c3-4. */
          clause,
          /** The five items of 三（四）. */
          items: z.array(behaviourItem).min(1, { error: '至少要有一项工作规范' }),
        })
        .superRefine((b, ctx) => {
          checkUniqueIds(b.items, '工作规范', ctx, ['items']);
          const sum = b.items.reduce((s, i) => s + i.weight, 0);
          if (b.items.length > 0 && Math.abs(sum - 100) > 1e-9) {
            ctx.addIssue({
              code: 'custom',
              path: ['items'],
              message: `工作规范各项权重之和为 ${fmt(sum)}，应为 100`,
            });
          }
        }),
      /** Grade bands from the highest to the lowest; the last lower bound is 0. */
      grades: z
        .array(grade)
        .min(1, { error: '至少要有一个等级' })
        .superRefine((bands, ctx) => {
          checkUniqueIds(bands, '等级', ctx, []);
          for (let i = 1; i < bands.length; i++) {
            const above = bands[i - 1]!;
            const band = bands[i]!;
            if (band.min === above.min) {
              ctx.addIssue({
                code: 'custom',
                path: [i, 'min'],
                message: `「${band.name}」与「${above.name}」的下限都是 ${fmt(band.min)}，两个等级重叠；每个等级的下限必须不同`,
              });
            } else if (band.min > above.min) {
              ctx.addIssue({
                code: 'custom',
                path: [i, 'min'],
                message: `等级应从高到低排列：「${band.name}」的下限 ${fmt(band.min)} 高于上一级「${above.name}」的下限 ${fmt(above.min)}`,
              });
            }
          }
          const last = bands.at(-1);
          if (last && last.min !== 0) {
            ctx.addIssue({
              code: 'custom',
              path: [bands.length - 1, 'min'],
              message: `最低等级「${last.name}」的下限应为 0，否则 0 到 ${fmt(last.min)} 分之间的得分没有等级`,
            });
          }
        }),
      /** Annual score (四（二）) = monthly average × monthlyWeight% + review × reviewWeight%. */
      annual: z
        .strictObject({
          /** c4-2. */
          clause,
          /** Weight of the average of the months with a result. Default 70. */
          monthlyWeight: percentSchema,
          /** Weight of the annual review. Default 30. */
          reviewWeight: percentSchema,
          /** Fewest months with a result for an annual score. Default 6. */
          minMonths: z
            .number()
            .int({ error: '最少月份数 minMonths 应为整数' })
            .min(1, { error: '最少月份数 minMonths 应在 1–12 之间' })
            .max(12, { error: '最少月份数 minMonths 应在 1–12 之间' }),
        })
        .superRefine((a, ctx) => {
          const sum = a.monthlyWeight + a.reviewWeight;
          if (Math.abs(sum - 100) > 1e-9) {
            ctx.addIssue({
              code: 'custom',
              path: [],
              message: `月度平均占比与年度评议占比之和为 ${fmt(sum)}，应为 100`,
            });
          }
        }),
      /** 团队考核 (四（三）2–4): recommended grade distribution and candidate rules. Optional. */
      team: team.optional(),
      /**
       * Day of the month (1–28, a day every month has) by which the self-review is done: 绩效自评's
       * 每月提醒 repeats on it. Set by the department; the policy fixes no day. Optional: without
       * it no reminder is offered. Default (shipped file) 5.
       */
      selfReviewDueDay: z
        .number()
        .int({ error: '自评提醒日 selfReviewDueDay 应为整数（每月几号），如 5' })
        .min(1, { error: '自评提醒日 selfReviewDueDay 应在 1–28 之间（28 日以内每个月都有）' })
        .max(28, { error: '自评提醒日 selfReviewDueDay 应在 1–28 之间（28 日以内每个月都有）' })
        .optional(),
    })
    .superRefine((a, ctx) => {
      checkUniqueIds(a.groups, '考核组', ctx, ['groups']);
      if (!a.team) return;
      const known = new Set(a.grades.flatMap((g) => [g.id, g.name]));
      const list = a.grades.map((g) => `${g.id}（${g.name}）`).join('、');
      const unknown = (ref: string, path: (string | number)[]) => {
        if (!known.has(ref)) {
          ctx.addIssue({ code: 'custom', path, message: `等级「${ref}」不存在；可用的等级：${list}` });
        }
      };
      const seen = new Map<string, number>();
      a.team.distribution.forEach((d, i) => {
        unknown(d.grade, ['team', 'distribution', i, 'grade']);
        const id = a.grades.find((g) => g.id === d.grade || g.name === d.grade)?.id ?? d.grade;
        const first = seen.get(id);
        if (first === undefined) seen.set(id, i);
        else {
          ctx.addIssue({
            code: 'custom',
            path: ['team', 'distribution', i, 'grade'],
            message: `等级「${d.grade}」与第 ${first + 1} 项重复，每个等级只能写一次`,
          });
        }
      });
      checkUniqueIds(a.team.candidates, '候选规则', ctx, ['team', 'candidates']);
      a.team.candidates.forEach((r, i) =>
        r.grades?.forEach((g, j) => unknown(g, ['team', 'candidates', i, 'grades', j])),
      );
    });
}

export type Appraisal = z.infer<ReturnType<typeof appraisalSchema>>;

// Logic computes with the plain interface; the data read through this schema must fit it.
true satisfies Appraisal extends AppraisalPolicy ? true : false;
