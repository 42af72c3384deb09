// 绩效自评 receiving the 目标 the manager set (四（二）: the month's tasks and targets come from the
// manager): a 目标 link or file is shown with a confirm, then the month's targets read 上级下达 and are
// locked. Bad ones are refused beside the field with the reason, and nothing saved is touched.
// The 目标 are made here by the format's own code (as 团队考核 makes them).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { AppraisalPolicy } from '../../src/core/policy-types';
import {
  encodeTargetsLink,
  makeTargetsReply,
  targetsToJson,
  type TargetsPayload,
} from '../../src/tools/self-review/logic/targets';
import { launchBrowser, openPage, siteUrl, wakeTools, closeClean, type PageWatch } from './support/browser';
import { waitToolSaved } from './support/tool-page';

const appraisal = parse(readFileSync('content/policy/appraisal.yaml', 'utf8')) as AppraisalPolicy;
const PATH = '/tools/self-review/';
/** 15 April 2026: the page opens on 2026年4月. */
const NOW = new Date('2026-04-15T10:00:00+08:00');
/** When the manager set April's 目标. */
const SET_AT = new Date('2026-04-01T09:00:00+08:00');
const ENTRY = 'mh:self-review:crm-2026-04';

const april = (over: Partial<TargetsPayload> = {}): TargetsPayload => ({
  name: '王芳',
  group: 'crm',
  period: '2026-04',
  targets: { satisfaction: '95', leads: '100' },
  tasks: '完成一季度老客户回访',
  ...over,
});

async function targetsHash(payload: TargetsPayload, at = SET_AT): Promise<string> {
  const link = await encodeTargetsLink(await makeTargetsReply(payload, at));
  if (!link.ok) throw new Error(link.error);
  return `#${link.fragment}`;
}

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

async function ready(page: Page) {
  await wakeTools(page);
  await page.locator('[data-tool="self-review"][data-ready="true"]').waitFor();
}

async function open(path = PATH): Promise<PageWatch> {
  const watch = await openPage(browser, path, { timezoneId: 'Asia/Shanghai' });
  await watch.page.clock.setFixedTime(NOW);
  await watch.page.reload();
  await ready(watch.page);
  return watch;
}

const kpiBox = (page: Page, name: string) => page.getByRole('group', { name, exact: true });
const intake = (page: Page) => page.getByRole('region', { name: '上级下达的目标' });
const stored = (page: Page) => page.evaluate(`localStorage.getItem(${JSON.stringify(ENTRY)})`);

/** 王芳's April in 客户关系管理组, saved: name, one actual value and its comment. */
async function savedApril(page: Page) {
  await page.getByLabel('考核组').selectOption({ label: '客户关系管理组' });
  await page.locator('[data-entry="crm-2026-04"]').waitFor();
  await page.getByLabel('员工姓名').fill('王芳');
  await kpiBox(page, '客户满意度').getByLabel('实际值').fill('93');
  await kpiBox(page, '客户满意度').getByLabel('自评说明').fill('回访已完成');
  await waitToolSaved(page, 'self-review');
}

async function takeTargets(page: Page) {
  await intake(page).getByRole('button', { name: '收下目标' }).click();
  await page.getByText('已收下上级下达的目标').waitFor();
  await intake(page).waitFor({ state: 'detached' });
  // Stored: what the tests read back from localStorage is what was taken.
  await page.locator('[data-tool="self-review"][data-dirty="false"]').waitFor();
}

