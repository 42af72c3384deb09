// 团队考核's year at a glance at scale: 15 members × 12 months of 绩效自评, each month with its 目标
// set and sent, saved as the team in the page's localStorage; measured in headless Chromium from
// navigation to the grid drawn (the grid sets data-drawn when it renders). Goal: < 1 s on this machine. Needs a built dist/.
// `node scripts/bench-year.mjs` runs it alone; bench.mjs calls it.
import { fileURLToPath } from 'node:url';
import { join, resolve } from 'node:path';
import { loadLogic, root } from './bench-logic.mjs';
import { chromium } from 'playwright-core';
import { startStaticServer } from './static-server.mjs';
import { CHROME_FLAGS, findChrome, INSTALL_HINT } from './chrome-path.mjs';

export const YEAR_BUDGET = { drawnMs: 1000 };


const ENTRY = `
export { shippedPolicies } from './test/unit/helpers/policy-fixtures';
export { teamSelfReviewFiles } from './test/unit/helpers/team-review-files';
export { receiveFiles } from './src/tools/team-review/logic/receive';
export { emptyTeamReview, TEAM_REVIEW_STATE_VERSION } from './src/tools/team-review/logic/state';
export { markSent, setTarget, targetsPayload } from './src/tools/team-review/logic/targets';
export { strings } from './src/tools/team-review/ui/strings';
`;


/** The team of `members` × 12 months as the page stores it: localStorage key → value. */
export async function yearTeamStorage({ members = 15 } = {}) {
  const logic = await loadLogic(ENTRY, 'bench-year');
  const { appraisal } = logic.shippedPolicies();
  const files = logic.teamSelfReviewFiles(appraisal, { members });
  const r = await logic.receiveFiles(logic.emptyTeamReview(), files, appraisal, logic.strings);
  if (r.receipts.length !== files.length || r.receipts.some((x) => x.outcome !== 'added'))
    throw new Error('bench: files did not all load');
  // 目标下达 too: each member's month has its own targets, set and sent, as a manager's year would.
  let state = r.state;
  const at = new Date().toISOString();
  for (const rec of Object.values(state.records)) {
    const group = appraisal.groups.find((g) => g.id === rec.self.group);
    if (!group) continue;
    const who = { period: rec.self.period, group: group.id, person: rec.person, name: rec.self.name };
    for (const kpi of group.kpis) state = logic.setTarget(state, who, { kpi: kpi.id, text: String(kpi.target) }, at);
    state = logic.setTarget(state, who, { tasks: '完成当月客户回访与活动复盘' }, at);
    state = logic.markSent(state, who, logic.targetsPayload(state, group, who.period, who.person, who.name), at);
  }
  const value = JSON.stringify({
    v: logic.TEAM_REVIEW_STATE_VERSION,
    savedAt: new Date().toISOString(),
    data: state,
  });
  return { files: files.length, items: { 'mh:team-review:team': value } };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** Runs the measurement; returns figures in ms. */
export async function benchYear({ members = 15, runs = 5 } = {}) {
  const executablePath = findChrome();
  if (!executablePath) throw new Error(INSTALL_HINT);
  const { files, items } = await yearTeamStorage({ members });
  const server = await startStaticServer({ root: join(root, 'dist') });
  const browser = await chromium.launch({ executablePath, args: CHROME_FLAGS });
  try {
    const drawn = [];
    let cells = 0;
    for (let i = 0; i < runs; i++) {
      // A fresh context each run: nothing cached but what the first visit put in storage.
      const context = await browser.newContext({ locale: 'zh-CN', serviceWorkers: 'block' });
      const page = await context.newPage();
      // Notes the moment the grid appears, in the page's own clock (ms since navigation start).
      await page.addInitScript(() => {
        new MutationObserver((_, observer) => {
          if (document.querySelector('[data-year-grid][data-drawn]')) {
            window.__yearDrawnAt = performance.now();
            observer.disconnect();
          }
        }).observe(document, { subtree: true, childList: true, attributes: true });
      });
      const url = `${server.url.replace(/\/$/, '')}/tools/team-review/`;
      await page.goto(url);
      await page.evaluate((entries) => {
        for (const [k, v] of Object.entries(entries)) localStorage.setItem(k, v);
      }, items);
      await page.goto('about:blank');
      await page.goto(url, { waitUntil: 'commit' });
      await page.locator('[data-year-grid][data-drawn]').waitFor();
      drawn.push(await page.waitForFunction(() => window.__yearDrawnAt).then((h) => h.jsonValue()));
      cells = await page.locator('[data-year-grid] tbody td').count();
      await context.close();
    }
    return { members, files, runs, cells, drawnFirstMs: drawn[0], drawnMedianMs: median(drawn) };
  } finally {
    await browser.close();
    await server.close?.();
  }
}

/** The report lines (Chinese, like bench.mjs). */
export function yearReport(f) {
  const over = (v, b) => (v > b ? ' ✗ 超出' : '');
  return [
    `\n团队考核 · 全年一览（${f.members} 人 × 12 个月 = ${f.files} 份自评，存于浏览器；无头 Chromium）`,
    `- 打开页面到成员 × 月份表格画好（${f.cells} 格）：首次 ${f.drawnFirstMs.toFixed(0)} ms，中位数 ${f.drawnMedianMs.toFixed(0)} ms（≤${YEAR_BUDGET.drawnMs} ms）${over(f.drawnMedianMs, YEAR_BUDGET.drawnMs)}`,
  ];
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const figures = await benchYear();
  for (const line of yearReport(figures)) console.log(line);
}
