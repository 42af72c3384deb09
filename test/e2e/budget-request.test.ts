// 预算申请单 (/tools/budget-request/) as a manager uses it: by label and role, in Chromium.
import { readFileSync } from 'node:fs';
import { AxeBuilder } from '@axe-core/playwright';
import type { Browser, Locator, Page } from 'playwright-core';
import * as v from 'valibot';
import { parse as parseYaml } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { strings } from '../../src/tools/budget-request/ui/strings';
import { approvalChain, requestTotalFen } from '../../src/tools/budget-request/logic/budget';
import { deriveRequest } from '../../src/tools/budget-request/logic/derive';
import {
  BUDGET_REQUEST_VERSION,
  blankLine,
  draftSchema,
  migrateDraft,
  type BudgetRequestDraft,
} from '../../src/tools/budget-request/logic/state';
import { toChineseUppercase } from '../../src/core/chinese-uppercase';
import { parseCsv } from '../../src/core/csv';
import { toJsonFile } from '../../src/core/json-file';
import { fen, formatYuan, yuanToFen } from '../../src/core/money';
import { parseDecimal, parseMoney } from '../../src/core/parse-number';
import type { BudgetPolicy } from '../../src/core/policy-types';
import { plainShareLink } from '../unit/helpers/plain-share-link';
import { cspViolations, launchBrowser, openPage, siteUrl, wakeTools, type PageWatch } from './support/browser';
import { ToolPage, waitToolSaved } from './support/tool-page';

const PATH = '/tools/budget-request/';
const budget = parseYaml(readFileSync('content/policy/budget.yaml', 'utf8')) as BudgetPolicy;
const promotion = budget.categories.find((c) => c.id === 'promotion')!;

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** The tool's code has loaded (as on a reader's first pointer over it) and chosen the draft it edits. */
async function hydrated(page: Page): Promise<void> {
  await wakeTools(page);
  await page.locator('[data-current-draft]').waitFor();
}

/** Opens the tool and waits until it has chosen the draft it edits. */
async function open(path = PATH, options: Parameters<typeof openPage>[2] = {}): Promise<PageWatch> {
  const watch = await openPage(browser, path, options);
  await hydrated(watch.page);
  return watch;
}

/** No console error, no CSP violation, no request leaving the site. */
async function expectClean(watch: PageWatch) {
  expect(watch.errors).toEqual([]);
  expect(watch.foreignRequests).toEqual([]);
  await expect(cspViolations(watch.page)).resolves.toEqual([]);
}

const field = (page: Page, label: string) => page.getByLabel(label, { exact: true });
const lineField = (page: Page, n: number, col: string) =>
  page.getByLabel(`第 ${n} 行 ${col}`, { exact: true });
const result = (page: Page) => page.getByRole('region', { name: '计算结果' });

async function fillHeader(page: Page, values: { project?: string; purpose?: string } = {}) {
  await field(page, '申请人').fill('张三');
  await field(page, '申请日期').fill('2026-03-02');
  await field(page, '项目名称').fill(values.project ?? '暑期招生推广');
  await field(page, '费用类别').selectOption({ label: promotion.name });
  await field(page, '用途说明').fill(values.purpose ?? '暑期班招生宣传');
}

async function fillRequired(page: Page, skip: string[] = []) {
  for (const f of promotion.requestFields) {
    if (!skip.includes(f.label)) await field(page, f.label).fill(`${f.label}内容`);
  }
}

interface LineInput {
  description: string;
  quantity: string;
  unit?: string;
  unitPrice: string;
}

async function fillLine(page: Page, n: number, line: LineInput) {
  await lineField(page, n, '费用说明').fill(line.description);
  await lineField(page, n, '数量').fill(line.quantity);
  if (line.unit) await lineField(page, n, '单位').fill(line.unit);
  await lineField(page, n, '单价（元）').fill(line.unitPrice);
}

async function fillLines(page: Page, lines: LineInput[]) {
  for (let i = 0; i < lines.length; i++) {
    if (i > 0) await page.getByRole('button', { name: '添加一行' }).click();
    await fillLine(page, i + 1, lines[i]!);
  }
}

/** Expected total of typed lines, computed by the logic from the same inputs. */
function expectedTotal(lines: LineInput[]) {
  return requestTotalFen(
    lines.map((l) => {
      const q = parseDecimal(l.quantity);
      const p = parseMoney(l.unitPrice);
      if (!q.ok || !p.ok) throw new Error('test input must parse');
      return { quantity: q.value, unitPriceFen: p.value };
    }),
  );
}

/** Waits until the open draft's every edit is stored (the kit's savedAt in localStorage). */
async function waitSaved(page: Page) {
  await waitToolSaved(page, 'budget-request');
}

const THREE_LINES: LineInput[] = [
  { description: '公众号推文', quantity: '3', unit: '篇', unitPrice: '1,200' },
  { description: '宣传单页', quantity: '２０００', unit: '份', unitPrice: '¥0.35' },
  { description: '场地租赁', quantity: '1.5', unit: '天', unitPrice: '800.50' },
];

