import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { estimateBonus } from '../../../../src/core/bonus';
import type { AppraisalPolicy, BonusPolicy } from '../../../../src/core/policy-types';
import { selfReviewResult, type MonthResult, type YearResult } from '../../../../src/tools/self-review/logic/derive';
import { emptyReview, plainNumber, type SelfReviewState } from '../../../../src/tools/self-review/logic/state';
import {
  createTeamDeriver,
  deriveTeam,
  managerInput,
  periodOrder,
  sortRows,
  teamView,
  type RecordResult,
  type SortKey,
} from '../../../../src/tools/team-review/logic/derive';
import { fileReceived } from '../../../../src/tools/team-review/logic/receive';
import { emptyTeamReview, recordKey, type TeamReviewState } from '../../../../src/tools/team-review/logic/state';
import { strings } from '../../../../src/tools/team-review/ui/strings';
import { shippedPolicies } from '../../helpers/policy-fixtures';

const { appraisal, bonus } = shippedPolicies() as { appraisal: AppraisalPolicy; bonus: BonusPolicy };
const policies = { appraisal, bonus };
const now = new Date('2026-04-02T09:00:00Z');
const fives = Object.fromEntries(appraisal.behaviour.items.map((i) => [i.id, '5'])) as SelfReviewState['ratings'];
const threes = Object.fromEntries(appraisal.behaviour.items.map((i) => [i.id, '3'])) as SelfReviewState['ratings'];

/** A month of `group` with every KPI at `share` of its target (lower-is-better inverted) and the given ratings. */
function month(name: string, period: string, share = 1, ratings = fives, group = 'promotion'): SelfReviewState {
  const s = emptyReview(appraisal, group, period, name);
  for (const k of appraisal.groups.find((g) => g.id === group)!.kpis) {
    const v = k.direction === 'higher' ? k.target * share : k.target / share;
    s.kpis[k.id] = { target: plainNumber(k.target), actual: plainNumber(k.unit === 'count' ? Math.round(v) : v), comment: '' };
  }
  return { ...s, ratings: { ...ratings } };
}

async function team(selfs: SelfReviewState[], base = '2000'): Promise<TeamReviewState> {
  const received = selfs.map((self, i) => ({ ok: true as const, source: String(i), self }));
  const r = await fileReceived({ ...emptyTeamReview(), defaultBase: base }, received, appraisal, strings, now);
  return r.state;
}

