// The new hire's 签收 (五（一）1): what keeps it from being sent, its date and the reply it makes.
// Receiving it: ../signoffs/signoffs.test.ts.
import { describe, expect, test } from 'vitest';
import { buildChecklist } from '../../../../src/tools/onboarding/logic/checklist';
import { makeSignoffReply, signoffDate, signoffProblems } from '../../../../src/tools/onboarding/logic/signoff';
import { emptyOnboardingState } from '../../../../src/tools/onboarding/logic/state';
import { strings as t } from '../../../../src/tools/onboarding/ui/strings';
import { EDITION, hire, onboarding, roleIds, signoff } from '../../helpers/signoff-fixtures';

const day1 = onboarding.items.filter((i) => i.phase === 'day1' && i.roles === 'all').map((i) => i.id);

describe('the new hire’s side', () => {
  test.each([
    // [case, state, problems]
    ['no name, no role', { ...emptyOnboardingState(), startDate: '2026-03-02' }, ['name', 'role']],
    [
      'a 签收日期 that is no date',
      { ...hire('甲', 'crm', '2026-03-02', []), ackDate: '下周一' },
      ['ackDate'],
    ],
    ['all there', hire('甲', 'crm', '2026-03-02', [], '2026年3月5日'), []],
  ])('%s', (_case, state, fields) => {
    const view = buildChecklist({ policy: onboarding, roleIds, state, today: '2026-03-02', reading: {} });
    expect(signoffProblems({ state, view, today: '2026-03-02' }, t).map((p) => p.field)).toEqual(fields);
  });

  test('an invalid today is reported too', () => {
    const state = hire('甲', 'crm', '2026-03-02', []);
    const view = buildChecklist({ policy: onboarding, roleIds, state, today: null, reading: {} });
    expect(signoffProblems({ state, view, today: '' }, t)).toEqual([
      { field: 'ackDate', message: t['signoff.error.date'] },
    ]);
  });

  test('makeSignoffReply refuses with the problems', async () => {
    const state = emptyOnboardingState();
    const view = buildChecklist({ policy: onboarding, roleIds, state, today: '2026-03-02', reading: {} });
    const made = await makeSignoffReply(
      { state, view, roleName: '', edition: EDITION, today: '2026-03-02', quiz: null },
      t,
    );
    expect(made).toEqual({
      ok: false,
      problems: [
        { field: 'name', message: '请填写姓名后再发送签收' },
        { field: 'role', message: '请选择岗位后再发送签收' },
      ],
    });
  });

  test('the 签收日期: typed, else today; the overdue items as of that day', async () => {
    expect(signoffDate({ ackDate: '2026年3月5日' }, '2026-03-09')).toBe('2026-03-05');
    expect(signoffDate({ ackDate: '' }, '2026-03-09')).toBe('2026-03-09');
    const reply = await signoff(hire('甲', 'promotion', '2026-03-02', []), '2026-03-09');
    expect(reply.payload.progress.overdue).toEqual(day1);
  });
});