describe('a promotion request', () => {
  it('three lines give the right total in figures and in 大写', async () => {
    const watch = await open();
    const { page } = watch;
    await fillHeader(page);
    await fillRequired(page);
    await fillLines(page, THREE_LINES);

    const total = expectedTotal(THREE_LINES);
    expect(total).toBe(550_075); // 3 × 1,200 + 2,000 × 0.35 + 1.5 × 800.50 元
    const region = result(page);
    await expect(region.textContent()).resolves.toContain(`申请合计：${formatYuan(total)}`);
    await expect(region.textContent()).resolves.toContain(toChineseUppercase(total));
    // Checked by hand: 5,500.75 元.
    await expect(region.textContent()).resolves.toContain('人民币伍仟伍佰元柒角伍分');
    // Each line's amount beside it.
    await expect(page.getByLabel('第 3 行 金额').textContent()).resolves.toBe('¥1,200.75');
    // The printed form carries the same total and 大写.
    await expect(page.getByTestId('sheet-total').textContent()).resolves.toBe('¥5,500.75');
    await expect(page.getByTestId('sheet-uppercase').textContent()).resolves.toBe('人民币伍仟伍佰元柒角伍分');
    // How it was computed, with the clause links.
    await expect(region.getByRole('link', { name: /六（一）1/ }).getAttribute('href')).resolves.toBe(
      new URL(siteUrl('/finance/#c6-1-1')).pathname + '#c6-1-1',
    );
    await expectClean(watch);
    await watch.context.close();
  });

  it('the approval chain changes when the total crosses each threshold of budget.yaml', async () => {
    const watch = await open();
    const { page } = watch;
    await fillHeader(page);
    await fillLine(page, 1, { description: '活动', quantity: '1', unitPrice: '0' });
    const steps = [...budget.approvalSteps].sort((a, b) => a.aboveYuan - b.aboveYuan);
    expect(steps.length).toBeGreaterThan(1);
    const chainText = async () =>
      (await result(page).locator('strong').first().textContent())?.split(' → ') ?? [];
    for (const step of steps.slice(1)) {
      const at = yuanToFen(step.aboveYuan);
      // At the threshold: this approver is not yet needed.
      await lineField(page, 1, '单价（元）').fill(String(step.aboveYuan));
      const atChain = approvalChain(fen(at), steps).map((s) => s.approver);
      await expect.poll(chainText).toEqual(atChain);
      expect(atChain).not.toContain(step.approver);
      // One 分 above it: the approver joins the chain.
      await lineField(page, 1, '单价（元）').fill(`${step.aboveYuan}.01`);
      await expect.poll(chainText).toEqual(approvalChain(fen(at + 1), steps).map((s) => s.approver));
      await expect.poll(chainText).toContain(step.approver);
      // …and signs on the printed form.
      await expect(
        page.getByTestId('sheet-signatures').locator(`[data-approver="${step.approver}"]`).count(),
      ).resolves.toBe(1);
    }
    await expectClean(watch);
    await watch.context.close();
  });

  it('over budget: a warning citing 六（一）2 and 六（二）2, marked on the printed form', async () => {
    const watch = await open();
    const { page } = watch;
    await fillHeader(page);
    await fillLine(page, 1, { description: '线下活动', quantity: '1', unitPrice: '20,000' });
    await expect(result(page).textContent()).resolves.toContain(strings['budget.within']);
    // Used so far: annual − 10,000 元, so a 20,000 元 request goes 10,000 元 over.
    await field(page, '本年度已使用').fill(String(promotion.annualYuan - 10_000));
    const warning = result(page).locator('.br-over');
    await expect(warning.textContent()).resolves.toContain('超出预算 ¥10,000.00');
    await expect(warning.getByRole('link', { name: /六（一）2/ }).getAttribute('href')).resolves.toMatch(
      /\/finance\/#c6-1-2$/,
    );
    await expect(warning.getByRole('link', { name: /六（二）2/ }).getAttribute('href')).resolves.toMatch(
      /\/finance\/#c6-2-2$/,
    );
    // The reader may correct the annual budget; back within budget, the warning goes.
    await page.getByLabel(`${promotion.name}年度预算`).fill(String(promotion.annualYuan + 10_000));
    await expect(warning.count()).resolves.toBe(0);
    await page.getByRole('button', { name: '恢复参数值' }).click();
    await expect(warning.count()).resolves.toBe(1);

    await page.emulateMedia({ media: 'print' });
    const mark = page.getByTestId('sheet-over');
    await expect(mark.isVisible()).resolves.toBe(true);
    await expect(mark.textContent()).resolves.toMatch(/超预算.*六（一）2.*六（二）2/);
    await expectClean(watch);
    await watch.context.close();
  });

  it('over budget, 申请后剩余 says by how much (超出预算 ¥118,470.00) on screen, on paper and in the copied text', async () => {
    const watch = await open();
    const { page, context } = watch;
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], {
      origin: new URL(siteUrl()).origin,
    });
    await fillHeader(page);
    await fillLine(page, 1, { description: '线下活动', quantity: '1', unitPrice: '20,000' });
    // Used: annual + 98,470 元, so this 20,000 元 request leaves the budget 118,470 元 short.
    await field(page, '本年度已使用').fill(String(promotion.annualYuan + 98_470));
    const remaining = result(page).getByRole('row', { name: /申请后剩余/ });
    await expect.poll(() => remaining.textContent()).toContain('超出预算 ¥118,470.00');
    await expect(remaining.textContent()).resolves.not.toContain('¥0.00');
    const copied = await (async () => {
      await page.getByRole('button', { name: '复制为文本' }).click();
      await page.getByText('已复制文本').waitFor();
      return (await page.evaluate('navigator.clipboard.readText()')) as string;
    })();
    expect(copied).toMatch(/申请后剩余[\u3000 ]*：超出预算 ¥118,470\.00/);
    await page.emulateMedia({ media: 'print' });
    const sheet = page.getByTestId('print-sheet');
    await expect(sheet.getByRole('cell', { name: '超出预算 ¥118,470.00' }).isVisible()).resolves.toBe(true);
    await expectClean(watch);
    await watch.context.close();
  });

  it('marking an over-budget request 已完成 first asks, quoting and linking 六（一）2', async () => {
    const watch = await open();
    const { page } = watch;
    await fillHeader(page);
    await fillRequired(page);
    await fillLine(page, 1, { description: '线下活动', quantity: '1', unitPrice: '20,000' });
    await field(page, '本年度已使用').fill(String(promotion.annualYuan - 10_000));
    await page.getByRole('button', { name: '标记为已完成' }).click();
    const ask = page.getByRole('group', { name: /超出预算 ¥10,000\.00/ });
    await ask.waitFor();
    await expect(ask.textContent()).resolves.toContain('不得超预算开支');
    await expect(ask.getByRole('link', { name: /六（一）2/ }).getAttribute('href')).resolves.toMatch(
      /\/finance\/#c6-1-2$/,
    );
    // Not yet: the reader has not confirmed.
    await expect(page.getByRole('heading', { name: '状态：草稿' }).count()).resolves.toBe(1);
    await ask.getByRole('button', { name: '取消' }).click();
    await expect(ask.count()).resolves.toBe(0);
    await expect(page.getByRole('heading', { name: '状态：草稿' }).count()).resolves.toBe(1);
    await page.getByRole('button', { name: '标记为已完成' }).click();
    await ask.getByRole('button', { name: '仍标记为已完成' }).click();
    await page.getByRole('heading', { name: '状态：已完成' }).waitFor();
    // Within budget it is marked at once, as before.
    await page.getByRole('button', { name: '改回草稿' }).click();
    await field(page, '本年度已使用').fill('0');
    await page.getByRole('button', { name: '标记为已完成' }).click();
    await page.getByRole('heading', { name: '状态：已完成' }).waitFor();
    await expectClean(watch);
    await watch.context.close();
  });

  it('the required promotion fields block 标记为已完成, and the form says which', async () => {
    const watch = await open();
    const { page } = watch;
    await fillHeader(page);
    await fillRequired(page, ['推广渠道', '时间安排']);
    await fillLine(page, 1, { description: '物料', quantity: '1', unitPrice: '100' });
    await page.getByRole('button', { name: '标记为已完成' }).click();
    await expect(page.getByRole('alert').filter({ hasText: '还有 2 项' }).count()).resolves.toBe(1);
    const missing = page.locator('#br-missing');
    await expect(missing.getByRole('button').allTextContents()).resolves.toEqual(['推广渠道', '时间安排']);
    // Beside the field, in Chinese.
    const channels = field(page, '推广渠道');
    await expect(channels.getAttribute('aria-invalid')).resolves.toBe('true');
    await expect(page.locator('#br-field-channels-error').textContent()).resolves.toBe('请填写此项');
    await expect(page.getByRole('heading', { name: '状态：草稿' }).count()).resolves.toBe(1);
    // The missing item's button takes the reader to the field.
    await missing.getByRole('button', { name: '时间安排' }).click();
    await expect.poll(() => page.evaluate('document.activeElement.id')).toBe('br-field-schedule');

    await channels.fill('公众号');
    await field(page, '时间安排').fill('7 月');
    await page.getByRole('button', { name: '标记为已完成' }).click();
    await expect(page.getByRole('heading', { name: '状态：已完成' }).count()).resolves.toBe(1);
    // Other categories ask for their own fields (from budget.yaml).
    const training = budget.categories.find((c) => c.id === 'training')!;
    await field(page, '费用类别').selectOption({ label: training.name });
    for (const f of training.requestFields) await expect(field(page, f.label).count()).resolves.toBe(1);
    await expect(page.getByRole('heading', { name: '状态：草稿' }).count()).resolves.toBe(1);
    await expectClean(watch);
    await watch.context.close();
  });

  it('expected return for a promotion: revenue and 投资回报率 as an estimate citing 三（二）6', async () => {
    const watch = await open();
    const { page } = watch;
    await fillHeader(page);
    await fillLine(page, 1, { description: '活动', quantity: '1', unitPrice: '10000' });
    await field(page, '预计参与人数').fill('500');
    await field(page, '预计转化人数').fill('50');
    await field(page, '客单价').fill('3,000');
    const text = (await result(page).textContent()) ?? '';
    expect(text).toContain('预期回报（估算，可选）估算');
    expect(text).toContain('预计收入（估算）¥150,000.00');
    expect(text).toContain('投资回报率（估算）1,400.0%');
    await expect(
      result(page)
        .getByRole('link', { name: /三（二）6/ })
        .getAttribute('href'),
    ).resolves.toMatch(/\/workflows\/#c3-2-6$/);
    await field(page, '预计转化人数').fill('600');
    await expect(page.locator('#br-conversions-error').textContent()).resolves.toBe(
      strings['error.conversions'],
    );
    await expectClean(watch);
    await watch.context.close();
  });
});

