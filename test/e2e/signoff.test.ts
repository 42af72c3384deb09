// 入职签收 (五（一）1) as the people use it, by role and label: two new hires send their 签收 from
// 入职清单 (one started long enough ago that first-month items are overdue); the 市场经理 collects
// them on 新员工签收 by pasted links, a file and an opened link; a late copy says older, a bad line
// says why; the table marks versions and puts the overdue one first; CSV, text, print, removal.
// Expected items come from content/policy/*.yaml, not written down here.
import { readFileSync } from 'node:fs';
import { AxeBuilder } from '@axe-core/playwright';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { parseCsv } from '../../src/core/csv';
import { makeReply, replyToJson } from '../../src/core/reply';
import { buildPolicyFingerprint } from '../../src/policy/fingerprint';
import {
  editionFingerprint,
  SIGNOFF_REPLY_KIND,
  type SignoffPayload,
} from '../../src/tools/onboarding/logic/signoff';
import { launchBrowser, type PageWatch, closeClean, openAtTime } from './support/browser';
import { ToolPage, copyFromTool } from './support/tool-page';

const onboarding = parse(readFileSync('content/policy/onboarding.yaml', 'utf8')) as {
  phases: { id: string; name: string; dueDay: number }[];
  items: { id: string; title: string; phase: string; roles: 'all' | string[] }[];
};
const groups = (
  parse(readFileSync('content/policy/appraisal.yaml', 'utf8')) as { groups: { id: string; name: string }[] }
).groups;
const meta = parse(readFileSync('content/policy/meta.yaml', 'utf8')) as { version: string };
const roleName = (id: string) => groups.find((g) => g.id === id)!.name;
const itemsOf = (role: string, ...phases: string[]) =>
  onboarding.items.filter(
    (it) => (it.roles === 'all' || it.roles.includes(role)) && phases.includes(it.phase),
  );
const FINGERPRINT = buildPolicyFingerprint();
const LINK = /\/tools\/signoffs\/#[qr]1\.onboarding\./;
const PASTE = '粘贴签收链接或签收文件内容（每行一个链接）';
const FILES = '选择签收文件（.json，可多选）';
const at = (time: string) => new Date(`2026-05-20T${time}:00+08:00`);

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** A page of `path` with the clock fixed at `time` on 2026-05-20 (Shanghai) and the clipboard allowed. */
const openAt = (path: string, time: string): Promise<PageWatch> => openAtTime(browser, path, at(time));

async function newHire(time: string): Promise<PageWatch> {
  const watch = await openAt('/tools/onboarding/', time);
  await new ToolPage(watch, 'onboarding').ready();
  await expect.poll(() => watch.page.getByLabel('姓名', { exact: true }).isEditable()).toBe(true);
  return watch;
}

async function fillProfile(page: Page, name: string, role: string, start: string, mentor = '') {
  await page.getByLabel('姓名', { exact: true }).fill(name);
  await page.getByLabel('岗位', { exact: true }).selectOption({ label: roleName(role) });
  await page.getByLabel('入职日期').fill(start);
  if (mentor) await page.getByLabel('导师', { exact: true }).fill(mentor);
}

async function tick(page: Page, items: readonly { title: string }[]) {
  for (const it of items) await page.getByRole('checkbox', { name: it.title }).check();
}

/** Clicks 复制签收链接 and reads the link once the page says it was copied. */
async function copySignoff(page: Page): Promise<string> {
  const status = page.locator('.ob-send [role="status"]');
  await page.getByRole('button', { name: '复制签收链接' }).click();
  await expect.poll(() => status.textContent()).toContain('已复制签收链接');
  const link = (await page.evaluate('navigator.clipboard.readText()')) as string;
  await expect(page.getByLabel('签收链接（发给市场经理或导师）').inputValue()).resolves.toBe(link);
  return link;
}

