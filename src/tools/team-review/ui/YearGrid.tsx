// 团队考核, the year at a glance (四（二）月度考核): members × months, each cell the month's grade in
// words on its colour (never colour alone), 「自」 where the manager has not finished the 上级评定
// and the 自评's score stands in, 「—」 (无记录) for a month without a record. A cell opens its record
// in the 上级评定 view above. The table scrolls in its own box with the member column kept in view.
// Part of the members part (./members-part), so it loads with the team, not with the page.
import { useEffect, useMemo, useState } from 'preact/hooks';
import { formatNumber } from '../../../core/format';
import type { GradeBand } from '../../../core/policy-types';
import { SelectField } from '../../kit/ui/Field';
import { gradeTone } from '../../self-review/logic/year-chart';
import type { RecordResult } from '../logic/derive';
import { yearGrid, type YearGridCell, type YearGridRow } from '../logic/year-grid';
import type { S, T } from './types';

interface GridProps {
  records: ReadonlyMap<string, RecordResult>;
  /** The year shown: the one picked in 查看年份, else the team view's. */
  year: number;
  /** appraisal.yaml grades, highest first (for the colours). */
  grades: readonly GradeBand[];
  s: S;
  t: T;
}

const MONTHS = Array.from({ length: 12 }, (_, i) => i + 1);

const whoOf = (row: YearGridRow, t: T) =>
  row.sharedName ? t('year.withGroup', { name: row.name, group: row.group?.name ?? row.groupId }) : row.name;

/**
 * What a cell writes: the grade, the score under it, 「自」 while the 自评 stands in. On screen the
 * button's name is its own text with the words a screen reader needs around it (member, month, whose
 * score): 「张三 3月：良好，85 分（上级评定）」 — the visible words stay part of the name.
 */
function CellText(props: { row?: YearGridRow; c: YearGridCell; s: S; t: T }) {
  const { row, c, s, t } = props;
  const said = (text: string) => (row ? <span class="sr-only">{text}</span> : null);
  const lead = row ? said(`${whoOf(row, t)} ${t('year.month', { month: c.month })}：`) : null;
  if (c.grade === null || c.score === null)
    return (
      <span class="tr-year-grade">
        {lead}
        {s['year.noScore']}
      </span>
    );
  return (
    <>
      <span class="tr-year-grade">
        {lead}
        {c.grade.name}
        {said('，')}
      </span>
      <span class="tr-year-score">
        {formatNumber(c.score)}
        {said(` 分（${c.scoredBy === 'manager' ? s['year.byManager'] : s['year.bySelf']}）`)}
        {c.scoredBy === 'self' && (
          <span class="tr-year-self" aria-hidden={row ? 'true' : undefined}>
            {s['year.self']}
          </span>
        )}
      </span>
    </>
  );
}

export function YearGrid(
  props: GridProps & {
    onOpen: (key: string) => void;
    /** The year picked in 查看年份 (the page keeps it: 打印团队汇总 prints that year). */
    onYear: (year: number) => void;
  },
) {
  const { s, t, grades } = props;
  const grid = useMemo(() => yearGrid(props.records.values(), props.year), [props.records, props.year]);
  // After a cell is opened, the reader is taken to its record (the 上级评定 heading).
  const [opened, setOpened] = useState(0);
  useEffect(() => {
    if (opened === 0) return;
    const heading = document.getElementById('tr-review-heading');
    if (!heading) return;
    heading.tabIndex = -1;
    heading.focus();
  }, [opened]);
  if (grid.year === null) return null;
  const captionId = 'tr-year-caption';
  return (
    <section class="tr-year" aria-labelledby="tr-year-heading" data-year-grid data-drawn={String(grid.year)}>
      <h3 id="tr-year-heading">{s['year.heading']}</h3>
      {grid.years.length > 1 && (
        <div class="tr-narrow">
          <SelectField
            id="tr-year-select"
            label={s['year.select']}
            value={String(grid.year)}
            options={grid.years.map((y) => ({ value: String(y), label: t('year.option', { year: y }) }))}
            onChange={(y) => props.onYear(Number(y))}
          />
        </div>
      )}
      <p class="tool-hint">{s['year.note']}</p>
      {/* Scrolls in its box on a narrow screen; focusable so the keyboard can scroll it too. */}
      <div class="tr-year-scroll" tabIndex={0} role="region" aria-labelledby={captionId}>
        <table class="tool-table tr-year-table">
          <caption id={captionId}>{t('year.caption', { year: grid.year })}</caption>
          <MonthsHead s={s} t={t} />
          <tbody>
            {grid.rows.map((row) => (
              <tr key={row.id}>
                <th scope="row">{whoOf(row, t)}</th>
                {row.cells.map((c) => (
                  <td key={c.month}>
                    {c.key === null ? (
                      <>
                        <span aria-hidden="true">—</span>
                        <span class="sr-only">{s['year.none']}</span>
                      </>
                    ) : (
                      <button
                        type="button"
                        class={`tr-year-cell${c.grade ? ` grade-tone-${gradeTone(c.grade, grades)}` : ''}`}
                        onClick={() => {
                          props.onOpen(c.key!);
                          setOpened((n) => n + 1);
                        }}
                      >
                        <CellText row={row} c={c} s={s} t={t} />
                      </button>
                    )}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

/** 成员, then 1月 … 12月: the head of the grid on screen and on paper. */
function MonthsHead({ s, t }: Pick<GridProps, 's' | 't'>) {
  return (
    <thead>
      <tr>
        <th scope="col">{s['year.member']}</th>
        {MONTHS.map((m) => (
          <th key={m} scope="col">
            {t('year.month', { month: m })}
          </th>
        ))}
      </tr>
    </thead>
  );
}

/** The same grid on paper (with 打印团队汇总): the year the screen shows, words only, no buttons. */
export function YearGridSheet(props: GridProps) {
  const { s, t, grades } = props;
  const grid = yearGrid(props.records.values(), props.year);
  if (grid.year === null) return null;
  return (
    <div class="tool-print-sheet tr-year-sheet">
      <table class="tr-year-table">
        <caption>{t('year.sheetCaption', { year: grid.year })}</caption>
        <MonthsHead s={s} t={t} />
        <tbody>
          {grid.rows.map((row) => (
            <tr key={row.id}>
              <th scope="row">{whoOf(row, t)}</th>
              {row.cells.map((c) => (
                <td key={c.month} class={c.grade ? `grade-tone-${gradeTone(c.grade, grades)}` : undefined}>
                  {c.key === null ? s['value.none'] : <CellText c={c} s={s} t={t} />}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      <p>{s['year.note']}</p>
    </div>
  );
}