describe('a 目标 link', () => {
  it('is shown with a confirm; then the targets read 上级下达 and are locked, the tasks above the KPIs; reload keeps it', async () => {
    const watch = await open(PATH + (await targetsHash(april())));
    const { page } = watch;
    // The 目标's period and group open under it.
    await page.locator('[data-entry="crm-2026-04"]').waitFor();
    await expect(intake(page).textContent()).resolves.toContain('客户满意度：95%');
    await expect(intake(page).textContent()).resolves.toContain('完成一季度老客户回访');
    await takeTargets(page);

    const target = kpiBox(page, '客户满意度').getByLabel('目标值');
    await expect(target.inputValue()).resolves.toBe('95');
    await expect(target.isEditable()).resolves.toBe(false);
    await kpiBox(page, '客户满意度').getByText('上级下达（2026年4月1日）').waitFor();
    await expect(kpiBox(page, '客户投诉率').getByLabel('目标值').isEditable()).resolves.toBe(true);
    // exact: the print sheet's line goes on with where the targets come from.
    const tasks = page.getByText('当月工作任务：完成一季度老客户回访', { exact: true });
    const heading = page.getByRole('heading', { name: /^业绩指标/ });
    expect((await tasks.boundingBox())!.y).toBeLessThan((await heading.boundingBox())!.y);

    await kpiBox(page, '客户满意度').getByLabel('实际值').fill('93');
    await waitToolSaved(page, 'self-review');
    await page.reload();
    await ready(page);
    await expect(kpiBox(page, '客户满意度').getByLabel('实际值').inputValue()).resolves.toBe('93');
    await expect(kpiBox(page, '客户满意度').getByLabel('目标值').isEditable()).resolves.toBe(false);
    await page.getByText('当月工作任务：完成一季度老客户回访', { exact: true }).waitFor();
    await expect(intake(page).count()).resolves.toBe(0); // taken once, not asked again
    const saved = JSON.parse((await stored(page)) as string);
    expect(saved.data.assigned.targets).toEqual({ satisfaction: '95', leads: '100' });

    // Printed: the 绩效自评表 as an A4 PDF shows the tasks line and where the targets come from.
    const file = join(mkdtempSync(join(tmpdir(), 'targets-')), 'sheet.pdf');
    await page.emulateMedia({ media: 'print' });
    writeFileSync(file, await page.pdf({ format: 'A4' }));
    const text = execFileSync('pdftotext', ['-raw', file, '-'], { encoding: 'utf8' });
    expect(text).toContain('当月工作任务：完成一季度老客户回访');
    expect(text).toContain('目标由上级下达（2026年4月1日）');
    await closeClean(watch);
  });

  it('kept fields stay; a second 目标 shows what changes; a new link in the tab replaces the one shown', async () => {
    const watch = await open();
    const { page } = watch;
    await savedApril(page);
    const first = await targetsHash(april());
    const second = await targetsHash(april({ targets: { satisfaction: '92', leads: '100' }, tasks: '完成回访并整理投诉记录' }));
    await page.evaluate(`location.hash = ${JSON.stringify(first)}`);
    await intake(page).getByText('客户满意度：95%').waitFor();
    // Another link in the same tab: the first is no longer shown.
    await page.evaluate(`location.hash = ${JSON.stringify(second)}`);
    await intake(page).getByText('客户满意度：92%').waitFor();
    await expect(intake(page).getByText('客户满意度：95%').count()).resolves.toBe(0);
    await takeTargets(page);
    await expect(kpiBox(page, '客户满意度').getByLabel('实际值').inputValue()).resolves.toBe('93');
    await expect(kpiBox(page, '客户满意度').getByLabel('自评说明').inputValue()).resolves.toBe('回访已完成');
    await expect(page.getByLabel('员工姓名').inputValue()).resolves.toBe('王芳');

    // The first again: a change, listed before anything is replaced.
    await page.evaluate(`location.hash = ${JSON.stringify(first)}`);
    await intake(page).getByText('客户满意度 目标值：92 → 95').waitFor();
    await intake(page).getByText('当月工作任务：完成回访并整理投诉记录 → 完成一季度老客户回访').waitFor();
    const before = await stored(page);
    await intake(page).getByRole('button', { name: '不收下' }).click();
    await intake(page).waitFor({ state: 'detached' });
    expect(await stored(page)).toBe(before);
    await expect(kpiBox(page, '客户满意度').getByLabel('目标值').inputValue()).resolves.toBe('92');

    // The one already taken: nothing to confirm, nothing changed.
    await page.evaluate(`location.hash = ${JSON.stringify(second)}`);
    await page.getByText('与已收到的目标相同，未改动').waitFor();
    expect(await stored(page)).toBe(before);
    await closeClean(watch);
  });

  it('a 目标 for another month opens that month; a 目标 naming someone else shows both names', async () => {
    const watch = await open();
    const { page } = watch;
    await savedApril(page);
    await page.evaluate(`location.hash = ${JSON.stringify(await targetsHash(april({ name: '李娜' })))}`);
    await intake(page).getByText('目标写给「李娜」，本机这份自评的姓名是「王芳」').waitFor();
    await intake(page).getByRole('button', { name: '不收下' }).click();
    await page.evaluate(`location.hash = ${JSON.stringify(await targetsHash(april({ period: '2026-03' })))}`);
    await page.locator('[data-entry="crm-2026-03"]').waitFor();
    await expect(page.getByLabel('月份').inputValue()).resolves.toBe('3');
    await expect(intake(page).textContent()).resolves.toContain('客户关系管理组 2026年3月');
    await closeClean(watch);
  });

  it('a 目标 JSON file goes through 收到上级的链接或文件？', async () => {
    const watch = await open();
    const { page } = watch;
    await page.getByText('收到上级的链接或文件？').click();
    await page.getByLabel('导入回复 JSON 文件').setInputFiles({
      name: 'targets.json',
      mimeType: 'application/json',
      buffer: Buffer.from(targetsToJson(await makeTargetsReply(april(), SET_AT))),
    });
    await intake(page).getByText('客户满意度：95%').waitFor();
    await takeTargets(page);
    await expect(kpiBox(page, '客户满意度').getByLabel('目标值').isEditable()).resolves.toBe(false);
    await closeClean(watch);
  });

  it('without a 目标 the targets are the defaults and editable, as before', async () => {
    const watch = await open();
    const { page } = watch;
    const target = kpiBox(page, '活动参与人数').getByLabel('目标值');
    await expect(target.isEditable()).resolves.toBe(true);
    await kpiBox(page, '活动参与人数').getByText(/上级另行下达目标时请改为下达的数值/).waitFor();
    await expect(page.getByText(/^当月工作任务：/).count()).resolves.toBe(0);
    await closeClean(watch);
  });
});

