// 团队考核 as the two people use it, by label and role: the employee fills 绩效自评 and sends the
// link; the manager receives it (and a second member's JSON file), reviews, sees the team, exports
// CSV, prints the 绩效考核表 and replies; the employee opens the reply beside their own scores.
// Expected numbers come from the logic and content/policy/*.yaml, not written down here.
import { readFileSync } from 'node:fs';
import { AxeBuilder } from '@axe-core/playwright';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Locator, Page, Response } from 'playwright-core';
import { estimateBonus } from '../../src/core/bonus';
import { TARGET_NOT_POSITIVE } from '../../src/core/scoring';
import { parseCsv } from '../../src/core/csv';
import { formatNumber } from '../../src/core/format';
import { toJsonFile } from '../../src/core/json-file';
import { encodeShareCompressed } from '../../src/core/share-link';
import { fingerprintOf } from '../../src/core/fingerprint';
import { managerReviewFrom } from '../../src/tools/team-review/logic/state';
import { formatYuan, type Fen } from '../../src/core/money';
import type { AppraisalPolicy, BonusPolicy } from '../../src/core/policy-types';
import { selfReviewResult } from '../../src/tools/self-review/logic/derive';
import {
  SELF_REVIEW_STATE_VERSION,
  emptyReview,
  type SelfReviewState,
} from '../../src/tools/self-review/logic/state';
import { launchBrowser, openPage, siteUrl, closeClean } from './support/browser';
import { ToolPage, copyFromTool } from './support/tool-page';
import { valueAt } from './support/list-fixtures';
import { NOTE, NOTED_KPI, reviewReplyLink, selfReviewJson, wangfang } from './support/review-reply';

const appraisal = parse(readFileSync('content/policy/appraisal.yaml', 'utf8')) as AppraisalPolicy;
const bonus = parse(readFileSync('content/policy/bonus.yaml', 'utf8')) as BonusPolicy;
const NOW = new Date('2026-04-15T10:00:00+08:00');
const group = (id: string) => appraisal.groups.find((g) => g.id === id)!;

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** 张三's 自评 as the test types it (targets as the form prefills them). */
const RATINGS = ['4', '4', '3', '4', '5'] as const;
function zhangsan(): SelfReviewState {
  const s = emptyReview(appraisal, 'promotion', '2026-03', '张三');
  for (const k of group('promotion').kpis) s.kpis[k.id]!.actual = valueAt(k, 0.9);
  appraisal.behaviour.items.forEach((item, i) => (s.ratings[item.id] = RATINGS[i]!));
  return s;
}
/** The second member, sent as a file; the name would be a formula in Excel. */
const EVIL = '=李四+1';
function lisi(): SelfReviewState {
  const s = emptyReview(appraisal, 'crm', '2026-03', EVIL);
  for (const k of group('crm').kpis) s.kpis[k.id]!.actual = valueAt(k, 1.2);
  for (const item of appraisal.behaviour.items) s.ratings[item.id] = '5';
  s.summary = '客户转化超出目标。';
  return s;
}
const kpiBox = (page: Page, name: string) => page.getByRole('group', { name, exact: true });
const cellOf = async (page: Page, name: string, column: number) =>
  (
    await page.locator('.tr-team-table tbody tr', { hasText: name }).locator('td').nth(column).textContent()
  )?.trim();

