// QR codes, read by a decoder we did not write (jsQR): 显示二维码 beside a link shows a code of that
// very link; each printed form (A4 PDF, rendered by poppler's pdftoppm) carries the code of its
// link with 扫码查看电子版 and the fingerprint, and the link opens the same document. A link too
// long to scan well gets no code and the reason. The QR library loads on first use only.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import * as v from 'valibot';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Locator, Page } from 'playwright-core';
import { parse as parseYaml } from 'yaml';
import { toJsonFile } from '../../src/core/json-file';
import type { BudgetPolicy } from '../../src/core/policy-types';
import { deriveRequest } from '../../src/tools/budget-request/logic/derive';
import { strings } from '../../src/tools/budget-request/ui/strings';
import { formatYuan } from '../../src/core/money';
import {
  BUDGET_REQUEST_VERSION,
  blankDraft,
  draftSchema,
  type BudgetRequestDraft,
} from '../../src/tools/budget-request/logic/state';
import { closeClean, launchBrowser, openAtTime, openPage, siteUrl, wakeTools, type PageWatch } from './support/browser';
import { appraisal, roleName } from './support/list-fixtures';
import { selfReviewJson, wangfang } from './support/review-reply';
import { ToolPage } from './support/tool-page';

const budget = parseYaml(readFileSync('content/policy/budget.yaml', 'utf8')) as BudgetPolicy;
const dir = mkdtempSync(join(tmpdir(), 'mh-qr-'));
const CLIPBOARD = ['clipboard-read', 'clipboard-write'];
/** Text only the QR library's code carries (its error for data past version 40). */
const QR_LIBRARY_MARK = 'code length overflow';
const TOO_LONG = /链接太长（\d+ 个字符），二维码会难以扫描，未印二维码；请用「复制链接」发送电子版/;

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** The QR code in a PNG, as jsQR reads it, or null. */
function decodePng(png: Buffer): string | null {
  const image = PNG.sync.read(png);
  const pixels = new Uint8ClampedArray(image.data.buffer, image.data.byteOffset, image.data.length);
  return jsQR(pixels, image.width, image.height)?.data ?? null;
}

let n = 0;
/** The page printed on A4 (print media): its text (pdftotext) and the QR codes found on its pages at 150 dpi. */
async function printed(page: Page, name: string): Promise<{ text: string; codes: string[] }> {
  await page.emulateMedia({ media: 'print' });
  const file = join(dir, `${name}-${++n}.pdf`);
  writeFileSync(file, await page.pdf({ format: 'A4' }));
  await page.emulateMedia({ media: 'screen' });
  const text = execFileSync('pdftotext', ['-raw', file, '-'], { encoding: 'utf8' });
  const prefix = join(dir, `${name}-${n}-page`);
  execFileSync('pdftoppm', ['-r', '150', '-png', file, prefix]);
  const pages = readdirSync(dir)
    .filter((f) => f.startsWith(`${name}-${n}-page`) && f.endsWith('.png'))
    .sort();
  // jsQR can read an empty string out of a page's text blocks: no link is empty, so none is a code.
  const codes = pages.map((f) => decodePng(readFileSync(join(dir, f)))).filter((c): c is string => !!c);
  return { text, codes };
}

/** Clicks a 复制… button and returns what it put on the clipboard. */
async function copied(page: Page, button: Locator): Promise<string> {
  await page.evaluate('navigator.clipboard.writeText("")');
  await button.click();
  await expect.poll(() => page.evaluate('navigator.clipboard.readText()')).not.toBe('');
  return (await page.evaluate('navigator.clipboard.readText()')) as string;
}

async function withClipboard(tool: ToolPage): Promise<void> {
  await tool.watch.context.grantPermissions(CLIPBOARD, { origin: new URL(siteUrl('/')).origin });
}

/** The form's printed QR block, once its code is drawn (or refused). */
async function sheetQr(page: Page, state: 'ready' | 'refused' = 'ready'): Promise<Locator> {
  const block = page.getByTestId('sheet-qr');
  await page.locator(`[data-testid="sheet-qr"][data-qr="${state}"]`).waitFor({ state: 'attached' });
  return block;
}

