// 绩效自评 results: the summary (total, grade, what is missing) and 怎么算的 (its body in ./HowBody).
import type { JSX } from 'preact';
import { formatNumber } from '../../../core/format';
import type { AppraisalPolicy } from '../../../core/policy-types';
import { type SelfReviewResult } from '../logic/derive';
import type { S, T } from './types';
import { useFirstUse, useOnDemand } from '../../kit/ui/lazy';

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

export type HowProps = {
  result: SelfReviewResult;
  s: S;
  t: T;
  policy: AppraisalPolicy;
  clauseLink: (id: string) => JSX.Element;
  /** 四（一）考核指标. */
  overviewClause: string;
};

/**
 * 怎么算的, collapsed: its table and clauses load once the reader uses the page or opens it
 * (./HowBody), not with the page: most readers never open it.
 */
export function HowItWorks(props: HowProps) {
  const body = useOnDemand(() => import('./HowBody'), useFirstUse());
  return (
    <details class="tool-how no-print" onToggle={() => void body.need().catch(() => undefined)}>
      <summary>{props.s['how.summary']}</summary>
      {body.mod && <body.mod.HowBody {...props} />}
    </details>
  );
}
