// The site after three releases: scripts/build-revision-fixture.mjs lays test/fixtures/revision/<v>
// over a copy of the content and publishes each with `npm run release`: 1.0.1 --minor (一（三）1 gets
// a 顿号), 1.1 substantive (六（一）1 changed, 六（一）3 removed, a new 六（二）2 pushing the old one to
// 六（二）3, a new 第七章 with a （十一）), 1.1.1 --minor (五（一）3 gets a 顿号); then builds
// dist-revision/. Checked here as a reader sees it: the diffs on /changelog/ with the editorial
// releases marked, the marks on the changed clauses, the removed clause's anchor, the new chapter
// everywhere, the banner that tells a reader who signed before 1.1 what changed (and nobody after
// an editorial release), and the review date the last release moved forward.
import { existsSync, readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { AxeBuilder } from '@axe-core/playwright';
import { startStaticServer } from '../../scripts/static-server.mjs';
import { launchBrowser, wakeTools } from './support/browser';
import { clausePrint } from '../../src/policy/versions';
import type { VersionArchive } from '../../src/core/revision';
import { makeReply, replyToJson } from '../../src/core/reply';
import { editionFingerprint, SIGNOFF_REPLY_KIND, type SignoffPayload } from '../../src/tools/onboarding/logic/signoff';

const ROOT = process.env.REVISION_DIST_DIR || 'dist-revision';
/** The copy of the project the fixture was published in (its content/versions). */
const SITE = '.tmp/revision-site';

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
  now?: Date,
): Promise<{ page: Page; errors: string[] }> {
  const context = await browser.newContext({ locale: 'zh-CN', colorScheme });
  if (init) await context.addInitScript(init);
  const page = await context.newPage();
  if (now) await page.clock.setFixedTime(now);
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  await page.goto(url(path), { waitUntil: 'load' });
  await wakeTools(page); // a tool's code loads once the reader points at it
  return { page, errors };
}

