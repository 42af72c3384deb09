// 预算申请单 审批 (六（一）1) as the people use it, by label and role: the requester sends the
// request's link; each approver of the chain opens it read-only, decides and passes the request on
// (市场经理 → 财务部 → 总经理); the requester records the replies (pasted, as a file, opened as a
// link), sees 已批准 and a locked draft, and prints the decisions. A 退回修改 leads to revision 2,
// approved again. The chain is the one budget.yaml gives for the amount, not written down here.
import { readFileSync } from 'node:fs';
import { AxeBuilder } from '@axe-core/playwright';
import type { Browser, Page } from 'playwright-core';
import { parse as parseYaml } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toJsonFile } from '../../src/core/json-file';
import { fen, formatYuan, yuanToFen } from '../../src/core/money';
import type { ApprovalStep, BudgetPolicy } from '../../src/core/policy-types';
import { MAX_SHARE_LENGTH } from '../../src/core/share-link';
import { plainShareLink } from '../unit/helpers/plain-share-link';
import { approvalChain } from '../../src/tools/budget-request/logic/budget';
import { deriveRequest } from '../../src/tools/budget-request/logic/derive';
import {
  BUDGET_REQUEST_VERSION,
  MAX_LINES,
  blankDraft,
  type BudgetRequestDraft,
} from '../../src/tools/budget-request/logic/state';
import { strings } from '../../src/tools/budget-request/ui/strings';
import { launchBrowser, openPage, siteUrl, closeClean } from './support/browser';
import { ToolPage } from './support/tool-page';

const PATH = '/tools/budget-request/';
const budget = parseYaml(readFileSync('content/policy/budget.yaml', 'utf8')) as BudgetPolicy;
const CLIPBOARD = { permissions: ['clipboard-read', 'clipboard-write'] };

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** A complete promotion request of one line of `unitPrice` 元. */
function request(project: string, unitPrice: string): BudgetRequestDraft {
  return {
    ...blankDraft({
      department: '市场部',
      fiscalYear: 2026,
      date: '2026-03-02',
      firstLineId: `l${project.length}x`,
    }),
    applicant: '张三',
    project,
    category: 'promotion',
    purpose: '暑期班招生推广',
    fields: { goal: '报名 200 人', channels: '公众号', content: '体验课', schedule: '7 月' },
    lines: [{ id: 'la1', description: '线下活动', subcategory: '', quantity: '1', unit: '场', unitPrice }],
    complete: true,
  };
}

const chainOf = (draft: BudgetRequestDraft): readonly ApprovalStep[] =>
  approvalChain(deriveRequest(draft, budget, strings).totalFen, budget.approvalSteps);

/** The requester's page with `draft` imported as a draft of their own. */
async function requester(draft: BudgetRequestDraft): Promise<ToolPage> {
  const tool = new ToolPage(await openPage(browser, PATH, CLIPBOARD), 'budget-request');
  await tool.ready();
  await tool.page.getByLabel('选择要导入的 JSON 文件').setInputFiles({
    name: 'request.json',
    mimeType: 'application/json',
    buffer: Buffer.from(toJsonFile('budget-request', BUDGET_REQUEST_VERSION, draft)),
  });
  await expect.poll(() => tool.field('项目名称').inputValue()).toBe(draft.project);
  await tool.waitSaved();
  return tool;
}

interface Decided {
  readonly approver: ToolPage;
  /** The reply link for the requester. */
  readonly reply: string;
  /** The request with this decision added, for the next approver (null after the last step or a 退回). */
  readonly forward: string | null;
}

