// 目标下达 as 绩效自评 receives it: which 目标 are refused (with the KPI named as the page labels it),
// and what taking one changes in the saved months (and what it keeps).
import { describe, expect, test } from 'vitest';
import { fingerprintOf } from '../../../../src/core/fingerprint';
import { toJsonFile } from '../../../../src/core/json-file';
import {
  checkTargets,
  makeTargetsReply,
  planTargets,
  type TargetsPayload,
} from '../../../../src/tools/self-review/logic/targets';
import {
  SELF_REVIEW_STATE_VERSION,
  emptyReview,
  reviewKey,
  type SelfReviewState,
} from '../../../../src/tools/self-review/logic/state';
import { shippedPolicies } from '../../helpers/policy-fixtures';

const { appraisal } = shippedPolicies();
const AT = new Date('2026-03-01T09:00:00+08:00');

const payload = (over: Partial<TargetsPayload> = {}): TargetsPayload => ({
  name: '王芳',
  group: 'crm',
  period: '2026-03',
  targets: { satisfaction: '95', leads: '100' },
  tasks: '完成一季度老客户回访',
  ...over,
});

describe('checkTargets', () => {
  test.each([
    // A 目标 the page can score against.
    [payload(), null],
    // No such group in today's parameters.
    [payload({ group: 'sales' }), '目标的考核组「sales」不在当前参数中，无法使用'],
    // A KPI of another group, named as that group's page labels it.
    [payload({ targets: { participants: '500' } }), '活动参与人数不是客户关系管理组的指标，无法使用这份目标'],
    // An id no group has.
    [payload({ targets: { reach: '5' } }), '「reach」不是客户关系管理组的指标，无法使用这份目标'],
    // Not a number.
    [payload({ targets: { satisfaction: '九十' } }), /^客户满意度 · 目标值：/],
    // 0: the ratio rule divides by the target (四（一）).
    [payload({ targets: { leads: '0' } }), /^潜在客户开发数量 · 目标值：/],
    // A percentage over 100.
    [payload({ targets: { satisfaction: '120' } }), /^客户满意度 · 目标值：/],
  ] as const)('%j → %s', (p, expected) => {
    const got = checkTargets(p, appraisal);
    if (expected === null || typeof expected === 'string') expect(got).toBe(expected);
    else expect(got).toMatch(expected);
  });
});

/** Saved entries by key, as the store would give them. */
function saved(...states: SelfReviewState[]) {
  const map = new Map(states.map((s) => [reviewKey(s.group, s.period), s]));
  return (key: string) => map.get(key) ?? null;
}

function filledMarch(): SelfReviewState {
  const s = emptyReview(appraisal, 'crm', '2026-03', '王芳');
  s.kpis.satisfaction = { target: '90', actual: '93', comment: '回访已完成' };
  s.ratings.discipline = '4';
  s.summary = '本月回访全部完成。';
  return s;
}

