// 入职清单 (五（一）1 新员工入职培训): role and start date → the role's items by phase with due dates,
// ticks saved per person, overdue marked against today, the reading path, a printable checklist
// with signature lines, the 制度签收单 and the 签收 sent to 新员工签收. Thin: data and words come in
// as props, ../logic computes.
import '../../kit/ui/tools.css';
import './onboarding.css';
import { useEffect, useMemo, useState } from 'preact/hooks';
import { parseDateInput, type ChecklistView } from '../logic/checklist';
import { onboardingTool, type OnboardingContext } from '../logic/definition';
import {
  clearTicks,
  setItemDone,
  MAX_FIELD_LENGTH,
  type OnboardingState,
  type SharedOnboarding,
} from '../logic/state';
import type { ClauseLinkData } from '../../../core/clause-ref';
import type { OnboardingPolicy, QuizPolicy } from '../../../core/policy-types';
import { quizResult } from '../logic/quiz';
import { Quiz } from './Quiz';
import { ClauseLink } from '../../kit/ui/ClauseLink';
import type { OnboardingStrings } from './strings';
import { ExportBar } from '../../kit/ui/ExportBar';
import { CalendarDownload, type CalendarBuild } from '../../kit/ui/CalendarDownload';
import { onboardingCalendar } from '../logic/calendar';
import { FieldSet, SelectField, TextField } from '../../kit/ui/Field';
import { Notices, ShareBanner } from '../../kit/ui/Notices';
import { todayIso } from '../../kit/ui/dom';
import { useTool } from '../../kit/ui/use-tool';
import { printWith, useFirstUse, useOnDemand } from '../../kit/ui/lazy';
import { useReadingMarks } from './use-reading-marks';
import { ItemRow } from './ItemRow';
import { AckSlip } from './AckSlip';
import { SheetQr, shareLinkOf } from '../../kit/ui/QrCode';
import { qrCodesDrawn } from '../../kit/ui/print-ready';
import { PersonActions } from './PersonActions';
import { SignoffSend } from './SignoffSend';
import { Progress, ReadingPath } from './Progress';
import { fill } from '../../../core/template';

export interface OnboardingProps {
  policy: OnboardingPolicy;
  /** Appraisal groups (appraisal.yaml): the roles a new hire can pick. */
  roles: readonly { id: string; name: string }[];
  /** Chapter slug → 第一章 总则, for the reading path. */
  chapters: Readonly<Record<string, string>>;
  /** 五（一）1 新员工入职培训 (onboarding.yaml `clause`), cited beside the progress. */
  trainingClause: string;
  /** 制度测验 (content/policy/quiz.yaml): settings and questions. */
  quiz: QuizPolicy;
  /** The clauses the items and the quiz questions cite: id → label as people cite it (三（二）), link (with the base) and title. */
  clauses: Readonly<Record<string, ClauseLinkData>>;
  meta: { title: string; shortTitle: string; version: string; effective: string };
  /** SHA-256 prefix of the six chapters' text, computed at build (src/policy/fingerprint.ts). */
  fingerprint: string;
  /** BASE_PATH of src/site/base-path.ts ('' at the root). */
  base: string;
  strings: OnboardingStrings;
  /** Fixed "today" (yyyy-mm-dd) instead of the reader's clock; for tests and demos. */
  today?: string;
}