/** An approver opens `link`, checks that their step is next, decides and makes the reply. */
async function decide(
  link: string,
  step: ApprovalStep,
  next: ApprovalStep | null,
  decision: '同意' | '退回修改' | '不同意',
  comment = '',
): Promise<Decided> {
  const url = new URL(link);
  const approver = new ToolPage(
    await openPage(browser, url.pathname + url.hash, CLIPBOARD),
    'budget-request',
  );
  const { page } = approver;
  const panel = page.getByTestId('approver-panel');
  await panel.waitFor();
  // Read-only: the request is the sheet, not a form.
  await expect(page.getByLabel('申请人', { exact: true }).count()).resolves.toBe(0);
  await expect(panel.getByTestId('approve-role').textContent()).resolves.toBe(step.approver);
  await expect(panel.locator(`[data-step="${step.id}"]`).getAttribute('data-state')).resolves.toBe('next');
  // Today by default; the test fixes the day.
  await expect(approver.field('审批日期').inputValue()).resolves.toMatch(/^\d{4}-\d{2}-\d{2}$/);
  await approver.fill('审批日期', '2026-03-04');
  await page.getByRole('radio', { name: decision, exact: true }).check();
  await approver.fill('意见', comment);
  await approver.fill('审批人姓名', `${step.approver}王`);
  await page.getByRole('button', { name: '生成审批回复' }).click();
  const reply = page.getByLabel('回复链接（发回申请人）');
  await reply.waitFor();
  // The approver's step list shows the decision just made (as the reply records it).
  const decided = { 同意: 'approved', 退回修改: 'returned', 不同意: 'rejected' }[decision];
  await expect(panel.locator(`[data-step="${step.id}"]`).getAttribute('data-state')).resolves.toBe(decided);
  let forward: string | null = null;
  if (next) {
    const box = page.getByLabel(`给${next.approver}的申请单链接`);
    await box.waitFor();
    forward = await box.inputValue();
  } else {
    await expect(page.getByLabel(/的申请单链接$/).count()).resolves.toBe(0);
  }
  return { approver, reply: await reply.inputValue(), forward };
}

const section = (tool: ToolPage) => tool.page.getByTestId('approval-section');
const status = (tool: ToolPage) => section(tool).getByTestId('approval-status').textContent();

/** Confirms the reply shown and waits until the draft with its decisions is stored. */
async function confirmReply(tool: ToolPage, expectedStatus: string) {
  const before = await tool.storedSavedAt();
  const confirm = tool.page.getByTestId('reply-confirm');
  await confirm.getByText('指纹相符').waitFor();
  await confirm.getByRole('button', { name: '记入草稿' }).click();
  await expect.poll(() => status(tool)).toBe(`审批状态：${expectedStatus}`);
  await tool.waitSaved(before);
}

async function pasteReply(tool: ToolPage, text: string) {
  const picker = tool.page.locator('details.br-reply-open');
  if ((await picker.getAttribute('open')) === null) await picker.getByText('收到审批回复？').click();
  await tool.fill('粘贴回复链接或回复 JSON 的内容', text);
  await tool.page.getByRole('button', { name: '读取回复' }).click();
}