describe('drafts', () => {
  it('reload keeps the draft; several drafts can be listed, reopened, duplicated and deleted (after asking)', async () => {
    const watch = await open();
    const { page } = watch;
    await fillHeader(page, { project: '草稿甲' });
    await fillLine(page, 1, { description: '物料', quantity: '2', unitPrice: '50' });
    await waitSaved(page);
    await page.reload();
    await hydrated(page);
    await expect(field(page, '项目名称').inputValue()).resolves.toBe('草稿甲');
    await expect(lineField(page, 1, '单价（元）').inputValue()).resolves.toBe('50');
    await expect(result(page).textContent()).resolves.toContain('¥100.00');

    // A second draft.
    await page.getByRole('button', { name: '新建草稿' }).click();
    await expect.poll(() => field(page, '项目名称').inputValue()).toBe('');
    await field(page, '项目名称').fill('草稿乙');
    await waitSaved(page);
    const items = page.locator('.br-draft-list > li');
    await expect(items.count()).resolves.toBe(2);

    // Reopen the first.
    await page.getByRole('button', { name: '打开草稿：草稿甲' }).click();
    await expect.poll(() => field(page, '项目名称').inputValue()).toBe('草稿甲');

    // Duplicate it: a third draft, opened, with the same lines.
    await page.getByRole('button', { name: '复制草稿：草稿甲' }).click();
    await expect.poll(() => field(page, '项目名称').inputValue()).toBe('草稿甲（副本）');
    await expect(lineField(page, 1, '费用说明').inputValue()).resolves.toBe('物料');
    await expect(items.count()).resolves.toBe(3);

    // Delete asks first: 取消 keeps it; 确认删除 removes it.
    await page.getByRole('button', { name: '删除草稿：草稿乙' }).click();
    await expect(page.getByText('确定删除「草稿乙」吗？').count()).resolves.toBe(1);
    await page.getByRole('button', { name: '取消' }).click();
    await expect(items.count()).resolves.toBe(3);
    await page.getByRole('button', { name: '删除草稿：草稿乙' }).click();
    // The question takes focus first, so it is read out before the buttons (one confirm step for every tool).
    await expect
      .poll(() => page.evaluate('document.activeElement.textContent'))
      .toBe('确定删除「草稿乙」吗？删除后无法恢复。');
    await page.getByRole('button', { name: '确认删除' }).click();
    await expect(items.count()).resolves.toBe(2);
    await expect(page.getByRole('button', { name: '打开草稿：草稿乙' }).count()).resolves.toBe(0);
    await page.reload();
    await hydrated(page);
    await expect(items.count()).resolves.toBe(2);
    await expectClean(watch);
    await watch.context.close();
  });

  it('a damaged draft is reported and set aside; the other drafts are untouched', async () => {
    const watch = await open();
    const { page } = watch;
    await fillHeader(page, { project: '完好的草稿' });
    await waitSaved(page);
    await page.evaluate(
      `localStorage.setItem('mh:budget-request:dbroken', '{"v":1,"savedAt":"2026-01-01T00:00:00.000Z","data":{"lines":')`,
    );
    await page.reload();
    await hydrated(page);
    // The same words as in every tool (src/core/storage.ts STORAGE_MESSAGES.unreadable).
    await page.getByText('保存的内容无法读取，已另存为备份，请重新填写').waitFor();
    await expect(page.getByRole('button', { name: '下载损坏的记录' }).count()).resolves.toBe(1);
    await expect(field(page, '项目名称').inputValue()).resolves.toBe('完好的草稿');
    const keys = (await page.evaluate('Object.keys(localStorage)')) as string[];
    expect(keys.some((k) => k.startsWith('mh:budget-request:dbroken:backup:'))).toBe(true);
    expect(keys).not.toContain('mh:budget-request:dbroken');
    await expectClean(watch);
    await watch.context.close();
  });
});

