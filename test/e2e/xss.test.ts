// Text a reader types is only ever text: an HTML payload and a spreadsheet formula go through every
// tool — screen, print, copied text, CSV, share link — and nothing runs, no element is made from
// them, and the CSV cell cannot start a formula. The CSP listener catches an inline handler that
// slipped through, too.
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { emptyBonusState, BONUS_STATE_VERSION, BONUS_TOOL } from '../../src/tools/bonus/logic/state';
import { parseCsv } from '../../src/core/csv';
import type { BonusPolicy } from '../../src/core/policy-types';
import { plainShareLink } from '../unit/helpers/plain-share-link';
import { launchBrowser, openPage, siteUrl, closeClean } from './support/browser';
import { copyFromTool } from './support/tool-page';

const IMG = '<img src=x onerror="window.__xss=1">';
const FORMULA = "=cmd|' /C calc'!A0";

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

interface Tool {
  name: string;
  path: string;
  /** Resolves once the island has hydrated and the fields take input. */
  ready(page: Page): Promise<void>;
  /** Types IMG and FORMULA into the tool's free-text fields. */
  fill(page: Page): Promise<void>;
  /** Whether the tool downloads a CSV, and which payloads land in it. */
  csv: boolean;
  /** The read-only banner of a shared view. */
  shareBanner: RegExp;
}

const byLabel = (page: Page, label: string) => page.getByLabel(label, { exact: true });

const TOOLS: Tool[] = [
  {
    name: '绩效自评',
    path: '/tools/self-review/',
    ready: (page) => byLabel(page, '员工姓名').and(page.locator(':enabled')).waitFor(),
    async fill(page) {
      await byLabel(page, '员工姓名').fill(IMG);
      const first = page.locator('fieldset.sr-kpi').first();
      await first.getByLabel('实际值').fill('1');
      await first.getByLabel('自评说明').fill(FORMULA);
      await byLabel(page, '总体自评').fill(IMG);
    },
    csv: true,
    shareBanner: /正在查看分享链接中的绩效自评（只读）/,
  },
  {
    name: '预算申请单',
    path: '/tools/budget-request/',
    ready: (page) => byLabel(page, '项目名称').and(page.locator(':enabled')).waitFor(),
    async fill(page) {
      await byLabel(page, '申请人').fill(FORMULA);
      await byLabel(page, '项目名称').fill(IMG);
      await byLabel(page, '用途说明').fill(IMG);
      await byLabel(page, '第 1 行 费用说明').fill(FORMULA);
      await byLabel(page, '第 1 行 数量').fill('1');
      await byLabel(page, '第 1 行 单价（元）').fill('10');
    },
    csv: true,
    shareBanner: /这是别人分享的预算申请单（只读）/,
  },
  {
    name: '入职清单',
    path: '/tools/onboarding/',
    ready: (page) => byLabel(page, '姓名').and(page.locator(':enabled')).waitFor(),
    async fill(page) {
      await byLabel(page, '姓名').fill(IMG);
      await byLabel(page, '岗位').selectOption({ index: 1 });
      await byLabel(page, '入职日期').fill('2026-03-02');
      await byLabel(page, '导师').fill(FORMULA);
    },
    csv: false,
    shareBanner: /只读：这是「.*」通过分享链接发来的入职进度/,
  },
];

/** Nothing ran and no element was built from the payload. */
async function inert(page: Page) {
  await expect(page.evaluate('window.__xss')).resolves.toBeUndefined();
  await expect(page.locator('img[src="x"]').count()).resolves.toBe(0);
  await expect(page.evaluate(`[...document.scripts].some((s) => s.text.includes('__xss'))`)).resolves.toBe(
    false,
  );
}

describe.each(TOOLS)('$name', (tool) => {
  it('keeps the payloads as text on screen, on paper, in the copied text and in the CSV', async () => {
    const watch = await openPage(browser, tool.path);
    const { page, context } = watch;
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], {
      origin: new URL(siteUrl()).origin,
    });
    await tool.ready(page);
    await tool.fill(page);
    await inert(page);

    const copied = await copyFromTool(page, '复制为文本');
    expect(copied).toContain(IMG);
    expect(copied).toContain(FORMULA);

    if (tool.csv) {
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('button', { name: '下载 CSV' }).click(),
      ]);
      const cells = parseCsv(readFileSync((await download.path())!, 'utf8')).flat();
      expect(cells).toContain(`'${FORMULA}`);
      expect(cells.filter((c) => /^[=+\-@\t\r]/.test(c))).toEqual([]);
    }

    await page.emulateMedia({ media: 'print' });
    const sheet = page.locator('.tool-print-sheet').first();
    await expect(sheet.isVisible()).resolves.toBe(true);
    const printed = (await sheet.textContent()) ?? '';
    expect(printed).toContain(IMG);
    expect(printed).toContain(FORMULA);
    await inert(page);
    await closeClean(watch);
  });

  it('keeps the payloads as text in the shared view', async () => {
    const watch = await openPage(browser, tool.path);
    const { page, context } = watch;
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], {
      origin: new URL(siteUrl()).origin,
    });
    await tool.ready(page);
    await tool.fill(page);
    const url = new URL(await copyFromTool(page, '复制分享链接'));

    const other = await openPage(browser, url.pathname + url.hash);
    const p = other.page;
    await p.getByText(tool.shareBanner).waitFor();
    await inert(p);
    await p.emulateMedia({ media: 'print' });
    const printed = (await p.locator('.tool-print-sheet').first().textContent()) ?? '';
    expect(printed).toContain(IMG);
    expect(printed).toContain(FORMULA);
    await inert(p);
    await closeClean(other);
    await closeClean(watch);
  });
});

describe('绩效奖金估算', () => {
  const bonus = parse(readFileSync('content/policy/bonus.yaml', 'utf8')) as BonusPolicy;

  it('refuses the payload in a number field beside the field, as text', async () => {
    const watch = await openPage(browser, '/tools/bonus/');
    const { page } = watch;
    await byLabel(page, '月度奖金基数').and(page.locator(':enabled')).waitFor();
    await byLabel(page, '月度奖金基数').fill(IMG);
    await byLabel(page, '得分').fill(FORMULA);
    await expect(byLabel(page, '月度奖金基数').getAttribute('aria-invalid')).resolves.toBe('true');
    await expect(byLabel(page, '得分').getAttribute('aria-invalid')).resolves.toBe('true');
    await inert(page);
    await closeClean(watch);
  });

  it('shows the free text a share link carries (where the score came from) as text', async () => {
    const state = { ...emptyBonusState(bonus), base: '2000', score: '80', sourceLabel: IMG };
    const link = { fragment: plainShareLink(BONUS_TOOL, BONUS_STATE_VERSION, state) };
    const watch = await openPage(browser, `/tools/bonus/#${link.fragment}`);
    const { page } = watch;
    await page.getByText('正在查看分享链接中的奖金估算（只读）。').waitFor();
    await expect(page.locator('main').textContent()).resolves.toContain(IMG);
    await inert(page);
    await page.emulateMedia({ media: 'print' });
    await expect(page.locator('.tool-print-sheet').textContent()).resolves.toContain(IMG);
    await inert(page);
    await closeClean(watch);
  });
});
