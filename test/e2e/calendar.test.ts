// Reminders without a server: 入职清单's 加入日历 and 绩效自评's 每月提醒 download .ics files that a
// reader imports into 日历 / Outlook / 钉钉日历. The files are read here with ical.js (not our code),
// and the calendar writer's code is fetched only when the button is clicked.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { parse } from 'yaml';
import { closeClean, launchBrowser, openPage, siteUrl, wakeTools, type PageWatch } from './support/browser';
import { parseIcs } from '../unit/helpers/ics';

const onboarding = parse(readFileSync('content/policy/onboarding.yaml', 'utf8')) as {
  phases: { id: string; name: string; dueDay: number }[];
  items: { id: string; title: string; phase: string; roles: 'all' | string[]; clause: string }[];
};
const appraisal = parse(readFileSync('content/policy/appraisal.yaml', 'utf8')) as {
  selfReviewDueDay: number;
  groups: { id: string; name: string }[];
};
/** Text every build of the calendar writer carries (ical-generator writes it into each file). */
const WRITER_MARK = 'BEGIN:VCALENDAR';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

interface Watched extends PageWatch {
  /** Every script the page has requested so far. */
  scripts: string[];
}

/** Opens `path` with the clock fixed at `at`, recording every script the page requests from the start. */
async function openWatched(path: string, at: Date): Promise<Watched> {
  const watch = await openPage(browser, '/', { timezoneId: 'Asia/Shanghai' }, { wake: false });
  const scripts: string[] = [];
  watch.page.on('request', (r) => {
    if (r.resourceType() === 'script' || new URL(r.url()).pathname.endsWith('.js')) scripts.push(r.url());
  });
  await watch.page.clock.setFixedTime(at);
  await watch.page.goto(siteUrl(path));
  await wakeTools(watch.page);
  // Records the type of every file the page hands to the browser to download.
  await watch.page.evaluate(() => {
    const w = window as unknown as { __blobTypes: string[] };
    w.__blobTypes = [];
    const create = URL.createObjectURL.bind(URL);
    URL.createObjectURL = (obj: Blob | MediaSource) => {
      if (obj instanceof Blob) w.__blobTypes.push(obj.type);
      return create(obj);
    };
  });
  return { ...watch, scripts };
}

/** The scripts requested so far that hold the calendar writer. */
async function writerScripts(scripts: readonly string[]): Promise<string[]> {
  const found: string[] = [];
  for (const url of new Set(scripts)) {
    if ((await (await fetch(url)).text()).includes(WRITER_MARK)) found.push(url);
  }
  return found;
}

/** Clicks `button` and returns the downloaded file's name and text. */
async function download(page: Page, button: string): Promise<{ name: string; text: string }> {
  const [file] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: button, exact: true }).click(),
  ]);
  return { name: file.suggestedFilename(), text: readFileSync((await file.path())!, 'utf8') };
}

const isoPlus = (iso: string, days: number) =>
  new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

