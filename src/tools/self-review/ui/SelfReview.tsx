// 绩效自评 (四（一）指标、四（二）周期、三（四）工作规范): group and period → the KPIs with targets
// and actual values, the behaviour ratings, total and grade as one types; a year rolls up the
// saved months. Thin: parameters and words come in as props, ../logic computes.
// src/styles/tools.css comes in through self-review.css (see the note at its top).
import './self-review.css';
import type { JSX } from 'preact';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { toCsv } from '../../../core/csv';
import { parseJsonFile, toJsonFile } from '../../../core/json-file';
import { describeScoring, DIRECTION_LABELS, formatKpiValue, formatNumber } from '../../../core/format';
import type { AppraisalPolicy, KpiUnit } from '../../../core/policy-types';
import { encodeShare } from '../../../core/share-link';
import {
  fieldId,
  monthTotalsFromSaved,
  selfReviewResult,
  type SavedMonth,
  type SelfReviewResult,
} from '../logic/derive';
import { periodLabel, selfReviewCsvRows, selfReviewText } from '../logic/export';
import {
  emptyReview,
  formatPeriod,
  MAX_COMMENT_LENGTH,
  MAX_FIELD_LENGTH,
  parsePeriod,
  parseReviewKey,
  reviewKey,
  selfReviewStateSchema,
  SELF_REVIEW_STATE_VERSION,
  SELF_REVIEW_TOOL,
  type Period,
  type SelfReviewState,
} from '../logic/state';
import type { Store } from '../../../core/storage';
import type { SelfReviewStrings } from './strings';
import { ExportBar } from '../../kit/ui/ExportBar';
import { FieldSet, SelectField, TextAreaField, TextField } from '../../kit/ui/Field';
import { LiveResult, Notices, ShareBanner } from '../../kit/ui/Notices';
import { downloadText, todayIso } from '../../kit/ui/dom';
import { useSavedState } from '../../kit/ui/use-saved-state';
import { useToolNotices } from '../../kit/ui/use-tool-notices';
import { ClauseLink } from '../../kit/ui/ClauseLink';
import type { ClauseLinkData } from '../../../core/clause-ref';
import { useShareView } from '../../kit/ui/use-share-view';
import { fill } from '../../../core/template';

export interface SelfReviewProps {
  policy: AppraisalPolicy;
  /**
   * The clause links the page shows, made on the server (href with the base path, label as people
   * cite it: 四（一）, title), by clause id.
   */
  clauses: Readonly<Record<string, ClauseLinkData>>;
  /** 四（一）考核指标 (appraisal.yaml `clause`), cited under the KPI table. */
  overviewClause: string;
  strings: SelfReviewStrings;
}

type S = SelfReviewStrings;
/** Which entry is open: group id and period string (2026-03 or 2026). */
interface Selection {
  group: string;
  period: string;
}

const UNIT_SUFFIX: Readonly<Record<KpiUnit, string | undefined>> = {
  count: undefined,
  percent: '%',
  rating: '分',
  money: '元',
};

function loaded<T>(store: Store<T>, key: string): T | null {
  const r = store.load(key);
  return r.status === 'ok' || r.status === 'recovered' ? r.data : null;
}

