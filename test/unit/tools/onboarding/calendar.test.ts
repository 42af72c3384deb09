// 加入日历 of the 入职清单: the open items as all-day events on their due dates, read back with ical.js.
import { describe, expect, test } from 'vitest';
import { clauseShortLabel } from '../../../../src/core/clause';
import { clauseUrlPath, type ClauseLinkData } from '../../../../src/core/clause-ref';
import { icsText } from '../../../../src/core/ics';
import { buildChecklist } from '../../../../src/tools/onboarding/logic/checklist';
import { onboardingCalendar, type OnboardingCalendarInput } from '../../../../src/tools/onboarding/logic/calendar';
import { emptyOnboardingState, type OnboardingState } from '../../../../src/tools/onboarding/logic/state';
import type { OnboardingPolicy } from '../../../../src/core/policy-types';
import { strings } from '../../../../src/tools/onboarding/ui/strings';
import { shippedPolicies } from '../../helpers/policy-fixtures';
import { icsLines, parseIcs } from '../../helpers/ics';

const { appraisal, onboarding } = shippedPolicies();
const roleIds = appraisal.groups.map((g) => g.id);
const ORIGIN = 'https://hr.example.cn';
const BASE = '/handbook';
const NOW = new Date('2026-03-01T08:30:00Z');

/** The clause links the page would pass (href with the base path, as src/policy/clause-links.ts makes them). */
function linksFor(policy: OnboardingPolicy): Record<string, ClauseLinkData> {
  return Object.fromEntries(
    policy.items.map((it) => [
      it.clause,
      { href: `${BASE}${clauseUrlPath(it.clause)}`, label: clauseShortLabel(it.clause), title: `标题${it.clause}` },
    ]),
  );
}

function input(state: Partial<OnboardingState>, policy: OnboardingPolicy = onboarding): OnboardingCalendarInput {
  const full = { ...emptyOnboardingState(), ...state };
  return {
    view: buildChecklist({ policy, roleIds, state: full, today: '2026-03-01', reading: {} }),
    name: full.name,
    origin: ORIGIN,
    clauses: linksFor(policy),
    labels: strings,
  };
}

function fileOf(state: Partial<OnboardingState>, policy?: OnboardingPolicy) {
  const result = onboardingCalendar(input(state, policy));
  if (!result.ok) throw new Error(`no calendar: ${result.code}`);
  return result;
}

/** The role's items in the order the page lists them: by phase, then as in onboarding.yaml. */
const mine = (role: string) =>
  onboarding.phases.flatMap((p) =>
    onboarding.items.filter((it) => it.phase === p.id && (it.roles === 'all' || it.roles.includes(role))),
  );
const dueDayOf = (phase: string) => onboarding.phases.find((p) => p.id === phase)!.dueDay;