describe('团队考核', () => {
  it('employee → link → manager review, team view, CSV, print → reply → the employee sees it', async () => {
    // ---- the employee fills 绩效自评 and copies the share link ----
    const employee = await openPage(browser, '/tools/self-review/', { timezoneId: 'Asia/Shanghai' });
    const e = employee.page;
    await employee.context.grantPermissions(['clipboard-read', 'clipboard-write'], {
      origin: new URL(siteUrl()).origin,
    });
    await e.clock.setFixedTime(NOW);
    await e.reload();
    const self = new ToolPage(employee, 'self-review');
    await self.ready();
    const mine = zhangsan();
    await e.getByLabel('员工姓名').fill(mine.name);
    await e.getByLabel('考核组').selectOption({ label: '市场推广组' });
    await e.getByLabel('月份').selectOption({ label: '3月' });
    for (const k of group('promotion').kpis)
      await kpiBox(e, k.name).getByLabel('实际值').fill(mine.kpis[k.id]!.actual);
    for (const [i, item] of appraisal.behaviour.items.entries()) {
      await e.getByLabel(item.name, { exact: true }).selectOption(RATINGS[i]!);
    }
    await self.waitSaved();
    const link = await copyFromTool(e, '复制分享链接');
    expect(link).toMatch(/#z1\.self-review\./);

    // ---- the manager receives the link (and a bad line) ----
    const manager = await ToolPage.open(browser, 'team-review');
    const m = manager.page;
    await expect(m.getByText('签字的绩效考核表才是考核记录').first().isVisible()).resolves.toBe(true);
    await manager.fill('粘贴绩效自评分享链接（每行一个）', `${link}\n不是链接`);
    await m.getByRole('button', { name: '载入链接' }).click();
    await m.getByText('新增 1 份，更新 0 份，未变化 0 份，未收下 1 份').waitFor();
    await expect(m.getByRole('alert').filter({ hasText: '第 2 行：' }).isVisible()).resolves.toBe(true);

    // ---- a second member from a JSON file, a bad file beside it ----
    const other = lisi();
    const otherResult = selfReviewResult(other, appraisal)!;
    expect(otherResult.grade?.id).toBe('excellent'); // so that 优秀 is over its recommended share
    await m.getByLabel('选择绩效自评 JSON 文件（可多选）').setInputFiles([
      {
        name: 'lisi.json',
        mimeType: 'application/json',
        buffer: Buffer.from(toJsonFile('self-review', SELF_REVIEW_STATE_VERSION, other)),
      },
      { name: 'bad.json', mimeType: 'application/json', buffer: Buffer.from('{ 不是 JSON') },
    ]);
    await m.getByRole('alert').filter({ hasText: 'bad.json：' }).waitFor();
    await expect(m.getByText('新增 1 份，更新 0 份，未变化 0 份，未收下 1 份').isVisible()).resolves.toBe(true);
    // The same link again updates nothing and never doubles the member.
    await manager.fill('粘贴绩效自评分享链接（每行一个）', link);
    await m.getByRole('button', { name: '载入链接' }).click();
    await m.getByText('新增 0 份，更新 0 份，未变化 1 份，未收下 0 份').waitFor();
    await expect(m.locator('.tr-members li').count()).resolves.toBe(2);
    await manager.waitSaved();

    // ---- 上级评定 of 张三: one actual corrected, one rating, comment, done ----
    await m.getByRole('button', { name: '评定张三 2026年3月' }).click();
    await m.getByRole('heading', { name: '上级评定：张三 2026年3月' }).waitFor();
    const corrected = group('promotion').kpis[0]!;
    const box = kpiBox(m, corrected.name);
    await expect(box.getByLabel('实际值（上级）').inputValue()).resolves.toBe(
      mine.kpis[corrected.id]!.actual,
    );
    await expect(box.getByText('已调整').count()).resolves.toBe(0);
    const newActual = valueAt(corrected, 0.5);
    await box.getByLabel('实际值（上级）').fill(newActual);
    await box.getByText('已调整').first().waitFor();
    const item = appraisal.behaviour.items[0]!;
    await m.getByLabel(item.name, { exact: true }).selectOption('1');
    await m.getByLabel('上级评语').fill('活动人数以报名表为准');
    await m.getByLabel('评定完成').check();
    // A target of 0 is refused beside its field, in Chinese.
    await box.getByLabel('目标值（上级）').fill('0');
    await expect(box.locator('.tool-error').textContent()).resolves.toBe(TARGET_NOT_POSITIVE);
    await box.getByLabel('目标值（上级）').fill(mine.kpis[corrected.id]!.target);

    // The 上级评定 is scored by the same rule as 绩效自评.
    const assessed: SelfReviewState = {
      ...mine,
      kpis: { ...mine.kpis, [corrected.id]: { ...mine.kpis[corrected.id]!, actual: newActual } },
      ratings: { ...mine.ratings, [item.id]: '1' },
    };
    const want = selfReviewResult(assessed, appraisal)!;
    const compare = m.getByRole('region', { name: /^自评与上级评定对比/ });
    const totalRow = compare.getByRole('row', { name: /^月度总分/ });
    await expect(totalRow.textContent()).resolves.toContain(formatNumber(want.total!));
    await expect(totalRow.textContent()).resolves.toContain('已调整');
    await expect(
      compare.getByRole('row', { name: new RegExp(`^${item.name}`) }).textContent(),
    ).resolves.toContain('已调整');

    // ---- team view: bonus from the default base, sort, distribution, pool ----
    await manager.fill('团队默认月度奖金基数', '¥2,000');
    const bonusOf = (score: number) =>
      estimateBonus({
        baseFen: 200000 as Fen,
        score,
        curve: bonus.curve,
        maxCoefficient: bonus.maxCoefficient,
        period: { kind: 'month' },
      }).bonusFen;
    await expect.poll(() => cellOf(m, '张三', 4)).toBe(formatYuan(bonusOf(want.total!)));
    await expect(cellOf(m, '张三', 2)).resolves.toBe(formatNumber(want.total!));
    await expect(cellOf(m, EVIL, 4)).resolves.toBe(formatYuan(bonusOf(otherResult.total!)));
    const header = m.locator('.tr-team-table th', { hasText: '上级评定得分' });
    await m.getByRole('button', { name: /^上级评定得分/ }).focus();
    await m.keyboard.press('Enter');
    await expect(header.getAttribute('aria-sort')).resolves.toBe('ascending');
    const names = () => m.locator('.tr-team-table tbody th').allTextContents();
    const ascending = want.total! <= otherResult.total! ? ['张三', EVIL] : [EVIL, '张三'];
    await expect(names()).resolves.toEqual(ascending);
    await m.keyboard.press('Enter');
    await expect(header.getAttribute('aria-sort')).resolves.toBe('descending');
    await expect(names()).resolves.toEqual([...ascending].reverse());
    await expect(m.getByText('优秀的比例超出建议分布').isVisible()).resolves.toBe(true);
    const excellent = m.locator('.tr-distribution tbody tr', { hasText: '优秀' });
    await expect(excellent.textContent()).resolves.toContain('50%');
    await expect(excellent.textContent()).resolves.toContain('超出建议');
    await expect(
      m
        .getByText(`合计 ${formatYuan((bonusOf(want.total!) + bonusOf(otherResult.total!)) as Fen)}`)
        .isVisible(),
    ).resolves.toBe(true);
    // Candidates: each line names its rule and clause once, then each member with only why.
    const candidateLines = await m.locator('.tr-candidates li').allTextContents();
    expect(candidateLines.length).toBeGreaterThan(0);
    for (const line of candidateLines) {
      const rule = line.slice(0, line.indexOf('（'));
      expect(line.split(rule).length - 1, line).toBe(1);
    }
    await manager.waitSaved();

    // ---- CSV for HR: BOM, the members, the formula-like name neutralized ----
    const csv = await manager.download('下载 CSV');
    expect(csv.name).toBe('团队考核-2026-03.csv');
    expect(csv.text.charCodeAt(0)).toBe(0xfeff);
    const rows = parseCsv(csv.text);
    expect(rows[0]?.slice(0, 3)).toEqual(['姓名', '考核组', '考核期间']);
    expect(rows.map((r) => r[0])).toEqual(expect.arrayContaining(['张三', `'${EVIL}`]));
    expect(rows.find((r) => r[0] === '张三')?.[5]).toBe(String(want.total));

    // ---- print: the 绩效考核表 of 张三, both columns and three signature lines ----
    await m.emulateMedia({ media: 'print' });
    const sheet = m.locator('.tr-print-sheet');
    await expect(sheet.isVisible()).resolves.toBe(true);
    const paper = (await sheet.innerText()).replace(/\s+/g, ' ');
    for (const words of [
      '绩效考核表',
      '姓名：张三',
      '自评',
      '上级评定',
      '已调整',
      '员工签字',
      '直属上级签字',
      '部门负责人签字',
      '活动人数以报名表为准',
    ]) {
      expect(paper).toContain(words);
    }
    await expect(m.locator('.tr-receive').isVisible()).resolves.toBe(false);
    await m.emulateMedia({ media: 'screen' });

    // ---- reply: a link back to 绩效自评, and the same as JSON ----
    const replyJson = await manager.download('下载回复 JSON');
    expect(JSON.parse(replyJson.text)).toMatchObject({ reply: 'review', tool: 'self-review' });
    await m.getByRole('button', { name: '复制回复链接' }).click();
    const reply = await m.getByLabel('回复链接').inputValue();
    expect(reply).toMatch(/\/tools\/self-review\/#[qr]1\.self-review\./);
    await closeClean(manager.watch);

    // ---- the employee opens the reply: read-only beside their scores, then edits ----
    await e.goto(reply);
    const shown = e.getByRole('region', { name: '上级评定（只读）' });
    await shown.waitFor();
    await expect(shown.getByText('指纹相同').isVisible()).resolves.toBe(true);
    const row = shown.getByRole('row', { name: /^月度总分/ });
    await expect(row.textContent()).resolves.toContain(formatNumber(want.total!));
    await expect(row.textContent()).resolves.toContain('不同');
    await expect(shown.getByText('活动人数以报名表为准').isVisible()).resolves.toBe(true);
    await expect(shown.locator('input, select, textarea').count()).resolves.toBe(0);
    await kpiBox(e, group('promotion').kpis[1]!.name).getByLabel('实际值').fill('1');
    await shown.getByText('指纹不同').waitFor();
    // The same reply as a JSON file, imported after closing the link.
    await shown.getByRole('button', { name: '关闭上级评定' }).click();
    await e.getByText('收到上级的链接或文件？').click();
    await e
      .getByLabel('导入回复 JSON 文件')
      .setInputFiles([
        { name: 'reply.json', mimeType: 'application/json', buffer: Buffer.from(replyJson.text) },
      ]);
    await shown.getByText('指纹不同').waitFor();
    await expect(shown.getByText('活动人数以报名表为准').isVisible()).resolves.toBe(true);
    await closeClean(employee);
  });

  it('five links, two of one name and period in two 考核组: every line is accounted for and both are kept', async () => {
    const five = [
      emptyReview(appraisal, 'promotion', '2026-03', '张伟'),
      emptyReview(appraisal, 'crm', '2026-03', '张伟'),
      emptyReview(appraisal, 'promotion', '2026-03', '李芳'),
      emptyReview(appraisal, 'crm', '2026-03', '王敏'),
      emptyReview(appraisal, 'promotion', '2026-03', '陈静'),
    ];
    const links: string[] = [];
    for (const self of five) {
      const r = await encodeShareCompressed('self-review', SELF_REVIEW_STATE_VERSION, self);
      if (!r.ok) throw new Error(r.error);
      links.push(siteUrl(`/tools/self-review/#${r.fragment}`));
    }
    const manager = await ToolPage.open(browser, 'team-review');
    const m = manager.page;
    await manager.fill('粘贴绩效自评分享链接（每行一个）', links.join('\n'));
    await m.getByRole('button', { name: '载入链接' }).click();
    const summary = m.locator('.tr-receive-report p');
    await summary.waitFor();
    await expect(summary.textContent()).resolves.toBe('共 5 份：新增 5 份，更新 0 份，未变化 0 份，未收下 0 份');
    // Each line named in the report; the two 张伟 told apart by their 考核组.
    const added = await m.locator('.tr-receive-report li').first().textContent();
    for (const n of [1, 2, 3, 4, 5]) expect(added).toContain(`第 ${n} 行`);
    for (const g of ['promotion', 'crm']) {
      await expect(
        m.getByRole('button', { name: `评定张伟（${group(g).name}） 2026年3月` }).count(),
      ).resolves.toBe(1);
    }
    await expect(m.locator('.tr-members li').count()).resolves.toBe(5);
    await expect(m.locator('.tr-team-table tbody tr').count()).resolves.toBe(5);
    await manager.waitSaved();
    // The same five again: five lines, five unchanged, nothing doubled.
    await manager.fill('粘贴绩效自评分享链接（每行一个）', links.join('\n'));
    await m.getByRole('button', { name: '载入链接' }).click();
    await m.getByText('共 5 份：新增 0 份，更新 0 份，未变化 5 份，未收下 0 份').waitFor();
    await expect(m.locator('.tr-members li').count()).resolves.toBe(5);
    await closeClean(manager.watch);
  });

  it('a team saved before 考核组 was part of a record opens whole and is updated, not doubled', async () => {
    const self = zhangsan();
    const record = {
      person: '张三',
      self,
      fingerprint: await fingerprintOf(self),
      receivedAt: '2026-04-01T08:00:00.000Z',
      manager: { ...managerReviewFrom(self), comment: '请补充活动数据' },
    };
    // Version 1 keyed records by person and period.
    const saved = { v: 1, savedAt: '2026-04-01T08:00:00.000Z', data: { records: { '2026-03|张三': record }, defaultBase: '', period: '2026-03' } };
    const manager = await ToolPage.open(browser, 'team-review');
    const m = manager.page;
    await m.evaluate(`localStorage.setItem('mh:team-review:team', ${JSON.stringify(JSON.stringify(saved))})`);
    await m.reload();
    await manager.ready();
    await m.getByRole('heading', { name: '上级评定：张三 2026年3月' }).waitFor();
    await expect(m.getByLabel('上级评语').inputValue()).resolves.toBe('请补充活动数据');
    const r = await encodeShareCompressed('self-review', SELF_REVIEW_STATE_VERSION, self);
    if (!r.ok) throw new Error(r.error);
    await manager.fill('粘贴绩效自评分享链接（每行一个）', r.fragment);
    await m.getByRole('button', { name: '载入链接' }).click();
    await m.getByText('共 1 份：新增 0 份，更新 0 份，未变化 1 份，未收下 0 份').waitFor();
    await expect(m.locator('.tr-members li').count()).resolves.toBe(1);
    await closeClean(manager.watch);
  });

  it('a 上级评定 reply pasted where 自评 links go says what it is and where it opens', async () => {
    const manager = await ToolPage.open(browser, 'team-review');
    const m = manager.page;
    await manager.fill('粘贴绩效自评分享链接（每行一个）', siteUrl('/tools/self-review/#r1.self-review.AAAA'));
    await m.getByRole('button', { name: '载入链接' }).click();
    const refused = m.getByRole('alert').filter({ hasText: '第 1 行：' });
    await refused.waitFor();
    await expect(refused.textContent()).resolves.toContain(
      '这是团队考核发回的上级评定链接，请在浏览器中直接打开：它会打开绩效自评',
    );
    await expect(refused.getByRole('link', { name: '打开绩效自评' }).getAttribute('href')).resolves.toBe(
      `${new URL(siteUrl('/tools/self-review/')).pathname}#r1.self-review.AAAA`,
    );
    await closeClean(manager.watch);
  });

  it('a fresh page loads no code for members, replies or print sheets until the first member comes', async () => {
    const watch = await openPage(browser, '/');
    const p = watch.page;
    const scripts: Response[] = [];
    p.on('response', (r) => {
      if (/\.m?js(\?|$)/.test(r.url())) scripts.push(r);
    });
    await p.goto(siteUrl('/tools/team-review/'), { waitUntil: 'load' });
    const tool = new ToolPage(watch, 'team-review');
    await tool.ready();
    await p.waitForLoadState('networkidle');
    const atLoad = new Set(scripts.map((r) => r.url()));
    await expect(p.locator('.tr-members').textContent()).resolves.toContain('还没有');
    await expect(p.locator('.tr-print-sheet').count()).resolves.toBe(0);

    // First use: a member's 自评 as a file. The form, the reply and the print sheet come with it.
    await p.getByLabel('选择绩效自评 JSON 文件（可多选）').setInputFiles([
      {
        name: 'lisi.json',
        mimeType: 'application/json',
        buffer: Buffer.from(toJsonFile('self-review', SELF_REVIEW_STATE_VERSION, lisi())),
      },
    ]);
    await p.getByText('新增 1 份').waitFor();
    await p.getByRole('heading', { name: `上级评定：${EVIL} 2026年3月` }).waitFor();
    await expect(p.locator('.print-only .tr-print-sheet').count()).resolves.toBe(1);
    // The chunks holding the print sheet, the 上级评定 form and the reply, by what they contain:
    // each was requested now, none with the page.
    const later = scripts.filter((r) => !atLoad.has(r.url()));
    const holding = async (marker: string) => {
      const found: string[] = [];
      for (const r of later) if ((await r.text()).includes(marker)) found.push(r.url());
      return found;
    };
    for (const marker of ['tr-print-sheet', 'tr-team-table', 'tr-reply']) {
      expect((await holding(marker)).length, marker).toBeGreaterThan(0);
    }
    for (const url of atLoad) {
      const body = await (await p.request.get(url)).text();
      expect(body.includes('tr-print-sheet'), url).toBe(false);
    }
    // Saved, the team opens whole on the next visit; its share link opens in another browser.
    await tool.waitSaved();
    await p.reload();
    await tool.ready();
    await p.getByRole('heading', { name: `上级评定：${EVIL} 2026年3月` }).waitFor();
    await watch.context.grantPermissions(['clipboard-read', 'clipboard-write'], {
      origin: new URL(siteUrl()).origin,
    });
    const link = await copyFromTool(p, '复制分享链接');
    const other = await openPage(browser, '/');
    await other.page.goto(link);
    await new ToolPage(other, 'team-review').ready();
    await other.page.getByRole('heading', { name: `上级评定：${EVIL} 2026年3月` }).waitFor();
    await closeClean(other);
    await closeClean(watch);
  });

  it('with members: no axe violation in light and dark, no sideways scroll at 375 px', async () => {
    const watch = await openPage(browser, '/tools/team-review/');
    const page = new ToolPage(watch, 'team-review');
    await page.ready();
    const files = [lisi(), { ...lisi(), name: '王五' }].map((s, i) => ({
      name: `m${i}.json`,
      mimeType: 'application/json',
      buffer: Buffer.from(toJsonFile('self-review', SELF_REVIEW_STATE_VERSION, s)),
    }));
    const p = watch.page;
    await p.getByLabel('选择绩效自评 JSON 文件（可多选）').setInputFiles(files);
    await p.getByText('新增 2 份').waitFor();
    await p
      .getByLabel('选择绩效自评 JSON 文件（可多选）')
      .setInputFiles([{ name: 'x.json', mimeType: 'application/json', buffer: Buffer.from('[]') }]);
    await p.getByText('x.json：').waitFor();
    for (const theme of ['light', 'dark']) {
      await p.evaluate(`document.documentElement.dataset.theme = '${theme}'`);
      const axe = await new AxeBuilder({ page: p }).analyze();
      expect(
        axe.violations.map((v) => `${theme} ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
      ).toEqual([]);
    }
    await p.setViewportSize({ width: 375, height: 800 });
    await expect(p.evaluate('document.documentElement.scrollWidth')).resolves.toBeLessThanOrEqual(375);
    await p.setViewportSize({ width: 1280, height: 800 });
    // Deleting a record asks once, then the member is gone.
    await p.getByRole('button', { name: '删除王五 2026年3月的记录' }).click();
    await p.getByRole('button', { name: '确认删除' }).click();
    await p.getByText('已删除王五 2026年3月的记录').waitFor();
    await expect(p.locator('.tr-members li').count()).resolves.toBe(1);
    // Files dropped on the drop zone are received like chosen ones.
    const dropped = await p.evaluateHandle(
      (text) => {
        const dt = new DataTransfer();
        dt.items.add(new File([text], 'wangwu.json', { type: 'application/json' }));
        return dt;
      },
      toJsonFile('self-review', SELF_REVIEW_STATE_VERSION, { ...lisi(), name: '王五' }),
    );
    await p.locator('.tool-drop').dispatchEvent('drop', { dataTransfer: dropped });
    await p.getByText('新增 1 份').waitFor();
    await expect(p.locator('.tr-members li').count()).resolves.toBe(2);

    // An annual 自评: the 上级评定 rolls up the manager's own monthly record of that member.
    const year = { ...emptyReview(appraisal, 'crm', '2026', EVIL), review: '88' };
    year.months[2] = '70';
    await p.getByLabel('选择绩效自评 JSON 文件（可多选）').setInputFiles([
      {
        name: 'year.json',
        mimeType: 'application/json',
        buffer: Buffer.from(toJsonFile('self-review', SELF_REVIEW_STATE_VERSION, year)),
      },
    ]);
    await p.getByRole('heading', { name: `上级评定：${EVIL} 2026年` }).waitFor();
    const march = p.locator('.tr-months tbody tr', { hasText: '3月' });
    const monthTotal = formatNumber(selfReviewResult(lisi(), appraisal)!.total!);
    await expect(march.getByRole('button').textContent()).resolves.toBe(`${monthTotal}（打开3月的上级评定）`);
    await expect(march.textContent()).resolves.toContain('已调整'); // 自评 70 ≠ the manager's month
    await expect(p.locator('.tr-months tbody tr', { hasText: '4月' }).textContent()).resolves.toContain(
      '未评定',
    );
    const axe = await new AxeBuilder({ page: p }).analyze();
    expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.html).join(', ')}`)).toEqual([]);
    await closeClean(watch);
  });
});

/** The element is inside the viewport and nothing (the site's header) is drawn over it. */
const seenFirst = (el: Locator) =>
  el.evaluate((h) => {
    const r = h.getBoundingClientRect();
    const hit = document.elementFromPoint(r.left + Math.min(r.width, 40) / 2, r.top + r.height / 2);
    return r.top >= 0 && r.bottom <= innerHeight && hit !== null && h.contains(hit);
  });

describe('the 上级评定 reply as the employee opens it', () => {
  const notedName = group('crm').kpis.find((k) => k.id === NOTED_KPI)!.name;

  it.each([
    [1280, 800],
    [375, 667],
  ])('at %i px the reply is the first thing seen, opened from its link or pasted', async (width, height) => {
    const self = wangfang();
    const tool = await ToolPage.open(browser, 'self-review', undefined, { viewport: { width, height } });
    const p = tool.page;
    await p.getByLabel('选择要导入的 JSON 文件').setInputFiles(selfReviewJson(self));
    await expect.poll(() => tool.entryKey()).toBe('crm-2026-03');
    await tool.waitSaved();
    const link = await reviewReplyLink(self);

    // Opened from the link (a new page load, as from 微信).
    await p.goto('about:blank');
    await p.goto(link);
    const heading = p.getByRole('heading', { name: '上级评定（只读）' });
    await heading.waitFor();
    await expect.poll(() => seenFirst(heading)).toBe(true);
    const shown = p.getByRole('region', { name: '上级评定（只读）' });
    await expect(shown.getByText('指纹相同').isVisible()).resolves.toBe(true);
    // The 上级说明 of the KPI, beside its name.
    await expect(shown.getByText(NOTE).isVisible()).resolves.toBe(true);
    await expect(shown.getByRole('term').filter({ hasText: notedName }).isVisible()).resolves.toBe(true);

    // Closed, then pasted into 收到上级的链接或文件？ further down: again the first thing seen.
    await shown.getByRole('button', { name: '关闭上级评定' }).click();
    await heading.waitFor({ state: 'detached' });
    await p.getByText('收到上级的链接或文件？').click();
    await p.getByLabel('粘贴回复链接').fill(`${link} 请查收`);
    await p.getByRole('button', { name: '打开回复' }).click();
    await heading.waitFor();
    await expect.poll(() => seenFirst(heading)).toBe(true);
    await closeClean(tool.watch);
  });

  it('on a device without the 自评 it says so and shows the manager\'s 评定 alone', async () => {
    const self = wangfang();
    const link = await reviewReplyLink(self);
    const watch = await openPage(browser, '/', { viewport: { width: 375, height: 667 } });
    const p = watch.page;
    await p.goto(link);
    const shown = p.getByRole('region', { name: '上级评定（只读）' });
    const total = shown.getByRole('row', { name: /^月度总分/ });
    await total.waitFor();
    const text = (await shown.innerText()).replace(/\s+/g, ' ');
    // No comparison with the empty form: no 不同 marks, no 自评 column, no fingerprint claims.
    for (const claim of ['不同', '指纹相同', '不是同一份', '有改动', '自评与上级评定对比']) expect(text).not.toContain(claim);
    expect(text).toContain('本机没有王芳「客户关系管理组 2026年3月」的自评，下面只显示上级评定');
    await expect.poll(() => seenFirst(p.getByRole('heading', { name: '上级评定（只读）' }))).toBe(true);
    await expect(shown.getByRole('columnheader', { name: '自评' }).count()).resolves.toBe(0);
    // The manager's scores, grade, 上级说明 and 上级评语.
    const assessed = { ...self, kpis: { ...self.kpis, [NOTED_KPI]: { ...self.kpis[NOTED_KPI]!, actual: '91' } } };
    const want = selfReviewResult(assessed, appraisal)!;
    await expect(total.textContent()).resolves.toContain(formatNumber(want.total!));
    await expect(shown.getByRole('row', { name: /^等级/ }).textContent()).resolves.toContain(want.grade!.name);
    expect(text).toContain(NOTE);
    expect(text).toContain('整体达标，满意度请继续跟进。');
    await expect(p.evaluate('document.documentElement.scrollWidth')).resolves.toBeLessThanOrEqual(375);
    const axe = await new AxeBuilder({ page: p }).include('.sr-reply').analyze();
    expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.html).join(', ')}`)).toEqual([]);
    await closeClean(watch);
  });
});

describe('when the code loaded on first use cannot be fetched', () => {
  it('团队考核 says so in Chinese beside the members, keeps the page working and throws nothing', async () => {
    // Offline without the service worker's copy: every chunk holding the members' part fails.
    const watch = await openPage(browser, '/');
    const p = watch.page;
    const refused: string[] = [];
    await p.route('**/_astro/*.js', async (route) => {
      try {
        const response = await route.fetch();
        if ((await response.text()).includes('tr-print-sheet')) {
          refused.push(route.request().url());
          await route.abort('internetdisconnected');
        } else {
          await route.fulfill({ response });
        }
      } catch (error) {
        // A chunk still in flight when the test closes the page: nothing to answer any more.
        if (!p.isClosed()) throw error;
      }
    });
    await p.goto(siteUrl('/tools/team-review/'), { waitUntil: 'load' });
    await new ToolPage(watch, 'team-review').ready();
    await p.getByLabel('选择绩效自评 JSON 文件（可多选）').setInputFiles([
      {
        name: 'lisi.json',
        mimeType: 'application/json',
        buffer: Buffer.from(toJsonFile('self-review', SELF_REVIEW_STATE_VERSION, lisi())),
      },
    ]);
    await p.getByText('团队成员的评定部分没能加载').waitFor();
    expect(refused.length).toBeGreaterThan(0);
    // The rest of the page still answers (the export bar); saved work is untouched.
    await expect(p.getByRole('button', { name: '下载 JSON' }).isVisible()).resolves.toBe(true);
    // Only the refused fetches may be logged; no uncaught error.
    expect(
      watch.errors.filter((e) => !/Failed to load resource|net::ERR_INTERNET_DISCONNECTED/.test(e)),
    ).toEqual([]);
    await p.unrouteAll({ behavior: 'ignoreErrors' });
    await watch.context.close();
  });
});
