// The team view of one period: a sortable table of members (四（二）), the grade distribution against
// the recommended one (a warning, never a block), the bonus total against the pool (四（三）1) and
// the candidates for 晋升 / 培训 / 荣誉表彰 (四（三）2–4), each citing its clause.
import { useState } from 'preact/hooks';
import { formatNumber } from '../../../core/format';
import { formatYuan, type Fen } from '../../../core/money';
import { TextField } from '../../kit/ui/Field';
import {
  sortRows,
  type RecordResult,
  type SortDirection,
  type SortKey,
  type TeamView as View,
} from '../logic/derive';
import { candidateMembersText } from '../logic/export';
import { MAX_FIELD_LENGTH } from '../../self-review/logic/state';
import { num, type ClauseLinkOf, type S, type T } from './types';
import { YearGrid } from './YearGrid';

const COLUMNS: readonly { key: SortKey; label: keyof S; numeric?: boolean }[] = [
  { key: 'name', label: 'team.col.name' },
  { key: 'group', label: 'team.col.group' },
  { key: 'selfScore', label: 'team.col.selfScore', numeric: true },
  { key: 'managerScore', label: 'team.col.managerScore', numeric: true },
  { key: 'grade', label: 'team.col.grade' },
  { key: 'bonus', label: 'team.col.bonus', numeric: true },
  { key: 'changes', label: 'team.col.changes', numeric: true },
  { key: 'done', label: 'team.col.done' },
];

