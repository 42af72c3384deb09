// The kit's behaviour, the same in every tool: two tabs of one browser never lose work, faults get
// the same words everywhere, and errors wait for the reader. Waits are on state (stored savedAt,
// elements), never on time.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { STORAGE_MESSAGES } from '../../src/core/storage';
import { launchBrowser, openPage, siteUrl } from './support/browser';
import { bonusShareFragment } from './support/bonus-link';
import { ToolPage } from './support/tool-page';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const BUDGET = '/tools/budget-request/';

/** A tab of `context` on the 预算申请单; `holdEdits` keeps its edits unsaved (until it closes). */
async function tab(context: BrowserContext, holdEdits = false): Promise<ToolPage> {
  const page = await context.newPage();
  if (holdEdits) await page.addInitScript('window.__mhAutosaveDelay = 3600000');
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(siteUrl(BUDGET));
  const tool = new ToolPage({ page, context, errors, foreignRequests: [] }, 'budget-request');
  await tool.ready();
  return tool;
}

async function storedDraft(page: Page, key: string): Promise<Record<string, unknown>> {
  const raw = (await page.evaluate(`localStorage.getItem('mh:budget-request:${key}')`)) as string;
  return (JSON.parse(raw) as { data: Record<string, unknown> }).data;
}

describe('two tabs of one browser', () => {
  it('edits to different fields merge; nothing typed in either tab is lost', async () => {
    const context = await browser.newContext({ locale: 'zh-CN' });
    const a = await tab(context);
    await a.fill('项目名称', '暑期招生推广');
    await a.waitSaved();
    const key = (await a.entryKey())!;
    // Tab B opens the same draft and holds its edit unsaved while tab A saves another field.
    const b = await tab(context, true);
    expect(await b.entryKey()).toBe(key);
    await b.fill('用途说明', '暑期招生的线上推广');
    await a.fill('申请人', '张三');
    await a.waitSaved();
    // B merged A's save into its own edit and saved both.
    await b.page.getByText(STORAGE_MESSAGES.merged).waitFor();
    await b.waitSaved();
    const stored = await storedDraft(a.page, key);
    expect(stored).toMatchObject({
      project: '暑期招生推广',
      applicant: '张三',
      purpose: '暑期招生的线上推广',
    });
    // Both tabs show both edits after a reload.
    for (const t of [a, b]) {
      await t.page.reload();
      await t.ready();
      await expect(t.field('申请人').inputValue()).resolves.toBe('张三');
      await expect(t.field('用途说明').inputValue()).resolves.toBe('暑期招生的线上推广');
    }
    await context.close();
  });

  it('the same field edited in both tabs is a conflict shown beside it, in a notice that stays in view, and closing asks', async () => {
    const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1000, height: 700 } });
    const a = await tab(context);
    await a.fill('项目名称', '原来的名称');
    await a.waitSaved();
    const key = (await a.entryKey())!;
    const b = await tab(context, true);
    await b.fill('项目名称', 'B 标签页的名称');
    await a.fill('项目名称', 'A 标签页的名称');
    await a.waitSaved();

    // Beside the field: the other tab's value, and both choices.
    const note = b.page.locator('#br-project-conflict');
    await note.waitFor();
    await expect(note.textContent()).resolves.toContain('A 标签页的名称');
    await expect(b.field('项目名称').inputValue()).resolves.toBe('B 标签页的名称');
    // The notice is an alert and stays in view while the reader works further down.
    const notice = b.page.getByRole('alert').filter({ hasText: '另一个标签页也改了「项目名称」' });
    await notice.waitFor();
    await b.page.getByRole('button', { name: '下载 CSV' }).scrollIntoViewIfNeeded();
    const box = await notice.boundingBox();
    expect(box).not.toBeNull();
    expect(box!.y).toBeGreaterThanOrEqual(0);
    expect(box!.y + box!.height).toBeLessThanOrEqual(700);
    // Nothing of B is saved while the conflict stands.
    expect((await storedDraft(a.page, key)).project).toBe('A 标签页的名称');

    // Closing the tab with the conflict unsettled asks first.
    let asked = false;
    b.page.once('dialog', async (dialog) => {
      asked = dialog.type() === 'beforeunload';
      await dialog.dismiss();
    });
    await b.page.close({ runBeforeUnload: true });
    await expect.poll(() => asked).toBe(true);

    // Settling it: keep B's value, which is then saved.
    await b.page.getByRole('button', { name: '保留本页的', exact: true }).click();
    // Tab B holds its edits (see tab()): leaving the page saves them, as pagehide does for a reader.
    await b.page.evaluate("dispatchEvent(new Event('pagehide'))");
    await b.waitSaved();
    expect((await storedDraft(a.page, key)).project).toBe('B 标签页的名称');
    await a.page.getByText('B 标签页的名称').first().waitFor();
    await context.close();
  });
});

