// 制度测验 as a new hire and a manager use it, by role and label: the new hire fails the quiz once
// (each answer shows the right one with its clause and quote; a wrong one comes back later in the
// same attempt; a reload keeps the order), sends a 签收, passes the second time, prints the 制度签收单
// with the result (A4 PDF read back with pdftotext) and sends the 签收 again; the manager's 新员工签收
// shows 未通过, then 通过, and 未做测验 for a 签收 from before the quiz. Questions and answers come
// from content/policy/quiz.yaml, not written down here.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Locator, Page } from 'playwright-core';
import { makeReply, replyToJson } from '../../src/core/reply';
import type { QuizPolicy, QuizQuestion } from '../../src/core/policy-types';
import { buildPolicyFingerprint } from '../../src/policy/fingerprint';
import { editionFingerprint, SIGNOFF_REPLY_KIND } from '../../src/tools/onboarding/logic/signoff';
import { closeClean, launchBrowser, type PageWatch, openAtTime } from './support/browser';
import { ToolPage } from './support/tool-page';

const quiz = parse(readFileSync('content/policy/quiz.yaml', 'utf8')) as QuizPolicy;
const meta = parse(readFileSync('content/policy/meta.yaml', 'utf8')) as { version: string };
const groups = (
  parse(readFileSync('content/policy/appraisal.yaml', 'utf8')) as { groups: { id: string; name: string }[] }
).groups;
const roleName = (id: string) => groups.find((g) => g.id === id)!.name;
const FINGERPRINT = buildPolicyFingerprint();
const PASTE = '粘贴签收链接或签收文件内容（每行一个链接）';
const FILES = '选择签收文件（.json，可多选）';
const at = (time: string) => new Date(`2026-05-20T${time}:00+08:00`);
const dir = mkdtempSync(join(tmpdir(), 'mh-quiz-'));

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** A page of `path` with the clock fixed at `time` on 2026-05-20 (Shanghai) and the clipboard allowed. */
const openAt = (path: string, time: string): Promise<PageWatch> => openAtTime(browser, path, at(time));

const region = (page: Page) => page.getByRole('region', { name: '制度测验' });

/** The question on screen, looked up in quiz.yaml by its words. */
async function currentQuestion(quizBox: Locator): Promise<QuizQuestion> {
  const legend = (await quizBox.locator('fieldset legend').textContent())?.trim() ?? '';
  const q = quiz.questions.find((x) => x.question === legend);
  expect(q, `「${legend}」 is a question of quiz.yaml`).toBeTruthy();
  return q!;
}

/**
 * Answers the question on screen, right or wrong, as a reader: ticks the options by their label,
 * submits, checks what the page then shows (verdict, right answer, the clause as a link to its anchor
 * and the quoted sentence) and goes on. Returns the question answered.
 */
async function answer(page: Page, right: boolean): Promise<QuizQuestion> {
  const box = region(page);
  const q = await currentQuestion(box);
  const multi = q.answer.length > 1;
  const wrong = q.options.findIndex((_, i) => !q.answer.includes(i + 1)) + 1;
  const picks = right ? q.answer : [wrong];
  for (const n of picks) {
    await box.getByRole(multi ? 'checkbox' : 'radio', { name: q.options[n - 1]!, exact: true }).check();
  }
  await box.getByRole('button', { name: '提交答案' }).click();
  const feedback = box.getByRole('status').filter({ hasText: right ? '回答正确' : '回答错误' });
  await feedback.waitFor();
  const text = (await feedback.textContent()) ?? '';
  expect(text).toContain(`正确答案：${q.answer.map((n) => `${n}. ${q.options[n - 1]}`).join('；')}`);
  expect(text).toContain(`「${q.quote}」`);
  if (!right) expect(text).toContain('本轮稍后会再出一次');
  const href = await feedback.getByRole('link').getAttribute('href');
  expect(href).toMatch(new RegExp(`#${q.clause}$`));
  const next = box.getByRole('button', { name: /^(下一题|查看结果)$/ });
  await next.click();
  await feedback.waitFor({ state: 'detached' });
  return q;
}

/** Clicks 复制签收链接 and reads the link once the page says it was copied. */
async function copySignoff(page: Page): Promise<string> {
  const status = page.locator('.ob-send [role="status"]');
  await page.getByRole('button', { name: '复制签收链接' }).click();
  await expect.poll(() => status.textContent()).toContain('已复制签收链接');
  return (await page.evaluate('navigator.clipboard.readText()')) as string;
}