describe('one record', () => {
  test('the 上级评定 starts equal to the 自评: same score and grade, nothing marked', async () => {
    const state = await team([month('张三', '2026-03', 0.9, threes)]);
    const r = deriveTeam(state, policies).records.get(recordKey('张三', '2026-03', 'promotion'))!;
    expect(r.manager!.total).toBe(r.self!.total);
    expect(r.manager!.grade).toEqual(r.self!.grade);
    expect(r.kpis.every((k) => !k.differs.target && !k.differs.actual && !k.differs.score)).toBe(true);
    expect(r).toMatchObject({ totalDiffers: false, gradeDiffers: false, changes: 0, name: '张三' });
  });

  test('the manager score follows the 绩效自评 rule exactly (one function), and corrections are marked', async () => {
    const state = await team([month('张三', '2026-03', 1, fives)]);
    const key = recordKey('张三', '2026-03', 'promotion');
    const m = state.records[key]!.manager;
    m.kpis['participants'] = { ...m.kpis['participants']!, actual: '250' }; // half the target
    m.kpis['brand-exposure'] = { ...m.kpis['brand-exposure']!, target: '200000' }; // a harder target
    m.ratings['quality'] = '3';
    const r = deriveTeam(state, policies).records.get(key)!;
    const direct = selfReviewResult(managerInput(state.records[key]!), appraisal) as MonthResult;
    expect(r.manager).toEqual(direct);
    const row = (id: string) => r.kpis.find((k) => k.kpi.id === id)!;
    expect(row('participants').differs).toEqual({ target: false, actual: true, score: true });
    expect(row('participants').manager.score).toBe(50);
    expect(row('brand-exposure').differs).toEqual({ target: true, actual: false, score: true });
    expect(row('activity-conversion').differs).toEqual({ target: false, actual: false, score: false });
    expect(r.behaviour.find((b) => b.item.id === 'quality')).toMatchObject({ self: 5, manager: 3, differs: true });
    expect(r.changes).toBe(3);
    expect(r.totalDiffers).toBe(true);
    expect(r.manager!.total).toBeLessThan(r.self!.total!);
  });

  test('a target of 0 typed by the manager is refused beside the field, never scored', async () => {
    const state = await team([month('张三', '2026-03')]);
    const key = recordKey('张三', '2026-03', 'promotion');
    state.records[key]!.manager.kpis['cost-control']!.target = '0';
    const r = deriveTeam(state, policies).records.get(key)!;
    expect(r.manager!.errors['target-cost-control']).toBe('目标值必须大于 0');
    const row = r.kpis.find((k) => k.kpi.id === 'cost-control')!;
    expect(row.manager.score).toBeNull();
    expect(row.differs.score).toBe(true);
  });

  test('bonus: the member base, else the team default; a refused base is reported', async () => {
    const state = await team([month('张三', '2026-03'), month('李四', '2026-03'), month('王五', '2026-03')], '2,000');
    state.records[recordKey('李四', '2026-03', 'promotion')]!.manager.bonusBase = '3000';
    state.records[recordKey('王五', '2026-03', 'promotion')]!.manager.bonusBase = '-5';
    const t = deriveTeam(state, policies);
    const get = (n: string) => t.records.get(recordKey(n, '2026-03', 'promotion'))!;
    const want = (baseFen: number, score: number) =>
      estimateBonus({ baseFen: baseFen as never, score, curve: bonus.curve, maxCoefficient: bonus.maxCoefficient, period: { kind: 'month' } });
    expect(get('张三').bonus).toEqual({ baseFen: 200000, baseError: null, estimate: want(200000, get('张三').manager!.total!) });
    expect(get('李四').bonus.baseFen).toBe(300000);
    expect(get('王五').bonus).toMatchObject({ baseFen: null, baseError: '金额不能为负数', estimate: null });
    expect(t.defaultBaseError).toBeNull();
    const bad = deriveTeam({ ...state, defaultBase: 'abc' }, policies);
    expect(bad.defaultBaseError).toBe('请输入数字');
    expect(bad.records.get(recordKey('张三', '2026-03', 'promotion'))!.bonus.estimate).toBeNull();
  });
});

describe('an annual record', () => {
  test('rolls up the months the manager has, as 绩效自评 does; the others are missing', async () => {
    const months = Array.from({ length: 7 }, (_, i) => month('张三', `2026-0${i + 1}`, 1, fives));
    const year = { ...emptyReview(appraisal, 'promotion', '2026', '张三'), months: Array<string>(12).fill('95'), review: '90' };
    const state = await team([...months, year]);
    state.records[recordKey('张三', '2026-02', 'promotion')]!.manager.ratings = { ...threes };
    const t = deriveTeam(state, policies);
    const r = t.records.get(recordKey('张三', '2026', 'promotion'))!;
    const manager = r.manager as YearResult;
    const feb = t.records.get(recordKey('张三', '2026-02', 'promotion'))!.manager!.total;
    expect(r.months.map((m) => m.total)).toEqual([100, feb, 100, 100, 100, 100, 100, null, null, null, null, null]);
    expect(r.months[7]).toEqual({ month: 8, key: null, total: null });
    expect(r.months[0]!.key).toBe(recordKey('张三', '2026-01', 'promotion'));
    expect(manager.annual.monthsPresent).toBe(7);
    const expected = selfReviewResult(managerInput(state.records[recordKey('张三', '2026', 'promotion')]!, r.months.map((m) => (m.total === null ? '' : plainNumber(m.total)))), appraisal);
    expect(manager).toEqual(expected);
    expect((r.self as YearResult).annual.monthsPresent).toBe(12); // the employee's typed months
    expect(r.kpis).toEqual([]);
    expect(r.bonus.estimate?.months).toBe(bonus.annual.baseMonths);
  });

  test('too few months with the manager: no annual score, no bonus', async () => {
    const state = await team([month('张三', '2026-01'), { ...emptyReview(appraisal, 'promotion', '2026', '张三'), review: '90' }]);
    const r = deriveTeam(state, policies).records.get(recordKey('张三', '2026', 'promotion'))!;
    expect(r.manager!.total).toBeNull();
    expect(r.bonus.estimate).toBeNull();
    expect(r.totalDiffers).toBe(false); // neither side has a score
  });

  test('a changed 年度评议 counts as a change', async () => {
    const state = await team([{ ...emptyReview(appraisal, 'promotion', '2026', '张三'), review: '90' }]);
    state.records[recordKey('张三', '2026', 'promotion')]!.manager.review = '80';
    expect(deriveTeam(state, policies).records.get(recordKey('张三', '2026', 'promotion'))!.changes).toBe(1);
  });
});

