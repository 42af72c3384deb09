import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
// The real module behind `astro:content`'s defineCollection; importable outside Vite (tests).
import { defineCollection } from 'astro/content/config';
import type { LoaderContext } from 'astro/loaders';
import type { z } from 'astro/zod';
import { appraisalSchema } from './appraisal';
import { bonusSchema } from './bonus';
import { budgetSchema } from './budget';
import { parsePolicyYaml } from './load-policy';
import { metaSchema } from './meta';
import { onboardingSchema } from './onboarding';
import { quizSchema } from './quiz';
import { quizReviewWarning } from '../core/quiz-review';
import { quizSources, quizToReview } from '../policy/quiz';

/** Folder of the policy data files, relative to the project root. */
export const POLICY_DIR = 'content/policy/';

/** Id of the single entry each policy collection holds: `getEntry('bonus', 'default')`. */
export const POLICY_ENTRY_ID = 'default';

async function readPolicyFile(root: URL, fileName: string): Promise<string> {
  return readFile(new URL(POLICY_DIR + fileName, root), 'utf8');
}

/**
 * A loader that reads content/policy/<fileName>, validates it with `schema` through the
 * friendly-error helper (so a bad file fails the build naming file, field and reason), and
 * stores it as the single entry `default`. In dev it reloads when the file changes.
 */
function policyFileLoader(
  fileName: string,
  schemaFor: (ctx: LoaderContext) => Promise<z.ZodType> | z.ZodType,
  /** Runs on the validated data: a warning for the admin that does not stop the build. */
  after?: (data: Record<string, unknown>, ctx: LoaderContext) => void,
) {
  return {
    name: `policy-yaml:${fileName}`,
    load: async (ctx: LoaderContext): Promise<void> => {
      const sync = async () => {
        const text = await readPolicyFile(ctx.config.root, fileName);
        const data = parsePolicyYaml(fileName, text, await schemaFor(ctx)) as Record<string, unknown>;
        after?.(data, ctx);
        const filePath = POLICY_DIR + fileName;
        const parsed = await ctx.parseData({ id: POLICY_ENTRY_ID, data, filePath });
        ctx.store.clear();
        ctx.store.set({ id: POLICY_ENTRY_ID, data: parsed, filePath, digest: ctx.generateDigest(text) });
      };
      await sync();
      const absolute = fileURLToPath(new URL(POLICY_DIR + fileName, ctx.config.root));
      ctx.watcher?.add(absolute);
      ctx.watcher?.on('change', (changed) => {
        if (changed !== absolute) return;
        sync().catch((error: unknown) => ctx.logger.error(error instanceof Error ? error.message : String(error)));
      });
    },
  };
}

/**
 * The policy-parameter collections (`appraisal`, `bonus`, `budget`, `onboarding`, `meta`, `quiz`),
 * each one entry `default`. `knownClauseIds` is the set of clause ids published on the
 * chapter pages; every `clause:` in the data must be one of them.
 *
 *   // content.config.ts
 *   export const collections = { docs: …, ...policyCollections(knownClauseIds()) };
 */
export function policyCollections(knownClauseIds: ReadonlySet<string>) {
  const appraisal = appraisalSchema(knownClauseIds);
  const bonus = bonusSchema(knownClauseIds);
  const budget = budgetSchema(knownClauseIds);
  // Onboarding roles are the appraisal group ids: read them from appraisal.yaml.
  const onboardingFor = async (ctx: LoaderContext) => {
    const groups = parsePolicyYaml('appraisal.yaml', await readPolicyFile(ctx.config.root, 'appraisal.yaml'), appraisal).groups;
    return onboardingSchema(knownClauseIds, new Set(groups.map((g) => g.id)));
  };
  const onboarding = onboardingSchema(knownClauseIds);
  const rootPath = (ctx: LoaderContext) => fileURLToPath(ctx.config.root);
  // Quiz roles are the appraisal group ids too; quotes are checked against the published clause texts.
  const quizFor = async (ctx: LoaderContext) => {
    const groups = parsePolicyYaml('appraisal.yaml', await readPolicyFile(ctx.config.root, 'appraisal.yaml'), appraisal).groups;
    const sources = quizSources(rootPath(ctx), new Set(groups.map((g) => g.id)));
    return quizSchema({ ...sources, knownClauseIds });
  };
  // After a release: the questions whose clause changed since they were checked (the build goes on).
  const quizReview = (data: Record<string, unknown>, ctx: LoaderContext) => {
    const questions = data['questions'] as Parameters<typeof quizToReview>[0];
    const warning = quizReviewWarning(quizToReview(questions, rootPath(ctx)));
    if (warning) ctx.logger.warn(warning);
  };
  // The collection's own schema gives the entry its type; the loader has already checked the quotes.
  const quiz = quizSchema({ knownClauseIds });

  return {
    appraisal: defineCollection({ loader: policyFileLoader('appraisal.yaml', () => appraisal), schema: appraisal }),
    bonus: defineCollection({ loader: policyFileLoader('bonus.yaml', () => bonus), schema: bonus }),
    budget: defineCollection({ loader: policyFileLoader('budget.yaml', () => budget), schema: budget }),
    onboarding: defineCollection({ loader: policyFileLoader('onboarding.yaml', onboardingFor), schema: onboarding }),
    meta: defineCollection({ loader: policyFileLoader('meta.yaml', () => metaSchema), schema: metaSchema }),
    quiz: defineCollection({ loader: policyFileLoader('quiz.yaml', quizFor, quizReview), schema: quiz }),
  };
}
