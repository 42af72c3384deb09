// Every printable sheet as an A4 PDF, read back with poppler (pdftotext, pdfinfo): names on one line,
// nothing drawn over anything, totals once, a person's row on one page, a heading kept with what it
// heads. A screen test misses all of these: they only show on paper.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import * as v from 'valibot';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { toChineseUppercase } from '../../src/core/chinese-uppercase';
import { toJsonFile } from '../../src/core/json-file';
import { formatYuan } from '../../src/core/money';
import type { BudgetPolicy } from '../../src/core/policy-types';
import { approvalChain } from '../../src/tools/budget-request/logic/budget';
import { deriveRequest } from '../../src/tools/budget-request/logic/derive';
import { revisionFingerprint } from '../../src/tools/budget-request/logic/revision';
import {
  BUDGET_REQUEST_VERSION,
  blankDraft,
  blankLine,
  draftSchema,
  type BudgetRequestDraft,
} from '../../src/tools/budget-request/logic/state';
import { strings } from '../../src/tools/budget-request/ui/strings';
import { closeClean, launchBrowser, openPage, type PageWatch } from './support/browser';
import {
  HIRES,
  SIGNOFF_TODAY,
  TEAM,
  dueDates,
  receiveSignoffs,
  receiveTeam,
  roleName,
} from './support/list-fixtures';
import { ToolPage } from './support/tool-page';
import { NOTE, NOTED_KPI, appraisal, selfReviewJson, wangfang } from './support/review-reply';

const budget = parseYaml(readFileSync('content/policy/budget.yaml', 'utf8')) as BudgetPolicy;
const dir = mkdtempSync(join(tmpdir(), 'mh-print-'));
let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

interface Box {
  text: string;
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}
interface Pdf {
  /** pdftotext -raw, one string per page. */
  pages: string[];
  text: string;
  /** Each page's text lines (pdftotext -bbox-layout) with their boxes, in points. */
  lines: Box[][];
}

let n = 0;
/** The page as printed on A4 (print media), read back by poppler. PRINT_PDFS=<dir> keeps the files. */
async function printed(page: Page, name: string): Promise<Pdf> {
  await page.emulateMedia({ media: 'print' });
  const file = join(process.env.PRINT_PDFS ?? dir, `${name}-${++n}.pdf`);
  writeFileSync(file, await page.pdf({ format: 'A4' }));
  await page.emulateMedia({ media: 'screen' });
  const text = execFileSync('pdftotext', ['-raw', file, '-'], { encoding: 'utf8' });
  const count = Number(/^Pages:\s+(\d+)/m.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))![1]);
  const pages = text.split('\f').slice(0, count);
  const html = execFileSync('pdftotext', ['-bbox-layout', file, '-'], { encoding: 'utf8' });
  const lines = html
    .split('<page ')
    .slice(1)
    .map((p) =>
      [
        ...p.matchAll(
          /<line xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([\s\S]*?)<\/line>/g,
        ),
      ].map((m) => ({
        x0: Number(m[1]),
        y0: Number(m[2]),
        x1: Number(m[3]),
        y1: Number(m[4]),
        text: [...m[5]!.matchAll(/>([^<]*)<\/word>/g)].map((w) => w[1]).join(''),
      })),
    );
  expect(pages.length).toBe(count);
  return { pages, text, lines };
}

const count = (text: string, what: string) => text.split(what).length - 1;
/** Pages (0-based) on which `what` appears. */
const pagesOf = (pdf: Pdf, what: string) => pdf.pages.flatMap((p, i) => (p.includes(what) ? [i] : []));

/**
 * Pairs of text lines drawn over each other. poppler's line box is the font's whole em box, taller
 * than the line pitch of a table, so each box is taken as its middle half: text drawn over text
 * overlaps there, neighbouring lines do not.
 */
function overdrawn(pdf: Pdf): string[] {
  const found: string[] = [];
  const core = (b: Box) => {
    const q = (b.y1 - b.y0) / 4;
    return { ...b, y0: b.y0 + q, y1: b.y1 - q };
  };
  pdf.lines.forEach((lines, page) => {
    for (let i = 0; i < lines.length; i++)
      for (let j = i + 1; j < lines.length; j++) {
        const a = core(lines[i]!);
        const b = core(lines[j]!);
        const w = Math.min(a.x1, b.x1) - Math.max(a.x0, b.x0);
        const h = Math.min(a.y1, b.y1) - Math.max(a.y0, b.y0);
        if (w > 1 && h > 1) found.push(`page ${page + 1}: 「${a.text}」 over 「${b.text}」`);
      }
  });
  return found;
}

