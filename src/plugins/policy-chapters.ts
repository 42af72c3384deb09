// Vite plugin behind `virtual:policy-chapters`: the chapter list read from content/docs at build,
// so islands and pages share one list that nobody maintains by hand (src/core/chapters.ts).
import { join } from 'node:path';
import type { AstroIntegration } from 'astro';
import { readChapters, DOCS_DIR } from '../policy/chapters.ts';

const ID = 'virtual:policy-chapters';
const RESOLVED = `\0${ID}`;

export function policyChaptersVitePlugin(root: string = process.cwd()) {
  return {
    name: 'policy-chapters',
    resolveId(id: string) {
      return id === ID ? RESOLVED : undefined;
    },
    load(this: { addWatchFile?: (file: string) => void }, id: string) {
      if (id !== RESOLVED) return undefined;
      const chapters = readChapters(root);
      for (const c of chapters) this.addWatchFile?.(join(root, DOCS_DIR, `${c.slug}.mdx`));
      return `export default ${JSON.stringify(chapters)};`;
    },
  };
}

/** Astro integration: registers the plugin (one entry in astro.config.mjs). */
export function policyChapters(): AstroIntegration {
  return {
    name: 'policy-chapters',
    hooks: {
      'astro:config:setup': ({ updateConfig }) => {
        updateConfig({ vite: { plugins: [policyChaptersVitePlugin()] } });
      },
    },
  };
}
