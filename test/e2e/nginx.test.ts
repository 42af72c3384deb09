// The nginx config the build writes (dist/deploy/nginx.conf, and dist-subpath's for /handbook/), run
// by Debian's nginx on loopback ports: the headers it sends, and a smoke subset of the browser tests
// (a chapter page, search, a tool) against it. .ci/run installs nginx when it is missing.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { DEFAULT_DEPLOY_ROOT } from '../../src/plugins/host-configs';
import { cspViolations, launchBrowser } from './support/browser';
import { chapterWorks, searchWorks, toolWorks } from './support/smoke';

const NGINX = process.env.NGINX_PATH || '/usr/sbin/nginx';
const DIST = resolve(process.env.DIST_DIR || 'dist');
const SUBPATH_DIST = resolve(process.env.SUBPATH_DIST_DIR || 'dist-subpath');
const SUB = '/handbook/';

function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolvePort(port));
    });
  });
}

/** The generated server block, pointed at the built folder and a loopback port. */
function serverBlock(dist: string, port: number): string {
  const conf = readFileSync(join(dist, 'deploy', 'nginx.conf'), 'utf8');
  expect(conf).toContain(`listen 80;`);
  expect(conf).toContain(DEFAULT_DEPLOY_ROOT);
  return conf.replace('listen 80;', `listen 127.0.0.1:${port};`).replaceAll(DEFAULT_DEPLOY_ROOT, dist);
}

let nginx: ChildProcess | undefined;
let prefix: string;
let rootUrl: string;
let subUrl: string;
let browser: Browser;
let log = '';

