// 入职清单 (五（一）1 新员工入职培训): role and start date → the role's items by phase with due dates,
// ticks saved per person, overdue marked against today, the reading path, a printable checklist
// with signature lines and the 制度签收单. Thin: data and words come in as props, src/lib computes.
import '../../../styles/tools.css';
import './onboarding.css';
import type { JSX } from 'preact';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { parseJsonFile, toJsonFile } from '../../../lib/json-file';
import { encodeShare } from '../../../lib/share-link';
import {
  buildChecklist,
  checklistText,
  parseDateInput,
  type ChecklistItem,
  type ChecklistView,
} from '../../../lib/onboarding-checklist';
import {
  clearTicks,
  emptyOnboardingState,
  newPersonKey,
  onboardingStateSchema,
  ONBOARDING_STATE_VERSION,
  ONBOARDING_TOOL,
  setItemDone,
  sharedOnboardingSchema,
  MAX_FIELD_LENGTH,
  type OnboardingState,
} from '../../../lib/onboarding-state';
import type { ClauseLinkData } from '../../../lib/clause-ref';
import type { OnboardingPolicy } from '../../../lib/policy-types';
import { ClauseLink } from '../kit/ClauseLink';
import type { OnboardingStrings } from '../../../i18n/zh-CN/onboarding';
import { ExportBar } from '../kit/ExportBar';
import { FieldSet, SelectField, TextField } from '../kit/Field';
import { LiveResult, Notices, ShareBanner } from '../kit/Notices';
import { todayIso } from '../kit/dom';
import { useSavedState } from '../kit/use-saved-state';
import { useToolNotices } from '../kit/use-tool-notices';
import { useShareView } from '../kit/use-share-view';
import { useReadingMarks } from './use-reading-marks';
import { fill } from '../../../lib/template';
import { recordAcknowledgement } from '../../../client/acknowledgement';

export interface OnboardingProps {
  policy: OnboardingPolicy;
  /** Appraisal groups (appraisal.yaml): the roles a new hire can pick. */
  roles: readonly { id: string; name: string }[];
  /** Chapter slug → 第一章 总则, for the reading path. */
  chapters: Readonly<Record<string, string>>;
  /** The clauses the items cite: id → label as people cite it (三（二）), link (with the base) and title. */
  clauses: Readonly<Record<string, ClauseLinkData>>;
  meta: { title: string; shortTitle: string; version: string; effective: string };
  /** SHA-256 prefix of the six chapters' text, computed at build (src/policy/fingerprint.ts). */
  fingerprint: string;
  /** import.meta.env.BASE_URL without the trailing slash. */
  base: string;
  strings: OnboardingStrings;
  /** Fixed "today" (yyyy-mm-dd) instead of the reader's clock; for tests and demos. */
  today?: string;
}

type Confirm = 'reset' | 'delete' | null;