describe('预算申请单 审批', () => {
  it('request → 市场经理 → 财务部 → 总经理 → 已批准: replies pasted, as a file and as a link; locked; printed; new revision', async () => {
    const draft = request('暑期招生推广', '60000');
    const chain = chainOf(draft);
    expect(chain.map((s) => s.approver)).toEqual(['市场经理', '财务部', '总经理']);
    const [manager, finance, ceo] = chain as [ApprovalStep, ApprovalStep, ApprovalStep];
    const me = await requester(draft);
    await expect(status(me)).resolves.toBe(`审批状态：审批中（待${manager.approver}审批）`);
    await expect(section(me).textContent()).resolves.toContain(strings['trust.note']);
    const link = await me.copyShareLink();

    // 市场经理: the reply link is pasted into the requester's field.
    const m = await decide(link, manager, finance, '同意');
    await m.approver.page.getByRole('button', { name: '复制回复链接' }).click();
    await m.approver.page.getByText('已复制回复链接').waitFor();
    await expect(m.approver.page.evaluate('navigator.clipboard.readText()')).resolves.toBe(m.reply);
    await expect(m.approver.field('发给申请人的话（可修改后发送）').inputValue()).resolves.toContain(m.reply);
    await closeClean(m.approver.watch);
    await pasteReply(me, m.reply);
    await confirmReply(me, `审批中（待${finance.approver}审批）`);
    await expect(section(me).locator(`[data-step="${manager.id}"]`).textContent()).resolves.toContain(
      `${manager.approver}王，2026-03-04`,
    );

    // 财务部 opens the link the 市场经理 passed on (with that decision) and sends the reply as a file.
    const f = await decide(m.forward!, finance, ceo, '同意', '按预算执行');
    const file = await f.approver.download('下载回复 JSON');
    expect(file.name).toMatch(/^预算申请单审批回复-暑期招生推广-财务部\.json$/);
    await closeClean(f.approver.watch);
    await me.page.getByLabel('选择回复 JSON 文件').setInputFiles({
      name: file.name,
      mimeType: 'application/json',
      buffer: Buffer.from(file.text),
    });
    await confirmReply(me, `审批中（待${ceo.approver}审批）`);

    // 总经理, last: the requester opens the reply link itself.
    const c = await decide(f.forward!, ceo, null, '同意', '注意控制物料成本');
    await c.approver.page.getByText('这是最后一步审批。').waitFor();
    await closeClean(c.approver.watch);
    await me.page.goto(c.reply);
    await me.page.reload();
    await confirmReply(me, '已批准');
    expect(new URL(me.page.url()).hash).toBe('');

    // Approved: locked, with the way to a new revision.
    const lock = me.page.getByTestId('lock-banner');
    await expect(lock.textContent()).resolves.toContain('已批准，已锁定');
    await expect(me.field('申请人').isDisabled()).resolves.toBe(true);
    await expect(me.page.getByRole('button', { name: '添加一行' }).isDisabled()).resolves.toBe(true);
    for (const step of chain) {
      await expect(section(me).locator(`[data-step="${step.id}"]`).getAttribute('data-state')).resolves.toBe(
        'approved',
      );
    }

    const axe = await new AxeBuilder({ page: me.page }).analyze();
    expect(
      axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
    ).toEqual([]);

    // The printed form: each decision in its box.
    await me.page.emulateMedia({ media: 'print' });
    const sheet = me.page.getByTestId('print-sheet');
    await expect(sheet.isVisible()).resolves.toBe(true);
    await expect(sheet.getByTestId('sheet-approval').textContent()).resolves.toMatch(
      /^审批：已批准 · 第 1 版 · 内容指纹 [0-9a-f]{4}-[0-9a-f]{4}$/,
    );
    for (const [step, comment] of [
      [manager, ''],
      [finance, '按预算执行'],
      [ceo, '注意控制物料成本'],
    ] as const) {
      const box = sheet.locator(`[data-approver="${step.approver}"]`);
      const text = (await box.textContent()) ?? '';
      expect(text).toContain(`意见：同意${comment ? `（${comment}）` : ''}`);
      expect(text).toContain(`审批人：${step.approver}王`);
      expect(text).toMatch(/签字：.*日期：2026-03-04/);
    }
    await me.page.emulateMedia({ media: 'screen' });

    // 开始新修订 asks once; revision 2 is open for editing and waits for approval again.
    await lock.getByRole('button', { name: '开始新修订' }).click();
    await lock.getByRole('button', { name: '确认开始新修订' }).click();
    await expect.poll(() => me.field('申请人').isDisabled()).toBe(false);
    await me.page.getByText('已开始第 2 版').waitFor();
    await expect(status(me)).resolves.toBe('审批状态：草稿');
    await expect(me.page.getByTestId('lock-banner').count()).resolves.toBe(0);
    await closeClean(me.watch);
  });

  it('退回修改, then an edit starts revision 2, which the chain approves again', async () => {
    const draft = request('秋季推广', '60000');
    const [manager, finance, ceo] = chainOf(draft) as [ApprovalStep, ApprovalStep, ApprovalStep];
    const me = await requester(draft);
    const link = await me.copyShareLink();
    const m = await decide(link, manager, finance, '同意');
    await closeClean(m.approver.watch);

    // 财务部 returns it: 意见 is required for 退回, said beside the field.
    const url = new URL(m.forward!);
    const fin = new ToolPage(await openPage(browser, url.pathname + url.hash, CLIPBOARD), 'budget-request');
    const p = fin.page;
    await p.getByTestId('approver-panel').waitFor();
    await expect(p.getByTestId('approver-panel').locator('.tool-error:not(:empty)').count()).resolves.toBe(0);
    await p.getByRole('button', { name: '生成审批回复' }).click();
    await expect(p.locator('#br-approve-decision-error').textContent()).resolves.toBe(
      strings['approval.error.decision'],
    );
    await expect(p.locator('#br-approve-name-error').textContent()).resolves.toBe(
      strings['approval.error.name'],
    );
    await p.getByRole('radio', { name: '退回修改', exact: true }).check();
    await fin.fill('审批人姓名', '财务部王');
    await fin.fill('审批日期', '2026-03-04');
    await expect(p.locator('#br-approve-comment-error').textContent()).resolves.toBe(
      strings['approval.error.comment'],
    );
    await expect(fin.field('意见').getAttribute('aria-invalid')).resolves.toBe('true');
    await fin.fill('意见', '物料单价偏高，请核减');
    await p.getByRole('button', { name: '生成审批回复' }).click();
    const reply = p.getByLabel('回复链接（发回申请人）');
    await reply.waitFor();
    const returned = await reply.inputValue();
    // After 退回 the chain stops: no link for the next approver.
    await expect(p.getByLabel(`给${ceo.approver}的申请单链接`).count()).resolves.toBe(0);
    await closeClean(fin.watch);

    // The requester opens it: the 市场经理's decision comes along.
    await me.page.goto(returned);
    await me.page.reload();
    await me.page
      .getByTestId('reply-confirm')
      .getByText(`回复中还带有此前的审批：${manager.approver}同意`)
      .waitFor();
    await confirmReply(me, '退回修改');
    await expect(section(me).getByTestId('approval-note').textContent()).resolves.toContain(
      '物料单价偏高，请核减',
    );
    await expect(section(me).locator(`[data-step="${ceo.id}"]`).getAttribute('data-state')).resolves.toBe(
      'stopped',
    );

    // Editing starts revision 2; revision 1's reply no longer fits.
    const before = await me.storedSavedAt();
    await me.fill('第 1 行 单价（元）', '55000');
    await me.page.getByText('已开始第 2 版').waitFor();
    await me.waitSaved(before);
    await expect(status(me)).resolves.toBe('审批状态：草稿');
    await expect(section(me).textContent()).resolves.toContain('第 2 版');
    await pasteReply(me, returned);
    await expect
      .poll(() => me.page.getByTestId('reply-confirm').getByRole('alert').textContent())
      .toContain('申请单在审批后已修改');
    await me.page.getByTestId('reply-confirm').getByRole('button', { name: '关闭' }).click();

    await me.page.getByRole('button', { name: '标记为已完成', exact: true }).click();
    await expect.poll(() => status(me)).toBe(`审批状态：审批中（待${manager.approver}审批）`);
    let next = await me.copyShareLink();
    const revised = { ...draft, lines: [{ ...draft.lines[0]!, unitPrice: '55000' }] };
    const chain = chainOf(revised);
    let last = '';
    for (const [i, step] of chain.entries()) {
      const d = await decide(next, step, chain[i + 1] ?? null, '同意');
      await closeClean(d.approver.watch);
      next = d.forward ?? '';
      last = d.reply;
    }
    await me.page.goto(last);
    await me.page.reload();
    await confirmReply(me, '已批准');
    await expect(section(me).textContent()).resolves.toContain('第 2 版');
    await expect(me.field('申请人').isDisabled()).resolves.toBe(true);
    // Revision 1 and its 退回 stay on record, on screen and on paper.
    await me.page.emulateMedia({ media: 'print' });
    await expect(me.page.getByTestId('print-sheet').textContent()).resolves.toContain(
      `第 1 版：${manager.approver}同意（${manager.approver}王，2026-03-04）；${finance.approver}退回修改（财务部王，2026-03-04）：物料单价偏高，请核减`,
    );
    await closeClean(me.watch);
  });

  it('right after 市场经理 says 同意, the approver’s page reads the next step, and the message has no doubled 。', async () => {
    const draft = { ...request('冬季推广', '60000'), requestId: 'rqnext' };
    const [manager, finance] = chainOf(draft) as [ApprovalStep, ApprovalStep];
    const link = `${siteUrl(PATH)}#${plainShareLink('budget-request', BUDGET_REQUEST_VERSION, draft)}`;
    const d = await decide(link, manager, finance, '同意', '请按预算执行。');
    const panel = d.approver.page.getByTestId('approver-panel');
    await expect(panel.getByTestId('approval-status').textContent()).resolves.toBe(
      `审批状态：审批中（待${finance.approver}审批）`,
    );
    const message = await d.approver.field('发给申请人的话（可修改后发送）').inputValue();
    expect(message).toContain('同意，请按预算执行。请打开');
    expect(message).not.toMatch(/[。！？；，、：]{2}/);
    await closeClean(d.approver.watch);

    // A small request needs the 市场经理 alone: once they agree it reads 已批准.
    const small = { ...request('小额物料', '800'), requestId: 'rqsmall' };
    const [only] = chainOf(small) as [ApprovalStep];
    expect(chainOf(small)).toHaveLength(1);
    const smallLink = `${siteUrl(PATH)}#${plainShareLink('budget-request', BUDGET_REQUEST_VERSION, small)}`;
    const s = await decide(smallLink, only, null, '同意');
    await expect(s.approver.page.getByTestId('approver-panel').getByTestId('approval-status').textContent()).resolves.toBe(
      '审批状态：已批准',
    );
    await closeClean(s.approver.watch);
  });

  it('a second link opened in the same tab replaces everything the first one showed', async () => {
    const v1 = { ...request('秋季推广', '60000'), requestId: 'rq1' };
    const v2 = { ...v1, revision: 2, lines: [{ ...v1.lines[0]!, unitPrice: '55000' }] };
    const [manager] = chainOf(v1) as [ApprovalStep];
    const link1 = `${siteUrl(PATH)}#${plainShareLink('budget-request', BUDGET_REQUEST_VERSION, v1)}`;
    const d = await decide(link1, manager, null, '退回修改', '单价偏高');
    const { page } = d.approver;
    const panel = page.getByTestId('approver-panel');
    // The manager's v2 comes in the same chat; the approver pastes it into the same tab.
    await page.goto(`${siteUrl(PATH)}#${plainShareLink('budget-request', BUDGET_REQUEST_VERSION, v2)}`);
    await expect.poll(() => panel.textContent()).toContain('第 2 版');
    await expect(page.getByLabel('回复链接（发回申请人）').count()).resolves.toBe(0);
    await expect(panel.locator(`[data-step="${manager.id}"]`).getAttribute('data-state')).resolves.toBe('next');
    await expect(page.getByRole('radio', { name: '退回修改', exact: true }).isChecked()).resolves.toBe(false);
    await expect(d.approver.field('意见').inputValue()).resolves.toBe('');
    await closeClean(d.approver.watch);
  });

  it('a 100-line request with 12-character Chinese descriptions shares by link and opens with the same total', async () => {
    const text = readFileSync('test/fixtures/policy-zh.txt', 'utf8').replace(/\s+/g, '');
    const runs = new Set<string>();
    for (let at = 0; runs.size < 100; at += 12) runs.add(text.slice(at, at + 12));
    const draft: BudgetRequestDraft = {
      ...request('一百行的申请', '1'),
      lines: [...runs].map((description, i) => ({
        id: `l${i.toString(36)}q`,
        description,
        subcategory: '',
        quantity: String((i % 9) + 1),
        unit: '份',
        unitPrice: `${((i * 37) % 500) + 20}.${i % 10}0`,
      })),
    };
    const total = deriveRequest(draft, budget, strings).totalFen;
    expect(total).toBeGreaterThan(yuanToFen(50_000)); // the whole chain
    const me = await requester(draft);
    const link = await me.copyShareLink();
    expect(new URL(link).hash.length).toBeLessThanOrEqual(MAX_SHARE_LENGTH + 1);
    await closeClean(me.watch);

    const url = new URL(link);
    const watch = await openPage(browser, url.pathname + url.hash);
    const sheet = watch.page.getByTestId('print-sheet');
    await sheet.getByTestId('sheet-total').waitFor();
    await expect(sheet.getByTestId('sheet-total').textContent()).resolves.toBe(formatYuan(fen(total)));
    await expect(
      sheet
        .locator('tbody tr')
        .filter({ hasText: [...runs][99]! })
        .count(),
    ).resolves.toBe(1);
    await expect(watch.page.getByTestId('approve-role').textContent()).resolves.toBe(
      chainOf(draft)[0]!.approver,
    );
    await closeClean(watch);
  });

  it('a request too long for a link goes as JSON: each approver opens the file, decides and passes a file on', async () => {
    const text = readFileSync('test/fixtures/policy-zh.txt', 'utf8').replace(/\s+/g, '');
    const lines = Array.from({ length: MAX_LINES }, (_, i) => ({
      id: `l${i.toString(36)}w`,
      description: text.slice((i * 17) % 3800, ((i * 17) % 3800) + 20),
      subcategory: '',
      quantity: String((i % 7) + 1),
      unit: '份',
      unitPrice: `${((i * 53) % 700) + 30}.${i % 10}0`,
    }));
    const draft: BudgetRequestDraft = { ...request('两百行的申请', '1'), lines };
    const total = formatYuan(deriveRequest(draft, budget, strings).totalFen);
    expect(chainOf(draft)).toHaveLength(3);
    const [first, second, third] = chainOf(draft) as [ApprovalStep, ApprovalStep, ApprovalStep];
    const me = await requester(draft);
    await me.page.getByRole('button', { name: '复制分享链接' }).click();
    await me.page.getByText(/链接最多 6,000 字符（约能放下 \d+%）；请删减内容或改用“下载 JSON”/).waitFor();
    const sent = await me.download('下载 JSON');

    /** An approver opens a request file on their own 预算申请单 page and decides 同意. */
    const approve = async (file: { name: string; text: string }, step: ApprovalStep, next: ApprovalStep) => {
      const tool = new ToolPage(await openPage(browser, PATH, CLIPBOARD), 'budget-request');
      await tool.ready();
      await tool.page.getByText('审批别人发来的申请单文件').click();
      await tool.page.getByLabel('选择申请单 JSON 文件').setInputFiles({
        name: file.name,
        mimeType: 'application/json',
        buffer: Buffer.from(file.text),
      });
      const panel = tool.page.getByTestId('approver-panel');
      await expect(panel.getByTestId('approve-role').textContent()).resolves.toBe(step.approver);
      await expect(tool.page.getByTestId('sheet-total').textContent()).resolves.toBe(total);
      await tool.fill('审批日期', '2026-03-05');
      await tool.page.getByRole('radio', { name: '同意', exact: true }).check();
      await tool.fill('审批人姓名', `${step.approver}李`);
      await tool.page.getByRole('button', { name: '生成审批回复' }).click();
      const reply = await tool.page.getByLabel('回复链接（发回申请人）').inputValue();
      const passed = await tool.download(`下载给${next.approver}的申请单 JSON`);
      await tool.page.getByText(`已下载给${next.approver}的申请单文件`).waitFor();
      // Nothing of the request was kept as the approver's own draft.
      await expect(
        tool.page.evaluate(
          'Object.keys(localStorage).filter((k) => k.startsWith("mh:budget-request:")).length',
        ),
      ).resolves.toBe(0);
      await closeClean(tool.watch);
      return { reply, passed };
    };
    const a = await approve(sent, first, second);
    expect(a.passed.name).toBe(`预算申请单-两百行的申请-给${second.approver}.json`);
    const b = await approve(a.passed, second, third);
    expect(new URL(a.reply).hash.length).toBeLessThan(MAX_SHARE_LENGTH);

    // The requester records both replies (short links: they carry the decision, not the request).
    await pasteReply(me, a.reply);
    await confirmReply(me, `审批中（待${second.approver}审批）`);
    await pasteReply(me, b.reply);
    await confirmReply(me, `审批中（待${third.approver}审批）`);
    await closeClean(me.watch);
  });

  // A file that is not a request says why beside the field.
  it('a file that is not a 预算申请单 is refused beside the field', async () => {
    const tool = new ToolPage(await openPage(browser, PATH), 'budget-request');
    await tool.ready();
    await tool.page.getByText('审批别人发来的申请单文件').click();
    await tool.page.getByLabel('选择申请单 JSON 文件').setInputFiles({
      name: 'x.json',
      mimeType: 'application/json',
      buffer: Buffer.from('{"hello": 1}'),
    });
    await tool.page.locator('#br-approve-file-error').waitFor();
    await expect(tool.page.getByTestId('approver-panel').count()).resolves.toBe(0);
    await closeClean(tool.watch);
  });

  it('a 签收 link pasted as a 审批 reply says what it is, with a link to 新员工签收', async () => {
    const tool = await ToolPage.open(browser, 'budget-request');
    await pasteReply(tool, `${siteUrl('/tools/signoffs/')}#r1.onboarding.AAAA`);
    const refused = tool.page.getByRole('alert').filter({ hasText: '回复无法使用：' });
    await refused.waitFor();
    await expect(refused.textContent()).resolves.toContain(
      '这是入职清单的签收链接，请在浏览器中直接打开：它会打开新员工签收',
    );
    await expect(refused.getByRole('link', { name: '打开新员工签收' }).getAttribute('href')).resolves.toBe(
      `${new URL(siteUrl('/tools/signoffs/')).pathname}#r1.onboarding.AAAA`,
    );
    await closeClean(tool.watch);
  });

  it('on a 375 px phone the requester’s 审批 section, with the reply box open, stays inside its box', async () => {
    const tool = new ToolPage(
      await openPage(browser, PATH, { viewport: { width: 375, height: 800 } }),
      'budget-request',
    );
    await tool.ready();
    await tool.page.getByText('收到审批回复？').click();
    await tool.field('粘贴回复链接或回复 JSON 的内容').waitFor();
    // Every element ends inside the section (a page-wide scrollWidth check missed a clipped textarea).
    const outside = await tool.page.evaluate(() => {
      const box = document.querySelector('.br-approval')!.getBoundingClientRect();
      return [...document.querySelectorAll('.br-approval *')]
        .filter((el) => el.getBoundingClientRect().right > box.right + 0.5)
        .map((el) => `${el.tagName}.${el.className}`);
    });
    expect(outside).toEqual([]);
    await closeClean(tool.watch);
  });

  it('a link made before 审批 existed (version 1) still opens and can be approved', async () => {
    const { requestId: _id, revision: _r, approvals: _a, history: _h, ...v1 } = request('旧版链接', '800');
    const share = { fragment: plainShareLink('budget-request', 1, v1) };
    const [manager] = chainOf(request('旧版链接', '800'));
    const d = await decide(`${siteUrl(PATH)}#${share.fragment}`, manager!, null, '同意');
    await expect(d.approver.page.getByTestId('sheet-total').textContent()).resolves.toBe('¥800.00');
    expect(d.reply).toMatch(/#[rq]1\.budget-request\./);
    await closeClean(d.approver.watch);
  });

  it('the approver view: no axe violation in light and dark, with errors and a reply shown; no sideways scroll at 375 px', async () => {
    const me = await requester(request('无障碍检查', '60000'));
    const link = new URL(await me.copyShareLink());
    await closeClean(me.watch);
    for (const colorScheme of ['light', 'dark'] as const) {
      const watch = await openPage(browser, link.pathname + link.hash, { ...CLIPBOARD, colorScheme });
      const { page } = watch;
      await page.getByTestId('approver-panel').waitFor();
      await page.evaluate(`document.documentElement.dataset.theme = '${colorScheme}'`);
      const check = async (when: string) => {
        const results = await new AxeBuilder({ page }).analyze();
        expect(
          results.violations.map(
            (v) => `${colorScheme} ${when} ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
          ),
        ).toEqual([]);
      };
      await check('empty');
      await page.getByRole('button', { name: '生成审批回复' }).click();
      await page.locator('#br-approve-name-error').waitFor();
      await check('errors');
      await page.getByRole('radio', { name: '同意', exact: true }).check();
      await page.getByLabel('审批人姓名').fill('市场经理王');
      await page.getByRole('button', { name: '生成审批回复' }).click();
      await page.getByLabel('给财务部的申请单链接').waitFor();
      await check('reply');
      if (colorScheme === 'light') {
        await page.setViewportSize({ width: 375, height: 800 });
        await expect(page.evaluate('document.documentElement.scrollWidth')).resolves.toBeLessThanOrEqual(375);
      }
      await closeClean(watch);
    }
  });
});
