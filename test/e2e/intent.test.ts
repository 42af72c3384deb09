// Tool code loads on the reader's intent (client:intent, issue 10 item 8): a first visit loads none
// of the tool's JavaScript; the first pointer, touch or focus in the tool loads it; saved work or a
// link loads it at once; and what the reader typed, ticked or clicked while it loaded is kept.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeClean, launchBrowser, openPage, siteUrl } from './support/browser';
import { toJsonFile } from '../../src/core/json-file';
import { BONUS_STATE_VERSION } from '../../src/tools/bonus/logic/state';
import { bonusShareFragment } from './support/bonus-link';
import { ToolPage } from './support/tool-page';

const managerItems = (
  parse(readFileSync('content/policy/onboarding.yaml', 'utf8')) as {
    items: { roles: 'all' | string[] }[];
  }
).items.filter((it) => it.roles === 'all' || it.roles.includes('manager')).length;

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const TOOLS = [
  { id: 'bonus', component: 'Bonus' },
  { id: 'onboarding', component: 'Onboarding' },
  { id: 'budget-request', component: 'BudgetRequest' },
  { id: 'signoffs', component: 'Signoffs' },
  { id: 'team-review', component: 'TeamReview' },
  { id: 'self-review', component: 'SelfReview' },
] as const;

/** The site's scripts this page has fetched so far (file names under /_astro/). */
async function scripts(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    performance
      .getEntriesByType('resource')
      .map((r) => r.name)
      .filter((n) => n.includes('/_astro/') && n.endsWith('.js'))
      .map((n) => n.slice(n.lastIndexOf('/') + 1)),
  );
}

const awake = (page: Page) => page.waitForFunction(() => document.querySelector('astro-island[data-awake]'));

/** Everything saved under the tool's namespace, as one text. */
async function storedText(page: Page, tool: string): Promise<string> {
  return page.evaluate(
    (prefix) =>
      Object.keys(localStorage)
        .filter((k) => k.startsWith(prefix))
        .map((k) => localStorage.getItem(k))
        .join(''),
    `mh:${tool}:`,
  );
}

/** Opens a tool unwoken, its component chunk held until `release` is called. */
async function openHeld(tool: string, component: string) {
  const watch = await openPage(browser, `/tools/${tool}/`, {}, { wake: false });
  return { watch, page: watch.page, release: await holdChunk(watch.page, component) };
}

/** Holds the tool's component chunk until the returned function is called. */
async function holdChunk(page: Page, component: string): Promise<() => void> {
  let release!: () => void;
  const gate = new Promise<void>((resolve) => (release = resolve));
  await page.route(new RegExp(`/_astro/${component}\\.[^/]+\\.js$`), async (route) => {
    await gate;
    await route.continue();
  });
  return release;
}