describe('storage', () => {
  it('when the browser refuses storage, the tool says it cannot save and still works', async () => {
    const context = await browser.newContext({ locale: 'zh-CN' });
    // Like a private window that refuses writes (only the tools' keys, so the site's own theme
    // script is unaffected and any page error would be the tool's).
    await context.addInitScript(`{
      const setItem = localStorage.setItem.bind(localStorage);
      localStorage.setItem = (k, v) => {
        if (String(k).startsWith('mh:')) throw new DOMException('denied', 'SecurityError');
        return setItem(k, v);
      };
    }`);
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(siteUrl(PATH));
    await hydrated(page);
    await expect(page.getByText('浏览器不允许保存，本页内容关闭后会丢失').isVisible()).resolves.toBe(true);
    await fillLine(page, 1, { description: '物料', quantity: '2', unitPrice: '3' });
    await expect(result(page).textContent()).resolves.toContain('申请合计：¥6.00');
    expect(errors).toEqual([]);
    await context.close();
  });
});

describe('exports', () => {
  const EVIL = '=HYPERLINK("http://evil.example","点我")';
  const SCRIPT = '<script>window.__pwned=1</script><img src=x onerror="window.__pwned=2">';

  async function evilRequest(page: Page) {
    await fillHeader(page, { project: SCRIPT, purpose: SCRIPT });
    await fillRequired(page);
    await fillLines(page, [
      { description: EVIL, quantity: '2', unit: '个', unitPrice: '10' },
      { description: SCRIPT, quantity: '1', unit: '-1', unitPrice: '5' },
    ]);
  }

  it('CSV: BOM, CRLF, the line items, totals and a neutralized =HYPERLINK cell', async () => {
    const watch = await open();
    const { page } = watch;
    await evilRequest(page);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: '下载 CSV' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^预算申请单-.*\.csv$/);
    const csv = readFileSync((await download.path())!, 'utf8');
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv).toContain('\r\n');
    const rows = parseCsv(csv);
    expect(rows[0]).toEqual(['序号', '费用说明', '明细科目', '数量', '单位', '单价（元）', '金额（元）']);
    expect(rows[1]).toEqual(['1', `'${EVIL}`, '', '2', '个', '10.00', '20.00']);
    expect(rows[2]).toEqual(['2', SCRIPT, '', '1', "'-1", '5.00', '5.00']);
    expect(rows[3]).toEqual(['', '合计', '', '', '', '', '25.00']);
    expect(rows[4]?.[2]).toBe('人民币贰拾伍元整');
    await expectClean(watch);
    await watch.context.close();
  });

  it('text with <script> and =HYPERLINK stays text on screen, on paper and in the copied text', async () => {
    const watch = await open();
    const { page, context } = watch;
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], {
      origin: new URL(siteUrl()).origin,
    });
    await evilRequest(page);
    await page.getByRole('button', { name: '复制为文本' }).click();
    await expect.poll(() => page.getByText('已复制文本').count()).toBe(1);
    const copied = (await page.evaluate('navigator.clipboard.readText()')) as string;
    expect(copied).toContain(`预算申请单：${SCRIPT}`);
    expect(copied).toContain(`1. ${EVIL}：2个 × ¥10.00 = ¥20.00`);
    expect(copied).toContain('人民币贰拾伍元整');
    // Nothing ran, no element was made from the text.
    await expect(page.evaluate('window.__pwned')).resolves.toBeUndefined();
    await expect(page.locator('.br-app script, .br-app img').count()).resolves.toBe(0);
    await expect(field(page, '项目名称').inputValue()).resolves.toBe(SCRIPT);
    await page.emulateMedia({ media: 'print' });
    const sheet = page.getByTestId('print-sheet');
    await expect(sheet.getByText(SCRIPT, { exact: true }).first().isVisible()).resolves.toBe(true);
    await expect(sheet.getByText(EVIL, { exact: true }).isVisible()).resolves.toBe(true);
    await expectClean(watch);
    await watch.context.close();
  });

  it('JSON download and import: the request comes back as a new draft', async () => {
    const watch = await open();
    const { page } = watch;
    await fillHeader(page, { project: '导出测试' });
    await fillLines(page, THREE_LINES);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: '下载 JSON' }).click(),
    ]);
    const json = readFileSync((await download.path())!, 'utf8');
    expect(JSON.parse(json)).toMatchObject({
      tool: 'budget-request',
      version: BUDGET_REQUEST_VERSION,
      data: { project: '导出测试' },
    });
    await page.getByRole('button', { name: '新建草稿' }).click();
    await expect.poll(() => field(page, '项目名称').inputValue()).toBe('');
    await page
      .getByLabel('选择要导入的 JSON 文件')
      .setInputFiles({ name: 'x.json', mimeType: 'application/json', buffer: Buffer.from(json) });
    await expect.poll(() => field(page, '项目名称').inputValue()).toBe('导出测试');
    await expect(result(page).textContent()).resolves.toContain('¥5,500.75');
    // A file of another tool is refused with a reason, nothing else changes.
    await page
      .getByLabel('选择要导入的 JSON 文件')
      .setInputFiles({ name: 'y.json', mimeType: 'application/json', buffer: Buffer.from('{"app":"x"}') });
    await expect
      .poll(() => page.getByRole('alert').filter({ hasText: '导入失败' }).textContent())
      .toBe('导入失败：不是本工具导出的文件');
    await expect(field(page, '项目名称').inputValue()).resolves.toBe('导出测试');
    await expectClean(watch);
    await watch.context.close();
  });

  it('a share link opens read-only; a tampered one is reported and the drafts are kept', async () => {
    const draft: BudgetRequestDraft = v.parse(
      draftSchema,
      migrateDraft(
        {
          department: '市场部',
          applicant: '李四',
          date: '2026-03-02',
          fiscalYear: '2026',
          project: '分享的申请',
          category: 'promotion',
          purpose: '招生',
          fields: {},
          lines: [{ ...blankLine('a'), description: '物料', quantity: '4', unitPrice: '25' }],
          annualBudget: null,
          used: '',
          expected: { participants: '', conversions: '', pricePerCustomer: '' },
          complete: false,
        },
        1,
      ),
    ); // written in the version-1 shape
    const share = { fragment: plainShareLink('budget-request', BUDGET_REQUEST_VERSION, draft) };

    const watch = await open();
    const { page } = watch;
    await fillHeader(page, { project: '我自己的草稿' });
    await waitSaved(page);

    await page.goto(siteUrl(`${PATH}#${share.fragment}`));
    await page.reload();
    const sheet = page.getByTestId('print-sheet');
    await sheet.getByText('分享的申请').waitFor();
    await expect(sheet.getByTestId('sheet-total').textContent()).resolves.toBe('¥100.00');
    await expect(page.getByText(strings['share.banner']).isVisible()).resolves.toBe(true);

    // Tampered: one character changed in the payload.
    const broken = share.fragment.slice(0, -3) + (share.fragment.endsWith('A') ? 'B' : 'A') + '!!';
    await page.goto(siteUrl(`${PATH}#${broken}`));
    await page.reload();
    await hydrated(page);
    await expect.poll(() => page.getByRole('alert').filter({ hasText: '分享链接无法打开' }).count()).toBe(1);
    await expect(field(page, '项目名称').inputValue()).resolves.toBe('我自己的草稿');

    // Save the (valid) shared request as a draft of one's own.
    await page.goto(siteUrl(`${PATH}#${share.fragment}`));
    await page.reload();
    await page.getByRole('button', { name: strings['share.saveAsDraft'] }).click();
    await expect.poll(() => field(page, '项目名称').inputValue()).toBe('分享的申请');
    await expect(page.getByRole('button', { name: '打开草稿：我自己的草稿' }).count()).resolves.toBe(1);
    await expectClean(watch);
    await watch.context.close();
  });
});