/** The fingerprint the printed block shows beside its code (3f2a-91c0). */
async function printedFingerprint(block: Locator): Promise<string> {
  const text = (await block.textContent()) ?? '';
  const found = /指纹：([0-9a-f]{4}-[0-9a-f]{4})/.exec(text);
  expect(found, text).not.toBeNull();
  return found![1]!;
}

const request = (over: Partial<BudgetRequestDraft> = {}): BudgetRequestDraft =>
  v.parse(draftSchema, {
    ...blankDraft({ department: '市场部', fiscalYear: 2026, date: '2026-03-02', firstLineId: 'l0' }),
    applicant: '欧阳晓明',
    project: '暑期招生推广（扫码）',
    category: 'promotion',
    purpose: '暑期班招生推广',
    fields: { goal: '报名 200 人', channels: '公众号', content: '体验课', schedule: '7 月' },
    lines: [
      { id: 'l0', description: '线下活动', subcategory: '', quantity: '1', unit: '场', unitPrice: '6000' },
      { id: 'l1', description: '宣传单页', subcategory: '', quantity: '2000', unit: '张', unitPrice: '0.35' },
    ],
    ...over,
  });

/** The budget tool with `draft` imported as the reader's own draft. */
async function importRequest(draft: BudgetRequestDraft): Promise<ToolPage> {
  const tool = await ToolPage.open(browser, 'budget-request');
  await withClipboard(tool);
  await tool.page.getByLabel('选择要导入的 JSON 文件').setInputFiles({
    name: 'request.json',
    mimeType: 'application/json',
    buffer: Buffer.from(toJsonFile('budget-request', BUDGET_REQUEST_VERSION, draft)),
  });
  await expect.poll(() => tool.field('项目名称').inputValue()).toBe(draft.project);
  await tool.waitSaved();
  return tool;
}

const exportBar = (page: Page) => page.getByRole('group', { name: '导出与分享' });

/** Drops the errors a stubbed window.print throws on purpose. */
function forgetPrintStub(watch: PageWatch) {
  watch.errors.splice(0, watch.errors.length, ...watch.errors.filter((e) => !e.includes('printed')));
}

