// 入职清单 (/tools/onboarding/) and the 本章已读 control of the chapter pages, used as a new hire,
// a mentor and a manager would: by role and label, keyboard only, with a fixed clock, on paper.
import { readFileSync } from 'node:fs';
import { AxeBuilder } from '@axe-core/playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { parse } from 'yaml';
import { buildPolicyFingerprint } from '../../src/policy/fingerprint';
import { ONBOARDING_STATE_VERSION } from '../../src/tools/onboarding/logic/state';
import { cspViolations, launchBrowser, openPage, siteUrl, wakeTools, type PageWatch } from './support/browser';
import { copyFromTool, ToolPage } from './support/tool-page';

const TOOL = '/tools/onboarding/';
const onboarding = parse(readFileSync('content/policy/onboarding.yaml', 'utf8')) as {
  phases: { id: string; name: string; dueDay: number }[];
  items: { id: string; title: string; phase: string; roles: 'all' | string[]; owner: string }[];
};
const groups = (
  parse(readFileSync('content/policy/appraisal.yaml', 'utf8')) as { groups: { id: string; name: string }[] }
).groups;
const meta = parse(readFileSync('content/policy/meta.yaml', 'utf8')) as {
  version: string;
  shortTitle: string;
};
const itemsOf = (role: string) =>
  onboarding.items.filter((it) => it.roles === 'all' || it.roles.includes(role));
const title = (id: string) => onboarding.items.find((it) => it.id === id)!.title;

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/**
 * Waits until the island has hydrated and read the saved state (use-tool marks its root data-ready,
 * for a shared link too). The server renders the blank form editable, so editable alone says nothing.
 */
async function ready(page: Page): Promise<void> {
  await page.waitForURL(/\/tools\/onboarding\//);
  await wakeTools(page);
  await page.locator('[data-tool="onboarding"][data-ready="true"]').waitFor({ timeout: 10_000 });
}

/** Opens `path` with the browser's clock fixed at `day` (local noon). */
async function openAt(day: string, path = TOOL): Promise<PageWatch> {
  const watch = await openPage(browser, '/');
  await watch.page.clock.setFixedTime(new Date(`${day}T12:00:00`));
  await watch.page.goto(siteUrl(path));
  if (path.startsWith(TOOL)) await ready(watch.page);
  return watch;
}

async function fillProfile(page: Page, role: string, start: string, name = '王小明'): Promise<void> {
  await page.getByLabel('姓名', { exact: true }).fill(name);
  await page.getByLabel('岗位', { exact: true }).selectOption({ label: role });
  await page.getByLabel('入职日期').fill(start);
}

/** Autosave runs 300 ms after the last change: wait until the entry is in storage. */
async function saved(page: Page, check: (entry: string) => boolean): Promise<void> {
  await expect
    .poll(async () => {
      const values = (await page.evaluate(
        "Object.keys(localStorage).filter(k => k.startsWith('mh:onboarding:') && !k.includes(':backup:')).map(k => localStorage.getItem(k))",
      )) as string[];
      return values.some(check);
    })
    .toBe(true);
}

const item = (page: Page, id: string) =>
  page.getByRole('listitem').filter({ has: page.getByRole('checkbox', { name: title(id) }) });

async function expectClean(watch: PageWatch): Promise<void> {
  expect(watch.errors).toEqual([]);
  expect(watch.foreignRequests).toEqual([]);
  await expect(cspViolations(watch.page)).resolves.toEqual([]);
}

async function expectNoAxeViolations(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).analyze();
  expect(
    results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
  ).toEqual([]);
}

