// 预算申请单 island (六（一）（二）): drafts, header, category fields, line items, totals with 大写,
// budget position, approval chain, expected return, print / CSV / text / JSON / share.
// Thin: the parameters and strings come in as props, ../logic computes.
// Includes src/styles/tools.css (see the note at the top of budget-request.css).
import './budget-request.css';
import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { BudgetRequestStrings } from './strings';
import {
  createLineDeriver,
  deriveRequest,
  fieldTarget,
  isComplete,
  type BudgetRequestResult,
} from '../logic/derive';
import { approvalRulesText, requestCsv, requestText } from '../logic/export';
import { formatPercent } from '../logic/format';
import {
  BUDGET_REQUEST_TOOL as TOOL,
  BUDGET_REQUEST_VERSION as VERSION,
  MAX_LONG,
  MAX_SHORT,
  addLine,
  blankDraft,
  draftSchema,
  duplicateDraft,
  isUntouched,
  moveLine,
  newId,
  removeLine,
  updateLine,
  type BudgetRequestDraft,
} from '../logic/state';
import { clauseShortLabel } from '../../../core/clause';
import { clauseUrlPath } from '../../../core/clause-ref';
import { parseJsonFile, toJsonFile } from '../../../core/json-file';
import { formatYuan, formatYuanPlain, type Fen } from '../../../core/money';
import type { BudgetPolicy } from '../../../core/policy-types';
import { encodeShare } from '../../../core/share-link';
import { todayIso } from '../../kit/ui/dom';
import { ExportBar } from '../../kit/ui/ExportBar';
import { FieldSet, SelectField, TextAreaField, TextField } from '../../kit/ui/Field';
import { LiveResult, Notices, type Notice } from '../../kit/ui/Notices';
import { useSavedState } from '../../kit/ui/use-saved-state';
import { useShareView } from '../../kit/ui/use-share-view';
import { downloadText } from '../../kit/ui/dom';
import { ClauseA, Fill, OverBudget, focusTarget, inputId, type ToolContext } from './common';
import { LineItems, type LineField } from './LineItems';
import { PrintSheet } from './PrintSheet';
import { fill } from '../../../core/template';

export interface BudgetRequestProps {
  policy: BudgetPolicy;
  strings: BudgetRequestStrings;
  /** import.meta.env.BASE_URL without the trailing slash. */
  base: string;
  clauseTitles: Record<string, string>;
}

interface DraftSummary {
  key: string;
  name: string;
  date: string;
  totalFen: Fen | null;
  complete: boolean;
  saved: boolean;
}

/** Most missing items listed by name; the rest are counted. */
const MISSING_LISTED = 12;

