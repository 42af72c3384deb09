import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import type { AppraisalPolicy, Kpi } from '../../../../src/core/policy-types';
import { annualScore, behaviourScore, gradeFor, monthlyTotal, weightedPerformance } from '../../../../src/core/scoring';
import {
  maxAppraisalScore,
  maxMonthlyTotal,
  maxPerformance,
  monthTotalsFromSaved,
  parseKpiValue,
  PLAN_PERCENT_MAX,
  selfReviewResult,
  type MonthResult,
  type YearResult,
} from '../../../../src/tools/self-review/logic/derive';
import { emptyReview, type SelfReviewState } from '../../../../src/tools/self-review/logic/state';
import { shippedPolicies } from '../../helpers/policy-fixtures';

const appraisal: AppraisalPolicy = shippedPolicies().appraisal;
const group = (id: string) => appraisal.groups.find((g) => g.id === id)!;
const kpi = (groupId: string, id: string): Kpi => group(groupId).kpis.find((k) => k.id === id)!;

function month(groupId: string, actuals: Record<string, string>, ratings: Record<string, string> = {}): SelfReviewState {
  const state = emptyReview(appraisal, groupId, '2026-03', '张三');
  for (const [id, actual] of Object.entries(actuals)) state.kpis[id] = { ...state.kpis[id]!, actual };
  return { ...state, ratings: ratings as SelfReviewState['ratings'] };
}
/** 90% of the target (110% when lower is better), whole for counts, one point lower for ratings. */
function offTarget(k: Kpi): number {
  if (k.unit === 'rating') return Math.max(1, k.target - 1);
  const v = k.direction === 'higher' ? k.target * 0.9 : k.target * 1.1;
  return k.unit === 'count' ? Math.round(v) : Math.round(v * 100) / 100;
}
const allFours = Object.fromEntries(appraisal.behaviour.items.map((i) => [i.id, '4'])) as Record<string, string>;

describe('parseKpiValue', () => {
  const conversion = kpi('promotion', 'activity-conversion'); // percent, target 10
  const cost = kpi('promotion', 'cost-control'); // percent, target 100 (against a plan)
  const participants = kpi('promotion', 'participants'); // count
  const report = kpi('analytics', 'report-quality'); // rating 1–5
  test.each([
    // [kpi, text, role, value or error]
    [participants, '1,200', 'actual', 1200], // thousands separator
    [participants, '１２００', 'actual', 1200], // full-width digits
    [participants, '1.5万', 'actual', 15000], // counted in 万, exactly
    [kpi('promotion', 'brand-exposure'), '12万', 'actual', 120000],
    [conversion, '5万%', 'actual', '请输入数字'], // a percentage takes no 万
    [{ unit: 'money', target: 0 } as const, '¥1.2万', 'actual', 12000],
    [participants, '12.5', 'actual', '请输入 0 或正整数'], // people are counted whole
    [participants, '-5', 'actual', '请输入 0 或正整数'],
    [participants, 'abc', 'actual', '请输入数字'],
    [participants, '99999999999999999999', 'actual', '数字太大'],
    [conversion, '12%', 'actual', 12],
    [conversion, '１２．５％', 'actual', 12.5],
    [conversion, '120%', 'actual', '百分比应在 0–100 之间'], // a conversion rate cannot pass 100%
    [conversion, '120', 'target', '百分比应在 0–100 之间'],
    [cost, '120%', 'actual', 120], // spending 120% of the budget is real
    [cost, '2000%', 'actual', `百分比应在 0–${PLAN_PERCENT_MAX}% 之间`],
    [cost, '-3%', 'actual', `百分比应在 0–${PLAN_PERCENT_MAX}% 之间`],
    [cost, 'x%', 'actual', '请输入数字'],
    [cost, '120', 'target', '百分比应在 0–100 之间'], // targets follow appraisal.yaml's rules
    [cost, '0', 'target', '目标值必须大于 0'], // the ratio rule divides by the target
    [participants, '0', 'target', '目标值必须大于 0'],
    [conversion, '0%', 'target', '目标值必须大于 0'],
    [{ unit: 'money', target: 1 } as const, '¥0.00', 'target', '目标值必须大于 0'],
    [participants, '0', 'actual', 0], // an actual of 0 is real
    [report, '4', 'actual', 4],
    [report, '6', 'actual', '评分应为 1–5 的整数'],
    [{ unit: 'money', target: 0 } as const, '¥1,200.50元', 'actual', 1200.5],
    [{ unit: 'money', target: 0 } as const, '1.234', 'actual', '金额最多两位小数（到分）'],
  ] as const)('%o %s (%s)', (k, text, role, expected) => {
    const result = parseKpiValue(k, text, role);
    if (typeof expected === 'number') expect(result).toEqual({ ok: true, value: expected });
    else expect(result).toMatchObject({ ok: false, error: expected });
  });

  test('an empty field is "not filled", not an error', () => {
    expect(parseKpiValue(participants, '  ', 'actual')).toMatchObject({ ok: false, code: 'empty' });
  });
});

