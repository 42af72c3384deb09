// The search battery: queries a reader types, each with the clause or page that must come
// first in the search dialog of the built site. It guards Pagefind upgrades too: Pagefind's Chinese
// segmentation changed between 1.4, 1.5 and 1.6 (Pagefind #1237 lost zh-TW results).
import { AxeBuilder } from '@axe-core/playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { cspViolations, launchBrowser, openPage, siteUrl, type PageWatch } from './support/browser';

type Kind = '短词' | '原文短语' | '工具名' | '繁體' | '多条共有' | '多词';

// query, kind, the link that must come first, and (optionally) a link that must be among the first five
const BATTERY: ReadonlyArray<readonly [string, Kind, string, string?]> = [
  // 2–3 characters
  ['投诉', '短词', '/workflows/#c3-3-4'],
  ['保密', '短词', '/workflows/#c3-4-1'],
  ['考勤', '短词', '/workflows/#c3-4-1'],
  ['轮岗', '短词', '/training/#c5-2-2'],
  ['诚信', '短词', '/general/#c1-3-2'],
  ['问卷', '短词', '/workflows/#c3-1-2'],
  ['素材', '短词', '/workflows/#c3-2-3'],
  ['跟进', '短词', '/workflows/#c3-3-2'],
  ['晋升', '短词', '/performance/#c4-3-2'],
  ['报表', '短词', '/finance/#c6-1-3'],
  ['创新奖', '短词', '/performance/#c4-3-4'],
  ['档案', '短词', '/training/#c5-2-3'],
  // phrases taken from the policy text, 4–8 characters
  ['客户投诉', '原文短语', '/workflows/#c3-3-4'],
  ['工作记录', '原文短语', '/workflows/#c3-4-3'],
  ['优秀员工奖', '原文短语', '/performance/#c4-3-4'],
  ['得分越高奖金越高', '原文短语', '/performance/#c4-3-1'],
  ['不得随意调整', '原文短语', '/finance/#c6-2-2'],
  ['不得超预算开支', '原文短语', '/finance/#c6-1-2'],
  ['迟到早退', '原文短语', '/workflows/#c3-4-1'],
  ['焦点小组', '原文短语', '/workflows/#c3-1-2'],
  ['投资回报率', '原文短语', '/workflows/#c3-2-6'],
  ['搜索引擎优化', '原文短语', '/organization/#c2-2-2'],
  ['客户数据库', '原文短语', '/organization/#c2-2-3'],
  ['复合型人才', '原文短语', '/training/#c5-2-2'],
  ['商业秘密', '原文短语', '/workflows/#c3-4-1'],
  ['宣传海报', '原文短语', '/workflows/#c3-2-3'],
  ['邀请行业专家', '原文短语', '/training/#c5-1-3'],
  ['提高工作效率', '原文短语', '/general/#c1-3-3'],
  ['避免客户投诉升级', '原文短语', '/workflows/#c3-3-4'],
  ['月度考核', '原文短语', '/performance/#c4-2'],
  ['客户转化率', '原文短语', '/performance/#c4-1-2'],
  // tools and reference pages by their names; 奖金 is policy text first, the tool close behind
  ['入职清单', '工具名', '/tools/onboarding/'],
  ['自评', '工具名', '/tools/self-review/'],
  ['预算申请', '工具名', '/tools/budget-request/'],
  ['奖金估算', '工具名', '/tools/bonus/'],
  ['奖金', '工具名', '/performance/#c4-3-1', '/tools/bonus/'],
  ['参数说明', '工具名', '/parameters/'],
  ['修订记录', '工具名', '/changelog/'],
  // 繁體 input finds what 简体 finds
  ['預算', '繁體', '/finance/#c6-2'],
  ['績效獎金', '繁體', '/performance/#c4-3-1'],
  ['客戶投訴', '繁體', '/workflows/#c3-3-4'],
  ['優秀員工獎', '繁體', '/performance/#c4-3-4'],
  ['職業發展檔案', '繁體', '/training/#c5-2-3'],
  ['財務報表', '繁體', '/finance/#c6-1-3'],
  ['遲到早退', '繁體', '/workflows/#c3-4-1'],
  // words several clauses share: the clause about them comes first
  ['预算', '多条共有', '/finance/#c6-2'],
  ['工作规范', '多条共有', '/workflows/#c3-4'],
  ['调研报告', '多条共有', '/workflows/#c3-1-4'],
  ['推广效果', '多条共有', '/workflows/#c3-2-5'],
  ['入职培训', '多条共有', '/training/#c5-1-1'],
  ['品牌曝光度', '多条共有', '/performance/#c4-1-1'],
  ['审批流程', '多条共有', '/finance/#c6-1-1', '/tools/budget-request/'],
  ['绩效考核周期', '多条共有', '/performance/#c4-2'],
  // several words: the clause holding all of them first
  ['投诉 升级', '多词', '/workflows/#c3-3-4'],
  ['预算 随意调整', '多词', '/finance/#c6-2-2'],
  ['晋升 职业发展空间', '多词', '/performance/#c4-3-2'],
];

