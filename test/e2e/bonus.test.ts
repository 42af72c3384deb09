// 绩效奖金估算 as a reader uses it, by label and role; expected amounts computed by the logic from
// content/policy/*.yaml.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { baseFromSalary, estimateBonus } from '../../src/core/bonus';
import { toJsonFile } from '../../src/core/json-file';
import { formatNumber } from '../../src/core/format';
import { formatYuan, type Fen } from '../../src/core/money';
import type { AppraisalPolicy, BonusPolicy, Percent } from '../../src/core/policy-types';
import {
  maxAppraisalScore,
  selfReviewResult,
  type MonthResult,
} from '../../src/tools/self-review/logic/derive';
import { emptyReview, SELF_REVIEW_STATE_VERSION } from '../../src/tools/self-review/logic/state';
import { launchBrowser, openPage, siteUrl, wakeTools, type PageWatch, closeClean } from './support/browser';
import { copyFromTool, waitToolSaved } from './support/tool-page';

const bonus = parse(readFileSync('content/policy/bonus.yaml', 'utf8')) as BonusPolicy;
const appraisal = parse(readFileSync('content/policy/appraisal.yaml', 'utf8')) as AppraisalPolicy;
const PATH = '/tools/bonus/';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

async function open(path = PATH): Promise<PageWatch> {
  const watch = await openPage(browser, path);
  await ready(watch.page);
  return watch;
}
/** Hydrated and the entry (or a share link) open: use-tool marks the root data-ready. The server
 * renders the blank form enabled, so enabled alone says nothing. */
async function ready(page: Page) {
  await wakeTools(page);
  await page.locator('[data-tool="bonus"][data-ready="true"]').waitFor();
}

const result = (page: Page) => page.getByRole('region', { name: '估算结果' });
/** The amount shown in a result row (奖金系数 / 月度绩效奖金 / 年度绩效奖金). */
const amount = (page: Page, row: string) =>
  result(page)
    .getByRole('row', { name: new RegExp(`^${row}`) })
    .getByRole('cell')
    .first()
    .textContent();

function expected(baseFen: number, score: number) {
  const common = { baseFen: baseFen as Fen, score, curve: bonus.curve, maxCoefficient: bonus.maxCoefficient };
  return {
    month: estimateBonus({ ...common, period: { kind: 'month' } }),
    year: estimateBonus({ ...common, period: { kind: 'year', baseMonths: bonus.annual.baseMonths } }),
  };
}