describe('bounds from the parameters', () => {
  test('highest scores', () => {
    // 市场推广组: 120×30% + 120×30% + 120×20% + 100×20% = 116
    expect(maxPerformance(group('promotion'))).toBe(116);
    expect(maxMonthlyTotal(appraisal, group('promotion'))).toBe(monthlyTotal(116, 100, appraisal.split).total);
    expect(maxAppraisalScore(appraisal)).toBe(
      Math.max(100, ...appraisal.groups.map((g) => maxMonthlyTotal(appraisal, g))),
    );
  });
});

describe('a month', () => {
  test.each(appraisal.groups.map((g) => g.id))('%s: total and grade as scoring.ts computes them', (groupId) => {
    const g = group(groupId);
    // Every KPI a little off target (ratings one point lower), behaviour all 4.
    const actuals = Object.fromEntries(g.kpis.map((k) => [k.id, String(offTarget(k))]));
    const r = selfReviewResult(month(groupId, actuals, allFours), appraisal) as MonthResult;
    const perf = weightedPerformance(g, Object.fromEntries(g.kpis.map((k) => [k.id, { actual: Number(actuals[k.id]), target: k.target }])));
    const beh = behaviourScore(appraisal.behaviour.items, Object.fromEntries(appraisal.behaviour.items.map((i) => [i.id, 4])));
    const total = monthlyTotal(perf.score, beh.score, appraisal.split);
    expect(r.kind).toBe('month');
    expect(r.performance).toBe(perf.score);
    expect(r.behaviour).toBe(beh.score);
    expect(r.parts).toEqual(total);
    expect(r.total).toBe(total.total);
    expect(r.grade).toEqual(gradeFor(total.total, appraisal.grades));
    expect(r.missing).toEqual([]);
    expect(r.complete).toBe(true);
    expect(r.rows.map((x) => x.weighted)).toEqual(perf.lines.map((x) => x.weighted));
  });

  test('an actual typed in 万 scores as the same number written out', () => {
    const written = { participants: '450', 'activity-conversion': '9%', 'brand-exposure': '120000', 'cost-control': '95' };
    const inWan = { ...written, 'brand-exposure': '12万' };
    const a = selfReviewResult(month('promotion', written, allFours), appraisal) as MonthResult;
    const b = selfReviewResult(month('promotion', inWan, allFours), appraisal) as MonthResult;
    expect(b.errors).toEqual({});
    expect(b.total).toBe(a.total);
    expect(b.rows.find((x) => x.kpi.id === 'brand-exposure')?.actual).toBe(120000);
  });

  test('missing and refused values are listed, count as 0 and never make NaN', () => {
    const state = month('promotion', { participants: '450', 'activity-conversion': '120%', 'brand-exposure': 'lots' }, { discipline: '5' });
    state.kpis['cost-control'] = { target: 'abc', actual: '90', comment: '' };
    const r = selfReviewResult(state, appraisal) as MonthResult;
    expect(r.errors).toEqual({
      'actual-activity-conversion': '百分比应在 0–100 之间',
      'actual-brand-exposure': '请输入数字',
      'target-cost-control': '请输入数字',
    });
    expect(r.missing.map((m) => m.id)).toEqual(['activity-conversion', 'brand-exposure', 'cost-control', 'communication', 'records', 'quality', 'learning']);
    expect(r.rows.find((x) => x.kpi.id === 'participants')?.score).toBe(90);
    expect(r.rows.find((x) => x.kpi.id === 'cost-control')).toMatchObject({ target: null, score: null, weighted: 0, actual: 90 });
    expect(Number.isFinite(r.total)).toBe(true);
    expect(r.complete).toBe(false);
  });

  test('an empty target uses the parameter; a target of 0 is refused beside its field, never scored', () => {
    const state = month('promotion', { participants: '500', 'activity-conversion': '0', 'cost-control': '50' });
    state.kpis['participants'] = { target: '', actual: '500', comment: '' };
    state.kpis['activity-conversion'] = { target: '0', actual: '3', comment: '' };
    state.kpis['cost-control'] = { target: '0', actual: '50', comment: '' };
    const r = selfReviewResult(state, appraisal) as MonthResult;
    const row = (id: string) => r.rows.find((x) => x.kpi.id === id)!;
    expect(row('participants')).toMatchObject({ target: 500, targetIsDefault: true, score: 100 });
    // A message, not the silent cap (120) nor the silent 0 the first version gave.
    expect(row('activity-conversion')).toMatchObject({ target: null, targetError: '目标值必须大于 0', score: null, weighted: 0 });
    expect(row('cost-control')).toMatchObject({ target: null, targetError: '目标值必须大于 0', score: null, weighted: 0 });
    expect(r.errors).toMatchObject({ 'target-activity-conversion': '目标值必须大于 0', 'target-cost-control': '目标值必须大于 0' });
    expect(r.missing.map((m) => m.id)).toEqual(expect.arrayContaining(['activity-conversion', 'cost-control']));
    expect(r.complete).toBe(false);
    expect(Number.isFinite(r.total)).toBe(true);
  });

  test('an unknown group or a malformed period gives no result', () => {
    expect(selfReviewResult({ ...month('promotion', {}), group: 'gone' }, appraisal)).toBeNull();
    expect(selfReviewResult({ ...month('promotion', {}), period: '2026-13' }, appraisal)).toBeNull();
  });

  test('the total stays finite and non-negative whatever is typed', () => {
    const g = group('crm');
    fc.assert(
      fc.property(
        fc.array(fc.string({ maxLength: 12 }), { minLength: g.kpis.length * 2, maxLength: g.kpis.length * 2 }),
        fc.array(fc.constantFrom('', '1', '2', '3', '4', '5'), { minLength: 5, maxLength: 5 }),
        (texts, ratings) => {
          const state = emptyReview(appraisal, 'crm', '2026-05');
          g.kpis.forEach((k, i) => (state.kpis[k.id] = { target: texts[2 * i]!, actual: texts[2 * i + 1]!, comment: '' }));
          appraisal.behaviour.items.forEach((item, i) => (state.ratings[item.id] = ratings[i] as '1'));
          const r = selfReviewResult(state, appraisal) as MonthResult;
          expect(Number.isFinite(r.total)).toBe(true);
          expect(r.total).toBeGreaterThanOrEqual(0);
          expect(r.total).toBeLessThanOrEqual(maxMonthlyTotal(appraisal, g));
        },
      ),
    );
  });
});

