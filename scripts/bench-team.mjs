// 团队考核 at scale: 50 members × 12 months of 绩效自评 JSON files received at once,
// and one edit recomputed. Pure Node, no browser: the tool's logic is bundled with esbuild (the
// TypeScript sources import without extensions) and run here. Goals: receive + team view < 2 s,
// an edit's recompute < 50 ms. `node scripts/bench-team.mjs` runs it alone; bench.mjs calls it.
import { fileURLToPath } from 'node:url';
import { resolve } from 'node:path';
import { loadLogic } from './bench-logic.mjs';

export const TEAM_BUDGET = { receiveMs: 2000, editMs: 50 };

const ENTRY = `
export { shippedPolicies } from './test/unit/helpers/policy-fixtures';
export { teamSelfReviewFiles } from './test/unit/helpers/team-review-files';
export { receiveFiles } from './src/tools/team-review/logic/receive';
export { createTeamDeriver } from './src/tools/team-review/logic/derive';
export { emptyTeamReview } from './src/tools/team-review/logic/state';
export { strings } from './src/tools/team-review/ui/strings';
`;


const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** Runs the measurement; returns figures in ms. */
export async function benchTeamReview({ members = 50, runs = 5, edits = 30 } = {}) {
  const logic = await loadLogic(ENTRY, 'bench-team');
  const { appraisal, bonus } = logic.shippedPolicies();
  const policies = { appraisal, bonus };
  const files = logic.teamSelfReviewFiles(appraisal, { members });
  const start = { ...logic.emptyTeamReview(), defaultBase: '2000' };

  const receive = [];
  let state = null;
  let derive = null;
  let result = null;
  for (let i = 0; i < runs; i++) {
    derive = logic.createTeamDeriver(); // a fresh page: nothing cached
    const t0 = performance.now();
    const r = await logic.receiveFiles(start, files, appraisal, logic.strings);
    result = derive(r.state, policies);
    receive.push(performance.now() - t0);
    state = r.state;
    // One receipt per file; each must be a new record.
    if (r.receipts.length !== files.length || r.receipts.some((x) => x.outcome !== 'added'))
      throw new Error('bench: files did not all load');
  }

  // One edit: the manager corrects one KPI of one member in the shown period; the kit replaces
  // that record's object and keeps the others.
  const keys = result.view.rows.map((row) => row.key);
  const edit = [];
  for (let i = 0; i < edits; i++) {
    const key = keys[i % keys.length];
    const record = state.records[key];
    const [kpiId, kpi] = Object.entries(record.manager.kpis)[0];
    const manager = {
      ...record.manager,
      kpis: { ...record.manager.kpis, [kpiId]: { ...kpi, actual: String(i + 1) } },
    };
    state = { ...state, records: { ...state.records, [key]: { ...record, manager } } };
    const t0 = performance.now();
    result = derive(state, policies);
    edit.push(performance.now() - t0);
  }
  return {
    files: files.length,
    members,
    receiveFirstMs: receive[0],
    receiveMedianMs: median(receive),
    editMedianMs: median(edit),
    editMaxMs: Math.max(...edit),
    rows: result.view.rows.length,
  };
}

/** The report lines (Chinese, like bench.mjs). */
export function teamReport(f) {
  const over = (v, b) => (v > b ? ' ✗ 超出' : '');
  return [
    `\n团队考核（${f.members} 人 × 12 个月 = ${f.files} 个自评 JSON 文件，Node 中运行逻辑）`,
    `- 读入全部文件并算出团队视图：首次 ${f.receiveFirstMs.toFixed(0)} ms，中位数 ${f.receiveMedianMs.toFixed(0)} ms（≤${TEAM_BUDGET.receiveMs} ms）${over(f.receiveMedianMs, TEAM_BUDGET.receiveMs)}`,
    `- 修改一项后重算团队视图：中位数 ${f.editMedianMs.toFixed(1)} ms，最长 ${f.editMaxMs.toFixed(1)} ms（≤${TEAM_BUDGET.editMs} ms）${over(f.editMedianMs, TEAM_BUDGET.editMs)}`,
  ];
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const figures = await benchTeamReview();
  for (const line of teamReport(figures)) console.log(line);
}