describe('estimate', () => {
  it('a base and a typed score give the coefficient, the monthly and annual estimates and the formula', async () => {
    const watch = await open();
    const { page } = watch;
    await page.getByLabel('月度奖金基数').fill('¥2,500元');
    await page.getByLabel('得分', { exact: true }).fill('８７．５');
    const want = expected(250000, 87.5);
    await expect(amount(page, '奖金系数')).resolves.toBe(formatNumber(want.month.coefficient, 4));
    await expect(amount(page, '月度绩效奖金')).resolves.toBe(formatYuan(want.month.bonusFen));
    await expect(amount(page, '年度绩效奖金')).resolves.toBe(formatYuan(want.year.bonusFen));
    const text = (await result(page).textContent()) ?? '';
    expect(text).toContain(
      `¥2,500.00 × ${bonus.annual.baseMonths} × ${formatNumber(want.year.coefficient, 4)} = ${formatYuan(want.year.bonusFen)}`,
    );
    expect(text).toContain('以上为估算');
    await expect(result(page).getByRole('link', { name: '四（三）1' }).getAttribute('href')).resolves.toBe(
      '/performance/#c4-3-1',
    );
    // The chart marks the reader's point.
    await expect(
      page
        .getByRole('img', { name: /您的得分 87\.5 对应系数/ })
        .first()
        .isVisible(),
    ).resolves.toBe(true);
    await closeClean(watch);
  });

  it('the base can be the monthly salary × the ratio from the parameters', async () => {
    const watch = await open();
    const { page } = watch;
    await page.getByLabel('奖金基数怎么填').selectOption({ label: '按月薪 × 奖金比例估算' });
    await expect(page.getByLabel('奖金比例').inputValue()).resolves.toBe(
      String(bonus.monthly.salaryRatioPercent),
    );
    await page.getByLabel('月薪').fill('12,000');
    await page.getByLabel('得分', { exact: true }).fill('92');
    const base = baseFromSalary(1200000 as Fen, bonus.monthly.salaryRatioPercent);
    await expect(
      page
        .getByRole('group', { name: '奖金基数' })
        .getByText(
          `月度奖金基数 = 月薪 ¥12,000.00 × ${bonus.monthly.salaryRatioPercent}% = ${formatYuan(base)}`,
        )
        .isVisible(),
    ).resolves.toBe(true);
    await expect(amount(page, '月度绩效奖金')).resolves.toBe(formatYuan(expected(base, 92).month.bonusFen));
    await closeClean(watch);
  });

  it('moving the score up never lowers the estimate', async () => {
    const watch = await open();
    const { page } = watch;
    await page.getByLabel('月度奖金基数').fill('3000');
    const max = maxAppraisalScore(appraisal);
    let previous = { month: -1, year: -1 };
    const yuan = (text: string | null) => Number((text ?? '').replace(/[¥,]/g, ''));
    for (let score = 0; score <= max; score += 2.5) {
      await page.getByLabel('得分', { exact: true }).fill(String(score));
      const month = yuan(await amount(page, '月度绩效奖金'));
      const year = yuan(await amount(page, '年度绩效奖金'));
      expect(month, `score ${score}`).toBeGreaterThanOrEqual(previous.month);
      expect(year, `score ${score}`).toBeGreaterThanOrEqual(previous.year);
      expect(month).toBe(expected(300000, score).month.bonusFen / 100);
      previous = { month, year };
    }
    expect(previous.month).toBeGreaterThan(0);
    await closeClean(watch);
  });

  it('the score can be taken from a saved 绩效自评', async () => {
    const watch = await openPage(browser, '/tools/self-review/');
    const { page } = watch;
    await page.getByLabel('员工姓名').waitFor();
    // A month of 市场推广组 saved through 导入 JSON on the 绩效自评 page (same browser).
    const state = emptyReview(appraisal, 'promotion', '2026-03', '张三');
    state.kpis['participants'] = { target: '500', actual: '480', comment: '' };
    state.kpis['activity-conversion'] = { target: '10', actual: '11', comment: '' };
    state.kpis['brand-exposure'] = { target: '100000', actual: '90000', comment: '' };
    state.kpis['cost-control'] = { target: '100', actual: '98', comment: '' };
    state.ratings = { discipline: '5', communication: '4', records: '4', quality: '4', learning: '3' };
    const file = join(mkdtempSync(join(tmpdir(), 'bn-')), 'march.json');
    writeFileSync(file, toJsonFile('self-review', SELF_REVIEW_STATE_VERSION, state));
    await page.getByLabel('选择要导入的 JSON 文件').setInputFiles(file);
    await page.getByText('已导入「市场推广组 2026年3月」的自评').waitFor();
    const total = (selfReviewResult(state, appraisal) as MonthResult).total;

    await page.goto(siteUrl(PATH));
    await ready(page);
    await page.getByLabel('月度奖金基数').fill('2000');
    await page.getByLabel('得分来源').selectOption({ label: '取自我保存的绩效自评' });
    const source = page.getByLabel('选择绩效自评');
    const option = (await source
      .locator('option')
      .filter({ hasText: '市场推广组 2026年3月' })
      .textContent())!;
    expect(option.startsWith(`${formatNumber(total)} 分（`)).toBe(true);
    expect(option).toContain('市场推广组 2026年3月');
    await source.selectOption({ label: option });
    // Closed, the select shows the score: the option's text up to the score fits the select's box.
    const fits = await source.evaluate((select: HTMLSelectElement, score: string) => {
      const style = getComputedStyle(select);
      const ctx = document.createElement('canvas').getContext('2d')!;
      ctx.font = style.font;
      const label = select.selectedOptions[0]!.text;
      const upToScore = label.slice(0, label.indexOf(score) + score.length);
      const room = select.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight) - 24; // the arrow
      return { score: ctx.measureText(upToScore).width <= room, whole: ctx.measureText(label).width <= room };
    }, formatNumber(total));
    expect(fits).toEqual({ score: true, whole: true });
    await expect(amount(page, '月度绩效奖金')).resolves.toBe(
      formatYuan(expected(200000, total).month.bonusFen),
    );

    // The share link carries the score itself: the manager has no saved reviews.
    await watch.context.grantPermissions(['clipboard-read', 'clipboard-write'], {
      origin: new URL(siteUrl()).origin,
    });
    const url = await copyFromTool(page, '复制分享链接');
    const manager = await open(new URL(url).pathname + new URL(url).hash);
    const p = manager.page;
    await expect(p.getByText('正在查看分享链接中的奖金估算（只读）。').isVisible()).resolves.toBe(true);
    await expect(p.getByLabel('得分', { exact: true }).inputValue()).resolves.toBe(String(total));
    await expect(p.getByLabel('得分', { exact: true }).isEditable()).resolves.toBe(false);
    await expect(p.getByLabel('月度奖金基数').isEditable()).resolves.toBe(false);
    await expect(p.getByText('取自 市场推广组 2026年3月 绩效自评').first().isVisible()).resolves.toBe(true);
    await expect(amount(p, '月度绩效奖金')).resolves.toBe(formatYuan(expected(200000, total).month.bonusFen));
    const axe = await new AxeBuilder({ page: p }).analyze();
    expect(axe.violations.map((v) => v.id)).toEqual([]);
    await closeClean(manager);
    await closeClean(watch);
  });

  it('with no saved 绩效自评 the reader is pointed to the tool', async () => {
    const watch = await open();
    const { page } = watch;
    await page.getByLabel('得分来源').selectOption({ label: '取自我保存的绩效自评' });
    await expect(page.getByText('本浏览器中还没有保存的绩效自评').isVisible()).resolves.toBe(true);
    await expect(page.getByRole('link', { name: '去填写绩效自评' }).getAttribute('href')).resolves.toBe(
      '/tools/self-review/',
    );
    await closeClean(watch);
  });
});

