// 我的数据 at scale: a browser holding 12 months × 3 groups of 绩效自评, a 15-member team for a year
// (团队考核) and 50 预算申请单. Seeds that into a headless Chromium page's localStorage (states made
// with the tools' own logic, bundled with esbuild), then measures against the built dist/: the list
// shown, 备份全部 to the download, the backup's size, and a full restore (choose file → all applied).
// Goals: list < 1 s, backup < 2 s, restore < 2 s, file < 2 MB. `node scripts/bench-my-data.mjs` after a
// build runs it alone; bench.mjs calls it.
import { fileURLToPath } from 'node:url';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { loadLogic, root } from './bench-logic.mjs';
import { chromium } from 'playwright-core';
import { startStaticServer } from './static-server.mjs';
import { CHROME_FLAGS, findChrome } from './chrome-path.mjs';

export const MY_DATA_BUDGET = { listMs: 1000, backupMs: 2000, restoreMs: 2000, fileBytes: 2 * 1024 * 1024 };


const ENTRY = `
export { shippedPolicies } from './test/unit/helpers/policy-fixtures';
export { teamSelfReviewFiles } from './test/unit/helpers/team-review-files';
export { receiveFiles } from './src/tools/team-review/logic/receive';
export { emptyTeamReview, TEAM_REVIEW_KEY, TEAM_REVIEW_STATE_VERSION } from './src/tools/team-review/logic/state';
export { strings as teamStrings } from './src/tools/team-review/ui/strings';
export { emptyReview, reviewKey, SELF_REVIEW_STATE_VERSION } from './src/tools/self-review/logic/state';
export { blankDraft, BUDGET_REQUEST_VERSION } from './src/tools/budget-request/logic/state';
`;


/** localStorage key → stored text, as the tools would have saved them. */
async function seedEntries() {
  const logic = await loadLogic(ENTRY, 'bench-my-data');
  const { appraisal } = logic.shippedPolicies();
  const entries = {};
  let t = Date.parse('2026-01-05T09:00:00Z');
  const put = (ns, key, v, data) => {
    t += 60_000;
    entries[`mh:${ns}:${key}`] = JSON.stringify({ v, savedAt: new Date(t).toISOString(), data });
  };
  for (const g of appraisal.groups.slice(0, 3)) {
    for (let m = 1; m <= 12; m++) {
      const period = `2026-${String(m).padStart(2, '0')}`;
      const st = logic.emptyReview(appraisal, g.id, period, '王小明');
      put('self-review', logic.reviewKey(g.id, period), logic.SELF_REVIEW_STATE_VERSION, {
        ...st,
        summary: '本月完成了计划中的推广活动，客户回访及时，下月继续跟进转化。'.repeat(3),
      });
    }
  }
  const files = logic.teamSelfReviewFiles(appraisal, { members: 15 });
  const team = await logic.receiveFiles(logic.emptyTeamReview(), files, appraisal, logic.teamStrings);
  put('team-review', logic.TEAM_REVIEW_KEY, logic.TEAM_REVIEW_STATE_VERSION, team.state);
  for (let i = 0; i < 50; i++) {
    const draft = logic.blankDraft({ department: '市场部', fiscalYear: 2026, date: '2026-03-01', firstLineId: `l${i}` });
    put('budget-request', `d${i}`, logic.BUDGET_REQUEST_VERSION, { ...draft, project: `暑期招生推广 ${i + 1}` });
  }
  return entries;
}

/** Runs the measurement against dist/ (build first); figures in ms and bytes. */
export async function benchMyData() {
  const entries = await seedEntries();
  const count = Object.keys(entries).length;
  const server = await startStaticServer({ root: join(root, 'dist') });
  const browser = await chromium.launch({ executablePath: findChrome(), args: CHROME_FLAGS, headless: true });
  try {
    const context = await browser.newContext({ locale: 'zh-CN', serviceWorkers: 'block', acceptDownloads: true });
    const page = await context.newPage();
    const url = `${server.url.replace(/\/$/, '')}/my-data/`;
    await page.goto(url);
    await page.evaluate((all) => {
      localStorage.clear();
      for (const [k, v] of Object.entries(all)) localStorage.setItem(k, v);
    }, entries);
    const rows = page.locator('table[aria-labelledby="my-data-entries"] tbody tr');
    // List: from navigation to every entry in the table.
    let t0 = performance.now();
    await page.goto(url);
    await page.waitForFunction((n) => document.querySelectorAll('table[aria-labelledby="my-data-entries"] tbody tr').length === n, count);
    const listMs = performance.now() - t0;
    if ((await rows.count()) !== count) throw new Error('bench: not every entry listed');

    t0 = performance.now();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: '备份全部', exact: true }).click(),
    ]);
    const backupMs = performance.now() - t0;
    const text = readFileSync(await download.path(), 'utf8');
    const fileBytes = Buffer.byteLength(text);

    await page.evaluate(() => localStorage.clear());
    await page.reload();
    // A cleared browser has nothing to list: the page's code loads on first use, as a reader's pointer
    // moving onto it would do.
    const island = page.locator('astro-island[client="intent"]');
    if ((await island.count()) > 0) await island.dispatchEvent('pointerover');
    await page.locator('.my-data[data-ready="true"]').waitFor();
    t0 = performance.now();
    await page.getByLabel('从备份恢复').setInputFiles({ name: 'backup.json', mimeType: 'application/json', buffer: Buffer.from(text) });
    await page.getByRole('button', { name: `恢复所选（${count} 条）` }).click();
    await page.getByText(`已恢复 ${count} 条。`, { exact: false }).waitFor();
    const restoreMs = performance.now() - t0;
    const back = await page.evaluate((all) => Object.entries(all).every(([k, v]) => localStorage.getItem(k) === v), entries);
    if (!back) throw new Error('bench: the restore did not give back every entry exactly');
    await context.close();
    return { count, listMs, backupMs, restoreMs, fileBytes };
  } finally {
    await browser.close();
    await server.close();
  }
}

/** The report lines (Chinese, like bench.mjs). */
export function myDataReport(f) {
  const over = (v, b) => (v > b ? ' ✗ 超出' : '');
  const mb = (n) => (n / 1024 / 1024).toFixed(2);
  return [
    `\n我的数据（绩效自评 3 组 × 12 个月、团队考核 15 人一年、预算申请单 50 份，共 ${f.count} 条，Chromium 中）`,
    `- 列出全部条目：${f.listMs.toFixed(0)} ms（≤${MY_DATA_BUDGET.listMs} ms）${over(f.listMs, MY_DATA_BUDGET.listMs)}`,
    `- 备份全部（到开始下载）：${f.backupMs.toFixed(0)} ms（≤${MY_DATA_BUDGET.backupMs} ms）${over(f.backupMs, MY_DATA_BUDGET.backupMs)}；文件 ${mb(f.fileBytes)} MB（≤2 MB）${over(f.fileBytes, MY_DATA_BUDGET.fileBytes)}`,
    `- 从备份全部恢复（选择文件到全部写入）：${f.restoreMs.toFixed(0)} ms（≤${MY_DATA_BUDGET.restoreMs} ms）${over(f.restoreMs, MY_DATA_BUDGET.restoreMs)}`,
  ];
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  for (const line of myDataReport(await benchMyData())) console.log(line);
}