describe('two tabs: what the conflict notice says, and what the other tab is told', () => {
  it('a conflict on a field with no mark of its own: the notice names it and offers the choices it shows; the other tab is told what the choice changed', async () => {
    const context = await browser.newContext({ locale: 'zh-CN' });
    const a = await tab(context);
    await a.fill('项目名称', '暑期招生推广');
    await a.fill('第 1 行 费用说明', '原来的说明');
    await a.waitSaved();
    const b = await tab(context, true);
    await b.fill('第 1 行 费用说明', 'B 的说明');
    await a.fill('第 1 行 费用说明', 'A 的说明');
    await a.waitSaved();

    // The line's field has no note beside it: the notice names it as the page labels it, and
    // speaks only of the choices it offers.
    const notice = b.page.getByRole('alert').filter({ hasText: '另一个标签页' });
    await notice.waitFor();
    const said = (await notice.textContent()) ?? '';
    expect(said).toContain('「费用明细 · 第 1 行 费用说明」');
    expect(said).not.toContain('标出的地方');
    for (const choice of ['全部保留本页的', '全部用另一标签页的']) {
      expect(said).toContain(`「${choice}」`);
      await expect(notice.getByRole('button', { name: choice, exact: true }).count()).resolves.toBe(1);
    }

    // B keeps its own: tab A shows B's value and says which field changed.
    const before = await a.storedSavedAt();
    await notice.getByRole('button', { name: '全部保留本页的', exact: true }).click();
    await b.page.evaluate("dispatchEvent(new Event('pagehide'))");
    await b.waitSaved(before);
    const told = a.page.getByRole('status').filter({ hasText: '「费用明细 · 第 1 行 费用说明」' });
    await told.waitFor();
    await expect(told.textContent()).resolves.toContain('另一个标签页');
    await expect(a.field('第 1 行 费用说明').inputValue()).resolves.toBe('B 的说明');
    // Only what changed is named.
    await expect(told.textContent()).resolves.not.toContain('项目名称');
    await context.close();
  });
});