export default function Onboarding(props: OnboardingProps) {
  const { policy, roles, strings: s, base } = props;
  const t = (key: keyof OnboardingStrings, values: Record<string, string | number> = {}) =>
    fill(s[key], values);

  const share = useShareView(ONBOARDING_TOOL, ONBOARDING_STATE_VERSION, sharedOnboardingSchema);
  const shared = share.view.status === 'shared' ? share.view.state : null;

  // null until the browser has said which person was worked on last (and while viewing a link).
  const [personKey, setPersonKey] = useState<string | null>(null);
  const saved = useSavedState<OnboardingState>({
    namespace: ONBOARDING_TOOL,
    version: ONBOARDING_STATE_VERSION,
    schema: onboardingStateSchema,
    key: shared ? null : personKey,
    initial: emptyOnboardingState,
  });
  const { notices, dismiss, say } = useToolNotices(share, saved, (error) => t('share.error', { error }));
  const { store } = saved;
  const readingPath = policy.readingPath;
  const reading = useReadingMarks(readingPath);

  const [today, setToday] = useState<string | null>(props.today ?? null);
  const [confirm, setConfirm] = useState<Confirm>(null);
  const [printSlip, setPrintSlip] = useState(0);
  const confirmRef = useRef<HTMLDivElement>(null);
  const confirmTrigger = useRef<HTMLButtonElement | null>(null);
  // The entry of `personKey` is loaded by useSavedState's effect; this one runs after it in the same
  // commit, so the form becomes editable only once the saved work is on screen.
  const [loadedKey, setLoadedKey] = useState<string | null>(null);
  useEffect(() => setLoadedKey(personKey), [personKey]);
  const mounted = today !== null && (shared !== null || (personKey !== null && loadedKey === personKey));

  // In the browser: today's date, and the person worked on most recently.
  useEffect(() => {
    setToday(props.today ?? todayIso());
    let best: { key: string; at: string } | null = null;
    for (const key of store.list()) {
      const result = store.load(key);
      const at = result.status === 'ok' || result.status === 'recovered' ? result.savedAt : '';
      if (best === null || at > best.at) best = { key, at };
    }
    setPersonKey(best?.key ?? 'default');
  }, []);

  useEffect(() => {
    // The question gets focus first, so it is read out before the two buttons.
    if (confirm) confirmRef.current?.querySelector<HTMLElement>('p')?.focus();
  }, [confirm]);

  // 打印签收单: render the slip as the sheet, print, then back to the checklist. window.print()
  // blocks until the dialog closes in the browsers we support; afterprint covers the others.
  useEffect(() => {
    if (!printSlip) return;
    recordAcknowledgement(); // 签收: remember version + clause hashes for the re-acknowledgement banner
    const back = () => setPrintSlip(0);
    addEventListener('afterprint', back, { once: true });
    window.print();
    back();
    return () => removeEventListener('afterprint', back);
  }, [printSlip]);

  const state: OnboardingState = shared ?? saved.state;
  const marks = shared ? (shared.reading ?? {}) : reading.marks;
  const readOnly = shared !== null || !mounted;
  const roleName = (id: string) => roles.find((r) => r.id === id)?.name ?? id;
  const chapterName = (slug: string) => props.chapters[slug] ?? slug;

  const view: ChecklistView = useMemo(
    () => buildChecklist({ policy, roleIds: roles.map((r) => r.id), state, today, reading: marks }),
    [policy, roles, state, today, marks],
  );

  const update = (patch: Partial<OnboardingState>) => saved.setState((old) => ({ ...old, ...patch }));
  const personName = state.name.trim() || s['people.unnamed'];

  // The people saved in this browser, named by their entry (the current one as it is being typed).
  const savedNames = useMemo(() => {
    const names: Record<string, string> = {};
    for (const key of saved.savedKeys) {
      const result = key === personKey ? null : store.load(key);
      if (result && (result.status === 'ok' || result.status === 'recovered')) names[key] = result.data.name;
    }
    return names;
  }, [saved.savedKeys, personKey, store]);
  const peopleKeys =
    personKey === null || saved.savedKeys.includes(personKey)
      ? saved.savedKeys
      : [...saved.savedKeys, personKey];
  const people = peopleKeys.map((key) => ({
    value: key,
    label: (key === personKey ? saved.state.name : (savedNames[key] ?? '')).trim() || s['people.unnamed'],
  }));

  // ---- messages beside the fields ----
  const roleError =
    view.role.status === 'missing'
      ? s['error.roleMissing']
      : view.role.status === 'unknown'
        ? t('error.roleUnknown', { role: view.role.id })
        : null;
  const start = view.start;
  const startError =
    start.status === 'empty'
      ? s['error.startMissing']
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

  // ---- export ----
  const clauseLabel = (id: string) => props.clauses[id]?.label ?? id;
  const clauseLink = (id: string) => <ClauseLink id={id} clauses={props.clauses} />;
  const snapshot = () => ({ ...state, reading: { ...marks } });
  const text = () =>
    checklistText(
      view,
      state,
      {
        role: view.role.status === 'ok' ? roleName(state.role) : '',
        chapter: chapterName,
        clause: clauseLabel,
      },
      s,
    );
  const importFile = (body: string): string | null => {
    const result = parseJsonFile(body, ONBOARDING_TOOL, ONBOARDING_STATE_VERSION, sharedOnboardingSchema);
    if (!result.ok) return result.error;
    const { reading: incoming, ...person } = result.state;
    const key = newPersonKey(Date.now());
    const stored = store.save(key, person);
    if (!stored.ok) return stored.error;
    if (incoming) reading.addMissing(incoming);
    if (shared) share.close();
    setPersonKey(key);
    say({
      id: 'imported',
      kind: 'info',
      text: t('import.done', { name: person.name.trim() || s['people.unnamed'] }),
    });
    return null;
  };

  const askConfirm = (kind: Confirm, trigger: EventTarget | null) => {
    confirmTrigger.current = trigger as HTMLButtonElement | null;
    setConfirm(kind);
  };
  const closeConfirm = () => {
    setConfirm(null);
    confirmTrigger.current?.focus();
  };
  const doConfirm = () => {
    if (confirm === 'reset') {
      saved.setState(clearTicks);
      say({ id: 'reset', kind: 'info', text: s['reset.done'] });
      closeConfirm();
    } else if (confirm === 'delete' && personKey) {
      const name = personName;
      const others = saved.savedKeys.filter((k) => k !== personKey);
      saved.remove(personKey);
      setPersonKey(others[0] ?? newPersonKey(Date.now()));
      say({ id: 'deleted', kind: 'info', text: t('delete.done', { name }) });
      closeConfirm();
    }
  };

  const roleOptions = roles.map((r) => ({ value: r.id, label: r.name }));
  const phaseDay = (p: ChecklistView['phases'][number]) =>
    p.dueDate
      ? t('phase.due', { date: p.dueDate, day: p.phase.dueDay })
      : t('phase.dueUnknown', { day: p.phase.dueDay });

  return (
    <div class="tool-root onboarding">
      <Notices notices={notices} onDismiss={dismiss} />

      {shared && (
        <ShareBanner
          text={t('share.banner', { name: personName })}
          closeLabel={s['share.close']}
          onClose={share.close}
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
              onChange={(key) => setPersonKey(key)}
            />
            <button
              type="button"
              class="tool-button tool-button--small"
              disabled={!mounted}
              onClick={() => {
                setPersonKey(newPersonKey(Date.now()));
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
          maxLength={MAX_FIELD_LENGTH}
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
          onChange={(role) => update({ role })}
        />
        <TextField
          id="ob-start"
          label={s['field.startDate']}
          value={state.startDate}
          readOnly={readOnly}
          maxLength={MAX_FIELD_LENGTH}
          error={startError}
          hint={startWarning ? <strong class="ob-warning">{startWarning}</strong> : s['field.startDateHint']}
          onInput={(startDate) => update({ startDate })}
        />
        <TextField
          id="ob-mentor"
          label={s['field.mentor']}
          value={state.mentor}
          readOnly={readOnly}
          maxLength={MAX_FIELD_LENGTH}
          onInput={(mentor) => update({ mentor })}
        />
      </FieldSet>

      {/* The printed sheet has its own totals. */}
      <div class="no-print">
        <LiveResult label={s['progress.label']}>
          <p class="ob-progress-line">
            <strong class="ob-big">
              {s['progress.overall']}：
              {t('progress.value', { done: view.doneCount, total: view.total, percent: view.percent })}
            </strong>{' '}
            <span class={view.overdueCount > 0 ? 'ob-badge ob-badge--overdue' : 'ob-muted'}>
              {view.overdueCount > 0
                ? t('progress.overdue', { n: view.overdueCount })
                : s['progress.noOverdue']}
            </span>
          </p>
          <progress class="ob-bar" max={100} value={view.percent} aria-label={s['progress.overall']} />
          <ul class="ob-phase-progress">
            {view.phases.map((p) => (
              <li key={p.phase.id}>
                {t('progress.phase', { phase: p.phase.name, done: p.doneCount, total: p.items.length })}
              </li>
            ))}
            <li>{t('progress.reading', { read: view.reading.readCount, total: view.reading.total })}</li>
          </ul>
          <p class="tool-how no-print">
            {t('progress.how', { today: today ?? s['progress.howNoToday'] })} {clauseLink('c5-1-1')}。
          </p>
        </LiveResult>
      </div>

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
                    saved.setState((old) => setItemDone(old, it.item.id, done, today ?? todayIso()))
                  }
                />
              ))}
            </ul>
          )}
        </section>
      ))}

      <section class="ob-reading no-print" aria-labelledby="ob-reading-heading">
        <h2 id="ob-reading-heading">{s['reading.heading']}</h2>
        <p>{s['reading.intro']}</p>
        <ol class="ob-reading-list">
          {view.reading.steps.map((step) => (
            <li key={step.slug} class={step.readAt ? 'ob-read' : undefined}>
              <a href={`${base}/${step.slug}/`}>{chapterName(step.slug)}</a>
              {'：'}
              <span class={step.readAt ? 'ob-badge ob-badge--done' : 'ob-muted'}>
                {step.readAt ? t('reading.read', { date: step.readAt }) : s['reading.unread']}
              </span>
            </li>
          ))}
        </ol>
        <p class="tool-hint">{shared ? s['share.readingNote'] : s['reading.note']}</p>
      </section>

      <section class="ob-slip-section" aria-labelledby="ob-slip-heading">
        <h2 id="ob-slip-heading" class="no-print">
          {s['slip.heading']}
        </h2>
        <p class="no-print">{s['slip.intro']}</p>
        <div class="ob-slip-controls no-print">
          <TextField
            id="ob-ack"
            label={s['field.ackDate']}
            value={state.ackDate}
            readOnly={readOnly}
            maxLength={MAX_FIELD_LENGTH}
            error={ackError}
            hint={s['field.ackDateHint']}
            onInput={(ackDate) => update({ ackDate })}
          />
          <button
            type="button"
            class="tool-button"
            disabled={!mounted}
            onClick={() => setPrintSlip((n) => n + 1)}
          >
            {s['slip.print']}
          </button>
        </div>
        <div
          class={`ob-slip ${printSlip ? 'tool-print-sheet' : 'no-print'}`}
          role="group"
          aria-label={t('slip.title', { title: props.meta.title })}
        >
          <p class="ob-sheet-title">{t('slip.title', { title: props.meta.title })}</p>
          <dl class="ob-slip-facts">
            <dt>{s['field.name']}</dt>
            <dd>{state.name}</dd>
            <dt>{s['field.role']}</dt>
            <dd>{view.role.status === 'ok' ? roleName(state.role) : ''}</dd>
            <dt>{s['field.ackDate']}</dt>
            <dd>{ackPrinted || s['slip.blankDate']}</dd>
            <dt>{s['slip.version']}</dt>
            <dd>
              {t('slip.versionValue', { version: props.meta.version, effective: props.meta.effective })}
            </dd>
            <dt>{s['slip.fingerprint']}</dt>
            <dd>
              <code class="ob-fingerprint">{props.fingerprint}</code>
              <span class="ob-muted">（{s['slip.fingerprintNote']}）</span>
            </dd>
          </dl>
          <p class="ob-statement">{t('slip.statement', { shortTitle: props.meta.shortTitle })}</p>
          <div class="signatures">
            <div>{s['slip.signHire']}</div>
            <div>{s['slip.signManager']}</div>
          </div>
        </div>
      </section>

      {!shared && (
        <div class="ob-reset no-print">
          <button
            type="button"
            class="tool-button"
            disabled={!mounted}
            aria-expanded={confirm === 'reset'}
            onClick={(e) => askConfirm('reset', e.currentTarget)}
          >
            {s['reset.button']}
          </button>{' '}
          <button
            type="button"
            class="tool-button"
            disabled={!mounted}
            aria-expanded={confirm === 'delete'}
            onClick={(e) => askConfirm('delete', e.currentTarget)}
          >
            {s['delete.button']}
          </button>
          {confirm && (
            <div
              class="ob-confirm"
              role="group"
              aria-labelledby="ob-confirm-question"
              ref={confirmRef}
              onKeyDown={(e) => {
                if (e.key === 'Escape') closeConfirm();
              }}
            >
              <p id="ob-confirm-question" tabIndex={-1}>
                {t(confirm === 'reset' ? 'reset.question' : 'delete.question', { name: personName })}
              </p>
              <span class="ob-confirm-buttons">
                <button type="button" class="tool-button tool-button--primary" onClick={doConfirm}>
                  {s[confirm === 'reset' ? 'reset.confirm' : 'delete.confirm']}
                </button>{' '}
                <button type="button" class="tool-button" onClick={closeConfirm}>
                  {s['reset.cancel']}
                </button>
              </span>
            </div>
          )}
        </div>
      )}

      <ExportBar
        fileBase={`${s['tool.fileBase']}-${state.name.trim() || s['people.unnamed']}`}
        getText={text}
        getJson={() => toJsonFile(ONBOARDING_TOOL, ONBOARDING_STATE_VERSION, snapshot())}
        onImport={importFile}
        getShare={() => encodeShare(ONBOARDING_TOOL, ONBOARDING_STATE_VERSION, snapshot())}
      />

      {!printSlip && (
        <div class="tool-print-sheet print-only ob-sheet">
          <h2>{s['print.title']}</h2>
          <p>
            {s['field.name']}：{state.name || '＿＿＿＿'}　{s['field.role']}：
            {view.role.status === 'ok' ? roleName(state.role) : '＿＿＿＿'}　{s['field.startDate']}：
            {start.status === 'ok' ? start.iso : '＿＿＿＿'}　{s['field.mentor']}：
            {state.mentor || '＿＿＿＿'}　{today ? t('print.printedOn', { date: today }) : ''}
          </p>
          <table>
            <thead>
              <tr>
                <th scope="col">{s['print.colPhase']}</th>
                <th scope="col">{s['print.colItem']}</th>
                <th scope="col">{s['print.colOwner']}</th>
                <th scope="col">{s['print.colDue']}</th>
                <th scope="col">{s['print.colDone']}</th>
                <th scope="col">{s['print.colDoneAt']}</th>
                <th scope="col">{s['print.colClause']}</th>
              </tr>
            </thead>
            <tbody>
              {view.phases.flatMap((p) =>
                p.items.map((it) => (
                  <tr key={it.item.id}>
                    <td>{p.phase.name}</td>
                    <td>{it.item.title}</td>
                    <td>{it.item.owner}</td>
                    <td>
                      {p.dueDate ?? ''}
                      {it.overdue ? `（${s['item.overdue']}）` : ''}
                    </td>
                    <td class="ob-tick">{it.done ? '☑' : '☐'}</td>
                    <td>{it.doneAt ?? ''}</td>
                    <td>{clauseLabel(it.item.clause)}</td>
                  </tr>
                )),
              )}
            </tbody>
          </table>
          <p>
            {s['progress.overall']}：
            {t('progress.value', { done: view.doneCount, total: view.total, percent: view.percent })}
            {view.overdueCount > 0 ? `，${t('progress.overdue', { n: view.overdueCount })}` : ''}
          </p>
          <p>
            {s['reading.heading']}：
            {view.reading.steps
              .map(
                (step) =>
                  `${step.readAt ? '☑' : '☐'}${chapterName(step.slug)}${step.readAt ? `（${step.readAt}）` : ''}`,
              )
              .join('　')}
          </p>
          <p class="ob-sheet-policy">
            {t('print.policy', {
              title: props.meta.title,
              version: props.meta.version,
              fingerprint: props.fingerprint,
            })}
          </p>
          <div class="signatures">
            <div>{s['print.signHire']}</div>
            <div>{s['print.signMentor']}</div>
            <div>{s['print.signManager']}</div>
          </div>
        </div>
      )}
    </div>
  );
}

