// The handbook as a reader uses it: clause links, copy link / citation, search, print, axe.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { cspViolations, launchBrowser, openPage, siteUrl } from './support/browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('clause links', () => {
  it('opening /workflows/#c3-3-4 shows 客户投诉处理 in view', async () => {
    const { page, context } = await openPage(browser, '/workflows/#c3-3-4');
    const heading = page.locator('#c3-3-4');
    await expect(heading.textContent()).resolves.toBe('4. 客户投诉处理');
    const box = await heading.boundingBox();
    const viewport = page.viewportSize()!;
    expect(box).not.toBeNull();
    expect(box!.y).toBeGreaterThanOrEqual(0);
    expect(box!.y).toBeLessThan(viewport.height);
    await context.close();
  });

  it('复制链接 and 复制引用 put the URL and the citation on the clipboard', async () => {
    const { page, context } = await openPage(browser, '/workflows/');
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], {
      origin: new URL(siteUrl()).origin,
    });
    await page.getByRole('button', { name: '复制链接：《市场部制度》第三章（三）4 客户投诉处理' }).click();
    await expect(page.evaluate('navigator.clipboard.readText()')).resolves.toBe(
      siteUrl('/workflows/#c3-3-4'),
    );
    const citeButton = page.getByRole('button', {
      name: '复制引用：《市场部制度》第三章（三）4 客户投诉处理',
    });
    await citeButton.click();
    await expect(page.evaluate('navigator.clipboard.readText()')).resolves.toBe(
      `《市场部制度》第三章（三）4 客户投诉处理 ${siteUrl('/workflows/#c3-3-4')}`,
    );
    await expect(
      page.locator('[data-clause="c3-3-4"]').locator('xpath=..').getByRole('status').textContent(),
    ).resolves.toBe('已复制');
    await context.close();
  });

  it('copy works from the keyboard', async () => {
    const { page, context } = await openPage(browser, '/general/');
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], {
      origin: new URL(siteUrl()).origin,
    });
    await page.getByRole('button', { name: '复制链接：《市场部制度》第一章（一） 目的' }).focus();
    await page.keyboard.press('Enter');
    await expect(page.evaluate('navigator.clipboard.readText()')).resolves.toBe(siteUrl('/general/#c1-1'));
    await context.close();
  });

  it('when the Clipboard API is refused, the text is shown selected for Ctrl+C', async () => {
    const context = await browser.newContext();
    await context.addInitScript(
      'navigator.clipboard.writeText = () => Promise.reject(new DOMException("denied", "NotAllowedError"));',
    );
    const page = await context.newPage();
    await page.goto(siteUrl('/finance/'));
    await page.getByRole('button', { name: /^复制引用：《市场部制度》第六章（二）1/ }).click();
    const field = page.getByLabel(/请按 Ctrl\+C/);
    await expect(field.inputValue()).resolves.toBe(
      `《市场部制度》第六章（二）1 年度预算构成 ${siteUrl('/finance/#c6-2-1')}`,
    );
    await expect(
      page.evaluate(
        'document.activeElement.value.slice(document.activeElement.selectionStart, document.activeElement.selectionEnd)',
      ),
    ).resolves.toContain('年度预算构成');
    await context.close();
  });

  it('without JavaScript the heading anchor link still points at the clause', async () => {
    const { page, context } = await openPage(browser, '/workflows/', { javaScriptEnabled: false });
    await expect(page.locator('#c3-3-4 + a.sl-anchor-link').getAttribute('href')).resolves.toBe('#c3-3-4');
    await expect(page.getByRole('button', { name: /^复制链接/ }).count()).resolves.toBe(0);
    await context.close();
  });

  it('/clauses/ lists every pinned clause with a working link', async () => {
    const { page, context } = await openPage(browser, '/clauses/');
    const rows = page.locator('[data-clause-row]');
    await expect(rows.count()).resolves.toBe(62);
    const link = page.locator('[data-clause-row="c3-3-4"] a');
    await expect(link.textContent()).resolves.toBe('客户投诉处理');
    await link.click();
    await page.waitForURL(/\/workflows\/#c3-3-4$/);
    await context.close();
  });
});