describe('入职清单', () => {
  it.each(groups.map((g) => [g.name, g.id] as const))(
    '%s sees the items of its role from onboarding.yaml',
    async (name, id) => {
      const watch = await openAt('2026-03-10');
      const { page } = watch;
      await page.getByLabel('岗位', { exact: true }).selectOption({ label: name });
      const expected = itemsOf(id).map((it) => it.title);
      await expect.poll(() => page.getByRole('checkbox').count()).toBe(expected.length);
      for (const t of expected)
        await expect(page.getByRole('checkbox', { name: t }).count()).resolves.toBe(1);
      // Grouped by phase, in the order and with the names of the parameters.
      const headings = await page.locator('main').getByRole('heading', { level: 2 }).allTextContents();
      expect(headings.slice(0, onboarding.phases.length)).toEqual(onboarding.phases.map((p) => p.name));
      // Items of another role are not listed.
      const others = onboarding.items.filter((it) => it.roles !== 'all' && !it.roles.includes(id));
      expect(others.length).toBeGreaterThan(0);
      for (const it of others)
        await expect(page.getByRole('checkbox', { name: it.title }).count()).resolves.toBe(0);
      await expectClean(watch);
      await watch.context.close();
    },
  );

  it('ticks are saved per person and survive a reload; progress counts overall and per phase', async () => {
    const watch = await openAt('2026-03-03');
    const { page } = watch;
    await fillProfile(page, '客户关系管理组', '2026-03-02');
    const total = itemsOf('crm').length;
    const progress = page.getByRole('region', { name: '入职进度' });
    await expect(progress.textContent()).resolves.toContain(`已完成 0/${total} 项（0%）`);
    await page.getByRole('checkbox', { name: title('read-general') }).check();
    await page.getByRole('checkbox', { name: title('work-rules') }).check();
    await page.getByRole('checkbox', { name: title('duties-crm') }).check();
    await expect(progress.textContent()).resolves.toContain(
      `已完成 3/${total} 项（${Math.floor((3 / total) * 100)}%）`,
    );
    await expect(progress.textContent()).resolves.toContain('入职首日：2/3');
    await expect(item(page, 'read-general').textContent()).resolves.toContain('完成于 2026-03-03');
    await saved(page, (e) => e.includes('duties-crm'));

    await page.reload();
    await ready(page);
    await expect(page.getByRole('checkbox', { name: title('duties-crm') }).isChecked()).resolves.toBe(true);
    await expect(page.getByRole('checkbox', { name: title('org-intro') }).isChecked()).resolves.toBe(false);
    await expect(page.getByLabel('姓名', { exact: true }).inputValue()).resolves.toBe('王小明');
    await expect(progress.textContent()).resolves.toContain(`已完成 3/${total} 项`);

    // A second new hire starts blank; the first one is still there.
    await page.getByRole('button', { name: '新增一位新员工' }).click();
    await expect(page.getByLabel('姓名', { exact: true }).inputValue()).resolves.toBe('');
    await fillProfile(page, '数据分析组', '2026-03-09', '赵小红');
    await saved(page, (e) => e.includes('赵小红'));
    await page.getByLabel('新员工', { exact: true }).selectOption({ label: '王小明' });
    await expect(page.getByRole('checkbox', { name: title('duties-crm') }).isChecked()).resolves.toBe(true);
    await expectClean(watch);
    await watch.context.close();
  });

  it('marks overdue items against today (fixed clock)', async () => {
    // Started 2026-03-02: 入职首日 due 03-02, 首周 due 03-09, 首月 due 04-01. Today is 03-10.
    const watch = await openAt('2026-03-10');
    const { page } = watch;
    await fillProfile(page, '市场推广组', '2026-03-02');
    await page.getByRole('checkbox', { name: title('read-general') }).check();
    const late = itemsOf('promotion').filter((it) => it.phase !== 'month1' && it.id !== 'read-general');
    for (const it of late) await expect(item(page, it.id).textContent()).resolves.toContain('逾期');
    await expect(item(page, 'read-general').textContent()).resolves.not.toContain('逾期');
    await expect(item(page, 'appraisal-cycle').textContent()).resolves.not.toContain('逾期');
    const progress = page.getByRole('region', { name: '入职进度' });
    await expect(progress.textContent()).resolves.toContain(`逾期 ${late.length} 项`);
    await expect(page.getByText(/期限 2026-03-09/).count()).resolves.toBe(1);
    // Ticking an overdue item clears its mark.
    await page.getByRole('checkbox', { name: title('org-intro') }).check();
    await expect(item(page, 'org-intro').textContent()).resolves.not.toContain('逾期');
    await expect(progress.textContent()).resolves.toContain(`逾期 ${late.length - 1} 项`);
    await watch.context.close();

    // The same checklist a day before the first-week deadline: only 入职首日 is late.
    const before = await openAt('2026-03-08');
    await fillProfile(before.page, '市场推广组', '2026-03-02');
    await expect(item(before.page, 'org-intro').textContent()).resolves.toContain('逾期');
    await expect(item(before.page, 'duties-promotion').textContent()).resolves.not.toContain('逾期');
    await before.context.close();
  });

  it('a chapter marked read at its end shows in the reading path', async () => {
    const watch = await openAt('2026-03-04', '/general/');
    const { page } = watch;
    await page.evaluate('window.scrollTo(0, document.body.scrollHeight)');
    const mark = page.getByRole('checkbox', { name: '我已读完本章' });
    await mark.check();
    await expect(page.getByText('已于 2026-03-04 标记为已读。').isVisible()).resolves.toBe(true);
    await page.reload();
    await page.evaluate('window.scrollTo(0, document.body.scrollHeight)');
    await expect.poll(() => mark.isChecked()).toBe(true);

    await page.getByRole('link', { name: '查看入职清单' }).click();
    await ready(page);
    const path = page.getByRole('region', { name: '阅读顺序' });
    await expect(
      path.getByRole('listitem').filter({ hasText: '第一章 总则' }).textContent(),
    ).resolves.toContain('已读（2026-03-04）');
    await expect(path.getByRole('listitem').filter({ hasText: '第二章' }).textContent()).resolves.toContain(
      '未读',
    );
    await expect(page.getByRole('region', { name: '入职进度' }).textContent()).resolves.toContain(
      '阅读顺序：已读 1/6 章',
    );
    await expectClean(watch);
    await watch.context.close();
  });

  it('without JavaScript a chapter page shows no dead control, and 完整制度 has none at all', async () => {
    const { page, context } = await openPage(browser, '/general/', { javaScriptEnabled: false });
    await expect(page.getByRole('checkbox', { name: '我已读完本章' }).count()).resolves.toBe(0);
    await page.goto(siteUrl('/print/'));
    await expect(page.locator('[data-chapter-read]').count()).resolves.toBe(0);
    await context.close();
  });

  it('the 制度签收单 carries the policy version and the fingerprint of the text, and prints alone', async () => {
    const watch = await openAt('2026-03-10');
    const { page, context } = watch;
    await context.addInitScript(`window.print = () => {
      window.__printed = [...document.querySelectorAll('.tool-print-sheet')].map((e) => e.textContent);
    };`);
    await page.reload();
    await ready(page);
    await fillProfile(page, '市场推广组', '2026-03-02');
    const slip = page.getByRole('group', { name: /签收单/ });
    const text = await slip.textContent();
    const fingerprint = buildPolicyFingerprint();
    expect(fingerprint).toMatch(/^[0-9a-f]{12}$/);
    expect(text).toContain(fingerprint);
    expect(text).toContain(`${meta.version}（生效日期`);
    expect(text).toContain(`本人已阅读并理解《${meta.shortTitle}》`);
    expect(text).toContain('王小明');
    expect(text).toContain('市场推广组');
    expect(text).toContain('2026-03-10'); // no 签收日期 given: the day it is printed
    await page.getByLabel('签收日期').fill('2026年3月12日');
    await expect(slip.textContent()).resolves.toContain('2026-03-12');

    await page.getByRole('button', { name: '打印签收单' }).click();
    await expect.poll(() => page.evaluate('window.__printed')).toBeTruthy();
    const printed = (await page.evaluate('window.__printed')) as string[];
    expect(printed).toHaveLength(1); // the slip only, not the checklist
    expect(printed[0]).toContain(fingerprint);
    expect(printed[0]).toContain('新员工签名');
    // Back to the checklist for the next print.
    await expect.poll(() => page.locator('.tool-print-sheet').textContent()).toContain('新员工入职清单');
    await expectClean(watch);
    await context.close();
  });

  it('prints the checklist with ticks, dates and signature lines, and not the form', async () => {
    const watch = await openAt('2026-03-10');
    const { page } = watch;
    await fillProfile(page, '数据分析组', '2026-03-02');
    await page.getByLabel('导师', { exact: true }).fill('李老师');
    await page.getByRole('checkbox', { name: title('read-general') }).check();
    await page.emulateMedia({ media: 'print' });
    const sheet = page.locator('.tool-print-sheet');
    await expect(sheet.isVisible()).resolves.toBe(true);
    const text = (await sheet.textContent()) ?? '';
    expect(text).toContain('新员工入职清单');
    expect(text).toContain('王小明');
    expect(text).toContain('李老师');
    expect(text).toMatch(/☑/);
    expect(text).toMatch(/☐/);
    expect(text).toContain('2026-03-09'); // a due date
    expect(text).toContain('（逾期）');
    for (const who of ['新员工', '导师', '市场经理']) {
      await expect(sheet.locator('.signatures').getByText(who, { exact: true }).isVisible()).resolves.toBe(
        true,
      );
    }
    expect(text).toContain(buildPolicyFingerprint());
    await expect(page.getByLabel('姓名', { exact: true }).isVisible()).resolves.toBe(false);
    await expect(page.getByRole('button', { name: '打印 / 存为 PDF' }).isVisible()).resolves.toBe(false);
    await expect(page.getByRole('group', { name: /签收单/ }).isVisible()).resolves.toBe(false);
    await watch.context.close();
  });

  it('works from the keyboard alone, including the reset that asks first', async () => {
    const watch = await openAt('2026-03-10');
    const { page } = watch;
    const focusedId = () => page.evaluate('document.activeElement && document.activeElement.id');
    const focusedText = () => page.evaluate('document.activeElement && document.activeElement.textContent');
    const tabTo = async (id: string) => {
      for (let i = 0; i < 60 && (await focusedId()) !== id; i++) await page.keyboard.press('Tab');
      expect(await focusedId()).toBe(id);
    };
    const tabToButton = async (text: string) => {
      for (let i = 0; i < 80 && (await focusedText()) !== text; i++) await page.keyboard.press('Tab');
      expect(await focusedText()).toBe(text);
    };
    await page.getByLabel('姓名', { exact: true }).focus();
    await page.keyboard.type('钱小刚');
    await page.keyboard.press('Tab');
    expect(await focusedId()).toBe('ob-role');
    await page.keyboard.press('ArrowDown');
    await expect(page.getByLabel('岗位', { exact: true }).inputValue()).resolves.toBe(groups[0]!.id);
    await tabTo('ob-start');
    await page.keyboard.type('2026-03-02');
    await tabTo('ob-item-read-general');
    await page.keyboard.press('Space');
    await expect(page.getByRole('checkbox', { name: title('read-general') }).isChecked()).resolves.toBe(true);

    await tabToButton('清空勾选…');
    await page.keyboard.press('Enter');
    await expect.poll(focusedId).toBe('ob-confirm-question');
    await expect(page.getByText(/确定清空「钱小刚」的全部勾选吗/).isVisible()).resolves.toBe(true);
    await page.keyboard.press('Escape'); // changed my mind
    await expect(page.getByRole('checkbox', { name: title('read-general') }).isChecked()).resolves.toBe(true);
    expect(await focusedText()).toBe('清空勾选…');
    await page.keyboard.press('Enter');
    await expect.poll(focusedId).toBe('ob-confirm-question');
    await page.keyboard.press('Tab');
    expect(await focusedText()).toBe('确认清空');
    await page.keyboard.press('Enter');
    await expect(page.getByRole('checkbox', { name: title('read-general') }).isChecked()).resolves.toBe(
      false,
    );
    await expect(page.getByLabel('姓名', { exact: true }).inputValue()).resolves.toBe('钱小刚'); // kept
    await watch.context.close();
  });

  it('has no axe violations: empty, filled, confirming, and as a read-only shared view', async () => {
    const watch = await openAt('2026-03-10');
    const { page, context } = watch;
    await expectNoAxeViolations(page);
    await fillProfile(page, '市场经理', '2025-01-01'); // far past: warnings and overdue marks
    await page.getByRole('checkbox', { name: title('org-intro') }).check();
    await expectNoAxeViolations(page);
    await page.getByRole('button', { name: '清空勾选…' }).click();
    await expectNoAxeViolations(page);
    await page.getByRole('button', { name: '取消' }).click();

    await context.grantPermissions(['clipboard-read', 'clipboard-write'], {
      origin: new URL(siteUrl()).origin,
    });
    const link = await copyFromTool(page, '复制分享链接');
    await page.goto(link);
    await page.reload();
    await expect(page.getByText(/只读/).first().isVisible()).resolves.toBe(true);
    await expectNoAxeViolations(page);
    await expectClean(watch);
    await context.close();
  });

  it('a share link opens the new hire’s progress read-only for the mentor', async () => {
    const hire = await openAt('2026-03-10');
    await hire.context.grantPermissions(['clipboard-read', 'clipboard-write'], {
      origin: new URL(siteUrl()).origin,
    });
    await fillProfile(hire.page, '市场推广组', '2026-03-02', '孙小美');
    await hire.page.getByRole('checkbox', { name: title('duties-promotion') }).check();
    const link = await copyFromTool(hire.page, '复制分享链接');
    expect(new URL(link).hash).toMatch(new RegExp(`^#z${ONBOARDING_STATE_VERSION}\\.onboarding\\.`));

    const mentor = await openAt('2026-03-10');
    await mentor.page.goto(link);
    await mentor.page.reload();
    await expect
      .poll(() => mentor.page.getByText('只读：这是「孙小美」通过分享链接发来的入职进度').count())
      .toBe(1);
    const box = mentor.page.getByRole('checkbox', { name: title('duties-promotion') });
    await expect(box.isChecked()).resolves.toBe(true);
    await expect(box.isDisabled()).resolves.toBe(true);
    await expect(mentor.page.getByLabel('姓名', { exact: true }).isEditable()).resolves.toBe(false);
    // Nothing of the shared view is saved in the mentor's browser.
    // (the kit says on the tool's root when nothing is waiting to be saved)
    await new ToolPage(mentor, 'onboarding').ready();
    await expect(
      mentor.page.evaluate("Object.keys(localStorage).filter(k => k.startsWith('mh:onboarding:')).length"),
    ).resolves.toBe(0);
    await mentor.page.getByRole('button', { name: '回到我的清单' }).click();
    await ready(mentor.page);
    await expect(mentor.page.getByLabel('姓名', { exact: true }).inputValue()).resolves.toBe('');
    await expectClean(mentor);
    await hire.context.close();
    await mentor.context.close();
  });

  it('downloads JSON and imports it back into another browser, reading marks included', async () => {
    const hire = await openAt('2026-03-10', '/organization/');
    await hire.page.evaluate('window.scrollTo(0, document.body.scrollHeight)');
    await hire.page.getByRole('checkbox', { name: '我已读完本章' }).check();
    await hire.page.goto(siteUrl(TOOL));
    await ready(hire.page);
    await fillProfile(hire.page, '客户关系管理组', '2026-03-02', '周小文');
    await hire.page.getByRole('checkbox', { name: title('crm-workflow') }).check();
    const [download] = await Promise.all([
      hire.page.waitForEvent('download'),
      hire.page.getByRole('button', { name: '下载 JSON' }).click(),
    ]);
    const file = await download.path();
    const body = JSON.parse(readFileSync(file, 'utf8'));
    expect(body).toMatchObject({ app: 'marketing-handbook', tool: 'onboarding', version: ONBOARDING_STATE_VERSION });
    expect(body.data.reading).toEqual({ organization: '2026-03-10' });

    const other = await openAt('2026-03-11');
    await other.page.getByLabel('选择要导入的 JSON 文件').setInputFiles(file);
    await expect.poll(() => other.page.getByLabel('姓名', { exact: true }).inputValue()).toBe('周小文');
    await expect(other.page.getByRole('checkbox', { name: title('crm-workflow') }).isChecked()).resolves.toBe(
      true,
    );
    const path = other.page.getByRole('region', { name: '阅读顺序' });
    await expect(path.getByRole('listitem').filter({ hasText: '第二章' }).textContent()).resolves.toContain(
      '已读（2026-03-10）',
    );

    // A file of another tool is refused with a message, and nothing changes.
    await other.page.getByLabel('选择要导入的 JSON 文件').setInputFiles({
      name: 'x.json',
      mimeType: 'application/json',
      buffer: Buffer.from(
        JSON.stringify({ app: 'marketing-handbook', tool: 'budget-request', version: 1, data: {} }),
      ),
    });
    await expect
      .poll(() => other.page.getByRole('alert').filter({ hasText: '导入失败：不是本工具导出的文件' }).count())
      .toBe(1);
    await expect(other.page.getByLabel('姓名', { exact: true }).inputValue()).resolves.toBe('周小文');
    await expectClean(other);
    await hire.context.close();
    await other.context.close();
  });

  it('copies the checklist as text for 微信 / 钉钉', async () => {
    const watch = await openAt('2026-03-10');
    const { page, context } = watch;
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], {
      origin: new URL(siteUrl()).origin,
    });
    await fillProfile(page, '市场推广组', '2026-03-02');
    await page.getByRole('checkbox', { name: title('read-general') }).check();
    const text = await copyFromTool(page, '复制为文本');
    expect(text.split('\n')[0]).toBe('入职清单');
    expect(text).toContain(`☑ ${title('read-general')}`);
    expect(text).toContain(`☐ ${title('org-intro')}`);
    await context.close();
  });
});

