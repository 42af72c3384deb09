// A tool island's code is a tree of small chunks: the browser learns of a chunk's imports only once
// the chunk has arrived, so a tool loads in as many round trips as the tree is deep (a year's
// 团队考核 waited on three). At build time each client:intent island gets the list of every chunk
// its component and renderer import statically (data-preload); the directive asks for them all at
// once (<link rel="modulepreload">) when it loads the tool, and not before, so a page's first visit
// loads no more than it did.
import { existsSync, readFileSync } from 'node:fs';
import { join, posix } from 'node:path';

/** The attribute the directive reads (src/tools/kit/ui/hydrate-on-intent.ts). */
export const PRELOAD_ATTRIBUTE = 'data-preload';

// A static import or re-export of a sibling chunk, minified or not: import{a}from"./x.js",
// import"./x.js", export{a}from"./x.js". Not import("./x.js"): what loads on demand stays so.
const STATIC_IMPORT = /\b(?:import|export)\s*(?:[\w$*{}\s,]*?\bfrom\s*)?["']\.\/([\w.~-]+\.m?js)["']/g;

/** The sibling chunks `code` imports statically. */
export function staticImports(code: string): string[] {
  return [...new Set([...code.matchAll(STATIC_IMPORT)].map((m) => m[1] as string))];
}

/**
 * Every chunk `roots` need before they run (they included), in a stable order.
 * `read` gives a chunk's code by its file name in the chunk folder, or null when there is none.
 */
export function staticClosure(roots: readonly string[], read: (file: string) => string | null): string[] {
  const seen = new Set<string>();
  const todo = [...roots];
  while (todo.length > 0) {
    const file = todo.shift() as string;
    if (seen.has(file)) continue;
    const code = read(file);
    if (code === null) continue;
    seen.add(file);
    todo.push(...staticImports(code));
  }
  return [...seen];
}

const ISLAND = /<astro-island\b[^>]*>/g;
const attr = (tag: string, name: string) => new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1] ?? null;

/**
 * `html` with data-preload on each client:intent island: the URLs (as the page writes them, with the
 * base) of the chunks its component and renderer import, theirs included. `readAsset` reads a file
 * of the build by its URL path without the base ('_astro/x.js'), or gives null.
 */
export function addIslandPreloads(
  html: string,
  base: string,
  readAsset: (path: string) => string | null,
): string {
  return html.replace(ISLAND, (tag) => {
    if (attr(tag, 'client') !== 'intent' || attr(tag, PRELOAD_ATTRIBUTE) !== null) return tag;
    const roots = ['component-url', 'renderer-url', 'before-hydration-url']
      .map((name) => attr(tag, name))
      .filter((url): url is string => url !== null && url.startsWith(base));
    if (roots.length === 0) return tag;
    const dir = posix.dirname(roots[0]!.slice(base.length));
    if (roots.some((url) => posix.dirname(url.slice(base.length)) !== dir)) return tag;
    const files = staticClosure(
      roots.map((url) => posix.basename(url)),
      (file) => readAsset(posix.join(dir, file)),
    );
    const urls = files.map((file) => `${base}${posix.join(dir, file)}`);
    return tag.replace(/>$/, ` ${PRELOAD_ATTRIBUTE}="${urls.join(' ')}">`);
  });
}

/** Reads a file of the build folder `outDir` ('_astro/x.js'), or null. */
export function assetReader(outDir: string): (path: string) => string | null {
  const cache = new Map<string, string | null>();
  return (path) => {
    if (!cache.has(path)) {
      const file = join(outDir, path);
      cache.set(path, existsSync(file) ? readFileSync(file, 'utf8') : null);
    }
    return cache.get(path) ?? null;
  };
}
