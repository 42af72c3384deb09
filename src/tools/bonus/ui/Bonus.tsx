// 绩效奖金估算 (四（三）1：绩效奖金与绩效考核得分挂钩，得分越高奖金越高): base (direct or 月薪 × 比例)
// and score (typed or from a saved 绩效自评) → coefficient from the curve → monthly and annual
// estimates, with the formula filled in and the curve drawn with the reader's point. Thin: the
// parameters and words come in as props, ../logic computes.
import './bonus.css';
import { useEffect, useMemo, useState } from 'preact/hooks';
import { createStore } from '../../../core/storage';
import { CurveFigure } from './CurveFigure';
import { savedReviewScores, type SavedReviewScore } from '../logic/derive';
import { coefficientFormula, formatCoefficient } from '../logic/formula';
import { bonusTool, outgoingBonus, type BonusContext } from '../logic/definition';
import type { BonusState } from '../logic/state';
import { formatNumber } from '../../../core/format';
import { formatYuan } from '../../../core/money';
import type { AppraisalPolicy, BonusPolicy } from '../../../core/policy-types';
import { maxAppraisalScore } from '../../self-review/logic/derive';
import { periodLabel } from '../../self-review/logic/period-label';
import {
  selfReviewStateSchema,
  SELF_REVIEW_STATE_VERSION,
  SELF_REVIEW_TOOL,
  type SelfReviewState,
} from '../../self-review/logic/state';
import type { BonusStrings } from './strings';
import { ExportBar } from '../../kit/ui/ExportBar';
import { FieldSet, SelectField, TextField } from '../../kit/ui/Field';
import { LiveResult, Notices, ShareBanner } from '../../kit/ui/Notices';
import { useTool } from '../../kit/ui/use-tool';
import { printWith, useFirstUse, useOnDemand } from '../../kit/ui/lazy';
import type { ClauseLinkData } from '../../../core/clause-ref';
import { fill } from '../../../core/template';

export interface BonusProps {
  policy: BonusPolicy;
  /** For the reader's saved 绩效自评 (their scores) and the top of the score scale. */
  appraisal: AppraisalPolicy;
  /** 四（三）1, the clause the estimate comes from. */
  clause: ClauseLinkData;
  /** Link to the curve on the parameters page and to the 绩效自评 tool. */
  paramsHref: string;
  selfReviewHref: string;
  strings: BonusStrings;
}

type S = BonusStrings;

