// Keyboard users see where they are: every focusable control of each tool, reached with Tab,
// draws a visible focus ring.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser, openPage } from './support/browser';

const TOOLS = ['/tools/self-review/', '/tools/bonus/', '/tools/budget-request/', '/tools/onboarding/'];

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** The focused element, if it is inside the tool, with the width of its outline. */
const FOCUSED = `(() => {
  const el = document.activeElement;
  if (!el || !el.closest('.tool-root')) return null;
  const cs = getComputedStyle(el);
  const ring = cs.outlineStyle === 'none' ? 0 : parseFloat(cs.outlineWidth);
  return { what: el.tagName + (el.id ? '#' + el.id : '') + ' ' + (el.getAttribute('aria-label') || el.textContent || '').trim().slice(0, 20), ring };
})()`;

describe.each(TOOLS)('%s', (path) => {
  it('shows a focus ring on each control reached with Tab', async () => {
    const watch = await openPage(browser, path);
    const { page } = watch;
    await page.locator('.tool-root input:enabled, .tool-root select:enabled').first().waitFor();
    const seen: { what: string; ring: number }[] = [];
    for (let i = 0; i < 60; i++) {
      await page.keyboard.press('Tab');
      const f = (await page.evaluate(FOCUSED)) as { what: string; ring: number } | null;
      if (f) seen.push(f);
    }
    expect(seen.length).toBeGreaterThan(5);
    expect(seen.filter((f) => f.ring < 2).map((f) => f.what)).toEqual([]);
    expect(watch.errors).toEqual([]);
    await watch.context.close();
  });
});
