import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { addMissingScriptHashes, sha256 } from '../../../src/plugins/csp-inline-hashes';

const hashOf = (s: string) => `'sha256-${createHash('sha256').update(s).digest('base64')}'`;

function page(csp: string | null, scripts: string[]): string {
  const meta = csp === null ? '' : `<meta http-equiv="content-security-policy" content="${csp}">`;
  return `<html><head>${meta}${scripts.join('')}</head><body></body></html>`;
}

describe('addMissingScriptHashes', () => {
  it('adds the hash of an inline script that the policy lacks, once', () => {
    const body = "\n\twindow.x = 1;\n";
    const html = page("script-src 'self'; style-src 'self';", [`<script>${body}</script>`, `<script>${body}</script>`]);
    const result = addMissingScriptHashes(html);
    expect(result.added).toEqual([hashOf(body)]);
    expect(result.html).toContain(`script-src 'self' ${hashOf(body)}; style-src 'self';`);
  });

  it('leaves scripts with a src and already-hashed scripts alone', () => {
    const body = 'console.log(1)';
    const html = page(`script-src 'self' ${sha256(body)};`, [
      `<script type="module">${body}</script>`,
      '<script type="module" src="/_astro/a.js"></script>',
    ]);
    const result = addMissingScriptHashes(html);
    expect(result.added).toEqual([]);
    expect(result.html).toBe(html);
  });

  it('adds a script-src when the policy has none', () => {
    const result = addMissingScriptHashes(page("style-src 'self'", ['<script>a()</script>']));
    expect(result.html).toContain(`style-src 'self'; script-src 'self' ${hashOf('a()')};`);
  });

  it('adds the hash of an inline <style> to style-src, not to script-src', () => {
    const css = '.a{color:red}';
    const result = addMissingScriptHashes(page("script-src 'self'; style-src 'self';", [`<style>${css}</style>`]));
    expect(result.added).toEqual([hashOf(css)]);
    expect(result.html).toContain(`script-src 'self'; style-src 'self' ${hashOf(css)};`);
  });

  it('reports a page without a policy', () => {
    const html = page(null, ['<script>a()</script>']);
    expect(addMissingScriptHashes(html)).toEqual({ html, added: [], hasCsp: false });
  });
});

import { withBase } from '../../../src/plugins/base-links';

describe('withBase', () => {
  it.each([
    // root deployment: nothing changes
    ['/workflows/#c3-3-4', '/', '/workflows/#c3-3-4'],
    ['/workflows/#c3-3-4', '/handbook/', '/handbook/workflows/#c3-3-4'],
    ['/workflows/', '/handbook', '/handbook/workflows/'],
    // already prefixed, external, protocol-relative, relative and hash links stay as they are
    ['/handbook/clauses/', '/handbook/', '/handbook/clauses/'],
    ['https://example.org/x', '/handbook/', 'https://example.org/x'],
    ['//cdn.example/x', '/handbook/', '//cdn.example/x'],
    ['../x/', '/handbook/', '../x/'],
    ['#c1-1', '/handbook/', '#c1-1'],
  ])('%s under %s → %s', (href, base, expected) => {
    expect(withBase(href, base)).toBe(expected);
  });
});