describe('the team view', () => {
  test('periods newest first, the chosen one or the newest shown; an empty team has none', async () => {
    const state = await team([month('张三', '2026-02'), month('张三', '2026-03'), month('张三', '2025-12'), { ...emptyReview(appraisal, 'promotion', '2026', '张三') }]);
    const t = deriveTeam(state, policies);
    expect(t.periods).toEqual(['2026', '2026-03', '2026-02', '2025-12']);
    expect(t.current).toBe('2026');
    expect(deriveTeam({ ...state, period: '2026-02' }, policies).current).toBe('2026-02');
    expect(deriveTeam({ ...state, period: '2024-01' }, policies).current).toBe('2026');
    expect(deriveTeam(emptyTeamReview(), policies)).toMatchObject({ periods: [], current: null, view: null });
  });

  test('grade distribution against the recommendation: over is a warning, the counts still show', async () => {
    // 3 of 5 优秀 (60 % > 20 %), 2 lower.
    const state = await team([
      month('甲', '2026-03', 1, fives),
      month('乙', '2026-03', 1, fives),
      month('丙', '2026-03', 1, fives),
      month('丁', '2026-03', 0.85, threes),
      month('戊', '2026-03', 0.5, threes),
    ]);
    const view = deriveTeam(state, policies).view!;
    expect(view.rows).toHaveLength(5);
    expect(view.graded).toBe(5);
    const excellent = view.distribution.find((d) => d.grade.id === 'excellent')!;
    expect(excellent).toMatchObject({ count: 3, percent: 60, maxPercent: 20, over: true });
    expect(view.overRecommended.map((d) => d.grade.id)).toEqual(['excellent']);
    expect(view.distribution.reduce((n, d) => n + d.count, 0)).toBe(5);
    expect(view.distribution.filter((d) => d.grade.id !== 'excellent').every((d) => d.maxPercent === null && !d.over)).toBe(true);
  });

  test('bonus total against the pool of the period kind', async () => {
    const state = await team([month('甲', '2026-03'), month('乙', '2026-03')], '40000');
    const view = deriveTeam(state, policies).view!;
    const sum = view.rows.reduce((s, r) => s + r.bonus.estimate!.bonusFen, 0);
    expect(view.bonus).toMatchObject({ totalFen: sum, counted: 2, missing: 0, poolFen: bonus.pool!.monthYuan! * 100 });
    expect(view.bonus.remainingFen).toBe(view.bonus.poolFen! - sum);
    expect(view.bonus.over).toBe(sum > view.bonus.poolFen!);
    expect(view.bonus.over).toBe(true); // 2 × 40,000 × 1.5 > 60,000
    const noPool = teamView([...deriveTeam(state, policies).records.values()], '2026-03', appraisal, { pool: undefined });
    expect(noPool.bonus).toMatchObject({ poolFen: null, remainingFen: null, over: false });
  });

  test('candidates flagged by the YAML rules, each citing its clause (四（三）2–4)', async () => {
    const year = (name: string, review: string) => ({ ...emptyReview(appraisal, 'promotion', '2026', name), review });
    const months = (name: string, share: number, ratings: SelfReviewState['ratings']) =>
      Array.from({ length: 6 }, (_, i) => month(name, `2026-0${i + 1}`, share, ratings));
    const state = await team([...months('甲', 1, fives), year('甲', '100'), ...months('乙', 0.5, threes), year('乙', '40')]);
    const t = deriveTeam(state, policies);
    const yearView = teamView([...t.records.values()], '2026', appraisal, bonus);
    const byRule = Object.fromEntries(yearView.candidates.map((g) => [g.rule.id, g.members.map((m) => m.name)]));
    expect(byRule).toEqual({ promotion: ['甲'], honour: ['甲'], training: ['乙'] });
    for (const g of yearView.candidates) expect(['c4-3-2', 'c4-3-3', 'c4-3-4']).toContain(g.rule.clause);
    const monthView = teamView([...t.records.values()], '2026-01', appraisal, bonus);
    const training = monthView.rows.find((r) => r.name === '乙')!.candidates;
    // A month: only the `any` rule applies; 乙 is 待改进 (grade reason comes first).
    expect(training.map((f) => [f.rule.id, f.reason.kind])).toEqual([['training', 'grade']]);
    expect(monthView.rows.find((r) => r.name === '甲')!.candidates).toEqual([]);
  });

  test('a KPI below the line flags 培训候选 even with a good grade', async () => {
    const self = month('丙', '2026-03', 1, fives);
    self.kpis['participants'] = { ...self.kpis['participants']!, actual: '200' }; // 40 分
    const state = await team([self]);
    const r = deriveTeam(state, policies).records.get(recordKey('丙', '2026-03', 'promotion'))!;
    expect(r.candidates).toHaveLength(1);
    expect(r.candidates[0]!.rule.id).toBe('training');
    expect(r.candidates[0]!.reason).toEqual({ kind: 'kpi', kpis: [expect.objectContaining({ id: 'participants' })] });
  });

  test('no team section in the parameters: no recommendation, no candidates', async () => {
    const state = await team([month('甲', '2026-03')]);
    const t = deriveTeam(state, { appraisal: { ...appraisal, team: undefined }, bonus });
    expect(t.view!.distribution.every((d) => d.maxPercent === null)).toBe(true);
    expect(t.view!.candidates).toEqual([]);
  });

  test('a malformed period is refused', () => {
    expect(() => teamView([], '2026-13', appraisal, bonus)).toThrow(RangeError);
  });

  test('done counts the records marked 已评定', async () => {
    const state = await team([month('甲', '2026-03'), month('乙', '2026-03')]);
    state.records[recordKey('甲', '2026-03', 'promotion')]!.manager.done = true;
    expect(deriveTeam(state, policies).view!.done).toBe(1);
  });
});