describe('tool code loads on intent', () => {
  for (const tool of TOOLS) {
    it(`${tool.id}: a first visit loads none of the tool's code; a pointer over the tool loads it`, async () => {
      const watch = await openPage(browser, `/tools/${tool.id}/`, {}, { wake: false });
      const { page } = watch;
      await page.waitForLoadState('networkidle');
      const before = await scripts(page);
      expect(before.filter((s) => s.startsWith(`${tool.component}.`))).toEqual([]);
      expect(before.filter((s) => /^(use-tool|preact\.module|storage)\./.test(s))).toEqual([]);
      // The blank form is there to read, from the server.
      await expect(page.locator(`[data-tool="${tool.id}"]`).count()).resolves.toBe(1);

      await page.locator(`[data-tool="${tool.id}"]`).hover();
      await awake(page);
      const after = await scripts(page);
      expect(after.some((s) => s.startsWith(`${tool.component}.`))).toBe(true);
      await expect(page.locator(`[data-tool="${tool.id}"]`).getAttribute('data-ready')).resolves.toBe('true');
      await closeClean(watch);
    });
  }

  it('saved work loads the tool at once, with no pointer or key', async () => {
    const tool = await ToolPage.open(browser, 'bonus');
    await tool.fill('月度奖金基数', '3000');
    await tool.waitSaved();
    await tool.page.goto(tool.page.url());
    await awake(tool.page);
    await expect(tool.field('月度奖金基数').inputValue()).resolves.toBe('3000');
    await closeClean(tool.watch);
  });

  it('奖金估算: a base typed while the code loads is kept and saved', async () => {
    const { watch, page, release } = await openHeld('bonus', 'Bonus');
    await page.getByLabel('月度奖金基数').fill('2,500'); // focusing it asks for the code
    release();
    await awake(page);
    const tool = new ToolPage(watch, 'bonus');
    await tool.waitSaved();
    await expect(tool.field('月度奖金基数').inputValue()).resolves.toBe('2,500');
    const stored = await storedText(page, 'bonus');
    expect(stored).toContain('2,500');
    await closeClean(watch);
  });

  it('入职清单: a name, a role and a tick made while the code loads are kept', async () => {
    const { watch, page, release } = await openHeld('onboarding', 'Onboarding');
    await page.getByLabel('姓名', { exact: true }).fill('王小明');
    await page.getByLabel('岗位', { exact: true }).selectOption({ label: '市场经理' });
    await page.getByRole('checkbox').first().check();
    release();
    await awake(page);
    const tool = new ToolPage(watch, 'onboarding');
    await tool.waitSaved();
    await expect(tool.field('姓名').inputValue()).resolves.toBe('王小明');
    await expect(page.getByRole('checkbox').first().isChecked()).resolves.toBe(true);
    // The role's own items show once the role is taken.
    await expect(page.getByRole('checkbox').count()).resolves.toBe(managerItems);
    const stored = await storedText(page, 'onboarding');
    expect(stored).toContain('王小明');
    expect(stored).toContain('"role":"manager"');
    await closeClean(watch);
  });

  it('预算申请单: 添加一行 clicked while the code loads adds the line once it has loaded', async () => {
    const { watch, page, release } = await openHeld('budget-request', 'BudgetRequest');
    await page.getByLabel('项目名称').fill('春季招生海报');
    await page.getByRole('button', { name: '添加一行' }).click();
    release();
    await awake(page);
    await expect.poll(() => page.getByRole('button', { name: /^删除第 \d+ 行$/ }).count()).toBe(2);
    await expect(page.getByLabel('项目名称').inputValue()).resolves.toBe('春季招生海报');
    const tool = new ToolPage(watch, 'budget-request');
    await tool.waitSaved();
    const stored = await storedText(page, 'budget-request');
    expect(stored).toContain('春季招生海报');
    await closeClean(watch);
  });

  it('绩效自评: a group and a month chosen while the code loads open that entry, with the name typed', async () => {
    const { watch, page, release } = await openHeld('self-review', 'SelfReview');
    await page.getByLabel('员工姓名').fill('李华');
    await page.getByLabel('考核组').selectOption({ label: '数据分析组' });
    await page.getByLabel('月份').selectOption({ label: '3月' });
    release();
    await awake(page);
    const tool = new ToolPage(watch, 'self-review');
    const year = await page.getByLabel('年份').inputValue();
    await expect.poll(() => tool.entryKey()).toBe(`analytics-${year}-03`);
    await expect(page.getByLabel('考核组').inputValue()).resolves.toBe('analytics');
    await expect(page.getByLabel('月份').inputValue()).resolves.toBe('3');
    await expect(page.getByLabel('员工姓名').inputValue()).resolves.toBe('李华');
    await closeClean(watch);
  });

  it('a share link: what was typed while the code loaded does not go into the read-only view or the reader’s own entry', async () => {
    const { watch, page, release } = await openHeld('bonus', 'Bonus');
    await page.goto(siteUrl(`/tools/bonus/#${bonusShareFragment()}`));
    await page.getByLabel('月度奖金基数').fill('9999');
    release();
    await awake(page);
    await page.getByText('正在查看分享链接中的奖金估算（只读）。').waitFor();
    await expect(page.getByLabel('月度奖金基数').inputValue()).resolves.toBe('2000');
    await expect(storedText(page, 'bonus')).resolves.toBe('');
    await closeClean(watch);
  });

  it('奖金估算: a JSON file chosen while the code loads is imported once it has loaded', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'intent-')), 'bonus.json');
    writeFileSync(
      file,
      toJsonFile('bonus', BONUS_STATE_VERSION, {
        baseMode: 'direct',
        base: '4321',
        salary: '',
        ratio: '10',
        scoreMode: 'typed',
        score: '88',
        source: '',
        sourceLabel: '',
      }),
    );
    const { watch, page, release } = await openHeld('bonus', 'Bonus');
    await page.locator('[data-tool="bonus"]').hover(); // the reader reaches for 导入 JSON
    await page.getByLabel('选择要导入的 JSON 文件').setInputFiles(file);
    release();
    await awake(page);
    await page.getByText('已导入奖金估算').waitFor();
    await expect(page.getByLabel('月度奖金基数').inputValue()).resolves.toBe('4321');
    await closeClean(watch);
  });
});
