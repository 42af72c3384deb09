// 我的数据 from the tools' side: a tool page reminds a reader whose saved work has gone without a
// 「备份全部」 for longer than backupReminderDays (meta.yaml), before any tool code loads; the first save
// asks the browser once to keep the site's storage; the home page and every tool link to 我的数据.
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import type { Browser, Page } from 'playwright-core';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeClean, launchBrowser, openPage, siteUrl, type PageWatch } from './support/browser';
import { ToolPage } from './support/tool-page';

const { backupReminderDays } = parse(readFileSync('content/policy/meta.yaml', 'utf8')) as {
  backupReminderDays: number;
};
const TOOLS = ['bonus', 'onboarding', 'budget-request', 'signoffs', 'team-review', 'self-review'] as const;
// Noon in Shanghai: the reader's calendar day is the same in UTC, so the day counts are plain.
const NOW = new Date('2026-12-07T12:00:00+08:00');
const LAST_BACKUP = 'mh:my-data:last-backup';
// Saved work of another tool than the page's (its code is not woken by it, so none of it runs here).
const A_SAVE = JSON.stringify({ v: 1, savedAt: '2026-11-01T02:00:00.000Z', data: {} });

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** The mark 我的数据's 「备份全部」 writes (core/last-backup), `days` before NOW. */
function backupMark(days: number): string {
  const at = new Date(NOW.getTime() - days * 86_400_000).toISOString();
  return JSON.stringify({ v: 1, savedAt: at, data: { at } });
}

/**
 * Opens `path` in Shanghai with the clock at NOW, this browser's storage holding `stored` first
 * (written on another page of the site, as earlier visits would have), and no tool woken.
 */
async function openWith(path: string, stored: Record<string, string>): Promise<PageWatch> {
  const watch = await openPage(browser, '/', { timezoneId: 'Asia/Shanghai' }, { wake: false });
  await watch.page.evaluate((entries) => {
    for (const [k, v] of Object.entries(entries)) localStorage.setItem(k, v);
  }, stored);
  await watch.page.clock.setFixedTime(NOW);
  await watch.page.goto(siteUrl(path));
  return watch;
}

/** The reminder's state once its page script has looked: 'shown', 'none' or 'dismissed'. */
async function reminderStatus(page: Page): Promise<string | null> {
  const box = page.locator('[data-backup-reminder]');
  await page.waitForFunction(() => document.querySelector('[data-backup-reminder]')?.hasAttribute('data-reminder-status'));
  return box.getAttribute('data-reminder-status');
}

/** The site's scripts this page has fetched so far, with their sizes (transfer, as served). */
async function scriptsLoaded(page: Page): Promise<{ name: string; bytes: number }[]> {
  return page.evaluate(() =>
    (performance.getEntriesByType('resource') as PerformanceResourceTiming[])
      .filter((r) => r.name.includes('/_astro/') && r.name.endsWith('.js'))
      .map((r) => ({ name: r.name.slice(r.name.lastIndexOf('/') + 1), bytes: r.decodedBodySize })),
  );
}