describe('Chinese search finds clauses and links to their anchors', () => {
  it.each([
    // query, the clause anchor a result must link to
    ['投诉', '/workflows/#c3-3-4'],
    ['预算', '/finance/#c6-2'],
    ['保密', '/workflows/#c3-4-1'],
    ['转化率', '/performance/#c4-1'],
    ['入职培训', '/training/#c5-1-1'],
    ['考勤', '/workflows/#c3-4-1'],
    ['客户投诉', '/workflows/#c3-3-4'],
  ])('%s → %s', async (query, anchor) => {
    const { page, context, errors } = await openPage(browser, '/general/');
    await page.getByRole('button', { name: /搜索/ }).first().click();
    const input = page.getByRole('searchbox').or(page.locator('dialog input[type="text"]')).first();
    await input.fill(query);
    const hrefs = async () =>
      page
        .locator('dialog a[href]')
        .evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).getAttribute('href')));
    await expect
      .poll(
        async () =>
          (await hrefs()).some((h) => h?.startsWith(siteUrl(anchor).replace(/^https?:\/\/[^/]+/, ''))),
        {
          timeout: 10_000,
        },
      )
      .toBe(true);
    // Search loads on demand and runs under the page's CSP without violations.
    await expect(cspViolations(page)).resolves.toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });
});

describe('search loads on demand', () => {
  it('no Pagefind code is fetched until the reader opens search', async () => {
    const { page, context } = await openPage(browser, '/workflows/');
    const fetched: string[] = [];
    page.on('request', (r) => fetched.push(r.url()));
    await page.waitForLoadState('networkidle');
    await page.waitForTimeout(1500); // past the idle callbacks that used to load it
    expect(fetched.filter((u) => /pagefind|ui-core/.test(u))).toEqual([]);
    await page.keyboard.press('Control+k');
    await expect(page.locator('dialog[open]').count()).resolves.toBe(1);
    await expect.poll(() => fetched.some((u) => /pagefind/.test(u)), { timeout: 10_000 }).toBe(true);
    await context.close();
  });

  it('“/” opens search, but not while typing in a field', async () => {
    const { page, context } = await openPage(browser, '/general/');
    await page.keyboard.press('/');
    await expect(page.locator('dialog[open]').count()).resolves.toBe(1);
    // Inside the search field "/" is just a character.
    const input = page.locator('dialog input[type="text"]').first();
    await input.waitFor();
    await input.focus();
    await page.keyboard.type('a/b');
    await expect(input.inputValue()).resolves.toBe('a/b');
    await page.keyboard.press('Escape');
    await expect(page.locator('dialog[open]').count()).resolves.toBe(0);
    await context.close();
  });
});

describe('print', () => {
  it.each(['/workflows/', '/print/', '/'])(
    '%s hides header, sidebar, table of contents and search when printed',
    async (path) => {
      const { page, context } = await openPage(browser, path);
      await page.emulateMedia({ media: 'print' });
      for (const selector of [
        'header.header',
        '#starlight__sidebar',
        'starlight-toc',
        'site-search',
        '.clause-actions',
      ]) {
        const visible = await page
          .locator(selector)
          .evaluateAll((els) =>
            els.some(
              (el) =>
                (el as HTMLElement).offsetParent !== null ||
                (getComputedStyle(el).display !== 'none' && el.getClientRects().length > 0),
            ),
          );
        expect(visible, `${selector} visible in print`).toBe(false);
      }
      await expect(page.locator('main').isVisible()).resolves.toBe(true);
      await context.close();
    },
  );

  it('/print/ makes an A4 PDF in which each chapter starts a new page', async () => {
    const { page, context } = await openPage(browser, '/print/');
    await page.emulateMedia({ media: 'print' });
    const breaks = await page
      .locator('.print-chapter')
      .evaluateAll((els) => els.map((el) => getComputedStyle(el).breakBefore));
    expect(breaks).toEqual(['auto', 'page', 'page', 'page', 'page', 'page']);
    const pdf = await page.pdf({ format: 'A4', printBackground: false });
    const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
    expect(pages).toBeGreaterThanOrEqual(6);
    await context.close();
  });
});

