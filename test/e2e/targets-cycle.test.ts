// The 考核 from its start, through the pages only (四（二）: the month's tasks and targets come from the
// manager): the manager sets targets for two members in 团队考核 → 全部复制 → each employee opens their
// 目标 link in 绩效自评, takes it (上级下达, locked), scores the month and copies the share link back →
// 团队考核 says 目标指纹相同 for both → the manager changes one member's target → that 自评 now reads
// 目标与下达的不同 → the year at a glance shows March in the grid (a cell opens its record) and in the
// employee's annual chart (April still 未填).
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { AppraisalPolicy } from '../../src/core/policy-types';
import { closeClean, launchBrowser, openAtTime, wakeTools, type PageWatch } from './support/browser';
import { ToolPage, copyFromTool, waitToolSaved } from './support/tool-page';

const appraisal = parse(readFileSync('content/policy/appraisal.yaml', 'utf8')) as AppraisalPolicy;
const crm = appraisal.groups.find((g) => g.id === 'crm')!;
const LEADS = crm.kpis.find((k) => k.id === 'leads')!;
/** The manager sets March's targets on 2 March; the employees score March on 31 March. */
const SET_ON = new Date('2026-03-02T09:00:00+08:00');
const SCORED_ON = new Date('2026-03-31T17:00:00+08:00');

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const kpiBox = (page: Page, name: string) => page.getByRole('group', { name, exact: true });

/** An employee opens their 目标 link, takes it, scores March and copies the 自评's share link back. */
async function employeeScores(link: string, leadsTarget: string): Promise<{ watch: PageWatch; back: string }> {
  const watch = await openAtTime(browser, new URL(link).pathname + new URL(link).hash, SCORED_ON);
  const e = watch.page;
  await wakeTools(e);
  await e.locator('[data-tool="self-review"][data-ready="true"]').waitFor();
  const intake = e.getByRole('region', { name: '上级下达的目标' });
  await intake.getByRole('button', { name: '收下目标' }).click();
  await e.getByText('已收下上级下达的目标').waitFor();
  const target = kpiBox(e, LEADS.name).getByLabel('目标值');
  await expect(target.inputValue()).resolves.toBe(leadsTarget);
  await expect(target.isEditable()).resolves.toBe(false);
  for (const k of crm.kpis) await kpiBox(e, k.name).getByLabel('实际值').fill(String(k.target));
  for (const item of appraisal.behaviour.items) await e.getByLabel(item.name, { exact: true }).selectOption('4');
  await waitToolSaved(e, 'self-review');
  const back = await copyFromTool(e, '复制分享链接');
  expect(back).toMatch(/#z1\.self-review\./);
  return { watch, back };
}

describe('目标下达 → 自评 → 团队考核', () => {
  it('two members: targets set and sent, taken locked, scored, checked by fingerprint, then one changed', async () => {
    // ---- the manager sets March's targets for two members and copies them all ----
    const manager = await openAtTime(browser, '/tools/team-review/', SET_ON);
    const team = new ToolPage(manager, 'team-review');
    await team.ready();
    const m = manager.page;
    const section = m.getByRole('region', { name: '目标下达' });
    await section.getByRole('button', { name: '下达目标' }).click();
    for (const name of ['王芳', '李娜']) {
      await section.getByLabel('员工姓名').fill(name);
      await section.getByLabel('考核组').selectOption({ label: crm.name });
      await section.getByRole('button', { name: '添加成员' }).click();
      await section.getByText(`已添加${name}（${crm.name}）`).waitFor();
    }
    await section.getByRole('group', { name: `${crm.name} · 组目标` }).getByLabel(`${LEADS.name} · 目标值`).fill('100');
    await section.getByText('调整王芳的目标').click();
    const wang = section.getByRole('group', { name: `王芳（${crm.name}）` });
    await wang.getByLabel(`${LEADS.name} · 目标值`).fill('120');
    await wang.getByLabel('当月工作任务').fill('完成 20 次客户回访');
    await section.getByRole('button', { name: '全部复制' }).click();
    await section.getByText('已复制 2 条消息').waitFor();
    const messages = ((await m.evaluate('navigator.clipboard.readText()')) as string).split('\n\n');
    const links = new Map(
      messages.map((text) => {
        const [, name, link] = /^(.+?)：.*：(\S+)$/.exec(text)!;
        return [name!, link!] as const;
      }),
    );
    expect([...links.keys()].sort()).toEqual(['李娜', '王芳']);
    await team.waitSaved();

    // ---- each employee takes their 目标 (locked), scores March and sends the 自评 back ----
    const wangBack = await employeeScores(links.get('王芳')!, '120');
    await wangBack.watch.page.getByText('当月工作任务：完成 20 次客户回访', { exact: true }).waitFor();
    const liBack = await employeeScores(links.get('李娜')!, '100');

    // ---- the manager receives both: scored against what was set ----
    await team.fill('粘贴绩效自评分享链接（每行一个）', `${wangBack.back}\n${liBack.back}`);
    await m.getByRole('button', { name: '载入链接' }).click();
    await m.getByText('新增 2 份，更新 0 份，未变化 0 份，未收下 0 份').waitFor();
    const row = (name: string) => section.locator('.tr-targets-table tbody tr', { hasText: name });
    await expect.poll(() => row('王芳').locator('td').nth(2).textContent()).toBe('目标指纹相同');
    await expect.poll(() => row('李娜').locator('td').nth(2).textContent()).toBe('目标指纹相同');

    // ---- the manager changes 李娜's target after sending: her 自评 no longer matches ----
    await section.getByText('调整李娜的目标').click();
    const li = section.getByRole('group', { name: `李娜（${crm.name}）` });
    await li.getByLabel(`${LEADS.name} · 目标值`).fill('90');
    await expect.poll(() => row('李娜').locator('td').nth(1).textContent()).toBe('已下达未发送');
    await expect.poll(() => row('李娜').locator('td').nth(2).textContent()).toBe(`目标与下达的不同：${LEADS.name}`);
    await expect.poll(() => row('王芳').locator('td').nth(2).textContent()).toBe('目标指纹相同');

    // ---- the year at a glance: March in the manager's grid, and in 王芳's annual chart ----
    const grid = m.getByRole('table', { name: /2026年各月等级/ });
    for (const name of ['王芳', '李娜']) {
      await grid.getByRole('button', { name: new RegExp(`^${name} 3月：`) }).waitFor();
      await expect(grid.getByRole('button', { name: new RegExp(`^${name} 4月`) }).count()).resolves.toBe(0);
    }
    await grid.getByRole('button', { name: /^王芳 3月：/ }).click();
    await m.getByRole('heading', { name: '上级评定：王芳 2026年3月' }).waitFor();

    const e = wangBack.watch.page;
    await e.getByLabel('考核类型').selectOption({ label: '年度考核' });
    await e.getByLabel('年份').selectOption({ label: '2026年' });
    const months = e.getByRole('list', { name: '2026年各月得分与等级' }).getByRole('listitem');
    await expect.poll(() => months.count()).toBe(12);
    await expect(months.nth(2).textContent()).resolves.toMatch(/^3月：\d+(\.\d+)? 分，/);
    await expect(months.nth(3).textContent()).resolves.toBe('4月：未填');

    for (const w of [manager, wangBack.watch, liBack.watch]) expect(w.errors).toEqual([]);
    await closeClean(wangBack.watch);
    await closeClean(liBack.watch);
    await closeClean(manager);
  });
});
