import { describe, expect, test } from 'vitest';
import {
  START_DATE_WINDOW,
  buildChecklist,
  parseDateInput,
  percentOf,
  startDateStatus,
  type ChecklistInput,
} from '../../../../src/tools/onboarding/logic/checklist';
import { checklistText } from '../../../../src/tools/onboarding/logic/checklist-text';
import { emptyOnboardingState, type OnboardingState } from '../../../../src/tools/onboarding/logic/state';
import type { OnboardingPolicy } from '../../../../src/core/policy-types';
import { strings } from '../../../../src/tools/onboarding/ui/strings';
import { shippedPolicies } from '../../helpers/policy-fixtures';
import { fill } from '../../../../src/core/template';

const { appraisal, onboarding } = shippedPolicies();
const roleIds = appraisal.groups.map((g) => g.id);

describe('parseDateInput', () => {
  test.each([
    ['2026-03-02', '2026-03-02'], // ISO
    ['2026-3-2', '2026-03-02'], // not zero-padded
    ['2026/3/2', '2026-03-02'],
    ['2026.03.02', '2026-03-02'],
    ['2026年3月2日', '2026-03-02'], // as written in Chinese
    ['2026 年 3 月 2 日', '2026-03-02'], // with spaces from an IME
    ['２０２６－０３－０２', '2026-03-02'], // full-width digits and dash
    ['２０２６年３月２日', '2026-03-02'],
    ['  20260302 ', '2026-03-02'], // compact, with spaces around
    ['2024-02-29', '2024-02-29'], // a leap day
  ])('%s → %s', (text, iso) => {
    expect(parseDateInput(text)).toEqual({ ok: true, iso });
  });

  test.each([
    ['', 'empty'],
    ['   ', 'empty'],
    ['下周一', 'format'],
    ['3/2/2026', 'format'], // month-first is ambiguous: refused
    ['2026-03', 'format'], // no day
    ['2026-03-02T09:00', 'format'], // a timestamp
    ['12026-03-02', 'format'], // five-digit year
    ['2026-02-30', 'invalid'], // no such day
    ['2025-02-29', 'invalid'], // not a leap year
    ['2026-13-01', 'invalid'], // no month 13
    ['2026-00-10', 'invalid'],
    ['0099-01-01', 'invalid'], // outside what the calendar code handles
  ])('%o is refused (%s)', (text, code) => {
    const result = parseDateInput(text);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.code).toBe(code);
  });

  test('the message for a date that does not exist names it', () => {
    expect(parseDateInput('2026-02-30')).toMatchObject({ error: '没有这一天：2026年2月30日' });
    expect(parseDateInput('soon')).toMatchObject({
      error: '日期格式不对，请写成 2026-03-02 或 2026年3月2日',
    });
  });
});

describe('startDateStatus', () => {
  const today = '2026-03-10';
  test.each([
    ['2026-03-02', null], // last week
    ['2026-03-10', null], // today
    ['2025-03-10', null], // 365 days ago: inside the window
    ['2025-03-08', -367], // just over a year ago
    ['2026-09-09', null], // 183 days ahead: the last day inside the future window
    ['2026-09-10', 184], // beyond it
    ['2062-03-02', 13141], // a typo for 2026
    ['1990-01-01', -13217],
  ])('%s → farDays %o', (start, far) => {
    expect(startDateStatus(start, today)).toEqual({ status: 'ok', iso: start, farDays: far });
  });

  test('the window matches its documented bounds', () => {
    expect(START_DATE_WINDOW).toEqual({ pastDays: 366, futureDays: 183 });
  });

  test('without today nothing is far', () => {
    expect(startDateStatus('1990-01-01', null)).toEqual({ status: 'ok', iso: '1990-01-01', farDays: null });
  });

  test('empty and bad input', () => {
    expect(startDateStatus('', today)).toEqual({ status: 'empty' });
    expect(startDateStatus('2026-02-30', today)).toEqual({
      status: 'error',
      error: '没有这一天：2026年2月30日',
    });
  });
});

