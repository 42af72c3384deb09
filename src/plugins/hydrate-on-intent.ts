// Registers client:intent (src/tools/kit/ui/hydrate-on-intent.ts) for the tool islands, and at the
// end of the build writes on each such island the chunks its tool needs (./island-preload), so the
// directive can ask for them all at once.
import { readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { addIslandPreloads, assetReader } from './island-preload';

async function htmlFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const nested = await Promise.all(
    entries.map((e) => {
      const p = join(dir, e.name);
      if (e.isDirectory()) return e.name === '_astro' ? Promise.resolve([]) : htmlFiles(p);
      return Promise.resolve(e.name.endsWith('.html') ? [p] : []);
    }),
  );
  return nested.flat();
}

export function hydrateOnIntent(): AstroIntegration {
  let base = '/';
  return {
    name: 'hydrate-on-intent',
    hooks: {
      'astro:config:setup': ({ addClientDirective }) => {
        addClientDirective({ name: 'intent', entrypoint: './src/tools/kit/ui/hydrate-on-intent.ts' });
      },
      'astro:config:done': ({ config }) => {
        base = config.base.endsWith('/') ? config.base : `${config.base}/`;
      },
      // Before csp-inline-hashes and offline, which read the finished pages.
      'astro:build:done': async ({ dir, logger }) => {
        const outDir = fileURLToPath(dir);
        const read = assetReader(outDir);
        let islands = 0;
        for (const file of await htmlFiles(outDir)) {
          const html = await readFile(file, 'utf8');
          const next = addIslandPreloads(html, base, read);
          if (next !== html) {
            islands += 1;
            await writeFile(file, next);
          }
        }
        logger.info(`chunk lists written on the tool islands of ${islands} page(s)`);
      },
    },
  };
}

declare module 'astro' {
  interface AstroClientDirectives {
    /** Space-separated storage namespaces whose saved entries make the island load at once. */
    'client:intent'?: string;
  }
}
