// 目标下达 in 团队考核 as a manager uses it, by label and role: two members added by name (no 自评 yet),
// the 考核组's target set, one member's adjusted, a 0 target refused beside its field, 全部复制 gives one
// message per member whose link opens that member's 目标; then two 自评 come back, one scored against
// the 目标 set (目标指纹相同) and one against other targets (目标与下达的不同, naming the KPI).
import { readFileSync } from 'node:fs';
import { AxeBuilder } from '@axe-core/playwright';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Locator } from 'playwright-core';
import type { AppraisalPolicy } from '../../src/core/policy-types';
import { TARGET_NOT_POSITIVE } from '../../src/core/scoring';
import { emptyReview, type SelfReviewState } from '../../src/tools/self-review/logic/state';
import { assignedFrom, readTargets, type TargetsReply } from '../../src/tools/self-review/logic/targets';
import { closeClean, launchBrowser, openAtTime } from './support/browser';
import { ToolPage } from './support/tool-page';
import { selfReviewJson } from './support/review-reply';

const appraisal = parse(readFileSync('content/policy/appraisal.yaml', 'utf8')) as AppraisalPolicy;
const crm = appraisal.groups.find((g) => g.id === 'crm')!;
const NOW = new Date('2026-03-02T09:00:00+08:00');
const LEADS = crm.kpis.find((k) => k.id === 'leads')!;
const SATISFACTION = crm.kpis.find((k) => k.id === 'satisfaction')!;

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** A member's March 自评 in 客户关系管理组, scored against `reply`'s targets (or `fingerprint` instead). */
function selfScoredAgainst(name: string, reply: TargetsReply, fingerprint?: string): SelfReviewState {
  const s = emptyReview(appraisal, 'crm', '2026-03', name);
  const assigned = assignedFrom(reply);
  for (const k of crm.kpis) s.kpis[k.id] = { target: assigned.targets[k.id]!, actual: String(k.target), comment: '' };
  for (const item of appraisal.behaviour.items) s.ratings[item.id] = '4';
  s.assigned = fingerprint ? { ...assigned, targets: { ...assigned.targets, [SATISFACTION.id]: '80' }, fingerprint } : assigned;
  return s;
}

describe('目标下达', () => {
  it('group targets, one member adjusted, a 0 refused, 全部复制 per member, then the 自评 checked against them', async () => {
    const watch = await openAtTime(browser, '/tools/team-review/', NOW);
    const tool = new ToolPage(watch, 'team-review');
    await tool.ready();
    const p = watch.page;
    const section = p.getByRole('region', { name: '目标下达' });
    await section.getByRole('button', { name: '下达目标' }).click();
    await expect(section.getByLabel('考核期间').inputValue()).resolves.toBe('2026-03');

    // ---- two members added by name, before any 自评 ----
    for (const name of ['王芳', '李娜']) {
      await section.getByLabel('员工姓名').fill(name);
      await section.getByLabel('考核组').selectOption({ label: crm.name });
      await section.getByRole('button', { name: '添加成员' }).click();
      await section.getByText(`已添加${name}（${crm.name}）`).waitFor();
    }
    const table = section.locator('.tr-targets-table');
    const row = (name: string) => table.locator('tbody tr', { hasText: name });
    await expect.poll(() => row('王芳').locator('td').nth(1).textContent()).toBe('未下达');

    // ---- the group's target, then 王芳's own ----
    const groupBox = section.getByRole('group', { name: `${crm.name} · 组目标` });
    await groupBox.getByLabel(`${LEADS.name} · 目标值`).fill('100');
    await expect.poll(() => row('李娜').locator('td').nth(1).textContent()).toBe('已下达未发送');
    await section.getByText('调整王芳的目标').click();
    const wang = section.getByRole('group', { name: `王芳（${crm.name}）` });
    const wangLeads = wang.getByLabel(`${LEADS.name} · 目标值`);
    await wangLeads.fill('0');
    // Refused beside the field, in the 自评's words (四（一）: the ratio rule divides by the target).
    await expect.poll(() => wangLeads.getAttribute('aria-invalid')).toBe('true');
    await expect(describedText(wangLeads)).resolves.toContain(TARGET_NOT_POSITIVE);
    await wang.getByRole('button', { name: '复制链接（王芳的目标）' }).click();
    await wang.getByRole('alert').filter({ hasText: LEADS.name }).waitFor();
    await wangLeads.fill('120');
    await expect.poll(() => wangLeads.getAttribute('aria-invalid')).toBeNull();
    await wang.getByLabel('当月工作任务').fill('完成 20 次客户回访');

    // ---- 全部复制: one message per member, each link that member's 目标 ----
    await section.getByRole('button', { name: '全部复制' }).click();
    await section.getByText('已复制 2 条消息').waitFor();
    const text = (await p.evaluate('navigator.clipboard.readText()')) as string;
    const messages = text.split('\n\n');
    expect(messages).toHaveLength(2);
    const replies = new Map<string, TargetsReply>();
    for (const message of messages) {
      const m = /^(.+)：2026年3月 客户关系管理组 目标已下达，请打开链接查看：(\S+)$/.exec(message);
      expect(m, message).not.toBeNull();
      const [, name, link] = m!;
      expect(new URL(link!).pathname).toBe('/tools/self-review/');
      const read = await readTargets(link!);
      expect(read.ok, JSON.stringify(read)).toBe(true);
      if (read.ok) replies.set(name!, read.reply);
    }
    const wangTargets = replies.get('王芳')!.payload;
    const liTargets = replies.get('李娜')!.payload;
    expect(wangTargets).toMatchObject({ name: '王芳', group: 'crm', period: '2026-03', tasks: '完成 20 次客户回访' });
    expect(wangTargets.targets[LEADS.id]).toBe('120');
    expect(liTargets.targets[LEADS.id]).toBe('100');
    expect(liTargets.targets[SATISFACTION.id]).toBe(String(SATISFACTION.target));
    await expect.poll(() => row('王芳').locator('td').nth(1).textContent()).toBe('已发送（2026-03-02）');

    // ---- the 自评 come back: one scored against the 目标 set, one against others ----
    await p.getByLabel('选择绩效自评 JSON 文件（可多选）').setInputFiles([
      selfReviewJson(selfScoredAgainst('王芳', replies.get('王芳')!), 'wang.json'),
      selfReviewJson(selfScoredAgainst('李娜', replies.get('李娜')!, '0123456789abcdef'), 'li.json'),
    ]);
    await expect.poll(() => row('王芳').locator('td').nth(2).textContent()).toBe('目标指纹相同');
    await expect.poll(() => row('李娜').locator('td').nth(2).textContent()).toBe(`目标与下达的不同：${SATISFACTION.name}`);
    const axe = await new AxeBuilder({ page: p }).include('.tr-targets-section').analyze();
    expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
    expect(watch.errors).toEqual([]);
    await closeClean(watch);
  });
});

/** The texts the field points to with aria-describedby (its error and hint). */
async function describedText(field: Locator): Promise<string> {
  const ids = (await field.getAttribute('aria-describedby')) ?? '';
  const page = field.page();
  const texts = await Promise.all(ids.split(/\s+/).filter(Boolean).map((id) => page.locator(`[id="${id}"]`).textContent()));
  return texts.join(' ');
}