export default function BudgetRequest(props: BudgetRequestProps) {
  const ctx: ToolContext = useMemo(
    () => ({
      t: props.strings,
      base: props.base,
      clauseTitles: props.clauseTitles,
      policy: props.policy,
    }),
    [],
  );
  const { t, policy } = ctx;
  const defaults = { department: t['default.department'], fiscalYear: policy.fiscalYear };

  const [key, setKey] = useState<string | null>(null);
  // On the server (key null) the blank form is deterministic; in the browser it gets today's date.
  const initial = useCallback(
    (k: string | null) =>
      blankDraft({
        ...defaults,
        date: k === null ? '' : todayIso(),
        firstLineId: k === null ? 'l0' : newId('l'),
      }),
    [],
  );
  const saved = useSavedState<BudgetRequestDraft>({
    namespace: TOOL,
    version: VERSION,
    schema: draftSchema,
    key,
    initial,
  });
  const { state: draft, store } = saved;
  const share = useShareView(TOOL, VERSION, draftSchema);

  const [notices, setNotices] = useState<Notice[]>([]);
  const [showEmpty, setShowEmpty] = useState(false);
  const [blockedMessage, setBlockedMessage] = useState('');
  const [confirming, setConfirming] = useState<string | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const pending = useRef(false);

  const addNotice = (n: Notice) => setNotices((list) => [...list.filter((x) => x.id !== n.id), n]);
  const announce = (text: string) => setAnnouncement(text);

  // Edits mark the draft as not yet saved until the hook reports a save.
  const { setState } = saved;
  const update = useCallback(
    (fn: (d: BudgetRequestDraft) => BudgetRequestDraft) => {
      pending.current = true;
      setState(fn);
    },
    [setState],
  );
  useEffect(() => {
    pending.current = false;
  }, [saved.savedAt]);

  // Open the most recently saved draft; report (and set aside) any that cannot be read.
  useEffect(() => {
    let latest: { k: string; at: string } | null = null;
    const backups: NonNullable<Notice['actions']>[number][] = [];
    let unsaved: string | null = null;
    for (const k of store.list()) {
      const r = store.load(k);
      if (r.status === 'ok' || r.status === 'recovered') {
        if (!latest || r.savedAt > latest.at) latest = { k, at: r.savedAt };
      } else if (r.status === 'damaged') {
        const backupKey = r.backupKey;
        if (backupKey) {
          // The copy is kept under its backup key (offered below); the slot is freed.
          store.remove(k);
          backups.push({
            label: t['drafts.downloadDamaged'],
            onClick: () =>
              downloadText(
                `${k}-备份.json`,
                store.readBackup(backupKey) ?? '',
                'application/json;charset=utf-8',
              ),
          });
        } else {
          unsaved = r.note; // storage full: left in place, listed as unreadable
        }
      }
    }
    if (backups.length > 0) {
      addNotice({
        id: 'damaged-drafts',
        kind: 'warning',
        text: fill(t['drafts.damaged'], { n: backups.length }),
        actions: backups,
      });
    }
    if (unsaved) addNotice({ id: 'damaged-unsaved', kind: 'error', text: unsaved });
    setKey(latest?.k ?? newId('d'));
  }, [store]);

  const lineOf = useMemo(() => createLineDeriver(t), []);
  const result = useMemo(() => deriveRequest(draft, policy, t, lineOf), [draft]);
  const complete = isComplete(draft, result);
  const missingTargets = useMemo(() => new Set(result.missing.map((m) => m.target)), [result]);
  const err = (target: string, specific: string | null | undefined) =>
    specific ?? (showEmpty && missingTargets.has(target) ? t['error.required'] : null);

  // ---- drafts ------------------------------------------------------------------------------
  const conflict = saved.notices.some((n) => n.id === 'conflict');
  // Saves the open draft now (before switching), unless it never held anything worth keeping.
  const flush = () => {
    const worthKeeping = saved.savedKeys.includes(key ?? '') || !isUntouched(draft, defaults);
    if (key !== null && pending.current && !conflict && worthKeeping) store.save(key, draft);
    pending.current = false;
  };
  const switchTo = (k: string) => {
    flush();
    setShowEmpty(false);
    setBlockedMessage('');
    setConfirming(null);
    setKey(k);
  };
  const nameOf = (d: BudgetRequestDraft) => d.project.trim() || t['tool.unnamed'];

  const keysSignature = saved.savedKeys.join('|');
  const otherSummaries = useMemo(() => {
    const out = new Map<string, DraftSummary | null>();
    for (const k of saved.savedKeys) {
      if (k === key) continue;
      const r = store.load(k);
      if (r.status !== 'ok' && r.status !== 'recovered') {
        out.set(k, null);
        continue;
      }
      let totalFen: Fen | null = null;
      let done = false;
      try {
        const res = deriveRequest(r.data, policy, t);
        totalFen = res.totalFen;
        done = isComplete(r.data, res);
      } catch {
        totalFen = null;
      }
      out.set(k, { key: k, name: nameOf(r.data), date: r.data.date, totalFen, complete: done, saved: true });
    }
    return out;
  }, [keysSignature, key]);

  const summaries: (DraftSummary | { key: string; broken: true })[] = [];
  const keys = [...new Set([...saved.savedKeys, ...(key !== null ? [key] : [])])].sort().reverse();
  // Before the browser has picked the draft (and on the server), the blank form is listed as the
  // current draft, so the list keeps its height when the real row appears (no layout shift).
  if (key === null)
    summaries.push({
      key: '',
      name: nameOf(draft),
      date: '',
      totalFen: result.totalFen,
      complete,
      saved: false,
    });
  for (const k of keys) {
    if (k === key) {
      summaries.push({
        key: k,
        name: nameOf(draft),
        date: draft.date,
        totalFen: result.totalFen,
        complete,
        saved: saved.savedKeys.includes(k),
      });
    } else {
      const s = otherSummaries.get(k);
      summaries.push(s ?? { key: k, broken: true });
    }
  }

  const loadData = (k: string): BudgetRequestDraft | null => {
    if (k === key) return draft;
    const r = store.load(k);
    return r.status === 'ok' || r.status === 'recovered' ? r.data : null;
  };

  const duplicate = (k: string) => {
    const source = loadData(k);
    if (!source) return;
    const copy = duplicateDraft(source, t['drafts.copySuffix'], (i) => `${newId('l')}${i.toString(36)}`);
    const nk = newId('d');
    const res = store.save(nk, copy);
    if (!res.ok) {
      addNotice({ id: 'save-copy', kind: 'error', text: res.error });
      return;
    }
    switchTo(nk);
    announce(fill(t['drafts.duplicated'], { name: nameOf(copy) }));
  };

  const remove = (k: string) => {
    const name = summaries.find((s) => s.key === k && !('broken' in s)) as DraftSummary | undefined;
    saved.remove(k);
    setConfirming(null);
    if (k === key) {
      const next = store.list().sort().reverse()[0];
      pending.current = false;
      switchTo(next ?? newId('d'));
    }
    announce(fill(t['drafts.deleted'], { name: name?.name ?? k }));
    requestAnimationFrame(() => document.getElementById('br-new-draft')?.focus());
  };

  // ---- edits -------------------------------------------------------------------------------
  const set = <K extends keyof BudgetRequestDraft>(field: K, value: BudgetRequestDraft[K]) =>
    update((d) => ({ ...d, [field]: value }));

  const onField = useCallback(
    (lineId: string, field: LineField, value: string) => update((d) => updateLine(d, lineId, field, value)),
    [update],
  );
  const onMove = useCallback(
    (lineId: string, by: -1 | 1) => {
      update((d) => moveLine(d, lineId, by));
      // The row moved: keep focus on its button (or the other one at either end).
      requestAnimationFrame(() => {
        const own = document.getElementById(
          `br-line-${lineId}-${by < 0 ? 'up' : 'down'}`,
        ) as HTMLButtonElement | null;
        const other = document.getElementById(`br-line-${lineId}-${by < 0 ? 'down' : 'up'}`);
        (own && !own.disabled ? own : other)?.focus();
      });
    },
    [update],
  );
  const linesRef = useRef(draft.lines);
  linesRef.current = draft.lines;
  const onRemove = useCallback(
    (lineId: string) => {
      const lines = linesRef.current;
      const i = lines.findIndex((l) => l.id === lineId);
      const neighbour = lines[i + 1] ?? lines[i - 1];
      update((d) => removeLine(d, lineId));
      focusTarget(neighbour ? fieldTarget('line', neighbour.id, 'description') : 'add-line');
    },
    [update],
  );
  const onAdd = () => {
    const id = newId('l');
    update((d) => addLine(d, id));
    focusTarget(fieldTarget('line', id, 'description'));
  };

  const markComplete = () => {
    if (result.missing.length > 0) {
      setShowEmpty(true);
      setBlockedMessage(fill(t['complete.blocked'], { n: result.missing.length }));
      requestAnimationFrame(() => document.getElementById('br-missing')?.focus());
      return;
    }
    setBlockedMessage('');
    update((d) => ({ ...d, complete: true }));
  };

  // ---- exports -----------------------------------------------------------------------------
  const clauseRef = (id: string) =>
    `${clauseShortLabel(id)} ${location.origin}${ctx.base}${clauseUrlPath(id)}`;
  const fileBase = `${t['tool.fileBase']}-${(draft.project.trim() || draft.date || key || '')
    .replace(/[\\/:*?"<>|\s]+/g, '_')
    .slice(0, 40)}`;
  const onImport = (text: string): string | null => {
    const r = parseJsonFile(text, TOOL, VERSION, draftSchema);
    if (!r.ok) return r.error;
    const nk = newId('d');
    const res = store.save(nk, r.state);
    if (!res.ok) return res.error;
    switchTo(nk);
    announce(fill(t['drafts.imported'], { name: nameOf(r.state) }));
    return null;
  };

  // ---- shared link -------------------------------------------------------------------------
  useEffect(() => {
    if (share.view.status === 'error') {
      addNotice({
        id: 'share-error',
        kind: 'error',
        text: fill(t['share.error'], { error: share.view.error }),
      });
    } else setNotices((list) => list.filter((n) => n.id !== 'share-error'));
  }, [share.view]);

  const allNotices = [...notices, ...saved.notices];
  const dismiss = (id: string) => {
    if (id === 'share-error') share.close();
    setNotices((list) => list.filter((n) => n.id !== id));
    saved.dismiss(id);
  };

  if (share.view.status === 'shared') {
    const shared = share.view.state;
    const sharedResult = deriveRequest(shared, policy, t);
    const saveShared = () => {
      const nk = newId('d');
      const res = store.save(nk, shared);
      if (!res.ok) {
        addNotice({ id: 'save-shared', kind: 'error', text: res.error });
        return;
      }
      share.close();
      switchTo(nk);
      announce(fill(t['drafts.imported'], { name: nameOf(shared) }));
    };
    return (
      <div class="tool-root br-app">
        <Notices notices={allNotices} onDismiss={dismiss} />
        <div class="tool-readonly-banner no-print" role="status">
          <p>{t['share.banner']}</p>
          <div class="tool-export-buttons">
            <button type="button" class="tool-button tool-button--primary" onClick={saveShared}>
              {t['share.saveAsDraft']}
            </button>
            <button type="button" class="tool-button" onClick={() => window.print()}>
              打印 / 存为 PDF
            </button>
            <button type="button" class="tool-button" onClick={share.close}>
              {t['share.close']}
            </button>
          </div>
        </div>
        <PrintSheet
          draft={shared}
          result={sharedResult}
          complete={isComplete(shared, sharedResult)}
          ctx={ctx}
          screen
        />
      </div>
    );
  }

  const { category } = result;
  const categoryOptions = policy.categories.map((c) => ({ value: c.id, label: c.name }));
  const missingShown = result.missing.slice(0, MISSING_LISTED);

  return (
    <div class="tool-root br-app" data-current-draft={key ?? undefined}>
      <Notices notices={allNotices} onDismiss={dismiss} />

      <section class="br-drafts no-print" aria-labelledby="br-drafts-heading">
        <h2 id="br-drafts-heading">{t['drafts.heading']}</h2>
        <p class="tool-hint">{t['drafts.hint']}</p>
        <ul class="br-draft-list">
          {summaries.map((s) => {
            if ('broken' in s) {
              return (
                <li key={s.key}>
                  <span class="br-draft-name">{t['drafts.brokenRow']}</span>
                  <span class="br-draft-actions">
                    <button
                      type="button"
                      class="tool-button tool-button--small"
                      onClick={() => remove(s.key)}
                    >
                      {t['drafts.delete']}
                    </button>
                  </span>
                </li>
              );
            }
            const current = s.key === key || s.key === '';
            return (
              <li key={s.key} aria-current={current ? 'true' : undefined} data-draft={s.key}>
                <span class="br-draft-name">{s.name}</span>
                <span class="br-draft-meta">
                  {s.date || (
                    <span class="br-date-pending" aria-hidden="true">
                      0000-00-00
                    </span>
                  )}{' '}
                  · {s.totalFen !== null ? fill(t['drafts.total'], { amount: formatYuan(s.totalFen) }) : ''} ·{' '}
                  {current && !s.saved
                    ? t['drafts.unsaved']
                    : s.complete
                      ? t['drafts.status.complete']
                      : t['drafts.status.draft']}
                  {current && ` · ${t['drafts.current']}`}
                </span>
                <span class="br-draft-actions">
                  {!current && (
                    <button
                      type="button"
                      class="tool-button tool-button--small"
                      aria-label={fill(t['drafts.openLabel'], { name: s.name })}
                      onClick={() => switchTo(s.key)}
                    >
                      {t['drafts.open']}
                    </button>
                  )}
                  <button
                    type="button"
                    class="tool-button tool-button--small"
                    aria-label={fill(t['drafts.duplicateLabel'], { name: s.name })}
                    onClick={() => duplicate(s.key)}
                  >
                    {t['drafts.duplicate']}
                  </button>
                  {s.saved && (
                    <button
                      type="button"
                      class="tool-button tool-button--small"
                      aria-label={fill(t['drafts.deleteLabel'], { name: s.name })}
                      aria-expanded={confirming === s.key}
                      onClick={() => {
                        setConfirming(s.key);
                        requestAnimationFrame(() => document.getElementById('br-confirm-delete')?.focus());
                      }}
                    >
                      {t['drafts.delete']}
                    </button>
                  )}
                </span>
                {confirming === s.key && (
                  <span class="br-confirm" role="group" aria-label={t['drafts.delete']}>
                    <span>{fill(t['drafts.confirmQuestion'], { name: s.name })}</span>
                    <button
                      type="button"
                      id="br-confirm-delete"
                      class="tool-button tool-button--small"
                      onClick={() => remove(s.key)}
                    >
                      {t['drafts.confirmDelete']}
                    </button>
                    <button
                      type="button"
                      class="tool-button tool-button--small"
                      onClick={() => setConfirming(null)}
                    >
                      {t['drafts.cancel']}
                    </button>
                  </span>
                )}
              </li>
            );
          })}
        </ul>
        <div class="tool-export-buttons">
          <button type="button" id="br-new-draft" class="tool-button" onClick={() => switchTo(newId('d'))}>
            {t['drafts.new']}
          </button>
        </div>
        <p role="status" class="tool-export-status">
          {announcement}
        </p>
      </section>

      <form class="tool-root no-print" onSubmit={(e) => e.preventDefault()} aria-label={t['tool.title']}>
        <FieldSet legend={t['header.legend']}>
          <TextField
            id={inputId('department')}
            label={t['field.department']}
            value={draft.department}
            maxLength={MAX_SHORT}
            error={err('department', null)}
            onInput={(v) => set('department', v)}
          />
          <TextField
            id={inputId('applicant')}
            label={t['field.applicant']}
            value={draft.applicant}
            maxLength={MAX_SHORT}
            error={err('applicant', null)}
            onInput={(v) => set('applicant', v)}
          />
          <TextField
            id={inputId('date')}
            type="date"
            label={t['field.date']}
            value={draft.date}
            error={err('date', result.dateError)}
            onInput={(v) => set('date', v)}
          />
          <TextField
            id={inputId('fiscalYear')}
            label={t['field.year']}
            value={draft.fiscalYear}
            inputMode="numeric"
            maxLength={MAX_SHORT}
            error={err('fiscalYear', result.fiscalYearError)}
            onInput={(v) => set('fiscalYear', v)}
          />
          <TextField
            id={inputId('project')}
            class="tool-field--wide"
            label={t['field.project']}
            value={draft.project}
            maxLength={MAX_SHORT}
            error={err('project', null)}
            onInput={(v) => set('project', v)}
          />
          <SelectField
            id={inputId('category')}
            label={t['field.category']}
            value={draft.category}
            placeholder={t['field.categoryPlaceholder']}
            options={categoryOptions}
            error={err('category', null)}
            // A new category brings its own annual budget from the parameters.
            onChange={(v) => update((d) => ({ ...d, category: v, annualBudget: null }))}
          />
          <TextAreaField
            id={inputId('purpose')}
            class="tool-field--wide"
            label={t['field.purpose']}
            value={draft.purpose}
            maxLength={MAX_LONG}
            hint={
              <Fill
                template={t['field.purposeHint']}
                parts={{ clause: <ClauseA id={policy.clauses.categories} ctx={ctx} /> }}
              />
            }
            error={err('purpose', null)}
            onInput={(v) => set('purpose', v)}
          />
        </FieldSet>

        {category && category.requestFields.length > 0 && (
          <FieldSet legend={fill(t['required.legend'], { category: category.name })}>
            {category.requestFields.map((f) => {
              const target = fieldTarget('field', f.id);
              return (
                <TextAreaField
                  key={f.id}
                  id={inputId(target)}
                  class="tool-field--wide"
                  rows={2}
                  label={f.label}
                  value={draft.fields[f.id] ?? ''}
                  maxLength={MAX_LONG}
                  hint={
                    <Fill
                      template={t['required.hint']}
                      parts={{ clause: <ClauseA id={f.clause} ctx={ctx} /> }}
                    />
                  }
                  error={err(target, null)}
                  onInput={(v) => update((d) => ({ ...d, fields: { ...d.fields, [f.id]: v } }))}
                />
              );
            })}
          </FieldSet>
        )}

        <LineItems
          lines={draft.lines}
          results={result.lines}
          showEmpty={showEmpty}
          subcategories={category?.subcategories ?? []}
          t={t}
          onField={onField}
          onMove={onMove}
          onRemove={onRemove}
          onAdd={onAdd}
          addError={showEmpty && missingTargets.has('add-line') ? t['complete.noLines'] : null}
        />

        <FieldSet legend={t['budget.legend']}>
          {category ? (
            <div class="tool-field">
              <TextField
                id={inputId('annualBudget')}
                label={fill(t['budget.annual'], { category: category.name })}
                value={draft.annualBudget ?? formatYuanPlain(result.annualFromParamsFen ?? (0 as Fen))}
                inputMode="decimal"
                unit="元"
                maxLength={MAX_SHORT}
                hint={fill(t['budget.annualHint'], {
                  amount: formatYuan(result.annualFromParamsFen ?? (0 as Fen)),
                })}
                error={result.annualError}
                onInput={(v) => set('annualBudget', v)}
              />
              {draft.annualBudget !== null && (
                <button
                  type="button"
                  class="tool-button tool-button--small"
                  onClick={() => set('annualBudget', null)}
                >
                  {t['budget.annualReset']}
                </button>
              )}
            </div>
          ) : (
            <p class="tool-hint">{t['budget.pickCategory']}</p>
          )}
          <TextField
            id={inputId('used')}
            label={t['budget.used']}
            value={draft.used}
            inputMode="decimal"
            unit="元"
            maxLength={MAX_SHORT}
            hint={t['budget.usedHint']}
            error={result.usedError}
            onInput={(v) => set('used', v)}
          />
        </FieldSet>

        {result.expected && (
          <FieldSet legend={t['expected.legend']}>
            <p class="tool-hint tool-field--wide">
              <Fill
                template={t['expected.hint']}
                parts={{ clause: <ClauseA id={policy.clauses.expectedReturn} ctx={ctx} /> }}
              />
            </p>
            <TextField
              id={inputId('participants')}
              label={t['expected.participants']}
              value={draft.expected.participants}
              inputMode="numeric"
              unit="人"
              maxLength={MAX_SHORT}
              error={result.expected.participantsError}
              onInput={(v) => update((d) => ({ ...d, expected: { ...d.expected, participants: v } }))}
            />
            <TextField
              id={inputId('conversions')}
              label={t['expected.conversions']}
              value={draft.expected.conversions}
              inputMode="numeric"
              unit="人"
              maxLength={MAX_SHORT}
              error={result.expected.conversionsError}
              onInput={(v) => update((d) => ({ ...d, expected: { ...d.expected, conversions: v } }))}
            />
            <TextField
              id={inputId('pricePerCustomer')}
              label={t['expected.price']}
              value={draft.expected.pricePerCustomer}
              inputMode="decimal"
              unit="元"
              maxLength={MAX_SHORT}
              error={result.expected.priceError}
              onInput={(v) => update((d) => ({ ...d, expected: { ...d.expected, pricePerCustomer: v } }))}
            />
          </FieldSet>
        )}
      </form>

      <div class="no-print">
        <ResultView result={result} ctx={ctx} />
      </div>

      <section class="br-complete no-print" aria-labelledby="br-complete-heading">
        <h2 id="br-complete-heading">
          {fill(t['complete.status'], {
            status: complete ? t['drafts.status.complete'] : t['drafts.status.draft'],
          })}
        </h2>
        {complete ? (
          <>
            <p>{t['complete.done']}</p>
            <div>
              <button
                type="button"
                class="tool-button"
                onClick={() => update((d) => ({ ...d, complete: false }))}
              >
                {t['complete.undo']}
              </button>
            </div>
          </>
        ) : (
          <>
            {result.missing.length > 0 && (
              <div id="br-missing" tabIndex={-1}>
                <p>{t['complete.missing']}</p>
                <ul class="br-missing">
                  {missingShown.map((m) => (
                    <li key={m.target}>
                      <button type="button" class="br-linklike" onClick={() => focusTarget(m.target)}>
                        {m.label}
                      </button>
                    </li>
                  ))}
                  {result.missing.length > MISSING_LISTED && (
                    <li>{fill(t['complete.more'], { n: result.missing.length })}</li>
                  )}
                </ul>
              </div>
            )}
            <div>
              <button type="button" class="tool-button tool-button--primary" onClick={markComplete}>
                {t['complete.mark']}
              </button>
            </div>
          </>
        )}
        <p role="alert" class="tool-error">
          {!complete && result.missing.length > 0 ? blockedMessage : ''}
        </p>
      </section>

      <ExportBar
        fileBase={fileBase}
        getText={() => requestText(draft, result, policy, t, { clauseRef, complete })}
        getJson={() => toJsonFile(TOOL, VERSION, draft)}
        onImport={onImport}
        getShare={() => encodeShare(TOOL, VERSION, draft)}
        getCsv={() => requestCsv(draft, result, t)}
      />

      <PrintSheet draft={draft} result={result} complete={complete} ctx={ctx} />
    </div>
  );
}