let browser: Browser;
let watch: PageWatch;

/** Path and fragment of a link, without the site's origin and base (so the table reads /x/#y). */
const sitePath = (href: string) => '/' + new URL(href, siteUrl()).href.slice(siteUrl().length);

async function searchFor(page: Page, query: string): Promise<string[]> {
  const input = page.locator('#starlight__search input[type="text"]');
  await input.fill('');
  await page.locator('#starlight__search .pagefind-ui__results-area').waitFor({ state: 'detached' });
  await input.fill(query);
  const message = page.locator('#starlight__search .pagefind-ui__message');
  await expect
    .poll(() => message.textContent(), { timeout: 10_000 })
    .toMatch(new RegExp(`^“${query}”：找到 \\d+ 条结果$`));
  const links = page.locator('#starlight__search .pagefind-ui__result-link');
  await links.first().waitFor();
  // Results render as placeholders until their data loads; wait until the first five are real links.
  const shown = Math.min(5, await page.locator('#starlight__search .pagefind-ui__result').count());
  await expect.poll(() => links.count(), { timeout: 10_000 }).toBeGreaterThanOrEqual(shown);
  const hrefs = await links.evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href));
  return hrefs.map(sitePath);
}

/** The results shown (the first five at most): each link's path and its result's text (labels, chapter, excerpt). */
async function shownResults(page: Page, query: string): Promise<Array<{ href: string; text: string }>> {
  await searchFor(page, query);
  const results = page.locator('#starlight__search .pagefind-ui__result').filter({ has: page.locator('a') });
  const rows = await results.evaluateAll((lis) =>
    lis.map((li) => ({ href: li.querySelector('a')!.href, text: li.textContent ?? '' })),
  );
  return rows.slice(0, 5).map((row) => ({ href: sitePath(row.href), text: row.text }));
}

const PARTIAL = '部分匹配';
const SYNONYM = '同义词';

beforeAll(async () => {
  browser = await launchBrowser();
  watch = await openPage(browser, '/performance/');
  await watch.page.getByRole('button', { name: /搜索/ }).first().click();
  await watch.page.locator('#starlight__search input[type="text"]').waitFor();
});
afterAll(async () => {
  await watch?.context.close();
  await browser?.close();
});

describe('the battery covers every kind of query a reader types', () => {
  it('has at least 40 queries, 2 to 8 characters, of every kind', () => {
    expect(BATTERY.length).toBeGreaterThanOrEqual(40);
    const kinds = new Set(BATTERY.map(([, kind]) => kind));
    expect([...kinds].sort()).toEqual(['多条共有', '多词', '工具名', '原文短语', '短词', '繁體'].sort());
    for (const [query] of BATTERY) {
      const length = [...query.replace(/\s/g, '')].length;
      expect(length, query).toBeGreaterThanOrEqual(2);
      expect(length, query).toBeLessThanOrEqual(8);
    }
  });
});

describe('search battery: the first link', () => {
  it.each(BATTERY)('%s（%s）→ %s', async (query, _kind, first, alsoInTopFive) => {
    const hrefs = await searchFor(watch.page, String(query));
    expect(hrefs[0]).toBe(first);
    if (alsoInTopFive) expect(hrefs.slice(0, 5)).toContain(alsoInTopFive);
    // The same clause is never listed twice.
    expect(new Set(hrefs).size).toBe(hrefs.length);
    // Every query of the battery is policy text: the first result holds all of it.
    const [top] = await shownResults(watch.page, String(query));
    expect(top?.text).not.toContain(PARTIAL);
    expect(top?.text).not.toContain(SYNONYM);
  });
});

