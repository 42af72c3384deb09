// 我的数据 (/my-data/) as a reader uses it: what this browser holds, one backup, one restore that asks
// per entry, refusals with reasons, and a tool open in another tab that keeps its edits. By role and
// label, in Chromium; waits are on state (elements, stored values), never on time.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { STORAGE_MESSAGES } from '../../src/core/storage';
import { BACKUP_MESSAGES } from '../../src/tools/my-data/logic/backup';
import { launchBrowser, siteUrl, wakeTools } from './support/browser';
import { ToolPage } from './support/tool-page';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const MY_DATA = '/my-data/';

async function openTool(context: BrowserContext, tool: string, holdEdits = false): Promise<ToolPage> {
  const page = await context.newPage();
  if (holdEdits) await page.addInitScript('window.__mhAutosaveDelay = 3600000');
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(siteUrl(`/tools/${tool}/`));
  const t = new ToolPage({ page, context, errors, foreignRequests: [] }, tool);
  await t.ready();
  return t;
}

async function openMyData(context: BrowserContext): Promise<Page> {
  const page = await context.newPage();
  await page.goto(siteUrl(MY_DATA));
  await wakeTools(page);
  await page.locator('.my-data[data-ready="true"]').waitFor();
  return page;
}

/** What a tool shows of its open entry: every computed text and every field's value. */
async function shown(t: ToolPage): Promise<string> {
  // The 内容指纹 is hashed after the first render: wait for it, not for time.
  await t.page.waitForFunction(
    (tool) => !document.querySelector<HTMLElement>(`[data-tool="${tool}"]`)!.innerText.includes('指纹 —'),
    t.tool,
  );
  return t.page.evaluate((tool) => {
    const root = document.querySelector<HTMLElement>(`[data-tool="${tool}"]`)!;
    const values = [...root.querySelectorAll<HTMLInputElement>('input, select, textarea')].map((f) =>
      f.type === 'checkbox' ? String(f.checked) : f.value,
    );
    return `${root.innerText}\n${values.join('|')}`;
  }, t.tool);
}

type Envelope = { v: number; savedAt: string; data: Record<string, unknown> };
const stored = async (page: Page, key: string): Promise<Envelope | null> => {
  const raw = (await page.evaluate((k) => localStorage.getItem(k), key)) as string | null;
  return raw ? (JSON.parse(raw) as Envelope) : null;
};

async function backupAll(page: Page): Promise<string> {
  const [file] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: '备份全部', exact: true }).click(),
  ]);
  return readFileSync((await file.path())!, 'utf8');
}

async function chooseBackup(page: Page, text: string, name = 'backup.json'): Promise<void> {
  await page.getByLabel('从备份恢复').setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(text) });
}

const backupFile = (entries: unknown[]) =>
  JSON.stringify({
    app: 'marketing-handbook',
    kind: 'backup',
    format: 1,
    site: '1.0.0',
    policy: '1.0',
    createdAt: '2026-04-01T00:00:00.000Z',
    count: entries.length,
    entries,
  });

