/**
 * 加入日历 of the 入职清单: each open item of the checklist becomes an all-day event on its phase's
 * due date (五（一）1 新员工入职培训: 入职首日 / 首周 / 首月 from onboarding.yaml), described with its
 * clause and the clause's absolute link. Done items get no event. The words come from the page.
 */
import type { ClauseLinkData } from '../../../core/clause-ref';
import {
  absoluteLink,
  hostOf,
  safeFileName,
  uidToken,
  type CalendarEvent,
  type CalendarFile,
} from '../../../core/calendar-events';
import { personKey } from '../../../core/person-key';
import { fill } from '../../../core/template';
import type { ChecklistView } from './checklist';

export type OnboardingCalendarLabelKey =
  | 'calendar.fileName'
  | 'calendar.name'
  | 'calendar.summary'
  | 'calendar.description'
  | 'calendar.clause'
  | 'calendar.alarm'
  | 'people.unnamed';

export interface OnboardingCalendarInput {
  readonly view: ChecklistView;
  /** 姓名 as typed. */
  readonly name: string;
  /** The page's origin at click time (https://hr.example.cn): links in a calendar must be absolute. */
  readonly origin: string;
  /** The clauses the items cite: href with the base path, label (三（二）) and title. */
  readonly clauses: Readonly<Record<string, ClauseLinkData>>;
  readonly labels: Readonly<Record<OnboardingCalendarLabelKey, string>>;
}

export type OnboardingCalendarResult =
  | { readonly ok: true; readonly fileName: string; readonly file: CalendarFile }
  /** `noStart`: no valid 入职日期, so no due dates; `nothingOpen`: every item is done. */
  | { readonly ok: false; readonly code: 'noStart' | 'nothingOpen' };

export function onboardingCalendar(input: OnboardingCalendarInput): OnboardingCalendarResult {
  const { view, labels } = input;
  if (view.start.status !== 'ok') return { ok: false, code: 'noStart' };
  const name = input.name.trim() || labels['people.unnamed'];
  // The person as 新员工签收 tells people apart (width and spaces folded): the same new hire gets
  // the same UIDs from any browser, so a second import moves the events instead of doubling them.
  const person = uidToken(personKey(name));
  const host = hostOf(input.origin);
  const events: CalendarEvent[] = [];
  for (const phase of view.phases) {
    if (phase.dueDate === null) continue;
    for (const it of phase.items) {
      if (it.done) continue;
      const clause = input.clauses[it.item.clause];
      const url = clause ? absoluteLink(input.origin, clause.href) : undefined;
      const values = {
        title: it.item.title,
        phase: phase.phase.name,
        date: phase.dueDate,
        day: phase.phase.dueDay,
        owner: it.item.owner,
      };
      const clauseLine = clause
        ? `\n${fill(labels['calendar.clause'], { label: clause.label, title: clause.title ?? '', url: url ?? '' })}`
        : '';
      events.push({
        uid: `mh-onboarding-${person}-${it.item.id}@${host}`,
        date: phase.dueDate,
        summary: fill(labels['calendar.summary'], values),
        description: fill(labels['calendar.description'], values) + clauseLine,
        url,
        alarm: fill(labels['calendar.alarm'], values),
      });
    }
  }
  if (events.length === 0) return { ok: false, code: 'nothingOpen' };
  return {
    ok: true,
    fileName: safeFileName(fill(labels['calendar.fileName'], { name })),
    file: { name: fill(labels['calendar.name'], { name }), events },
  };
}