interface ItemRowProps {
  it: ChecklistItem;
  s: OnboardingStrings;
  t: (key: keyof OnboardingStrings, values?: Record<string, string | number>) => string;
  readOnly: boolean;
  clauseLink: (id: string) => JSX.Element;
  onToggle: (done: boolean) => void;
}

function ItemRow({ it, s, t, readOnly, clauseLink, onToggle }: ItemRowProps) {
  const id = `ob-item-${it.item.id}`;
  const cls = it.done ? 'ob-item ob-item--done' : it.overdue ? 'ob-item ob-item--overdue' : 'ob-item';
  return (
    <li class={cls}>
      <input
        type="checkbox"
        id={id}
        checked={it.done}
        disabled={readOnly}
        aria-describedby={`${id}-meta`}
        onChange={(e) => onToggle((e.currentTarget as HTMLInputElement).checked)}
      />
      <span class="ob-item-body">
        <label for={id}>{it.item.title}</label>
        <span class="ob-item-meta" id={`${id}-meta`}>
          {s['item.owner']}
          {it.item.owner} · {s['item.clause']} {clauseLink(it.item.clause)}
          {it.doneAt && <> · {t('item.doneAt', { date: it.doneAt })}</>}
          {it.overdue && (
            <>
              {' '}
              <strong class="ob-badge ob-badge--overdue">{s['item.overdue']}</strong>
            </>
          )}
          {it.dueToday && (
            <>
              {' '}
              <strong class="ob-badge ob-badge--today">{s['item.dueToday']}</strong>
            </>
          )}
        </span>
      </span>
    </li>
  );
}
