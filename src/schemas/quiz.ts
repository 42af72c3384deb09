import { z } from 'astro/zod';
import type { QuizPolicy } from '../core/policy-types';
import { checkUniqueIds, clauseRefSchema, labelSchema, percentSchema, rowIdSchema } from './policy-common';

/** What the quiz file is checked against: the policy as published by this build. */
export interface QuizSources {
  /** Clause ids published on the site. */
  readonly knownClauseIds: ReadonlySet<string>;
  /**
   * The published words of a clause and its sub-items (title and text), '' for an unknown id; when
   * given, every quote must be found in its clause's words.
   */
  readonly clauseText?: (id: string) => string;
  /** Appraisal group ids (appraisal.yaml); when given, every role a question names must be one. */
  readonly roleIds?: ReadonlySet<string>;
  /** Archived versions (content/versions); when given, `checked` must be one of them. */
  readonly versions?: readonly string[];
}

/**
 * 制度测验（content/policy/quiz.yaml）: questions as content, each citing the clause it tests and
 * quoting it word for word, so a question never says more than the policy does.
 */
export function quizSchema(sources: QuizSources) {
  const { knownClauseIds, roleIds, versions } = sources;

  const role = z.string().superRefine((r, ctx) => {
    if (roleIds && !roleIds.has(r)) {
      ctx.addIssue({
        code: 'custom',
        message: `岗位「${r}」不存在；应为 appraisal.yaml 中的考核组 id：${[...roleIds].join('、')}`,
      });
    }
  });

  const question = z
    .strictObject({
      /** Permanent ASCII id; a new hire's answers key on it. */
      id: rowIdSchema,
      /** The clause tested, e.g. c3-3-4. */
      clause: clauseRefSchema(knownClauseIds),
      /** `all`, or the appraisal group ids it is asked of. */
      roles: z.union([z.literal('all'), z.array(role).min(1, { error: '至少列出一个岗位，或写 all' })], {
        error: 'roles 应写 all（全部岗位），或列出岗位 id，如 [promotion, crm]',
      }),
      /** Policy version the question was last checked against, e.g. "1.0" (quoted in YAML). */
      checked: z
        .string({ error: 'checked 应写版本号，并加引号，如 "1.0"' })
        .regex(/^\d+(\.\d+)*$/, { error: 'checked 应写版本号，如 "1.0"' })
        .refine((v) => !versions || versions.length === 0 || versions.includes(v), {
          error: (issue) =>
            `版本「${String(issue.input)}」没有发布过；应为 content/versions 中的版本：${(versions ?? []).join('、')}`,
        }),
      /** The question as the new hire reads it. */
      question: labelSchema,
      /** At least two, all different. */
      options: z.array(labelSchema).min(2, { error: '至少要有 2 个选项' }),
      /** Right options, 1-based. */
      answer: z
        .array(z.number().int({ error: '正确答案应写选项的序号（从 1 数起）' }))
        .min(1, { error: '至少要有一个正确答案' }),
      /** Words of the clause the answer comes from, verbatim. */
      quote: labelSchema,
    })
    .superRefine((q, ctx) => {
      q.options.forEach((o, i) => {
        const first = q.options.indexOf(o);
        if (first !== i) {
          ctx.addIssue({
            code: 'custom',
            path: ['options', i],
            message: `选项「${o}」与第 ${first + 1} 个选项相同，每个选项必须不同`,
          });
        }
      });
      q.answer.forEach((n, i) => {
        if (n < 1 || n > q.options.length) {
          ctx.addIssue({
            code: 'custom',
            path: ['answer', i],
            message: `题目「${q.id}」只有 ${q.options.length} 个选项，正确答案应为 1 到 ${q.options.length} 之间的序号，现在是 ${n}`,
          });
        } else if (q.answer.indexOf(n) !== i) {
          ctx.addIssue({ code: 'custom', path: ['answer', i], message: `正确答案 ${n} 写了两次` });
        }
      });
      // Only what the policy says: the quote must be in the clause as published (六（一）… as on the site).
      const words = sources.clauseText;
      if (words && knownClauseIds.has(q.clause) && !words(q.clause).includes(q.quote)) {
        ctx.addIssue({
          code: 'custom',
          path: ['quote'],
          message: `题目「${q.id}」的引文在条款 ${q.clause} 的原文中找不到；请从该条款（或其下各项）原文中一字不差地复制，标点用全角`,
        });
      }
    });

  return z
    .strictObject({
      /** Questions asked in one attempt. Default 10. */
      askCount: z
        .number()
        .int({ error: '每次出题数 askCount 应为整数' })
        .min(1, { error: '每次出题数 askCount 至少为 1' }),
      /** Pass mark, percent of first answers right. Default 80. */
      passPercent: percentSchema,
      questions: z.array(question).min(1, { error: '至少要有一道题' }),
    })
    .superRefine((quiz, ctx) => {
      checkUniqueIds(quiz.questions, '题目', ctx, ['questions']);
    });
}

export type Quiz = z.infer<ReturnType<typeof quizSchema>>;

// Logic computes with the plain interface; the data read through this schema must fit it.
true satisfies Quiz extends QuizPolicy ? true : false;