describe('saving, printing, sharing', () => {
  it('reload keeps the work', async () => {
    const watch = await open();
    const { page } = watch;
    await page.getByLabel('月度奖金基数').fill('1800');
    await page.getByLabel('得分', { exact: true }).fill('78');
    await waitToolSaved(page, 'bonus');
    await page.reload();
    await ready(page);
    await expect(page.getByLabel('月度奖金基数').inputValue()).resolves.toBe('1800');
    await expect(page.getByLabel('得分', { exact: true }).inputValue()).resolves.toBe('78');
    await expect(amount(page, '月度绩效奖金')).resolves.toBe(formatYuan(expected(180000, 78).month.bonusFen));
    await closeClean(watch);
  });

  it('leaving the page right after typing keeps what was typed (no wait for autosave)', async () => {
    const watch = await open();
    const { page } = watch;
    await page.getByLabel('月度奖金基数').fill('2345');
    await page.reload(); // well within the 300 ms autosave delay
    await ready(page);
    await expect(page.getByLabel('月度奖金基数').inputValue()).resolves.toBe('2345');
    await closeClean(watch);
  });

  it('printing shows only the 绩效奖金估算单, on one A4 page', async () => {
    const watch = await open();
    const { page } = watch;
    await page.getByLabel('月度奖金基数').fill('2000');
    await page.getByLabel('得分', { exact: true }).fill('85');
    await page.emulateMedia({ media: 'print' });
    const sheet = page.locator('.tool-print-sheet');
    await expect(sheet.getByRole('heading', { name: '绩效奖金估算单' }).isVisible()).resolves.toBe(true);
    const text = (await sheet.textContent()) ?? '';
    for (const words of [
      '¥2,000.00',
      formatYuan(expected(200000, 85).month.bonusFen),
      '以上为估算',
      '员工签字',
      '直属上级签字',
      '日期',
    ]) {
      expect(text).toContain(words);
    }
    for (const hidden of [
      page.getByLabel('月度奖金基数'),
      page.getByRole('button', { name: '复制为文本' }),
      result(page),
      page.getByText(/^依据/).first(),
      page.locator('#starlight__sidebar'),
    ]) {
      await expect(hidden.isVisible()).resolves.toBe(false);
    }
    const pdf = await page.pdf({ format: 'A4' });
    expect((pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length).toBe(1);
    await closeClean(watch);
  });

  it('the share link reproduces the estimate read-only in a browser with nothing saved', async () => {
    const watch = await open();
    const { page, context } = watch;
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], {
      origin: new URL(siteUrl()).origin,
    });
    await page.getByLabel('奖金基数怎么填').selectOption('salary');
    await page.getByLabel('月薪').fill('12,000');
    await page.getByLabel('得分', { exact: true }).fill('92');
    const want = expected(
      baseFromSalary(1200000 as Fen, bonus.monthly.salaryRatioPercent as Percent) as number,
      92,
    );
    const url = await copyFromTool(page, '复制分享链接');
    expect(url).toMatch(/#z1\.bonus\./);

    const other = await openPage(browser, new URL(url).pathname + new URL(url).hash);
    const p = other.page;
    await ready(p);
    await expect(p.getByText('正在查看分享链接中的奖金估算（只读）。').isVisible()).resolves.toBe(true);
    await expect(p.getByLabel('月薪').inputValue()).resolves.toBe('12,000');
    await expect(p.getByLabel('月薪').isEditable()).resolves.toBe(false);
    await expect(p.getByLabel('得分', { exact: true }).isEditable()).resolves.toBe(false);
    await expect(amount(p, '月度绩效奖金')).resolves.toBe(formatYuan(want.month.bonusFen));
    await expect(amount(p, '年度绩效奖金')).resolves.toBe(formatYuan(want.year.bonusFen));
    const axe = await new AxeBuilder({ page: p }).analyze();
    expect(axe.violations.map((v) => v.id)).toEqual([]);
    // Closing the shared view goes back to the reader's own (empty) estimate.
    await p.getByRole('button', { name: '关闭分享视图，回到我的估算' }).click();
    await expect(p.getByLabel('得分', { exact: true }).isEditable()).resolves.toBe(true);
    await expect(p.getByLabel('得分', { exact: true }).inputValue()).resolves.toBe('');
    await closeClean(other);
    await closeClean(watch);
  });

  it('can be filled in with the keyboard alone', async () => {
    const watch = await open();
    const { page } = watch;
    /** Presses Tab until the element with this id has focus (fails after 100 presses). */
    const tabTo = async (id: string) => {
      for (let i = 0; i < 100; i++) {
        if ((await page.evaluate('document.activeElement && document.activeElement.id')) === id) return;
        await page.keyboard.press('Tab');
      }
      throw new Error(`Tab never reached #${id}`);
    };
    await tabTo('bn-base');
    await page.keyboard.type('3000');
    await tabTo('bn-score');
    await page.keyboard.type('80');
    await expect(amount(page, '月度绩效奖金')).resolves.toBe(formatYuan(expected(300000, 80).month.bonusFen));
    // The result is announced to screen readers as it changes.
    await expect(result(page).getAttribute('aria-live')).resolves.toBe('polite');
    await closeClean(watch);
  });

  it('a downloaded estimate opens again in another browser through 导入 JSON', async () => {
    const watch = await open();
    const { page } = watch;
    await page.getByLabel('月度奖金基数').fill('3100');
    await page.getByLabel('得分', { exact: true }).fill('91');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: '下载 JSON' }).click(),
    ]);
    const other = await open();
    await other.page.getByLabel('选择要导入的 JSON 文件').setInputFiles((await download.path())!);
    await other.page.getByText('已导入奖金估算').waitFor();
    await expect(other.page.getByLabel('月度奖金基数').inputValue()).resolves.toBe('3100');
    await expect(amount(other.page, '月度绩效奖金')).resolves.toBe(
      formatYuan(expected(310000, 91).month.bonusFen),
    );
    await closeClean(other);
    await closeClean(watch);
  });

  it('copy as text', async () => {
    const watch = await open();
    const { page, context } = watch;
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], {
      origin: new URL(siteUrl()).origin,
    });
    await page.getByLabel('月度奖金基数').fill('2000');
    await page.getByLabel('得分', { exact: true }).fill('85');
    const text = await copyFromTool(page, '复制为文本');
    expect(text.startsWith('绩效奖金估算\n\n【奖金基数】')).toBe(true);
    expect(text).toContain(formatYuan(expected(200000, 85).year.bonusFen));
    expect(text).toContain('以上为估算');
    await closeClean(watch);
  });
});

