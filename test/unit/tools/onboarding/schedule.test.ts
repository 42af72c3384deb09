import { describe, expect, test } from 'vitest';
import { dayNumberToIso, isoToDayNumber } from '../../../../src/core/calendar-date';
import { addDays, daysBetween, isOverdue, itemsForRole, onboardingSchedule } from '../../../../src/tools/onboarding/logic/schedule';
import { shippedPolicies } from '../../helpers/policy-fixtures';

describe('isoToDayNumber / dayNumberToIso', () => {
  test.each([
    ['1970-01-01', 0], // the epoch
    ['2026-01-01', 20454],
    ['2024-02-29', 19782], // a leap day
    ['2026-02-29', null], // not a leap year
    ['2026-02-30', null], // Date.UTC would roll this over to March
    ['2026-13-01', null], // no month 13
    ['0099-01-01', null], // Date.UTC maps years 0–99 to 1900+
    ['2026-1-1', null], // not zero-padded
    ['2026-01-01T00:00:00Z', null], // a timestamp, not a date
    ['', null],
  ])('%s → %o', (iso, day) => {
    expect(isoToDayNumber(iso)).toBe(day);
    if (day !== null) expect(dayNumberToIso(day)).toBe(iso);
  });
});

describe('addDays', () => {
  test.each([
    ['2026-03-02', 0, '2026-03-02'], // day 0 is the start date
    ['2026-03-02', 7, '2026-03-09'], // 首周
    ['2026-03-02', 30, '2026-04-01'], // 首月, across a month end
    ['2026-12-28', 7, '2027-01-04'], // across a year end
    ['2024-02-25', 7, '2024-03-03'], // across a leap February
    ['2026-03-25', 7, '2026-04-01'], // across the EU DST change: still 7 calendar days
    ['9999-12-31', 1, null], // past year 9999
    ['2026-02-30', 7, null], // invalid start
    ['2026-03-02', 1.5, null], // fractional days
  ])('%s + %d → %o', (start, days, expected) => {
    expect(addDays(start, days)).toBe(expected);
  });
});

describe('daysBetween', () => {
  test.each([
    ['2026-03-02', '2026-03-09', 7],
    ['2026-03-09', '2026-03-02', -7], // earlier
    ['2026-03-02', 'soon', null], // invalid
  ])('%s → %s = %o', (a, b, expected) => {
    expect(daysBetween(a, b)).toBe(expected);
  });
});

describe('isOverdue', () => {
  test.each([
    ['2026-03-09', '2026-03-10', false, true], // a day late
    ['2026-03-09', '2026-03-09', false, false], // due today is not overdue
    ['2026-03-09', '2026-03-08', false, false], // not yet due
    ['2026-03-09', '2026-04-01', true, false], // done is never overdue
    [null, '2026-04-01', false, false], // no due date
    ['2026-03-09', null, false, false], // today unknown
    ['2026-03-09', 'garbage', false, false], // today invalid
  ])('due %o today %o done %o → %o', (due, today, done, expected) => {
    expect(isOverdue(due, today, done)).toBe(expected);
  });
});

describe('the shipped checklist', () => {
  const policy = shippedPolicies().onboarding;

  test.each([
    // every role gets the all-hands items plus its own
    ['promotion', ['read-general', 'org-intro', 'work-rules', 'duties-promotion', 'promotion-workflow', 'work-records', 'kpi-promotion', 'appraisal-cycle', 'training-plan', 'career-file', 'expense-approval']],
    ['crm', ['read-general', 'org-intro', 'work-rules', 'duties-crm', 'crm-workflow', 'work-records', 'kpi-crm', 'appraisal-cycle', 'training-plan', 'career-file', 'expense-approval']],
    ['analytics', ['read-general', 'org-intro', 'work-rules', 'duties-analytics', 'research-workflow', 'work-records', 'kpi-analytics', 'appraisal-cycle', 'training-plan', 'career-file', 'expense-approval']],
    ['manager', ['read-general', 'org-intro', 'work-rules', 'duties-manager', 'research-workflow', 'promotion-workflow', 'crm-workflow', 'work-records', 'appraisal-cycle', 'training-plan', 'career-file', 'expense-approval']],
    // an unknown role gets the all-hands items only
    ['sales', ['read-general', 'org-intro', 'work-rules', 'work-records', 'appraisal-cycle', 'training-plan', 'career-file', 'expense-approval']],
  ])('%s', (role, ids) => {
    expect(itemsForRole(policy.items, role).map((i) => i.id)).toEqual(ids);
  });

  test('a schedule: due dates per phase, progress and overdue items', () => {
    const s = onboardingSchedule({
      policy,
      role: 'crm',
      startDate: '2026-03-02',
      today: '2026-03-10',
      done: new Set(['read-general', 'org-intro', 'work-rules', 'duties-crm', 'not-an-item']),
    });
    expect(s.phases.map((p) => [p.phase.name, p.dueDate, p.items.length])).toEqual([
      ['入职首日', '2026-03-02', 3],
      ['首周', '2026-03-09', 3],
      ['首月', '2026-04-01', 5],
    ]);
    expect([s.doneCount, s.total, s.overdueCount]).toEqual([4, 11, 2]);
    expect(s.phases[1]?.items.filter((i) => i.overdue).map((i) => i.item.id)).toEqual(['crm-workflow', 'work-records']);
  });

  test('an invalid start date gives no due dates and nothing overdue', () => {
    const s = onboardingSchedule({ policy, role: 'crm', startDate: '2026-02-30', today: '2026-12-31', done: new Set() });
    expect(s.phases.every((p) => p.dueDate === null)).toBe(true);
    expect(s.overdueCount).toBe(0);
  });

  test('phases are ordered by their day offset even if listed out of order', () => {
    const reversed = { ...policy, phases: [...policy.phases].reverse() };
    const s = onboardingSchedule({ policy: reversed, role: 'crm', startDate: '2026-03-02', today: null, done: new Set() });
    expect(s.phases.map((p) => p.phase.id)).toEqual(['day1', 'week1', 'month1']);
  });
});