describe('before and around the tool', () => {
  it('before the tool has run, the help names no placeholder for today’s date', async () => {
    const watch = await openPage(browser, TOOL, { javaScriptEnabled: false }, { wake: false });
    const how = (await watch.page.locator('.tool-how', { hasText: '怎么算的' }).textContent()) ?? '';
    expect(how).toContain('（以本机今天的日期为准）');
    expect(how).not.toContain('本机日期');
    await watch.context.close();
  });

  it('the 签收链接 box shows whole lines, none cut in half under the last row', async () => {
    const watch = await openAt('2026-03-04');
    const { page } = watch;
    await watch.context.grantPermissions(['clipboard-read', 'clipboard-write'], {
      origin: new URL(siteUrl()).origin,
    });
    await fillProfile(page, groups[0]!.name, '2026-03-02');
    // Its form loads as it nears the screen, and the section may render anew meanwhile: scroll until it is there.
    const region = page.getByRole('region', { name: '发送签收' });
    const copy = page.getByRole('button', { name: '复制签收链接' });
    await expect
      .poll(async () => {
        await region.scrollIntoViewIfNeeded().catch(() => undefined);
        return copy.count();
      })
      .toBeGreaterThan(0);
    await copy.click();
    const box = page.getByLabel('签收链接（发给市场经理或导师）');
    await box.waitFor();
    const lines = await box.evaluate((el: HTMLTextAreaElement) => {
      const style = getComputedStyle(el);
      const top = parseFloat(style.paddingTop);
      const height = parseFloat(style.lineHeight);
      // Line k is drawn from top + k × height; the box shows 0 … clientHeight when not scrolled.
      const cut: number[] = [];
      for (let k = 0; top + k * height < el.clientHeight - 0.5; k++) {
        if (top + (k + 1) * height > el.clientHeight + 0.5) cut.push(k + 1);
      }
      return { cut, scrolls: el.scrollHeight > el.clientHeight };
    });
    expect(lines).toEqual({ cut: [], scrolls: true });
    await watch.context.close();
  });
});

