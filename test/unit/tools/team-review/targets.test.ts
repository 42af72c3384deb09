import { describe, expect, test } from 'vitest';
import { TARGET_NOT_POSITIVE } from '../../../../src/core/scoring';
import type { AssignedTargets } from '../../../../src/tools/self-review/logic/state';
import { targetsFingerprint } from '../../../../src/tools/self-review/logic/targets';
import { emptyTeamReview, type TeamReviewState } from '../../../../src/tools/team-review/logic/state';
import {
  addTargetsMember,
  checkAssigned,
  markSent,
  targetsPayload,
  setTarget,
  targetError,
  targetsFor,
  targetsMembers,
  targetsStatus,
} from '../../../../src/tools/team-review/logic/targets';
import { shippedPolicies } from '../../helpers/policy-fixtures';

const { appraisal } = shippedPolicies();
const crm = appraisal.groups.find((g) => g.id === 'crm')!;
const T0 = '2026-03-01T09:00:00.000Z';
const T1 = '2026-03-01T10:00:00.000Z';
const T2 = '2026-03-01T11:00:00.000Z';
const march = { period: '2026-03', group: 'crm' };

/** 王芳 and 李娜 added to 客户关系管理组 for March; the group's 潜在客户开发数量 set to 100; 王芳's to 120. */
function team(): TeamReviewState {
  let s = emptyTeamReview();
  s = addTargetsMember(s, { ...march, name: '王芳' }, T0);
  s = addTargetsMember(s, { ...march, name: ' 李娜 ' }, T0);
  s = setTarget(s, march, { kpi: 'leads', text: '100' }, T0);
  s = setTarget(s, { ...march, person: '王芳', name: '王芳' }, { kpi: 'leads', text: '120' }, T0);
  return s;
}

describe('group targets, then one member adjusted', () => {
  test('the member takes her own target where set, the group’s elsewhere, appraisal.yaml’s for the rest', () => {
    const s = team();
    const wang = targetsFor(s, crm, '2026-03', '王芳', '王芳')!;
    const li = targetsFor(s, crm, '2026-03', '李娜', '李娜')!;
    expect(wang.targets['leads']).toBe('120');
    expect(li.targets['leads']).toBe('100');
    for (const kpi of crm.kpis.filter((k) => k.id !== 'leads')) {
      expect(wang.targets[kpi.id]).toBe(String(kpi.target));
      expect(li.targets[kpi.id]).toBe(String(kpi.target));
    }
    expect(li).toMatchObject({ name: '李娜', group: 'crm', period: '2026-03', tasks: '' });
  });
  test('a month without its own takes the year’s; the month’s win over the year’s', () => {
    let s = emptyTeamReview();
    s = setTarget(s, { period: '2026', group: 'crm' }, { kpi: 'leads', text: '90' }, T0);
    s = setTarget(s, { period: '2026', group: 'crm' }, { kpi: 'satisfaction', text: '95' }, T0);
    s = setTarget(s, march, { kpi: 'leads', text: '110' }, T0);
    const p = targetsFor(s, crm, '2026-03', '王芳', '王芳')!;
    expect(p.targets['leads']).toBe('110');
    expect(p.targets['satisfaction']).toBe('95');
  });
  test('nothing set → no 目标 (the team works as before)', () =>
    expect(targetsFor(emptyTeamReview(), crm, '2026-03', '王芳', '王芳')).toBeNull());
  test('tasks are the member’s own', () => {
    const s = setTarget(team(), { ...march, person: '李娜' }, { tasks: '完成 20 次回访' }, T1);
    expect(targetsFor(s, crm, '2026-03', '李娜', '李娜')!.tasks).toBe('完成 20 次回访');
    expect(targetsFor(s, crm, '2026-03', '王芳', '王芳')!.tasks).toBe('');
  });
});

describe('members of a period', () => {
  test('those added by name, sorted by 考核组 and name, trimmed; adding twice keeps one', () => {
    const s = addTargetsMember(team(), { ...march, name: '王芳' }, T1);
    expect(targetsMembers(s, '2026-03').map((m) => [m.name, m.group])).toEqual([
      ['李娜', 'crm'],
      ['王芳', 'crm'],
    ]);
    expect(targetsMembers(s, '2026-04')).toEqual([]);
  });
});