describe('修订记录 of the fixture 1.0.1 → 1.1 → 1.1.1', () => {
  it('lists every clause added, changed, removed and renumbered, with character-level diffs', async () => {
    const { page, errors } = await open('/changelog/');
    const v11 = page.locator('.rev-version[data-version="1.1"]');
    await expect(v11.locator('.rev-summary').textContent()).resolves.toContain(
      '与 1.0.1 版相比：新增 3 条，修改 1 条，删除 1 条，改号 1 条',
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

  it('marks the --minor releases 编辑性修订 and still shows their changes; 1.1 is not marked', async () => {
    const { page, errors } = await open('/changelog/');
    for (const [version, id, inserted] of [
      ['1.0.1', 'c1-3-1', '［新增：、］'],
      ['1.1.1', 'c5-1-3', '［新增：、］'],
    ] as const) {
      const entry = page.locator(`.rev-version[data-version="${version}"]`);
      await expect(entry.textContent()).resolves.toContain('编辑性修订');
      await expect(entry.textContent()).resolves.toContain('无须重新签收');
      const change = page.locator(`[id="r${version}-${id}"]`);
      await expect(change.locator('ins').allTextContents()).resolves.toEqual([inserted]);
    }
    await expect(page.locator('.rev-version[data-version="1.1"]').textContent()).resolves.not.toContain(
      '编辑性修订',
    );
    await expect(page.getByRole('heading', { name: /^1\.0\.1 编辑性修订/ }).count()).resolves.toBe(1);
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
  // What the 签收单 stored in a browser that signed `version`: its version and each clause's hash.
  const signedAt = (version: string) => {
    const dir = version === '1.0' ? 'content/versions' : `${SITE}/content/versions`;
    const archive = JSON.parse(readFileSync(`${dir}/${version}.json`, 'utf8')) as VersionArchive;
    return JSON.stringify({
      v: 1,
      savedAt: '2026-03-01T08:00:00.000Z',
      data: {
        version,
        signedAt: '2026-03-01T08:00:00.000Z',
        clauses: Object.fromEntries(archive.clauses.map((c) => [c.id, clausePrint(c)])),
      },
    });
  };
  // Only when nothing is stored yet, so a reload keeps what the page itself saved.
  const signed = (version: string) =>
    `try { if (!localStorage.getItem('mh:ack:policy')) localStorage.setItem('mh:ack:policy', ${JSON.stringify(signedAt(version))}); } catch {}`;
  const init = signed('1.0');

  // The substantive 1.1 changed six clauses; the editorial 1.0.1 (一（三）1) and 1.1.1 (五（一）3) are
  // not counted, for a reader who signed 1.0 or 1.0.1 alike.
  it.each([
    ['/', '1.0'],
    ['/tools/onboarding/', '1.0'],
    ['/', '1.0.1'],
  ])('%s tells a %s signer exactly which clauses changed substantively', async (path, version) => {
    const { page, errors } = await open(path, signed(version));
    const banner = page.getByRole('complementary', { name: '制度已修订，需要重新签收' });
    await banner.waitFor({ state: 'visible' });
    // innerText: what the reader sees (the blocks for other versions are in the page, hidden).
    await expect(banner.innerText()).resolves.toContain(
      `您签收的是 ${version} 版，之后修订了 6 条（现行 1.1.1 版）`,
    );
    const items = await banner
      .locator('[data-ack-clause]')
      .evaluateAll((els) =>
        els
          .filter((e) => (e as HTMLElement).offsetParent !== null)
          .map((e) => e.getAttribute('data-ack-clause')),
      );
    expect(items).toEqual(['c6-1-1', 'c6-2-2', 'c6-2-3', 'c7-1', 'c7-11', 'c6-1-3']);
    await expect(
      banner.locator(`[data-ack-since="${version}"] [data-ack-clause="c6-1-1"] ins`).textContent(),
    ).resolves.toContain('和报销流程');
    await expect(
      banner.getByRole('link', { name: /重新打印并签署 1\.1\.1 版制度签收单/ }).getAttribute('href'),
    ).resolves.toBe('/tools/onboarding/');
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it.each(['/', '/tools/onboarding/'])(
    '%s asks a 1.1 signer nothing: only an editorial release (1.1.1) came after',
    async (path) => {
      const { page, errors } = await open(path, signed('1.1'));
      await page.locator('[data-ack-banner][data-ack-status="current"]').waitFor({ state: 'attached' });
      await expect(
        page.getByRole('complementary', { name: '制度已修订，需要重新签收' }).count(),
      ).resolves.toBe(0);
      expect(errors).toEqual([]);
      await page.context().close();
    },
  );

  it('signing the new 签收单 records 1.1.1, and the banner goes away', async () => {
    const { page, errors } = await open('/tools/onboarding/', `window.print = () => {}; ${init}`);
    await page.locator('[data-ack-banner][data-ack-status="outdated"]').waitFor();
    await page.getByRole('button', { name: '打印签收单' }).click();
    await expect
      .poll(() => page.evaluate(`JSON.parse(localStorage.getItem('mh:ack:policy') || 'null')?.data?.version`))
      .toBe('1.1.1');
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

describe('新员工签收 after an editorial release', () => {
  /** A 签收 file of `version` made on an earlier build (nothing ticked off, so nobody is behind). */
  async function signoffFile(name: string, version: string) {
    const edition = { version, fingerprint: 'abcdef123456' };
    const payload: SignoffPayload = {
      name,
      role: 'crm',
      roleName: '客户关系管理组',
      mentor: '',
      startDate: '',
      policyVersion: version,
      policyFingerprint: edition.fingerprint,
      date: '2027-04-10',
      done: {},
      progress: { done: 0, total: 0, overdue: [] },
    };
    const reply = makeReply(
      { tool: 'onboarding', answers: await editionFingerprint(edition), kind: SIGNOFF_REPLY_KIND, payload },
      new Date('2027-04-10T09:00:00+08:00'),
    );
    return { name: `${name}.json`, mimeType: 'application/json', buffer: Buffer.from(replyToJson(reply)) };
  }

  it('a 签收 of 1.1 still holds at 1.1.1; one of 1.0 counts the six clauses 1.1 changed', async () => {
    const { page, errors } = await open('/tools/signoffs/');
    await page.locator('[data-tool="signoffs"][data-ready="true"]').waitFor();
    await page
      .getByLabel('选择签收文件（.json，可多选）')
      .setInputFiles([await signoffFile('钱一', '1.1'), await signoffFile('孙二', '1.0')]);
    const row = (name: string) => page.locator('.so-table tbody', { hasText: name });
    await row('孙二').waitFor();
    // The mark beside the version: current (its words) or 须重新签收 with the reason after it.
    await expect(row('钱一').locator('.so-version .so-mark').textContent()).resolves.toBe(
      '1.1 版，之后只有编辑性修订，无须重新签收',
    );
    await expect(row('孙二').locator('.so-version .so-mark').textContent()).resolves.toBe('须重新签收');
    await expect(row('孙二').textContent()).resolves.toContain('旧版本 1.0，之后修订了 6 条，须按当前版本重新签收');
    expect(errors).toEqual([]);
    await page.context().close();
  });
});

describe('归口部门 and 下次复审', () => {
  // The last release (1.1.1, effective 2027-04-01) moved 复审日期 forward by meta.yaml's
  // reviewIntervalMonths (12): 2028-04-01.
  it.each(['/', '/changelog/'])('%s shows the owner and the next review date', async (path) => {
    const { page, errors } = await open(path);
    const facts = page.getByRole('list', { name: '制度信息' });
    await expect(facts.getByRole('listitem').allTextContents()).resolves.toEqual(
      expect.arrayContaining(['版本：1.1.1', '归口部门：市场部', '下次复审：2028年4月1日']),
    );
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it.each([
    // the day before: nothing to say
    ['2028-03-31T23:30:00', false],
    // on the review date and after, in the reader's own time zone
    ['2028-04-01T00:10:00', true],
    ['2029-01-15T12:00:00', true],
  ] as const)('on %s the home page says the policy is due for review: %s', async (now, due) => {
    const { page, errors } = await open('/', undefined, 'light', new Date(now));
    await page.locator(`[data-review-due][data-review-status="${due ? 'due' : 'not-due'}"]`).waitFor({
      state: 'attached',
    });
    const notice = page.getByText('本制度已到复审日期（2028年4月1日），请以归口部门（市场部）的最新通知为准。');
    await expect(notice.isVisible()).resolves.toBe(due);
    expect(errors).toEqual([]);
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