describe('完整制度 (/print/)', () => {
  it('every id is unique, and each chapter’s heading links land in that chapter', async () => {
    const { page, context } = await openPage(browser, '/print/');
    const repeated = await page.evaluate(() => {
      const count = new Map<string, number>();
      for (const el of document.querySelectorAll('[id]')) count.set(el.id, (count.get(el.id) ?? 0) + 1);
      return [...count].filter(([, n]) => n > 1).map(([id]) => id);
    });
    expect(repeated).toEqual([]);
    // 四 and 六 both have 本章参数（默认示例）: each heading's own link goes to itself.
    const landing = await page.locator('.print-chapter').evaluateAll((sections) =>
      sections.flatMap((section) =>
        [...section.querySelectorAll<HTMLAnchorElement>('a[href^="#"]')].map((a) => {
          const target = document.getElementById(decodeURIComponent(a.hash.slice(1)));
          return target === null || target.closest('.print-chapter') === section ? null : a.hash;
        }),
      ),
    );
    expect(landing.filter((x) => x !== null)).toEqual([]);
    await expect(page.getByRole('heading', { name: '本章参数（默认示例）' }).count()).resolves.toBe(2);
    await context.close();
  });

  it('on A4 the parameter tables keep headers, names and clause references whole, and fit the page', async () => {
    const { execFileSync } = await import('node:child_process');
    const { mkdtempSync, writeFileSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const { parse } = await import('yaml');
    const { readFileSync } = await import('node:fs');
    const appraisal = parse(readFileSync('content/policy/appraisal.yaml', 'utf8')) as { groups: unknown[] };
    const budget = parse(readFileSync('content/policy/budget.yaml', 'utf8')) as {
      categories: { name: string }[];
    };
    const { page, context } = await openPage(browser, '/print/');
    await page.emulateMedia({ media: 'print' });
    const file = join(mkdtempSync(join(tmpdir(), 'print-')), 'print.pdf');
    writeFileSync(file, await page.pdf({ format: 'A4' }));
    const text = execFileSync('pdftotext', ['-raw', file, '-'], { encoding: 'utf8' });
    const lines = text.split('\n').map((l) => l.trim());
    // Each group's KPI table header on one line (Chrome repeats it on a new page), never 单 / 位.
    const header = '指标 单位 方向 目标 权重 计分 条款';
    expect(lines.filter((l) => l === header).length).toBeGreaterThanOrEqual(appraisal.groups.length);
    expect(lines.filter((l) => l.startsWith('指标 ') && l !== header)).toEqual([]);
    // Each 预算类别 starts its row whole: not 市场推 / 广费用.
    for (const { name } of budget.categories) {
      expect(
        lines.some((l) => l.startsWith(`${name} ¥`)),
        name,
      ).toBe(true);
    }
    // A clause reference (四（一）1) stays on one line, laid out at A4's text width (210 − 2 × 16 mm).
    await page.setViewportSize({ width: Math.floor(((210 - 32) / 25.4) * 96), height: 1000 });
    const brokenRefs = await page
      .locator('.clause-ref')
      .evaluateAll((refs) => refs.filter((a) => a.getClientRects().length > 1).map((a) => a.textContent));
    expect(brokenRefs).toEqual([]);
    const overflowing = await page
      .locator('.params-table')
      .evaluateAll((tables) => tables.filter((t) => t.scrollWidth > t.clientWidth + 1).length);
    expect(overflowing).toBe(0);
    await context.close();
  });
});

describe('home page', () => {
  it('shows the policy version, 生效日期, 归口部门 and 下次复审 from content/policy/meta.yaml and the three entry points', async () => {
    const { readFileSync } = await import('node:fs');
    const { parse } = await import('yaml');
    const meta = parse(readFileSync('content/policy/meta.yaml', 'utf8'));
    const { page, context } = await openPage(browser, '/');
    const facts = await page.locator('.policy-facts').textContent();
    expect(facts).toContain(`版本：${meta.version}`);
    const d = new Date(meta.effectiveDate);
    expect(facts).toContain(`${d.getUTCFullYear()}年${d.getUTCMonth() + 1}月${d.getUTCDate()}日`);
    // 归口部门 and 下次复审 (reviewDate is written as YYYY-MM-DD).
    expect(facts).toContain(`归口部门：${meta.owner}`);
    const [ry, rm, rd] = String(meta.reviewDate).split('-').map(Number);
    expect(facts).toContain(`下次复审：${ry}年${rm}月${rd}日`);
    const entries: Record<string, Record<string, string>> = {
      '新员工（入职）': { 入职清单: '/tools/onboarding/' },
      '员工（绩效自评、奖金估算）': { 绩效自评: '/tools/self-review/', 绩效奖金估算: '/tools/bonus/' },
      '经理与审批人（团队考核、签收、预算审批）': {
        团队考核: '/tools/team-review/',
        新员工签收: '/tools/signoffs/',
        预算申请单: '/tools/budget-request/',
        条款索引: '/clauses/',
      },
    };
    for (const [name, links] of Object.entries(entries)) {
      const region = page.getByRole('region', { name });
      await expect(region.getByRole('heading', { name }).count()).resolves.toBe(1);
      for (const [text, href] of Object.entries(links)) {
        await expect(
          region.getByRole('link', { name: text, exact: true }).getAttribute('href'),
        ).resolves.toBe(href);
      }
    }
    await context.close();
  });
});