describe('the backup reminder on tool pages', () => {
  it('saved work never backed up: the reminder says so, with 去备份全部 to 我的数据', async () => {
    const watch = await openWith('/tools/signoffs/', { 'mh:bonus:current': A_SAVE });
    const { page } = watch;
    await expect(reminderStatus(page)).resolves.toBe('shown');
    const reminder = page.getByRole('complementary', { name: '备份提醒' });
    await expect(reminder.isVisible()).resolves.toBe(true);
    await expect(reminder.innerText()).resolves.toContain('本机的工作还没有备份');
    await expect(reminder.innerText()).resolves.toContain('浏览器可能清除本机数据');
    const go = reminder.getByRole('link', { name: '去备份全部' });
    await expect(go.getAttribute('href')).resolves.toBe('/my-data/');
    await closeClean(watch);
  });

  it(`a backup older than ${backupReminderDays} days: the day and how long ago`, async () => {
    const days = backupReminderDays + 37;
    const watch = await openWith('/tools/signoffs/', { 'mh:bonus:current': A_SAVE, [LAST_BACKUP]: backupMark(days) });
    const { page } = watch;
    await expect(reminderStatus(page)).resolves.toBe('shown');
    const when = new Date(NOW.getTime() - days * 86_400_000);
    const day = `${when.getUTCFullYear()}年${when.getUTCMonth() + 1}月${when.getUTCDate()}日`;
    await expect(page.getByRole('complementary', { name: '备份提醒' }).innerText()).resolves.toContain(
      `本机的工作上次备份于 ${day}（${days} 天前）`,
    );
    await closeClean(watch);
  });

  it('a recent backup: no reminder', async () => {
    const watch = await openWith('/tools/signoffs/', { 'mh:bonus:current': A_SAVE, [LAST_BACKUP]: backupMark(2) });
    const { page } = watch;
    await expect(reminderStatus(page)).resolves.toBe('none');
    await expect(page.getByRole('complementary', { name: '备份提醒' }).count()).resolves.toBe(0);
    await closeClean(watch);
  });

  it('no saved work: no reminder', async () => {
    const watch = await openWith('/tools/budget-request/', {});
    const { page } = watch;
    await expect(reminderStatus(page)).resolves.toBe('none');
    await expect(page.getByRole('complementary', { name: '备份提醒' }).count()).resolves.toBe(0);
    await closeClean(watch);
  });

  it('dismissed: gone for the rest of the session, on this and other tool pages', async () => {
    const watch = await openWith('/tools/signoffs/', { 'mh:bonus:current': A_SAVE });
    const { page } = watch;
    await expect(reminderStatus(page)).resolves.toBe('shown');
    await page.getByRole('complementary', { name: '备份提醒' }).getByRole('button', { name: '本次不再提醒' }).click();
    await page.getByRole('complementary', { name: '备份提醒' }).waitFor({ state: 'hidden' });
    await page.goto(siteUrl('/tools/onboarding/'));
    await expect(reminderStatus(page)).resolves.toBe('dismissed');
    await expect(page.getByRole('complementary', { name: '备份提醒' }).count()).resolves.toBe(0);
    await closeClean(watch);
  });

  it("the page's script at open grows by under 1 KB (gzip), and loads none of the tool's code", async () => {
    // What a chapter page loads at open is the site's own (theme, search); the rest is the tool page's.
    const chapter = await openPage(browser, '/general/', {}, { wake: false });
    await chapter.page.waitForLoadState('networkidle');
    const site = new Set((await scriptsLoaded(chapter.page)).map((s) => s.name));
    await closeClean(chapter);

    const watch = await openWith('/tools/bonus/', { [LAST_BACKUP]: backupMark(1) });
    const { page } = watch;
    await expect(reminderStatus(page)).resolves.toBe('none');
    await page.waitForLoadState('networkidle');
    const loaded = await scriptsLoaded(page);
    expect(loaded.filter((s) => /^(Bonus|use-tool|preact\.module|storage|persist-storage)\./.test(s.name))).toEqual([]);
    const own = loaded.filter((s) => !site.has(s.name)).map((s) => s.name);
    const gz = own.reduce((sum, name) => sum + gzipSync(readFileSync(`dist/_astro/${name}`)).length, 0);
    expect(gz, own.join(', ')).toBeLessThan(1_000);
    await closeClean(watch);
  });
});

describe('long-term storage is asked for once, after the first save', () => {
  /** Counts navigator.storage.persist() calls in window.__persistCalls; persisted() says no. */
  const STUB = `window.__persistCalls = 0;
    Object.defineProperty(navigator, 'storage', { configurable: true, value: {
      persisted: () => Promise.resolve(false),
      persist: () => { window.__persistCalls += 1; return Promise.resolve(false); },
      estimate: () => Promise.resolve({ usage: 0, quota: 1e9 }),
    } });`;

  it('one call after the first save, none for later saves or on the next visit', async () => {
    const tool = await ToolPage.open(browser, 'bonus', '/tools/bonus/', {});
    await tool.page.context().addInitScript(STUB);
    await tool.page.reload();
    await tool.ready();
    const calls = () => tool.page.evaluate(() => (window as unknown as { __persistCalls: number }).__persistCalls);
    await expect(calls()).resolves.toBe(0); // opening saves nothing, asks nothing
    await tool.fill('月度奖金基数', '3000');
    await tool.waitSaved();
    await expect.poll(calls).toBe(1);
    await tool.fill('月度奖金基数', '3500');
    await tool.waitSaved();
    await expect(calls()).resolves.toBe(1);
    await tool.page.reload();
    await tool.ready();
    await tool.fill('月度奖金基数', '4000');
    await tool.waitSaved();
    await expect(calls()).resolves.toBe(0); // a fresh page: the browser was asked already
    await closeClean(tool.watch);
  });
});

describe('links to 我的数据', () => {
  it('the home page links to 我的数据', async () => {
    const watch = await openPage(browser, '/', {}, { wake: false });
    const link = watch.page.locator('main').getByRole('link', { name: '我的数据', exact: true });
    await expect(link.first().getAttribute('href')).resolves.toBe('/my-data/');
    await closeClean(watch);
  });

  for (const id of TOOLS) {
    it(`${id}: the line on where the work is kept links to 我的数据`, async () => {
      const watch = await openPage(browser, `/tools/${id}/`, {}, { wake: false });
      const hint = watch.page.getByText('工具的内容只保存在本浏览器中');
      await expect(hint.count()).resolves.toBe(1);
      await expect(hint.getByRole('link', { name: '我的数据' }).getAttribute('href')).resolves.toBe('/my-data/');
      await closeClean(watch);
    });
  }
});
