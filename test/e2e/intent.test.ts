// Tool code loads on the reader's intent (client:intent): a first visit loads none of the tool's
// JavaScript; the first pointer, touch or focus in the tool loads it; saved work or a link loads it
// at once. Until the tool runs, its form is locked and a reader who reaches for it is told
// 「工具正在加载…」: what they try before then is refused on screen, never kept and applied later,
// so nothing is lost and nothing is applied twice. Each test holds the tool's chunk to be sure the
// reader acts before the code runs.
import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeClean, launchBrowser, openPage, siteUrl } from './support/browser';
import { toJsonFile } from '../../src/core/json-file';
import type { AppraisalPolicy } from '../../src/core/policy-types';
import { SELF_REVIEW_STATE_VERSION, emptyReview } from '../../src/tools/self-review/logic/state';
import { bonusShareFragment } from './support/bonus-link';
import { ToolPage } from './support/tool-page';

const appraisal = parse(readFileSync('content/policy/appraisal.yaml', 'utf8')) as AppraisalPolicy;
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
  // 我的数据 loads like a tool: nothing to list in a fresh browser, so nothing until it is used.
  { id: 'my-data', component: 'MyData', path: '/my-data/' },
] as const;

const LOADING = '工具正在加载…';

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

/** The tool's loading status as drawn (tools.css, on the root): its text, or 'none' when not shown. */
function loadingStatus(page: Page, tool: string): Promise<string> {
  return page
    .locator(`[data-tool="${tool}"]`)
    .evaluate((root) => getComputedStyle(root, '::after').content.replace(/^"|"$/g, ''));
}

/** Waits until the status is drawn (it is CSS on the locked form: shown on the frame after the touch). */
async function loadingShown(page: Page, tool: string): Promise<void> {
  await page.waitForFunction(
    ({ tool, text }) => {
      const root = document.querySelector(`[data-tool="${tool}"]`);
      return root !== null && getComputedStyle(root, '::after').content === `"${text}"`;
    },
    { tool, text: LOADING },
  );
}

const ready = (page: Page, tool: string) => page.locator(`[data-tool="${tool}"][data-ready="true"]`).waitFor();

/** Opens a tool unwoken, its component chunk held until `release` is called; `requested` settles
 * once the page has asked for it (the reader's first use reached the tool). */
async function openHeld(tool: string, component: string) {
  const watch = await openPage(browser, `/tools/${tool}/`, {}, { wake: false });
  let release!: () => void;
  let asked!: () => void;
  const gate = new Promise<void>((resolve) => (release = resolve));
  const requested = new Promise<void>((resolve) => (asked = resolve));
  await watch.page.route(new RegExp(`/_astro/${component}\\.[^/]+\\.js$`), async (route) => {
    asked();
    await gate;
    await route.continue();
  });
  return { watch, page: watch.page, release, requested };
}

/** A pointer pressed on the element (moved there first, as a reader's would be). */
async function pressOn(page: Page, selector: Parameters<Page['locator']>[0]): Promise<void> {
  await page.locator(selector).first().scrollIntoViewIfNeeded();
  const box = await page.locator(selector).first().boundingBox();
  if (!box) throw new Error(`${selector} is not on screen`);
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.down();
}

/** Drops a file on the element as a drag from the desktop would; true when the page refused it
 * (the default, opening the file in place of the page, was prevented). */
async function dropFile(page: Page, selector: string, name: string, text: string): Promise<boolean> {
  return page.evaluate(
    ({ selector, name, text }) => {
      const data = new DataTransfer();
      data.items.add(new File([text], name, { type: 'application/json' }));
      const target = document.querySelector(selector)!;
      target.dispatchEvent(new DragEvent('dragover', { bubbles: true, cancelable: true, dataTransfer: data }));
      return !target.dispatchEvent(new DragEvent('drop', { bubbles: true, cancelable: true, dataTransfer: data }));
    },
    { selector, name, text },
  );
}

