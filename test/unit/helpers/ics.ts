// Reads a generated .ics file with ical.js, a parser we did not write (Mozilla's, used by
// Thunderbird), so the tests check the file a calendar would read, not our own idea of it.
import ICAL from 'ical.js';

export interface ParsedAlarm {
  action: string;
  /** TRIGGER as written, e.g. -PT15H. */
  trigger: string;
  description: string;
}

export interface ParsedEvent {
  uid: string;
  summary: string;
  description: string;
  url: string | null;
  /** yyyy-mm-dd when DTSTART is a DATE (all-day), else the DATE-TIME as ical.js writes it. */
  start: string;
  allDay: boolean;
  /** DTEND (exclusive), yyyy-mm-dd, or null. */
  end: string | null;
  /** TZID of DTSTART, or null (a DATE has none). */
  tzid: string | null;
  rrule: string | null;
  alarms: ParsedAlarm[];
  /** The next `n` occurrences (yyyy-mm-dd) as ical.js expands the recurrence. */
  occurrences: (n: number) => string[];
}

export interface ParsedCalendar {
  name: string | null;
  method: string | null;
  /** Names of the calendar's direct subcomponents other than VEVENT (VTIMEZONE…). */
  others: string[];
  events: ParsedEvent[];
}

export function parseIcs(text: string): ParsedCalendar {
  const cal = new ICAL.Component(ICAL.parse(text));
  const str = (v: unknown) => (v === null || v === undefined ? null : String(v));
  const events = cal.getAllSubcomponents('vevent').map((vevent): ParsedEvent => {
    const event = new ICAL.Event(vevent);
    const dtstart = vevent.getFirstProperty('dtstart');
    const dtend = vevent.getFirstPropertyValue('dtend') as ICAL.Time | null;
    const rrule = vevent.getFirstPropertyValue('rrule') as ICAL.Recur | null;
    return {
      uid: event.uid,
      summary: event.summary,
      description: event.description,
      url: str(vevent.getFirstPropertyValue('url')),
      start: event.startDate.toString(),
      allDay: event.startDate.isDate,
      end: dtend ? dtend.toString() : null,
      tzid: str(dtstart?.getParameter('tzid')),
      rrule: rrule ? rrule.toString() : null,
      alarms: vevent.getAllSubcomponents('valarm').map((a) => ({
        action: String(a.getFirstPropertyValue('action')),
        trigger: String(a.getFirstPropertyValue('trigger')),
        description: String(a.getFirstPropertyValue('description')),
      })),
      occurrences: (n) => {
        const it = event.iterator();
        const out: string[] = [];
        for (let next = it.next(); next && out.length < n; next = it.next()) out.push(next.toString());
        return out;
      },
    };
  });
  return {
    name: str(cal.getFirstPropertyValue('name') ?? cal.getFirstPropertyValue('x-wr-calname')),
    method: str(cal.getFirstPropertyValue('method')),
    others: cal
      .getAllSubcomponents()
      .map((c) => c.name)
      .filter((n) => n !== 'vevent'),
    events,
  };
}

/** Physical lines of the file (CRLF separated, as RFC 5545 3.1 requires) and their UTF-8 length. */
export function icsLines(text: string): { line: string; octets: number }[] {
  return text
    .replace(/\r\n$/, '')
    .split('\r\n')
    .map((line) => ({ line, octets: new TextEncoder().encode(line).length }));
}
