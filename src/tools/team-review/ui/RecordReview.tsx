// 上级评定 of one record (四（二）): per KPI the manager confirms or corrects target and actual, rates
// the five 工作规范 items (三（四）), writes comments; each field shows the 自评 value beside it and
// says when the manager's differs. A year rolls up the manager's own monthly records.
import { describeScoring, formatKpiValue, formatNumber } from '../../../core/format';
import { formatYuan } from '../../../core/money';
import type { KpiUnit } from '../../../core/policy-types';
import { shortFingerprint } from '../../../core/fingerprint';
import type { FieldConflictView } from '../../kit/ui/Field';
import { FieldSet, SelectField, TextAreaField, TextField } from '../../kit/ui/Field';
import type { RecordResult } from '../logic/derive';
import { MAX_COMMENT_LENGTH, MAX_FIELD_LENGTH } from '../../self-review/logic/state';
import type { ManagerReview } from '../logic/state';
import { Changed, differs, num, type ClauseLinkOf, type S, type T } from './types';

const UNIT_SUFFIX: Readonly<Record<KpiUnit, string | undefined>> = {
  count: undefined,
  percent: '%',
  rating: '分',
  money: '元',
};

export interface RecordReviewProps {
  r: RecordResult;
  /** The member as the page names them (with the 考核组 when the name is twice in the period). */
  who: string;
  label: string;
  s: S;
  t: T;
  readOnly: boolean;
  clauseLink: ClauseLinkOf;
  behaviourClause: string;
  edit: (patch: (m: ManagerReview) => ManagerReview) => void;
  conflict: (path: readonly (string | number)[]) => FieldConflictView | null;
  onOpenMonth: (key: string) => void;
}