export default function Onboarding(props: OnboardingProps) {
  const { policy, roles, strings: s, base } = props;
  const t = (key: keyof OnboardingStrings, values: Record<string, string | number> = {}) =>
    fill(s[key], values);

  const readingPath = policy.readingPath;
  const reading = useReadingMarks(readingPath);
  const [fixedToday, setToday] = useState<string | null>(props.today ?? null);
  const [shownMarks, setShownMarks] = useState<Readonly<Record<string, string>> | null>(null);
  const roleName = (id: string) => roles.find((r) => r.id === id)?.name ?? id;
  const chapterName = (slug: string) => props.chapters[slug] ?? slug;
  const clauseLabel = (id: string) => props.clauses[id]?.label ?? id;
  const ctx: OnboardingContext = useMemo(
    () => ({
      policy,
      roles,
      today: fixedToday,
      marks: shownMarks ?? reading.marks,
      chapterName,
      clauseLabel,
      labels: s,
    }),
    [fixedToday, shownMarks, reading.marks],
  );
  const tool = useTool(onboardingTool, ctx, {
    // What a link or file carries: the person's entry and the chapters they have read.
    outgoing: (st) => ({ ...st, reading: { ...reading.marks } }),
    onImported: (st, name) => {
      if (st.reading) reading.addMissing(st.reading);
      say({ id: 'imported', kind: 'info', text: t('import.done', { name }) });
    },
  });
  const { shared, notices, dismiss, say } = tool;
  const today = fixedToday ?? tool.today;
  useEffect(() => {
    if (tool.today && !fixedToday) setToday(tool.today);
  }, [tool.today]);
  // A link shows the chapters its sender had read, not the reader's.
  useEffect(() => setShownMarks(shared ? (shared.reading ?? {}) : null), [shared]);
  const mounted = tool.ready && today !== null;
  // The printed checklist loads once the reader uses the page, or at once for saved work or a
  // shared view (Ctrl+P straight away); 打印 waits for it.
  const firstUse = useFirstUse();
  const sheet = useOnDemand(
    () => import('./ChecklistSheet'),
    firstUse || tool.savedAt !== null || shared !== null,
  );
  const personKey = tool.key;

  const [printSlip, setPrintSlip] = useState(0);
  // Missing-value errors wait until the reader has touched the field or asked to print (never on first load).
  const [touched, setTouched] = useState<ReadonlySet<string>>(new Set());
  const touch = (field: string) => setTouched((old) => (old.has(field) ? old : new Set([...old, field])));

  // 打印签收单: render the slip as the sheet, print, then back to the checklist. window.print()
  // blocks until the dialog closes in the browsers we support; afterprint covers the others.
  useEffect(() => {
    if (!printSlip) return;
    let live = true;
    const back = () => setPrintSlip(0);
    addEventListener('afterprint', back, { once: true });
    void import('../../../client/acknowledgement').then(async ({ recordAcknowledgement }) => {
      recordAcknowledgement(); // 签收: remember version + clause hashes for the re-acknowledgement banner
      await qrCodesDrawn();
      if (!live) return;
      window.print();
      back();
    });
    return () => {
      live = false;
      removeEventListener('afterprint', back);
    };
  }, [printSlip]);

  const state: SharedOnboarding = tool.state;
  const readOnly = tool.readOnly;
  const view = tool.result;
  const update = (patch: Partial<OnboardingState>) => {
    for (const field of Object.keys(patch)) touch(field);
    tool.edit((old) => ({ ...old, ...patch }));
  };
  const personName = state.name.trim() || s['people.unnamed'];
  const quizOutcome = useMemo(() => quizResult(state.quiz, props.quiz), [state.quiz, props.quiz]);
  const edition = { version: props.meta.version, fingerprint: props.fingerprint };
  const people = tool.entries.map((e) => ({ value: e.key, label: e.label }));

  // ---- messages beside the fields ----
  const roleError =
    view.role.status === 'missing'
      ? touched.has('role')
        ? s['error.roleMissing']
        : null
      : view.role.status === 'unknown'
        ? t('error.roleUnknown', { role: view.role.id })
        : null;
  const start = view.start;
  const startError =
    start.status === 'empty'
      ? touched.has('startDate')
        ? s['error.startMissing']
        : null
      : start.status === 'error'
        ? t('error.startInvalid', { error: start.error })
        : null;
  const startWarning =
    start.status === 'ok' && start.farDays !== null
      ? t(start.farDays < 0 ? 'warn.startPast' : 'warn.startFuture', { n: Math.abs(start.farDays) })
      : null;
  const ack = parseDateInput(state.ackDate);
  const ackError = !ack.ok && ack.code !== 'empty' ? t('error.ackDate', { error: ack.error }) : null;
  const ackPrinted = ack.ok ? ack.iso : (today ?? '');

  // 加入日历: the open items on their due dates; links made absolute with the page's origin now.
  const calendarFile = (): CalendarBuild => {
    const made = onboardingCalendar({
      view,
      name: state.name,
      origin: location.origin,
      clauses: props.clauses,
      labels: s,
    });
    if (made.ok) return made;
    return { ok: false, error: s[made.code === 'noStart' ? 'calendar.noStart' : 'calendar.nothingOpen'] };
  };

  const clauseLink = (id: string) => <ClauseLink id={id} clauses={props.clauses} />;
  const roleOptions = roles.map((r) => ({ value: r.id, label: r.name }));
  const phaseDay = (p: ChecklistView['phases'][number]) =>
    p.dueDate
      ? t('phase.due', { date: p.dueDate, day: p.phase.dueDay })
      : t('phase.dueUnknown', { day: p.phase.dueDay });

  return (
    <div class="tool-root onboarding" {...tool.rootProps}>
      <Notices notices={notices} onDismiss={dismiss} />

      {shared && (
        <ShareBanner
          text={t('share.banner', { name: personName })}
          closeLabel={s['share.close']}
          onClose={tool.closeShare}
        />
      )}

      <FieldSet legend={s['profile.legend']} class="no-print">
        {!shared && (
          <div class="ob-people">
            <SelectField
              id="ob-person"
              label={s['people.label']}
              value={personKey ?? ''}
              options={people}
              disabled={!mounted}
              onChange={(key) => tool.open(key)}
            />
            <button
              type="button"
              class="tool-button tool-button--small"
              disabled={!mounted}
              onClick={() => {
                tool.openNew();
                say({ id: 'created', kind: 'info', text: s['people.created'] });
              }}
            >
              {s['people.new']}
            </button>
            <p class="tool-hint ob-people-hint">{s['people.hint']}</p>
          </div>
        )}
        <TextField
          id="ob-name"
          label={s['field.name']}
          value={state.name}
          readOnly={readOnly}
          limit={MAX_FIELD_LENGTH}
          onInput={(name) => update({ name })}
        />
        <SelectField
          id="ob-role"
          label={s['field.role']}
          value={view.role.status === 'ok' ? state.role : ''}
          options={roleOptions}
          placeholder={s['field.rolePlaceholder']}
          disabled={readOnly}
          error={roleError}
          onBlur={() => touch('role')}
          onChange={(role) => update({ role })}
        />
        <TextField
          id="ob-start"
          label={s['field.startDate']}
          value={state.startDate}
          readOnly={readOnly}
          limit={MAX_FIELD_LENGTH}
          // A date as typed, not prose: its limit shows only if it nears it.
          limitShown="near"
          error={startError}
          onBlur={() => touch('startDate')}
          hint={startWarning ? <strong class="ob-warning">{startWarning}</strong> : s['field.startDateHint']}
          onInput={(startDate) => update({ startDate })}
        />
        <TextField
          id="ob-mentor"
          label={s['field.mentor']}
          value={state.mentor}
          readOnly={readOnly}
          limit={MAX_FIELD_LENGTH}
          onInput={(mentor) => update({ mentor })}
        />
      </FieldSet>

      {/* The printed sheet has its own totals. */}
      <Progress view={view} s={s} t={t} today={today} trainingClause={clauseLink(props.trainingClause)} />

      {view.phases.map((p) => (
        <section key={p.phase.id} class="ob-phase no-print" aria-labelledby={`ob-phase-${p.phase.id}`}>
          <h2 id={`ob-phase-${p.phase.id}`}>{p.phase.name}</h2>
          <p class="ob-phase-meta">
            {phaseDay(p)} · {t('phase.count', { done: p.doneCount, total: p.items.length })}
          </p>
          {p.items.length === 0 ? (
            <p class="ob-muted">{s['phase.empty']}</p>
          ) : (
            <ul class="ob-items">
              {p.items.map((it) => (
                <ItemRow
                  key={it.item.id}
                  it={it}
                  s={s}
                  t={t}
                  readOnly={readOnly}
                  clauseLink={clauseLink}
                  onToggle={(done) =>
                    tool.edit(
                      (old) => setItemDone(old, it.item.id, done, today ?? todayIso()) as SharedOnboarding,
                    )
                  }
                />
              ))}
            </ul>
          )}
        </section>
      ))}

      <CalendarDownload
        id="ob-calendar-heading"
        heading={s['calendar.heading']}
        button={s['calendar.button']}
        hint={s['calendar.hint']}
        build={calendarFile}
        words={{ downloaded: s['calendar.downloaded'], failed: s['calendar.failed'] }}
      />

      <ReadingPath view={view} s={s} t={t} base={base} chapterName={chapterName} shared={shared !== null} />

      <Quiz
        policy={props.quiz}
        clauses={props.clauses}
        quiz={state.quiz}
        role={view.role.status === 'ok' ? state.role : null}
        readOnly={readOnly}
        today={today}
        edition={edition}
        s={s}
        t={t}
        onChange={(change) => tool.edit((old) => ({ ...old, quiz: change(old.quiz) }))}
      />

      <AckSlip
        state={state}
        quiz={quizOutcome}
        view={view}
        s={s}
        t={t}
        readOnly={readOnly}
        mounted={mounted}
        printing={printSlip > 0}
        ackError={ackError}
        ackPrinted={ackPrinted}
        roleName={roleName}
        meta={props.meta}
        fingerprint={props.fingerprint}
        onAckDate={(ackDate) => update({ ackDate })}
        onPrint={() => setPrintSlip((n) => n + 1)}
        qr={printSlip > 0 && <SheetQr make={() => shareLinkOf(tool.exports)} content={state} />}
      />

      {!shared && (
        <SignoffSend
          state={state}
          view={view}
          s={s}
          t={t}
          mounted={mounted}
          roleName={view.role.status === 'ok' ? roleName(state.role) : ''}
          edition={edition}
          quiz={quizOutcome}
          today={today}
          overLimit={tool.exports.overLimit}
          signoffsHref={`${base}/tools/signoffs/`}
        />
      )}

      {!shared && (
        <PersonActions
          s={s}
          t={t}
          mounted={mounted}
          personName={personName}
          onReset={() => {
            tool.edit((old) => clearTicks(old) as SharedOnboarding);
            say({ id: 'reset', kind: 'info', text: s['reset.done'] });
          }}
          onDelete={() => {
            if (!personKey) return;
            const name = personName;
            tool.remove(personKey);
            say({ id: 'deleted', kind: 'info', text: t('delete.done', { name }) });
          }}
        />
      )}

      <ExportBar actions={tool.exports} onPrint={() => void printWith(sheet)} />

      {!printSlip && sheet.mod && (
        <sheet.mod.ChecklistSheet
          state={state}
          view={view}
          s={s}
          t={t}
          today={today}
          meta={props.meta}
          fingerprint={props.fingerprint}
          roleName={roleName}
          chapterName={chapterName}
          clauseLabel={clauseLabel}
        />
      )}
    </div>
  );
}