describe('faults get the same words in every tool', () => {
  const TOOLS: readonly [string, string][] = [
    // [tool id, the key its first entry is read from]
    ['bonus', 'default'],
    ['onboarding', 'default'],
    ['self-review', 'promotion-2026-03'],
    ['budget-request', 'dnewer'],
  ];

  it.each(TOOLS)(
    '%s: an entry saved by a newer version is called newer, never damaged',
    async (tool, key) => {
      const watch = await openPage(browser, `/tools/${tool}/`);
      // Hydrated first: a tool that starts after the entry is written would set it aside on this load.
      await new ToolPage(watch, tool).ready();
      await watch.page.evaluate(
        `localStorage.setItem('mh:${tool}:${key}', JSON.stringify({ v: 99, savedAt: '2030-01-01T00:00:00.000Z', data: {} }))`,
      );
      await watch.page.reload();
      await watch.page.getByText(STORAGE_MESSAGES.newer).first().waitFor();
      await expect(watch.page.getByText('已损坏').count()).resolves.toBe(0);
      await watch.context.close();
    },
  );

  it('a saved entry with one bad field keeps its good fields and says which field was reset', async () => {
    const watch = await openPage(browser, '/tools/bonus/');
    await new ToolPage(watch, 'bonus').ready();
    const data = {
      baseMode: 'direct',
      base: 12345,
      salary: '',
      ratio: '20',
      scoreMode: 'typed',
      score: '88',
      source: '',
      sourceLabel: '',
    };
    await watch.page.evaluate(
      `localStorage.setItem('mh:bonus:default', ${JSON.stringify(JSON.stringify({ v: 1, savedAt: '2026-01-01T00:00:00.000Z', data }))})`,
    );
    await watch.page.reload();
    const tool = new ToolPage(watch, 'bonus');
    await tool.ready();
    await watch.page
      .getByText('保存的内容中有字段不正确，已重置：「月度奖金基数」；原内容已另存为备份，请核对')
      .first()
      .waitFor();
    await expect(tool.field('得分').inputValue()).resolves.toBe('88');
    await expect(tool.field('月度奖金基数').inputValue()).resolves.toBe('');
    await watch.context.close();
  });

  it('入职清单 shows no error on first load, only after the reader touches a field', async () => {
    const watch = await openPage(browser, '/tools/onboarding/');
    const tool = new ToolPage(watch, 'onboarding');
    await tool.ready();
    await expect(watch.page.locator('.tool-error').count()).resolves.toBe(0);
    await tool.fill('入职日期', '');
    await tool.field('入职日期').fill('2026-13-40');
    await watch.page.locator('#ob-start-error').waitFor();
    await watch.context.close();
  });
});

describe('share links', () => {
  it('while a share link is being read, the reader’s own form is not editable (it would look like the shared one)', async () => {
    const context = await browser.newContext({ locale: 'zh-CN' });
    const page = await context.newPage();
    // The reader's own saved estimate, which must not be offered for editing under a share link.
    await page.addInitScript(
      `localStorage.setItem('mh:bonus:default', ${JSON.stringify(JSON.stringify({ v: 1, savedAt: '2026-01-01T00:00:00.000Z', data: { baseMode: 'direct', base: '1000', salary: '', ratio: '10', scoreMode: 'typed', score: '70', source: '', sourceLabel: '' } }))})`,
    );
    // Hold the share-link code (loaded on demand) until the form has been looked at.
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let asked = false;
    await page.route('**/_astro/share-link*.js', async (route) => {
      asked = true;
      await held;
      await route.continue();
    });
    await page.goto(siteUrl(`/tools/bonus/#${bonusShareFragment()}`));
    await expect.poll(() => asked).toBe(true);
    const base = page.getByLabel('月度奖金基数');
    await base.waitFor();
    await expect(base.isEditable()).resolves.toBe(false);
    release();
    await page.getByText('正在查看分享链接中的奖金估算（只读）。').waitFor();
    await expect(base.inputValue()).resolves.toBe('2000');
    await expect(base.isEditable()).resolves.toBe(false);
    await context.close();
  });
});

describe('loading a tool page', () => {
  const TOOLS = ['onboarding', 'bonus', 'self-review', 'budget-request', 'signoffs', 'team-review'];
  it.each(TOOLS)(
    '/tools/%s/ does not move under the reader when it comes to life (no layout shift)',
    async (id) => {
      const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 412, height: 823 } });
      const page = await context.newPage();
      await page.addInitScript(() => {
        const w = window as unknown as { __shift: number };
        w.__shift = 0;
        new PerformanceObserver((list) => {
          for (const e of list.getEntries() as unknown as { value: number; hadRecentInput: boolean }[]) {
            if (!e.hadRecentInput) w.__shift += e.value;
          }
        }).observe({ type: 'layout-shift', buffered: true });
      });
      await page.goto(siteUrl(`/tools/${id}/`));
      await new ToolPage({ page, context, errors: [], foreignRequests: [] }, id).ready();
      // Lighthouse counts any shift against the page; the server's render must match the first screen.
      await expect(
        page.evaluate(() => (window as unknown as { __shift: number }).__shift),
      ).resolves.toBeLessThan(0.001);
      await context.close();
    },
  );
});