describe('tool code loads on intent', () => {
  for (const tool of TOOLS) {
    it(`${tool.id}: a first visit loads none of the tool's code, its form locked; a pointer over the tool loads it and unlocks it`, async () => {
      const watch = await openPage(browser, 'path' in tool ? tool.path : `/tools/${tool.id}/`, {}, { wake: false });
      const { page } = watch;
      await page.waitForLoadState('networkidle');
      const before = await scripts(page);
      expect(before.filter((s) => s.startsWith(`${tool.component}.`))).toEqual([]);
      expect(before.filter((s) => /^(use-tool|preact\.module|storage)\./.test(s))).toEqual([]);
      // The blank form is there to read, from the server, locked: every field is read-only or
      // disabled (buttons with nothing behind them yet do nothing when pressed).
      const root = page.locator(`[data-tool="${tool.id}"]`);
      await expect(root.count()).resolves.toBe(1);
      await expect(root.getAttribute('data-ready')).resolves.toBeNull();
      const open = await root.evaluate(
        (el) =>
          [...el.querySelectorAll<HTMLInputElement>('input, select, textarea')]
            .filter((c) => !c.matches(':disabled') && !c.readOnly && c.getAttribute('aria-label') !== '选择要导入的 JSON 文件')
            .map((c) => c.id || c.outerHTML),
      );
      expect(open).toEqual([]);

      await root.hover();
      await ready(page, tool.id);
      const after = await scripts(page);
      expect(after.some((s) => s.startsWith(`${tool.component}.`))).toBe(true);
      await expect(loadingStatus(page, tool.id)).resolves.toBe('none');
      await closeClean(watch);
    });
  }

  it('the first use asks for all the tool’s chunks at once, not one level of imports per round trip', async () => {
    // The component chunk is held: without the list on the island, the chunks it imports (and theirs)
    // could not be asked for until it arrived.
    const { watch, page, release, requested } = await openHeld('team-review', 'TeamReview');
    const asked = new Set<string>();
    page.on('request', (r) => asked.add(new URL(r.url()).pathname));
    const listed = (
      (await page.locator('astro-island[client="intent"]').getAttribute('data-preload')) ?? ''
    ).split(' ');
    // use-tool is imported by the component; strings only by use-tool and others below it.
    expect(listed.some((p) => /\/use-tool\.[^/]+\.js$/.test(p))).toBe(true);
    expect(listed.some((p) => /\/strings\.[^/]+\.js$/.test(p))).toBe(true);
    expect(listed.every((p) => p.startsWith('/_astro/'))).toBe(true);
    // Chunks the page's own scripts loaded already (base-path, …) are not asked for again.
    const before = new Set((await scripts(page)).map((f) => `/_astro/${f}`));
    await page.locator('[data-tool="team-review"]').hover();
    await requested;
    await page.waitForFunction((listed) => {
      const links = new Set(
        [...document.querySelectorAll('link[rel="modulepreload"]')].map(
          (l) => new URL((l as HTMLLinkElement).href).pathname,
        ),
      );
      return listed.every((p) => links.has(p));
    }, listed);
    await expect.poll(() => listed.filter((p) => !asked.has(p) && !before.has(p))).toEqual([]);
    release();
    await ready(page, 'team-review');
    // Every listed chunk is one the tool runs on.
    const loaded = new Set(await scripts(page));
    expect(listed.map((p) => p.slice(p.lastIndexOf('/') + 1)).filter((f) => !loaded.has(f))).toEqual([]);
    await closeClean(watch);
  });

  it('saved work loads the tool at once, with no pointer or key', async () => {
    const tool = await ToolPage.open(browser, 'bonus');
    await tool.fill('月度奖金基数', '3000');
    await tool.waitSaved();
    await tool.page.goto(tool.page.url());
    await ready(tool.page, 'bonus');
    await expect(tool.field('月度奖金基数').inputValue()).resolves.toBe('3000');
    await closeClean(tool.watch);
  });

  it('奖金估算: typing, a choice and a button pressed while the code loads are refused, then taken once', async () => {
    const { watch, page, release, requested } = await openHeld('bonus', 'Bonus');
    await pressOn(page, '#bn-base'); // the first touch: the code is asked for, the reader told
    await requested;
    await loadingShown(page, 'bonus');
    await page.mouse.up();
    await page.keyboard.type('2500');
    await expect(page.getByLabel('月度奖金基数').inputValue()).resolves.toBe('');
    await page.getByLabel('奖金基数怎么填').click({ force: true });
    await page.keyboard.press('ArrowDown');
    await page.getByRole('button', { name: '复制为文本' }).click();
    release();
    await ready(page, 'bonus');
    // Nothing refused comes back once the tool runs.
    await expect(page.getByLabel('月度奖金基数').inputValue()).resolves.toBe('');
    await expect(page.getByLabel('奖金基数怎么填').inputValue()).resolves.toBe('direct');
    await expect(page.locator('.tool-export-status').textContent()).resolves.toBe('');
    await expect(loadingStatus(page, 'bonus')).resolves.toBe('none');
    await expect(storedText(page, 'bonus')).resolves.toBe('');
    // Now the same input is taken, once.
    const tool = new ToolPage(watch, 'bonus');
    await tool.fill('月度奖金基数', '2,500');
    await tool.waitSaved();
    await expect(page.getByLabel('月度奖金基数').inputValue()).resolves.toBe('2,500');
    await page.getByLabel('奖金基数怎么填').selectOption({ label: '按月薪 × 奖金比例估算' });
    await tool.waitSaved();
    const stored = await storedText(page, 'bonus');
    expect(stored).toContain('"base":"2,500"');
    expect(stored).toContain('"baseMode":"salary"');
    await closeClean(watch);
  });

  it('入职清单: a tick, a name and a role tried while the code loads are refused, then taken once', async () => {
    const { watch, page, release, requested } = await openHeld('onboarding', 'Onboarding');
    const first = page.getByRole('checkbox').first();
    await pressOn(page, '[data-tool="onboarding"] input[type="checkbox"]');
    await requested;
    await loadingShown(page, 'onboarding');
    await page.mouse.up();
    await expect(first.isChecked()).resolves.toBe(false);
    await page.getByLabel('姓名', { exact: true }).focus();
    await page.keyboard.type('王小明');
    await page.getByLabel('岗位', { exact: true }).click({ force: true });
    await page.keyboard.press('ArrowDown');
    release();
    await ready(page, 'onboarding');
    await expect(page.getByLabel('姓名', { exact: true }).inputValue()).resolves.toBe('');
    await expect(first.isChecked()).resolves.toBe(false);
    await expect(storedText(page, 'onboarding')).resolves.not.toContain('王小明');
    const tool = new ToolPage(watch, 'onboarding');
    await tool.fill('姓名', '王小明');
    await page.getByLabel('岗位', { exact: true }).selectOption({ label: '市场经理' });
    await expect.poll(() => page.getByRole('checkbox').count()).toBe(managerItems);
    await page.getByRole('checkbox').first().check();
    await tool.waitSaved();
    await expect(page.getByRole('checkbox').first().isChecked()).resolves.toBe(true);
    await expect(tool.field('姓名').inputValue()).resolves.toBe('王小明');
    const stored = await storedText(page, 'onboarding');
    expect(stored).toContain('"王小明"');
    expect(stored).toContain('"role":"manager"');
    await closeClean(watch);
  });

  it('新员工签收: focus in the form says it is loading; text typed, 收进列表 and a file dropped meanwhile are refused, then taken once', async () => {
    const { watch, page, release, requested } = await openHeld('signoffs', 'Signoffs');
    const paste = page.getByLabel('粘贴签收链接或签收文件内容（每行一个链接）');
    await paste.focus(); // the first use is focus (the pointer is not over the tool)
    await requested;
    await loadingShown(page, 'signoffs');
    await page.keyboard.type('不是链接');
    await expect(paste.inputValue()).resolves.toBe('');
    await page.getByRole('button', { name: '收进列表' }).click({ force: true });
    await expect(dropFile(page, '.tool-drop', 'x.json', '[]')).resolves.toBe(true);
    release();
    await ready(page, 'signoffs');
    await expect(paste.inputValue()).resolves.toBe('');
    await expect(page.locator('.so-results li').count()).resolves.toBe(0);
    await expect(loadingStatus(page, 'signoffs')).resolves.toBe('none');
    // Dropped once the tool runs, the file is read once.
    await expect(dropFile(page, '.tool-drop', 'x.json', '[]')).resolves.toBe(true);
    await page.locator('.so-results li', { hasText: 'x.json：无法读取' }).waitFor();
    await expect(page.locator('.so-results li').count()).resolves.toBe(1);
    await closeClean(watch);
  });

  it('团队考核: a 自评 file dropped while the code loads is refused, not received later; dropped again it is received once', async () => {
    const file = toJsonFile('self-review', SELF_REVIEW_STATE_VERSION, emptyReview(appraisal, 'crm', '2026-03', '王五'));
    const { watch, page, release, requested } = await openHeld('team-review', 'TeamReview');
    await pressOn(page, '.tool-drop');
    await requested;
    await loadingShown(page, 'team-review');
    await page.mouse.up();
    await expect(dropFile(page, '.tool-drop', 'wangwu.json', file)).resolves.toBe(true);
    await page.getByLabel('粘贴绩效自评分享链接（每行一个）').click();
    await page.keyboard.type('不是链接');
    release();
    await ready(page, 'team-review');
    await expect(page.getByLabel('粘贴绩效自评分享链接（每行一个）').inputValue()).resolves.toBe('');
    await expect(page.locator('.tr-members li').count()).resolves.toBe(0);
    await expect(storedText(page, 'team-review')).resolves.not.toContain('王五');
    await expect(dropFile(page, '.tool-drop', 'wangwu.json', file)).resolves.toBe(true);
    await page.getByText('新增 1 份').waitFor();
    await expect(page.locator('.tr-members li').count()).resolves.toBe(1);
    await closeClean(watch);
  });

  it('绩效自评: a name, a group and a month tried while the code loads are refused; chosen after, they open that entry', async () => {
    const { watch, page, release, requested } = await openHeld('self-review', 'SelfReview');
    const group = page.getByLabel('考核组');
    const before = await group.inputValue();
    await page.getByLabel('员工姓名').focus();
    await requested;
    await loadingShown(page, 'self-review');
    await page.keyboard.type('李华');
    await group.click({ force: true });
    await page.keyboard.press('ArrowDown');
    release();
    await ready(page, 'self-review');
    await expect(page.getByLabel('员工姓名').inputValue()).resolves.toBe('');
    await expect(group.inputValue()).resolves.toBe(before);
    await expect(storedText(page, 'self-review')).resolves.toBe('');
    const tool = new ToolPage(watch, 'self-review');
    await group.selectOption({ label: '数据分析组' });
    await page.getByLabel('月份').selectOption({ label: '3月' });
    const year = await page.getByLabel('年份').inputValue();
    await expect.poll(() => tool.entryKey()).toBe(`analytics-${year}-03`);
    await tool.fill('员工姓名', '李华');
    await expect(tool.field('员工姓名').inputValue()).resolves.toBe('李华');
    await closeClean(watch);
  });

  it('预算申请单: 添加一行, a project name and a category tried while the code loads are refused; pressed after, one line is added', async () => {
    const { watch, page, release, requested } = await openHeld('budget-request', 'BudgetRequest');
    const lines = page.getByRole('button', { name: /^删除第 \d+ 行$/ });
    await pressOn(page, '#br-project');
    await requested;
    await loadingShown(page, 'budget-request');
    await page.mouse.up();
    await page.keyboard.type('春季招生海报');
    await page.getByRole('button', { name: '添加一行' }).click({ force: true });
    await page.getByLabel('费用类别').click({ force: true });
    await page.keyboard.press('ArrowDown');
    const category = await page.getByLabel('费用类别').inputValue();
    release();
    await ready(page, 'budget-request');
    await expect(page.getByLabel('项目名称').inputValue()).resolves.toBe('');
    await expect(lines.count()).resolves.toBe(1);
    await expect(page.getByLabel('费用类别').inputValue()).resolves.toBe(category);
    await expect(storedText(page, 'budget-request')).resolves.not.toContain('春季招生海报');
    const tool = new ToolPage(watch, 'budget-request');
    await tool.fill('项目名称', '春季招生海报');
    await page.getByRole('button', { name: '添加一行' }).click();
    await expect.poll(() => lines.count()).toBe(2);
    await tool.waitSaved();
    await expect(tool.field('项目名称').inputValue()).resolves.toBe('春季招生海报');
    await expect(storedText(page, 'budget-request')).resolves.toContain('"春季招生海报"');
    await closeClean(watch);
  });

  it('a share link: typing while its tool loads reaches neither the read-only view nor the reader’s own entry', async () => {
    const { watch, page, release } = await openHeld('bonus', 'Bonus');
    await page.goto(siteUrl(`/tools/bonus/#${bonusShareFragment()}`));
    await page.getByLabel('月度奖金基数').focus();
    await page.keyboard.type('9999');
    release();
    await ready(page, 'bonus');
    await page.getByText('正在查看分享链接中的奖金估算（只读）。').waitFor();
    await expect(page.getByLabel('月度奖金基数').inputValue()).resolves.toBe('2000');
    await expect(storedText(page, 'bonus')).resolves.toBe('');
    await closeClean(watch);
  });
});
