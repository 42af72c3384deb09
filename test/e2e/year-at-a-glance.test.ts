// The year at a glance, as a reader uses it: 绩效自评's 年度考核 draws the months (grade on each,
// 「未填」 where a month has no total); 团队考核 shows members × months with each grade in words,
// opens a record from its cell, passes axe and prints the grades on A4.
// Expected grades come from the logic and content/policy/appraisal.yaml, never written down here.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { fingerprintOf } from '../../src/core/fingerprint';
import { formatNumber } from '../../src/core/format';
import type { AppraisalPolicy, BonusPolicy } from '../../src/core/policy-types';
import { selfReviewResult, type MonthResult } from '../../src/tools/self-review/logic/derive';
import {
  SELF_REVIEW_STATE_VERSION,
  emptyReview,
  plainNumber,
  type SelfReviewState,
} from '../../src/tools/self-review/logic/state';
import { deriveTeam } from '../../src/tools/team-review/logic/derive';
import { yearGrid } from '../../src/tools/team-review/logic/year-grid';
import {
  TEAM_REVIEW_STATE_VERSION,
  managerReviewFrom,
  personKey,
  recordKey,
  type MemberRecord,
  type TeamReviewState,
} from '../../src/tools/team-review/logic/state';
import { closeClean, launchBrowser, openPage, wakeTools, type PageWatch } from './support/browser';
import { ToolPage } from './support/tool-page';

const appraisal = parse(readFileSync('content/policy/appraisal.yaml', 'utf8')) as AppraisalPolicy;
const bonus = parse(readFileSync('content/policy/bonus.yaml', 'utf8')) as BonusPolicy;
const NOW = new Date('2026-07-15T10:00:00+08:00');
const ratings = (r: string) =>
  Object.fromEntries(appraisal.behaviour.items.map((i) => [i.id, r])) as SelfReviewState['ratings'];

/** A month of `group` with every KPI at `share` of its target. */
function month(
  name: string,
  period: string,
  share: number,
  group = 'promotion',
  rating = '4',
): SelfReviewState {
  const s = emptyReview(appraisal, group, period, name);
  for (const k of appraisal.groups.find((g) => g.id === group)!.kpis) {
    const v = k.direction === 'higher' ? k.target * share : k.target / share;
    s.kpis[k.id] = {
      target: plainNumber(k.target),
      actual: plainNumber(k.unit === 'count' ? Math.round(v) : Math.round(v * 100) / 100),
      comment: '',
    };
  }
  return { ...s, ratings: ratings(rating) };
}
const stored = (data: unknown) =>
  JSON.stringify({ v: SELF_REVIEW_STATE_VERSION, savedAt: '2026-07-01T08:00:00.000Z', data });

let browser: Browser;
const dir = mkdtempSync(join(tmpdir(), 'mh-year-'));
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

async function openAt(path: string, tool: string, seed: Record<string, string>): Promise<PageWatch> {
  const watch = await openPage(browser, path, { timezoneId: 'Asia/Shanghai' });
  const { page } = watch;
  await page.clock.setFixedTime(NOW);
  await page.evaluate((items) => {
    for (const [k, v] of Object.entries(items)) localStorage.setItem(k, v);
  }, seed);
  await page.reload();
  await wakeTools(page);
  await page.locator(`[data-tool="${tool}"][data-ready="true"]`).waitFor();
  return watch;
}

describe('绩效自评 年度: the months at a glance', () => {
  // Months 1, 2, 3 and 5 saved in this browser (different grades); 4 and 6–12 not.
  const saved = { 1: 1.15, 2: 0.9, 3: 0.6, 5: 1 } as const;
  const totals = Object.fromEntries(
    Object.entries(saved).map(([m, share]) => {
      const st = month('王芳', `2026-0${m}`, share, 'promotion', Number(m) === 3 ? '2' : '5');
      return [m, { st, r: selfReviewResult(st, appraisal) as MonthResult }];
    }),
  );

  it('each month shows its grade, missing months 「未填」; a month typed by hand joins it', async () => {
    const seed = Object.fromEntries(
      Object.values(totals).map(({ st }) => [`mh:self-review:promotion-${st.period}`, stored(st)]),
    );
    const watch = await openAt('/tools/self-review/', 'self-review', seed);
    const { page } = watch;
    await page.getByLabel('考核组').selectOption({ label: '市场推广组' });
    await page.getByLabel('考核类型').selectOption({ label: '年度考核' });
    await page.getByLabel('年份').selectOption({ label: '2026年' });

    const chart = page.getByRole('img', { name: /2026年各月得分与等级/ });
    await chart.waitFor();
    const list = page.getByRole('list', { name: '2026年各月得分与等级' });
    const items = list.getByRole('listitem');
    await expect(items.count()).resolves.toBe(12);
    const texts = await items.allTextContents();
    for (let m = 1; m <= 12; m++) {
      const t = totals[m];
      expect(texts[m - 1], `${m}月`).toBe(
        t ? `${m}月：${formatNumber(t.r.total)} 分，${t.r.grade.name}（取自月度自评）` : `${m}月：未填`,
      );
    }
    // Drawn: the grade's name on each filled month, 「未填」 on the empty ones.
    const drawn = (await chart.locator('text').allTextContents()).join(' ');
    for (const t of Object.values(totals)) expect(drawn).toContain(t.r.grade.name);
    expect(drawn.match(/未填/g)).toHaveLength(8);

    // A month typed in the annual form is drawn too, graded by the policy.
    await page.getByLabel('4月', { exact: true }).fill('95');
    const top = appraisal.grades.find((g) => 95 >= g.min)!;
    await items
      .nth(3)
      .filter({ hasText: `4月：95 分，${top.name}（手动填写）` })
      .waitFor();
    await expect(chart.locator('text', { hasText: '未填' }).count()).resolves.toBe(7);
    await closeClean(watch);
  });
});