describe('printed sheets (A4 PDF)', () => {
  it('新员工签收: names whole, each person on one page, 怎么算的 below the last row', async () => {
    const watch = await openPage(browser, '/', { timezoneId: 'Asia/Shanghai' });
    await watch.page.clock.setFixedTime(SIGNOFF_TODAY);
    await watch.page.goto(new URL('tools/signoffs/', watch.page.url()).href);
    const tool = new ToolPage(watch, 'signoffs');
    await tool.ready();
    await receiveSignoffs(watch.page);
    await tool.waitSaved();
    const pdf = await printed(watch.page, 'signoffs');
    expect(pdf.pages.length).toBeGreaterThan(1); // so that rows meet a page break
    for (const header of ['姓名', '岗位', '制度版本', '入职进度']) expect(pdf.text).toContain(header);
    for (const h of HIRES) {
      expect(pdf.text, h.name).toContain(h.name);
      if (h.mentor) expect(pdf.text).toContain(h.mentor);
    }
    for (const role of new Set(HIRES.map((h) => h.role))) {
      const people = HIRES.filter((h) => h.role === role).length;
      expect(count(pdf.text, roleName(role)), roleName(role)).toBeGreaterThanOrEqual(people);
    }
    // A person's row is on one page: their name, mentor and every overdue item's 期限.
    for (const h of HIRES) {
      const [page, ...more] = pagesOf(pdf, h.name);
      expect(more, `${h.name} printed twice`).toEqual([]);
      const parts = [...dueDates(h).map((d) => `期限 ${d}`), ...(h.mentor ? [h.mentor] : [])];
      for (const part of parts) expect(pagesOf(pdf, part), `${h.name}: ${part}`).toEqual([page]);
    }
    expect(overdrawn(pdf)).toEqual([]);
    // 怎么算的 comes after the last person, on the last row's page or later.
    const last = HIRES.map((h) => pagesOf(pdf, h.name)[0]!).reduce((a, b) => Math.max(a, b));
    expect(pagesOf(pdf, '怎么算的')[0]).toBeGreaterThanOrEqual(last);
    await closeClean(watch);
  });

  it('团队汇总: names and groups whole, nothing drawn over anything', async () => {
    const tool = await ToolPage.open(browser, 'team-review');
    const { page } = tool;
    await receiveTeam(page);
    await tool.waitSaved();
    // 打印团队汇总 puts the team sheet on the page for the print; the stub throws so that the page
    // keeps it there while the PDF is made (the tool goes back to the record sheet after a print).
    await page.evaluate(`window.print = () => { throw new Error('printed'); }`);
    await page.getByRole('button', { name: '打印 / 存为 PDF' }).click();
    await page.locator('.tr-print-sheet').waitFor({ state: 'attached' });
    const pdf = await printed(page, 'team');
    expect(pdf.text).toContain('团队');
    for (const m of TEAM) expect(pdf.text, m.name).toContain(m.name);
    for (const g of new Set(TEAM.map((m) => m.group))) expect(pdf.text).toContain(roleName(g));
    for (const header of ['姓名', '考核组', '等级', '状态']) expect(pdf.text).toContain(header);
    expect(overdrawn(pdf)).toEqual([]);
    // The stub's error is the only one.
    tool.watch.errors.splice(
      0,
      tool.watch.errors.length,
      ...tool.watch.errors.filter((e) => !e.includes('printed')),
    );
    await closeClean(tool.watch);
  });

  it('绩效考核表: the 上级说明 of each KPI printed under the tables, named by its KPI', async () => {
    const tool = await ToolPage.open(browser, 'team-review');
    const { page } = tool;
    await page.getByLabel('选择绩效自评 JSON 文件（可多选）').setInputFiles(selfReviewJson(wangfang()));
    await page.getByRole('heading', { name: '上级评定：王芳 2026年3月' }).waitFor();
    const kpi = appraisal.groups.find((g) => g.id === 'crm')!.kpis.find((k) => k.id === NOTED_KPI)!;
    const box = page.getByRole('group', { name: kpi.name, exact: true });
    await box.getByLabel('实际值（上级）').fill('91');
    await box.getByLabel('上级说明').fill(NOTE);
    await tool.waitSaved();
    await page.locator('.tr-print-sheet').waitFor({ state: 'attached' });
    const pdf = await printed(page, 'appraisal-sheet');
    const flat = pdf.text.replace(/\s+/g, '');
    expect(flat).toContain(`上级说明（${kpi.name}）：${NOTE}`.replace(/\s+/g, ''));
    // After the tables, before the signatures.
    expect(flat.indexOf('上级说明（')).toBeGreaterThan(flat.indexOf('考核结果'));
    expect(flat.indexOf('上级说明（')).toBeLessThan(flat.indexOf('员工签字'));
    expect(overdrawn(pdf)).toEqual([]);
    await closeClean(tool.watch);
  });

  it('预算申请单 of 200 lines: 合计 and 大写 once, at the end; no line split', async () => {
    const lines = Array.from({ length: 200 }, (_, i) => ({
      ...blankLine(`l${i}`),
      description: `第${i + 1}项 宣传物料`,
      quantity: '1',
      unit: '份',
      unitPrice: `${i + 1}`,
    }));
    const draft = v.parse(draftSchema, {
      ...blankDraft({ department: '市场部', fiscalYear: 2026, date: '2026-03-02', firstLineId: 'l0' }),
      applicant: '欧阳晓明',
      project: '二百行',
      category: 'office',
      purpose: '办公',
      lines,
    });
    const watch = await importDraft(draft);
    const total = deriveRequest(draft, budget, strings).totalFen;
    const pdf = await printed(watch.page, 'budget-200');
    expect(pdf.pages.length).toBeGreaterThan(3);
    expect(count(pdf.text, strings['print.uppercaseRow']), '合计（大写）').toBe(1);
    // The 合计 row (its label, then the amount) once; the 预算情况 table below repeats the amount.
    const totalRow = `${strings['print.totalRow']} ${formatYuan(total)}`;
    expect(pdf.text.split('\n').filter((l) => l.trim() === totalRow)).toHaveLength(1);
    expect(count(pdf.text, toChineseUppercase(total))).toBe(1);
    // …after the last line.
    expect(pagesOf(pdf, strings['print.uppercaseRow'])[0]).toBeGreaterThanOrEqual(
      pagesOf(pdf, '第200项 宣传物料')[0]!,
    );
    for (const i of [1, 57, 123, 200]) expect(pdf.text).toContain(`第${i}项 宣传物料`);
    expect(overdrawn(pdf)).toEqual([]);
    await closeClean(watch);
  });

  it('approved 预算申请单: the 审批 heading stays with its boxes wherever the page breaks', async () => {
    const base: BudgetRequestDraft = {
      ...blankDraft({ department: '市场部', fiscalYear: 2026, date: '2026-03-02', firstLineId: 'la1' }),
      applicant: '欧阳晓明',
      project: '暑期招生推广',
      category: 'promotion',
      purpose: '暑期班招生推广',
      fields: { goal: '报名 200 人', channels: '公众号', content: '体验课', schedule: '7 月' },
      lines: [
        {
          id: 'la1',
          description: '线下活动',
          subcategory: '',
          quantity: '1',
          unit: '场',
          unitPrice: '60000',
        },
      ],
      complete: true,
    };
    const chain = approvalChain(deriveRequest(base, budget, strings).totalFen, budget.approvalSteps);
    const answers = await revisionFingerprint(base);
    const draft: BudgetRequestDraft = {
      ...base,
      approvals: chain.map((s) => ({
        step: s.id,
        approver: s.approver,
        name: `${s.approver}王`,
        decision: 'approve',
        comment: '',
        date: '2026-03-04',
        answers,
      })),
    };
    const watch = await importDraft(draft);
    const { page } = watch;
    await page.getByTestId('approval-status').filter({ hasText: '已批准' }).waitFor();
    const heading = `${strings['print.chain']}（${chain.map((s) => s.approver).join(' → ')}）`;
    // Where the heading falls on page 1 of the PDF (A4 less the @page margins, in CSS px).
    await page.emulateMedia({ media: 'print' });
    await page.setViewportSize({ width: Math.round((178 / 25.4) * 96), height: 1000 });
    const top = await page.evaluate(
      () => [...document.querySelectorAll('.br-sheet h3')].at(-1)!.getBoundingClientRect().top + scrollY,
    );
    const pageHeight = (261 / 25.4) * 96;
    expect(top).toBeLessThan(pageHeight); // one page as it is
    // Push the sheet down so the page ends at steps through the 审批 block (heading, line, boxes).
    for (let d = 8; d <= 160; d += 16) {
      const shift = Math.max(0, Math.round(pageHeight - top - d));
      await page.evaluate(`document.querySelector('.br-sheet').style.paddingTop = '${shift}px'`);
      const pdf = await printed(page, `approved-${d}`);
      const [at, ...again] = pagesOf(pdf, heading);
      expect(again).toEqual([]);
      expect(pagesOf(pdf, '审批：已批准'), `page ends ${d} px below the heading`).toEqual([at]);
      for (const s of chain)
        expect(pagesOf(pdf, `审批人：${s.approver}王`), `${s.approver} ${d} px`).toEqual([at]);
    }
    await page.evaluate(`document.querySelector('.br-sheet').style.paddingTop = ''`);
    await closeClean(watch);
  });
});

/** The budget tool with `draft` imported as the reader's own draft, its print sheet on the page. */
async function importDraft(draft: BudgetRequestDraft): Promise<PageWatch> {
  const tool = await ToolPage.open(browser, 'budget-request');
  await tool.page.getByLabel('选择要导入的 JSON 文件').setInputFiles({
    name: 'request.json',
    mimeType: 'application/json',
    buffer: Buffer.from(toJsonFile('budget-request', BUDGET_REQUEST_VERSION, draft)),
  });
  await expect.poll(() => tool.field('项目名称').inputValue(), { timeout: 15_000 }).toBe(draft.project);
  await tool.waitSaved();
  await tool.page.getByTestId('print-sheet').waitFor({ state: 'attached' });
  return tool.watch;
}