describe('print', () => {
  it('print emulation shows only the A4 form, with the approval boxes', async () => {
    const watch = await open();
    const { page } = watch;
    await fillHeader(page);
    await fillRequired(page);
    await fillLines(page, THREE_LINES);
    const sheet = page.getByTestId('print-sheet');
    await expect(sheet.isVisible()).resolves.toBe(false);
    await page.emulateMedia({ media: 'print' });
    await expect(sheet.isVisible()).resolves.toBe(true);
    for (const hidden of [
      page.getByRole('heading', { name: '我的草稿' }),
      field(page, '申请人'),
      page.getByRole('button', { name: '下载 CSV' }),
      page.getByRole('region', { name: '计算结果' }),
      page.getByRole('heading', { name: '预算申请单', level: 1 }),
      page.getByText('按第六章填写预算申请'),
      page.locator('nav.sidebar, #starlight__sidebar').first(),
    ]) {
      await expect(hidden.isVisible()).resolves.toBe(false);
    }
    const text = (await sheet.textContent()) ?? '';
    for (const part of [
      '申请部门',
      '张三',
      '暑期招生推广',
      promotion.name,
      '推广目标内容',
      '场地租赁',
      '人民币伍仟伍佰元柒角伍分',
    ]) {
      expect(text).toContain(part);
    }
    const boxes = sheet.getByTestId('sheet-signatures').locator(':scope > div');
    const chain = approvalChain(fen(550_075), budget.approvalSteps).map((s) => s.approver);
    await expect(boxes.count()).resolves.toBe(chain.length + 1); // + 申请人
    for (const box of await boxes.all()) {
      await expect(box.textContent()).resolves.toMatch(/签字：.*日期：/);
    }
    await expectClean(watch);
    await watch.context.close();
  });
});

