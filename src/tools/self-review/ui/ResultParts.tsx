// 绩效自评 results: the summary (total, grade, what is missing) and 怎么算的 with the clauses.
import type { JSX } from 'preact';
import { formatKpiValue, formatNumber } from '../../../core/format';
import type { AppraisalPolicy } from '../../../core/policy-types';
import { type SelfReviewResult } from '../logic/derive';
import { num, type S, type T } from './types';

export function ResultSummary({
  result,
  s,
  t,
  policy,
}: {
  result: SelfReviewResult;
  s: S;
  t: T;
  policy: AppraisalPolicy;
}) {
  const missingNames = result.missing
    .filter((m) => m.kind === 'kpi' || m.kind === 'behaviour')
    .map((m) => m.name);
  if (result.kind === 'month') {
    return (
      <>
        <p class="tool-big">
          {s['result.total']} <output class="sr-total">{formatNumber(result.total)}</output> ·{' '}
          {s['result.grade']} <output class="sr-grade">{result.grade.name}</output>
        </p>
        <p>
          {t('result.monthLine', {
            performance: formatNumber(result.performance),
            pShare: formatNumber(policy.split.performance),
            pPart: formatNumber(result.parts.performancePart),
            behaviour: formatNumber(result.behaviour),
            bShare: formatNumber(policy.split.behaviour),
            bPart: formatNumber(result.parts.behaviourPart),
            total: formatNumber(result.total),
          })}
        </p>
        {missingNames.length > 0 && (
          <p class="sr-warning">{t('result.missing', { items: missingNames.join('、') })}</p>
        )}
      </>
    );
  }
  const a = result.annual;
  return (
    <>
      <p class="tool-big">
        {s['result.annualTotal']}{' '}
        <output class="sr-total">
          {result.total === null ? s['result.notComputed'] : formatNumber(result.total)}
        </output>
        {result.grade && (
          <>
            {' '}
            · {s['result.grade']} <output class="sr-grade">{result.grade.name}</output>
          </>
        )}
      </p>
      {result.total !== null && a.monthlyAverage !== null && result.review !== null && (
        <p>
          {t('result.yearLine', {
            average: formatNumber(a.monthlyAverage),
            count: a.monthsPresent,
            mShare: formatNumber(policy.annual.monthlyWeight),
            review: formatNumber(result.review),
            rShare: formatNumber(policy.annual.reviewWeight),
            total: formatNumber(result.total),
          })}
        </p>
      )}
      {a.missingMonths.length > 0 && (
        <p class="sr-missing-months">
          {t('result.missingMonths', { months: a.missingMonths.map((m) => `${m}月`).join('、') })}
        </p>
      )}
      {!a.meetsMinimum && (
        <p class="sr-warning">
          {t('result.tooFewMonths', { count: a.monthsPresent, min: policy.annual.minMonths })}
        </p>
      )}
      {a.reviewMissing && <p class="sr-warning">{s['result.reviewMissing']}</p>}
    </>
  );
}

export function HowItWorks(props: {
  result: SelfReviewResult;
  s: S;
  t: T;
  policy: AppraisalPolicy;
  clauseLink: (id: string) => JSX.Element;
  /** 四（一）考核指标. */
  overviewClause: string;
}) {
  const { result, s, t, policy, clauseLink } = props;
  const grades = [...policy.grades]
    .sort((a, b) => b.min - a.min)
    .map((g) => t('how.gradeItem', { name: g.name, min: formatNumber(g.min) }))
    .join('，');
  return (
    <details class="tool-how no-print">
      <summary>{s['how.summary']}</summary>
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
    </details>
  );
}
