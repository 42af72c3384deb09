// One headless Chromium per test file, driven through playwright-core against the served dist/.
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { expect, inject } from 'vitest';
import { CHROME_FLAGS, findChrome, INSTALL_HINT } from '../../../scripts/chrome-path.mjs';

export function siteUrl(path = ''): string {
  return new URL(path.replace(/^\//, ''), inject('siteUrl')).href;
}

export async function launchBrowser(): Promise<Browser> {
  const executablePath = findChrome();
  if (!executablePath) throw new Error(INSTALL_HINT);
  return chromium.launch({ executablePath, headless: true, args: CHROME_FLAGS });
}

/** Records every Content-Security-Policy violation of the page in window.__cspViolations. */
const CSP_LISTENER = `window.__cspViolations = [];
document.addEventListener('securitypolicyviolation', (e) => {
  window.__cspViolations.push(e.violatedDirective + ' ' + (e.blockedURI || 'inline') + ' ' + (e.sample || ''));
});`;

export async function cspViolations(page: Page): Promise<string[]> {
  return (await page.evaluate('window.__cspViolations || []')) as string[];
}

export interface PageWatch {
  page: Page;
  context: BrowserContext;
  /** Console errors and uncaught page errors seen so far. */
  errors: string[];
  /** Requests that went to another origin. */
  foreignRequests: string[];
}

/**
 * A fresh context and page that records console errors and requests leaving the origin. The service
 * worker is blocked unless asked for: it would precache 1.7 MB in every fresh context, and it has its
 * own tests (offline.test.ts).
 */
export async function openPage(
  browser: Browser,
  path: string,
  options: Parameters<Browser['newContext']>[0] = {},
  { wake = true }: { wake?: boolean } = {},
): Promise<PageWatch> {
  const context = await browser.newContext({ locale: 'zh-CN', serviceWorkers: 'block', ...options });
  await context.addInitScript(CSP_LISTENER);
  const page = await context.newPage();
  const origin = new URL(siteUrl()).origin;
  const errors: string[] = [];
  const foreignRequests: string[] = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(msg.text());
  });
  page.on('pageerror', (err) => errors.push(err.message));
  page.on('request', (req) => {
    const url = req.url();
    if (!url.startsWith('data:') && !url.startsWith('blob:') && new URL(url).origin !== origin) {
      foreignRequests.push(url);
    }
  });
  await page.goto(siteUrl(path), { waitUntil: 'load' });
  if (wake) await wakeTools(page);
  return { page, context, errors, foreignRequests };
}

/**
 * A tool island (client:intent) loads its code on the reader's first pointer, touch, focus or key
 * inside it; until its tool has opened its entry the server's form is locked. Acts as a reader who
 * moves the pointer over each one, and waits until each tool is ready (use-tool marks its root
 * data-ready).
 */
export async function wakeTools(page: Page): Promise<void> {
  const islands = await page.evaluate(() => {
    const found = [...document.querySelectorAll('astro-island[client="intent"]')];
    // Only those not yet running: over a running tool the pointer is a first use (lazy.ts), which
    // a test that calls this twice must not make by accident.
    for (const island of found)
      if (island.hasAttribute('ssr')) island.dispatchEvent(new PointerEvent('pointerover', { bubbles: true }));
    return found.length;
  });
  if (islands === 0) return;
  await page.waitForFunction(() =>
    [...document.querySelectorAll('astro-island[client="intent"]')].every((i) =>
      i.querySelector('[data-tool][data-ready]'),
    ),
  );
}

/** The page ran without an error, asked nothing of another origin and broke no CSP rule; then closes. */
export async function closeClean(watch: PageWatch): Promise<void> {
  expect(watch.errors).toEqual([]);
  expect(watch.foreignRequests).toEqual([]);
  await expect(cspViolations(watch.page)).resolves.toEqual([]);
  await watch.context.close();
}

/**
 * A page of `path` in Shanghai with the clock fixed at `now` and the clipboard allowed: what the
 * hand-off tests (签收, 制度测验) need to copy a link and compare dates.
 */
export async function openAtTime(browser: Browser, path: string, now: Date): Promise<PageWatch> {
  const watch = await openPage(browser, '/', { timezoneId: 'Asia/Shanghai' });
  await watch.context.grantPermissions(['clipboard-read', 'clipboard-write'], {
    origin: new URL(siteUrl()).origin,
  });
  await watch.page.clock.setFixedTime(now);
  await watch.page.goto(siteUrl(path));
  return watch;
}
