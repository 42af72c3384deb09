import { z } from 'astro/zod';
import type { SearchSynonymsPolicy } from '../core/policy-types';

/** A word as readers type it or as the policy writes it: the search splits queries at spaces and quotes. */
const wordSchema = z
  .string()
  .trim()
  .min(1, { error: '不能为空' })
  .regex(/^[^\s"“”'‘’]+$/, { error: '一个词里不能有空格或引号' });

/**
 * 搜索同义词表（content/policy/search-synonyms.yaml）：读者常用、制度原文不用的说法 → 制度原文的说法。
 * `policyText` is the published text of the policy (every clause); each policy word must occur in it,
 * so the table only leads readers to what the policy says and never adds to it.
 */
export function searchSynonymsSchema(policyText: string) {
  const policyWord = wordSchema.refine((word) => policyText.includes(word), {
    error: (issue) =>
      `「${String(issue.input)}」在制度正文中没有出现：同义词只能指向制度原文里的词（请从条款原文中复制）；制度没有写到的内容不要加同义词`,
  });

  const entry = z.strictObject({
    /** Words readers search with, e.g. 报销; a query holding any of them uses this row. At least one. */
    readerWords: z.array(wordSchema).min(1, { error: '至少要有 1 个读者用词' }),
    /** Words of the policy text searched instead, e.g. 费用支出、审批. At least one; each must occur in the policy. */
    policyWords: z.array(policyWord).min(1, { error: '至少要有 1 个制度用词' }),
  });

  return z.strictObject({
    /** The rows; an empty list turns synonyms off. */
    synonyms: z.array(entry).superRefine((rows, ctx) => {
      // One reader word, one row: two rows for 报销 would make the search say two different things.
      const seen = new Map<string, number>();
      rows.forEach((row, i) => {
        row.readerWords.forEach((word, j) => {
          const first = seen.get(word);
          if (first === undefined) seen.set(word, i);
          else
            ctx.addIssue({
              code: 'custom',
              path: [i, 'readerWords', j],
              message: `读者用词「${word}」已在第 ${first + 1} 项出现，每个词只能写在一项里`,
            });
        });
      });
    }),
  });
}

export type SearchSynonyms = z.infer<ReturnType<typeof searchSynonymsSchema>>;

// The search computes with the plain interface; the data read through this schema must fit it.
true satisfies SearchSynonyms extends SearchSynonymsPolicy ? true : false;
