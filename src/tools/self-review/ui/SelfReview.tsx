// 绩效自评 (四（一）指标、四（二）周期、三（四）工作规范): group and period → the KPIs with targets
// and actual values, the behaviour ratings, total and grade as one types; a year rolls up the
// saved months. Thin: parameters and words come in as props, ../logic computes.
// The kit's tools.css comes in through self-review.css (see the note at its top).
import './self-review.css';
import { useMemo, useRef } from 'preact/hooks';
import { formatNumber } from '../../../core/format';
import type { AppraisalPolicy } from '../../../core/policy-types';
import { monthTotalsFromSaved, type SavedMonth } from '../logic/derive';
import { reviewLabel, selfReviewTool, type SelfReviewContext } from '../logic/definition';
import {
  formatPeriod,
  MAX_FIELD_LENGTH,
  monthOf,
  parsePeriod,
  reviewKey,
  type SelfReviewState,
} from '../logic/state';
import type { SelfReviewStrings } from './strings';
import { EntryList } from '../../kit/ui/EntryList';
import { ExportBar } from '../../kit/ui/ExportBar';
import { SheetQr, shareLinkOf } from '../../kit/ui/QrCode';
import { CalendarDownload, type CalendarBuild } from '../../kit/ui/CalendarDownload';
import { monthlyReminder } from '../logic/reminder';
import { FieldSet, SelectField, TextField } from '../../kit/ui/Field';
import { LiveResult, Notices, ShareBanner } from '../../kit/ui/Notices';
import { useTool } from '../../kit/ui/use-tool';
import { ClauseLink } from '../../kit/ui/ClauseLink';
import { savedNote } from '../../kit/ui/saved-note';
import { printWith, useFirstUse, useOnDemand } from '../../kit/ui/lazy';
import type { ClauseLinkData } from '../../../core/clause-ref';
import { fill } from '../../../core/template';
import { MonthForm, YearForm } from './forms';
import { HowItWorks, ResultSummary } from './ResultParts';
import { ReplyPickerBox, ReplyShown, useReviewReply } from './ReviewReply';
import type { TargetsPlan } from '../logic/targets';

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
  /** The day the site was built (YYYY-MM-DD): the month the server's blank form shows until the
   * browser opens today's (a pointer or key in the form loads the code, client:intent). */
  builtOn: string;
  /**
   * 每月提醒: the self-review due day (appraisal.yaml selfReviewDueDay, set by the department), the
   * page's path with the base, and the clause cited (四（二）考核周期); null = no reminder offered.
   */
  reminder: { dueDay: number; page: string; clause: string } | null;
}

type S = SelfReviewStrings;
/** Which entry is open: group id and period string (2026-03 or 2026). */
interface Selection {
  group: string;
  period: string;
}