describe('onboardingCalendar', () => {
  const state = { name: '王小明', role: 'promotion', startDate: '2026年3月2日', done: { 'read-general': '2026-03-02' } };

  test('one all-day event per open item of the role, on its phase due date; none for a done item', () => {
    const cal = parseIcs(icsText(fileOf(state).file, NOW));
    const open = mine('promotion').filter((it) => it.id !== 'read-general');
    expect(cal.events.map((e) => e.summary)).toEqual(open.map((it) => `入职清单：${it.title}`));
    for (const [i, it] of open.entries()) {
      const due = new Date(Date.UTC(2026, 2, 2 + dueDayOf(it.phase))).toISOString().slice(0, 10);
      const event = cal.events[i]!;
      expect(event.allDay).toBe(true);
      expect(event.start).toBe(due);
      // DTEND is the next day (exclusive): one whole day in every calendar.
      expect(event.end).toBe(new Date(Date.parse(due) + 86_400_000).toISOString().slice(0, 10));
      expect(event.tzid).toBeNull();
    }
    expect(cal.events.some((e) => e.summary.includes('阅读制度总则'))).toBe(false);
    // 入职首日 is the start date itself; 首周 7 days later; 首月 30.
    expect(cal.events[0]!.start).toBe('2026-03-02');
    expect(cal.events.at(-1)!.start).toBe('2026-04-01');
  });

  test('the description names the phase, the due date, the owner and the clause with its absolute link', () => {
    const result = fileOf(state);
    const event = parseIcs(icsText(result.file, NOW)).events.find((e) => e.summary.includes('学习市场推广流程'))!;
    expect(event.description).toBe(
      '首周事项，期限 2026-03-09（入职后第 7 天），负责：导师\n' +
        `依据制度 三（二） 标题c3-2：${ORIGIN}${BASE}/workflows/#c3-2`,
    );
    expect(event.url).toBe(`${ORIGIN}${BASE}/workflows/#c3-2`);
    // A reminder the day before at 09:00 (relative to the day's start: all-day events float).
    expect(event.alarms).toEqual([{ action: 'DISPLAY', trigger: '-PT15H', description: '明天到期：学习市场推广流程，旁听一次推广方案讨论' }]);
  });

  test('the file is named after the person, and the calendar too', () => {
    const result = fileOf(state);
    expect(result.fileName).toBe('入职提醒-王小明.ics');
    expect(parseIcs(icsText(result.file, NOW)).name).toBe('入职提醒 · 王小明');
    expect(fileOf({ ...state, name: '  ' }).fileName).toBe('入职提醒-未填姓名.ics');
    // A name with characters a file name cannot hold.
    expect(fileOf({ ...state, name: '王/小:明' }).fileName).toBe('入职提醒-王_小_明.ics');
  });

  test('UIDs are stable: the same person and item give the same UID, whatever the date or the day it is made', () => {
    const a = parseIcs(icsText(fileOf(state).file, NOW)).events;
    const b = parseIcs(
      icsText(fileOf({ ...state, startDate: '2026-03-09' }).file, new Date('2026-03-05T01:00:00Z')),
    ).events;
    expect(b.map((e) => e.uid)).toEqual(a.map((e) => e.uid));
    expect(b[0]!.start).toBe('2026-03-09'); // moved, so re-importing updates the event
    expect(new Set(a.map((e) => e.uid)).size).toBe(a.length);
    // The person's name is in the key as 新员工签收 reads it: width and spaces do not matter.
    const spaced = parseIcs(icsText(fileOf({ ...state, name: '王 小明' }).file, NOW)).events;
    expect(spaced.map((e) => e.uid)).toEqual(a.map((e) => e.uid));
    const other = parseIcs(icsText(fileOf({ ...state, name: '李四' }).file, NOW)).events;
    expect(other[0]!.uid).not.toBe(a[0]!.uid);
    expect(a[0]!.uid).toMatch(/^mh-onboarding-[0-9a-f]{8}-org-intro@hr\.example\.cn$/);
  });

  test.each([
    // state, the reason no file is made
    [{ role: 'crm', startDate: '' }, 'noStart'],
    [{ role: 'crm', startDate: '2026-02-30' }, 'noStart'],
    [
      { role: 'crm', startDate: '2026-03-02', done: Object.fromEntries(mine('crm').map((it) => [it.id, '2026-03-02'])) },
      'nothingOpen',
    ],
  ] as const)('no file for %o: %s', (st, code) => {
    expect(onboardingCalendar(input(st))).toEqual({ ok: false, code });
  });
});

describe('the .ics text', () => {
  // A long Chinese title and an emoji (4 octets in UTF-8) make lines that must be folded at octets.
  const longTitle = `${'参加市场推广组全体例会并完成入职培训考核'.repeat(4)}🎯结束`;
  const policy: OnboardingPolicy = {
    ...onboarding,
    items: [{ id: 'long-one', title: longTitle, phase: 'day1', roles: 'all', owner: '本人', clause: 'c5-1-1' }],
  };
  const text = icsText(fileOf({ name: '欧阳娜娜', role: 'crm', startDate: '2026-03-02' }, policy).file, NOW);

  test('every line is at most 75 octets and ends in CRLF; a folded line starts with one space', () => {
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    const lines = icsLines(text);
    expect(lines.filter((l) => l.octets > 75)).toEqual([]);
    // The folding did happen, and at octets: a Chinese line holds at most 25 characters of 3 octets.
    const folded = lines.filter((l) => l.line.startsWith(' '));
    expect(folded.length).toBeGreaterThan(4);
    expect(Math.max(...lines.map((l) => l.octets))).toBeGreaterThan(70);
    // No character was cut in two (the encoder would have written U+FFFD).
    expect(text).not.toContain('\uFFFD');
  });

  test('Chinese text round-trips exactly', () => {
    const [event] = parseIcs(text).events;
    expect(event!.summary).toBe(`入职清单：${longTitle}`);
    expect(event!.description).toContain('，负责：本人\n依据制度 五（一）1 标题c5-1-1：');
    expect(event!.alarms[0]!.description).toBe(`明天到期：${longTitle}`);
  });

  test('special characters of the format are escaped, not taken as structure', () => {
    const tricky: OnboardingPolicy = {
      ...onboarding,
      items: [{ id: 'tricky', title: '核对; 分号, 逗号\\ 反斜杠', phase: 'day1', roles: 'all', owner: '本人', clause: 'c1-3' }],
    };
    const cal = parseIcs(icsText(fileOf({ name: 'A;B', role: 'crm', startDate: '2026-03-02' }, tricky).file, NOW));
    expect(cal.events[0]!.summary).toBe('入职清单：核对; 分号, 逗号\\ 反斜杠');
    expect(cal.name).toBe('入职提醒 · A;B');
  });
});
