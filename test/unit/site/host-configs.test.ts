import { describe, expect, it } from 'vitest';
import { headersFile, mergePolicies, nginxConfig, securityHeaders } from '../../../src/plugins/host-configs';

describe('mergePolicies', () => {
  it('keeps every source any page allows, each once, in first-seen order', () => {
    expect(
      mergePolicies([
        "default-src 'self'; script-src 'self' 'sha256-a'",
        "default-src 'self'; script-src 'self' 'sha256-b' 'sha256-a'; style-src 'self'",
      ]),
    ).toBe("default-src 'self'; script-src 'self' 'sha256-a' 'sha256-b'; style-src 'self'");
  });
});

describe('host configs', () => {
  const headers = securityHeaders("default-src 'self'; script-src 'self'");

  it('add frame-ancestors, which a meta CSP cannot carry', () => {
    expect(Object.fromEntries(headers)['Content-Security-Policy']).toBe(
      "default-src 'self'; script-src 'self'; frame-ancestors 'none'",
    );
  });

  it('_headers: security headers on every path, immutable assets, no-cache pages and worker', () => {
    const file = headersFile('/handbook/', ['', 'general/', '404.html'], headers);
    expect(file).toContain("/handbook/*\n  Content-Security-Policy: default-src 'self'; script-src 'self'; frame-ancestors 'none'\n");
    expect(file).toContain('/handbook/_astro/*\n  Cache-Control: public, max-age=31536000, immutable\n');
    for (const path of ['/handbook/', '/handbook/general/', '/handbook/404.html', '/handbook/sw.js']) {
      expect(file).toContain(`\n${path}\n  Cache-Control: no-cache\n`);
    }
  });

  it('nginx: root uses root, a sub-path aliases every location into dist/', () => {
    const root = nginxConfig('/', '/srv/h', headers);
    expect(root).toContain('root /srv/h;');
    expect(root).not.toMatch(/^\s*alias /m);
    expect(root).toContain('error_page 404 /404.html;');
    const sub = nginxConfig('/handbook/', '/srv/h', headers);
    expect(sub).toContain('location ^~ /handbook/_astro/ {\n        alias /srv/h/_astro/;');
    expect(sub).toContain('location = /handbook {\n        return 301 /handbook/;');
    expect(sub).toContain('error_page 404 /handbook/404.html;');
    // add_header in a location drops the server's: every location repeats the security headers.
    expect(sub.match(/add_header X-Content-Type-Options "nosniff" always;/g)).toHaveLength(4);
  });
});
