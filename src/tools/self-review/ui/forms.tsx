// 绩效自评 inputs: the month form (KPIs, 工作规范 ratings, comments) and the year form (twelve months, annual review).
import type { JSX } from 'preact';
import { describeScoring, DIRECTION_LABELS, formatKpiValue, formatNumber } from '../../../core/format';
import type { AppraisalPolicy, KpiUnit } from '../../../core/policy-types';
import { fieldId, type SavedMonth } from '../logic/derive';
import { dayLabel } from '../logic/period-label';
import { MAX_COMMENT_LENGTH, MAX_FIELD_LENGTH, type SelfReviewState } from '../logic/state';
import { FieldSet, SelectField, TextAreaField, TextField } from '../../kit/ui/Field';
import { fill } from '../../../core/template';
import { num, type MonthResult, type S, type T, type YearResult } from './types';

const UNIT_SUFFIX: Readonly<Record<KpiUnit, string | undefined>> = {
  count: undefined,
  percent: '%',
  rating: '分',
  money: '元',
};

export function MonthForm(props: {
  result: MonthResult;
  state: SelfReviewState;
  s: S;
  t: T;
  readOnly: boolean;
  policy: AppraisalPolicy;
  clauseLink: (id: string) => JSX.Element;
  updateKpi: (id: string, patch: Partial<{ target: string; actual: string; comment: string }>) => void;
  update: (patch: Partial<SelfReviewState>) => void;
}) {
  const { result, state, s, t, readOnly, policy, clauseLink } = props;
  const assigned = state.assigned;
  return (
    <>
      {/* 四（二）: the month's tasks as the manager set them, read before the KPIs they are measured by. */}
      {assigned && assigned.tasks.trim() !== '' && (
        <p class="no-print sr-tasks">{t('tasks.line', { tasks: assigned.tasks })}</p>
      )}
      <section class="no-print sr-kpis" aria-labelledby="sr-kpis-heading">
        <h2 id="sr-kpis-heading">
          {s['kpis.heading']}（{result.group.name}）
        </h2>
        {result.rows.map((row) => {
          const k = row.kpi;
          const entry = state.kpis[k.id] ?? { target: '', actual: '', comment: '' };
          const unit = UNIT_SUFFIX[k.unit];
          const defaultTarget = formatKpiValue(k.unit, k.target);
          // A target the manager set is the bar the month is measured against: not the employee's to edit.
          const setByManager = assigned !== undefined && Object.hasOwn(assigned.targets, k.id);
          return (
            <fieldset key={k.id} class="tool-fieldset sr-kpi">
              <legend>{k.name}</legend>
              <p class="sr-kpi-meta tool-field--wide">
                {t('kpi.meta', {
                  weight: formatNumber(k.weight),
                  direction: DIRECTION_LABELS[k.direction],
                  rule: describeScoring(k),
                })}
                {' · '}
                {clauseLink(k.clause)}
              </p>
              <TextField
                id={`sr-${fieldId.target(k.id)}`}
                label={s['field.target']}
                value={entry.target}
                unit={unit}
                inputMode="decimal"
                readOnly={readOnly || setByManager}
                limit={MAX_FIELD_LENGTH}
                error={row.targetError}
                hint={
                  setByManager
                    ? t('target.assigned', { day: dayLabel(assigned.setAt) })
                    : row.targetIsDefault
                    ? t('target.emptyHint', { target: defaultTarget })
                    : t('target.defaultHint', { target: defaultTarget })
                }
                onInput={(target) => props.updateKpi(k.id, { target })}
              />
              <TextField
                id={`sr-${fieldId.actual(k.id)}`}
                label={s['field.actual']}
                value={entry.actual}
                unit={unit}
                inputMode="decimal"
                readOnly={readOnly}
                limit={MAX_FIELD_LENGTH}
                error={row.actualError}
                hint={k.description}
                onInput={(actual) => props.updateKpi(k.id, { actual })}
              />
              <TextAreaField
                id={`sr-comment-${k.id}`}
                label={s['field.comment']}
                class="tool-field--wide"
                rows={2}
                value={entry.comment}
                readOnly={readOnly}
                limit={MAX_COMMENT_LENGTH}
                onInput={(comment) => props.updateKpi(k.id, { comment })}
              />
              <p class="sr-kpi-score tool-field--wide">
                {row.score !== null
                  ? t('kpi.score', {
                      score: formatNumber(row.score),
                      weight: formatNumber(k.weight),
                      weighted: formatNumber(row.weighted),
                    })
                  : row.targetError
                    ? s['kpi.scoreTargetError']
                    : s['kpi.scoreMissing']}
              </p>
            </fieldset>
          );
        })}
      </section>
      <div class="no-print">
        <FieldSet
          legend={
            <>
              {s['behaviour.legend']} {clauseLink(policy.behaviour.clause)}
            </>
          }
        >
          {result.behaviourRows.map((r) => (
            <SelectField
              key={r.item.id}
              id={`sr-rating-${r.item.id}`}
              label={r.item.name}
              value={state.ratings[r.item.id] ?? ''}
              disabled={readOnly}
              placeholder={s['behaviour.placeholder']}
              hint={t('behaviour.hint', { weight: formatNumber(r.item.weight) })}
              options={[1, 2, 3, 4, 5].map((n) => ({
                value: String(n),
                label: t('behaviour.option', { rating: n }),
              }))}
              onChange={(v) =>
                props.update({
                  ratings: { ...state.ratings, [r.item.id]: v as SelfReviewState['ratings'][string] },
                })
              }
            />
          ))}
          <SummaryField
            label={s['field.summary.month']}
            value={state.summary}
            readOnly={readOnly}
            update={props.update}
          />
        </FieldSet>
      </div>
    </>
  );
}