describe('the cached deriver', () => {
  test('gives what deriveTeam gives and recomputes only the record edited', async () => {
    const state = await team([month('甲', '2026-03'), month('乙', '2026-03', 0.8, threes)]);
    const derive = createTeamDeriver();
    const first = derive(state, policies);
    expect(first).toEqual(deriveTeam(state, policies));
    const key = recordKey('甲', '2026-03', 'promotion');
    const edited = {
      ...state,
      records: {
        ...state.records,
        [key]: { ...state.records[key]!, manager: { ...state.records[key]!.manager, ratings: { ...threes } } },
      },
    };
    const second = derive(edited, policies);
    expect(second).toEqual(deriveTeam(edited, policies));
    const other = recordKey('乙', '2026-03', 'promotion');
    expect(second.records.get(other)!.self).toBe(first.records.get(other)!.self); // reused
    expect(second.records.get(key)!.manager).not.toBe(first.records.get(key)!.manager);
    // New parameters: nothing reused.
    const third = derive(edited, { appraisal: { ...appraisal }, bonus });
    expect(third.records.get(other)!.self).not.toBe(second.records.get(other)!.self);
  });
});

describe('periodOrder', () => {
  test('a year sorts above its months', () => {
    expect(periodOrder({ kind: 'year', year: 2026 })).toBeGreaterThan(periodOrder({ kind: 'month', year: 2026, month: 12 }));
    expect(periodOrder({ kind: 'month', year: 2026, month: 1 })).toBeGreaterThan(periodOrder({ kind: 'year', year: 2025 }));
  });
});