describe('bad input: a clear Chinese message, and the checklist still opens', () => {
  it('no role chosen', async () => {
    const watch = await openAt('2026-03-10');
    const { page } = watch;
    const role = page.getByLabel('岗位', { exact: true });
    // Nothing is called wrong before the reader has touched the field: no errors on first load.
    await expect(role.getAttribute('aria-invalid')).resolves.toBeNull();
    await role.focus();
    await role.blur();
    await expect(role.getAttribute('aria-invalid')).resolves.toBe('true');
    await expect(page.locator('#ob-role-error').textContent()).resolves.toContain('尚未选择岗位');
    const common = onboarding.items.filter((it) => it.roles === 'all');
    await expect(page.getByRole('checkbox').count()).resolves.toBe(common.length);
    await watch.context.close();
  });

  it.each([
    ['2024-01-01', /入职日期在 \d+ 天前，请核对/], // far in the past
    ['2027-06-01', /入职日期在 \d+ 天后，请核对/], // far in the future
  ])('a start date far off (%s) is flagged but used', async (start, message) => {
    const watch = await openAt('2026-03-10');
    const { page } = watch;
    await fillProfile(page, '市场推广组', start);
    await expect(page.locator('#ob-start-hint').textContent()).resolves.toMatch(message);
    await expect(page.getByLabel('入职日期').getAttribute('aria-invalid')).resolves.toBeNull();
    await expect(page.getByText(/期限 \d{4}-\d{2}-\d{2}（入职后第 0 天）/).count()).resolves.toBe(1);
    await watch.context.close();
  });

  it.each([
    ['2026-02-30', '没有这一天：2026年2月30日'],
    ['下周一', '日期格式不对，请写成 2026-03-02 或 2026年3月2日'],
    ['', '请填写入职日期'],
  ])('an invalid start date %o', async (start, message) => {
    const watch = await openAt('2026-03-10');
    const { page } = watch;
    await fillProfile(page, '市场推广组', start);
    const field = page.getByLabel('入职日期');
    await field.blur();
    await expect(field.getAttribute('aria-invalid')).resolves.toBe('true');
    await expect(page.locator('#ob-start-error').textContent()).resolves.toContain(message);
    await expect(page.getByText(/填写入职日期后显示/).count()).resolves.toBe(onboarding.phases.length);
    await expect(page.getByRole('checkbox').count()).resolves.toBe(itemsOf('promotion').length);
    await expect(page.getByRole('region', { name: '入职进度' }).textContent()).resolves.toContain(
      '没有逾期事项',
    );
    await expectClean(watch);
    await watch.context.close();
  });

  it('damaged saved data is kept aside and reported; the checklist opens empty', async () => {
    const watch = await openAt('2026-03-10');
    const { page } = watch;
    await page.evaluate(
      `localStorage.setItem('mh:onboarding:default', '{"v":1,"savedAt":"x","data":{"name":')`,
    );
    await page.reload();
    await ready(page);
    // Not JSON at all: "unreadable", in the storage adapter's words for that.
    await expect(page.getByText('保存的内容无法读取，已另存为备份，请重新填写').isVisible()).resolves.toBe(
      true,
    );
    await expect(page.getByRole('button', { name: '下载损坏的记录' }).isVisible()).resolves.toBe(true);
    await expect(page.getByRole('checkbox').count()).resolves.toBeGreaterThan(0);
    const backups = await page.evaluate(
      "Object.keys(localStorage).filter(k => k.includes(':backup:')).length",
    );
    expect(backups).toBe(1);
    // New work can be saved in the same slot.
    await fillProfile(page, '市场推广组', '2026-03-02', '新的记录');
    await saved(page, (e) => e.includes('新的记录'));
    await watch.context.close();
  });

  it('a damaged reading mark counts as unread', async () => {
    const watch = await openAt('2026-03-10');
    const { page } = watch;
    await page.evaluate(
      `localStorage.setItem('mh:reading:general', '{"v":1,"savedAt":"x","data":{"readAt":"soon"}}')`,
    );
    await page.reload();
    await ready(page);
    const path = page.getByRole('region', { name: '阅读顺序' });
    await expect(path.getByRole('listitem').filter({ hasText: '第一章' }).textContent()).resolves.toContain(
      '未读',
    );
    await watch.context.close();
  });

  it.each([
    ['#v1.onboarding.@@@', '链接已损坏，请重新复制完整的链接'],
    ['#v1.budget-request.e30', '这是预算申请单的分享链接，请在浏览器中直接打开：它会打开预算申请单'],
    ['#v9.onboarding.e30', '链接来自较新的版本'],
    // Valid encoding, wrong content: {"name":1} (of the current version: an older one is lifted first)
    [`#v${ONBOARDING_STATE_VERSION}.onboarding.${Buffer.from('{"name":1}').toString('base64url')}`, '链接内容不完整'],
  ])('a tampered link %s', async (fragment, message) => {
    const watch = await openAt('2026-03-10');
    const { page } = watch;
    await fillProfile(page, '市场推广组', '2026-03-02', '我自己');
    await saved(page, (e) => e.includes('我自己'));
    await page.goto(siteUrl(`${TOOL}${fragment}`));
    await page.reload();
    await ready(page);
    await expect(
      page
        .getByRole('alert')
        .filter({ hasText: `分享链接无法打开：${message}` })
        .count(),
    ).resolves.toBe(1);
    // The reader's own checklist opens, nothing lost.
    await expect(page.getByLabel('姓名', { exact: true }).inputValue()).resolves.toBe('我自己');
    await expect(page.getByRole('checkbox').count()).resolves.toBe(itemsOf('promotion').length);
    await expectClean(watch);
    await watch.context.close();
  });

  it('a link naming a role the parameters do not have opens read-only with the message', async () => {
    const state = {
      name: '外来',
      role: 'hacker',
      startDate: '2026-03-02',
      mentor: '',
      ackDate: '',
      done: {},
    };
    const fragment = `#v1.onboarding.${Buffer.from(JSON.stringify(state)).toString('base64url')}`;
    const watch = await openAt('2026-03-10', `${TOOL}${fragment}`);
    const { page } = watch;
    await expect.poll(() => page.getByText(/只读/).count()).toBeGreaterThan(0);
    await expect(page.locator('#ob-role-error').textContent()).resolves.toContain(
      '岗位「hacker」不在当前的入职参数中',
    );
    await expect(page.getByRole('checkbox').count()).resolves.toBe(
      onboarding.items.filter((it) => it.roles === 'all').length,
    );
    await watch.context.close();
  });
});