export function TeamView(props: {
  view: View;
  periodLabel: string;
  s: S;
  t: T;
  readOnly: boolean;
  defaultBase: string;
  defaultBaseError: string | null;
  onDefaultBase: (text: string) => void;
  onSelect: (key: string) => void;
  /** Every record (the year grid's), and opening one of any period. */
  records: ReadonlyMap<string, RecordResult>;
  onOpen: (key: string) => void;
  /** The year the grid shows (查看年份), and picking another. */
  gridYear: number;
  onGridYear: (year: number) => void;
  clauseLink: ClauseLinkOf;
  bonusClause: string;
}) {
  const { view, s, t } = props;
  const [sort, setSort] = useState<{ key: SortKey; dir: SortDirection }>({ key: 'name', dir: 'asc' });
  const rows = sortRows(view.rows, sort.key, sort.dir);
  const b = view.bonus;
  const over = view.overRecommended;

  return (
    <section class="no-print tr-team" aria-labelledby="tr-team-heading">
      <h2 id="tr-team-heading">
        {s['team.heading']} {props.periodLabel}
      </h2>
      <div class="tr-narrow">
        <TextField
          id="tr-default-base"
          label={s['team.defaultBase']}
          value={props.defaultBase}
          unit="元"
          inputMode="decimal"
          readOnly={props.readOnly}
          limit={MAX_FIELD_LENGTH}
          error={props.defaultBaseError}
          hint={s['team.defaultBaseHint']}
          onInput={props.onDefaultBase}
        />
      </div>
      <p>{t('team.progress', { done: view.done, total: view.rows.length })}</p>
      {/* A table where its box is wide enough, one card per member where not (tools.css). */}
      <div class="tool-list">
        <table class="tool-table tool-cards tr-team-table">
          <caption>{t('team.caption', { period: props.periodLabel })}</caption>
          <thead>
            <tr>
              {COLUMNS.map((c) => {
                const active = sort.key === c.key;
                return (
                  <th
                    key={c.key}
                    scope="col"
                    class={c.numeric ? 'num' : undefined}
                    aria-sort={active ? (sort.dir === 'asc' ? 'ascending' : 'descending') : undefined}
                  >
                    <button
                      type="button"
                      class="tr-sort"
                      onClick={() =>
                        setSort({ key: c.key, dir: active && sort.dir === 'asc' ? 'desc' : 'asc' })
                      }
                    >
                      {s[c.label]}
                      <span aria-hidden="true">{active ? (sort.dir === 'asc' ? ' ▲' : ' ▼') : ' ⇅'}</span>
                    </button>
                  </th>
                );
              })}
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.key}>
                <th scope="row">
                  <button type="button" class="tr-link-button" onClick={() => props.onSelect(r.key)}>
                    {r.name}
                  </button>
                </th>
                <td data-label={s['team.col.group']}>{r.group?.name ?? r.record.self.group}</td>
                <td data-label={s['team.col.selfScore']} class="num">
                  {num(r.self?.total)}
                </td>
                <td data-label={s['team.col.managerScore']} class="num">
                  {num(r.manager?.total)}
                </td>
                <td data-label={s['team.col.grade']}>{r.manager?.grade?.name ?? s['value.none']}</td>
                <td data-label={s['team.col.bonus']} class="num">
                  {r.bonus.estimate ? formatYuan(r.bonus.estimate.bonusFen) : s['value.none']}
                </td>
                <td data-label={s['team.col.changes']} class="num">
                  {r.changes}
                </td>
                <td data-label={s['team.col.done']}>
                  {r.record.manager.done ? s['status.done'] : s['status.pending']}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      <YearGrid
        records={props.records}
        year={props.gridYear}
        grades={view.distribution.map((d) => d.grade)}
        s={s}
        t={t}
        onOpen={props.onOpen}
        onYear={props.onGridYear}
      />

      <h3>{s['team.distribution']}</h3>
      {over.length > 0 && (
        <p class="tool-notice tool-notice--warning" role="status">
          <span>
            <span aria-hidden="true">⚠ </span>
            {t('team.distributionWarning', { grades: over.map((d) => d.grade.name).join('、') })}
          </span>
        </p>
      )}
      <DistributionChart view={view} s={s} />
      <table class="tool-table tr-distribution">
        <caption>{t('team.distributionCaption', { graded: view.graded })}</caption>
        <thead>
          <tr>
            <th scope="col">{s['team.distribution.grade']}</th>
            <th scope="col" class="num">
              {s['team.distribution.count']}
            </th>
            <th scope="col" class="num">
              {s['team.distribution.percent']}
            </th>
            <th scope="col" class="num">
              {s['team.distribution.max']}
            </th>
            <th scope="col">{s['team.distribution.over']}</th>
          </tr>
        </thead>
        <tbody>
          {view.distribution.map((d) => (
            <tr key={d.grade.id}>
              <th scope="row">{d.grade.name}</th>
              <td class="num">{d.count}</td>
              <td class="num">{formatNumber(d.percent)}%</td>
              <td class="num">
                {d.maxPercent === null ? s['team.distribution.noMax'] : `${formatNumber(d.maxPercent)}%`}
              </td>
              <td>
                {d.over
                  ? `⚠ ${s['team.distribution.over']}`
                  : d.maxPercent === null
                    ? ''
                    : s['team.distribution.ok']}
              </td>
            </tr>
          ))}
        </tbody>
      </table>

      <h3>
        {s['team.bonus']} {props.clauseLink(props.bonusClause)}
      </h3>
      <p>{t('team.bonusTotal', { total: formatYuan(b.totalFen), counted: b.counted, missing: b.missing })}</p>
      {b.poolFen !== null && b.remainingFen !== null ? (
        <p class={b.over ? 'tr-over' : undefined}>
          {b.over && <span aria-hidden="true">⚠ </span>}
          {b.over
            ? t('team.poolOver', { pool: formatYuan(b.poolFen), over: formatYuan(-b.remainingFen as Fen) })
            : t('team.pool', { pool: formatYuan(b.poolFen), remaining: formatYuan(b.remainingFen as Fen) })}
        </p>
      ) : (
        <p>{s['team.noPool']}</p>
      )}

      <h3>{s['team.candidates']}</h3>
      <p class="tool-hint">{s['team.candidatesNote']}</p>
      {view.candidates.length === 0 ? (
        <p>{s['team.noCandidates']}</p>
      ) : (
        <ul class="tr-candidates">
          {view.candidates.map((g) => (
            <li key={g.rule.id}>
              <strong>{g.rule.name}</strong>（{props.clauseLink(g.rule.clause)}）：
              {candidateMembersText(g, s)}
            </li>
          ))}
        </ul>
      )}
      <p class="tool-hint">{s['team.estimate']}</p>
    </section>
  );
}

/** Bars of each grade's share, a tick at the recommended highest share; the table beside says the same. */
function DistributionChart({ view, s }: { view: View; s: S }) {
  const W = 320;
  const LABEL = 64;
  const ROW = 26;
  const bar = (p: number) => ((W - LABEL - 48) * Math.min(100, p)) / 100;
  const h = view.distribution.length * ROW + 4;
  return (
    <svg class="tr-chart" viewBox={`0 0 ${W} ${h}`} width={W} height={h} aria-hidden="true" focusable="false">
      {view.distribution.map((d, i) => {
        const y = i * ROW + 4;
        return (
          <g key={d.grade.id}>
            <text x={0} y={y + 14} class="tr-chart-label">
              {d.grade.name}
            </text>
            <rect
              x={LABEL}
              y={y}
              width={Math.max(1, bar(d.percent))}
              height={16}
              class={d.over ? 'tr-bar tr-bar--over' : 'tr-bar'}
            />
            {d.maxPercent !== null && (
              <line
                x1={LABEL + bar(d.maxPercent)}
                x2={LABEL + bar(d.maxPercent)}
                y1={y - 3}
                y2={y + 19}
                class="tr-max"
              />
            )}
            <text x={LABEL + bar(d.percent) + 4} y={y + 13} class="tr-chart-value">
              {`${formatNumber(d.percent)}%${d.over ? ` ⚠ ${s['team.distribution.over']}` : ''}`}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
