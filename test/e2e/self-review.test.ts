// 绩效自评 as a reader uses it: by label and role, with the expected numbers computed by the logic
// from content/policy/appraisal.yaml (not written down here).
import { readFileSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { parseCsv } from '../../src/core/csv';
import { toJsonFile } from '../../src/core/json-file';
import { formatNumber } from '../../src/core/format';
import type { AppraisalPolicy, Kpi } from '../../src/core/policy-types';
import {
  annualScore,
  behaviourScore,
  gradeFor,
  monthlyTotal,
  weightedPerformance,
} from '../../src/core/scoring';
import { selfReviewResult, type MonthResult } from '../../src/tools/self-review/logic/derive';
import {
  emptyReview,
  SELF_REVIEW_STATE_VERSION,
  type SelfReviewState,
} from '../../src/tools/self-review/logic/state';
import { launchBrowser, openPage, siteUrl, wakeTools, type PageWatch, closeClean } from './support/browser';
import { copyFromTool, ToolPage } from './support/tool-page';

const appraisal = parse(readFileSync('content/policy/appraisal.yaml', 'utf8')) as AppraisalPolicy;
const PATH = '/tools/self-review/';
/** The clock of every page: 15 April 2026, so the default period is 2026年4月. */
const NOW = new Date('2026-04-15T10:00:00+08:00');

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** Opens the tool with the fixed clock (and, optionally, a fresh context's storage kept). */
async function open(path = PATH, options: Parameters<typeof openPage>[2] = {}): Promise<PageWatch> {
  const watch = await openPage(browser, path, { timezoneId: 'Asia/Shanghai', ...options });
  await watch.page.clock.setFixedTime(NOW);
  await watch.page.reload();
  await ready(watch.page);
  return watch;
}

/** Hydrated and an entry (or a share link) open: use-tool marks the root data-ready. The server
 * renders the blank form, so the form alone says nothing. */
async function ready(page: Page) {
  await wakeTools(page);
  await page.locator('[data-tool="self-review"][data-ready="true"]').waitFor();
}

async function choose(
  page: Page,
  group: string,
  kind: '月度考核' | '年度考核',
  year: number,
  month?: number,
) {
  await page.getByLabel('考核组').selectOption({ label: group });
  await page.getByLabel('考核类型').selectOption({ label: kind });
  await page.getByLabel('年份').selectOption({ label: `${year}年` });
  if (month !== undefined) await page.getByLabel('月份').selectOption({ label: `${month}月` });
}

const kpiBox = (page: Page, name: string) => page.getByRole('group', { name, exact: true });
const result = (page: Page) => page.getByRole('region', { name: '自评结果' });

/** A value a little off target, typed the way people write it (units, separators). */
function offTarget(k: Kpi): { text: string; value: number } {
  if (k.unit === 'rating')
    return { text: String(Math.max(1, k.target - 1)), value: Math.max(1, k.target - 1) };
  const raw = k.direction === 'higher' ? k.target * 0.9 : k.target * 1.1;
  const value = k.unit === 'count' ? Math.round(raw) : Math.round(raw * 100) / 100;
  const text = k.unit === 'percent' ? `${value}%` : value.toLocaleString('en-US');
  return { text, value };
}

const RATINGS = [5, 4, 4, 3, 4];

function expectedMonth(groupId: string) {
  const group = appraisal.groups.find((g) => g.id === groupId)!;
  const perf = weightedPerformance(
    group,
    Object.fromEntries(group.kpis.map((k) => [k.id, { actual: offTarget(k).value }])),
  );
  const beh = behaviourScore(
    appraisal.behaviour.items,
    Object.fromEntries(appraisal.behaviour.items.map((item, i) => [item.id, RATINGS[i]!])),
  );
  const total = monthlyTotal(perf.score, beh.score, appraisal.split);
  return {
    total: total.total,
    grade: gradeFor(total.total, appraisal.grades).name,
    perf: perf.score,
    beh: beh.score,
  };
}

async function fillMonth(page: Page, groupId: string) {
  const group = appraisal.groups.find((g) => g.id === groupId)!;
  for (const k of group.kpis) await kpiBox(page, k.name).getByLabel('实际值').fill(offTarget(k).text);
  for (const [i, item] of appraisal.behaviour.items.entries()) {
    await page.getByLabel(item.name, { exact: true }).selectOption(String(RATINGS[i]));
  }
}

describe('a month for each group', () => {
  it.each(appraisal.groups.map((g) => [g.name, g.id]))(
    '%s: total and grade as the logic computes them',
    async (name, id) => {
      const watch = await open();
      const { page } = watch;
      await choose(page, name, '月度考核', 2026, 3);
      await expect(page.getByRole('heading', { name: `业绩指标（${name}）` }).isVisible()).resolves.toBe(
        true,
      );
      await fillMonth(page, id);
      const want = expectedMonth(id);
      const text = await result(page).textContent();
      expect(text).toContain(`月度总分 ${formatNumber(want.total)} · 等级 ${want.grade}`);
      expect(text).toContain(`业绩得分 ${formatNumber(want.perf)} × ${appraisal.split.performance}%`);
      expect(text).toContain(`工作规范得分 ${formatNumber(want.beh)} × ${appraisal.split.behaviour}%`);
      expect(text).not.toContain('尚未填写');
      // Each KPI shows its own score and weighted points.
      const k = appraisal.groups.find((g) => g.id === id)!.kpis[0]!;
      const line = weightedPerformance({ kpis: [k] }, { [k.id]: { actual: offTarget(k).value } }).lines[0]!;
      await expect(
        kpiBox(page, k.name)
          .getByText(/^得分 /)
          .textContent(),
      ).resolves.toBe(
        `得分 ${formatNumber(line.score!)} × 权重 ${k.weight}% = 加权分 ${formatNumber(line.weighted)}`,
      );
      await closeClean(watch);
    },
  );
});

describe('saving', () => {
  it('reload keeps the work, and the saved period is listed to reopen or delete', async () => {
    const watch = await open();
    const { page } = watch;
    // The name first, on the period that opens by default: with nothing else typed there, that
    // period is not saved (the list stays empty at the end).
    await page.getByLabel('员工姓名').fill('王小明');
    await choose(page, '客户关系管理组', '月度考核', 2026, 2);
    await fillMonth(page, 'crm');
    await kpiBox(page, '客户投诉率').getByLabel('自评说明').fill('投诉处理及时');
    await page.getByText(/已自动保存/).waitFor();
    await page.reload();
    await ready(page);
    await expect(page.getByLabel('员工姓名').inputValue()).resolves.toBe('王小明');
    await expect(page.getByLabel('考核组').inputValue()).resolves.toBe('crm');
    await expect(page.getByLabel('月份').inputValue()).resolves.toBe('2');
    await expect(kpiBox(page, '客户投诉率').getByLabel('自评说明').inputValue()).resolves.toBe(
      '投诉处理及时',
    );
    await expect(result(page).textContent()).resolves.toContain(
      `月度总分 ${formatNumber(expectedMonth('crm').total)}`,
    );

    // Another period is a separate entry; the list reopens the first one.
    await page.getByLabel('月份').selectOption({ label: '3月' });
    await expect(kpiBox(page, '潜在客户开发数量').getByLabel('实际值').inputValue()).resolves.toBe('');
    await expect(page.getByLabel('员工姓名').inputValue()).resolves.toBe('王小明'); // the name carries over
    const list = page.getByRole('region', { name: '已保存的自评' });
    await list.getByRole('button', { name: '打开 客户关系管理组 2026年2月' }).click();
    await expect(kpiBox(page, '潜在客户开发数量').getByLabel('实际值').inputValue()).resolves.toBe(
      offTarget(appraisal.groups[1]!.kpis[0]!).text,
    );

    // Delete asks first; 取消 keeps it, 确定删除 removes it.
    await list.getByRole('button', { name: '删除 客户关系管理组 2026年2月' }).click();
    await expect(list.getByText('确定删除「客户关系管理组 2026年2月」的自评吗？').isVisible()).resolves.toBe(
      true,
    );
    await list.getByRole('button', { name: '取消' }).click();
    await expect(list.getByRole('button', { name: '打开 客户关系管理组 2026年2月' }).count()).resolves.toBe(
      1,
    );
    await list.getByRole('button', { name: '删除 客户关系管理组 2026年2月' }).click();
    await list.getByRole('button', { name: '确定删除' }).click();
    await expect(list.getByRole('button', { name: '打开 客户关系管理组 2026年2月' }).count()).resolves.toBe(
      0,
    );
    await expect(page.getByText('已删除「客户关系管理组 2026年2月」的自评').isVisible()).resolves.toBe(true);
    await page.reload();
    await ready(page);
    await expect(
      page.getByRole('region', { name: '已保存的自评' }).getByText('还没有保存的自评。').isVisible(),
    ).resolves.toBe(true);
    await closeClean(watch);
  });
});

/** A month of 数据分析组 as a JSON file the tool exported. */
function monthFile(dir: string, month: number, scale: number): { path: string; state: SelfReviewState } {
  const period = `2026-${String(month).padStart(2, '0')}`;
  const state = emptyReview(appraisal, 'analytics', period, '赵六');
  for (const k of appraisal.groups.find((g) => g.id === 'analytics')!.kpis) {
    const v =
      k.unit === 'rating'
        ? Math.min(5, Math.max(1, Math.round(k.target * scale)))
        : Math.min(100, Math.round(k.target * scale * 10) / 10);
    state.kpis[k.id] = { target: String(k.target), actual: String(v), comment: '' };
  }
  state.ratings = Object.fromEntries(
    appraisal.behaviour.items.map((i) => [i.id, '4']),
  ) as SelfReviewState['ratings'];
  const path = join(dir, `m${month}.json`);
  writeFileSync(path, toJsonFile('self-review', SELF_REVIEW_STATE_VERSION, state));
  return { path, state };
}

describe('switching periods quickly', () => {
  it('an entry left right after typing keeps what was typed', async () => {
    const watch = await open();
    const { page } = watch;
    await choose(page, '数据分析组', '月度考核', 2026, 5);
    const first = appraisal.groups.find((g) => g.id === 'analytics')!.kpis[0]!;
    await kpiBox(page, first.name).getByLabel('实际值').fill('42');
    await page.getByLabel('月份').selectOption({ label: '6月' }); // within the autosave delay
    await expect(kpiBox(page, first.name).getByLabel('实际值').inputValue()).resolves.toBe('');
    await page.getByLabel('月份').selectOption({ label: '5月' });
    await expect(kpiBox(page, first.name).getByLabel('实际值').inputValue()).resolves.toBe('42');
    await closeClean(watch);
  });
});

describe('JSON file', () => {
  it('a downloaded month opens again in another browser through 导入 JSON', async () => {
    const watch = await open();
    const { page } = watch;
    await choose(page, '市场经理', '月度考核', 2026, 7);
    await page.getByLabel('员工姓名').fill('陈经理');
    await fillMonth(page, 'manager');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: '下载 JSON' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/\.json$/);
    const path = (await download.path())!;

    const other = await open();
    await other.page.getByLabel('选择要导入的 JSON 文件').setInputFiles(path);
    await other.page.getByText('已导入「市场经理 2026年7月」的自评').waitFor();
    await expect(other.page.getByLabel('员工姓名').inputValue()).resolves.toBe('陈经理');
    await expect(other.page.getByLabel('月份').inputValue()).resolves.toBe('7');
    await expect(result(other.page).textContent()).resolves.toContain(
      `月度总分 ${formatNumber(expectedMonth('manager').total)}`,
    );
    await closeClean(other);
    await closeClean(watch);
  });
});

describe('a year', () => {
  it('rolls up the saved months of the group; missing months are shown and left out', async () => {
    const watch = await open();
    const { page } = watch;
    const dir = mkdtempSync(join(tmpdir(), 'sr-'));
    const files = [1, 2, 3, 5, 6].map((m, i) => ({ month: m, ...monthFile(dir, m, 0.85 + i * 0.05) }));
    for (const f of files) {
      await page.getByLabel('选择要导入的 JSON 文件').setInputFiles(f.path);
      await page.getByText(`已导入「数据分析组 2026年${f.month}月」的自评`).waitFor();
    }
    await choose(page, '数据分析组', '年度考核', 2026);

    const totals = new Map(
      files.map((f) => [f.month, (selfReviewResult(f.state, appraisal) as MonthResult).total]),
    );
    for (let m = 1; m <= 12; m++) {
      const field = page.getByLabel(`${m}月`, { exact: true });
      await expect(field.inputValue()).resolves.toBe(totals.has(m) ? String(totals.get(m)) : '');
    }
    await expect(page.getByLabel('1月', { exact: true }).getAttribute('aria-describedby')).resolves.toContain(
      'hint',
    );
    const text = await result(page).textContent();
    expect(text).toContain('没有考核结果的月份：4月、7月、8月、9月、10月、11月、12月（不计入平均）');
    expect(text).toContain(`有考核结果的月份只有 5 个，少于 ${appraisal.annual.minMonths} 个`);

    // A sixth month typed by hand, and the annual review: now the year is scored.
    await page.getByLabel('7月', { exact: true }).fill('88');
    await page.getByLabel('年度评议得分', { exact: true }).fill('90');
    const months = Array.from({ length: 12 }, (_, i) => (i + 1 === 7 ? 88 : (totals.get(i + 1) ?? null)));
    const want = annualScore(months, 90, appraisal.annual);
    expect(want.score).not.toBeNull();
    const after = await result(page).textContent();
    expect(after).toContain(
      `年度得分 ${formatNumber(want.score!)} · 等级 ${gradeFor(want.score!, appraisal.grades).name}`,
    );
    expect(after).toContain(
      `月度平均 ${formatNumber(want.monthlyAverage!)}（6 个月）× ${appraisal.annual.monthlyWeight}%`,
    );

    // A refused month is reported beside its field and left out.
    await page.getByLabel('8月', { exact: true }).fill('abc');
    await expect(page.getByLabel('8月', { exact: true }).getAttribute('aria-invalid')).resolves.toBe('true');
    await expect(page.locator('#sr-month-8-error').textContent()).resolves.toBe('请输入数字');
    await closeClean(watch);
  });
});

describe('sharing, exporting and printing', () => {
  it('the share link reproduces the form read-only in a browser with nothing saved', async () => {
    const watch = await open();
    const { page, context } = watch;
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], {
      origin: new URL(siteUrl()).origin,
    });
    await page.getByLabel('员工姓名').fill('陈经理');
    await choose(page, '市场经理', '月度考核', 2026, 4);
    await fillMonth(page, 'manager');
    await kpiBox(page, '部门目标达成率').getByLabel('自评说明').fill('<b>不是 HTML</b>');
    const url = await copyFromTool(page, '复制分享链接');
    expect(url).toMatch(/#z1\.self-review\./);

    const manager = await openPage(browser, new URL(url).pathname + new URL(url).hash);
    await ready(manager.page);
    const p = manager.page;
    await expect(
      p.getByText('正在查看分享链接中的绩效自评（只读）：陈经理，市场经理 2026年4月。').isVisible(),
    ).resolves.toBe(true);
    await expect(p.getByLabel('员工姓名').inputValue()).resolves.toBe('陈经理');
    await expect(p.getByLabel('员工姓名').isEditable()).resolves.toBe(false);
    await expect(kpiBox(p, '部门目标达成率').getByLabel('实际值').isEditable()).resolves.toBe(false);
    await expect(p.getByLabel('考核组').isEnabled()).resolves.toBe(false);
    await expect(kpiBox(p, '部门目标达成率').getByLabel('自评说明').inputValue()).resolves.toBe(
      '<b>不是 HTML</b>',
    );
    await expect(p.locator('.sr-sheet b').count()).resolves.toBe(0);
    await expect(result(p).textContent()).resolves.toContain(
      `月度总分 ${formatNumber(expectedMonth('manager').total)}`,
    );
    await expect(p.getByRole('region', { name: '已保存的自评' }).count()).resolves.toBe(0);
    const axe = await new AxeBuilder({ page: p }).analyze();
    expect(axe.violations.map((v) => v.id)).toEqual([]);
    // Closing the shared view goes back to the reader's own (empty) work.
    await p.getByRole('button', { name: '关闭分享视图，回到我的自评' }).click();
    await expect(p.getByLabel('员工姓名').isEditable()).resolves.toBe(true);
    await expect(p.getByLabel('员工姓名').inputValue()).resolves.toBe('');
    await closeClean(manager);
    await closeClean(watch);
  });

  it('copy as text and CSV (BOM, formula cells neutralized)', async () => {
    const watch = await open();
    const { page, context } = watch;
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], {
      origin: new URL(siteUrl()).origin,
    });
    await page.getByLabel('员工姓名').fill('张三');
    await choose(page, '市场推广组', '月度考核', 2026, 4);
    await fillMonth(page, 'promotion');
    await kpiBox(page, '活动参与人数').getByLabel('自评说明').fill('=1+1');
    const text = await copyFromTool(page, '复制为文本');
    const want = expectedMonth('promotion');
    expect(text.startsWith('绩效自评表\n\n【基本信息】\n员工姓名：张三')).toBe(true);
    expect(text).toMatch(new RegExp(`月度总分\\s*：${want.total}`));
    expect(text).toContain('【工作规范】');

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: '下载 CSV' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('绩效自评-市场推广组-2026-04.csv');
    const csv = readFileSync((await download.path())!, 'utf8');
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const rows = parseCsv(csv);
    const participants = rows.find((r) => r[1] === '活动参与人数')!;
    expect(participants[8]).toBe("'=1+1");
    expect(rows.at(-1)).toEqual(['合计', '月度总分', '', '', '', '', String(want.total), '', want.grade]);
    await closeClean(watch);
  });

  it('printing shows only the 绩效自评表 with signature lines', async () => {
    const watch = await open();
    const { page } = watch;
    await page.getByLabel('员工姓名').fill('张三');
    await fillMonth(page, 'promotion');
    await page.getByLabel('总体自评').fill('本月完成了主要目标');
    await page.emulateMedia({ media: 'print' });
    const sheet = page.locator('.tool-print-sheet');
    await expect(sheet.isVisible()).resolves.toBe(true);
    await expect(sheet.getByRole('heading', { name: '绩效自评表' }).isVisible()).resolves.toBe(true);
    const text = (await sheet.textContent()) ?? '';
    for (const words of [
      '张三',
      '市场推广组',
      '2026年4月（月度考核）',
      '员工签字',
      '直属上级签字',
      '日期',
      '本月完成了主要目标',
      `月度总分：${formatNumber(expectedMonth('promotion').total)}`,
    ]) {
      expect(text).toContain(words);
    }
    for (const hidden of [
      page.getByLabel('员工姓名'),
      page.getByRole('button', { name: '复制为文本' }),
      page.getByRole('region', { name: '自评结果' }),
      page.getByText(/^依据/).first(), // the page's intro
      page.locator('header.header'),
      page.locator('#starlight__sidebar'),
      page.getByRole('heading', { name: '绩效自评', exact: true }),
    ]) {
      await expect(hidden.isVisible()).resolves.toBe(false);
    }
    const pdf = await page.pdf({ format: 'A4' });
    const pages = pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? [];
    expect(pages.length).toBe(1);
    await closeClean(watch);
  });

  it('the print sheet loads on first use, not with the page', async () => {
    const watch = await openPage(browser, PATH, { timezoneId: 'Asia/Shanghai' });
    const { page } = watch;
    // Each script's code, read as it arrives, and whether it came after the reader's first use.
    const scripts: { code: Promise<string>; afterUse: boolean }[] = [];
    let used = false;
    page.on('response', (response) => {
      if (!/\.m?js(\?|$)/.test(response.url())) return;
      scripts.push({ code: response.text().catch(() => ''), afterUse: used });
    });
    await page.clock.setFixedTime(NOW);
    await page.reload();
    await new ToolPage(watch, 'self-review').ready();
    await page.waitForLoadState('networkidle');
    await expect(page.locator('.sr-sheet').count()).resolves.toBe(0);

    used = true;
    await page.getByLabel('员工姓名').click();
    await page.locator('.sr-sheet').waitFor({ state: 'attached' });
    // The chunk holding the sheet (its class list is in its code) came after the click, not with the page.
    const holders: boolean[] = [];
    for (const { code, afterUse } of scripts) {
      if ((await code).includes('print-only sr-sheet')) holders.push(afterUse);
    }
    expect(holders).toEqual([true]);
    await page.emulateMedia({ media: 'print' });
    await expect(
      page.locator('.sr-sheet').getByRole('heading', { name: '绩效自评表' }).isVisible(),
    ).resolves.toBe(true);
    await closeClean(watch);
  });
});

