// After one visit, the service worker (src/plugins/offline.ts) has precached the whole handbook:
// with the server stopped and the context offline, every page, search and a tool still work. A new
// deploy is offered with 「手册已更新，点击刷新」 and never mixed into the pages being read.
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
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { startStaticServer } from '../../scripts/static-server.mjs';
import { cspViolations, launchBrowser, wakeTools } from './support/browser';
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

/** Waits until the service worker has installed (precache complete), activated and controls the page. */
async function waitForOffline(page: Page): Promise<void> {
  await page.waitForFunction(
    () =>
      navigator.serviceWorker.controller !== null && navigator.serviceWorker.controller.state === 'activated',
    undefined,
    { timeout: 60_000 },
  );
}

/** Files and bytes in the page's Cache Storage. */
async function cacheFigures(page: Page): Promise<{ files: number; bytes: number }> {
  return (await page.evaluate(`(async () => {
    let files = 0, bytes = 0;
    for (const name of await caches.keys()) {
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
])('offline after one visit (%s, base %s)', (dist, base) => {
  let server: Server | undefined;
  let context: BrowserContext;
  afterAll(async () => {
    await context?.close();
    await server?.close();
  });

  it('precaches every file the worker lists, then every page, search and a tool work with the network cut', async () => {
    if (!existsSync(join(dist, 'sw.js')))
      throw new Error(`${dist}/sw.js 不存在：请先构建（npm test 会构建 dist/ 和 dist-subpath/）。`);
    server = await startStaticServer({ root: dist, base });
    const site = server.url;
    context = await browser.newContext({ locale: 'zh-CN' });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    await page.goto(site);
    await waitForOffline(page);

    const scope = await page.evaluate('navigator.serviceWorker.getRegistration().then((r) => r.scope)');
    expect(scope).toBe(site);
    const listed = (readFileSync(join(dist, 'sw.js'), 'utf8').match(/\burl:"/g) ?? []).length;
    const figures = await cacheFigures(page);
    console.log(
      `offline (${base}): ${figures.files} files precached, ${(figures.bytes / 1024).toFixed(0)} KB`,
    );
    expect(listed).toBeGreaterThan(50);
    expect(figures.files).toBe(listed);

    // Cut the network twice over: the server is gone and the browser is offline.
    await server.close();
    server = undefined;
    await context.setOffline(true);

    const all = pages(dist);
    expect(all.length).toBeGreaterThan(10);
    for (const path of all) {
      const response = await page.goto(site + path);
      expect(response?.status(), path).toBe(200);
      await expect(page.getByRole('heading', { level: 1 }).first().isVisible(), path).resolves.toBe(true);
      // Every island (the tools) hydrates from the cache: a tool that loads on intent once touched.
      await wakeTools(page);
      await page.waitForFunction(() =>
        [...document.querySelectorAll('astro-island')].every((i) => !i.hasAttribute('ssr')),
      );
    }
    await chapterWorks(page, site);
    await searchWorks(page, site);
    await toolWorks(page, site);
    await expect(cspViolations(page)).resolves.toEqual([]);
    expect(errors).toEqual([]);
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

  it('is offered with 「手册已更新，点击刷新」, and only a click brings it in, whole', async () => {
    dir = mkdtempSync(join(tmpdir(), 'deploy-'));
    cpSync(DIST, dir, { recursive: true });
    server = await startStaticServer({ root: dir, base: BASE });
    const port = server.port;
    context = await browser.newContext({ locale: 'zh-CN' });
    const page = await context.newPage();
    await page.goto(server.url);
    await waitForOffline(page);

    // Deploy a new version: the home page changes, and so does its revision in the worker's list.
    const home = join(dir, 'index.html');
    writeFileSync(
      home,
      readFileSync(home, 'utf8').replace('</main>', '<p id="new-deploy">新版本</p></main>'),
    );
    const sw = join(dir, 'sw.js');
    const before = readFileSync(sw, 'utf8');
    const after = before.replace(/(\{url:"index\.html",revision:")[0-9a-f]+"/, '$1new-deploy"');
    expect(after).not.toBe(before);
    writeFileSync(sw, after);
    await server.close();
    server = await startStaticServer({ root: dir, base: BASE, port });

    // The next visit finds the new worker; the page still comes whole from the old deploy.
    await page.reload();
    const offer = page.getByRole('button', { name: '手册已更新，点击刷新' });
    await offer.waitFor({ timeout: 60_000 });
    await expect(page.locator('#new-deploy').count()).resolves.toBe(0);
    await page.goto(server.url);
    await expect(page.locator('#new-deploy').count()).resolves.toBe(0);

    // Accepting reloads the page under the new worker.
    await page.getByRole('button', { name: '手册已更新，点击刷新' }).click();
    await page.locator('#new-deploy').waitFor();
    await expect(page.getByRole('button', { name: '手册已更新，点击刷新' }).count()).resolves.toBe(0);
  });
});
