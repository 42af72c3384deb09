// The .ics writer (src/core/ics.ts, on ical-generator): all-day dates do not move with the time zone
// of the machine that writes the file, and the file is one a calendar imports (checked with ical.js).
import { afterEach, describe, expect, test } from 'vitest';
import { icsText } from '../../../src/core/ics';
import type { CalendarFile } from '../../../src/core/calendar-events';
import { nextDayOfMonth, uidToken } from '../../../src/core/calendar-events';
import { parseIcs } from '../helpers/ics';

const FILE: CalendarFile = {
  name: '入职提醒 · 王小明',
  events: [
    {
      uid: 'mh-test-1@example.cn',
      date: '2026-03-02',
      summary: '入职清单：介绍组织架构',
      description: '入职首日事项',
      url: 'https://example.cn/organization/#c2-1',
      alarm: '明天到期',
    },
    { uid: 'mh-test-2@example.cn', date: '2026-12-31', summary: '年底', description: '', monthlyOnDay: 31 },
  ],
};
const NOW = new Date('2026-03-01T23:30:00Z');

describe('icsText', () => {
  const tz = process.env.TZ;
  afterEach(() => {
    if (tz === undefined) delete process.env.TZ;
    else process.env.TZ = tz;
  });

  test.each(['UTC', 'Asia/Shanghai', 'America/Los_Angeles', 'Pacific/Kiritimati', 'Pacific/Pago_Pago'])(
    'written under TZ=%s, the file is the same and the dates are the calendar dates given',
    (zone) => {
      delete process.env.TZ;
      const reference = icsText(FILE, NOW);
      process.env.TZ = zone;
      // The zone really changed for Date (Kiritimati is UTC+14, Pago Pago UTC−11).
      expect(new Date(NOW).getTimezoneOffset()).toBe(
        { UTC: 0, 'Asia/Shanghai': -480, 'America/Los_Angeles': 480, 'Pacific/Kiritimati': -840, 'Pacific/Pago_Pago': 660 }[zone],
      );
      const text = icsText(FILE, NOW);
      expect(text).toBe(reference);
      expect(text).toContain('\r\nDTSTART;VALUE=DATE:20260302\r\n');
      expect(text).toContain('\r\nDTEND;VALUE=DATE:20260303\r\n');
      expect(text).toContain('\r\nDTSTART;VALUE=DATE:20261231\r\n');
      expect(text).toContain('\r\nDTEND;VALUE=DATE:20270101\r\n');
      // A stamp is a moment: in UTC.
      expect(text).toContain('\r\nDTSTAMP:20260301T233000Z\r\n');
    },
  );

  test('all-day events carry no time zone: no TZID and no VTIMEZONE (a date is the same day everywhere)', () => {
    const text = icsText(FILE, NOW);
    expect(text).not.toContain('TZID');
    const cal = parseIcs(text);
    expect(cal.others).toEqual([]);
    expect(cal.events.map((e) => [e.start, e.allDay, e.tzid])).toEqual([
      ['2026-03-02', true, null],
      ['2026-12-31', true, null],
    ]);
  });

  test('a calendar to import: VERSION 2.0, METHOD:PUBLISH, our PRODID, the name, each event in order', () => {
    const text = icsText(FILE, NOW);
    expect(text.startsWith('BEGIN:VCALENDAR\r\nVERSION:2.0\r\n')).toBe(true);
    expect(text).toMatch(/\r\nPRODID:-\/\/[^\r]+\r\n/);
    const cal = parseIcs(text);
    expect(cal.method).toBe('PUBLISH');
    expect(cal.name).toBe('入职提醒 · 王小明');
    expect(cal.events.map((e) => [e.uid, e.summary, e.url, e.rrule])).toEqual([
      ['mh-test-1@example.cn', '入职清单：介绍组织架构', 'https://example.cn/organization/#c2-1', null],
      ['mh-test-2@example.cn', '年底', null, 'FREQ=MONTHLY;BYMONTHDAY=31'],
    ]);
    expect(cal.events[0]!.alarms).toHaveLength(1);
    expect(cal.events[1]!.alarms).toEqual([]);
  });

  test('a date that is not a calendar date is refused, not written as another day', () => {
    expect(() => icsText({ name: 'x', events: [{ ...FILE.events[0]!, date: '2026-02-30' }] }, NOW)).toThrow(RangeError);
  });
});

describe('calendar helpers', () => {
  test('uidToken: 8 hex digits, the same for the same text, different for different text', () => {
    expect(uidToken('王小明')).toMatch(/^[0-9a-f]{8}$/);
    expect(uidToken('王小明')).toBe(uidToken('王小明'));
    expect(uidToken('王小明')).not.toBe(uidToken('王小红'));
    expect(uidToken('')).toMatch(/^[0-9a-f]{8}$/);
  });

  test.each([
    // today, day of month, next date on or after today
    ['2026-04-15', 5, '2026-05-05'],
    ['2026-04-05', 5, '2026-04-05'],
    ['2026-12-20', 1, '2027-01-01'],
    ['2026-01-31', 28, '2026-02-28'],
    ['2026-01-29', 28, '2026-02-28'],
  ])('nextDayOfMonth(%s, %i) = %s', (today, day, next) => {
    expect(nextDayOfMonth(today, day)).toBe(next);
  });

  test.each([
    ['2026-04-15', 0],
    ['2026-04-15', 29], // not in every month
    ['2026-04-15', 1.5],
    ['2026-13-01', 5],
  ])('nextDayOfMonth(%s, %s) = null', (today, day) => {
    expect(nextDayOfMonth(today, day)).toBeNull();
  });
});
