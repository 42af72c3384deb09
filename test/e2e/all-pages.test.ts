// Every built page, in light and dark theme: no axe violation, no console error, no CSP violation,
// and no request leaving the origin. New pages (tools) are covered as soon as they are built.
import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { cspViolations, launchBrowser, openPage } from './support/browser';

const DIST = process.env.DIST_DIR || 'dist';

function pages(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) return name === '_astro' || name === 'pagefind' ? [] : pages(p);
    return name === 'index.html' ? [`/${relative(DIST, dir)}/`.replace(/\/+/g, '/')] : [];
  });
}

const all = pages(DIST).sort();

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('the site has its pages', () => {
  it('home, six chapters, the reference pages and 我的数据 are built', () => {
    for (const path of [
      '/',
      '/general/',
      '/organization/',
      '/workflows/',
      '/performance/',
      '/training/',
      '/finance/',
      '/clauses/',
      '/print/',
      '/parameters/',
      '/changelog/',
      '/my-data/',
    ]) {
      expect(all).toContain(path);
    }
  });
});

describe.each(['light', 'dark'] as const)('%s theme', (colorScheme) => {
  it.each(all)('%s', async (path) => {
    const watch = await openPage(browser, path, { colorScheme });
    await watch.page.waitForLoadState('networkidle');
    const theme = await watch.page.evaluate('document.documentElement.dataset.theme');
    expect(theme).toBe(colorScheme);
    const results = await new AxeBuilder({ page: watch.page }).analyze();
    expect(
      results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
    ).toEqual([]);
    expect(watch.errors).toEqual([]);
    expect(watch.foreignRequests).toEqual([]);
    await expect(cspViolations(watch.page)).resolves.toEqual([]);
    await watch.context.close();
  });
});