describe('bad input', () => {
  const max = maxAppraisalScore(appraisal);
  it.each([
    ['月度奖金基数', 'abc', '请输入数字'],
    ['月度奖金基数', '-100', '金额不能为负数'],
    ['月度奖金基数', '99999999999', '金额不能超过 100 亿元'],
    ['月度奖金基数', '1,0,0', '千位分隔符位置不对，请写成 1,200 或 1200'],
    ['得分', '200', `得分应在 0–${max} 之间`],
    ['得分', 'ninety', '请输入数字'],
  ])('%s %j is refused beside the field; nothing becomes NaN', async (label, typed, message) => {
    const watch = await open();
    const { page } = watch;
    await page.getByLabel('月度奖金基数').fill('2000');
    await page.getByLabel('得分', { exact: true }).fill('80');
    const field = page.getByLabel(label, { exact: true });
    await field.fill(typed);
    await expect(field.getAttribute('aria-invalid')).resolves.toBe('true');
    const errorId = ((await field.getAttribute('aria-describedby')) ?? '')
      .split(' ')
      .find((id) => id.endsWith('-error'))!;
    await expect(page.locator(`#${errorId}`).textContent()).resolves.toBe(message);
    await expect(result(page).textContent()).resolves.not.toMatch(/NaN|Infinity|-¥/);
    await closeClean(watch);
  });

  it('a 120% ratio is refused', async () => {
    const watch = await open();
    const { page } = watch;
    await page.getByLabel('奖金基数怎么填').selectOption('salary');
    await page.getByLabel('奖金比例').fill('120%');
    await expect(page.getByText('百分比应在 0–100 之间').isVisible()).resolves.toBe(true);
    await closeClean(watch);
  });

  it('a tampered share link is reported and the tool opens normally', async () => {
    const watch = await open(`${PATH}#v1.bonus.${Buffer.from('{"baseMode":"x"}').toString('base64url')}`);
    const { page } = watch;
    await page.getByText('分享链接无法打开：链接内容不完整').waitFor();
    await page.getByLabel('月度奖金基数').fill('2000');
    await page.getByLabel('得分', { exact: true }).fill('80');
    await expect(amount(page, '月度绩效奖金')).resolves.toBe(formatYuan(expected(200000, 80).month.bonusFen));
    await closeClean(watch);
  });

  it('axe finds no violations with results and an error shown', async () => {
    const watch = await open();
    const { page } = watch;
    await page.getByLabel('月度奖金基数').fill('abc');
    await page.getByLabel('得分', { exact: true }).fill('85');
    await page.getByText('怎么算的').click();
    const axe = await new AxeBuilder({ page }).analyze();
    expect(
      axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
    ).toEqual([]);
    await closeClean(watch);
  });
});