describe('我的数据', () => {
  it('lists three tools, backs them all up, and restores them onto a cleared browser exactly', async () => {
    const context = await browser.newContext({ locale: 'zh-CN' });
    const review = await openTool(context, 'self-review');
    await review.fill('员工姓名', '王小明');
    await review.page.getByLabel('实际值').first().fill('42');
    await review.waitSaved();
    const budget = await openTool(context, 'budget-request');
    await budget.fill('项目名称', '暑期招生推广');
    await budget.fill('用途说明', '暑期招生的线上推广');
    await budget.waitSaved();
    const onboarding = await openTool(context, 'onboarding');
    await onboarding.page.getByLabel('姓名', { exact: true }).fill('赵小红');
    await onboarding.page.getByLabel('岗位', { exact: true }).selectOption({ label: '客户关系管理组' });
    await onboarding.page.getByLabel('入职日期').fill('2026-03-02');
    await onboarding.waitSaved();
    // Each page as it opens with that entry (parts that load on first use are not shown yet).
    const before: string[] = [];
    for (const t of [review, budget, onboarding]) {
      await t.page.reload();
      await t.ready();
      before.push(await shown(t));
    }

    const page = await openMyData(context);
    const table = page.getByRole('table', { name: '本浏览器保存的内容' });
    for (const [tool, label] of [
      ['绩效自评', '王小明'],
      ['预算申请单', '暑期招生推广'],
      ['入职清单', '赵小红'],
    ]) {
      const row = table.getByRole('row').filter({ hasText: tool }).filter({ hasText: label === '王小明' ? '年' : label });
      await expect(row.count()).resolves.toBeGreaterThanOrEqual(1);
    }
    // The self-review entry is named as its tool names it: 考核组 and period.
    await expect(table.getByRole('row').filter({ hasText: '绩效自评' }).first().textContent()).resolves.toMatch(/组 \d{4}年\d{1,2}月/);

    const text = await backupAll(page);
    await page.getByText(/^已下载备份文件/).waitFor();
    const file = JSON.parse(text) as { entries: { namespace: string }[] };
    expect(new Set(file.entries.map((e) => e.namespace))).toEqual(new Set(['self-review', 'budget-request', 'onboarding']));
    const last = await stored(page, 'mh:my-data:last-backup');
    expect(last?.data.at).toBeTruthy();

    // The browser forgets everything (another computer), then the backup comes back.
    await page.evaluate(() => localStorage.clear());
    await page.reload();
    await wakeTools(page); // a cleared browser has nothing to list: the page loads on first use
    await page.locator('.my-data[data-ready="true"]').waitFor();
    await page.getByText('本浏览器还没有保存任何工具的内容。').waitFor();
    await chooseBackup(page, text);
    const plan = page.getByRole('group', { name: '恢复前请核对' });
    await plan.waitFor();
    expect(await plan.locator('tbody tr[data-status="新增"]').count()).toBe(file.entries.length);
    await page.getByRole('button', { name: /^恢复所选/ }).click();
    await page.getByText(`已恢复 ${file.entries.length} 条。`, { exact: false }).waitFor();
    await expect(table.getByRole('row').filter({ hasText: '暑期招生推广' }).count()).resolves.toBe(1);

    for (const [t, was] of [
      [review, before[0]],
      [budget, before[1]],
      [onboarding, before[2]],
    ] as const) {
      await t.page.reload();
      await t.ready();
      expect(await shown(t)).toBe(was);
    }
    await context.close();
  });

  it('asks per entry when this browser has newer and older copies, and applies only what is confirmed', async () => {
    const context = await browser.newContext({ locale: 'zh-CN' });
    const budget = await openTool(context, 'budget-request');
    await budget.fill('项目名称', '本机项目');
    await budget.waitSaved();
    const key = (await budget.entryKey())!;
    const mine = (await stored(budget.page, `mh:budget-request:${key}`))!;
    const day = 86_400_000;
    const at = (ms: number) => new Date(Date.parse(mine.savedAt) + ms).toISOString();
    // An older local copy of another draft.
    await budget.page.evaluate(
      ([k, v]) => localStorage.setItem(k!, v!),
      ['mh:budget-request:dold', JSON.stringify({ ...mine, savedAt: at(-2 * day), data: { ...mine.data, project: '旧项目' } })],
    );
    const text = backupFile([
      { namespace: 'budget-request', key, v: mine.v, savedAt: at(-day), data: { ...mine.data, project: '备份项目' } },
      { namespace: 'budget-request', key: 'dold', v: mine.v, savedAt: at(-day), data: { ...mine.data, project: '新项目' } },
      { namespace: 'budget-request', key: 'dnew', v: mine.v, savedAt: at(-day), data: { ...mine.data, project: '新增项目' } },
      { namespace: 'budget-request', key: 'dfuture', v: 99, savedAt: at(-day), data: {} },
    ]);

    const page = await openMyData(context);
    await chooseBackup(page, text);
    const plan = page.getByRole('group', { name: '恢复前请核对' });
    await plan.waitFor();
    const row = (label: string) => plan.getByRole('row').filter({ hasText: label });
    // Each row is named by the copy kept by default, the other copy's name beside it when they differ.
    await expect(row('本机项目（备份中名为「备份项目」）').getAttribute('data-status')).resolves.toBe('本机较新');
    await expect(row('新项目（本机名为「旧项目」）').getAttribute('data-status')).resolves.toBe('备份中较新');
    await expect(row('新增项目').getAttribute('data-status')).resolves.toBe('新增');
    const future = plan.locator('tr[data-status="无法读取"]');
    await expect(future.textContent()).resolves.toContain(BACKUP_MESSAGES.newerEntry);
    expect(await future.getByRole('checkbox').count()).toBe(0);
    // Defaults: the newer and the new are checked, this browser's newer copy is not.
    await expect(page.getByRole('checkbox', { name: '恢复 预算申请单 · 本机项目（备份中名为「备份项目」）' }).isChecked()).resolves.toBe(false);
    await expect(page.getByRole('checkbox', { name: '恢复 预算申请单 · 新项目（本机名为「旧项目」）' }).isChecked()).resolves.toBe(true);
    // Read on a wide screen, the tool's name is one line, not a character per line; on a phone each
    // entry is a card, its name across the screen, and the page does not scroll sideways.
    const lines = (cell: Locator) =>
      cell.evaluate((el) => {
        const r = document.createRange();
        r.selectNodeContents(el);
        return new Set([...r.getClientRects()].map((b) => Math.round(b.top))).size;
      });
    const older = row('本机项目（备份中名为「备份项目」）');
    await expect(lines(older.locator('td[data-label="工具"]'))).resolves.toBe(1);
    await page.setViewportSize({ width: 375, height: 800 });
    expect((await older.locator('td[data-label="条目"]').boundingBox())!.width).toBeGreaterThan(300);
    await expect(lines(older.locator('td[data-label="工具"]'))).resolves.toBe(1);
    await expect(page.evaluate(() => document.documentElement.scrollWidth)).resolves.toBeLessThanOrEqual(375);
    await page.setViewportSize({ width: 1280, height: 800 });
    // The reader leaves out the new draft too.
    await page.getByRole('checkbox', { name: '恢复 预算申请单 · 新增项目' }).uncheck();
    // Nothing written before the confirm.
    expect((await stored(page, 'mh:budget-request:dold'))?.data.project).toBe('旧项目');
    await page.getByRole('button', { name: '恢复所选（1 条）' }).click();
    await page.getByText('已恢复 1 条。', { exact: false }).waitFor();
    expect((await stored(page, `mh:budget-request:${key}`))?.data.project).toBe('本机项目');
    expect((await stored(page, 'mh:budget-request:dold'))?.data.project).toBe('新项目');
    expect(await stored(page, 'mh:budget-request:dnew')).toBeNull();
    await context.close();
  });

  it('refuses a damaged file, a cut one and one from another site, saying why', async () => {
    const context = await browser.newContext({ locale: 'zh-CN' });
    const page = await openMyData(context);
    const good = backupFile([{ namespace: 'bonus', key: 'default', v: 1, savedAt: '2026-03-01T00:00:00.000Z', data: {} }]);
    for (const [text, reason] of [
      ['{"app": "marketing-handbook", "kind": "backup", "format": 1, "entries": [}', BACKUP_MESSAGES.cut],
      [good.slice(0, 120), BACKUP_MESSAGES.cut],
      ['这不是 JSON', BACKUP_MESSAGES.notJson],
      [JSON.stringify({ app: 'another-site', entries: [] }), BACKUP_MESSAGES.otherSite],
      [good.replace('"format":1', '"format":2'), BACKUP_MESSAGES.newerFormat],
    ] as const) {
      await chooseBackup(page, text);
      await page.getByRole('alert').filter({ hasText: `无法恢复：${reason}` }).waitFor();
      expect(await page.getByRole('group', { name: '恢复前请核对' }).count()).toBe(0);
    }
    await context.close();
  });

  it('a 绩效自评 open in another tab keeps its unsaved edit when a restore changes its entry', async () => {
    const context = await browser.newContext({ locale: 'zh-CN' });
    const first = await openTool(context, 'self-review');
    await first.fill('员工姓名', '王小明');
    await first.page.getByLabel('实际值').first().fill('42');
    await first.waitSaved();
    const key = (await first.entryKey())!;
    const saved = (await stored(first.page, `mh:self-review:${key}`))!;
    await first.page.close();
    // The tab holds its edit unsaved while the restore writes the same entry.
    const tab = await openTool(context, 'self-review', true);
    await tab.page.getByLabel('实际值').first().fill('77');
    const later = new Date(Date.parse(saved.savedAt) + 60_000).toISOString();
    const text = backupFile([{ namespace: 'self-review', key, v: saved.v, savedAt: later, data: { ...saved.data, name: '王大明' } }]);
    const page = await openMyData(context);
    await chooseBackup(page, text);
    await page.getByRole('group', { name: '恢复前请核对' }).locator('tr[data-status="备份中较新"]').waitFor();
    await page.getByRole('button', { name: '恢复所选（1 条）' }).click();
    await page.getByText('已恢复 1 条。', { exact: false }).waitFor();
    // The tab merges the restored name with its own edit, as for another tab's save.
    await tab.page.getByText(STORAGE_MESSAGES.merged).waitFor();
    await expect(tab.field('员工姓名').inputValue()).resolves.toBe('王大明');
    await expect(tab.page.getByLabel('实际值').first().inputValue()).resolves.toBe('77');
    await context.close();
  });

  it('lists copies kept aside apart: each downloadable, removed only after a confirm', async () => {
    const context = await browser.newContext({ locale: 'zh-CN' });
    const page = await context.newPage();
    await page.goto(siteUrl(MY_DATA));
    await page.evaluate(() => localStorage.setItem('mh:bonus:default:backup:1767225600000', '{"broken'));
    await page.reload();
    await wakeTools(page); // a cleared browser has nothing to list: the page loads on first use
    await page.locator('.my-data[data-ready="true"]').waitFor();
    const aside = page.getByRole('region', { name: '另存的备份（已损坏或无法读取的内容）' });
    await aside.waitFor();
    const [file] = await Promise.all([
      page.waitForEvent('download'),
      aside.getByRole('button', { name: /^下载另存的备份/ }).click(),
    ]);
    expect(readFileSync((await file.path())!, 'utf8')).toBe('{"broken');
    await aside.getByRole('button', { name: /^删除另存的备份/ }).click();
    // Not yet removed: the confirm step asks first.
    expect(await page.evaluate(() => localStorage.getItem('mh:bonus:default:backup:1767225600000'))).toBe('{"broken');
    await page.getByRole('button', { name: '确认删除' }).click();
    await page.getByText(/^已删除另存的备份/).waitFor();
    expect(await page.evaluate(() => localStorage.getItem('mh:bonus:default:backup:1767225600000'))).toBeNull();
    await context.close();
  });
});