/** A 签收 made before the quiz existed (format 1: no quiz field), as a file. */
async function formatOneFile() {
  const edition = { version: meta.version, fingerprint: FINGERPRINT };
  const payload = {
    name: '赵小刚',
    role: 'analytics',
    roleName: roleName('analytics'),
    mentor: '',
    startDate: '2026-05-15',
    policyVersion: edition.version,
    policyFingerprint: edition.fingerprint,
    date: '2026-05-16',
    done: {},
    progress: { done: 0, total: 1, overdue: [] },
  };
  const reply = makeReply(
    { tool: 'onboarding', answers: await editionFingerprint(edition), kind: SIGNOFF_REPLY_KIND, payload },
    new Date('2026-05-16T09:00:00+08:00'),
  );
  return { name: '赵小刚.json', mimeType: 'application/json', buffer: Buffer.from(replyToJson(reply)) };
}

const row = (page: Page, name: string) => page.locator('.so-table tbody', { hasText: name });

describe('制度测验', () => {
  it('fails once, passes the second time, prints the 签收单 with the result, sends the 签收; the manager sees it', async () => {
    const hire = await openAt('/tools/onboarding/', '10:00');
    const tool = new ToolPage(hire, 'onboarding');
    await tool.ready();
    const page = hire.page;
    const box = region(page);
    await box.scrollIntoViewIfNeeded();
    await expect(box.textContent()).resolves.toContain('这是帮助理解制度的自测，在你的浏览器中进行，不是考试；答案就在页面里。');
    // Asked by role: no role, no start.
    await expect(box.getByText('请先在上面选择岗位').isVisible()).resolves.toBe(true);
    await page.getByLabel('姓名', { exact: true }).fill('周小雨');
    await page.getByLabel('岗位', { exact: true }).selectOption({ label: roleName('crm') });
    await page.getByLabel('入职日期').fill('2026-05-18');
    await expect(box.getByTestId('quiz-result').textContent()).resolves.toBe('测验结果：未做测验');

    // ---- first attempt: the first three first answers wrong (7 of 10 < 80 %) ----
    await box.getByRole('button', { name: '开始测验' }).click();
    await expect(box.getByText(`第 1 题，共 ${quiz.askCount} 题`).isVisible()).resolves.toBe(true);
    const wrongFirst: QuizQuestion[] = [];
    for (let i = 0; i < 3; i++) wrongFirst.push(await answer(page, false));
    // A reload asks the same next question: the order is kept with the attempt.
    const before = await currentQuestion(box);
    await tool.waitSaved();
    await page.reload();
    await tool.ready();
    await expect(currentQuestion(region(page))).resolves.toEqual(before);
    const asked = new Set(wrongFirst.map((q) => q.id));
    for (let i = 3; i < quiz.askCount; i++) asked.add((await answer(page, true)).id);
    expect(asked.size).toBe(quiz.askCount);
    // Every question asked is one for the role.
    for (const id of asked) {
      const q = quiz.questions.find((x) => x.id === id)!;
      expect(q.roles === 'all' || q.roles.includes('crm'), id).toBe(true);
    }
    // The wrong ones come back, in the order they were missed, and count no more.
    for (const q of wrongFirst) {
      await expect(box.getByText('再答一次').isVisible()).resolves.toBe(true);
      await expect(currentQuestion(box)).resolves.toEqual(q);
      await answer(page, true);
    }
    const failed = box.getByRole('status').filter({ hasText: '本轮得分 70%' });
    await expect(failed.textContent()).resolves.toContain(`第一次就答对 7/${quiz.askCount} 题），未达到及格线 ${quiz.passPercent}%`);
    for (const q of wrongFirst) await expect(failed.textContent()).resolves.toContain(q.question);
    await expect(box.getByTestId('quiz-result').textContent()).resolves.toBe(
      '测验结果：未通过，得分 70%（共做 1 次，最近一次 2026-05-20）',
    );
    await tool.waitSaved();

    // ---- she sends a 签收 now: 未通过 ----
    const send = page.getByRole('region', { name: '发送签收' });
    await send.scrollIntoViewIfNeeded();
    await expect.poll(() => send.textContent()).toContain('制度测验未通过，得分 70%');
    const linkFailed = await copySignoff(page);

    // ---- second attempt: all right ----
    await box.scrollIntoViewIfNeeded();
    await box.getByRole('button', { name: '再做一次' }).click();
    for (let i = 0; i < quiz.askCount; i++) await answer(page, true);
    await expect(box.getByRole('status').filter({ hasText: '已通过' }).textContent()).resolves.toContain(
      '本轮得分 100%',
    );
    const passedText = '通过，得分 100%（共做 2 次，2026-05-20 完成）';
    await expect(box.getByTestId('quiz-result').textContent()).resolves.toBe(`测验结果：${passedText}`);
    await tool.waitSaved();

    // ---- the 制度签收单 as printed on A4: the result is on it ----
    const slip = page.getByRole('group', { name: /签收单/ });
    await expect(slip.getByTestId('slip-quiz').textContent()).resolves.toBe(passedText);
    // Hold the print step's code so the slip stays the printed sheet while the PDF is made (making it
    // fires afterprint, which takes the page back to the checklist).
    let release = () => {};
    const held = new Promise<void>((done) => (release = done));
    await page.route('**/_astro/acknowledgement.*.js', async (route) => {
      await held;
      await route.continue();
    });
    await page.evaluate('window.print = () => {}');
    await page.getByRole('button', { name: '打印签收单' }).click();
    await page.locator('.ob-slip.tool-print-sheet').waitFor({ state: 'attached' });
    await page.emulateMedia({ media: 'print' });
    const pdfFile = join(process.env.PRINT_PDFS ?? dir, 'ack-slip-quiz.pdf');
    writeFileSync(pdfFile, await page.pdf({ format: 'A4' }));
    await page.emulateMedia({ media: 'screen' });
    release();
    await page.locator('.ob-slip.tool-print-sheet').waitFor({ state: 'detached' });
    const pdf = execFileSync('pdftotext', ['-raw', pdfFile, '-'], { encoding: 'utf8' });
    const flat = pdf.replace(/\s+/g, '');
    expect(flat).toContain('签收单');
    expect(flat).toContain('周小雨');
    expect(flat).toContain(`制度测验${passedText}`.replace(/\s+/g, ''));
    expect(flat).toContain(FINGERPRINT);
    expect(pdf.split('\f').filter((p) => p.trim() !== '')).toHaveLength(1); // the slip alone, one page

    // ---- she sends the 签收 again: 通过 ----
    await send.scrollIntoViewIfNeeded();
    await expect.poll(() => send.textContent()).toContain(`制度测验${passedText}`);
    const linkPassed = await copySignoff(page);
    expect(linkPassed).not.toBe(linkFailed);
    const axe = await new AxeBuilder({ page }).include('.ob-quiz').analyze();
    expect(axe.violations.map((v) => v.id)).toEqual([]);
    await closeClean(hire);

    // ---- the manager: the failed 签收, an old one without a quiz, then the passed one ----
    const m = await openAt('/tools/signoffs/', '12:00');
    const manager = new ToolPage(m, 'signoffs');
    await manager.ready();
    const pm = m.page;
    await manager.fill(PASTE, linkFailed);
    await pm.getByRole('button', { name: '收进列表' }).click();
    await pm.getByText('第 1 行：已加入「周小雨」的签收').waitFor();
    await pm.getByLabel(FILES).setInputFiles([await formatOneFile()]);
    await pm.getByText('赵小刚.json：已加入「赵小刚」的签收').waitFor();
    await expect(row(pm, '周小雨').textContent()).resolves.toContain('未通过（70%）');
    await expect(row(pm, '赵小刚').textContent()).resolves.toContain('未做测验');
    await expect(pm.getByTestId('quiz-not-passed').textContent()).resolves.toBe(
      '尚未通过制度测验（2 人）：赵小刚、周小雨', // in the table's order
    );
    await pm.goto(linkPassed);
    await pm.getByText('打开的链接：已更新「周小雨」的签收').waitFor();
    await expect(row(pm, '周小雨').textContent()).resolves.toContain('通过 100%');
    await expect(pm.getByTestId('quiz-not-passed').textContent()).resolves.toBe('尚未通过制度测验（1 人）：赵小刚');
    await manager.waitSaved();
    // The column as a reader finds it, in the table's header.
    await expect(pm.getByRole('columnheader', { name: '制度测验' }).count()).resolves.toBe(1);
    await closeClean(m);
  });

  it('passes axe in light and dark and does not scroll sideways at 375 px', async () => {
    const hire = await openAt('/tools/onboarding/', '10:00');
    await new ToolPage(hire, 'onboarding').ready();
    const page = hire.page;
    await page.getByLabel('岗位', { exact: true }).selectOption({ label: roleName('promotion') });
    const box = region(page);
    await box.getByRole('button', { name: '开始测验' }).click();
    await answer(page, false);
    for (const theme of ['light', 'dark']) {
      await page.evaluate(`document.documentElement.dataset.theme = '${theme}'`);
      const axe = await new AxeBuilder({ page }).include('.ob-quiz').analyze();
      expect(axe.violations.map((v) => `${theme} ${v.id}`)).toEqual([]);
    }
    await page.setViewportSize({ width: 375, height: 800 });
    await expect(page.evaluate('document.documentElement.scrollWidth')).resolves.toBeLessThanOrEqual(375);
    await closeClean(hire);
  });
});
