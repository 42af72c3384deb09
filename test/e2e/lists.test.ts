// The lists of people (新员工签收, 团队考核's team table) show every column without sideways
// scrolling: at 1280 px as a table inside the content column, at 375 px as one card per person.
// Realistic data (support/list-fixtures): ten people, long names, mentors, overdue rows.
// LIST_SHOTS=<dir> saves a screenshot of each list per width and theme, to look at.
import { mkdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { closeClean, launchBrowser, openPage } from './support/browser';
import { HIRES, SIGNOFF_TODAY, TEAM, receiveSignoffs, receiveTeam } from './support/list-fixtures';
import { ToolPage } from './support/tool-page';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

interface Overflow {
  /** Headers or cells that reach outside the viewport, or hold more than their box shows. */
  outside: string[];
  /** The table's and its box's scrollWidth beyond their clientWidth (px). */
  tableOverflow: number;
  boxOverflow: number;
  pageOverflow: number;
  /** Rows drawn as cards, each cell naming its column. */
  cards: boolean;
  /** Cells whose column name is neither in a visible header nor shown beside them. */
  unnamed: string[];
}

/** Where each header and cell of `table` lies against the viewport (run in the page). */
function measure(page: Page, table: string): Promise<Overflow> {
  return page.evaluate((selector) => {
    const t = document.querySelector<HTMLTableElement>(selector)!;
    const vw = document.documentElement.clientWidth;
    const box = t.parentElement!;
    const outside: string[] = [];
    const unnamed: string[] = [];
    const heads = [...t.tHead!.rows[0]!.cells];
    // A card layout draws each row as a block; its headers may stay above as sort buttons.
    const cards = getComputedStyle(t.querySelector('tbody > tr')!).display === 'block';
    const headsShown = t.tHead!.getBoundingClientRect().height > 1;
    const check = (el: Element, what: string) => {
      const r = el.getBoundingClientRect();
      if (r.width === 0 && r.height === 0) return;
      if (r.left < -0.5 || r.right > vw + 0.5)
        outside.push(`${what} [${Math.round(r.left)}, ${Math.round(r.right)}]`);
      if (el.scrollWidth > el.clientWidth + 1)
        outside.push(`${what} holds ${el.scrollWidth} px in ${el.clientWidth}`);
    };
    if (headsShown) heads.forEach((h) => check(h, `header ${h.textContent?.trim()}`));
    for (const row of t.querySelectorAll<HTMLTableRowElement>('tbody > tr')) {
      const name = (row.cells[0]!.textContent?.trim() ?? '').slice(0, 8);
      [...row.cells].forEach((c, i) => {
        const said = c.getAttribute('data-label') ?? '';
        const column = heads[i]?.textContent?.trim() ?? said;
        check(c, `${name} · ${column}`);
        // On a card the first cell (the name) heads it; every other cell names its column.
        if (cards && c.getAttribute('scope') !== 'row') {
          const label = getComputedStyle(c, '::before').content;
          if (label === 'none' || said === '' || !heads.some((h) => h.textContent?.trim().startsWith(said)))
            unnamed.push(`${name} · ${column}`);
        }
      });
    }
    return {
      outside,
      tableOverflow: t.scrollWidth - t.clientWidth,
      boxOverflow: box.scrollWidth - box.clientWidth,
      pageOverflow: document.documentElement.scrollWidth - vw,
      cards,
      unnamed,
    };
  }, table);
}

async function shoot(page: Page, table: string, name: string) {
  const dir = process.env.LIST_SHOTS;
  if (!dir) return;
  mkdirSync(dir, { recursive: true });
  await page.locator(table).screenshot({ path: `${dir}/${name}.png` });
  // The top of a long list, at a size that can be read.
  const box = (await page.locator(table).boundingBox())!;
  const y = box.y + ((await page.evaluate('scrollY')) as number);
  await page.screenshot({
    path: `${dir}/${name}-top.png`,
    fullPage: true,
    clip: { x: box.x, y, width: box.width, height: Math.min(box.height, 900) },
  });
}

const WIDTHS = [
  { width: 1280, height: 900, cards: false },
  { width: 375, height: 800, cards: true },
] as const;

async function expectReadable(page: Page, table: string, tool: string) {
  for (const { width, height, cards } of WIDTHS) {
    await page.setViewportSize({ width, height });
    for (const theme of ['light', 'dark']) {
      await page.evaluate(`document.documentElement.dataset.theme = '${theme}'`);
      await shoot(page, table, `${tool}-${width}-${theme}`);
      const m = await measure(page, table);
      expect(m.outside, `${width} px ${theme}`).toEqual([]);
      expect(m.tableOverflow, `${width} px: the table scrolls sideways`).toBeLessThanOrEqual(0);
      expect(m.boxOverflow, `${width} px: the table's box scrolls sideways`).toBeLessThanOrEqual(0);
      expect(m.pageOverflow, `${width} px: the page scrolls sideways`).toBeLessThanOrEqual(0);
      expect(m.cards, `${width} px: rows as cards`).toBe(cards);
      expect(m.unnamed, `${width} px: a cell without its column's name`).toEqual([]);
    }
  }
}

describe('lists show every column', () => {
  it('新员工签收: ten people, overdue rows first, at 1280 and 375 px, light and dark', async () => {
    const watch = await openPage(browser, '/', {
      timezoneId: 'Asia/Shanghai',
      viewport: { width: 1280, height: 900 },
    });
    await watch.page.clock.setFixedTime(SIGNOFF_TODAY);
    await watch.page.goto(new URL('tools/signoffs/', watch.page.url()).href);
    const tool = new ToolPage(watch, 'signoffs');
    await tool.ready();
    await receiveSignoffs(watch.page);
    await tool.waitSaved();
    const page = watch.page;
    // The overdue rows come first; each row has its delete button.
    const first = page.locator('.so-table tbody', { hasText: HIRES[0]!.name });
    await expect(first.getAttribute('class')).resolves.toContain('so-behind');
    await expect(page.getByRole('button', { name: /^删除…（「/ }).count()).resolves.toBe(HIRES.length);
    await expectReadable(page, '.so-table', 'signoffs');
    // An overdue person's row is as tall as their name and mentor (no empty band); the items are
    // under it, the table's full width.
    await page.setViewportSize({ width: 1280, height: 900 });
    const heights = await first.evaluate((tbody) => ({
      row: tbody.querySelector('tr')!.getBoundingClientRect().height,
      name: tbody.querySelector('th')!.getBoundingClientRect().height,
      items: tbody.querySelector('.so-overdue')!.getBoundingClientRect().width,
      table: tbody.closest('table')!.getBoundingClientRect().width,
    }));
    expect(heights.row).toBeLessThanOrEqual(Math.max(heights.name, 90));
    expect(heights.items).toBeGreaterThan(heights.table / 2);
    await closeClean(watch);
  });

  it('团队考核: the team table of six members, at 1280 and 375 px, light and dark', async () => {
    const tool = await ToolPage.open(browser, 'team-review', '/tools/team-review/', {
      viewport: { width: 1280, height: 900 },
    });
    await receiveTeam(tool.page);
    await tool.waitSaved();
    await expect(tool.page.locator('.tr-team-table tbody tr').count()).resolves.toBe(TEAM.length);
    await expectReadable(tool.page, '.tr-team-table', 'team-review');
    // On cards the sort buttons stay in view (a focusable control is never invisible).
    const sort = await tool.page.getByRole('button', { name: /^调整项/ }).boundingBox();
    expect(sort!.width).toBeGreaterThan(20);
    expect(sort!.x + sort!.width).toBeLessThanOrEqual(375);
    await closeClean(tool.watch);
  });
});