describe('words the policy does not use, and queries it holds only in part', () => {
  it('「怎么报销」 finds 六（一）1 first, saying it searched 费用支出 and 审批 instead of 报销', async () => {
    const results = await shownResults(watch.page, '怎么报销');
    expect(results[0]?.href).toBe('/finance/#c6-1-1');
    expect(results[0]?.text).toContain('未找到“报销”，按同义词“费用支出”“审批”找到');
    // each result says which of the policy's words it holds
    for (const { text } of results) expect(text).toMatch(/未找到“报销”，按同义词(“费用支出”|“审批”)+找到/);
  });

  it('「加班费」 says that nothing holds it all, and labels each 费 result as partial', async () => {
    const results = await shownResults(watch.page, '加班费');
    expect(results.length).toBeGreaterThan(0);
    expect(results[0]?.text).toContain('没有完全匹配“加班费”的结果');
    for (const { text } of results) expect(text).toContain('部分匹配：只含“费”');
  });

  it('「投诉 升级」 lists the clause holding both words first, those holding one after it, labelled', async () => {
    const results = await shownResults(watch.page, '投诉 升级');
    expect(results[0]?.href).toBe('/workflows/#c3-3-4');
    expect(results[0]?.text).not.toContain(PARTIAL);
    expect(results.length).toBeGreaterThan(1);
    for (const { text } of results.slice(1)) expect(text).toMatch(/部分匹配：只含“(投诉|升级)”/);
  });

  it('「客诉」 (staff shorthand) finds the 客户投诉 clause, labelled as a synonym result', async () => {
    const results = await shownResults(watch.page, '客诉');
    expect(results[0]?.href).toBe('/workflows/#c3-3-4');
    expect(results[0]?.text).toContain('未找到“客诉”，按同义词“客户投诉”找到');
  });

  it('a reader typing 繁體 finds the synonyms too: 「報銷」', async () => {
    const results = await shownResults(watch.page, '報銷');
    expect(results[0]?.href).toBe('/finance/#c6-1-1');
    expect(results[0]?.text).toContain('未找到“报销”，按同义词“费用支出”“审批”找到');
  });

  it.each(['light', 'dark'] as const)('the labels pass axe in the %s theme', async (colorScheme) => {
    const themed = await openPage(browser, '/performance/', { colorScheme });
    try {
      await themed.page.getByRole('button', { name: /搜索/ }).first().click();
      for (const query of ['怎么报销', '加班费']) {
        await shownResults(themed.page, query);
        const results = await new AxeBuilder({ page: themed.page }).include('#starlight__search').analyze();
        expect(results.violations.map((v) => `${query} ${v.id}: ${v.nodes.map((n) => n.target).join(' ')}`)).toEqual([]);
      }
      expect(themed.errors).toEqual([]);
    } finally {
      await themed.context.close();
    }
  });
});

describe('the dialog speaks Chinese and shows the clause', () => {
  it('a result shows the clause number, title, chapter and a highlighted excerpt without a stray ". "', async () => {
    const { page } = watch;
    await searchFor(page, '客户投诉');
    const first = page.locator('#starlight__search .pagefind-ui__result').first();
    await expect(first.locator('.pagefind-ui__result-link').textContent()).resolves.toBe(
      '三（三）4 客户投诉处理',
    );
    await expect(first.locator('.search-result-group').textContent()).resolves.toBe('第三章 工作流程与规范');
    const excerpt = (await first.locator('.pagefind-ui__result-excerpt').textContent()) ?? '';
    expect(excerpt).not.toMatch(/^第三章 工作流程与规范\s*[.。，,]/);
    expect(excerpt).not.toMatch(/[\u4e00-\u9fff]\. /);
    await expect(first.locator('mark').first().textContent()).resolves.toMatch(/客户|投诉/);
    // No English left in the result tags (Pagefind shows meta as "Key: value").
    await expect(first.locator('.pagefind-ui__result-tags').count()).resolves.toBe(0);
  });

  it('says in Chinese when nothing is found', async () => {
    const { page } = watch;
    const input = page.locator('#starlight__search input[type="text"]');
    await input.fill('足球比赛');
    await expect
      .poll(() => page.locator('#starlight__search .pagefind-ui__message').textContent(), { timeout: 10_000 })
      .toBe('没有找到与“足球比赛”相关的条款或页面');
  });

  it('offers the chapter as a filter, labelled in Chinese', async () => {
    const { page } = watch;
    await searchFor(page, '预算');
    await expect(
      page.locator('#starlight__search .pagefind-ui__filter-panel-label').textContent(),
    ).resolves.toBe('筛选');
    await expect(
      page.locator('#starlight__search .pagefind-ui__filter-name').first().textContent(),
    ).resolves.toBe('范围');
    await page.locator('#starlight__search .pagefind-ui__filter-name').first().click();
    await page.getByLabel(/^工具 \(\d+\)$/).check();
    await expect
      .poll(
        async () =>
          (
            await page
              .locator('#starlight__search .pagefind-ui__result-link')
              .evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href))
          ).map(sitePath),
        { timeout: 10_000 },
      )
      .toEqual(['/tools/budget-request/']);
    await page.getByLabel(/^工具 \(\d+\)$/).uncheck();
  });

  it('the open dialog with results has no axe violation, no CSP violation and no console error', async () => {
    const { page } = watch;
    await searchFor(page, '绩效奖金');
    const results = await new AxeBuilder({ page }).include('#starlight__search').analyze();
    expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(' ')}`)).toEqual([]);
    await expect(cspViolations(page)).resolves.toEqual([]);
    expect(watch.errors).toEqual([]);
    expect(watch.foreignRequests).toEqual([]);
  });
});

describe('heading anchors', () => {
  it('are labelled in Chinese for screen readers', async () => {
    const { page, context } = await openPage(browser, '/workflows/');
    const label = await page.locator('#c3-3-4 + a.sl-anchor-link').textContent();
    expect(label?.trim()).toBe('本节链接：4. 客户投诉处理');
    await context.close();
  });
});
