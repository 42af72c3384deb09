// Astro's security.csp hashes the scripts Astro bundles, but not the `is:inline` scripts that
// Starlight's components write (theme, sidebar, search shortcut…), nor every small stylesheet it
// inlines as <style>. After the build, this adds the hash of every inline script and style on each
// page to that page's CSP, so nothing is pasted by hand and a Starlight upgrade that changes them
// cannot silently break the page.
import { createHash } from 'node:crypto';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';

const META_RE = /(<meta http-equiv="content-security-policy" content=")([^"]*)(")/i;
const INLINE_SCRIPT_RE = /<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/gi;
const INLINE_STYLE_RE = /<style\b[^>]*>([\s\S]*?)<\/style>/gi;

export function sha256(text: string): string {
  return `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
}

/** Adds to `directive` (e.g. "script-src") the hash of every body matched by `re` it lacks. */
function addHashes(
  directives: string[],
  name: string,
  html: string,
  re: RegExp,
  added: string[],
): void {
  const index = directives.findIndex((d) => d === name || d.startsWith(`${name} `));
  let directive = index >= 0 ? directives[index]! : `${name} 'self'`;
  const missing: string[] = [];
  for (const match of html.matchAll(re)) {
    const body = match[1] ?? '';
    if (!body.trim()) continue;
    const hash = sha256(body);
    if (!directive.includes(hash) && !missing.includes(hash)) missing.push(hash);
  }
  if (missing.length === 0) return;
  directive = `${directive} ${missing.join(' ')}`;
  if (index >= 0) directives[index] = directive;
  else directives.push(directive);
  added.push(...missing);
}

/**
 * Returns the page with every inline script's hash in its CSP script-src and every inline style's
 * hash in its style-src, and the hashes added. A page without a CSP meta is returned unchanged
 * (and reported by the caller).
 */
export function addMissingScriptHashes(html: string): { html: string; added: string[]; hasCsp: boolean } {
  const meta = META_RE.exec(html);
  if (!meta) return { html, added: [], hasCsp: false };
  const directives = (meta[2] ?? '').split(';').map((d) => d.trim()).filter(Boolean);
  const added: string[] = [];
  addHashes(directives, 'script-src', html, INLINE_SCRIPT_RE, added);
  addHashes(directives, 'style-src', html, INLINE_STYLE_RE, added);
  if (added.length === 0) return { html, added, hasCsp: true };
  const newPolicy = `${directives.join('; ')};`;
  return {
    html: html.replace(META_RE, (_m, open: string, _p: string, close: string) => `${open}${newPolicy}${close}`),
    added,
    hasCsp: true,
  };
}

async function htmlFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const nested = await Promise.all(
    entries.map((e) => {
      const p = join(dir, e.name);
      if (e.isDirectory()) return htmlFiles(p);
      return Promise.resolve(e.name.endsWith('.html') ? [p] : []);
    }),
  );
  return nested.flat();
}

export function cspInlineHashes(): AstroIntegration {
  return {
    name: 'csp-inline-hashes',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const files = await htmlFiles(fileURLToPath(dir));
        let pages = 0;
        const missingCsp: string[] = [];
        for (const file of files) {
          const source = await readFile(file, 'utf8');
          const result = addMissingScriptHashes(source);
          if (!result.hasCsp) missingCsp.push(file);
          if (result.added.length > 0) {
            await writeFile(file, result.html);
            pages += 1;
          }
        }
        if (missingCsp.length > 0) {
          throw new Error(`这些页面没有 Content-Security-Policy：${missingCsp.join(', ')}`);
        }
        logger.info(`inline script and style hashes added to the CSP of ${pages} page(s)`);
      },
    },
  };
}
