// 每月提醒 of 绩效自评: one all-day event repeating on the self-review due day (appraisal.yaml
// selfReviewDueDay), read back and expanded with ical.js.
import { describe, expect, test } from 'vitest';
import { icsText } from '../../../../src/core/ics';
import { monthlyReminder, type MonthlyReminderInput } from '../../../../src/tools/self-review/logic/reminder';
import { strings } from '../../../../src/tools/self-review/ui/strings';
import { shippedPolicies } from '../../helpers/policy-fixtures';
import { icsLines, parseIcs } from '../../helpers/ics';

const ORIGIN = 'http://127.0.0.1:4321';
const NOW = new Date('2026-04-15T02:00:00Z');

function input(dueDay: number, today: string): MonthlyReminderInput {
  return {
    dueDay,
    today,
    origin: ORIGIN,
    page: '/tools/self-review/',
    clause: { href: '/performance/#c4-2', label: '四（二）', title: '考核周期' },
    labels: strings,
  };
}

function eventOf(dueDay: number, today: string) {
  const result = monthlyReminder(input(dueDay, today));
  if (!result) throw new Error('no reminder');
  const cal = parseIcs(icsText(result.file, NOW));
  expect(cal.events).toHaveLength(1);
  return { result, cal, event: cal.events[0]! };
}

describe('monthlyReminder', () => {
  test('the shipped appraisal.yaml sets a due day the reminder can use', () => {
    const { appraisal } = shippedPolicies();
    expect(appraisal.selfReviewDueDay).toBeGreaterThanOrEqual(1);
    expect(appraisal.selfReviewDueDay).toBeLessThanOrEqual(28);
  });

  test('an all-day event repeating monthly on the due day, with a reminder the day before at 09:00', () => {
    const { result, cal, event } = eventOf(5, '2026-04-15');
    expect(result.fileName).toBe('绩效自评提醒.ics');
    expect(cal.name).toBe('绩效自评提醒');
    expect(event.rrule).toBe('FREQ=MONTHLY;BYMONTHDAY=5');
    expect(event.allDay).toBe(true);
    expect(event.tzid).toBeNull();
    expect(event.summary).toBe('提交绩效自评');
    expect(event.description).toBe(
      '每月 5 日前完成绩效自评（提醒日由市场部设定，制度没有规定具体日期）。\n' +
        `打开绩效自评：${ORIGIN}/tools/self-review/\n` +
        `考核周期见制度 四（二） 考核周期：${ORIGIN}/performance/#c4-2`,
    );
    expect(event.url).toBe(`${ORIGIN}/tools/self-review/`);
    expect(event.alarms).toEqual([{ action: 'DISPLAY', trigger: '-PT15H', description: '明天提交绩效自评' }]);
    expect(icsLines(icsText(result.file, NOW)).filter((l) => l.octets > 75)).toEqual([]);
  });

  test.each([
    // due day, today, first occurrence
    [5, '2026-04-15', '2026-05-05'], // this month's day has passed: next month
    [5, '2026-04-05', '2026-04-05'], // due today: today
    [5, '2026-04-04', '2026-04-05'],
    [1, '2026-12-31', '2027-01-01'], // over the year's end
    [28, '2027-02-01', '2027-02-28'], // February has a 28th every year
    [28, '2028-02-29', '2028-03-28'], // a leap day is after the 28th
  ])('due day %i, today %s: first on %s, then on that day of each of the next 12 months', (day, today, first) => {
    const { event } = eventOf(day, today);
    expect(event.start).toBe(first);
    const dates = event.occurrences(12);
    expect(dates).toHaveLength(12);
    expect(dates[0]).toBe(first);
    const [y, m] = first.split('-').map(Number) as [number, number];
    dates.forEach((d, i) => {
      const month = new Date(Date.UTC(y, m - 1 + i, day)).toISOString().slice(0, 10);
      expect(d).toBe(month);
    });
  });

  test('the UID is stable: a new download (another day, another due day) updates the one event', () => {
    const a = eventOf(5, '2026-04-15').event;
    const b = eventOf(10, '2026-06-01').event;
    expect(b.uid).toBe(a.uid);
    expect(a.uid).toBe('mh-self-review-monthly@127.0.0.1:4321');
  });

  test.each([
    // due day, today: not a reminder anyone could import
    [0, '2026-04-15'],
    [29, '2026-04-15'],
    [2.5, '2026-04-15'],
    [Number.NaN, '2026-04-15'],
    [5, '2026-02-30'],
    [5, ''],
  ])('due day %s, today %o: none', (day, today) => {
    expect(monthlyReminder(input(day, today))).toBeNull();
  });
});