function ResultView({ result, ctx }: { result: BudgetRequestResult; ctx: ToolContext }) {
  const { t, policy } = ctx;
  const { position, expected } = result;
  return (
    <LiveResult label={t['result.label']}>
      <div class="br-result">
        <p>
          {t['result.total']}：<span class="br-total">{formatYuan(result.totalFen)}</span>
        </p>
        <p>
          {t['result.uppercase']}：<span class="br-uppercase">{result.totalUppercase}</span>
        </p>
        <p class="tool-how">
          {fill(t['result.howTotal'], { n: result.countedLines })}
          {result.invalidLines > 0 && ` ${fill(t['result.invalidLines'], { n: result.invalidLines })}`}
        </p>

        <h3>{t['budget.legend']}</h3>
        {position && result.annualFen !== null && result.usedFen !== null ? (
          <>
            <table class="tool-table br-position">
              <tbody>
                <tr>
                  <th scope="row">{t['budget.annualGeneric']}</th>
                  <td class="num">{formatYuan(result.annualFen)}</td>
                </tr>
                <tr>
                  <th scope="row">{t['budget.used']}</th>
                  <td class="num">{formatYuan(result.usedFen)}</td>
                </tr>
                <tr>
                  <th scope="row">{t['budget.available']}</th>
                  <td class="num">{formatYuan(position.availableFen)}</td>
                </tr>
                <tr>
                  <th scope="row">{t['budget.thisRequest']}</th>
                  <td class="num">{formatYuan(result.totalFen)}</td>
                </tr>
                <tr>
                  <th scope="row">{t['budget.remaining']}</th>
                  <td class="num">{formatYuan(position.remainingFen)}</td>
                </tr>
              </tbody>
            </table>
            <p class="tool-how">
              <Fill
                template={t['budget.how']}
                parts={{ clause: <ClauseA id={policy.clauses.categories} ctx={ctx} /> }}
              />
            </p>
            {position.overBudget ? (
              <p class="br-over">
                <OverBudget overByFen={position.overByFen} ctx={ctx} />
              </p>
            ) : (
              <p>{t['budget.within']}</p>
            )}
          </>
        ) : (
          <p class="tool-hint">{t['budget.pickCategory']}</p>
        )}

        <h3>{t['result.chain']}</h3>
        <p>
          {fill(t['result.chainNeeds'], { amount: formatYuan(result.totalFen) })}
          <strong>{result.chain.map((s) => s.approver).join(' → ')}</strong>
        </p>
        <p class="tool-how">
          <Fill
            template={t['result.chainHow']}
            parts={{
              clause: <ClauseA id={policy.clauses.approval} ctx={ctx} />,
              rules: approvalRulesText(policy.approvalSteps, t),
            }}
          />
        </p>

        {expected && (
          <>
            <h3>
              {t['expected.legend']}
              <span class="br-estimate-badge">{t['result.estimate']}</span>
            </h3>
            {expected.estimate ? (
              <>
                <table class="tool-table br-position">
                  <tbody>
                    <tr>
                      <th scope="row">{t['expected.revenue']}</th>
                      <td class="num">{formatYuan(expected.estimate.revenueFen)}</td>
                    </tr>
                    <tr>
                      <th scope="row">{t['expected.rate']}</th>
                      <td class="num">
                        {expected.estimate.conversionRatePercent !== null
                          ? formatPercent(expected.estimate.conversionRatePercent)
                          : t['expected.noParticipants']}
                      </td>
                    </tr>
                    <tr>
                      <th scope="row">{t['expected.roi']}</th>
                      <td class="num">
                        {expected.estimate.roiPercent !== null
                          ? formatPercent(expected.estimate.roiPercent)
                          : t['expected.noCost']}
                      </td>
                    </tr>
                  </tbody>
                </table>
                <p class="tool-how">
                  {t['expected.how']}（<ClauseA id={policy.clauses.expectedReturn} ctx={ctx} />）
                </p>
              </>
            ) : (
              <p class="tool-hint">{t['expected.needAll']}</p>
            )}
          </>
        )}
      </div>
    </LiveResult>
  );
}