export function RecordReview(props: RecordReviewProps) {
  const { r, s, t, readOnly, edit } = props;
  const m = r.record.manager;
  const self = r.record.self;
  const path = (...rest: (string | number)[]) => ['records', r.key, 'manager', ...rest];
  const hint = (value: string, changed: boolean) => (
    <>
      {t('review.selfValue', { value })} <Changed s={s} show={changed} />
    </>
  );
  const setKpi = (id: string, patch: Partial<ManagerReview['kpis'][string]>) =>
    edit((old) => {
      const before = old.kpis[id] ?? { target: '', actual: '', comment: '' };
      return { ...old, kpis: { ...old.kpis, [id]: { ...before, ...patch } } };
    });

  return (
    <section class="no-print tr-review" aria-labelledby="tr-review-heading">
      <h2 id="tr-review-heading">{t('review.heading', { name: props.who, period: props.label })}</h2>
      <p class="tool-hint">
        {t('review.group', { group: r.group?.name ?? self.group })} ·{' '}
        {t('review.received', {
          time: new Date(r.record.receivedAt).toLocaleString('zh-CN', { hour12: false }),
          fingerprint: shortFingerprint(r.record.fingerprint),
        })}
      </p>

      {r.self?.kind === 'month' && r.manager?.kind === 'month' && (
        <div class="tr-kpis">
          <h3>{s['review.kpis']}</h3>
          {r.kpis.map((k) => {
            const entry = m.kpis[k.kpi.id] ?? { target: '', actual: '', comment: '' };
            const unit = UNIT_SUFFIX[k.kpi.unit];
            const v = (n: number | null) => (n === null ? s['value.none'] : formatKpiValue(k.kpi.unit, n));
            const selfComment = self.kpis[k.kpi.id]?.comment ?? '';
            return (
              <fieldset key={k.kpi.id} class="tool-fieldset tr-kpi">
                <legend>{k.kpi.name}</legend>
                <p class="tool-hint tool-field--wide">
                  {formatNumber(k.kpi.weight)}% · {describeScoring(k.kpi)} · {props.clauseLink(k.kpi.clause)}
                </p>
                <TextField
                  id={`tr-target-${k.kpi.id}`}
                  label={s['review.target']}
                  value={entry.target}
                  unit={unit}
                  inputMode="decimal"
                  readOnly={readOnly}
                  limit={MAX_FIELD_LENGTH}
                  error={k.manager.targetError}
                  hint={hint(v(k.self.target), k.differs.target)}
                  conflict={props.conflict(path('kpis', k.kpi.id, 'target'))}
                  onInput={(target) => setKpi(k.kpi.id, { target })}
                />
                <TextField
                  id={`tr-actual-${k.kpi.id}`}
                  label={s['review.actual']}
                  value={entry.actual}
                  unit={unit}
                  inputMode="decimal"
                  readOnly={readOnly}
                  limit={MAX_FIELD_LENGTH}
                  error={k.manager.actualError}
                  hint={hint(v(k.self.actual), k.differs.actual)}
                  conflict={props.conflict(path('kpis', k.kpi.id, 'actual'))}
                  onInput={(actual) => setKpi(k.kpi.id, { actual })}
                />
                {selfComment.trim() && (
                  <p class="tool-hint tool-field--wide tr-pre">
                    {t('review.selfComment', { comment: selfComment })}
                  </p>
                )}
                <TextAreaField
                  id={`tr-kpi-comment-${k.kpi.id}`}
                  label={s['review.kpiComment']}
                  class="tool-field--wide"
                  rows={2}
                  value={entry.comment}
                  readOnly={readOnly}
                  limit={MAX_COMMENT_LENGTH}
                  onInput={(comment) => setKpi(k.kpi.id, { comment })}
                />
                <p class="tr-kpi-score tool-field--wide">
                  {s['review.self']} {num(k.self.score)} → {s['review.manager']} {num(k.manager.score)}{' '}
                  <Changed s={s} show={k.differs.score} />
                </p>
              </fieldset>
            );
          })}
          <FieldSet
            legend={
              <>
                {s['review.behaviour']} {props.clauseLink(props.behaviourClause)}
              </>
            }
          >
            {r.behaviour.map((b) => (
              <SelectField
                key={b.item.id}
                id={`tr-rating-${b.item.id}`}
                label={b.item.name}
                value={m.ratings[b.item.id] ?? ''}
                disabled={readOnly}
                placeholder={s['review.notRated']}
                options={[1, 2, 3, 4, 5].map((n) => ({
                  value: String(n),
                  label: t('review.ratingOption', { rating: n }),
                }))}
                hint={hint(
                  b.self === null ? s['review.notRated'] : t('review.ratingOption', { rating: b.self }),
                  b.differs,
                )}
                conflict={props.conflict(path('ratings', b.item.id))}
                onChange={(value) =>
                  edit((old) => ({
                    ...old,
                    ratings: { ...old.ratings, [b.item.id]: value as ManagerReview['ratings'][string] },
                  }))
                }
              />
            ))}
          </FieldSet>
        </div>
      )}

      {r.self?.kind === 'year' && r.manager?.kind === 'year' && (
        <div class="tr-year">
          <table class="tool-table tr-months">
            <caption>{s['review.months']}</caption>
            <thead>
              <tr>
                <th scope="col">{s['review.item']}</th>
                <th scope="col" class="num">
                  {s['review.self']}
                </th>
                <th scope="col" class="num">
                  {s['review.manager']}
                </th>
              </tr>
            </thead>
            <tbody>
              {r.months.map((mo, i) => {
                const selfValue = r.self?.kind === 'year' ? (r.self.months[i]?.value ?? null) : null;
                const changed = differs(selfValue, mo.total);
                return (
                  <tr key={mo.month}>
                    <th scope="row">{t('sheet.month', { month: mo.month })}</th>
                    <td class="num">{num(selfValue)}</td>
                    <td class="num">
                      {mo.key ? (
                        <button
                          type="button"
                          class="tool-button tool-button--small"
                          onClick={() => props.onOpenMonth(mo.key!)}
                        >
                          {num(mo.total)}
                          <span class="sr-only">{t('review.openMonth', { month: mo.month })}</span>
                        </button>
                      ) : (
                        s['review.monthMissing']
                      )}{' '}
                      <Changed s={s} show={changed} />
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
          <TextField
            id="tr-review-score"
            label={s['review.reviewScore']}
            value={m.review}
            inputMode="decimal"
            readOnly={readOnly}
            limit={MAX_FIELD_LENGTH}
            error={r.manager.reviewError}
            hint={hint(num(r.self.review), differs(r.self.review, r.manager.review))}
            conflict={props.conflict(path('review'))}
            onInput={(review) => edit((old) => ({ ...old, review }))}
          />
        </div>
      )}

      {!r.self && <p class="tool-error">{s['review.unscored']}</p>}

      {self.summary.trim() && <p class="tr-pre">{t('review.selfSummary', { text: self.summary })}</p>}
      <TextAreaField
        id="tr-comment"
        label={s['review.comment']}
        rows={3}
        value={m.comment}
        readOnly={readOnly}
        limit={MAX_COMMENT_LENGTH}
        conflict={props.conflict(path('comment'))}
        onInput={(comment) => edit((old) => ({ ...old, comment }))}
      />
      <div class="tr-review-foot">
        <TextField
          id="tr-base"
          label={s['review.base']}
          value={m.bonusBase}
          unit="元"
          inputMode="decimal"
          readOnly={readOnly}
          limit={MAX_FIELD_LENGTH}
          error={r.bonus.baseError}
          hint={
            r.bonus.estimate
              ? t('review.bonus', { amount: formatYuan(r.bonus.estimate.bonusFen) })
              : undefined
          }
          onInput={(bonusBase) => edit((old) => ({ ...old, bonusBase }))}
        />
        <div class="tool-field tr-done">
          <label>
            <input
              type="checkbox"
              checked={m.done}
              disabled={readOnly}
              onChange={(e) => {
                const done = (e.currentTarget as HTMLInputElement).checked;
                edit((old) => ({ ...old, done }));
              }}
            />{' '}
            {s['review.done']}
          </label>
        </div>
      </div>
    </section>
  );
}