describe('lighter page: code loads on first use, not with the form', () => {
  /** Test ids found in the scripts the page has loaded so far (the built chunks carry them as text). */
  async function loadedIds(page: Page, ids: readonly string[]): Promise<string[]> {
    return page.evaluate(async (wanted) => {
      const urls = performance
        .getEntriesByType('resource')
        .map((e) => e.name)
        .filter((u) => new URL(u).pathname.endsWith('.js'));
      const texts = await Promise.all(urls.map(async (u) => (await fetch(u)).text()));
      // The minifier writes a string in any of the three quotes.
      const quoted = (id: string) => ['"', "'", '`'].map((q) => q + id + q);
      return wanted.filter((id) => texts.some((text) => quoted(id).some((q) => text.includes(q))));
    }, ids);
  }
  const LAZY = ['print-sheet', 'sheet-approval', 'reply-confirm', 'approver-panel'] as const;

  it('a fresh page loads neither the print sheet nor the 审批 code; the first use brings the sheet, a reply its view', async () => {
    const tool = await ToolPage.open(browser, 'budget-request');
    const { page } = tool;
    // loadedIds fetches every script again, which adds timing entries: past the default 250 the
    // browser drops new ones, and a chunk loaded later would go unseen.
    await page.evaluate(() => performance.setResourceTimingBufferSize(100_000));
    await page.waitForLoadState('networkidle');
    await expect(loadedIds(page, ['approval-section'])).resolves.toEqual(['approval-section']);
    await expect(loadedIds(page, LAZY)).resolves.toEqual([]);
    await expect(page.getByTestId('print-sheet').count()).resolves.toBe(0);
    // What shows is there all the same: the 审批 section with its status and steps.
    await expect(page.getByTestId('approval-status').textContent()).resolves.toBe('审批状态：草稿');
    await expect(page.getByTestId('approval-steps').isVisible()).resolves.toBe(true);
    // An in-page anchor (a skip link) is not a reply or share link: it loads nothing (the exact list
    // after first use below would hold reply-confirm and approver-panel if it did).
    await page.evaluate(() => {
      location.hash = '_top';
    });

    // First use: the print sheet (hidden on screen) and the fingerprint come; 审批 code still not.
    await field(page, '申请人').click();
    await page.getByTestId('print-sheet').waitFor({ state: 'attached' });
    await expect
      .poll(() => page.getByTestId('approval-section').locator('.br-approve-status').textContent())
      .toMatch(/内容指纹 [0-9a-f]{4}-[0-9a-f]{4}$/);
    await expect(loadedIds(page, LAZY)).resolves.toEqual(['print-sheet', 'sheet-approval']);

    // A pasted reply loads what reads it, and says what is wrong with it.
    await page.locator('details.br-reply-open').getByText('收到审批回复？').click();
    await tool.fill('粘贴回复链接或回复 JSON 的内容', '不是回复');
    await page.getByRole('button', { name: '读取回复' }).click();
    await page.getByTestId('reply-confirm').getByRole('alert').waitFor();
    await expect(loadedIds(page, LAZY)).resolves.toEqual(['print-sheet', 'sheet-approval', 'reply-confirm']);
    await expectClean(tool.watch);
    await tool.watch.context.close();
  });

  it('打印 as the first thing done prints the loaded sheet, with its fingerprint', async () => {
    const tool = await ToolPage.open(browser, 'budget-request');
    const { page } = tool;
    // What the printer would get: the sheet's 审批 line when print() is called.
    await page.evaluate(() => {
      const w = window as unknown as { print: () => void; __printed?: string | null };
      w.print = () => {
        w.__printed = document.querySelector('[data-testid="sheet-approval"]')?.textContent ?? null;
      };
    });
    await expect(page.getByTestId('print-sheet').count()).resolves.toBe(0);
    await page.getByRole('button', { name: '打印 / 存为 PDF' }).click();
    await page.waitForFunction(() => '__printed' in window);
    await expect(page.evaluate('window.__printed')).resolves.toMatch(
      /^审批：草稿 · 第 1 版 · 内容指纹 [0-9a-f]{4}-[0-9a-f]{4}$/,
    );
    await expectClean(tool.watch);
    await tool.watch.context.close();
  });
});

