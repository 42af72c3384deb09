// A period's name, shown on the page and in exports: kept apart from ./export so the page can
// name periods without loading the text and CSV code on first load.
import { fill } from '../../../core/template';
import type { Period } from './state';

/** 2026年3月 / 2026年. */
export function periodLabel(
  period: Period,
  labels: Readonly<Record<'period.month' | 'period.year', string>>,
): string {
  return period.kind === 'month'
    ? fill(labels['period.month'], { year: period.year, month: period.month })
    : fill(labels['period.year'], { year: period.year });
}

/** The calendar day of a moment in the reader's time zone: 2026-04-01T01:00:00Z → 2026年4月1日 (目标下达). */
export function dayLabel(iso: string): string {
  const d = new Date(iso);
  return `${d.getFullYear()}年${d.getMonth() + 1}月${d.getDate()}日`;
}