describe('percentOf', () => {
  test.each([
    [0, 0, 0], // nothing to do: 0, not NaN
    [0, 8, 0],
    [1, 3, 33], // rounded down: 100% only when all are done
    [2, 3, 66],
    [7, 8, 87],
    [8, 8, 100],
    [9, 8, 100], // never above 100
    [-1, 8, 0], // never negative
    [Number.NaN, 8, 0],
    [1, Number.POSITIVE_INFINITY, 0],
  ])('%d of %d → %d%', (part, whole, expected) => {
    expect(percentOf(part, whole)).toBe(expected);
  });
});

describe('fill', () => {
  test('fills known placeholders and leaves unknown ones', () => {
    expect(fill('已完成 {done}/{total} 项，{other}', { done: 3, total: 8 })).toBe('已完成 3/8 项，{other}');
  });
  test('does not read inherited keys', () => {
    expect(fill('{toString}', {})).toBe('{toString}');
  });
});

function input(
  state: Partial<OnboardingState>,
  today: string | null = '2026-03-10',
  reading = {},
): ChecklistInput {
  return { policy: onboarding, roleIds, state: { ...emptyOnboardingState(), ...state }, today, reading };
}

describe('buildChecklist', () => {
  // Each role gets the items for `all` and those naming it, straight from onboarding.yaml.
  test.each(roleIds)('role %s lists exactly its items from the parameters', (role) => {
    const view = buildChecklist(input({ role, startDate: '2026-03-02' }));
    const listed = view.phases.flatMap((p) => p.items.map((it) => it.item.id));
    const expected = onboarding.items
      .filter((it) => it.roles === 'all' || it.roles.includes(role))
      .map((it) => it.id);
    expect(listed.sort()).toEqual([...expected].sort());
    expect(view.total).toBe(expected.length);
    expect(view.role).toEqual({ status: 'ok', id: role });
  });

  test('roles differ: promotion has its own duties item and not the crm one', () => {
    const ids = (role: string) =>
      buildChecklist(input({ role })).phases.flatMap((p) => p.items.map((it) => it.item.id));
    expect(ids('promotion')).toContain('duties-promotion');
    expect(ids('promotion')).not.toContain('duties-crm');
    expect(ids('crm')).toContain('duties-crm');
  });

  test('no role: only the common items, and the checklist still opens', () => {
    const view = buildChecklist(input({}));
    expect(view.role.status).toBe('missing');
    const common = onboarding.items.filter((it) => it.roles === 'all').length;
    expect(view.total).toBe(common);
    expect(view.phases.map((p) => p.phase.id)).toEqual(['day1', 'week1', 'month1']);
  });

  test('a role the parameters do not have (old or tampered) is reported and treated as none', () => {
    const view = buildChecklist(input({ role: 'hacker' }));
    expect(view.role).toEqual({ status: 'unknown', id: 'hacker' });
    expect(view.total).toBe(onboarding.items.filter((it) => it.roles === 'all').length);
  });

  test('due dates are start + dueDay; overdue against today; due today is flagged', () => {
    const view = buildChecklist(
      input(
        { role: 'promotion', startDate: '2026-03-02', done: { 'read-general': '2026-03-02' } },
        '2026-03-09',
      ),
    );
    const [day1, week1, month1] = view.phases;
    expect([day1?.dueDate, week1?.dueDate, month1?.dueDate]).toEqual([
      '2026-03-02',
      '2026-03-09',
      '2026-04-01',
    ]);
    // Day 1 items not done are a week late; the ticked one is not.
    expect(day1?.items.filter((it) => it.overdue).map((it) => it.item.id)).toEqual([
      'org-intro',
      'work-rules',
    ]);
    expect(day1?.items.find((it) => it.item.id === 'read-general')).toMatchObject({
      done: true,
      doneAt: '2026-03-02',
    });
    // First-week items are due today: not overdue, but flagged.
    expect(week1?.items.every((it) => !it.overdue && it.dueToday)).toBe(true);
    expect(month1?.items.some((it) => it.overdue || it.dueToday)).toBe(false);
    expect(view.overdueCount).toBe(2);
    expect(day1).toMatchObject({ doneCount: 1, overdueCount: 2, percent: 33 });
  });

  test('progress counts only the ticks of items in the list', () => {
    const view = buildChecklist(
      input({
        role: 'crm',
        startDate: '2026-03-02',
        // duties-promotion belongs to another role, gone-item to an older parameter file.
        done: {
          'read-general': '2026-03-02',
          'duties-crm': '2026-03-05',
          'duties-promotion': '2026-03-05',
          'gone-item': '2026-03-05',
        },
      }),
    );
    expect(view.doneCount).toBe(2);
    expect(view.percent).toBe(percentOf(2, view.total));
  });

  test('an invalid start date gives no due dates and nothing overdue', () => {
    const view = buildChecklist(input({ role: 'analytics', startDate: '2026-02-30' }, '2030-01-01'));
    expect(view.start).toEqual({ status: 'error', error: '没有这一天：2026年2月30日' });
    expect(view.phases.every((p) => p.dueDate === null)).toBe(true);
    expect(view.overdueCount).toBe(0);
  });

  test('a start date far in the past is still used, with everything not done overdue', () => {
    const view = buildChecklist(input({ role: 'manager', startDate: '2019-01-01' }, '2026-03-10'));
    expect(view.start.status === 'ok' && view.start.farDays).toBeLessThan(0);
    expect(view.overdueCount).toBe(view.total);
  });

  test('before the browser says what day it is, nothing is overdue', () => {
    const view = buildChecklist(input({ role: 'manager', startDate: '2019-01-01' }, null));
    expect(view.overdueCount).toBe(0);
  });

  test('the reading path joins the marks in the parameter order', () => {
    const view = buildChecklist(
      input({}, '2026-03-10', { organization: '2026-03-03', general: '2026-03-02' }),
    );
    expect(view.reading.steps.map((s) => s.slug)).toEqual(onboarding.readingPath);
    expect(view.reading.readCount).toBe(2);
  });

  test('a phase without items for the role stays, empty', () => {
    const policy: OnboardingPolicy = {
      ...onboarding,
      items: onboarding.items.filter((it) => it.phase !== 'week1'),
    };
    const view = buildChecklist({ ...input({ role: 'crm' }), policy });
    expect(view.phases[1]).toMatchObject({ items: [], percent: 0, doneCount: 0 });
  });
});