export default function Bonus(props: BonusProps) {
  const { policy, appraisal, strings: s } = props;
  const t = (key: keyof S, values: Record<string, string | number> = {}) => fill(s[key], values);
  const maxScore = useMemo(() => maxAppraisalScore(appraisal), [appraisal]);
  const [reviews, setReviews] = useState<SavedReviewScore[] | null>(null);
  const ctx: BonusContext = useMemo(
    () => ({ policy, appraisal, maxScore, reviews: reviews ?? [], reviewsRead: reviews !== null, labels: s }),
    [reviews],
  );
  const tool = useTool(bonusTool, ctx, {
    outgoing: (st) => outgoingBonus(st, bonusTool.derive(st, ctx)),
    onImported: () => tool.say({ id: 'imported', kind: 'info', text: s['import.done'] }),
  });
  const { state, readOnly, shared, notices, dismiss } = tool;
  const { r, formulas, grade, sourceLabel, sourceError, chosen } = tool.result;
  // The 估算单 loads once the reader uses the page, or at once for saved work or a shared view
  // (Ctrl+P straight away); 打印 waits for it.
  const firstUse = useFirstUse();
  const sheet = useOnDemand(
    () => import('./BonusSheet'),
    firstUse || tool.savedAt !== null || shared !== null,
  );

  // In the browser: the reader's saved 绩效自评 with their scores.
  useEffect(() => {
    const store = createStore<SelfReviewState>({
      namespace: SELF_REVIEW_TOOL,
      version: SELF_REVIEW_STATE_VERSION,
      schema: selfReviewStateSchema,
    });
    const entries = store.list().flatMap((key) => {
      const loaded = store.load(key);
      return loaded.status === 'ok' || loaded.status === 'recovered' ? [{ key, state: loaded.data }] : [];
    });
    setReviews(savedReviewScores(entries, appraisal));
  }, []);

  const update = (patch: Partial<BonusState>) => tool.edit((old) => ({ ...old, ...patch }));
  /** 月度奖金基数, 月薪 or 比例: typed as people write amounts, refused beside the field when wrong. */
  const amountField = (field: 'base' | 'salary' | 'ratio', label: string, unit: string, hint: string) => (
    <TextField
      id={`bn-${field}`}
      label={label}
      unit={unit}
      inputMode="decimal"
      value={state[field]}
      readOnly={readOnly}
      limit={40}
      error={r.errors[field]}
      hint={hint}
      conflict={tool.conflictAt([field])}
      onInput={(value) => update({ [field]: value })}
    />
  );

  const clauseLink = (
    <a href={props.clause.href} title={props.clause.title}>
      {props.clause.label}
    </a>
  );
  const coefficientLine =
    r.score !== null && r.reading ? coefficientFormula(r.score, r.reading, policy.maxCoefficient, s) : null;
  const salaryLine =
    state.baseMode === 'salary' && r.salaryFen !== null && r.ratio !== null && r.baseFen !== null
      ? t('base.fromSalary', {
          salary: formatYuan(r.salaryFen),
          ratio: formatNumber(r.ratio),
          base: formatYuan(r.baseFen),
        })
      : null;

  const resultRows = () => (
    <>
      <tr>
        <th scope="row">{s['result.coefficient']}</th>
        <td class="num">{r.reading ? formatCoefficient(r.reading.coefficient) : '—'}</td>
        <td>{coefficientLine}</td>
      </tr>
      <tr>
        <th scope="row">{s['result.month']}</th>
        <td class="num">{r.month ? formatYuan(r.month.bonusFen) : '—'}</td>
        <td>{formulas?.month}</td>
      </tr>
      <tr>
        <th scope="row">{s['result.year']}</th>
        <td class="num">{r.year ? formatYuan(r.year.bonusFen) : '—'}</td>
        <td>{formulas?.year}</td>
      </tr>
    </>
  );

  return (
    <div class="tool-root bonus" {...tool.rootProps}>
      <Notices notices={notices} onDismiss={dismiss} />
      {shared && (
        <ShareBanner text={s['share.banner']} closeLabel={s['share.close']} onClose={tool.closeShare} />
      )}

      <div class="no-print">
        <FieldSet legend={s['base.legend']}>
          <SelectField
            id="bn-base-mode"
            label={s['field.baseMode']}
            value={state.baseMode}
            disabled={readOnly}
            options={[
              { value: 'direct', label: s['baseMode.direct'] },
              { value: 'salary', label: s['baseMode.salary'] },
            ]}
            onChange={(v) => update({ baseMode: v === 'salary' ? 'salary' : 'direct' })}
          />
          {state.baseMode === 'direct' ? (
            amountField('base', s['field.base'], '元', s['base.hint'])
          ) : (
            <>
              {amountField('salary', s['field.salary'], '元', s['base.hint'])}
              {amountField(
                'ratio',
                s['field.ratio'],
                '%',
                t('ratio.hint', { ratio: formatNumber(policy.monthly.salaryRatioPercent) }),
              )}
              {salaryLine && <p class="tool-field--wide bn-line">{salaryLine}</p>}
            </>
          )}
        </FieldSet>
      </div>

      <div class="no-print">
        <FieldSet legend={s['score.legend']}>
          {!shared && (
            <SelectField
              id="bn-score-mode"
              label={s['field.scoreMode']}
              value={state.scoreMode}
              disabled={readOnly}
              options={[
                { value: 'typed', label: s['scoreMode.typed'] },
                { value: 'saved', label: s['scoreMode.saved'] },
              ]}
              onChange={(v) => update({ scoreMode: v === 'saved' ? 'saved' : 'typed' })}
            />
          )}
          {state.scoreMode === 'typed' || shared ? (
            <TextField
              id="bn-score"
              label={s['field.score']}
              unit="分"
              inputMode="decimal"
              value={state.score}
              readOnly={readOnly}
              limit={40}
              error={r.errors['score']}
              conflict={tool.conflictAt(['score'])}
              hint={state.sourceLabel || t('score.hint', { max: formatNumber(maxScore) })}
              onInput={(score) => update({ score })}
            />
          ) : (reviews ?? []).length === 0 ? (
            <p class="tool-field--wide">
              {s['source.none']} <a href={props.selfReviewHref}>{s['source.link']}</a>
            </p>
          ) : (
            <SelectField
              id="bn-source"
              class="tool-field--wide"
              label={s['field.source']}
              value={chosen ? chosen.key : ''}
              disabled={readOnly}
              placeholder={s['source.placeholder']}
              error={sourceError}
              hint={chosen && !chosen.complete ? s['source.incompleteNote'] : undefined}
              options={(reviews ?? []).map((rv) => ({
                value: rv.key,
                label:
                  t(rv.score === null ? 'source.notScored' : rv.grade ? 'source.optionGrade' : 'source.option', {
                    group: rv.groupName,
                    period: periodLabel(rv.period, s),
                    score: rv.score === null ? '' : formatNumber(rv.score),
                    grade: rv.grade ?? '',
                  }) + (rv.complete ? '' : s['source.incomplete']),
              }))}
              onChange={(source) => update({ source })}
            />
          )}
        </FieldSet>
      </div>

      <div class="no-print">
        <LiveResult label={s['result.label']}>
          {r.score === null ? (
            <p>{s['result.needScore']}</p>
          ) : (
            <>
              <table class="tool-table bn-results">
                <tbody>{resultRows()}</tbody>
              </table>
              {grade && <p>{t('result.grade', { grade })}</p>}
              {r.baseFen === null && !r.overflow && <p>{s['result.needBase']}</p>}
              {r.overflow && <p class="tool-error">{s['result.overflow']}</p>}
            </>
          )}
          <p class="bn-note">
            <strong>
              {s['result.estimate'].split('{clause}')[0]}
              {clauseLink}
              {s['result.estimate'].split('{clause}')[1]}
            </strong>{' '}
            {s['result.yearNote']}
          </p>
        </LiveResult>
      </div>

      <div class="no-print">
        <CurveFigure
          policy={policy}
          score={r.score}
          coefficient={r.reading?.coefficient ?? null}
          t={t}
          s={s}
        />
      </div>

      <details class="tool-how no-print">
        <summary>{s['how.summary']}</summary>
        <p>{s['how.curve']}</p>
        <p>
          {t('how.base', {
            months: formatNumber(policy.annual.baseMonths),
            ratio: formatNumber(policy.monthly.salaryRatioPercent),
          })}
        </p>
        <p>
          {s['how.clause']}
          {clauseLink}；<a href={props.paramsHref}>{s['how.params']}</a>。
        </p>
      </details>

      <ExportBar actions={tool.exports} onPrint={() => void printWith(sheet)} />

      {sheet.mod && (
        <sheet.mod.BonusSheet
          policy={policy}
          r={r}
          s={s}
          t={t}
          today={tool.today}
          salaryLine={salaryLine}
          scoreNote={[sourceLabel, grade ? t('result.grade', { grade }) : ''].filter(Boolean).join('　')}
          resultRows={resultRows()}
        />
      )}
    </div>
  );
}