describe('QR codes', () => {
  it('预算申请单: 显示二维码 shows a code that decodes to the copied share link; Esc returns focus', async () => {
    const tool = await importRequest(request());
    const { page } = tool;
    const link = await copied(page, exportBar(page).getByRole('button', { name: '复制分享链接' }));
    const show = exportBar(page).getByRole('button', { name: '显示二维码' });
    await show.click();
    const dialog = page.getByRole('dialog', { name: '二维码' });
    await dialog.waitFor();
    await expect(dialog.getByText('用手机扫码打开').count()).resolves.toBe(1);
    await expect(dialog.getByText(/指纹：[0-9a-f]{4}-[0-9a-f]{4}/).count()).resolves.toBe(1);
    const code = dialog.getByRole('img', { name: '链接的二维码' });
    expect(decodePng(await code.screenshot())).toBe(link);
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    await expect(show.evaluate((b) => b === document.activeElement)).resolves.toBe(true);
    await closeClean(tool.watch);
  });

  it('printed 预算申请单: its QR code decodes to the link that opens the same request', async () => {
    const draft = request();
    const tool = await importRequest(draft);
    const { page } = tool;
    const link = await copied(page, exportBar(page).getByRole('button', { name: '复制分享链接' }));
    const block = await sheetQr(page);
    const total = (await page.getByTestId('sheet-total').textContent())!;
    expect(total).toBe(formatYuan(deriveRequest(draft, budget, strings).totalFen));
    const fingerprint = await printedFingerprint(block);
    const pdf = await printed(page, 'budget');
    expect(pdf.codes).toEqual([link]);
    expect(pdf.text).toContain('扫码查看电子版');
    expect(pdf.text).toContain(fingerprint);
    // The 审批 line names the same revision fingerprint as the code's block.
    await expect(page.getByTestId('sheet-approval').textContent()).resolves.toContain(fingerprint);
    await closeClean(tool.watch);

    // Scanned: the link opens the same request (项目名称, 合计) in another browser context.
    const other = await openPage(browser, '/');
    await other.page.goto(pdf.codes[0]!);
    await wakeTools(other.page);
    const sheet = other.page.getByTestId('print-sheet');
    await sheet.getByText(draft.project).waitFor();
    await expect(sheet.getByTestId('sheet-total').textContent()).resolves.toBe(total);

    // The approver prints the request opened from that link: their paper carries the same code.
    await other.page.evaluate(`window.print = () => { document.body.dataset.printed = 'yes'; }`);
    await expect(other.page.getByTestId('sheet-qr').isVisible()).resolves.toBe(false);
    await other.page.getByRole('button', { name: '打印 / 存为 PDF' }).click();
    await other.page.locator('body[data-printed="yes"]').waitFor({ state: 'attached' });
    const approverBlock = await sheetQr(other.page);
    expect(await printedFingerprint(approverBlock)).toBe(fingerprint);
    const approverPdf = await printed(other.page, 'budget-approver');
    expect(approverPdf.codes).toEqual([link]);
    expect(approverPdf.text).toContain('扫码查看电子版');
    await closeClean(other);
  });

  it('an overlong link gets no code on paper nor on screen, and the reason', async () => {
    // Characters spread over the CJK block so that compression cannot shorten them: 2–3k characters.
    const hanzi = (i: number) =>
      Array.from({ length: 24 }, (_, j) => String.fromCharCode(0x4e00 + ((i * 7919 + j * 104_729) % 20_000))).join('');
    const lines = Array.from({ length: 24 }, (_, i) => ({
      id: `l${i}`,
      description: hanzi(i),
      subcategory: '',
      quantity: '1',
      unit: '项',
      unitPrice: `${i + 1}`,
    }));
    const tool = await importRequest(request({ lines }));
    const { page } = tool;
    const link = await copied(page, exportBar(page).getByRole('button', { name: '复制分享链接' }));
    expect(link.length).toBeGreaterThan(1273);
    const block = await sheetQr(page, 'refused');
    await expect(block.locator('svg').count()).resolves.toBe(0);
    await expect(block.textContent()).resolves.toMatch(TOO_LONG);
    await expect(block.textContent()).resolves.toContain(`（${link.length} 个字符）`);
    const pdf = await printed(page, 'budget-long');
    expect(pdf.codes).toEqual([]);
    expect(pdf.text.replace(/\s+/g, '')).toMatch(/链接太长（\d+个字符），二维码会难以扫描/);
    await exportBar(page).getByRole('button', { name: '显示二维码' }).click();
    const dialog = page.getByRole('dialog', { name: '二维码' });
    await expect(dialog.textContent()).resolves.toMatch(TOO_LONG);
    await expect(dialog.getByRole('img').count()).resolves.toBe(0);
    await closeClean(tool.watch);
  });

  it('printed 绩效自评表: the code decodes to its share link; the fingerprint is printed', async () => {
    const tool = await ToolPage.open(browser, 'self-review');
    await withClipboard(tool);
    const { page } = tool;
    await page.getByLabel('选择要导入的 JSON 文件').setInputFiles(selfReviewJson(wangfang()));
    await expect.poll(() => tool.field('员工姓名').inputValue()).toBe('王芳');
    await tool.waitSaved();
    const link = await copied(page, exportBar(page).getByRole('button', { name: '复制分享链接' }));
    const fingerprint = await printedFingerprint(await sheetQr(page));
    const pdf = await printed(page, 'self-review');
    expect(pdf.codes).toEqual([link]);
    expect(pdf.text).toContain(fingerprint);
    expect(pdf.text).toContain('扫码查看电子版');
    await closeClean(tool.watch);
  });

  it('printed 绩效考核表: the code decodes to the 上级评定 reply link, beside the 自评 fingerprint', async () => {
    // A reply carries the time it was made: one fixed clock makes the copied and the printed link alike.
    const tool = new ToolPage(await openAtTime(browser, '/tools/team-review/', new Date('2026-04-03T10:00:00+08:00')), 'team-review');
    await tool.ready();
    await withClipboard(tool);
    const { page } = tool;
    await page.getByLabel('选择绩效自评 JSON 文件（可多选）').setInputFiles(selfReviewJson(wangfang()));
    await page.getByRole('heading', { name: '上级评定：王芳 2026年3月' }).waitFor();
    await tool.waitSaved();
    const link = await copied(page, page.getByRole('button', { name: '复制回复链接' }));
    const fingerprint = await printedFingerprint(await sheetQr(page));
    const pdf = await printed(page, 'appraisal');
    expect(pdf.codes).toEqual([link]);
    expect(pdf.text).toContain(fingerprint);
    // The sheet's own 自评 fingerprint line names the same one.
    expect(pdf.text.replace(/\s+/g, '')).toMatch(new RegExp(`指纹.{0,4}${fingerprint}`));
    await closeClean(tool.watch);
  });

  it('printed 制度签收单: the code decodes to the checklist share link', async () => {
    const tool = await ToolPage.open(browser, 'onboarding');
    await withClipboard(tool);
    const { page } = tool;
    const role = appraisal.groups.find((g) => g.id === 'promotion')!;
    await tool.field('姓名').fill('王小明');
    await tool.field('岗位').selectOption({ label: roleName(role.id) });
    await tool.field('入职日期').fill('2026年3月2日');
    await tool.waitSaved();
    const link = await copied(page, exportBar(page).getByRole('button', { name: '复制分享链接' }));
    // The stub throws so that the slip stays the printed sheet while the PDF is made.
    await page.evaluate(`window.print = () => { throw new Error('printed'); }`);
    await page.getByRole('button', { name: '打印签收单' }).click();
    const fingerprint = await printedFingerprint(await sheetQr(page));
    const pdf = await printed(page, 'slip');
    expect(pdf.codes).toEqual([link]);
    expect(pdf.text).toContain(fingerprint);
    expect(pdf.text).toContain('扫码查看电子版');
    forgetPrintStub(tool.watch);
    await closeClean(tool.watch);
  });

  it('no QR library chunk loads when a tool page opens; it loads on 显示二维码', async () => {
    const watch = await openPage(browser, '/', {}, { wake: false });
    const scripts: string[] = [];
    watch.page.on('request', (r) => {
      if (new URL(r.url()).pathname.endsWith('.js')) scripts.push(r.url());
    });
    await watch.page.goto(siteUrl('/tools/budget-request/'));
    const tool = new ToolPage(watch, 'budget-request');
    await tool.ready();
    const holding = async () => {
      const found: string[] = [];
      for (const url of new Set(scripts)) if ((await (await fetch(url)).text()).includes(QR_LIBRARY_MARK)) found.push(url);
      return found;
    };
    await expect(holding()).resolves.toEqual([]);
    await exportBar(watch.page).getByRole('button', { name: '显示二维码' }).click();
    await watch.page.getByRole('dialog', { name: '二维码' }).waitFor();
    await expect(holding()).resolves.toHaveLength(1);
    await closeClean(watch);
  });

  it('团队考核 with a saved team: its 绩效考核表 waits in the page, and its code is drawn once the reader uses the page', async () => {
    const first = await ToolPage.open(browser, 'team-review');
    await first.page.getByLabel('选择绩效自评 JSON 文件（可多选）').setInputFiles(selfReviewJson(wangfang()));
    await first.page.getByRole('heading', { name: '上级评定：王芳 2026年3月' }).waitFor();
    await first.waitSaved();
    const saved = await first.page.evaluate(() => ({ ...localStorage }));
    await closeClean(first.watch);

    const watch = await openPage(browser, '/', {}, { wake: false });
    const { page } = watch;
    await page.evaluate((items) => {
      for (const [k, v] of Object.entries(items)) localStorage.setItem(k, v);
    }, saved);
    const scripts: string[] = [];
    page.on('request', (r) => {
      if (new URL(r.url()).pathname.endsWith('.js')) scripts.push(r.url());
    });
    await page.goto(siteUrl('/tools/team-review/'));
    // The saved team opens the tool at once, its record and the print sheet with it.
    await page.getByRole('heading', { name: '上级评定：王芳 2026年3月' }).waitFor();
    await page.waitForLoadState('networkidle');
    await page.locator('[data-testid="sheet-qr"][data-qr="pending"]').waitFor({ state: 'attached' });
    const holding = async () => {
      const found: string[] = [];
      for (const url of new Set(scripts)) if ((await (await fetch(url)).text()).includes(QR_LIBRARY_MARK)) found.push(url);
      return found;
    };
    await expect(holding()).resolves.toEqual([]);
    await page.keyboard.press('Tab');
    await sheetQr(page);
    await expect(holding()).resolves.toHaveLength(1);
    await closeClean(watch);
  });
});