describe('sortRows', () => {
  let rows: RecordResult[] = [];
  const load = async () => {
    if (rows.length) return rows;
    const state = await team([
      month('王伟', '2026-03', 0.9, threes),
      month('李芳', '2026-03', 1, fives, 'crm'),
      month('张敏', '2026-03', 0.7, threes, 'analytics'),
      month('陈静', '2026-03', 1.1, fives),
    ]);
    state.records[recordKey('张敏', '2026-03', 'analytics')]!.manager.bonusBase = 'x'; // no estimate
    state.records[recordKey('陈静', '2026-03', 'promotion')]!.manager.done = true;
    rows = [...deriveTeam(state, policies).records.values()];
    return rows;
  };

  test.each([
    ['name', 'asc'],
    ['managerScore', 'desc'],
    ['bonus', 'asc'],
    ['group', 'asc'],
    ['done', 'desc'],
  ] as const)('%s %s', async (key, direction) => {
    const sorted = sortRows(await load(), key, direction);
    expect(sorted).toHaveLength(4);
    if (key === 'name') expect(sorted.map((r) => r.name)).toEqual(['陈静', '李芳', '王伟', '张敏']); // pinyin order
    if (key === 'managerScore') expect(sorted.map((r) => r.manager!.total)).toEqual([...sorted.map((r) => r.manager!.total!)].sort((a, b) => b - a));
    if (key === 'bonus') expect(sorted.at(-1)!.name).toBe('张敏'); // no estimate: last
    if (key === 'group') expect(sorted.map((r) => r.group!.id)).toEqual(['crm', 'promotion', 'promotion', 'analytics'].sort((a, b) => new Intl.Collator('zh-CN').compare(appraisal.groups.find((g) => g.id === a)!.name, appraisal.groups.find((g) => g.id === b)!.name)));
    if (key === 'done') expect(sorted[0]!.name).toBe('陈静');
  });

  test('property: sorted by the key, rows without a value last, and the same whatever the input order', async () => {
    const all = await load();
    const keys: SortKey[] = ['name', 'group', 'selfScore', 'managerScore', 'grade', 'bonus', 'changes', 'done'];
    fc.assert(
      fc.property(fc.constantFrom(...keys), fc.constantFrom('asc' as const, 'desc' as const), fc.shuffledSubarray(all), (key, dir, subset) => {
        const sorted = sortRows(subset, key, dir);
        expect(sorted.map((r) => r.key).sort()).toEqual(subset.map((r) => r.key).sort());
        expect(sortRows([...subset].reverse(), key, dir).map((r) => r.key)).toEqual(sorted.map((r) => r.key));
        const value = (r: RecordResult): number | null =>
          key === 'managerScore' ? (r.manager?.total ?? null) : key === 'bonus' ? (r.bonus.estimate?.bonusFen ?? null) : key === 'selfScore' ? (r.self?.total ?? null) : null;
        const values = sorted.map(value);
        const firstNull = values.indexOf(null);
        if (firstNull >= 0) expect(values.slice(firstNull).every((x) => x === null)).toBe(true);
        const present = values.filter((x): x is number => x !== null);
        for (let i = 1; i < present.length; i++) {
          if (dir === 'asc') expect(present[i]!).toBeGreaterThanOrEqual(present[i - 1]!);
          else expect(present[i]!).toBeLessThanOrEqual(present[i - 1]!);
        }
      }),
    );
  });
});
