/**
 * Writes a CalendarFile (./calendar-events.ts) as an iCalendar file (RFC 5545) with ical-generator,
 * which escapes the text and folds lines at 75 octets (not characters: a Chinese character is 3).
 * Loaded on first use only: the page imports this module when the reader asks for a calendar file.
 *
 * Time zones: every event is all-day (DTSTART;VALUE=DATE), which RFC 5545 3.3.4 defines as a day,
 * not a moment, so no VTIMEZONE is needed and Asia/Shanghai readers and travellers alike see the
 * due day. The dates are handed to the library as UTC midnight and no calendar time zone is set:
 * the library then reads them with getUTC*, so the machine's own time zone cannot shift a day. The
 * reminder is relative to the day's start (TRIGGER:-PT15H), so it rings at 09:00 the day before on
 * the reader's own clock: floating on purpose, like the day itself.
 */
import ical, { ICalAlarmType, ICalCalendarMethod, ICalEventRepeatingFreq } from 'ical-generator';
import { isoToDayNumber } from './calendar-date';
import { REMINDER_TIME, type CalendarFile } from './calendar-events';

const DAY_MS = 86_400_000;

function utcMidnight(iso: string): Date {
  const day = isoToDayNumber(iso);
  if (day === null) throw new RangeError(`not a calendar date: ${iso}`);
  return new Date(day * DAY_MS);
}

/** The .ics text of `file`; `now` is the stamp of every event (when the file was made). */
export function icsText(file: CalendarFile, now: Date): string {
  const calendar = ical({
    name: file.name,
    method: ICalCalendarMethod.PUBLISH,
    prodId: { company: 'marketing-handbook', product: 'reminders', language: 'ZH' },
  });
  for (const event of file.events) {
    const start = utcMidnight(event.date);
    const created = calendar.createEvent({
      id: event.uid,
      start,
      // DTEND is exclusive: the next day makes one whole day in every calendar (Outlook wants it).
      end: new Date(start.getTime() + DAY_MS),
      allDay: true,
      stamp: now,
      summary: event.summary,
      description: event.description,
      url: event.url ?? null,
      repeating:
        event.monthlyOnDay === undefined
          ? null
          : { freq: ICalEventRepeatingFreq.MONTHLY, byMonthDay: [event.monthlyOnDay] },
    });
    if (event.alarm !== undefined) {
      created.createAlarm({
        type: ICalAlarmType.display,
        // Seconds before the start of the day.
        trigger: REMINDER_TIME.hoursBeforeDay * 3600,
        description: event.alarm,
      });
    }
  }
  // RFC 5545 3.1: every content line ends in CRLF, the last one too (the library leaves it off).
  const text = calendar.toString();
  return text.endsWith('\r\n') ? text : `${text}\r\n`;
}
