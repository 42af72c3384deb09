// Limited text fields, as a reader meets them: pasting far more than a field takes keeps every
// character, says beside the field how much is over, survives a reload, and the export bar says so
// before anything goes out. The kit's one mechanism (src/tools/kit/ui/Field.tsx) serves every tool;
// three tools' longest fields are driven here by label.
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Locator, Page } from 'playwright-core';
import { toJsonFile } from '../../src/core/json-file';
import type { AppraisalPolicy } from '../../src/core/policy-types';
import {
  emptyReview,
  SELF_REVIEW_STATE_VERSION,
} from '../../src/tools/self-review/logic/state';
import { launchBrowser, type PageWatch } from './support/browser';
import { ToolPage } from './support/tool-page';

const appraisal = parse(readFileSync('content/policy/appraisal.yaml', 'utf8')) as AppraisalPolicy;

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** 5,000 characters as a reader sees them: Chinese and an emoji (two UTF-16 units) mixed. */
const PASTED = '市场推广活动总结好😀'.repeat(500);
const PASTED_CHARS = 5000;
const thousands = (n: number) => n.toLocaleString('en-US');

/** The texts that aria-describedby links to the field, joined. */
async function description(field: Locator): Promise<string> {
  return field.evaluate((el) =>
    (el.getAttribute('aria-describedby') ?? '')
      .split(/\s+/)
      .filter(Boolean)
      .map((id) => document.getElementById(id)?.textContent ?? '')
      .join(' | '),
  );
}

/** What a reader is told about an over-long field: the whole text kept, the limit, the count, how much is over. */
async function expectKeptAndTold(page: Page, field: Locator, label: string, limit: number) {
  const kept = await field.inputValue();
  expect([...kept].length, `${label} keeps every character pasted`).toBe(PASTED_CHARS);
  expect(kept).toBe(PASTED);
  const over = PASTED_CHARS - limit;
  const said = await description(field);
  expect(said).toContain(`最多 ${thousands(limit)} 字`);
  expect(said).toContain(`${thousands(PASTED_CHARS)} / ${thousands(limit)}`);
  expect(said).toContain(`超出 ${thousands(over)} 字，请删减到 ${thousands(limit)} 字以内`);
  await expect(field.getAttribute('aria-invalid')).resolves.toBe('true');
  // Screen readers hear it once, politely, beside the field.
  const box = page.locator('.tool-field', { has: field });
  await expect(box.locator('[aria-live="polite"]').textContent()).resolves.toBe(
    `已超出字数上限 ${thousands(limit)} 字`,
  );
  // Before anything leaves (print, text, link, file), the export bar names the field.
  const exportBar = page.locator('.tool-export');
  await exportBar.getByText(label, { exact: false }).first().waitFor();
  await expect(exportBar.innerText()).resolves.toMatch(new RegExp(`${label}.*超出`));
}

async function trimToLimit(field: Locator, limit: number) {
  const fitting = [...PASTED].slice(0, limit).join('');
  await field.fill(fitting);
  const said = await description(field);
  expect(said).toContain(`${thousands(limit)} / ${thousands(limit)}`);
  expect(said).not.toContain('超出');
  await expect(field.getAttribute('aria-invalid')).resolves.toBe(null);
}

describe('a limited field keeps what was pasted and says how much is over', () => {
  it('绩效自评 总体自评 (500): 5,000 characters kept, counted, told, kept over a reload', async () => {
    const tool = await ToolPage.open(browser, 'self-review');
    const { page } = tool;
    const summary = tool.field('总体自评');
    let before = await tool.storedSavedAt();
    await summary.fill(PASTED);
    await expectKeptAndTold(page, summary, '总体自评', 500);
    before = await tool.waitSaved(before);
    // The limit is shown from the start; the counter only once the reader nears it (80 %).
    await summary.fill('字'.repeat(300));
    await expect(description(summary)).resolves.toContain('最多 500 字');
    await expect(description(summary)).resolves.not.toContain('/ 500');
    await summary.fill('字'.repeat(400));
    await expect(description(summary)).resolves.toContain('400 / 500');
    await summary.fill(PASTED);
    await tool.waitSaved(before);
    await page.reload();
    await tool.ready();
    await expectKeptAndTold(page, tool.field('总体自评'), '总体自评', 500);
    await trimToLimit(tool.field('总体自评'), 500);
    await expect(page.locator('.tool-export').innerText()).resolves.not.toContain('超出');
    await closeWatch(tool.watch);
  });

  it('团队考核 上级评语 (500): 5,000 characters kept, counted, told, kept over a reload', async () => {
    const tool = await ToolPage.open(browser, 'team-review');
    const { page } = tool;
    const member = emptyReview(appraisal, 'promotion', '2026-03', '张三');
    await page.getByLabel('选择绩效自评 JSON 文件（可多选）').setInputFiles([
      {
        name: 'zhangsan.json',
        mimeType: 'application/json',
        buffer: Buffer.from(toJsonFile('self-review', SELF_REVIEW_STATE_VERSION, member)),
      },
    ]);
    await page.getByText('共 1 份：新增 1 份，更新 0 份，未变化 0 份，未收下 0 份').waitFor();
    await tool.waitSaved();
    await reviewOf(page, '张三 2026年3月');
    const before = await tool.storedSavedAt();
    await tool.field('上级评语').fill(PASTED);
    await expectKeptAndTold(page, tool.field('上级评语'), '上级评语', 500);
    // The reply to the employee carries it too: said above its buttons.
    await page.locator('.tr-reply').getByText(/上级评语超出 4,500 字/).waitFor();
    await tool.waitSaved(before);
    await page.reload();
    await tool.ready();
    await reviewOf(page, '张三 2026年3月');
    await expectKeptAndTold(page, tool.field('上级评语'), '上级评语', 500);
    await trimToLimit(tool.field('上级评语'), 500);
    await closeWatch(tool.watch);
  });

  it('预算申请单 用途说明 (2,000): 5,000 characters kept, counted, told, kept over a reload', async () => {
    const tool = await ToolPage.open(browser, 'budget-request');
    const { page } = tool;
    const purpose = tool.field('用途说明');
    await tool.field('项目名称').fill('暑期招生推广');
    const before = await tool.waitSaved();
    await purpose.fill(PASTED);
    await expectKeptAndTold(page, purpose, '用途说明', 2000);
    await tool.waitSaved(before);
    await page.reload();
    await tool.ready();
    await expectKeptAndTold(page, tool.field('用途说明'), '用途说明', 2000);
    await trimToLimit(tool.field('用途说明'), 2000);

    // Beyond what any field keeps (50,000 UTF-16 units) the start is kept, and the field says so.
    const huge = '字'.repeat(60_000);
    await purpose.fill(huge);
    await expect(purpose.inputValue()).resolves.toBe('字'.repeat(50_000));
    await expect(description(purpose)).resolves.toContain('只保留了前 50,000 字，后面的 10,000 字没有保留');
    await closeWatch(tool.watch);
  });
});

/** The 上级评定 of a member is open (the only member opens by itself; another is chosen). */
async function reviewOf(page: Page, who: string) {
  const heading = page.getByRole('heading', { name: `上级评定：${who}` });
  if (!(await heading.isVisible())) await page.getByRole('button', { name: `评定${who}` }).click();
  await heading.waitFor();
}

async function closeWatch(watch: PageWatch) {
  expect(watch.errors).toEqual([]);
  await watch.context.close();
}