/** A 签收 of an older policy edition, as a file made elsewhere (not overdue: day-one items done). */
async function oldEditionFile(): Promise<{ name: string; mimeType: string; buffer: Buffer }> {
  const edition = { version: '0.9', fingerprint: 'abcdef123456' };
  const done = Object.fromEntries(itemsOf('analytics', 'day1').map((it) => [it.id, '2026-05-15']));
  const total = onboarding.items.filter((it) => it.roles === 'all' || it.roles.includes('analytics')).length;
  const payload: SignoffPayload = {
    name: '赵小刚',
    role: 'analytics',
    roleName: roleName('analytics'),
    mentor: '',
    startDate: '2026-05-15',
    policyVersion: edition.version,
    policyFingerprint: edition.fingerprint,
    date: '2026-05-16',
    done,
    progress: { done: Object.keys(done).length, total, overdue: [] },
  };
  const reply = makeReply(
    { tool: 'onboarding', answers: await editionFingerprint(edition), kind: SIGNOFF_REPLY_KIND, payload },
    new Date('2026-05-16T09:00:00+08:00'),
  );
  return { name: '赵小刚.json', mimeType: 'application/json', buffer: Buffer.from(replyToJson(reply)) };
}

const rowNames = (page: Page) =>
  page
    .locator('.so-table tbody th')
    .evaluateAll((ths) => ths.map((th) => th.firstChild?.textContent?.trim() ?? ''));
const row = (page: Page, name: string) => page.locator('.so-table tbody', { hasText: name });
const result = (page: Page, text: string) => page.locator('.so-results li', { hasText: text });

