// A smoke subset of the browser tests (a chapter page, search, one tool), run against another server
// than the test server: the nginx config the build writes, and the service worker with the network cut.
import { expect } from 'vitest';
import type { Page } from 'playwright-core';
import { wakeTools } from './browser';

/** A clause link opens its clause on the chapter page. */
export async function chapterWorks(page: Page, siteUrl: string): Promise<void> {
  await page.goto(`${siteUrl}workflows/#c3-3-4`);
  await expect(page.locator('#c3-3-4').textContent()).resolves.toBe('4. 客户投诉处理');
  await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toContain('工作流程与规范');
}

/** Search (Pagefind: script, index, wasm) finds 三（三）4 for 投诉. */
export async function searchWorks(page: Page, siteUrl: string): Promise<void> {
  const basePath = new URL(siteUrl).pathname;
  await page.goto(`${siteUrl}general/`);
  await page.getByRole('button', { name: /搜索/ }).first().click();
  await page.locator('dialog input[type="text"]').first().fill('投诉');
  await expect
    .poll(
      async () =>
        (
          await page.locator('dialog a[href]').evaluateAll((as) => as.map((a) => a.getAttribute('href')))
        ).includes(`${basePath}workflows/#c3-3-4`),
      { timeout: 15_000 },
    )
    .toBe(true);
}

/** 绩效奖金估算 hydrates and computes: a higher score gives a higher, non-zero estimate. */
export async function toolWorks(page: Page, siteUrl: string): Promise<void> {
  await page.goto(`${siteUrl}tools/bonus/`);
  await wakeTools(page);
  const base = page.getByLabel('月度奖金基数');
  await base.and(page.locator(':enabled')).waitFor();
  await base.fill('3000');
  const monthly = async () => {
    const text = await page
      .getByRole('region', { name: '估算结果' })
      .getByRole('row', { name: /^月度绩效奖金/ })
      .getByRole('cell')
      .first()
      .textContent();
    return Number((text ?? '').replace(/[¥,]/g, ''));
  };
  await page.getByLabel('得分', { exact: true }).fill('60');
  const low = await monthly();
  await page.getByLabel('得分', { exact: true }).fill('95');
  await expect.poll(monthly).toBeGreaterThan(low);
  expect(Number.isFinite(low)).toBe(true);
}