export default function SelfReview(props: SelfReviewProps) {
  const { policy, strings: s } = props;
  const t = (key: keyof S, values: Record<string, string | number> = {}) => fill(s[key], values);

  const share = useShareView(SELF_REVIEW_TOOL, SELF_REVIEW_STATE_VERSION, selfReviewStateSchema);
  const shared = share.view.status === 'shared' ? share.view.state : null;

  const [sel, setSel] = useState<Selection | null>(null);
  const [today, setToday] = useState<string | null>(null);
  const storeRef = useRef<Store<SelfReviewState> | null>(null);
  const nameRef = useRef('');

  /**
   * A new entry: targets from the parameters; a year also takes the saved months of its group.
   * Reads only its key and refs: the hook keeps the first copy of this function.
   */
  const initialFor = (key: string | null): SelfReviewState => {
    const target = key === null ? null : parseReviewKey(key);
    const group = target?.group ?? policy.groups[0]?.id ?? '';
    const period = target?.period ?? '2000-01';
    const state = emptyReview(policy, group, period, nameRef.current);
    const p = parsePeriod(period);
    const store = storeRef.current;
    if (p?.kind === 'year' && store) {
      const { texts } = monthTotalsFromSaved(policy, (m) =>
        loaded(store, reviewKey(group, formatPeriod({ kind: 'month', year: p.year, month: m }))),
      );
      return { ...state, months: [...texts] };
    }
    return state;
  };

  const key = shared || !sel ? null : reviewKey(sel.group, sel.period);
  const saved = useSavedState<SelfReviewState>({
    namespace: SELF_REVIEW_TOOL,
    version: SELF_REVIEW_STATE_VERSION,
    schema: selfReviewStateSchema,
    key,
    initial: initialFor,
    // A period where only the name was typed is not listed as saved work (the name carries over anyway).
    isBlank: (st) =>
      JSON.stringify({ ...st, name: '' }) ===
      JSON.stringify({ ...initialFor(reviewKey(st.group, st.period)), name: '' }),
  });
  const { notices, dismiss, say } = useToolNotices(share, saved, (error) => t('share.error', { error }));
  const { store } = saved;
  storeRef.current = store;

  const openEntry = (next: Selection) => {
    setConfirmKey(null);
    setSel(next);
  };

  const [confirmKey, setConfirmKey] = useState<string | null>(null);
  const confirmRef = useRef<HTMLParagraphElement>(null);
  const confirmTrigger = useRef<HTMLElement | null>(null);

  // In the browser: today, damaged entries reported, and the entry worked on most recently opened.
  useEffect(() => {
    const now = todayIso();
    setToday(now);
    let best: { key: string; at: string; state: SelfReviewState } | null = null;
    for (const key of store.list()) {
      const r = store.load(key);
      if (r.status === 'ok' || r.status === 'recovered') {
        if (best === null || r.savedAt > best.at) best = { key, at: r.savedAt, state: r.data };
      } else if (r.status === 'damaged') {
        const backupKey = r.backupKey;
        if (backupKey) store.remove(key);
        say({
          id: `damaged-${key}`,
          kind: 'warning',
          text: backupKey
            ? t('damaged.found', { label: labelOf(parseReviewKey(key) ?? { group: key, period: '' }) })
            : r.note,
          actions: backupKey
            ? [
                {
                  label: s['damaged.download'],
                  onClick: () =>
                    downloadText(`${key}-备份.json`, store.readBackup(backupKey) ?? '', 'application/json'),
                },
              ]
            : [],
        });
      }
    }
    if (best && policy.groups.some((g) => g.id === best.state.group)) {
      nameRef.current = best.state.name;
      openEntry({ group: best.state.group, period: best.state.period });
    } else {
      openEntry({ group: policy.groups[0]?.id ?? '', period: now.slice(0, 7) });
    }
  }, []);

  useEffect(() => {
    if (confirmKey) confirmRef.current?.focus();
  }, [confirmKey]);

  const mounted = sel !== null && today !== null;
  const readOnly = shared !== null;
  const current = saved.state;
  const state: SelfReviewState =
    shared ?? (sel ? { ...current, group: sel.group, period: sel.period } : current);
  // A shared view is someone else's form: its name must not become the default of the reader's own entries.
  if (!shared) nameRef.current = state.name;
  const result = useMemo(() => selfReviewResult(state, policy), [state, policy]);
  const period = parsePeriod(state.period);
  const groupName = (id: string) => policy.groups.find((g) => g.id === id)?.name ?? id;
  const labelOf = (st: Pick<SelfReviewState, 'group' | 'period'>) => {
    const p = parsePeriod(st.period);
    return `${groupName(st.group)} ${p ? periodLabel(p, s) : st.period}`;
  };

  const update = (patch: Partial<SelfReviewState>) => saved.setState((old) => ({ ...old, ...patch }));
  const updateKpi = (id: string, patch: Partial<{ target: string; actual: string; comment: string }>) =>
    saved.setState((old) => {
      const before = old.kpis[id] ?? { target: '', actual: '', comment: '' };
      return { ...old, kpis: { ...old.kpis, [id]: { ...before, ...patch } } };
    });

  // The saved months of this group and year, for the hints beside the month fields.
  const savedMonths: readonly (SavedMonth | null)[] = useMemo(() => {
    if (!period || period.kind !== 'year') return [];
    const p = period;
    return monthTotalsFromSaved(policy, (m) =>
      shared
        ? null
        : loaded(store, reviewKey(state.group, formatPeriod({ kind: 'month', year: p.year, month: m }))),
    ).saved;
  }, [state.group, state.period, saved.savedKeys, saved.savedAt, shared]);

  // The list of saved periods, named by their entries.
  const savedList = useMemo(
    () =>
      saved.savedKeys.flatMap((key) => {
        const data = loaded(store, key);
        if (!data) return [];
        const r = selfReviewResult(data, policy);
        return [
          {
            key,
            data,
            label: labelOf(data),
            total: r?.total ?? null,
            grade: r?.grade?.name ?? null,
            known: r !== null,
          },
        ];
      }),
    [saved.savedKeys, saved.savedAt],
  );

  const select = (next: Partial<Selection>) => {
    if (sel) openEntry({ ...sel, ...next });
  };
  const setKind = (kind: string) => {
    if (!period) return;
    const year = period.year;
    const month = period.kind === 'month' ? period.month : Number((today ?? '').slice(5, 7)) || 1;
    select({ period: kind === 'year' ? String(year) : formatPeriod({ kind: 'month', year, month }) });
  };

  const fillMonths = () => {
    if (!period || period.kind !== 'year') return;
    const texts = monthTotalsFromSaved(policy, (m) =>
      loaded(store, reviewKey(state.group, formatPeriod({ kind: 'month', year: period.year, month: m }))),
    ).texts;
    const n = texts.filter((x) => x !== '').length;
    if (n === 0) {
      say({
        id: 'months',
        kind: 'info',
        text: t('months.noneSaved', { group: groupName(state.group), year: period.year }),
      });
      return;
    }
    update({ months: state.months.map((old, i) => (texts[i] ? texts[i] : old)) });
    say({ id: 'months', kind: 'info', text: t('months.filled', { n }) });
  };

  // ---- export ----
  const exportLabels = s;
  const text = () => (result ? selfReviewText(result, state.name, state.summary, exportLabels) : '');
  const csv = () => toCsv(result ? selfReviewCsvRows(result, state.name, exportLabels) : []);
  const importFile = (body: string): string | null => {
    const r = parseJsonFile(body, SELF_REVIEW_TOOL, SELF_REVIEW_STATE_VERSION, selfReviewStateSchema);
    if (!r.ok) return r.error;
    const incoming = r.state;
    const importKey = reviewKey(incoming.group, incoming.period);
    const label = labelOf(incoming);
    const existed = store.list().includes(importKey);
    if (shared) share.close();
    if (importKey === key) {
      saved.setState(incoming);
    } else {
      const stored = store.save(importKey, incoming);
      if (!stored.ok) return stored.error;
      nameRef.current = incoming.name;
      openEntry({ group: incoming.group, period: incoming.period });
    }
    say({ id: 'imported', kind: 'info', text: t(existed ? 'import.replaced' : 'import.done', { label }) });
    return null;
  };

  const askDelete = (key: string, trigger: EventTarget | null) => {
    confirmTrigger.current = trigger as HTMLElement | null;
    setConfirmKey(key);
  };
  const closeConfirm = () => {
    setConfirmKey(null);
    confirmTrigger.current?.focus();
  };
  const doDelete = () => {
    if (!confirmKey) return;
    const entry = savedList.find((e) => e.key === confirmKey);
    saved.remove(confirmKey);
    say({ id: 'deleted', kind: 'info', text: t('delete.done', { label: entry?.label ?? confirmKey }) });
    setConfirmKey(null);
  };

  const clauseLink = (id: string) => <ClauseLink id={id} clauses={props.clauses} />;

  if (!mounted || !period) {
    return (
      <div class="tool-root self-review">
        <Notices notices={notices} onDismiss={dismiss} />
        <p class="tool-loading">{s['tool.loading']}</p>
      </div>
    );
  }

  const currentYear = Number(today.slice(0, 4));
  const years = [
    ...new Set([...Array.from({ length: 7 }, (_, i) => currentYear - 5 + i), period.year]),
  ].sort();
  const storageNote = !store.persistent
    ? s['saved.unavailable']
    : saved.savedAt
      ? t('saved.at', { time: new Date(saved.savedAt).toLocaleTimeString('zh-CN', { hour12: false }) })
      : s['saved.not'];

  return (
    <div class="tool-root self-review">
      <Notices notices={notices} onDismiss={dismiss} />

      {shared && (
        <ShareBanner
          text={t('share.banner', {
            name: shared.name.trim() || s['text.notFilled'],
            label: labelOf(shared),
          })}
          closeLabel={s['share.close']}
          onClose={share.close}
        />
      )}

      <div class="no-print">
        <FieldSet legend={s['select.legend']}>
          <TextField
            id="sr-name"
            label={s['field.name']}
            value={state.name}
            readOnly={readOnly}
            maxLength={MAX_FIELD_LENGTH}
            onInput={(name) => update({ name })}
          />
          <SelectField
            id="sr-group"
            label={s['field.group']}
            value={state.group}
            disabled={readOnly}
            options={policy.groups.map((g) => ({ value: g.id, label: g.name }))}
            onChange={(group) => select({ group })}
          />
          <SelectField
            id="sr-kind"
            label={s['field.kind']}
            value={period.kind}
            disabled={readOnly}
            options={[
              { value: 'month', label: s['kind.month'] },
              { value: 'year', label: s['kind.year'] },
            ]}
            onChange={setKind}
          />
          <SelectField
            id="sr-year"
            label={s['field.year']}
            value={String(period.year)}
            disabled={readOnly}
            options={years.map((y) => ({ value: String(y), label: t('year.option', { year: y }) }))}
            onChange={(y) =>
              select({
                period: formatPeriod(
                  period.kind === 'month'
                    ? { ...period, year: Number(y) }
                    : { kind: 'year', year: Number(y) },
                ),
              })
            }
          />
          {period.kind === 'month' && (
            <SelectField
              id="sr-month"
              label={s['field.month']}
              value={String(period.month)}
              disabled={readOnly}
              options={Array.from({ length: 12 }, (_, i) => ({
                value: String(i + 1),
                label: t('month.option', { month: i + 1 }),
              }))}
              onChange={(m) => select({ period: formatPeriod({ ...period, month: Number(m) }) })}
            />
          )}
          {!readOnly && (
            <p class="tool-hint tool-field--wide">
              {s['select.hint']} <span class="sr-saved">{storageNote}</span>
            </p>
          )}
        </FieldSet>
      </div>

      {!result ? (
        <p class="tool-error no-print" role="alert">
          {t('result.unknownGroup', { group: state.group })}
        </p>
      ) : result.kind === 'month' ? (
        <MonthForm
          result={result}
          state={state}
          s={s}
          t={t}
          readOnly={readOnly}
          clauseLink={clauseLink}
          policy={policy}
          updateKpi={updateKpi}
          update={update}
        />
      ) : (
        <YearForm
          result={result}
          state={state}
          s={s}
          t={t}
          readOnly={readOnly}
          savedMonths={savedMonths}
          update={update}
          onFill={fillMonths}
        />
      )}

      {result && (
        <div class="no-print">
          <LiveResult label={s['result.label']}>
            <ResultSummary result={result} s={s} t={t} policy={policy} />
          </LiveResult>
        </div>
      )}

      {result && <HowItWorks result={result} s={s} t={t} policy={policy} clauseLink={clauseLink} />}

      {!shared && (
        <section class="no-print sr-list" aria-labelledby="sr-list-heading">
          <h2 id="sr-list-heading">{s['list.heading']}</h2>
          {savedList.length === 0 ? (
            <p>{s['list.empty']}</p>
          ) : (
            <table class="tool-table">
              <thead>
                <tr>
                  <th scope="col">{s['list.period']}</th>
                  <th scope="col">{s['list.name']}</th>
                  <th scope="col" class="num">
                    {s['list.total']}
                  </th>
                  <th scope="col">{s['list.actions']}</th>
                </tr>
              </thead>
              <tbody>
                {savedList.map((e) => {
                  const current = sel !== null && e.key === reviewKey(sel.group, sel.period);
                  return (
                    <tr key={e.key}>
                      <th scope="row">
                        {e.label}
                        {current && s['list.current']}
                      </th>
                      <td>{e.data.name}</td>
                      <td class="num">
                        {e.total === null ? '—' : formatNumber(e.total)} {e.grade ?? ''}
                      </td>
                      <td>
                        <button
                          type="button"
                          class="tool-button tool-button--small"
                          aria-label={t('list.openLabel', { label: e.label })}
                          disabled={current}
                          onClick={() => {
                            if (!e.known) return;
                            nameRef.current = e.data.name;
                            select({ group: e.data.group, period: e.data.period });
                          }}
                        >
                          {s['list.open']}
                        </button>{' '}
                        <button
                          type="button"
                          class="tool-button tool-button--small"
                          aria-label={t('list.deleteLabel', { label: e.label })}
                          onClick={(ev) => askDelete(e.key, ev.currentTarget)}
                        >
                          {s['list.delete']}
                        </button>
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          )}
          {confirmKey && (
            <div
              class="sr-confirm"
              role="group"
              aria-labelledby="sr-confirm-question"
              onKeyDown={(e) => {
                if (e.key === 'Escape') closeConfirm();
              }}
            >
              <p id="sr-confirm-question" tabIndex={-1} ref={confirmRef}>
                {t('delete.question', {
                  label: savedList.find((e) => e.key === confirmKey)?.label ?? confirmKey,
                })}
              </p>
              <button type="button" class="tool-button tool-button--primary" onClick={doDelete}>
                {s['delete.confirm']}
              </button>{' '}
              <button type="button" class="tool-button" onClick={closeConfirm}>
                {s['delete.cancel']}
              </button>
            </div>
          )}
        </section>
      )}

      {result && (
        <ExportBar
          fileBase={`${s['tool.fileBase']}-${groupName(state.group)}-${state.period}`}
          getText={text}
          getJson={() => toJsonFile(SELF_REVIEW_TOOL, SELF_REVIEW_STATE_VERSION, state)}
          onImport={importFile}
          getShare={() => encodeShare(SELF_REVIEW_TOOL, SELF_REVIEW_STATE_VERSION, state)}
          getCsv={csv}
        />
      )}

      {result && <PrintSheet result={result} state={state} s={s} t={t} today={today} policy={policy} />}
    </div>
  );
}

type T = (key: keyof S, values?: Record<string, string | number>) => string;
type MonthResult = Extract<SelfReviewResult, { kind: 'month' }>;
type YearResult = Extract<SelfReviewResult, { kind: 'year' }>;

const num = (n: number | null) => (n === null ? '—' : formatNumber(n));

function MonthForm(props: {
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
  return (
    <>
      <section class="no-print sr-kpis" aria-labelledby="sr-kpis-heading">
        <h2 id="sr-kpis-heading">
          {s['kpis.heading']}（{result.group.name}）
        </h2>
        {result.rows.map((row) => {
          const k = row.kpi;
          const entry = state.kpis[k.id] ?? { target: '', actual: '', comment: '' };
          const unit = UNIT_SUFFIX[k.unit];
          const defaultTarget = formatKpiValue(k.unit, k.target);
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
                readOnly={readOnly}
                maxLength={MAX_FIELD_LENGTH}
                error={row.targetError}
                hint={
                  row.targetIsDefault
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
                maxLength={MAX_FIELD_LENGTH}
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
                maxLength={MAX_COMMENT_LENGTH}
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

function YearForm(props: {
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
            maxLength={MAX_FIELD_LENGTH}
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
          maxLength={MAX_FIELD_LENGTH}
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

function ResultSummary({
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

function HowItWorks(props: {
  result: SelfReviewResult;
  s: S;
  t: T;
  policy: AppraisalPolicy;
  clauseLink: (id: string) => JSX.Element;
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
        {clauseLink(props.overviewClause)}、{clauseLink(policy.annual.clause)}、{clauseLink(policy.behaviour.clause)}。
        {s['how.estimate']}
      </p>
    </details>
  );
}

function PrintSheet(props: {
  result: SelfReviewResult;
  state: SelfReviewState;
  s: S;
  t: T;
  today: string;
  policy: AppraisalPolicy;
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
    </div>
  );
}

/** 总体自评 of a month or a year. */
function SummaryField(props: {
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
      maxLength={MAX_COMMENT_LENGTH}
      onInput={(summary) => props.update({ summary })}
    />
  );
}
