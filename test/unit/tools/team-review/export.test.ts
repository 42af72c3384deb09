import { describe, expect, test } from 'vitest';
import { parseCsv } from '../../../../src/core/csv';
import type { AppraisalPolicy, BonusPolicy } from '../../../../src/core/policy-types';
import { emptyReview, plainNumber, type SelfReviewState } from '../../../../src/tools/self-review/logic/state';
import { deriveTeam } from '../../../../src/tools/team-review/logic/derive';
import { appraisalSheet, candidateMembersText, flagText, periodText, teamCsv, teamCsvRows, teamFileBase, teamText } from '../../../../src/tools/team-review/logic/export';
import { fileReceived } from '../../../../src/tools/team-review/logic/receive';
import { emptyTeamReview, recordKey, type TeamReviewState } from '../../../../src/tools/team-review/logic/state';
import { strings } from '../../../../src/tools/team-review/ui/strings';
import { shippedPolicies } from '../../helpers/policy-fixtures';

const { appraisal, bonus } = shippedPolicies() as { appraisal: AppraisalPolicy; bonus: BonusPolicy };
const policies = { appraisal, bonus };
const fives = Object.fromEntries(appraisal.behaviour.items.map((i) => [i.id, '5'])) as SelfReviewState['ratings'];

function month(name: string, period: string, share = 1, group = 'promotion'): SelfReviewState {
  const s = emptyReview(appraisal, group, period, name);
  for (const k of appraisal.groups.find((g) => g.id === group)!.kpis) {
    const v = k.direction === 'higher' ? k.target * share : k.target / share;
    s.kpis[k.id] = { target: plainNumber(k.target), actual: plainNumber(k.unit === 'count' ? Math.round(v) : v), comment: '' };
  }
  return { ...s, ratings: { ...fives }, summary: '按计划完成' };
}

async function team(selfs: SelfReviewState[]): Promise<TeamReviewState> {
  const received = selfs.map((self, i) => ({ ok: true as const, source: String(i), self }));
  return (await fileReceived({ ...emptyTeamReview(), defaultBase: '2000' }, received, appraisal, strings, new Date('2026-04-02T00:00:00Z'))).state;
}

describe('CSV for HR and payroll', () => {
  test('BOM, a header, one row per member, numbers as numbers, formula cells neutralised', async () => {
    const state = await team([month('=HYPERLINK("x")', '2026-03'), month('李四', '2026-03', 0.5)]);
    state.records[recordKey('李四', '2026-03', 'promotion')]!.manager.done = true;
    const view = deriveTeam(state, policies).view!;
    const text = teamCsv(view, strings);
    expect(text.startsWith('\uFEFF')).toBe(true);
    const rows = parseCsv(text);
    expect(rows[0]).toEqual(['姓名', '考核组', '考核期间', '自评得分', '自评等级', '上级评定得分', '上级评定等级', '调整项数', '月度奖金基数（元）', '奖金系数', '奖金估算（元）', '候选提示', '评定状态', '自评指纹']);
    expect(rows).toHaveLength(3);
    const byName = Object.fromEntries(rows.slice(1).map((r) => [r[0], r]));
    expect(byName["'=HYPERLINK(\"x\")"]).toBeDefined(); // neutralised
    const li = byName['李四']!;
    const r = view.rows.find((x) => x.name === '李四')!;
    expect(li.slice(1, 3)).toEqual(['市场推广组', '2026年3月']);
    expect(Number(li[5])).toBe(r.manager!.total);
    expect(Number(li[10])).toBe(r.bonus.estimate!.bonusFen / 100);
    expect(li[11]).toMatch(/^培训候选（四（三）3，/);
    expect(li[12]).toBe('已评定');
    expect(li[13]).toMatch(/^="[0-9a-f]{4}-[0-9a-f]{4}"$/); // kept as text in a spreadsheet
    expect(teamCsvRows(view, strings)[1]).toHaveLength(14);
  });
});

describe('text for 微信 / 钉钉', () => {
  test('members, distribution with its recommendation, bonus against the pool, candidates, the note', async () => {
    const state = await team([month('张三', '2026-03'), month('李四', '2026-03', 0.5)]);
    const text = teamText(deriveTeam(state, policies).view, strings);
    expect(text).toContain('团队考核 2026年3月');
    expect(text).toMatch(/张三（市场推广组）：自评 [\d.]+，上级评定 [\d.]+，优秀，奖金估算 ¥[\d,.]+，待评定/);
    expect(text).toContain('优秀 1 人（50%），建议不超过 20%，超出建议');
    expect(text).toMatch(/奖金池剩余 ¥[\d,.]+|超出奖金池 ¥[\d,.]+/);
    expect(text).toContain('培训候选（四（三）3）：李四');
    expect(text).toContain(strings['text.note']);
  });

  test('over the pool says by how much; an empty team says so', async () => {
    const state = await team([month('张三', '2026-03'), month('李四', '2026-03')]);
    const text = teamText(deriveTeam({ ...state, defaultBase: '50000' }, policies).view, strings);
    expect(text).toMatch(/超出奖金池 ¥[\d,.]+/);
    expect(teamText(null, strings)).toContain(strings['text.empty']);
  });
});

