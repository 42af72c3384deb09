import { defineCollection } from 'astro:content';
import { z } from 'astro/zod';
import { docsLoader, i18nLoader } from '@astrojs/starlight/loaders';
import { docsSchema, i18nSchema } from '@astrojs/starlight/schema';
import { policyCollections } from './src/schemas/collections';
import { knownClauseIds } from './src/policy/outline';

export const collections = {
  i18n: defineCollection({ loader: i18nLoader(), schema: i18nSchema() }),
  docs: defineCollection({
    loader: docsLoader(),
    schema: docsSchema({
      extend: z.object({
        /** Chapter number (第几章) on a chapter page; clause ids are built from it. A new file with
         * a new number is a new chapter (src/policy/chapters.ts checks the title matches). */
        chapter: z.number().int().min(1).max(99).optional(),
        /** Clause ids whose title the handbook added because the source item has none. */
        editorialTitles: z.array(z.string()).optional(),
      }),
    }),
  }),
  // content/policy/*.yaml, validated at build; clause references must exist on the chapter pages.
  ...policyCollections(knownClauseIds()),
};