describe('checklistText', () => {
  const names = {
    role: '市场推广组',
    chapter: (slug: string) => ({ general: '第一章 总则' })[slug] ?? slug,
    clause: (id: string) => `〔${id}〕`,
  };

  test('lists each item with ☑/☐, owner, clause, done date and overdue, and the reading path', () => {
    const state: OnboardingState = {
      ...emptyOnboardingState(),
      name: '王小明',
      role: 'promotion',
      startDate: '2026年3月2日',
      done: { 'read-general': '2026-03-02' },
    };
    const view = buildChecklist({ ...input(state, '2026-03-09', { general: '2026-03-03' }) });
    const text = checklistText(view, state, names, strings);
    expect(text.split('\n')[0]).toBe('入职清单');
    expect(text).toContain('王小明');
    expect(text).toContain('2026-03-02'); // the start date as read, not as typed
    expect(text).toContain('（未填）'); // mentor left empty
    expect(text).toContain('【入职首日 · 期限 2026-03-02 · 1/3】');
    expect(text).toContain(
      '☑ 阅读制度总则，了解目的、适用范围和基本原则（负责本人；〔c1-3〕；完成于 2026-03-02）',
    );
    expect(text).toContain('☐ 介绍组织架构、所在小组和导师（负责经理；〔c2-1〕；逾期）');
    expect(text).toContain('1. 第一章 总则：已读（2026-03-03）');
    expect(text).toContain('2. organization：未读');
    expect(text).toMatch(/逾期 2 项/);
  });

  test('without a start date the phase headings have no due date', () => {
    const state = emptyOnboardingState();
    const text = checklistText(buildChecklist(input(state)), state, { ...names, role: '' }, strings);
    expect(text).toContain('【入职首日 · 0/3】');
    expect(text).not.toContain('逾期');
  });
});