describe('bad input', () => {
  it.each([
    // typed, accepted as
    ['1,200', '¥1,200.00'],
    ['¥3.5', '¥3.50'],
    ['１２', '¥12.00'],
  ])('a unit price typed as %s is read as %s', async (typed, shown) => {
    const watch = await open();
    const { page } = watch;
    await fillLine(page, 1, { description: '物料', quantity: '1', unitPrice: typed });
    await expect(page.getByLabel('第 1 行 金额').textContent()).resolves.toBe(shown);
    await expect(lineField(page, 1, '单价（元）').getAttribute('aria-invalid')).resolves.toBeNull();
    await watch.context.close();
  });

  it('3.505, negative and zero quantities, an empty description: refused beside the field; never NaN', async () => {
    const watch = await open();
    const { page } = watch;
    await fillLines(page, [
      { description: '好的一行', quantity: '2', unitPrice: '10' },
      { description: '价格多一位', quantity: '1', unitPrice: '3.505' },
      { description: '负数', quantity: '-3', unitPrice: '10' },
      { description: '零', quantity: '0', unitPrice: '10' },
      { description: '', quantity: '1', unitPrice: '7' },
    ]);
    const error = async (n: number, col: string) => {
      const input = lineField(page, n, col);
      await expect(input.getAttribute('aria-invalid')).resolves.toBe('true');
      const ids = (await input.getAttribute('aria-describedby'))!.split(' ');
      return page.locator(`[id="${ids.at(-1)}"]`).textContent();
    };
    await expect(error(2, '单价（元）')).resolves.toBe('金额最多两位小数（到分）');
    await expect(error(3, '数量')).resolves.toBe('数量应大于 0');
    await expect(error(4, '数量')).resolves.toBe('数量应大于 0');
    await expect(error(5, '费用说明')).resolves.toBe('请填写费用说明');
    const text = (await result(page).textContent()) ?? '';
    expect(text).toContain('申请合计：¥27.00'); // 20 + 7; refused lines left out
    expect(text).toContain('有 3 行尚未填对');
    expect(text).not.toMatch(/NaN|Infinity|-¥/);
    // Removing a bad line by keyboard-reachable button.
    await page.getByRole('button', { name: '删除第 2 行' }).click();
    await expect(lineField(page, 2, '费用说明').inputValue()).resolves.toBe('负数');
    await expectClean(watch);
    await watch.context.close();
  });

  it('200 lines: all counted, a 201st refused, and editing one stays quick', async () => {
    const lines = Array.from({ length: 200 }, (_, i) => ({
      ...blankLine(`l${i}`),
      description: `第${i + 1}项`,
      quantity: '1',
      unitPrice: `${i + 1}`,
    }));
    const draft = v.parse(
      draftSchema,
      migrateDraft(
        {
          department: '市场部',
          applicant: '王五',
          date: '2026-03-02',
          fiscalYear: '2026',
          project: '二百行',
          category: 'office',
          purpose: '办公',
          fields: {},
          lines,
          annualBudget: null,
          used: '',
          expected: { participants: '', conversions: '', pricePerCustomer: '' },
          complete: false,
        },
        1,
      ),
    ); // written in the version-1 shape
    const watch = await open();
    const { page } = watch;
    await page.getByLabel('选择要导入的 JSON 文件').setInputFiles({
      name: 'big.json',
      mimeType: 'application/json',
      buffer: Buffer.from(toJsonFile('budget-request', BUDGET_REQUEST_VERSION, draft)),
    });
    await expect.poll(() => field(page, '项目名称').inputValue(), { timeout: 15_000 }).toBe('二百行');
    const total = deriveRequest(draft, budget, strings).totalFen;
    expect(total).toBe(2_010_000); // 1 + 2 + … + 200 元
    await expect(result(page).textContent()).resolves.toContain(formatYuan(total));
    await expect(page.getByRole('button', { name: '添加一行' }).isDisabled()).resolves.toBe(true);
    await expect(page.getByText('已达 200 行上限').count()).resolves.toBe(1);
    // Type into line 150: the total follows.
    const price = lineField(page, 150, '单价（元）');
    await price.focus();
    await page.keyboard.press('End');
    const t0 = Date.now();
    await page.keyboard.press('0');
    await expect
      .poll(() => result(page).textContent())
      .toContain(formatYuan(fen(total + 1500 * 100 - 150 * 100)));
    console.log(`200 lines: one keystroke to updated total ${Date.now() - t0} ms`);
    await expectClean(watch);
    await watch.context.close();
  });
});

