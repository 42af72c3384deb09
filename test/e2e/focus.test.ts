// Keyboard users see where they are: every focusable control of each tool, reached with Tab,
// draws a visible focus ring.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser, openPage } from './support/browser';

const TOOLS = [
  '/tools/self-review/',
  '/tools/bonus/',
  '/tools/budget-request/',
  '/tools/onboarding/',
  '/tools/team-review/',
  '/tools/signoffs/',
];

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** The focused element, if it is inside the tool, with the width of its outline; marks it as seen. */
const FOCUSED = `(() => {
  const el = document.activeElement;
  if (!el || !el.closest('.tool-root')) return null;
  el.dataset.focusSeen = '1';
  const cs = getComputedStyle(el);
  const ring = cs.outlineStyle === 'none' ? 0 : parseFloat(cs.outlineWidth);
  return { what: el.tagName + (el.id ? '#' + el.id : '') + ' ' + (el.getAttribute('aria-label') || el.textContent || '').trim().slice(0, 20), ring };
})()`;

/** The tool's controls a keyboard can reach: shown, enabled, not taken out of the tab order. */
const REACHABLE = `[...document.querySelectorAll('.tool-root :is(a[href], button, input, select, textarea, summary, [tabindex])')]
  .filter((el) => !el.disabled && el.tabIndex >= 0 && el.checkVisibility({ visibilityProperty: true }))`;

describe.each(TOOLS)('%s', (path) => {
  it('reaches every control with Tab and shows a focus ring on each', async () => {
    const watch = await openPage(browser, path);
    const { page } = watch;
    await page.locator('.tool-root input:enabled, .tool-root select:enabled').first().waitFor();
    const reachable = (await page.evaluate(`${REACHABLE}.length`)) as number;
    const seen: { what: string; ring: number }[] = [];
    // Tab until every reachable control has had focus once (or far past their number: a trap).
    for (let i = 0; i < reachable * 2 + 40; i++) {
      await page.keyboard.press('Tab');
      const f = (await page.evaluate(FOCUSED)) as { what: string; ring: number } | null;
      if (f) seen.push(f);
      const left = (await page.evaluate(
        `${REACHABLE}.filter((el) => !el.dataset.focusSeen).length`,
      )) as number;
      if (left === 0) break;
    }
    const missed = (await page.evaluate(
      `${REACHABLE}.filter((el) => !el.dataset.focusSeen).map((el) => el.tagName + '#' + el.id + ' ' + (el.getAttribute('aria-label') || el.textContent || '').trim().slice(0, 20))`,
    )) as string[];
    expect(reachable).toBeGreaterThan(5);
    expect(missed).toEqual([]);
    expect(seen.filter((f) => f.ring < 2).map((f) => f.what)).toEqual([]);
    expect(watch.errors).toEqual([]);
    await watch.context.close();
  });
});