beforeAll(async () => {
  if (!existsSync(NGINX)) {
    throw new Error(
      `${NGINX} 不存在：请安装 nginx（Debian：apt-get install -y nginx；.ci/run 会自动安装）。`,
    );
  }
  for (const dist of [DIST, SUBPATH_DIST]) {
    if (!existsSync(join(dist, 'deploy', 'nginx.conf'))) {
      throw new Error(
        `${dist}/deploy/nginx.conf 不存在：请先构建（npm test 会构建 dist/ 和 dist-subpath/）。`,
      );
    }
  }
  prefix = mkdtempSync(join(tmpdir(), 'nginx-'));
  mkdirSync(join(prefix, 'logs'));
  const [rootPort, subPort] = [await freePort(), await freePort()];
  const temp = (name: string) => `${name}_temp_path ${join(prefix, name)};`;
  // As root, workers would drop to `nobody`, who may not read the work tree.
  const user = process.getuid?.() === 0 ? 'user root;' : '';
  writeFileSync(
    join(prefix, 'nginx.conf'),
    `${user}
worker_processes 1;
daemon off;
pid ${join(prefix, 'nginx.pid')};
error_log ${join(prefix, 'logs', 'error.log')} warn;
events { worker_connections 64; }
http {
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    access_log off;
    ${['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map(temp).join('\n    ')}
    ${serverBlock(DIST, rootPort)}
    ${serverBlock(SUBPATH_DIST, subPort)}
}
`,
  );
  const test = spawnSync(
    NGINX,
    ['-t', '-p', prefix, '-e', join(prefix, 'logs', 'error.log'), '-c', join(prefix, 'nginx.conf')],
    {
      encoding: 'utf8',
    },
  );
  expect(test.status, test.stderr).toBe(0);
  nginx = spawn(
    NGINX,
    ['-p', prefix, '-e', join(prefix, 'logs', 'error.log'), '-c', join(prefix, 'nginx.conf')],
    {
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  nginx.stderr?.on('data', (c) => (log += String(c)));
  rootUrl = `http://127.0.0.1:${rootPort}/`;
  subUrl = `http://127.0.0.1:${subPort}${SUB}`;
  // Ready when it answers (state, not time): retry until the port accepts, or nginx exits.
  for (;;) {
    if (nginx.exitCode !== null) throw new Error(`nginx exited ${nginx.exitCode}: ${log}`);
    const ok = await fetch(rootUrl).then(
      () => true,
      () => false,
    );
    if (ok) break;
    await new Promise((r) => setImmediate(r));
  }
  browser = await launchBrowser();
}, 60_000);

afterAll(async () => {
  await browser?.close();
  if (nginx && nginx.exitCode === null) {
    const exited = new Promise((r) => nginx!.once('exit', r));
    nginx.kill('SIGTERM');
    await exited;
  }
  if (prefix) rmSync(prefix, { recursive: true, force: true });
});

/** The CSP of a built page's meta tag, as a list of directives. */
function metaPolicy(dist: string, page: string): string[] {
  const html = readFileSync(join(dist, page), 'utf8');
  const content = /<meta http-equiv="content-security-policy" content="([^"]*)"/i.exec(html)?.[1] ?? '';
  return content
    .replace(/&#39;/g, "'")
    .split(';')
    .map((d) => d.trim())
    .filter(Boolean);
}

describe('headers from the generated nginx config', () => {
  it('pages: the pages’ own CSP plus frame-ancestors, the security headers, no-cache', async () => {
    for (const page of ['', 'general/', 'tools/bonus/']) {
      const res = await fetch(rootUrl + page);
      expect(res.status, page).toBe(200);
      const csp = res.headers.get('content-security-policy') ?? '';
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).not.toMatch(/script-src[^;]*'unsafe-inline'/);
      // Everything the page's meta allows, the header allows too (hashes included).
      for (const directive of metaPolicy(DIST, `${page}index.html`)) {
        const [name, ...sources] = directive.split(/\s+/);
        const served =
          csp
            .split(';')
            .map((d) => d.trim())
            .find((d) => d.split(/\s+/)[0] === name) ?? '';
        for (const source of sources) expect(served, `${page} ${name}`).toContain(source);
      }
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('referrer-policy')).toBe('no-referrer');
      expect(res.headers.get('permissions-policy')).toContain('camera=()');
      expect(res.headers.get('x-frame-options')).toBe('DENY');
      expect(res.headers.get('cache-control')).toBe('no-cache');
      expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    }
  });

  it('hashed assets are immutable; the service worker, the manifest and the index are revalidated', async () => {
    const asset = readdirSync(join(DIST, '_astro')).find((f) => f.endsWith('.js'))!;
    const js = await fetch(`${rootUrl}_astro/${asset}`);
    expect(js.status).toBe(200);
    expect(js.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(js.headers.get('x-content-type-options')).toBe('nosniff');
    const sw = await fetch(`${rootUrl}sw.js`);
    expect(sw.status).toBe(200);
    expect(sw.headers.get('cache-control')).toBe('no-cache');
    expect(sw.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    const manifest = await fetch(`${rootUrl}manifest.webmanifest`);
    expect(manifest.headers.get('content-type')).toBe('application/manifest+json');
    await expect(manifest.json()).resolves.toMatchObject({ lang: 'zh-CN', name: '市场部制度手册' });
    const entry = await fetch(`${rootUrl}pagefind/pagefind-entry.json`);
    expect(entry.status).toBe(200);
    expect(entry.headers.get('cache-control')).toBe('no-cache');
  });

  it('redirects a directory to its slash, answers 404 with the 404 page, hides the host configs', async () => {
    const dir = await fetch(`${rootUrl}general`, { redirect: 'manual' });
    expect(dir.status).toBe(301);
    expect(dir.headers.get('location')).toBe('/general/');
    const missing = await fetch(`${rootUrl}no-such-page/`);
    expect(missing.status).toBe(404);
    expect(await missing.text()).toContain('<html');
    expect(missing.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect((await fetch(`${rootUrl}deploy/nginx.conf`)).status).toBe(404);
    expect((await fetch(`${rootUrl}_headers`)).status).toBe(404);
  });

  it('the sub-path build is served under /handbook/ with the same headers', async () => {
    const res = await fetch(subUrl);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(res.headers.get('cache-control')).toBe('no-cache');
    const bare = await fetch(subUrl.slice(0, -1), { redirect: 'manual' });
    expect(bare.status).toBe(301);
    expect(bare.headers.get('location')).toBe(SUB);
    const asset = readdirSync(join(SUBPATH_DIST, '_astro')).find((f) => f.endsWith('.css'))!;
    const css = await fetch(`${subUrl}_astro/${asset}`);
    expect(css.status).toBe(200);
    expect(css.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect((await fetch(`${subUrl}no-such-page/`)).status).toBe(404);
    expect((await fetch(subUrl.replace(SUB, '/general/'))).status).toBe(404);
  });
});

describe.each([
  ['at the root', () => rootUrl],
  ['under /handbook/', () => subUrl],
])('the handbook through nginx %s', (_name, url) => {
  let page: Page;
  const errors: string[] = [];
  beforeAll(async () => {
    const context = await browser.newContext({ locale: 'zh-CN' });
    await context.addInitScript(`window.__cspViolations = [];
document.addEventListener('securitypolicyviolation', (e) => window.__cspViolations.push(e.violatedDirective + ' ' + (e.blockedURI || 'inline')));`);
    page = await context.newPage();
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
  });
  afterAll(async () => {
    await page?.context().close();
  });

  it('a chapter page opens at its clause', async () => {
    await chapterWorks(page, url());
    await expect(cspViolations(page)).resolves.toEqual([]);
    expect(errors).toEqual([]);
  });
  it('search finds the clause', async () => {
    await searchWorks(page, url());
    await expect(cspViolations(page)).resolves.toEqual([]);
    expect(errors).toEqual([]);
  });
  it('a tool computes', async () => {
    await toolWorks(page, url());
    await expect(cspViolations(page)).resolves.toEqual([]);
    expect(errors).toEqual([]);
  });
});
