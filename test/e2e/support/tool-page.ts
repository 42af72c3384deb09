// One page object per tool (like Starlight's e2e StarlightPage fixture): open the tool, fill fields by
// label, and wait for state the kit exposes on the tool's root (data-tool, data-entry, data-dirty,
// data-saved-at) and for the stored savedAt in localStorage — never for time.
import { readFileSync } from 'node:fs';
import type { Browser, Locator, Page } from 'playwright-core';
import { openPage, wakeTools, type PageWatch } from './browser';

export class ToolPage {
  constructor(
    readonly watch: PageWatch,
    /** The tool's id: its storage namespace (mh:<tool>:<entry>). */
    readonly tool: string,
  ) {}

  static async open(
    browser: Browser,
    tool: string,
    path = `/tools/${tool}/`,
    options = {},
  ): Promise<ToolPage> {
    const watch = await openPage(browser, path, options);
    const page = new ToolPage(watch, tool);
    await page.ready();
    return page;
  }

  get page(): Page {
    return this.watch.page;
  }

  get root(): Locator {
    return this.page.locator(`[data-tool="${this.tool}"]`).first();
  }

  /** Waits until the tool has hydrated and opened an entry (or a share view); a tool whose code
   * loads on intent is woken first, as by a pointer moved over it. */
  async ready(): Promise<void> {
    await wakeTools(this.page);
    await this.page.waitForFunction((tool) => {
      const root = document.querySelector<HTMLElement>(`[data-tool="${tool}"]`);
      return (
        root !== null &&
        root.dataset.ready === 'true' &&
        root.dataset.dirty === 'false' &&
        !root.querySelector('.tool-loading')
      );
    }, this.tool);
  }

  field(label: string | RegExp): Locator {
    return this.page.getByLabel(label, { exact: typeof label === 'string' });
  }

  async fill(label: string | RegExp, value: string): Promise<void> {
    await this.field(label).fill(value);
  }

  /** The open entry's key, as the tool says on its root. */
  async entryKey(): Promise<string | null> {
    return this.root.getAttribute('data-entry');
  }

  /** savedAt stored for the open entry (null when nothing is stored). */
  async storedSavedAt(): Promise<string | null> {
    return this.page.evaluate((tool) => {
      const root = document.querySelector<HTMLElement>(`[data-tool="${tool}"]`);
      const raw = root?.dataset.entry ? localStorage.getItem(`mh:${tool}:${root.dataset.entry}`) : null;
      return raw ? (JSON.parse(raw) as { savedAt: string }).savedAt : null;
    }, this.tool);
  }

  /**
   * Waits until every edit of the open entry is saved: the tool has nothing unsaved and the stored
   * savedAt is the one the tool last wrote (and differs from `before`, when given).
   */
  async waitSaved(before?: string | null): Promise<string> {
    const handle = await this.page.waitForFunction(
      ([tool, previous]) => {
        const root = document.querySelector<HTMLElement>(`[data-tool="${tool}"]`);
        if (!root || root.dataset.dirty !== 'false' || !root.dataset.entry) return false;
        const raw = localStorage.getItem(`mh:${tool}:${root.dataset.entry}`);
        if (!raw) return false;
        const savedAt = (JSON.parse(raw) as { savedAt: string }).savedAt;
        return savedAt === root.dataset.savedAt && savedAt !== previous ? savedAt : false;
      },
      [this.tool, before ?? null] as const,
    );
    return (await handle.jsonValue()) as string;
  }

  /** Clicks 复制分享链接 and returns the link once the tool says it was copied. */
  async copyShareLink(): Promise<string> {
    await this.page.getByRole('button', { name: '复制分享链接' }).click();
    await this.page.getByText('已复制分享链接').waitFor();
    return (await this.page.evaluate('navigator.clipboard.readText()')) as string;
  }

  /** Clicks a button that downloads a file; its suggested name and its text (UTF-8, BOM kept). */
  async download(button: string): Promise<{ name: string; text: string }> {
    const [file] = await Promise.all([
      this.page.waitForEvent('download'),
      this.page.getByRole('button', { name: button, exact: true }).click(),
    ]);
    return { name: file.suggestedFilename(), text: readFileSync((await file.path())!, 'utf8') };
  }

  /** Clicks 复制为文本 and returns the text once the tool says it was copied. */
  async copyText(): Promise<string> {
    await this.page.getByRole('button', { name: '复制为文本' }).click();
    await this.page.getByText('已复制文本').waitFor();
    return (await this.page.evaluate('navigator.clipboard.readText()')) as string;
  }
}

/** Waits until the tool on `page` has saved (for tests that hold a bare Page). */
export async function waitToolSaved(page: Page, tool: string, before?: string | null): Promise<string> {
  return new ToolPage({ page, context: page.context(), errors: [], foreignRequests: [] }, tool).waitSaved(
    before,
  );
}

/** Clicks a copy button and reads the clipboard once the tool says it copied. */
export async function copyFromTool(page: Page, button: '复制分享链接' | '复制为文本'): Promise<string> {
  await page.getByRole('button', { name: button }).click();
  await page.getByText(button === '复制分享链接' ? '已复制分享链接' : '已复制文本').waitFor();
  return (await page.evaluate('navigator.clipboard.readText()')) as string;
}