describe('入职签收', () => {
  it('two new hires send 签收; the manager collects them, the overdue one first; CSV, text, print, remove', async () => {
    // ---- 王小明, started two days ago: what is missing shows beside its line when he asks ----
    const a = await newHire('10:00');
    const pa = a.page;
    // He scrolls down to 发送签收 (its form loads as it nears the screen) and asks at once.
    await pa.getByRole('region', { name: '发送签收' }).scrollIntoViewIfNeeded();
    await pa.getByRole('button', { name: '复制签收链接' }).click();
    await pa.getByRole('alert').filter({ hasText: '还不能发送签收' }).waitFor();
    const send = pa.getByRole('region', { name: '发送签收' });
    await expect(send.getByText('请填写姓名后再发送签收').isVisible()).resolves.toBe(true);
    await expect(send.getByText('请选择岗位后再发送签收').isVisible()).resolves.toBe(true);
    await expect(send.getByText('纸质制度签收单才是正式记录').isVisible()).resolves.toBe(true);
    await pa.getByRole('button', { name: '去填写姓名' }).click();
    await expect(pa.evaluate('document.activeElement.id')).resolves.toBe('ob-name');
    await fillProfile(pa, '王小明', 'promotion', '2026-05-18');
    await expect.poll(() => send.getByText('请填写姓名后再发送签收').count()).toBe(0);
    await tick(pa, itemsOf('promotion', 'day1'));
    await expect(send.textContent()).resolves.toContain(FINGERPRINT);
    await expect(send.textContent()).resolves.toContain('2026-05-20（未填写，按今天）');
    const link1 = await copySignoff(pa);
    expect(link1).toMatch(LINK);
    // An hour later he ticks one more item and sends again (a newer 签收), also as a file.
    await pa.clock.setFixedTime(at('11:00'));
    await tick(pa, itemsOf('promotion', 'week1').slice(0, 1));
    await pa.getByText('之前复制的签收链接不再是最新的').waitFor();
    const link2 = await copySignoff(pa);
    expect(link2).not.toBe(link1);
    const file2 = await new ToolPage(a, 'onboarding').download('下载签收文件');
    expect(file2.name).toBe('签收-王小明-2026-05-20.json');
    const axeA = await new AxeBuilder({ page: pa }).include('.ob-send').analyze();
    expect(axeA.violations.map((v) => v.id)).toEqual([]);
    await closeClean(a);

    // ---- 李小红, started 2026-04-01: day-one and first-week items done, first-month ones not ----
    const b = await newHire('10:00');
    const pb = b.page;
    await fillProfile(pb, '李小红', 'crm', '2026-04-01', '陈导师');
    await tick(pb, itemsOf('crm', 'day1', 'week1'));
    const lateItems = itemsOf('crm', 'month1');
    expect(lateItems.length).toBeGreaterThan(0);
    await expect(pb.getByRole('region', { name: '发送签收' }).textContent()).resolves.toContain(
      `逾期 ${lateItems.length} 项`,
    );
    const linkB = await copySignoff(pb);
    await closeClean(b);

    // ---- the manager: two links, a line that is no link, a damaged link ----
    const m = await openAt('/tools/signoffs/', '12:00');
    const manager = new ToolPage(m, 'signoffs');
    await manager.ready();
    const pm = m.page;
    await expect(pm.getByText('纸质制度签收单才是正式记录').isVisible()).resolves.toBe(true);
    await manager.fill(PASTE, [link1, linkB, '不是链接', linkB.slice(0, -20)].join('\n'));
    await pm.getByRole('button', { name: '收进列表' }).click();
    await pm.getByText('收进 2 份，未收下 2 份').waitFor();
    await expect(result(pm, '第 1 行').textContent()).resolves.toBe('第 1 行：已加入「王小明」的签收');
    await expect(result(pm, '第 2 行').textContent()).resolves.toBe('第 2 行：已加入「李小红」的签收');
    for (const line of ['第 3 行', '第 4 行'])
      await expect(result(pm, line).textContent()).resolves.toMatch(new RegExp(`^${line}：无法读取，.{4,}`));
    await pm.getByRole('alert').filter({ hasText: '有 2 份没有收下' }).waitFor();
    // The pasted lines stay when some failed, so the manager can fix them.
    await expect(manager.field(PASTE).inputValue()).resolves.toContain('不是链接');

    // ---- a file of an older edition; the newer 签收 opened as a link; the late copy; the same file ----
    await pm.getByLabel(FILES).setInputFiles([await oldEditionFile()]);
    await result(pm, '赵小刚.json：已加入「赵小刚」的签收').waitFor();
    await pm.goto(link2);
    await result(pm, '打开的链接：已更新「王小明」的签收').waitFor();
    await expect.poll(() => pm.url()).not.toContain('#');
    await manager.fill(PASTE, link1);
    await pm.getByRole('button', { name: '收进列表' }).click();
    await result(pm, '第 1 行：「王小明」已有更新的签收，这一份较早，未采用').waitFor();
    await pm
      .getByLabel(FILES)
      .setInputFiles([{ name: file2.name, mimeType: 'application/json', buffer: Buffer.from(file2.text) }]);
    await result(pm, `${file2.name}：「王小明」的签收已在列表中，没有变化`).waitFor();
    await manager.waitSaved();

    // ---- the table: behind first, then the other version, then the current one ----
    await expect(rowNames(pm)).resolves.toEqual(['李小红', '赵小刚', '王小明']);
    const late = row(pm, '李小红');
    await expect(late.getAttribute('class')).resolves.toContain('so-behind');
    await expect(late.textContent()).resolves.toContain(`逾期 ${lateItems.length} 项`);
    for (const it of lateItems) await expect(late.textContent()).resolves.toContain(it.title);
    await expect(late.textContent()).resolves.toContain(`期限 2026-05-01`); // 2026-04-01 + 30 days
    await expect(late.textContent()).resolves.toContain(`当前版本 ${meta.version}`);
    const old = row(pm, '赵小刚');
    await expect(old.textContent()).resolves.toContain('须重新签收');
    await expect(old.textContent()).resolves.toContain('旧版本 0.9');
    const wang = row(pm, '王小明');
    await expect(wang.textContent()).resolves.toContain(`当前版本 ${meta.version}`);
    const wangDone = itemsOf('promotion', 'day1').length + 1;
    const wangTotal = itemsOf('promotion', ...onboarding.phases.map((p) => p.id)).length;
    await expect(wang.textContent()).resolves.toContain(`${wangDone}/${wangTotal} 项`);
    await expect(wang.textContent()).resolves.not.toContain('逾期');
    await expect(
      pm.getByText('共 3 人：当前版本 2 人，须重新签收 1 人，有逾期事项 1 人').isVisible(),
    ).resolves.toBe(true);

    // ---- CSV in the page's order, text, print ----
    const csv = await manager.download('下载 CSV');
    expect(csv.name).toBe('新员工签收-2026-05-20.csv');
    const rows = parseCsv(csv.text);
    const col = (name: string) => rows[0]!.indexOf(name);
    expect(rows[0]).toEqual(expect.arrayContaining(['姓名', '岗位', '制度版本', '文本指纹', '逾期事项数']));
    expect(rows.slice(1).map((r) => r[0])).toEqual(['李小红', '赵小刚', '王小明']);
    expect(rows[1]![col('逾期事项数')]).toBe(String(lateItems.length));
    expect(rows[1]![col('导师')]).toBe('陈导师');
    expect(rows[1]![col('入职日期')]).toBe('2026-04-01');
    expect(rows[1]![col('逾期事项')]).toContain(`${lateItems[0]!.title}（2026-05-01）`);
    // Text constants, so a spreadsheet keeps 0.9 and the fingerprint's zeros (core/csv.ts csvText).
    expect(rows[2]![col('制度版本')]).toBe('="0.9"');
    expect(rows[3]![col('文本指纹')]).toBe(`="${FINGERPRINT}"`);
    expect(rows[3]![col('逾期事项数')]).toBe('0');
    const text = await manager.copyText();
    expect(text).toContain('共 3 人：当前版本 2 人，须重新签收 1 人，有逾期事项 1 人');
    expect(text).toContain('纸质制度签收单才是正式记录');
    await pm.evaluate('window.print = () => { window.__printed = true; }');
    await pm.getByRole('button', { name: '打印 / 存为 PDF' }).click();
    await expect.poll(() => pm.evaluate('window.__printed')).toBe(true);
    await pm.emulateMedia({ media: 'print' });
    await expect(pm.locator('.so-receive').isVisible()).resolves.toBe(false);
    await expect(pm.locator('.so-table').isVisible()).resolves.toBe(true);
    await pm.emulateMedia({ media: 'screen' });

    // ---- remove a row (asked once), kept after a reload ----
    await pm.getByRole('button', { name: '删除…（「赵小刚」的签收）' }).click();
    await pm.getByRole('button', { name: '确认删除' }).click();
    await pm.getByText('已删除「赵小刚」的签收').first().waitFor();
    await manager.waitSaved();
    await pm.reload();
    await manager.ready();
    await expect(rowNames(pm)).resolves.toEqual(['李小红', '王小明']);
    await closeClean(m);
  });

  it('an 入职清单 share link pasted here says what it is and opens the 入职清单 from its link', async () => {
    // The new hire copies the checklist's share link (not the 签收 link) and sends that by mistake.
    const hire = await newHire('09:00');
    await fillProfile(hire.page, '孙小梅', 'crm', '2026-05-18');
    await new ToolPage(hire, 'onboarding').waitSaved();
    const share = await copyFromTool(hire.page, '复制分享链接');
    expect(share).toMatch(/\/tools\/onboarding\/#[vz]\d+\.onboarding\./);
    await closeClean(hire);

    const manager = await ToolPage.open(browser, 'signoffs');
    const { page } = manager;
    await page.getByLabel(PASTE).fill(`${share} 谢谢`);
    await page.getByRole('button', { name: '收进列表' }).click();
    const line = result(page, '第 1 行');
    await line.waitFor();
    await expect(line.textContent()).resolves.toContain(
      '这是入职清单的分享链接，请在浏览器中直接打开：它会打开入职清单',
    );
    await expect(line.textContent()).resolves.not.toContain('已损坏');
    const open = line.getByRole('link', { name: '打开入职清单' });
    await expect(open.getAttribute('href')).resolves.toBe(
      new URL(share).pathname + new URL(share).hash,
    );
    await open.click();
    await page.waitForURL(/\/tools\/onboarding\/#/);
    await new ToolPage(manager.watch, 'onboarding').ready();
    await expect(page.getByLabel('姓名', { exact: true }).inputValue()).resolves.toBe('孙小梅');
    await closeClean(manager.watch);
  });

  it('the list passes axe in light and dark and does not scroll sideways at 375 px', async () => {
    const m = await openAt('/tools/signoffs/', '12:00');
    const manager = new ToolPage(m, 'signoffs');
    await manager.ready();
    const pm = m.page;
    await pm
      .getByLabel(FILES)
      .setInputFiles([
        await oldEditionFile(),
        { name: 'bad.json', mimeType: 'application/json', buffer: Buffer.from('{ 不是 JSON') },
      ]);
    await result(pm, 'bad.json：无法读取').waitFor();
    for (const theme of ['light', 'dark']) {
      await pm.evaluate(`document.documentElement.dataset.theme = '${theme}'`);
      const axe = await new AxeBuilder({ page: pm }).analyze();
      expect(
        axe.violations.map((v) => `${theme} ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
      ).toEqual([]);
    }
    await pm.setViewportSize({ width: 375, height: 800 });
    await expect(pm.evaluate('document.documentElement.scrollWidth')).resolves.toBeLessThanOrEqual(375);
    if (process.env.SIGNOFF_SHOT) await pm.screenshot({ path: process.env.SIGNOFF_SHOT, fullPage: true });
    await closeClean(m);
  });
});