describe('planTargets', () => {
  test('a month 目标: sets the targets and keeps actuals, comments, ratings, summary and name', async () => {
    const reply = await makeTargetsReply(payload(), AT);
    const plan = planTargets(reply, appraisal, saved(filledMarch()), 3);
    expect(plan.same).toBe(false);
    expect(plan.open).toBe('crm-2026-03');
    expect(plan.writes.map((w) => w.key)).toEqual(['crm-2026-03']);
    const st = plan.writes[0]!.state;
    expect(st.kpis.satisfaction).toEqual({ target: '95', actual: '93', comment: '回访已完成' });
    expect(st.kpis.leads?.target).toBe('100');
    expect(st.kpis['complaint-rate']?.target).toBe('2'); // not in the 目标: as it was
    expect(st.ratings).toEqual({ discipline: '4' });
    expect(st.summary).toBe('本月回访全部完成。');
    expect(st.name).toBe('王芳');
    expect(st.assigned).toEqual({
      targets: { satisfaction: '95', leads: '100' },
      tasks: '完成一季度老客户回访',
      period: '2026-03',
      setAt: AT.toISOString(),
      fingerprint: reply.answers,
    });
    expect(plan.changes).toEqual([]); // nothing received before: nothing replaced
    expect(plan.nameDiffers).toBeNull();
  });

  test('a month with nothing saved gets a new entry named as the 目标 names the member', async () => {
    const reply = await makeTargetsReply(payload(), AT);
    const plan = planTargets(reply, appraisal, saved(), 3);
    expect(plan.writes[0]!.state.name).toBe('王芳');
    expect(plan.writes[0]!.state.kpis.satisfaction?.target).toBe('95');
  });

  test('a second 目标 for the month lists what changes; the same one again changes nothing', async () => {
    const first = await makeTargetsReply(payload(), AT);
    const march = planTargets(first, appraisal, saved(filledMarch()), 3).writes[0]!.state;
    const second = await makeTargetsReply(
      payload({ targets: { satisfaction: '92', leads: '100' }, tasks: '完成回访并整理投诉记录' }),
      new Date('2026-03-05T09:00:00+08:00'),
    );
    const plan = planTargets(second, appraisal, saved(march), 3);
    expect(plan.changes).toEqual([
      { kind: 'target', kpi: '客户满意度', from: '95', to: '92' },
      { kind: 'tasks', from: '完成一季度老客户回访', to: '完成回访并整理投诉记录' },
    ]);
    expect(plan.writes[0]!.state.kpis.satisfaction?.actual).toBe('93');

    const again = await makeTargetsReply(payload(), new Date('2026-03-09T09:00:00+08:00'));
    const same = planTargets(again, appraisal, saved(march), 3);
    expect(same.same).toBe(true);
    expect(same.writes).toEqual([]);
  });

  test('a year 目标 goes to every month of the year without a month 目标 of its own', async () => {
    const marchOwn = planTargets(await makeTargetsReply(payload(), AT), appraisal, saved(filledMarch()), 3)
      .writes[0]!.state;
    const may = { ...emptyReview(appraisal, 'crm', '2026-05', '王芳'), summary: '五月' };
    const year = await makeTargetsReply(payload({ period: '2026', targets: { satisfaction: '91' } }), AT);
    const plan = planTargets(year, appraisal, saved(marchOwn, may), 4);
    const keys = plan.writes.map((w) => w.key);
    expect(keys).toHaveLength(11);
    expect(keys).not.toContain('crm-2026-03'); // its own month 目标 stays
    expect(keys).toContain('crm-2026-01');
    expect(plan.open).toBe('crm-2026-04');
    const mayAfter = plan.writes.find((w) => w.key === 'crm-2026-05')!.state;
    expect(mayAfter.summary).toBe('五月');
    expect(mayAfter.kpis.satisfaction?.target).toBe('91');
    expect(mayAfter.assigned?.period).toBe('2026');
  });

  test('a 目标 for another name: both names are given for the employee to confirm', async () => {
    const reply = await makeTargetsReply(payload({ name: '王 芳芳' }), AT);
    const plan = planTargets(reply, appraisal, saved(filledMarch()), 3);
    expect(plan.nameDiffers).toEqual({ targets: '王 芳芳', entry: '王芳' });
    expect(plan.writes[0]!.state.name).toBe('王芳');
  });
});

describe('the 自评 sent back', () => {
  test('an entry without a 目标 has the fingerprint it had before (old replies still match)', async () => {
    const s = filledMarch();
    expect(Object.keys(s)).not.toContain('assigned');
    // Pinned: the fingerprint of this entry before the 自评 could hold a 目标.
    expect(await fingerprintOf(s)).toBe(await fingerprintOf(JSON.parse(JSON.stringify(s))));
    expect(await fingerprintOf(s)).toMatchInlineSnapshot(`"9fb4a8d3049235ce"`);
  });

  test('the JSON file of an entry scored against a 目标 carries it, fingerprint included', async () => {
    const reply = await makeTargetsReply(payload(), AT);
    const st = planTargets(reply, appraisal, saved(filledMarch()), 3).writes[0]!.state;
    const file = JSON.parse(toJsonFile('self-review', SELF_REVIEW_STATE_VERSION, st));
    expect(JSON.stringify(file)).toContain(reply.answers);
  });
});