export function YearForm(props: {
  result: YearResult;
  state: SelfReviewState;
  s: S;
  t: T;
  readOnly: boolean;
  savedMonths: readonly (SavedMonth | null)[];
  update: (patch: Partial<SelfReviewState>) => void;
  onFill: () => void;
}) {
  const { result, state, s, t, readOnly, savedMonths } = props;
  const monthHint = (i: number) => {
    const saved = savedMonths[i];
    if (!saved) return undefined;
    const typed = result.months[i]?.value ?? null;
    if (typed !== null && Math.abs(typed - saved.total) < 0.005) {
      return saved.complete ? s['month.fromSaved'] : s['month.fromSavedIncomplete'];
    }
    return t('month.differs', { total: formatNumber(saved.total) });
  };
  return (
    <div class="no-print">
      <FieldSet legend={s['months.legend']}>
        <p class="tool-hint tool-field--wide">{s['months.hint']}</p>
        {result.months.map((m, i) => (
          <TextField
            key={m.month}
            id={`sr-${fieldId.month(m.month)}`}
            label={t('month.label', { month: m.month })}
            value={state.months[i] ?? ''}
            inputMode="decimal"
            readOnly={readOnly}
            limit={MAX_FIELD_LENGTH}
            error={m.error}
            hint={monthHint(i)}
            onInput={(v) => props.update({ months: state.months.map((old, j) => (j === i ? v : old)) })}
          />
        ))}
        {!readOnly && (
          <p class="tool-field--wide">
            <button type="button" class="tool-button" onClick={props.onFill}>
              {s['months.fill']}
            </button>
          </p>
        )}
      </FieldSet>
      <FieldSet legend={s['review.legend']}>
        <TextField
          id={`sr-${fieldId.review}`}
          label={s['field.review']}
          value={state.review}
          inputMode="decimal"
          readOnly={readOnly}
          limit={MAX_FIELD_LENGTH}
          error={result.reviewError}
          hint={s['review.hint']}
          onInput={(review) => props.update({ review })}
        />
        <SummaryField
          label={s['field.summary.year']}
          value={state.summary}
          readOnly={readOnly}
          update={props.update}
        />
      </FieldSet>
    </div>
  );
}

export function SummaryField(props: {
  label: string;
  value: string;
  readOnly: boolean;
  update: (patch: Partial<SelfReviewState>) => void;
}) {
  return (
    <TextAreaField
      id="sr-summary"
      label={props.label}
      class="tool-field--wide"
      value={props.value}
      readOnly={props.readOnly}
      limit={MAX_COMMENT_LENGTH}
      onInput={(summary) => props.update({ summary })}
    />
  );
}