export default function SelfReview(props: SelfReviewProps) {
  const { policy, strings: s } = props;
  const t = (key: keyof S, values: Record<string, string | number> = {}) => fill(s[key], values);
  const nameRef = useRef('');
  const storeRef = useRef<
    ReturnType<typeof useTool<SelfReviewState, unknown, SelfReviewContext>>['store'] | null
  >(null);
  const ctx: SelfReviewContext = useMemo(
    () => ({
      policy,
      labels: s,
      savedMonth: (group, year, month) => {
        const r = storeRef.current?.load(reviewKey(group, formatPeriod({ kind: 'month', year, month })));
        return r && (r.status === 'ok' || r.status === 'recovered') ? r.data : null;
      },
      lastName: () => nameRef.current,
    }),
    [],
  );
  const tool = useTool(selfReviewTool, ctx, {
    csv: true,
    onImported: (_st, label) => say({ id: 'imported', kind: 'info', text: t('import.done', { label }) }),
  });
  const { store, shared, notices, dismiss, say, state, result } = tool;
  storeRef.current = store;
  // The print sheet loads once the reader uses the page, or at once for saved work or a shared
  // view (Ctrl+P straight away); 打印 waits for it.
  const firstUse = useFirstUse();
  const sheet = useOnDemand(
    () => import('./PrintSheet'),
    firstUse || tool.savedAt !== null || shared !== null,
  );
  // The year at a glance loads with the year view only.
  const chart = useOnDemand(() => import('./YearChart'), result?.kind === 'year');
  // A shared view is someone else's form: its name must not become the default of the reader's own entries.
  if (!shared) nameRef.current = state.name;

  const today = tool.today;
  const readOnly = tool.readOnly;
  // Before an entry is chosen (the server's render, and hydration's) the form shows the build's month.
  const day = today ?? props.builtOn;
  const blankPeriod = formatPeriod(monthOf(day));
  const period = parsePeriod(tool.key === null && !shared ? blankPeriod : state.period);
  const groupName = (id: string) => policy.groups.find((g) => g.id === id)?.name ?? id;
  const labelOf = (st: Pick<SelfReviewState, 'group' | 'period'>) => reviewLabel(st, ctx);
  const openEntry = (next: Selection) => tool.open(reviewKey(next.group, next.period));

  // A 上级评定 reply is compared with the employee's own 自评 of its period only when that is saved
  // here (the open entry as it stands): an unsaved, empty form is not a 自评.
  const reply = useReviewReply({
    policy,
    ownOf: (group, period) =>
      tool.entries.find((e) => e.key === reviewKey(group, period) && e.savedAt !== null)?.state ?? null,
    entries: tool.entries,
    openKey: tool.key,
    openEntry: (group, period) => openEntry({ group, period }),
    monthOfYear: (year) => monthOfYear(year),
    unloaded: s['reply.unloaded'],
  });

  // 目标下达: the month entries as they stand (the open one with its unsaved edits), and taking a 目标.
  const monthOfYear = (year: number) => (monthOf(day).year === year ? monthOf(day).month : 1);
  const loadEntry = (key: string): SelfReviewState | null => {
    if (key === tool.key) return state;
    const r = store.load(key);
    return r.status === 'ok' || r.status === 'recovered' ? r.data : null;
  };
  const takeTargets = (plan: TargetsPlan) => {
    let error: string | null = null;
    for (const w of plan.writes) {
      if (w.key === plan.open) continue;
      const saved = store.save(w.key, w.state);
      if (!saved.ok) error ??= saved.error;
    }
    const shown = plan.writes.find((w) => w.key === plan.open);
    if (shown) error ??= tool.saveAs(shown.state, plan.open);
    else if (tool.key !== plan.open) tool.open(plan.open);
    reply.close();
    const label = shown ? labelOf(shown.state) : plan.open;
    say(
      error === null
        ? { id: 'targets', kind: 'info', text: t('targets.taken', { label }) }
        : { id: 'targets', kind: 'error', text: t('targets.unsaved', { error }) },
    );
  };

  const update = (patch: Partial<SelfReviewState>) => tool.edit((old) => ({ ...old, ...patch }));
  const updateKpi = (id: string, patch: Partial<{ target: string; actual: string; comment: string }>) =>
    tool.edit((old) => {
      const before = old.kpis[id] ?? { target: '', actual: '', comment: '' };
      return { ...old, kpis: { ...old.kpis, [id]: { ...before, ...patch } } };
    });

  // The saved months of this group and year, for the hints beside the month fields.
  const savedMonths: readonly (SavedMonth | null)[] = useMemo(() => {
    if (!period || period.kind !== 'year') return [];
    const p = period;
    return monthTotalsFromSaved(policy, (m) => (shared ? null : ctx.savedMonth(state.group, p.year, m)))
      .saved;
  }, [state.group, state.period, tool.entries.length, tool.savedAt, shared]);

  const select = (next: Partial<Selection>) =>
    openEntry({ group: state.group, period: state.period, ...next });
  const setKind = (kind: string) => {
    if (!period) return;
    const year = period.year;
    const month = period.kind === 'month' ? period.month : monthOf(day).month;
    select({ period: kind === 'year' ? String(year) : formatPeriod({ kind: 'month', year, month }) });
  };

  const fillMonths = () => {
    if (!period || period.kind !== 'year') return;
    const texts = monthTotalsFromSaved(policy, (m) => ctx.savedMonth(state.group, period.year, m)).texts;
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

  const clauseLink = (id: string) => <ClauseLink id={id} clauses={props.clauses} />;

  // 每月提醒: links made absolute with the page's origin now; the first event is the next due day.
  const reminder = props.reminder;
  const reminderFile = (): CalendarBuild => {
    const clause = reminder ? props.clauses[reminder.clause] : undefined;
    const made =
      reminder && clause && today !== null
        ? monthlyReminder({
            dueDay: reminder.dueDay,
            today,
            origin: location.origin,
            page: reminder.page,
            clause,
            labels: s,
          })
        : null;
    return made ? { ok: true, ...made } : { ok: false, error: s['reminder.noToday'] };
  };

  if (!period) {
    return (
      <div class="tool-root self-review" {...tool.rootProps}>
        <Notices notices={notices} onDismiss={dismiss} />
        <p class="tool-loading">{s['tool.loading']}</p>
      </div>
    );
  }

  const currentYear = Number(day.slice(0, 4));
  const years = [
    ...new Set([...Array.from({ length: 7 }, (_, i) => currentYear - 5 + i), period.year]),
  ].sort();
  const storageNote = savedNote(
    { persistent: tool.persistent, savedAt: tool.savedAt },
    { at: (time) => t('saved.at', { time }), not: s['saved.not'], unavailable: s['saved.unavailable'] },
  );

  return (
    <div class="tool-root self-review" {...tool.rootProps}>
      <Notices notices={notices} onDismiss={dismiss} />

      {shared && (
        <ShareBanner
          text={t('share.banner', {
            name: shared.name.trim() || s['text.notFilled'],
            label: labelOf(shared),
          })}
          closeLabel={s['share.close']}
          onClose={tool.closeShare}
        />
      )}

      {!shared && (
        <ReplyShown
          reply={reply}
          s={s}
          t={t}
          labelOf={labelOf}
          policy={policy}
          load={loadEntry}
          monthOfYear={monthOfYear}
          onTake={takeTargets}
          onSame={() => {
            reply.close();
            say({ id: 'targets', kind: 'info', text: s['targets.same'] });
          }}
        />
      )}

      <div class="no-print">
        <FieldSet legend={s['select.legend']}>
          <TextField
            id="sr-name"
            label={s['field.name']}
            value={state.name}
            readOnly={readOnly}
            limit={MAX_FIELD_LENGTH}
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
          {!shared && (
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

      {result?.kind === 'year' && chart.mod && (
        <chart.mod.YearChart
          year={result.period.year}
          months={result.months}
          saved={savedMonths}
          grades={policy.grades}
          max={result.monthMax}
          s={s}
          t={t}
        />
      )}

      {!shared && <ReplyPickerBox reply={reply} s={s} t={t} disabled={readOnly} />}

      {result && (
        <HowItWorks
          result={result}
          s={s}
          t={t}
          policy={policy}
          clauseLink={clauseLink}
          overviewClause={props.overviewClause}
        />
      )}

      {!shared && reminder && (
        <CalendarDownload
          id="sr-reminder-heading"
          heading={s['reminder.heading']}
          button={s['reminder.button']}
          hint={t('reminder.hint', { day: reminder.dueDay })}
          build={reminderFile}
          words={{ downloaded: s['reminder.downloaded'], failed: s['reminder.failed'] }}
        />
      )}

      {!shared && (
        <EntryList
          id="sr-list"
          class="sr-list"
          entries={tool.entries.filter((e) => e.savedAt !== null || !e.current)}
          words={{
            heading: s['list.heading'],
            empty: s['list.empty'],
            open: s['list.open'],
            openLabel: s['list.openLabel'],
            delete: s['list.delete'],
            deleteLabel: s['list.deleteLabel'],
            confirmQuestion: s['delete.question'],
            confirmDelete: s['delete.confirm'],
            cancel: s['delete.cancel'],
            current: s['list.current'],
            deleted: s['delete.done'],
          }}
          meta={(e) => {
            const r = e.state ? selfReviewTool.derive(e.state, ctx) : null;
            return (
              <>
                {e.state?.name ?? ''} · {r ? formatNumber(r.total ?? 0) : '—'} {r?.grade?.name ?? ''}
              </>
            );
          }}
          onOpen={(k) => tool.open(k)}
          onDelete={(k) => tool.remove(k)}
          onSaid={(text) => say({ id: 'deleted', kind: 'info', text })}
        />
      )}

      {result && <ExportBar actions={tool.exports} onPrint={() => void printWith(sheet)} />}

      {result && sheet.mod && today !== null && (
        <sheet.mod.PrintSheet
          result={result}
          state={state}
          s={s}
          t={t}
          today={today}
          policy={policy}
          qr={<SheetQr make={() => shareLinkOf(tool.exports)} content={state} />}
        />
      )}
    </div>
  );
}

type T = (key: keyof S, values?: Record<string, string | number>) => string;