describe('入职清单: 加入日历', () => {
  it('downloads the open items as all-day events on their due dates, with absolute clause links; the writer loads on the click', async () => {
    const watch = await openWatched('/tools/onboarding/', new Date('2026-03-05T12:00:00+08:00'));
    const { page } = watch;
    const role = appraisal.groups.find((g) => g.id === 'promotion')!;
    await page.getByLabel('姓名', { exact: true }).fill('王小明');
    await page.getByLabel('岗位', { exact: true }).selectOption({ label: role.name });
    await page.getByLabel('入职日期').fill('2026年3月2日');
    const doneItem = onboarding.items.find((it) => it.id === 'read-general')!;
    await page.getByRole('checkbox', { name: doneItem.title }).check();
    await expect(
      page.getByRole('region', { name: '加入日历' }).getByText(/日历、Outlook、钉钉日历都能导入/).count(),
    ).resolves.toBe(1);

    // Nothing the page has loaded so far (the tool, its first-use code) holds the calendar writer.
    await page.waitForLoadState('networkidle');
    expect(watch.scripts.length).toBeGreaterThan(0);
    await expect(writerScripts(watch.scripts)).resolves.toEqual([]);

    const file = await download(page, '加入日历');
    expect(file.name).toBe('入职提醒-王小明.ics');
    await expect(page.evaluate('window.__blobTypes')).resolves.toEqual(['text/calendar;charset=utf-8']);
    await expect(page.getByRole('status').filter({ hasText: '已下载日历文件' }).count()).resolves.toBe(1);
    await expect(writerScripts(watch.scripts)).resolves.toHaveLength(1);

    const cal = parseIcs(file.text);
    const open = onboarding.phases.flatMap((p) =>
      onboarding.items.filter(
        (it) =>
          it.phase === p.id &&
          (it.roles === 'all' || it.roles.includes('promotion')) &&
          it.id !== doneItem.id,
      ),
    );
    const dueOf = (phase: string) => isoPlus('2026-03-02', onboarding.phases.find((p) => p.id === phase)!.dueDay);
    expect(cal.events.map((e) => [e.summary, e.start, e.allDay])).toEqual(
      open.map((it) => [`入职清单：${it.title}`, dueOf(it.phase), true]),
    );
    const origin = new URL(siteUrl()).origin;
    const promotionFlow = cal.events.find((e) => e.summary.includes('学习市场推广流程'))!;
    expect(promotionFlow.description).toContain(`${origin}/workflows/#c3-2`);
    expect(promotionFlow.url).toBe(`${origin}/workflows/#c3-2`);
    expect(new Set(cal.events.map((e) => e.uid)).size).toBe(cal.events.length);
    await closeClean(watch);
  });

  it('without a start date it says so beside the button and downloads nothing', async () => {
    const watch = await openWatched('/tools/onboarding/', new Date('2026-03-05T12:00:00+08:00'));
    const { page } = watch;
    await page.getByRole('button', { name: '加入日历', exact: true }).click();
    const region = page.getByRole('region', { name: '加入日历' });
    await region.getByRole('alert').filter({ hasText: '请先填写入职日期' }).waitFor();
    await expect(page.evaluate('window.__blobTypes')).resolves.toEqual([]);
    await closeClean(watch);
  });
});

describe('绩效自评: 每月提醒', () => {
  it('downloads one all-day event repeating on the due day set in appraisal.yaml, with a reminder; the writer loads on the click', async () => {
    const watch = await openWatched('/tools/self-review/', new Date('2026-04-15T10:00:00+08:00'));
    const { page } = watch;
    const day = appraisal.selfReviewDueDay;
    const region = page.getByRole('region', { name: '每月提醒' });
    await expect(region.textContent()).resolves.toContain(`每月 ${day} 日`);
    await expect(region.textContent()).resolves.toContain('由市场部设定');
    await page.waitForLoadState('networkidle');
    await expect(writerScripts(watch.scripts)).resolves.toEqual([]);

    const file = await download(page, '每月提醒');
    expect(file.name).toBe('绩效自评提醒.ics');
    await expect(page.evaluate('window.__blobTypes')).resolves.toEqual(['text/calendar;charset=utf-8']);
    await expect(writerScripts(watch.scripts)).resolves.toHaveLength(1);

    const [event, ...rest] = parseIcs(file.text).events;
    expect(rest).toEqual([]);
    expect(event!.rrule).toBe(`FREQ=MONTHLY;BYMONTHDAY=${day}`);
    expect(event!.allDay).toBe(true);
    expect(event!.alarms.map((a) => [a.action, a.trigger])).toEqual([['DISPLAY', '-PT15H']]);
    // The first is the next due day from 15 April 2026 (today counts), then one a month.
    const first = day >= 15 ? `2026-04-${String(day).padStart(2, '0')}` : `2026-05-${String(day).padStart(2, '0')}`;
    const dates = event!.occurrences(12);
    expect(dates[0]).toBe(first);
    expect(dates.every((d) => Number(d.slice(8)) === day)).toBe(true);
    expect(new Set(dates.map((d) => d.slice(0, 7))).size).toBe(12);
    expect(event!.url).toBe(`${new URL(siteUrl()).origin}/tools/self-review/`);
    await closeClean(watch);
  });
});

describe('参数说明', () => {
  it('lists the self-review due day as a department setting the policy does not fix', async () => {
    const watch = await openPage(browser, '/parameters/');
    const row = watch.page.getByRole('row').filter({ hasText: '自评提醒日' });
    const text = (await row.textContent())!.replace(/\u00a0/g, ' ');
    expect(text).toContain(`每月 ${appraisal.selfReviewDueDay} 日`);
    await expect(watch.page.locator('[data-params="self-review-due-day-note"]').textContent()).resolves.toContain(
      '由市场部设定，制度没有规定',
    );
    await closeClean(watch);
  });
});
