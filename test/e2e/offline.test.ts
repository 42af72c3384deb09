// After a first visit to a policy page, the service worker (src/plugins/offline.ts) has precached what
// the policy pages use and the search: with the server stopped and the context offline, every chapter
// and reference page and search still work. A tool page is stored with its code when first opened
// online: that tool works offline; a tool never opened shows offline.html (「离线时打不开这一页」),
// not a blank form that does nothing. A new deploy is offered with 「手册已更新，点击刷新」 and never
// mixed into the pages being read, tool pages included.
import {
  cpSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { startStaticServer } from '../../scripts/static-server.mjs';
import { cspViolations, launchBrowser } from './support/browser';
import { chapterWorks, searchWorks, toolWorks } from './support/smoke';

const DIST = process.env.DIST_DIR || 'dist';
const BASE = process.env.BASE_PATH || '/';
// npm test also builds the site under /handbook/ (see subpath.test.ts): the worker's scope follows it.
const SUBPATH_DIST = process.env.SUBPATH_DIST_DIR || 'dist-subpath';

type Server = Awaited<ReturnType<typeof startStaticServer>>;

function pages(root: string, dir = root): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    if (statSync(p).isDirectory())
      return ['_astro', 'pagefind', 'deploy'].includes(name) ? [] : pages(root, p);
    return name === 'index.html' ? [`${relative(root, dir)}/`.replace(/^\/+/, '').replace(/^\/$/, '')] : [];
  });
}
// Pages with a tool island: the tools and 我的数据 (which reads and writes every tool's entries).
const isTool = (path: string) => path.startsWith('tools/') || path === 'my-data/';

/** The files Workbox's part of sw.js precaches (its manifest: {url:"…",revision:…}). */
function precacheList(dist: string): string[] {
  return [...readFileSync(join(dist, 'sw.js'), 'utf8').matchAll(/\{url:"([^"]+)"/g)].map((m) => m[1] ?? '');
}

/** The island code a built page loads (component-url, renderer-url), relative to the build. */
function islandCode(dist: string, page: string, base: string): string[] {
  const html = readFileSync(join(dist, page, 'index.html'), 'utf8');
  return [...html.matchAll(/(?:component|renderer)-url="([^"]+)"/g)].map((m) =>
    (m[1] ?? '').slice(base.length),
  );
}

/** Whether the worker has stored `path` (a tool page) in this deploy's staged cache. */
async function isStaged(page: Page, url: string): Promise<boolean> {
  return (await page.evaluate(`(async () => {
    for (const name of await caches.keys()) {
      if (name.startsWith('handbook-staged-') && (await (await caches.open(name)).match(${JSON.stringify(url)})))
        return true;
    }
    return false;
  })()`)) as boolean;
}

/** Waits until the service worker has installed (precache complete), activated and controls the page. */
async function waitForOffline(page: Page): Promise<void> {
  await page.waitForFunction(
    () =>
      navigator.serviceWorker.controller !== null && navigator.serviceWorker.controller.state === 'activated',
    undefined,
    { timeout: 60_000 },
  );
}

