/**
 * 团队考核, the year at a glance: members × the twelve months of one year, each cell the month's
 * grade (四（二）月度考核). The score is the 上级评定's once the manager marked it done — that is
 * the appraisal result — and until then the member's 自评, marked 'self' so the page says so.
 * Annual records are not cells (they are the roll-up, shown in their own view). Pure.
 */
import type { AppraisalGroup, GradeBand } from '../../../core/policy-types';
import type { RecordResult } from './derive';

export interface YearGridCell {
  /** 1–12. */
  readonly month: number;
  /** The record of that month, or null when there is none. */
  readonly key: string | null;
  readonly score: number | null;
  /** Grade by the policy's bands (appraisal.yaml grades), as the scoring gave it. */
  readonly grade: GradeBand | null;
  /** Whose score: the done 上级评定, the 自评 while the manager has not finished, or none. */
  readonly scoredBy: 'manager' | 'self' | null;
}

export interface YearGridRow {
  /** The member (personKey) and 考核组: one row each. */
  readonly id: string;
  /** The name as the employee wrote it. */
  readonly name: string;
  readonly groupId: string;
  readonly group: AppraisalGroup | null;
  /** The same member has a row in another 考核组 this year: the page names the 考核组 too. */
  readonly sharedName: boolean;
  readonly cells: readonly YearGridCell[];
}

export interface YearGrid {
  /** The year shown: the one asked for when it has months, else the newest; null for no months. */
  readonly year: number | null;
  /** Years with month records, newest first. */
  readonly years: readonly number[];
  /** By name (Chinese collation), then 考核组. */
  readonly rows: readonly YearGridRow[];
}

const collator = new Intl.Collator('zh-Hans-CN');

function cellOf(r: RecordResult, month: number): YearGridCell {
  const done = r.record.manager.done && r.manager !== null;
  const result = done ? r.manager : r.self;
  if (!result || result.total === null)
    return { month, key: r.key, score: null, grade: null, scoredBy: null };
  return { month, key: r.key, score: result.total, grade: result.grade, scoredBy: done ? 'manager' : 'self' };
}

/** The grid of `year` (or the newest year with months) from the team's records. */
export function yearGrid(records: Iterable<RecordResult>, year: number | null): YearGrid {
  const months = [...records].filter((r) => r.period.kind === 'month');
  const years = [...new Set(months.map((r) => r.period.year))].sort((a, b) => b - a);
  const shown = year !== null && years.includes(year) ? year : (years[0] ?? null);
  if (shown === null) return { year: null, years, rows: [] };

  const rows = new Map<
    string,
    { name: string; person: string; groupId: string; group: AppraisalGroup | null; cells: YearGridCell[] }
  >();
  for (const r of months) {
    if (r.period.year !== shown || r.period.kind !== 'month') continue;
    const groupId = r.record.self.group;
    const id = `${r.record.person}|${groupId}`;
    let row = rows.get(id);
    if (!row) {
      const cells = Array.from({ length: 12 }, (_, i): YearGridCell => ({
        month: i + 1,
        key: null,
        score: null,
        grade: null,
        scoredBy: null,
      }));
      row = { name: r.name, person: r.record.person, groupId, group: r.group, cells };
      rows.set(id, row);
    }
    row.cells[r.period.month - 1] = cellOf(r, r.period.month);
  }
  const groupsOf = new Map<string, number>();
  for (const row of rows.values()) groupsOf.set(row.person, (groupsOf.get(row.person) ?? 0) + 1);
  const list = [...rows.entries()].map(([id, row]): YearGridRow => ({
    id,
    name: row.name,
    groupId: row.groupId,
    group: row.group,
    sharedName: (groupsOf.get(row.person) ?? 0) > 1,
    cells: row.cells,
  }));
  list.sort((a, b) => collator.compare(a.name, b.name) || collator.compare(a.groupId, b.groupId));
  return { year: shown, years, rows: list };
}