describe('团队考核: members × months', () => {
  /** 张三 Jan–Apr (Feb reviewed and done by the manager), 李四 Feb and Apr; 张三 also in crm in Mar. */
  async function teamState(): Promise<TeamReviewState> {
    const selfs = [
      month('张三', '2026-01', 1.15),
      month('张三', '2026-02', 0.9),
      month('张三', '2026-03', 0.7),
      month('张三', '2026-04', 1),
      month('李四', '2026-02', 0.95),
      month('李四', '2026-04', 0.6, 'promotion', '2'),
      month('张三', '2026-03', 1, 'crm'),
    ];
    const records: Record<string, MemberRecord> = {};
    for (const self of selfs) {
      const person = personKey(self.name);
      const manager = managerReviewFrom(self);
      const rec: MemberRecord = {
        person,
        self,
        fingerprint: await fingerprintOf(self),
        receivedAt: '2026-05-01T08:00:00.000Z',
        manager:
          self.name === '张三' && self.period === '2026-02'
            ? { ...manager, ratings: ratings('1'), done: true }
            : manager,
      };
      records[recordKey(person, self.period, self.group)] = rec;
    }
    return { records, defaultBase: '2000', period: '2026-04', targets: {} };
  }
  const seedOf = (state: TeamReviewState) => ({
    'mh:team-review:team': JSON.stringify({
      v: TEAM_REVIEW_STATE_VERSION,
      savedAt: '2026-05-01T08:00:00.000Z',
      data: state,
    }),
  });

  it('grades as text, each cell named by member, month and grade; a cell opens its record; axe clean', async () => {
    const state = await teamState();
    const grid = yearGrid(deriveTeam(state, { appraisal, bonus }).records.values(), 2026);
    const watch = await openAt('/tools/team-review/', 'team-review', seedOf(state));
    const { page } = watch;
    const table = page.getByRole('table', { name: /2026年各月等级/ });
    await table.waitFor();
    await expect(page.locator('[data-year-grid][data-drawn="2026"]').count()).resolves.toBe(1);
    // Row headers: the members (张三 twice, named with the 考核组).
    const rowHeads = await table.getByRole('rowheader').allTextContents();
    expect(rowHeads).toEqual(grid.rows.map((r) => (r.sharedName ? `${r.name}（${r.group!.name}）` : r.name)));
    expect(await table.getByRole('columnheader').allTextContents()).toEqual(
      expect.arrayContaining(Array.from({ length: 12 }, (_, i) => `${i + 1}月`)),
    );
    for (const row of grid.rows) {
      const who = row.sharedName ? `${row.name}（${row.group!.name}）` : row.name;
      for (const c of row.cells) {
        if (!c.key) continue;
        const by = c.scoredBy === 'manager' ? '上级评定' : '自评，上级未评定';
        // The name is the cell's words with the screen-reader words around them; Chromium puts
        // a space at each boundary, so spaces are not compared.
        const name = loose(`${who} ${c.month}月：${c.grade!.name}，${formatNumber(c.score!)} 分（${by}）`);
        const button = table.getByRole('button', { name });
        await expect(button.count(), `${who} ${c.month}月`).resolves.toBe(1);
        // The grade is written in the cell, not only coloured.
        await expect(button.textContent()).resolves.toContain(c.grade!.name);
      }
    }
    // Empty months: 「—」 on screen, 「无记录」 to a screen reader.
    const empty = grid.rows.flatMap((r) => r.cells).filter((c) => !c.key).length;
    await expect(table.getByRole('cell', { name: '无记录', exact: true }).count()).resolves.toBe(empty);

    // The 自评-scored cell is marked 「自」; the manager's is not.
    const feb = table.getByRole('button', { name: /^张三（市场推广组） 2月/ });
    await expect(feb.locator('[aria-hidden="true"]').count()).resolves.toBe(0);
    const jan = table.getByRole('button', { name: /^张三（市场推广组） 1月/ });
    await expect(jan.locator('[aria-hidden="true"]').textContent()).resolves.toBe('自');

    const axe = await new AxeBuilder({ page }).include('[data-year-grid]').analyze();
    expect(axe.violations).toEqual([]);

    // A cell opens that record (another period than the one shown) and takes the reader there.
    await table.getByRole('button', { name: /^李四 2月/ }).click();
    const heading = page.getByRole('heading', { name: '上级评定：李四 2026年2月' });
    await heading.waitFor();
    await expect(heading.evaluate((h) => document.activeElement === h)).resolves.toBe(true);
    await closeClean(watch);
  });

  it('the grid fits 375 px: it scrolls inside its box, never the page', async () => {
    const state = await teamState();
    const watch = await openAt('/tools/team-review/', 'team-review', seedOf(state));
    const { page } = watch;
    await page.setViewportSize({ width: 375, height: 800 });
    const table = page.getByRole('table', { name: /2026年各月等级/ });
    await table.waitFor();
    const widths = await page.evaluate(() => ({
      page: document.documentElement.scrollWidth,
      view: document.documentElement.clientWidth,
      box: document.querySelector<HTMLElement>('[data-year-grid] .tr-year-scroll')!.scrollWidth,
    }));
    expect(widths.page).toBeLessThanOrEqual(widths.view);
    expect(widths.box).toBeGreaterThan(widths.view);
    await closeClean(watch);
  });

  it('printed on A4 with the team sheet: every grade of the year as text', async () => {
    const state = await teamState();
    const grid = yearGrid(deriveTeam(state, { appraisal, bonus }).records.values(), 2026);
    const tool = new ToolPage(
      await openAt('/tools/team-review/', 'team-review', seedOf(state)),
      'team-review',
    );
    const { page } = tool;
    await page.getByRole('table', { name: /2026年各月等级/ }).waitFor();
    await page.evaluate(`window.print = () => { throw new Error('printed'); }`);
    await page.getByRole('button', { name: '打印 / 存为 PDF' }).click();
    await page.locator('.tr-print-sheet').waitFor({ state: 'attached' });
    await page.locator('.tr-year-sheet').waitFor({ state: 'attached' });
    const text = await pdfText(page);
    const flat = text.replace(/\s+/g, '');
    expect(flat).toContain('2026年各月等级');
    for (const row of grid.rows) {
      const cells = row.cells.map((c) => (c.key ? c.grade!.name : '—'));
      // The row's grades in month order, read across the printed line.
      let at = flat.indexOf(row.name);
      expect(at, row.name).toBeGreaterThanOrEqual(0);
      for (const g of cells) {
        const next = flat.indexOf(g, at);
        expect(next, `${row.name}: ${g}`).toBeGreaterThanOrEqual(0);
        at = next;
      }
    }
    tool.watch.errors.splice(
      0,
      tool.watch.errors.length,
      ...tool.watch.errors.filter((e) => !e.includes('printed')),
    );
    await closeClean(tool.watch);
  });

  it('another year picked in 查看年份 is the year 打印团队汇总 prints', async () => {
    const state = await teamState();
    const dec = month('李四', '2025-12', 0.8);
    const person = personKey(dec.name);
    state.records[recordKey(person, dec.period, dec.group)] = {
      person,
      self: dec,
      fingerprint: await fingerprintOf(dec),
      receivedAt: '2026-05-01T08:00:00.000Z',
      manager: managerReviewFrom(dec),
    };
    const last = yearGrid(deriveTeam(state, { appraisal, bonus }).records.values(), 2025);
    const grade = last.rows.find((r) => r.name === '李四')!.cells[11]!.grade!.name;
    const tool = new ToolPage(await openAt('/tools/team-review/', 'team-review', seedOf(state)), 'team-review');
    const { page } = tool;
    await page.getByLabel('查看年份').selectOption({ label: '2025年' });
    await page.getByRole('table', { name: /2025年各月等级/ }).waitFor();
    await page.evaluate(`window.print = () => { throw new Error('printed'); }`);
    await page.getByRole('button', { name: '打印 / 存为 PDF' }).click();
    await page.locator('.tr-year-sheet').waitFor({ state: 'attached' });
    const flat = (await pdfText(page)).replace(/\s+/g, '');
    expect(flat).toContain('2025年各月等级');
    expect(flat).not.toContain('2026年各月等级');
    // 李四's row: eleven empty months, then December's grade.
    expect(flat.slice(flat.indexOf('2025年各月等级'))).toContain(`${'—'.repeat(11)}${grade}`);
    tool.watch.errors.splice(
      0,
      tool.watch.errors.length,
      ...tool.watch.errors.filter((e) => !e.includes('printed')),
    );
    await closeClean(tool.watch);
  });
});

const esc = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** Matches `text` whole, ignoring where spaces are. */
const loose = (text: string) => new RegExp(`^${[...text.replace(/\s+/g, '')].map(esc).join('\\s*')}$`);

async function pdfText(page: Page): Promise<string> {
  await page.emulateMedia({ media: 'print' });
  const file = join(dir, `year-${Date.now()}.pdf`);
  writeFileSync(file, await page.pdf({ format: 'A4' }));
  await page.emulateMedia({ media: 'screen' });
  return execFileSync('pdftotext', ['-raw', file, '-'], { encoding: 'utf8' });
}