describe('sent or not', () => {
  const status = (s: ReturnType<typeof emptyTeamReview>) => targetsStatus(s, crm, '2026-03', '王芳');
  const payload = (s: ReturnType<typeof emptyTeamReview>) => targetsPayload(s, crm, '2026-03', '王芳', '王芳');
  test('未下达 → 已下达未发送 → 已发送; a later change to the group makes it unsent again', () => {
    let s = emptyTeamReview();
    s = addTargetsMember(s, { ...march, name: '王芳' }, T0);
    expect(status(s)).toEqual({ kind: 'none' });
    s = setTarget(s, march, { kpi: 'leads', text: '100' }, T0);
    expect(status(s)).toEqual({ kind: 'set' });
    s = markSent(s, { ...march, person: '王芳', name: '王芳' }, payload(s), T1);
    expect(status(s)).toEqual({ kind: 'sent', sentAt: T1 });
    s = setTarget(s, march, { kpi: 'leads', text: '110' }, T2);
    expect(status(s)).toEqual({ kind: 'set' });
    // Typed back to what was sent: the member holds it already.
    s = setTarget(s, march, { kpi: 'leads', text: '100' }, T2);
    expect(status(s)).toEqual({ kind: 'sent', sentAt: T1 });
  });

  test('a change in the same instant as the copy still reads unsent (a fixed or coarse clock)', () => {
    let s = emptyTeamReview();
    s = addTargetsMember(s, { ...march, name: '王芳' }, T0);
    s = setTarget(s, march, { kpi: 'leads', text: '100' }, T1);
    s = markSent(s, { ...march, person: '王芳', name: '王芳' }, payload(s), T1);
    s = setTarget(s, { ...march, person: '王芳', name: '王芳' }, { kpi: 'leads', text: '90' }, T1);
    expect(status(s)).toEqual({ kind: 'set' });
  });
});

describe('targetError: the 自评’s reading of a target', () => {
  test.each([
    ['', null], // the default
    ['120', null],
    ['0', TARGET_NOT_POSITIVE], // the ratio rule divides by it (四（一）)
  ])('leads %j → %j', (text, error) => expect(targetError(crm.kpis[0]!, text)).toBe(error));
  test('not a number is refused with a message', () => expect(targetError(crm.kpis[0]!, 'abc')).toMatch(/\S/));
});

describe('checkAssigned: the 自评 came back scored against …', () => {
  const assigned = async (targets: Record<string, string>): Promise<AssignedTargets> => {
    const payload = { name: '王芳', group: 'crm', period: '2026-03', targets, tasks: '' };
    return { targets, tasks: '', period: '2026-03', setAt: T0, fingerprint: await targetsFingerprint(payload) };
  };
  const expected = async (s: TeamReviewState) => {
    const payload = targetsFor(s, crm, '2026-03', '王芳', '王芳')!;
    return [{ payload, fingerprint: await targetsFingerprint(payload) }];
  };
  test('the targets set → same', async () => {
    const e = await expected(team());
    expect(checkAssigned(await assigned(e[0]!.payload.targets), e, crm)).toEqual({ kind: 'same' });
  });
  test('other targets → different, naming the KPI', async () => {
    const e = await expected(team());
    const other = { ...e[0]!.payload.targets, satisfaction: '80' };
    const check = checkAssigned(await assigned(other), e, crm);
    expect(check).toMatchObject({ kind: 'different', tasks: false });
    expect(check?.kind === 'different' && check.kpis.map((k) => k.name)).toEqual(['客户满意度']);
  });
  test('a 目标 was set but the 自评 has none → not scored against it', async () =>
    expect(checkAssigned(undefined, await expected(team()), crm)).toEqual({ kind: 'not-assigned' }));
  test('no 目标 set → nothing to say', async () =>
    expect(checkAssigned(await assigned({ leads: '1' }), [], crm)).toBeNull());
});
