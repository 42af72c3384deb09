// The A4 绩效自评表 with signature lines (print only); loaded on first use (SelfReview).
import type { ComponentChildren } from 'preact';
import { formatKpiValue, formatNumber } from '../../../core/format';
import type { AppraisalPolicy } from '../../../core/policy-types';
import { type SelfReviewResult } from '../logic/derive';
import { dayLabel, periodLabel } from '../logic/period-label';
import { type Period, type SelfReviewState } from '../logic/state';
import { num, type S, type T } from './types';

export function PrintSheet(props: {
  result: SelfReviewResult;
  state: SelfReviewState;
  s: S;
  t: T;
  today: string;
  policy: AppraisalPolicy;
  /** The QR code of the form's share link (扫码查看电子版). */
  qr?: ComponentChildren;
}) {
  const { result, state, s, t, today } = props;
  const p: Period = result.period;
  return (
    <div class="tool-print-sheet print-only sr-sheet">
      <h2>{s['print.title']}</h2>
      <p>
        {s['field.name']}：{state.name.trim() || s['print.blank']}　{s['field.group']}：{result.group.name}　
        {s['field.period']}：{periodLabel(p, s)}（{s[p.kind === 'month' ? 'kind.month' : 'kind.year']}）　
        {t('print.printedOn', { date: today })}
      </p>
      {result.kind === 'month' && state.assigned && (
        <p>
          {state.assigned.tasks.trim() !== '' && <>{t('tasks.line', { tasks: state.assigned.tasks })}　</>}
          {t('print.assigned', { day: dayLabel(state.assigned.setAt) })}
        </p>
      )}
      {result.kind === 'month' ? (
        <>
          <table>
            <thead>
              <tr>
                <th scope="col">{s['table.item']}</th>
                <th scope="col">{s['table.weight']}</th>
                <th scope="col">{s['table.target']}</th>
                <th scope="col">{s['table.actual']}</th>
                <th scope="col">{s['table.score']}</th>
                <th scope="col">{s['table.weighted']}</th>
                <th scope="col">{s['field.comment']}</th>
              </tr>
            </thead>
            <tbody>
              {result.rows.map((r) => (
                <tr key={r.kpi.id}>
                  <td>{r.kpi.name}</td>
                  <td>{formatNumber(r.kpi.weight)}%</td>
                  <td>{r.target === null ? '' : formatKpiValue(r.kpi.unit, r.target)}</td>
                  <td>{r.actual === null ? '' : formatKpiValue(r.kpi.unit, r.actual)}</td>
                  <td>{r.score === null ? '' : formatNumber(r.score)}</td>
                  <td>{formatNumber(r.weighted)}</td>
                  <td class="sr-sheet-comment">{r.comment}</td>
                </tr>
              ))}
              {result.behaviourRows.map((r) => (
                <tr key={r.item.id}>
                  <td>{r.item.name}</td>
                  <td>{formatNumber(r.item.weight)}%</td>
                  <td></td>
                  <td>{r.rating === null ? '' : t('behaviour.option', { rating: r.rating })}</td>
                  <td></td>
                  <td>{formatNumber(r.points)}</td>
                  <td></td>
                </tr>
              ))}
            </tbody>
          </table>
          <p>
            {s['result.performance']}：{formatNumber(result.performance)}　{s['result.behaviour']}：
            {formatNumber(result.behaviour)}　
            <strong>
              {s['result.total']}：{formatNumber(result.total)}　{s['result.grade']}：{result.grade.name}
            </strong>
          </p>
        </>
      ) : (
        <>
          <table>
            <thead>
              <tr>
                {result.months.map((m) => (
                  <th scope="col" key={m.month}>
                    {t('month.label', { month: m.month })}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              <tr>
                {result.months.map((m) => (
                  <td key={m.month}>{m.value === null ? '' : formatNumber(m.value)}</td>
                ))}
              </tr>
            </tbody>
          </table>
          <p>
            {s['result.monthlyAverage']}：{num(result.annual.monthlyAverage)}　{s['field.review']}：
            {num(result.review)}　
            <strong>
              {s['result.annualTotal']}：
              {result.total === null ? s['result.notComputed'] : formatNumber(result.total)}　
              {s['result.grade']}：{result.grade?.name ?? s['result.notComputed']}
            </strong>
          </p>
        </>
      )}
      {state.summary.trim() && (
        <p class="sr-sheet-comment">
          {s[result.kind === 'month' ? 'field.summary.month' : 'field.summary.year']}：{state.summary}
        </p>
      )}
      <div class="signatures">
        <div>{s['print.signEmployee']}</div>
        <div>{s['print.signManager']}</div>
        <div>{s['print.signDate']}</div>
      </div>
      {props.qr}
    </div>
  );
}

/** 总体自评 of a month or a year. */