describe('bad input', () => {
  // [KPI, text typed, message beside the field, or null when it is accepted as a person means it]
  const cases: [string, string, string | null][] = [
    ['活动参与人数', '', null], // empty: not filled yet
    ['活动参与人数', 'abc', '请输入数字'],
    ['活动参与人数', '-5', '请输入 0 或正整数'],
    ['活动参与人数', '１２００', null], // full-width digits
    ['活动参与人数', '1,200', null], // thousands separator
    ['活动参与人数', '99999999999999999999999', '数字太大'],
    ['活动参与人数', '1,2,3', '千位分隔符位置不对，请写成 1,200 或 1200'],
    ['活动转化率', '120%', '百分比应在 0–100 之间'], // conversion cannot pass 100%
    ['活动转化率', '１２．５％', null],
    ['推广费用控制率', '120%', null], // spending 120% of the budget is real
    ['推广费用控制率', '1e5', '请直接写出数字，不要用科学计数法'],
  ];

  it.each(cases)('%s 实际值 %j', async (kpi, typed, message) => {
    const watch = await open();
    const { page } = watch;
    const field = kpiBox(page, kpi).getByLabel('实际值');
    await field.fill(typed);
    const invalid = await field.getAttribute('aria-invalid');
    if (message === null) {
      expect(invalid).toBeNull();
      if (typed !== '')
        await expect(
          kpiBox(page, kpi)
            .getByText(/^得分 \d/)
            .isVisible(),
        ).resolves.toBe(true);
    } else {
      expect(invalid).toBe('true');
      const describedBy = (await field.getAttribute('aria-describedby')) ?? '';
      const errorId = describedBy.split(' ').find((id) => id.endsWith('-error'))!;
      await expect(page.locator(`#${errorId}`).textContent()).resolves.toBe(message);
      await expect(kpiBox(page, kpi).getByText(message).isVisible()).resolves.toBe(true);
    }
    const text = (await result(page).textContent()) ?? '';
    expect(text).toMatch(/月度总分 \d+(\.\d+)? · 等级/);
    expect(text).not.toMatch(/NaN|Infinity|-\d/);
    await closeClean(watch);
  });

  it('a target of 0 is refused beside the field (never a silent 0 or 120); an empty target uses the default', async () => {
    const watch = await open();
    const { page } = watch;
    const box = kpiBox(page, '推广费用控制率');
    await box.getByLabel('目标值').fill('0');
    await box.getByLabel('实际值').fill('50');
    await box.getByText('目标值必须大于 0').waitFor();
    await expect(box.getByLabel('目标值').getAttribute('aria-invalid')).resolves.toBe('true');
    await expect(box.textContent()).resolves.not.toMatch(/得分 (0|120) ×/);
    const conv = kpiBox(page, '活动转化率');
    await conv.getByLabel('目标值').fill('');
    await conv.getByLabel('实际值').fill('10');
    await expect(conv.getByText('留空按默认目标 10% 计算').isVisible()).resolves.toBe(true);
    await expect(conv.getByText(/^得分 /).textContent()).resolves.toBe('得分 100 × 权重 30% = 加权分 30');
    await conv.getByLabel('目标值').fill('0');
    await conv.getByText('目标值必须大于 0').waitFor();
    await expect(conv.textContent()).resolves.not.toMatch(/得分 (0|120) ×/);
    await expect(result(page).textContent()).resolves.not.toMatch(/NaN|Infinity/);
    await closeClean(watch);
  });

  it('one bad field in a saved entry: one notice, naming the field as the form labels it', async () => {
    const watch = await open();
    const { page } = watch;
    const entry = { ...emptyReview(appraisal, 'promotion', '2026-04'), name: '王芳' };
    const kpis = { ...entry.kpis, participants: { target: '', actual: 480, comment: '' } };
    await page.evaluate(
      `localStorage.setItem('mh:self-review:promotion-2026-04', ${JSON.stringify(
        JSON.stringify({ v: SELF_REVIEW_STATE_VERSION, savedAt: '2026-04-20T08:00:00.000Z', data: { ...entry, kpis } }),
      )})`,
    );
    await page.reload();
    await ready(page);
    const notices = page.locator('.tool-notice');
    await notices.first().waitFor();
    await expect(notices.allTextContents()).resolves.toEqual([
      expect.stringContaining(
        '「市场推广组 2026年4月」保存的内容中有字段不正确，已重置：「活动参与人数 · 实际值」；原内容已另存为备份，请核对',
      ),
    ]);
    await expect(page.locator('body').textContent()).resolves.not.toMatch(/kpis|participants/);
    expect((await page.locator('body').innerText()).match(/已重置/g)).toHaveLength(1);
    await expect(page.getByLabel('员工姓名').inputValue()).resolves.toBe('王芳'); // the good fields stay
    // One backup, however often the entry is read (every save reads the other entries).
    await kpiBox(page, '活动参与人数').getByLabel('实际值').fill('500');
    await page.waitForFunction(() => document.querySelector('[data-tool]')?.getAttribute('data-dirty') === 'false');
    const backups = await page.evaluate(
      () => Object.keys(localStorage).filter((k) => k.startsWith('mh:self-review:promotion-2026-04:backup:')).length,
    );
    expect(backups).toBe(1);
    await closeClean(watch);
  });

  it('a damaged saved entry is reported, kept for download, and the tool still works', async () => {
    const watch = await open();
    const { page } = watch;
    await page.evaluate(() =>
      localStorage.setItem('mh:self-review:promotion-2026-04', '{"v":1,"savedAt":"x","data":{"name":5'),
    );
    await page.reload();
    await ready(page);
    // The same words as in every tool, naming the entry.
    await page.getByText('「市场推广组 2026年4月」保存的内容无法读取，已另存为备份，请重新填写').waitFor();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: '下载损坏的记录' }).click(),
    ]);
    expect(readFileSync((await download.path())!, 'utf8')).toContain('"name":5');
    await kpiBox(page, '活动参与人数').getByLabel('实际值').fill('500');
    await expect(
      kpiBox(page, '活动参与人数')
        .getByText(/^得分 /)
        .textContent(),
    ).resolves.toBe('得分 100 × 权重 30% = 加权分 30');
    await closeClean(watch);
  });

  it('a 绩效自评 share link pasted as the 上级评定 reply says what it is, with a link to open it', async () => {
    const watch = await open();
    const { page } = watch;
    await page.getByText('收到上级的链接或文件？').click();
    await page.getByLabel('粘贴回复链接').fill(`${siteUrl(PATH)}#z1.self-review.AAAA`);
    await page.getByRole('button', { name: '打开回复' }).click();
    const refused = page.getByRole('alert').filter({ hasText: '无法打开上级发来的链接或文件：' });
    await refused.waitFor();
    await expect(refused.textContent()).resolves.toContain(
      '这是绩效自评的分享链接，请在浏览器中直接打开：它会打开绩效自评',
    );
    await expect(refused.getByRole('link', { name: '打开绩效自评' }).getAttribute('href')).resolves.toBe(
      `${new URL(siteUrl(PATH)).pathname}#z1.self-review.AAAA`,
    );
    await closeClean(watch);
  });

  it.each([
    ['cut off', '#v1.self-review.!!!', '链接已损坏，请重新复制完整的链接'],
    ['of another tool', '#v1.budget-request.e30', '这是预算申请单的分享链接，请在浏览器中直接打开：它会打开预算申请单'],
    // Well-formed, but with a rating of 9.
    [
      'with a rating of 9',
      `#v1.self-review.${Buffer.from(JSON.stringify({ ...emptyReview(appraisal, 'crm', '2026-01'), ratings: { discipline: '9' } })).toString('base64url')}`,
      '链接内容不完整',
    ],
  ])('a share link %s is reported and the tool opens normally', async (_, hash, message) => {
    const watch = await open(PATH + hash);
    const { page } = watch;
    await page.getByText(`分享链接无法打开：${message}`).waitFor();
    await expect(page.getByLabel('员工姓名').isEditable()).resolves.toBe(true);
    await kpiBox(page, '活动参与人数').getByLabel('实际值').fill('250');
    await expect(
      kpiBox(page, '活动参与人数')
        .getByText(/^得分 /)
        .textContent(),
    ).resolves.toBe('得分 50 × 权重 30% = 加权分 15');
    await closeClean(watch);
  });
});

