// Sätteri hast plugin: Markdown links written from the site root (/workflows/#c3-3-4) get the
// deployment base (/handbook/workflows/#c3-3-4), so the same content works under a sub-path.
interface HastElement {
  type: 'element';
  tagName: string;
  properties?: Record<string, unknown>;
}
interface VisitContext {
  setProperty(node: HastElement, name: string, value: unknown): void;
}

/** "/x/" → base + "x/"; leaves external, relative, hash-only and already-prefixed links alone. */
export function withBase(href: string, base: string): string {
  const prefix = base.endsWith('/') ? base : `${base}/`;
  if (prefix === '/' || !href.startsWith('/') || href.startsWith('//') || href.startsWith(prefix)) return href;
  return prefix + href.slice(1);
}

export function baseLinksPlugin(base: string) {
  // A factory, like clause-headings: Sätteri types a plain object's visitor context more strictly.
  return () => ({
    name: 'base-links',
    element: {
      filter: ['a'],
      visit(node: HastElement, ctx: VisitContext) {
        const href = node.properties?.['href'];
        if (typeof href !== 'string') return;
        const next = withBase(href, base);
        if (next !== href) ctx.setProperty(node, 'href', next);
      },
    },
  });
}
