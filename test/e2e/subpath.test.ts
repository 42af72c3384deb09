// The site built with BASE_PATH=/handbook/ (npm test builds it into dist-subpath/) works under
// that sub-path: links, assets, clause anchors, copy link, search.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { startStaticServer } from '../../scripts/static-server.mjs';
import { launchBrowser } from './support/browser';

const ROOT = process.env.SUBPATH_DIST_DIR || 'dist-subpath';
const BASE = '/handbook/';

let browser: Browser;
let server: { url: string; close: () => Promise<void> };

function pages(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) return name === '_astro' || name === 'pagefind' ? [] : pages(p);
    return name === 'index.html' ? [`${relative(ROOT, dir)}/`.replace(/^\/+/, '').replace(/^\/$/, '')] : [];
  });
}

beforeAll(async () => {
  if (!existsSync(`${ROOT}/index.html`)) {
    throw new Error(
      `${ROOT}/ 不存在：请先运行 BASE_PATH=${BASE} OUT_DIR=${ROOT} npm run build（npm test 会自动构建）。`,
    );
  }
  server = await startStaticServer({ root: ROOT, base: BASE });
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe(`built under ${BASE}`, () => {
  it('every page loads with all its assets, and every internal link stays under the base', async () => {
    const list = pages(ROOT);
    expect(list.length).toBeGreaterThan(10);
    const context = await browser.newContext();
    for (const path of list) {
      const page = await context.newPage();
      const failed: string[] = [];
      const errors: string[] = [];
      page.on('response', (r) => {
        if (r.status() >= 400) failed.push(`${r.status()} ${r.url()}`);
      });
      page.on('pageerror', (e) => errors.push(e.message));
      await page.goto(server.url + path, { waitUntil: 'networkidle' });
      expect(failed, path).toEqual([]);
      expect(errors, path).toEqual([]);
      const hrefs = await page
        .locator('a[href^="/"]')
        .evaluateAll((as) => as.map((a) => a.getAttribute('href')));
      const outside = hrefs.filter((h) => !h!.startsWith(BASE));
      expect(outside, `${path} links outside ${BASE}`).toEqual([]);
      await page.close();
    }
    await context.close();
  });

  it('a clause link opens the clause, and 复制链接 copies the sub-path URL', async () => {
    const context = await browser.newContext();
    const origin = new URL(server.url).origin;
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin });
    const page = await context.newPage();
    await page.goto(`${server.url}workflows/#c3-3-4`);
    await expect(page.locator('#c3-3-4').textContent()).resolves.toBe('4. 客户投诉处理');
    await page.getByRole('button', { name: '复制链接：《市场部制度》第三章（三）4 客户投诉处理' }).click();
    await expect(page.evaluate('navigator.clipboard.readText()')).resolves.toBe(
      `${origin}${BASE}workflows/#c3-3-4`,
    );
    await context.close();
  });

  it('search works and its results link under the base', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${server.url}general/`);
    await page.getByRole('button', { name: /搜索/ }).first().click();
    await page.locator('dialog input[type="text"]').first().fill('投诉');
    await expect
      .poll(
        async () =>
          (
            await page.locator('dialog a[href]').evaluateAll((as) => as.map((a) => a.getAttribute('href')))
          ).includes(`${BASE}workflows/#c3-3-4`),
        { timeout: 10_000 },
      )
      .toBe(true);
    await context.close();
  });
});
