// 怎么算的: the scoring table, the shares and the clauses, shown when the reader opens it; loaded
// on first use by HowItWorks (./ResultParts).
import { formatKpiValue, formatNumber } from '../../../core/format';
import type { HowProps } from './ResultParts';
import { num } from './types';

export function HowBody(props: HowProps) {
  const { result, s, t, policy, clauseLink } = props;
  const grades = [...policy.grades]
    .sort((a, b) => b.min - a.min)
    .map((g) => t('how.gradeItem', { name: g.name, min: formatNumber(g.min) }))
    .join('，');
  return (
    <>
      {result.kind === 'month' ? (
        <>
          <table class="tool-table sr-detail">
            <caption>{s['table.caption']}</caption>
            <thead>
              <tr>
                <th scope="col">{s['table.item']}</th>
                <th scope="col" class="num">
                  {s['table.weight']}
                </th>
                <th scope="col" class="num">
                  {s['table.target']}
                </th>
                <th scope="col" class="num">
                  {s['table.actual']}
                </th>
                <th scope="col" class="num">
                  {s['table.score']}
                </th>
                <th scope="col" class="num">
                  {s['table.weighted']}
                </th>
              </tr>
            </thead>
            <tbody>
              {result.rows.map((r) => (
                <tr key={r.kpi.id}>
                  <th scope="row">{r.kpi.name}</th>
                  <td class="num">{formatNumber(r.kpi.weight)}%</td>
                  <td class="num">{r.target === null ? '—' : formatKpiValue(r.kpi.unit, r.target)}</td>
                  <td class="num">{r.actual === null ? '—' : formatKpiValue(r.kpi.unit, r.actual)}</td>
                  <td class="num">{num(r.score)}</td>
                  <td class="num">{formatNumber(r.weighted)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <p>
            {s['how.kpi']} {clauseLink(props.overviewClause)}
          </p>
          <p>
            {s['how.behaviour']} {clauseLink(policy.behaviour.clause)}
          </p>
          <p>
            {t('how.month', {
              pShare: formatNumber(policy.split.performance),
              bShare: formatNumber(policy.split.behaviour),
            })}{' '}
            {clauseLink(policy.annual.clause)}
          </p>
        </>
      ) : (
        <p>
          {t('how.year', {
            mShare: formatNumber(policy.annual.monthlyWeight),
            rShare: formatNumber(policy.annual.reviewWeight),
            min: policy.annual.minMonths,
          })}{' '}
          {clauseLink(policy.annual.clause)}
        </p>
      )}
      <p>{t('how.grades', { grades })}</p>
      <p>
        {s['how.clauses']}
        {clauseLink(props.overviewClause)}、{clauseLink(policy.annual.clause)}、
        {clauseLink(policy.behaviour.clause)}。{s['how.estimate']}
      </p>
    </>
  );
}
