// Where the browser refuses storage (private mode, quota, blocked site data), no page throws and the
// theme switch still works for the visit (Starlight's theme scripts overridden in
// src/components/starlight/ThemeProvider.astro and ThemeSelect.astro).
import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser, openPage, siteUrl } from './support/browser';

const DIST = process.env.DIST_DIR || 'dist';

function pages(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) return ['_astro', 'pagefind', 'deploy'].includes(name) ? [] : pages(p);
    return name === 'index.html' ? [`/${relative(DIST, dir)}/`.replace(/\/+/g, '/')] : [];
  });
}

const REFUSALS = {
  // Quota exceeded or read-only storage: reads work, every write throws.
  'setItem throws': `Storage.prototype.setItem = function () {
    throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
  };`,
  // Site data blocked: touching window.localStorage at all throws.
  'any access to localStorage throws': `Object.defineProperty(window, 'localStorage', {
    configurable: true,
    get() { throw new DOMException('Access is denied for this document.', 'SecurityError'); },
  });`,
} as const;

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe.each(Object.entries(REFUSALS))('when %s', (_name, script) => {
  it('no page logs an error', async () => {
    const all = pages(DIST);
    expect(all.length).toBeGreaterThan(10);
    const context = await browser.newContext({ locale: 'zh-CN', colorScheme: 'light' });
    await context.addInitScript(script);
    for (const path of all) {
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      page.on('console', (m) => {
        if (m.type() === 'error') errors.push(m.text());
      });
      await page.goto(siteUrl(path), { waitUntil: 'load' });
      await page.waitForLoadState('networkidle');
      await expect(page.evaluate('document.documentElement.dataset.theme'), path).resolves.toBe('light');
      expect(errors, path).toEqual([]);
      await page.close();
    }
    await context.close();
  });

  it('the theme follows the system, and 深色 / 浅色 switch it for the visit', async () => {
    const watch = await openPage(browser, '/', { colorScheme: 'light' });
    await watch.context.addInitScript(script);
    const { page } = watch;
    await page.goto(new URL('general/', page.url()).href);
    await expect(page.evaluate('document.documentElement.dataset.theme')).resolves.toBe('light');
    const select = page.getByRole('combobox', { name: /主题|theme/i }).first();
    await select.selectOption('dark');
    await expect(page.evaluate('document.documentElement.dataset.theme')).resolves.toBe('dark');
    await select.selectOption('light');
    await expect(page.evaluate('document.documentElement.dataset.theme')).resolves.toBe('light');
    await select.selectOption('dark');
    await expect(page.evaluate('document.documentElement.dataset.theme')).resolves.toBe('dark');
    expect(watch.errors).toEqual([]);
    await watch.context.close();
  });
});