describe('a year', () => {
  function year(months: string[], review: string): SelfReviewState {
    return { ...emptyReview(appraisal, 'crm', '2026'), months, review };
  }

  test('rolls up the months with annualScore', () => {
    const months = ['80', '90', '', '85.5', '70', '88', '92', '', '', '81', '79', '86'];
    const r = selfReviewResult(year(months, '90'), appraisal) as YearResult;
    const expected = annualScore(months.map((m) => (m === '' ? null : Number(m))), 90, appraisal.annual);
    expect(r.kind).toBe('year');
    expect(r.annual).toEqual(expected);
    expect(r.total).toBe(expected.score);
    expect(r.grade).toEqual(gradeFor(expected.score!, appraisal.grades));
    expect(r.annual.missingMonths).toEqual([3, 8, 9]);
    expect(r.missing.map((m) => m.name)).toEqual(['3月', '8月', '9月']);
    expect(r.complete).toBe(true);
  });

  test('too few months or no review: no annual score', () => {
    const few = selfReviewResult(year(['80', '90', '', '', '', '', '', '', '', '', '', ''], '90'), appraisal) as YearResult;
    expect(few.total).toBeNull();
    expect(few.grade).toBeNull();
    expect(few.annual.meetsMinimum).toBe(false);
    const noReview = selfReviewResult(year(Array(12).fill('85'), ''), appraisal) as YearResult;
    expect(noReview.total).toBeNull();
    expect(noReview.annual.reviewMissing).toBe(true);
    expect(noReview.missing).toEqual([{ kind: 'review', id: 'review', name: '年度评议得分' }]);
  });

  test('refused months and review are reported beside their fields', () => {
    const max = maxMonthlyTotal(appraisal, group('crm'));
    const r = selfReviewResult(year(['abc', '-1', '999', ...Array(9).fill('80')], '101'), appraisal) as YearResult;
    expect(r.errors).toEqual({
      'month-1': '请输入数字',
      'month-2': '不能为负数',
      'month-3': `应在 0–${max} 之间`,
      review: '应在 0–100 之间',
    });
    expect(r.total).toBeNull();
    expect(r.monthMax).toBe(max);
  });
});

describe('monthTotalsFromSaved', () => {
  test('takes the totals of the saved months, leaves the others empty', () => {
    const march = month('promotion', { participants: '500', 'activity-conversion': '10', 'brand-exposure': '100000', 'cost-control': '100' }, allFours);
    const april = month('promotion', { participants: '400' });
    const lookup = (m: number) => (m === 3 ? march : m === 4 ? { ...april, period: '2026-04' } : m === 5 ? { ...april, group: 'gone' } : null);
    const { texts, saved } = monthTotalsFromSaved(appraisal, lookup);
    const marchTotal = (selfReviewResult(march, appraisal) as MonthResult).total;
    const aprilTotal = (selfReviewResult(april, appraisal) as MonthResult).total;
    expect(texts[2]).toBe(String(marchTotal));
    expect(texts[3]).toBe(String(aprilTotal));
    expect(texts.filter((t) => t !== '')).toHaveLength(2);
    expect(saved[2]).toEqual({ total: marchTotal, complete: true });
    expect(saved[3]).toEqual({ total: aprilTotal, complete: false });
    expect(saved[4]).toBeNull(); // a month of a group no longer in the parameters
  });
});
