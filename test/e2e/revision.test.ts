// The site after a revision: scripts/build-revision-fixture.mjs lays test/fixtures/revision over a
// copy of the content (六（一）1 changed, 六（一）3 removed, a new 六（二）2 pushing the old one to
// 六（二）3, a new 第七章 with a （十一）), publishes it as 1.1 with `npm run release` and builds
// dist-revision/. Checked here as a reader sees it: the diffs on /changelog/, the marks on the
// changed clauses, the removed clause's anchor, the new chapter everywhere, and the banner that
// tells a reader who signed 1.0 what changed.
import { existsSync, readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { AxeBuilder } from '@axe-core/playwright';
import { startStaticServer } from '../../scripts/static-server.mjs';
import { launchBrowser, wakeTools } from './support/browser';
import { clausePrint } from '../../src/policy/versions';
import type { VersionArchive } from '../../src/core/revision';

const ROOT = process.env.REVISION_DIST_DIR || 'dist-revision';

let browser: Browser;
let server: { url: string; close: () => Promise<void> };
const url = (path: string) => new URL(path.replace(/^\//, ''), server.url).href;

beforeAll(async () => {
  if (!existsSync(`${ROOT}/index.html`)) {
    throw new Error(
      `${ROOT}/ 不存在：请先运行 npx node scripts/build-revision-fixture.mjs（npm test 会自动构建）。`,
    );
  }
  server = await startStaticServer({ root: ROOT, base: '/' });
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function open(
  path: string,
  init?: string,
  colorScheme: 'light' | 'dark' = 'light',
): Promise<{ page: Page; errors: string[] }> {
  const context = await browser.newContext({ locale: 'zh-CN', colorScheme });
  if (init) await context.addInitScript(init);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  await page.goto(url(path), { waitUntil: 'load' });
  await wakeTools(page); // a tool's code loads once the reader points at it
  return { page, errors };
}

describe('修订记录 of the fixture 1.1', () => {
  it('lists every clause added, changed, removed and renumbered, with character-level diffs', async () => {
    const { page, errors } = await open('/changelog/');
    const v11 = page.locator('.rev-version[data-version="1.1"]');
    await expect(v11.locator('.rev-summary').textContent()).resolves.toContain(
      '与 1.0 版相比：新增 3 条，修改 1 条，删除 1 条，改号 1 条',
    );
    const kinds = await v11
      .locator('.rev-change')
      .evaluateAll((els) => els.map((e) => `${e.getAttribute('data-kind')} ${e.id}`));
    expect(kinds).toEqual([
      'changed r1.1-c6-1-1',
      'added r1.1-c6-2-2',
      'renumbered r1.1-c6-2-3',
      'added r1.1-c7-1',
      'added r1.1-c7-11',
      'removed r1.1-c6-1-3',
    ]);
    // The changed clause: exactly the inserted words are marked, nothing struck out.
    const changed = page.locator('#r1\\.1-c6-1-1');
    await expect(changed.locator('ins').allTextContents()).resolves.toEqual(['［新增：和报销流程］']);
    await expect(changed.locator('del').count()).resolves.toBe(0);
    // The renumbered clause says where it came from and did not change a word.
    const moved = page.locator('#r1\\.1-c6-2-3');
    await expect(moved.textContent()).resolves.toContain('六（二）3 预算执行（原 六（二）2）');
    await expect(moved.locator('ins, del').count()).resolves.toBe(0);
    // The removed clause's whole text is struck out and links to its kept anchor.
    const removed = page.locator('#r1\\.1-c6-1-3');
    await expect(removed.locator('del').textContent()).resolves.toContain('每月编制财务报表');
    await expect(removed.getByRole('link').getAttribute('href')).resolves.toBe('/finance/#c6-1-3');
    // 1.0 stays as the first archive.
    await expect(page.locator('.rev-version[data-version="1.0"]').textContent()).resolves.toContain(
      '首次存档，共 62 条',
    );
    expect(errors).toEqual([]);
    await page.context().close();
  });
});

describe('chapter pages after the revision', () => {
  it('marks the changed clause with 「1.1 修订」 linking to its diff', async () => {
    const { page } = await open('/finance/');
    const mark = page.locator('[data-revised-for="c6-1-1"]').getByRole('link', { name: '1.1 修订' });
    await expect(mark.getAttribute('href')).resolves.toBe('/changelog/#r1.1-c6-1-1');
    await expect(page.locator('[data-revised-for="c6-2-3"]').getByRole('link').textContent()).resolves.toBe(
      '1.1 改号',
    );
    await expect(page.locator('[data-revised-for="c6-2-2"]').getByRole('link').textContent()).resolves.toBe(
      '1.1 新增',
    );
    // Unchanged clauses carry no mark.
    await expect(page.locator('[data-revised-for="c6-1-2"]').count()).resolves.toBe(0);
    await mark.click();
    await page.waitForURL(/changelog\/#r1\.1-c6-1-1$/);
    await expect(page.locator('#r1\\.1-c6-1-1').isVisible()).resolves.toBe(true);
    await page.context().close();
  });

  it('keeps the removed clause’s anchor with its old text, marked removed in 1.1', async () => {
    const { page } = await open('/finance/#c6-1-3');
    const heading = page.locator('#c6-1-3');
    await expect(heading.textContent()).resolves.toContain('六（一）3 财务分析与报表');
    const article = page.locator('[data-retired="c6-1-3"]');
    await expect(article.textContent()).resolves.toContain('已在 1.1 版删除');
    await expect(article.locator('del').textContent()).resolves.toContain('每月编制财务报表，向公司领导汇报');
    await expect(heading.isVisible()).resolves.toBe(true);
    // The editorial note on the truncated text moved with its clause and stays.
    await expect(page.locator('.starlight-aside').first().textContent()).resolves.toContain('原文到此中断');
    await page.context().close();
  });

  it('a new chapter file is 第七章 everywhere: page, sections past 十, sidebar, clause index, print', async () => {
    const { page } = await open('/supplementary/');
    await expect(page.locator('h1').textContent()).resolves.toBe('第七章 附则');
    await expect(page.locator('h2#c7-11').textContent()).resolves.toContain('（十一）施行');
    await expect(page.locator('#c7-11').getAttribute('data-cite')).resolves.toBe(
      '《市场部制度》第七章（十一） 施行',
    );
    await expect(
      page
        .locator(
          'nav[aria-label="主要"] a[href="/supplementary/"], .sidebar-content a[href="/supplementary/"]',
        )
        .count(),
    ).resolves.toBeGreaterThan(0);
    await page.goto(url('/clauses/'));
    await expect(page.locator('[data-clause-row="c7-11"]').textContent()).resolves.toContain(
      '第七章（十一）',
    );
    await page.goto(url('/print/'));
    await expect(page.locator('#print-supplementary').textContent()).resolves.toContain('第七章 附则');
    await page.context().close();
  });
});

describe('re-acknowledgement', () => {
  // What the 签收单 stored in a browser that signed 1.0: its version and each clause's hash.
  const v10 = JSON.parse(readFileSync('content/versions/1.0.json', 'utf8')) as VersionArchive;
  const signed10 = JSON.stringify({
    v: 1,
    savedAt: '2026-03-01T08:00:00.000Z',
    data: {
      version: '1.0',
      signedAt: '2026-03-01T08:00:00.000Z',
      clauses: Object.fromEntries(v10.clauses.map((c) => [c.id, clausePrint(c)])),
    },
  });
  // Only when nothing is stored yet, so a reload keeps what the page itself saved.
  const init = `try { if (!localStorage.getItem('mh:ack:policy')) localStorage.setItem('mh:ack:policy', ${JSON.stringify(signed10)}); } catch {}`;

  it.each(['/', '/tools/onboarding/'])(
    '%s tells a 1.0 signer exactly which clauses changed',
    async (path) => {
      const { page, errors } = await open(path, init);
      const banner = page.getByRole('complementary', { name: '制度已修订，需要重新签收' });
      await banner.waitFor({ state: 'visible' });
      await expect(banner.textContent()).resolves.toContain('您签收的是 1.0 版，之后修订了 6 条');
      const items = await banner
        .locator('[data-ack-clause]')
        .evaluateAll((els) =>
          els
            .filter((e) => (e as HTMLElement).offsetParent !== null)
            .map((e) => e.getAttribute('data-ack-clause')),
        );
      expect(items).toEqual(['c6-1-1', 'c6-2-2', 'c6-2-3', 'c7-1', 'c7-11', 'c6-1-3']);
      await expect(banner.locator('[data-ack-clause="c6-1-1"] ins').textContent()).resolves.toContain(
        '和报销流程',
      );
      await expect(
        banner.getByRole('link', { name: /重新打印并签署 1\.1 版制度签收单/ }).getAttribute('href'),
      ).resolves.toBe('/tools/onboarding/');
      expect(errors).toEqual([]);
      await page.context().close();
    },
  );

  it('signing the new 签收单 records 1.1, and the banner goes away', async () => {
    const { page, errors } = await open('/tools/onboarding/', `window.print = () => {}; ${init}`);
    await page.locator('[data-ack-banner][data-ack-status="outdated"]').waitFor();
    await page.getByRole('button', { name: '打印签收单' }).click();
    await expect
      .poll(() => page.evaluate(`JSON.parse(localStorage.getItem('mh:ack:policy') || 'null')?.data?.version`))
      .toBe('1.1');
    const stored = (await page.evaluate(
      `JSON.parse(localStorage.getItem('mh:ack:policy')).data.clauses`,
    )) as Record<string, string>;
    expect(Object.keys(stored)).toContain('c7-11');
    expect(Object.keys(stored)).not.toContain('c6-1-3');
    await page.reload({ waitUntil: 'load' });
    await page.locator('[data-ack-banner][data-ack-status="current"]').waitFor({ state: 'attached' });
    await expect(page.locator('[data-ack-banner]').isHidden()).resolves.toBe(true);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('with storage unavailable, pages still work and show no banner', async () => {
    const { page, errors } = await open(
      '/',
      `Object.defineProperty(window, 'localStorage', { get() { throw new DOMException('denied', 'SecurityError'); } });`,
    );
    await page.locator('[data-ack-banner][data-ack-status="unsigned"]').waitFor({ state: 'attached' });
    await expect(page.locator('[data-ack-banner]').isHidden()).resolves.toBe(true);
    expect(errors.filter((e) => /ack|acknowledg/i.test(e))).toEqual([]);
    await page.context().close();
  });
});

describe('制度测验 questions after the revision', () => {
  it('/parameters/ marks the question citing the changed 六（一）1 待复核, the others 已核对', async () => {
    const quiz = parse(readFileSync('content/policy/quiz.yaml', 'utf8')) as {
      questions: { id: string; clause: string; checked: string }[];
    };
    const cites = quiz.questions.filter((q) => q.clause === 'c6-1-1').map((q) => q.id);
    expect(cites.length).toBeGreaterThan(0); // the fixture changes a clause the quiz cites
    const { page, errors } = await open('/parameters/');
    await expect(page.getByTestId('quiz-review-note').textContent()).resolves.toContain(
      `有 ${cites.length} 道题引用的条款在核对之后修订过`,
    );
    for (const q of quiz.questions) {
      const status = await page.locator(`[data-params="quiz"] tr[data-question="${q.id}"] td`).last().textContent();
      expect(status, q.id).toBe(
        cites.includes(q.id) ? `待复核（1.1 版修订了该条款，上次核对于 ${q.checked} 版）` : `已核对（${q.checked} 版）`,
      );
    }
    expect(errors).toEqual([]);
    await page.context().close();
  });
});

describe.each(['light', 'dark'] as const)('accessibility of the revision views, %s theme', (theme) => {
  const signed10 = (() => {
    const v10 = JSON.parse(readFileSync('content/versions/1.0.json', 'utf8')) as VersionArchive;
    const data = {
      version: '1.0',
      signedAt: '2026-03-01T08:00:00.000Z',
      clauses: Object.fromEntries(v10.clauses.map((c) => [c.id, clausePrint(c)])),
    };
    return JSON.stringify({ v: 1, savedAt: data.signedAt, data });
  })();
  it.each(['/changelog/', '/finance/', '/'])(
    '%s has no axe violations (diffs, marks, removed clauses, banner)',
    async (path) => {
      const { page, errors } = await open(
        path,
        `localStorage.setItem('mh:ack:policy', ${JSON.stringify(signed10)});`,
        theme,
      );
      await page.waitForLoadState('networkidle');
      if (path === '/') await page.locator('[data-ack-banner][data-ack-status="outdated"]').waitFor();
      const results = await new AxeBuilder({ page }).analyze();
      expect(
        results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
      ).toEqual([]);
      expect(errors).toEqual([]);
      await page.context().close();
    },
  );
});