describe('keyboard only', () => {
  /** Presses Tab until `target` has focus (as a keyboard user would), failing after 120 presses. */
  async function tabTo(page: Page, target: Locator) {
    const id = await target.getAttribute('id');
    for (let i = 0; i < 120; i++) {
      await page.keyboard.press('Tab');
      const active = await page.evaluate('document.activeElement && document.activeElement.id');
      if (id ? active === id : await target.evaluate((el) => el === document.activeElement)) return;
    }
    throw new Error(`Tab never reached ${id}`);
  }

  it('a request can be completed, lines added and reordered with the keyboard alone', async () => {
    const watch = await open();
    const { page } = watch;
    await tabTo(page, field(page, '申请人'));
    await page.keyboard.type('赵六');
    await tabTo(page, field(page, '项目名称'));
    await page.keyboard.type('键盘申请');
    await page.keyboard.press('Tab'); // 费用类别
    await page.keyboard.press('ArrowDown');
    await expect(field(page, '费用类别').inputValue()).resolves.toBe(budget.categories[0]!.id);
    await tabTo(page, field(page, '用途说明'));
    await page.keyboard.type('用途');
    for (const f of budget.categories[0]!.requestFields) {
      await tabTo(page, field(page, f.label));
      await page.keyboard.type(`${f.label}…`);
    }
    await tabTo(page, lineField(page, 1, '费用说明'));
    await page.keyboard.type('海报');
    await tabTo(page, lineField(page, 1, '数量'));
    await page.keyboard.type('10');
    await tabTo(page, lineField(page, 1, '单价（元）'));
    await page.keyboard.type('8.8');
    // 添加一行 by Enter: focus lands in the new line.
    await tabTo(page, page.getByRole('button', { name: '添加一行' }));
    await page.keyboard.press('Enter');
    await expect
      .poll(() => page.evaluate('document.activeElement.id'))
      .toBe(await lineField(page, 2, '费用说明').getAttribute('id'));
    await page.keyboard.type('展架');
    await tabTo(page, lineField(page, 2, '数量'));
    await page.keyboard.type('1');
    await tabTo(page, lineField(page, 2, '单价（元）'));
    await page.keyboard.type('120');
    // Move line 2 up with its button; focus follows the moved line.
    await tabTo(page, page.getByRole('button', { name: '上移第 2 行' }));
    await page.keyboard.press('Enter');
    await expect.poll(() => lineField(page, 1, '费用说明').inputValue()).toBe('展架');
    await expect
      .poll(() => page.evaluate('document.activeElement.getAttribute("aria-label")'))
      .toBe('下移第 1 行');
    await tabTo(page, page.getByRole('button', { name: '标记为已完成' }));
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { name: '状态：已完成' }).count()).resolves.toBe(1);
    await expect(result(page).textContent()).resolves.toContain('¥208.00');
    await expectClean(watch);
    await watch.context.close();
  });
});

describe('accessibility', () => {
  it.each(['light', 'dark'] as const)(
    'axe finds no violations (%s theme), empty and with errors, warnings and results shown',
    async (colorScheme) => {
      const watch = await open(PATH, { colorScheme });
      const { page } = watch;
      const check = async () => {
        const results = await new AxeBuilder({ page }).analyze();
        expect(
          results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
        ).toEqual([]);
      };
      await check();
      await fillHeader(page);
      await fillLines(page, [
        { description: '物料', quantity: '0', unitPrice: '3.505' },
        { description: '场地', quantity: '1', unitPrice: '400,000' },
      ]);
      await field(page, '预计参与人数').fill('100');
      await field(page, '预计转化人数').fill('1000');
      await expect(result(page).locator('.br-over').count()).resolves.toBe(1);
      await page.getByRole('button', { name: '标记为已完成' }).click();
      await waitSaved(page);
      await page.getByRole('button', { name: '删除草稿：暑期招生推广' }).click();
      await check();
      await expectClean(watch);
      await watch.context.close();
    },
  );
});