describe('the A4 绩效考核表', () => {
  test('a month: both columns per KPI and rating, changes marked, comments, three signatures, the fingerprint', async () => {
    const state = await team([month('张三', '2026-03')]);
    const key = recordKey('张三', '2026-03', 'promotion');
    state.records[key]!.manager.kpis['participants']!.actual = '250';
    state.records[key]!.manager.ratings['quality'] = '3';
    state.records[key]!.manager.comment = '活动人数以报名表为准';
    const r = deriveTeam(state, policies).records.get(key)!;
    const sheet = appraisalSheet(r, strings);
    expect(sheet.title).toBe('绩效考核表');
    expect(sheet.info).toEqual([['姓名', '张三'], ['考核组', '市场推广组'], ['考核期间', '2026年3月']]);
    const participants = sheet.kpis.find((k) => k.name === '活动参与人数')!;
    expect(participants).toMatchObject({ weight: '30%', actual: { self: '500', manager: '250', changed: true }, target: { changed: false }, score: { self: '100', manager: '50', changed: true } });
    expect(sheet.behaviour.find((b) => b.label === '注重工作质量')!.value).toEqual({ self: '5', manager: '3', changed: true });
    expect(sheet.results.map((x) => x.label)).toEqual(['业绩得分', '工作规范得分', '月度总分', '等级']);
    expect(sheet.results[2]!.value.changed).toBe(true);
    expect(sheet.months).toEqual([]);
    expect(sheet.comments).toEqual([['员工自评', '按计划完成'], ['上级评语', '活动人数以报名表为准']]);
    expect(sheet.kpiNotes).toEqual([]);
    state.records[key]!.manager.kpis['participants']!.comment = '以报名表为准，重复报名不计';
    const noted = appraisalSheet(deriveTeam(state, policies).records.get(key)!, strings);
    // The 上级说明 of each KPI the manager wrote, named by its KPI, in the group's order.
    expect(noted.kpiNotes).toEqual([['上级说明（活动参与人数）', '以报名表为准，重复报名不计']]);
    expect(sheet.signatures).toEqual(['员工签字', '直属上级签字', '部门负责人签字']);
    expect(sheet.fingerprint).toMatch(/^所评自评的指纹：[0-9a-f]{4}-[0-9a-f]{4}$/);
    expect(sheet.trust).toContain('签字的绩效考核表');
  });

  test('a year: the monthly totals side by side, 年度评议 and 年度得分', async () => {
    const year = { ...emptyReview(appraisal, 'promotion', '2026', '张三'), months: Array<string>(12).fill('90'), review: '85' };
    const state = await team([month('张三', '2026-01'), year]);
    const r = deriveTeam(state, policies).records.get(recordKey('张三', '2026', 'promotion'))!;
    const sheet = appraisalSheet(r, strings);
    expect(sheet.kpis).toEqual([]);
    expect(sheet.months).toHaveLength(12);
    expect(sheet.months[0]).toEqual({ label: '1月', value: { self: '90', manager: '100', changed: true } });
    expect(sheet.months[1]).toEqual({ label: '2月', value: { self: '90', manager: '—', changed: true } });
    expect(sheet.results.map((x) => x.label)).toEqual(['月度平均', '年度评议得分', '年度得分', '等级']);
    expect(sheet.results[2]!.value).toEqual({ self: '88.5', manager: '—', changed: true }); // 90 × 70% + 85 × 30%; 1 month is too few for the manager
  });
});

describe('small helpers', () => {
  test('periodText, teamFileBase', () => {
    expect(periodText({ kind: 'month', year: 2026, month: 3 }, strings)).toBe('2026年3月');
    expect(periodText({ kind: 'year', year: 2026 }, strings)).toBe('2026年');
    expect(teamFileBase('2026-03', strings)).toBe('团队考核-2026-03');
    expect(teamFileBase(null, strings)).toBe('团队考核');
  });

  test('flagText names the rule, its clause and why', () => {
    const rule = appraisal.team!.candidates.find((c) => c.id === 'training')!;
    const kpi = appraisal.groups[0]!.kpis[0]!;
    expect(flagText({ rule, reason: { kind: 'kpi', kpis: [kpi] } }, strings)).toBe('培训候选（四（三）3，活动参与人数得分低于 60）');
    expect(flagText({ rule, reason: { kind: 'grade', grade: appraisal.grades.at(-1)! } }, strings)).toBe('培训候选（四（三）3，上级评定等级为待改进）');
  });

  test('candidateMembersText gives each member only why, for a line that already names the rule', async () => {
    const state = await team([month('张三', '2026-03'), month('李四', '2026-03', 0.5)]);
    const training = deriveTeam(state, policies).view!.candidates.find((g) => g.rule.id === 'training')!;
    const members = candidateMembersText(training, strings);
    expect(members).toMatch(/^李四：\S+/);
    // The team view's line: 培训候选（四（三）3）：李四：… names the rule and its clause once.
    expect(`${training.rule.name}（四（三）3）：${members}`.match(/培训候选/g)).toHaveLength(1);
    expect(members).not.toContain('四（三）3');
  });
});
