// The policy text is published verbatim: every line of the seed appears on its chapter page and on
// /print/, in order, exactly once (compared after normalizing punctuation and whitespace).
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { CHAPTERS, chapterHeading, fromChineseNumeral } from '../../src/core/chapters';
import { launchBrowser, openPage } from './support/browser';

// The policy text as received (simplified), kept in the repo so the test needs nothing outside it.
const SEED = 'test/fixtures/policy-zh.txt';

/** Punctuation and spacing differ by design (full-width typography); words must not. */
function normalize(text: string): string {
  return text.replace(/[\s,，:：;；()（）.．、。“”"'‘’\-—·]/g, '');
}

interface SourceChapter {
  n: number;
  heading: string;
  lines: string[];
}

function readSeed(): { title: string; chapters: SourceChapter[] } {
  const all = readFileSync(SEED, 'utf8')
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
  const chapters: SourceChapter[] = [];
  for (const line of all.slice(1)) {
    const m = /^([一二三四五六])、(.+)$/.exec(line);
    if (m) {
      chapters.push({ n: fromChineseNumeral(m[1]!)!, heading: m[2]!, lines: [] });
      continue;
    }
    // 三（四）: the source lost the number of 做好工作记录; the handbook restores it as item 3.
    const restored = line.replace('做好工作记录:', '\n3.做好工作记录:');
    chapters.at(-1)!.lines.push(...restored.split('\n'));
  }
  return { title: all[0]!, chapters };
}

/** Text of the policy part of a page, without buttons, anchors, editor's notes and added titles. */
async function policyText(browser: Browser, path: string): Promise<{ h1: string; text: string }> {
  const { page, context } = await openPage(browser, path);
  const result = await page.evaluate(`(() => {
    const root = document.querySelector('.sl-markdown-content').cloneNode(true);
    root.querySelectorAll('.sl-anchor-link, .clause-actions, aside, .policy-params, .no-print, .print-cover, .print-chapter-title, .chapter-read')
      .forEach((n) => n.remove());
    root.querySelectorAll('[data-editorial-title]').forEach((h) => {
      h.textContent = (h.textContent.match(/^\\s*\\d+[.．]/) || [''])[0];
    });
    return { h1: document.querySelector('h1').textContent.trim(), text: root.textContent };
  })()`);
  await context.close();
  return result as { h1: string; text: string };
}

function expectInOrderOnce(pageText: string, lines: string[]): void {
  const text = normalize(pageText);
  let from = 0;
  for (const line of lines) {
    const needle = normalize(line);
    const at = text.indexOf(needle, from);
    expect(at, `缺少或顺序不对：${line.slice(0, 40)}…`).toBeGreaterThanOrEqual(0);
    expect(text.indexOf(needle, at + 1), `重复出现：${line.slice(0, 40)}…`).toBe(-1);
    from = at + needle.length;
  }
}

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const seed = readSeed();

describe('each chapter page carries its chapter verbatim', () => {
  it('the seed has six chapters', () => {
    expect(seed.chapters.map((c) => c.n)).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it.each(CHAPTERS.map((c) => [c.slug, c] as const))('/%s/', async (_slug, chapter) => {
    const source = seed.chapters.find((c) => c.n === chapter.n)!;
    const { h1, text } = await policyText(browser, `/${chapter.slug}/`);
    expect(h1).toBe(chapterHeading(chapter));
    expect(chapter.title).toBe(source.heading);
    expectInOrderOnce(text, source.lines);
  });
});

describe('/print/ carries the whole policy', () => {
  it('every line in order, once, with the title', async () => {
    const { text } = await policyText(browser, '/print/');
    expectInOrderOnce(
      text,
      seed.chapters.flatMap((c) => c.lines),
    );
    const { page, context } = await openPage(browser, '/print/');
    await expect(page.locator('.print-doc-title').textContent()).resolves.toContain(seed.title);
    await context.close();
  });
});

describe('restorations and gaps are visible, not invented', () => {
  it('三（四）3 做好工作记录 has its number back', async () => {
    const { page, context } = await openPage(browser, '/workflows/');
    await expect(page.locator('#c3-4-3').textContent()).resolves.toBe('3. 做好工作记录');
    await context.close();
  });

  it('六（二）2 ends where the source ends, followed by an editor’s note', async () => {
    const { page, context } = await openPage(browser, '/finance/');
    const paragraph = page
      .locator('#c6-2-2')
      .locator('xpath=ancestor::div[contains(@class,"sl-heading-wrapper")]/following-sibling::p[1]');
    await expect(paragraph.textContent()).resolves.toMatch(/不得随意调整$/);
    const note = page.getByRole('complementary', { name: /编者注/ });
    await expect(note.textContent()).resolves.toContain('原文');
    await context.close();
  });
});