describe('bad 目标 are refused beside the field, and the saved entry is untouched', () => {
  const cases: [string, () => Promise<string>, string][] = [
    ['cut off', async () => (await targetsHash(april())).slice(0, -12), '链接'],
    [
      'edited (one character changed)',
      async () => {
        const h = await targetsHash(april());
        const i = Math.floor(h.length / 2);
        return h.slice(0, i) + (h[i] === 'A' ? 'B' : 'A') + h.slice(i + 1);
      },
      '',
    ],
    ['of another tool (an 入职清单 share link)', async () => '#v1.onboarding.e30', '这是入职清单的分享链接'],
    ['a 预算申请单 reply', async () => '#r1.budget-request.e30', '这是预算申请单的审批回复链接'],
    [
      'with a KPI of another group',
      () => targetsHash(april({ targets: { participants: '500' } })),
      '活动参与人数不是客户关系管理组的指标',
    ],
    ['with a target of 0', () => targetsHash(april({ targets: { leads: '0' } })), '潜在客户开发数量 · 目标值：'],
  ];
  it.each(cases)('%s', async (_, make, reason) => {
    const watch = await open();
    const { page } = watch;
    await savedApril(page);
    const before = await stored(page);
    await page.getByText('收到上级的链接或文件？').click();
    await page.getByLabel('粘贴回复链接').fill(siteUrl(PATH) + (await make()));
    await page.getByRole('button', { name: '打开回复' }).click();
    const refused = page.getByRole('alert').filter({ hasText: '无法打开上级发来的链接或文件：' });
    await refused.waitFor();
    await expect(refused.textContent()).resolves.toContain(reason);
    await expect(intake(page).count()).resolves.toBe(0);
    expect(await stored(page)).toBe(before);
    await expect(kpiBox(page, '客户满意度').getByLabel('目标值').isEditable()).resolves.toBe(true);
    await closeClean(watch);
  });
});
