import { z } from 'astro/zod';
import type { OnboardingPolicy } from '../core/policy-types';
import { CHAPTERS } from '../core/chapters';
import { checkUniqueIds, clauseRefSchema, labelSchema, rowIdSchema } from './policy-common';

/**
 * 新员工入职清单（content/policy/onboarding.yaml）：五（一）1 新员工入职培训及其提到的各章。
 * `knownClauseIds`: clause ids published on the site. `roleIds`: appraisal group ids
 * (appraisal.yaml); when given, every role an item names must be one of them.
 */
export function onboardingSchema(knownClauseIds: ReadonlySet<string>, roleIds?: ReadonlySet<string>) {
  const slugs: readonly string[] = CHAPTERS.map((c) => c.slug);

  const phase = z.strictObject({
    /** Permanent ASCII id, e.g. week1. */
    id: rowIdSchema,
    /** Phase name: 入职首日 / 首周 / 首月. */
    name: labelSchema,
    /** Due on start date + dueDay calendar days (start = 0). Default 0 / 7 / 30. */
    dueDay: z
      .number()
      .int({ error: '完成期限 dueDay 应为整数天数' })
      .min(0, { error: '完成期限 dueDay 不能为负数（入职当天为 0）' })
      .max(365, { error: '完成期限 dueDay 不能超过 365 天' }),
  });

  const role = z.string().superRefine((r, ctx) => {
    if (roleIds && !roleIds.has(r)) {
      ctx.addIssue({
        code: 'custom',
        message: `岗位「${r}」不存在；应为 appraisal.yaml 中的考核组 id：${[...roleIds].join('、')}`,
      });
    }
  });

  const item = z.strictObject({
    /** Permanent ASCII id; saved progress keys on it. */
    id: rowIdSchema,
    /** What to do, e.g. 学习市场推广流程. */
    title: labelSchema,
    /** Id of one of `phases`. */
    phase: z.string(),
    /** `all`, or the appraisal group ids the item is for. Default all. */
    roles: z.union([z.literal('all'), z.array(role).min(1, { error: '至少列出一个岗位，或写 all' })], {
      error: 'roles 应写 all（全部岗位），或列出岗位 id，如 [promotion, crm]',
    }),
    /** Who sees to it: 本人 / 导师 / 经理. */
    owner: z.enum(['本人', '导师', '经理'], { error: '负责人 owner 只能是 本人、导师 或 经理' }),
    /** Clause the item points to, e.g. c3-2. */
    clause: clauseRefSchema(knownClauseIds),
  });

  return z
    .strictObject({
      /** 五（一）1 新员工入职培训, cited beside the progress: c5-1-1. */
      clause: clauseRefSchema(knownClauseIds),
      /** Phases in order, dueDay strictly increasing. Default 入职首日 0 / 首周 7 / 首月 30. */
      phases: z
        .array(phase)
        .min(1, { error: '至少要有一个阶段' })
        .superRefine((ps, ctx) => {
          checkUniqueIds(ps, '阶段', ctx, []);
          for (let i = 1; i < ps.length; i++) {
            if (ps[i]!.dueDay <= ps[i - 1]!.dueDay) {
              ctx.addIssue({
                code: 'custom',
                path: [i, 'dueDay'],
                message: `阶段应按先后排列：「${ps[i]!.name}」的期限第 ${ps[i]!.dueDay} 天不晚于上一阶段「${ps[i - 1]!.name}」的第 ${ps[i - 1]!.dueDay} 天`,
              });
            }
          }
        }),
      /** Chapter slugs in suggested reading order, each once. */
      readingPath: z
        .array(
          z.string().refine((s) => slugs.includes(s), {
            error: (issue) => `「${String(issue.input)}」不是章节网址名；应为 ${slugs.join('、')} 之一`,
          }),
        )
        .min(1, { error: '阅读顺序至少要有一章' })
        .superRefine((path, ctx) => {
          path.forEach((s, i) => {
            if (path.indexOf(s) !== i) {
              ctx.addIssue({ code: 'custom', path: [i], message: `「${s}」在阅读顺序中出现了两次` });
            }
          });
        }),
      /** Checklist items in display order. */
      items: z.array(item).min(1, { error: '入职清单至少要有一项' }),
    })
    .superRefine((o, ctx) => {
      checkUniqueIds(o.items, '清单条目', ctx, ['items']);
      const phaseIds = o.phases.map((p) => p.id);
      o.items.forEach((it, i) => {
        if (!phaseIds.includes(it.phase)) {
          ctx.addIssue({
            code: 'custom',
            path: ['items', i, 'phase'],
            message: `阶段「${it.phase}」不存在；应为 phases 中的 id：${phaseIds.join('、')}`,
          });
        }
      });
    });
}

export type Onboarding = z.infer<ReturnType<typeof onboardingSchema>>;

// Logic computes with the plain interface; the data read through this schema must fit it.
true satisfies Onboarding extends OnboardingPolicy ? true : false;
