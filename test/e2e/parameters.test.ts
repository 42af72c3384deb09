// The chapter tables and /parameters/ are rendered from content/policy/*.yaml: the same numbers.
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { formatKpiValue } from '../../src/core/format';
import { formatYuan, yuanToFen } from '../../src/core/money';
import { launchBrowser, openPage } from './support/browser';

const appraisal = parse(readFileSync('content/policy/appraisal.yaml', 'utf8'));
const budget = parse(readFileSync('content/policy/budget.yaml', 'utf8'));

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe.each(['/performance/', '/parameters/'])('%s shows the KPI data', (path) => {
  it('each KPI row carries the target and weight of the data file', async () => {
    const { page, context } = await openPage(browser, path);
    for (const group of appraisal.groups) {
      for (const kpi of group.kpis) {
        const row = page.locator(`#kpi-${group.id} + table tr[data-kpi="${kpi.id}"]`);
        const cells = await row.locator('td').allTextContents();
        expect(await row.locator('th').textContent()).toBe(kpi.name);
        expect(cells[2], `${group.name} ${kpi.name} target`).toBe(formatKpiValue(kpi.unit, kpi.target));
        expect(cells[3]).toBe(`${kpi.weight}%`);
      }
    }
    await expect(page.getByText('默认示例参数，可由市场部调整').count()).resolves.toBeGreaterThan(0);
    await context.close();
  });
});

describe.each(['/finance/', '/parameters/'])('%s shows the budget data', (path) => {
  it('each category with its annual amount, and the approval chain', async () => {
    const { page, context } = await openPage(browser, path);
    for (const c of budget.categories) {
      const amount = await page.locator(`tr[data-category="${c.id}"] td.num`).textContent();
      expect(amount, c.name).toBe(formatYuan(yuanToFen(c.annualYuan)));
    }
    const chain = await page
      .locator('[data-params="approval-chain"] tbody tr')
      .last()
      .locator('td')
      .textContent();
    expect(chain).toBe(budget.approvalSteps.map((s: { approver: string }) => s.approver).join(' → '));
    await context.close();
  });
});

describe('chapter 四 shows the grade bands and the bonus curve from the data', () => {
  it('grades and curve points', async () => {
    const bonus = parse(readFileSync('content/policy/bonus.yaml', 'utf8'));
    const { page, context } = await openPage(browser, '/performance/');
    const grades = await page.locator('[data-params="grades"] tbody th').allTextContents();
    expect(grades).toEqual(appraisal.grades.map((g: { name: string }) => g.name));
    const points = await page.locator('[data-params="bonus-curve"] tbody tr').count();
    expect(points).toBe(bonus.curve.length);
    await expect(page.getByRole('img', { name: /奖金系数曲线/ }).count()).resolves.toBe(1);
    await context.close();
  });
});

describe('/parameters/ lists the 制度测验 questions', () => {
  it('each question with its clause; none 待复核 while no release changed a cited clause', async () => {
    const quiz = parse(readFileSync('content/policy/quiz.yaml', 'utf8')) as {
      askCount: number;
      passPercent: number;
      questions: { id: string; question: string; clause: string; checked: string }[];
    };
    const { page, context } = await openPage(browser, '/parameters/');
    const rows = page.locator('[data-params="quiz"] tbody tr');
    await expect(rows.count()).resolves.toBe(quiz.questions.length);
    for (const q of quiz.questions) {
      const row = page.locator(`[data-params="quiz"] tr[data-question="${q.id}"]`);
      await expect(row.locator('th').textContent()).resolves.toBe(q.question);
      await expect(row.getByRole('link').getAttribute('href')).resolves.toMatch(new RegExp(`#${q.clause}$`));
      await expect(row.locator('td').last().textContent()).resolves.toBe(`已核对（${q.checked} 版）`);
    }
    await expect(page.getByTestId('quiz-review-note').count()).resolves.toBe(0);
    await expect(page.getByText(`随机抽 ${quiz.askCount} 道`).count()).resolves.toBe(1);
    await context.close();
  });
});