/** Files and bytes in the worker's precache (Workbox's cache). */
async function cacheFigures(page: Page): Promise<{ files: number; bytes: number }> {
  return (await page.evaluate(`(async () => {
    let files = 0, bytes = 0;
    for (const name of (await caches.keys()).filter((n) => n.includes('-precache-'))) {
      const cache = await caches.open(name);
      for (const request of await cache.keys()) {
        const response = await cache.match(request);
        files += 1;
        bytes += (await response.blob()).size;
      }
    }
    return { files, bytes };
  })()`)) as { files: number; bytes: number };
}

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe.each([
  [DIST, BASE],
  [SUBPATH_DIST, '/handbook/'],
])('offline after a first visit (%s, base %s)', (dist, base) => {
  let server: Server | undefined;
  let context: BrowserContext;
  afterAll(async () => {
    await context?.close();
    await server?.close();
  });

  it('precaches the pages without a tool, what they load and the search; never a tool page, its code or Pagefind UI bundles', () => {
    if (!existsSync(join(dist, 'sw.js')))
      throw new Error(`${dist}/sw.js 不存在：请先构建（npm test 会构建 dist/ 和 dist-subpath/）。`);
    const listed = precacheList(dist);
    const all = pages(dist);
    const policy = all.filter((p) => !isTool(p));
    const tools = all.filter(isTool);
    expect(policy.length).toBeGreaterThan(8);
    expect(tools.length).toBeGreaterThan(3);
    for (const path of policy) expect(listed, path).toContain(`${path}index.html`);
    expect(listed).toContain('offline.html');
    for (const path of tools) {
      expect(listed, path).not.toContain(`${path}index.html`);
      // The tool's own component (the renderer may be shared): staged, not precached.
      const [component] = islandCode(dist, path, base);
      expect(component, path).toMatch(/^_astro\//);
      expect(listed, path).not.toContain(component);
    }
    for (const search of [
      'pagefind/handbook/pagefind.js',
      'pagefind/pagefind.js',
      'pagefind/pagefind-worker.js',
      'pagefind/pagefind-entry.json',
      'pagefind/wasm.unknown.pagefind',
    ]) {
      expect(listed).toContain(search);
    }
    expect(listed.some((f) => f.startsWith('pagefind/index/'))).toBe(true);
    expect(listed.some((f) => f.startsWith('pagefind/fragment/'))).toBe(true);
    // Pagefind's own UIs: no page loads them (the dialog bundles the default UI into _astro/).
    expect(listed.filter((f) => /pagefind-(?:component-|modular-)?ui\.|pagefind-highlight/.test(f))).toEqual(
      [],
    );
    expect(existsSync(join(dist, 'pagefind/pagefind-ui.js'))).toBe(true); // so the check above can fail
    expect(listed.filter((f) => /^(?:deploy\/|_headers$|sw\.js)/.test(f))).toEqual([]);
  });

  it('after a first visit to a chapter, every page without a tool and search work offline, and a tool opened once online', async () => {
    server = await startStaticServer({ root: dist, base });
    const site = server.url;
    context = await browser.newContext({ locale: 'zh-CN' });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    await page.goto(`${site}workflows/`);
    await waitForOffline(page);

    const scope = await page.evaluate('navigator.serviceWorker.getRegistration().then((r) => r.scope)');
    expect(scope).toBe(site);
    const listed = precacheList(dist).length;
    const figures = await cacheFigures(page);
    console.log(
      `offline (${base}): ${figures.files} files precached, ${(figures.bytes / 1024).toFixed(0)} KB`,
    );
    expect(listed).toBeGreaterThan(50);
    expect(figures.files).toBe(listed);

    // 绩效奖金估算 is opened once online: the worker stores the page and all of its tool's code.
    await page.goto(`${site}tools/bonus/`);
    await expect.poll(() => isStaged(page, `${site}tools/bonus/`)).toBe(true);
    await expect(isStaged(page, `${site}tools/budget-request/`)).resolves.toBe(false);

    // Cut the network twice over: the server is gone and the browser is offline.
    await server.close();
    server = undefined;
    await context.setOffline(true);

    const all = pages(dist);
    for (const path of all.filter((p) => !isTool(p))) {
      const response = await page.goto(site + path);
      expect(response?.status(), path).toBe(200);
      await expect(page.getByRole('heading', { level: 1 }).first().isVisible(), path).resolves.toBe(true);
    }
    await chapterWorks(page, site);
    await searchWorks(page, site);
    await toolWorks(page, site);
    // Its print sheet is code loaded on demand: stored with the tool, so it prints offline too.
    await page.emulateMedia({ media: 'print' });
    await page.getByRole('heading', { name: '绩效奖金估算单' }).waitFor();
    await page.emulateMedia({ media: 'screen' });
    await expect(cspViolations(page)).resolves.toEqual([]);
    expect(errors).toEqual([]);

    // A tool never opened: the page says why it cannot open and where to go instead, rather than
    // showing a form whose code never comes; its links lead on offline.
    const never = all.filter((p) => isTool(p) && p !== 'tools/bonus/');
    expect(never.length).toBeGreaterThan(2);
    errors.length = 0;
    for (const path of never) {
      const response = await page.goto(site + path);
      expect(response?.status(), path).toBe(503);
      await expect(page.getByRole('heading', { level: 1 }).textContent(), path).resolves.toBe(
        '离线时打不开这一页',
      );
      await expect(page.getByText('联网后打开一次这一页，之后断网也能使用').isVisible()).resolves.toBe(true);
      await expect(page.getByRole('link', { name: '条款索引' }).last().getAttribute('href')).resolves.toBe(
        `${base}clauses/`,
      );
    }
    await page.getByRole('link', { name: '条款索引' }).last().click();
    await page.waitForURL(`${site}clauses/`);
    await expect(page.getByRole('heading', { level: 1 }).first().isVisible()).resolves.toBe(true);
    await expect(cspViolations(page)).resolves.toEqual([]);
    // The console notes each page's 503 (the worker's answer: not available offline); nothing else.
    expect(errors).toEqual(
      never.map(() => 'Failed to load resource: the server responded with a status of 503 ()'),
    );
  });
});

describe('a new deploy', () => {
  let dir: string;
  let server: Server | undefined;
  let context: BrowserContext;
  afterAll(async () => {
    await context?.close();
    await server?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('is offered with 「手册已更新，点击刷新」, and only a click brings it in, whole (the tools the reader opened too)', async () => {
    dir = mkdtempSync(join(tmpdir(), 'deploy-'));
    cpSync(DIST, dir, { recursive: true });
    server = await startStaticServer({ root: dir, base: BASE });
    const port = server.port;
    context = await browser.newContext({ locale: 'zh-CN' });
    const page = await context.newPage();
    await page.goto(server.url);
    await waitForOffline(page);
    await page.goto(`${server.url}tools/bonus/`);
    await expect.poll(() => isStaged(page, `${server?.url}tools/bonus/`)).toBe(true);

    // Deploy a new version: the home page and 绩效奖金估算 change, and so do their revisions in the
    // worker (Workbox's list for the home page, the staged plan and its version for the tool page).
    const marked = (file: string) => {
      const html = readFileSync(file, 'utf8').replace('</main>', '<p id="new-deploy">新版本</p></main>');
      writeFileSync(file, html);
      return createHash('sha256').update(html).digest('hex');
    };
    marked(join(dir, 'index.html'));
    const toolRevision = marked(join(dir, 'tools/bonus/index.html'));
    const sw = join(dir, 'sw.js');
    const before = readFileSync(sw, 'utf8');
    const after = before
      .replace(/(\{url:"index\.html",revision:")[0-9a-f]+"/, '$1new-deploy"')
      .replace(/(version:")[0-9a-f]+"/, '$1new-deploy"')
      .replace(/("tools\/bonus\/":\{revision:")[0-9a-f]+"/, `$1${toolRevision}"`);
    expect(after).toContain(toolRevision);
    expect(after.split('new-deploy').length).toBe(3);
    writeFileSync(sw, after);
    await server.close();
    server = await startStaticServer({ root: dir, base: BASE, port });

    // The next visit finds the new worker; pages still come whole from the old deploy, the stored
    // tool page too (the server has the new one).
    await page.reload();
    const offer = page.getByRole('button', { name: '手册已更新，点击刷新' });
    await offer.waitFor({ timeout: 60_000 });
    await expect(page.locator('#new-deploy').count()).resolves.toBe(0);
    await page.goto(server.url);
    await expect(page.locator('#new-deploy').count()).resolves.toBe(0);
    await page.goto(`${server.url}tools/bonus/`);
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toContain('奖金');
    await expect(page.locator('#new-deploy').count()).resolves.toBe(0);

    // Accepting reloads the page under the new worker.
    await page.goto(server.url);
    await page.getByRole('button', { name: '手册已更新，点击刷新' }).click();
    await page.locator('#new-deploy').waitFor();
    await expect(page.getByRole('button', { name: '手册已更新，点击刷新' }).count()).resolves.toBe(0);

    // The tool the reader had opened was stored again for the new deploy before it took over, and the
    // old deploy's copy is gone: offline, it is the new page and it works.
    const site = server.url;
    await server.close();
    server = undefined;
    await context.setOffline(true);
    await toolWorks(page, site);
    await expect(page.locator('#new-deploy').count()).resolves.toBe(1);
    const staged = (await page.evaluate(
      "caches.keys().then((names) => names.filter((n) => n.startsWith('handbook-staged-')))",
    )) as string[];
    expect(staged).toEqual(['handbook-staged-new-deploy']);
  });
});
