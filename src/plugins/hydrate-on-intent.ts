// Registers client:intent (src/tools/kit/ui/hydrate-on-intent.ts) for the tool islands.
import type { AstroIntegration } from 'astro';

export function hydrateOnIntent(): AstroIntegration {
  return {
    name: 'hydrate-on-intent',
    hooks: {
      'astro:config:setup': ({ addClientDirective }) => {
        addClientDirective({ name: 'intent', entrypoint: './src/tools/kit/ui/hydrate-on-intent.ts' });
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
