import { defineCollection } from 'astro:content';
import { z } from 'astro/zod';
import { docsLoader, i18nLoader } from '@astrojs/starlight/loaders';
import { docsSchema, i18nSchema } from '@astrojs/starlight/schema';
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { metaSchema } from './src/schemas/meta';

export const collections = {
  i18n: defineCollection({ loader: i18nLoader(), schema: i18nSchema() }),
  docs: defineCollection({
    loader: docsLoader(),
    schema: docsSchema({
      extend: z.object({
        /** Chapter number (1–6) on the six chapter pages; clause ids are built from it. */
        chapter: z.number().int().min(1).max(6).optional(),
        /** Clause ids whose title the handbook added because the source item has none. */
        editorialTitles: z.array(z.string()).optional(),
      }),
    }),
  }),
  meta: defineCollection({
    loader: async () => [{ id: 'default', ...parse(readFileSync('content/policy/meta.yaml', 'utf8')) }],
    schema: metaSchema,
  }),
};