describe('keyboard and accessibility', () => {
  it('a month can be completed with the keyboard alone', async () => {
    const watch = await open();
    const { page } = watch;
    /** Presses Tab until the element with this id has focus (fails after 200 presses). */
    const tabTo = async (id: string) => {
      for (let i = 0; i < 200; i++) {
        if ((await page.evaluate('document.activeElement && document.activeElement.id')) === id) return;
        await page.keyboard.press('Tab');
      }
      throw new Error(`Tab never reached #${id}`);
    };
    await tabTo('sr-name');
    await page.keyboard.type('键盘用户');
    await tabTo('sr-group');
    await page.keyboard.press('ArrowDown'); // 市场推广组 → 客户关系管理组
    await expect(page.getByLabel('考核组').inputValue()).resolves.toBe('crm');
    const crm = appraisal.groups.find((g) => g.id === 'crm')!;
    for (const k of crm.kpis) {
      await tabTo(`sr-actual-${k.id}`);
      await page.keyboard.type(offTarget(k).text);
    }
    for (const [i, item] of appraisal.behaviour.items.entries()) {
      await tabTo(`sr-rating-${item.id}`);
      for (let n = 0; n < RATINGS[i]!; n++) await page.keyboard.press('ArrowDown');
    }
    const want = expectedMonth('crm');
    await expect(result(page).textContent()).resolves.toContain(
      `月度总分 ${formatNumber(want.total)} · 等级 ${want.grade}`,
    );
    // The explanation opens from the keyboard too.
    await page.getByText('怎么算的').focus();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('table', { name: '评分明细' }).isVisible()).resolves.toBe(true);
    await closeClean(watch);
  });

  it.each(['月度考核', '年度考核'] as const)(
    'axe finds no violations (%s, filled in, with errors shown)',
    async (kind) => {
      const watch = await open();
      const { page } = watch;
      await choose(page, '市场推广组', kind, 2026, kind === '月度考核' ? 4 : undefined);
      if (kind === '月度考核') {
        await fillMonth(page, 'promotion');
        await kpiBox(page, '活动转化率').getByLabel('实际值').fill('120%');
      } else {
        await page.getByLabel('1月', { exact: true }).fill('abc');
      }
      await page.getByText('怎么算的').click();
      const axe = await new AxeBuilder({ page }).analyze();
      expect(
        axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
      ).toEqual([]);
      await closeClean(watch);
    },
  );
});
