// 预算申请单 island (六（一）（二）): drafts, header, category fields, line items, totals with 大写,
// budget position, approval chain, expected return, print / CSV / text / JSON / share, and 审批:
// replies recorded on the draft, an approved draft locked, an edit after a decision a new revision.
// Thin: the parameters and strings come in as props; ../logic computes; the kit saves and shares.
// The print sheet, the fingerprint, replies and a shared request's view load when first needed, so
// the page's first load carries only the form and the 审批 section's own lines.
// Includes the kit's tools.css (see the note at the top of budget-request.css).
import './budget-request.css';
import { useCallback, useMemo, useRef, useState } from 'preact/hooks';
import type { BudgetRequestStrings } from './strings';
import { fieldTarget } from '../logic/derive';
import {
  addLine,
  duplicateDraft,
  moveLine,
  newId,
  removeLine,
  updateLine,
  type BudgetRequestDraft,
} from '../logic/state';
import { budgetContext, budgetRequestTool, draftName, newDraftKey } from '../logic/definition';
import { editRule, prepareEdit, startRevision } from '../logic/approval-status';
import type { BudgetPolicy } from '../../../core/policy-types';
import { fill } from '../../../core/template';
import { ExportBar } from '../../kit/ui/ExportBar';
import { SheetQr, shareLinkOf } from '../../kit/ui/QrCode';
import { printWith, useFirstUse, useOnDemand } from '../../kit/ui/lazy';
import { Notices } from '../../kit/ui/Notices';
import { useTool } from '../../kit/ui/use-tool';
import { focusTarget, type ToolContext } from './common';
import { CompleteSection } from './CompleteSection';
import { Drafts } from './Drafts';
import type { LineField } from './LineItems';
import { RequestForm } from './RequestForm';
import { ResultView } from './ResultView';
import { ApprovalSection, LockBanner } from './ApprovalSection';
import { ApproveFile } from './ApproveFile';
import { ReplyPicker } from '../../kit/ui/ReceiveBox';
import { useRevisionFingerprint } from './use-fingerprint';
import { useFragment, useReplyIntake } from './use-reply-intake';

export interface BudgetRequestProps {
  policy: BudgetPolicy;
  strings: BudgetRequestStrings;
  /** BASE_PATH of src/site/base-path.ts ('' at the root). */
  base: string;
  clauseTitles: Record<string, string>;
  /** Texts of the clauses the tool quotes, by id (from the chapter pages). */
  clauseTexts: Record<string, string>;
}

export default function BudgetRequest(props: BudgetRequestProps) {
  const view: ToolContext = useMemo(
    () => ({
      t: props.strings,
      base: props.base,
      clauseTitles: props.clauseTitles,
      clauseTexts: props.clauseTexts,
      policy: props.policy,
    }),
    [],
  );
  const { t, policy } = view;
  const ctx = useMemo(
    () => budgetContext(policy, t, typeof location === 'undefined' ? '' : location.origin + props.base),
    [],
  );
  const tool = useTool(budgetRequestTool, ctx, {
    csv: true,
    onImported: (_state, label) => announce(fill(t['drafts.imported'], { name: label })),
  });
  const { state: draft, result, key } = tool;

  const [showEmpty, setShowEmpty] = useState(false);
  const [announcement, setAnnouncement] = useState('');
  const announce = (text: string) => setAnnouncement(text);
  const rawUpdate = tool.edit as (fn: (d: BudgetRequestDraft) => BudgetRequestDraft) => void;
  const missingTargets = useMemo(() => new Set(result.missing.map((m) => m.target)), [result]);

  // ---- loaded on first use: the print sheet once the reader has done anything, or at once for
  // a draft with work in it (Ctrl+P); a shared request's view when a link or file brings one ----
  const firstUse = useFirstUse();
  const hasWork = !budgetRequestTool.isBlank!(draft, ctx) || draft.approvals.length > 0;
  const sheet = useOnDemand(() => import('./PrintSheet'), firstUse || hasWork);
  const [sectionNear, setSectionNear] = useState(false);
  const fingerprint = useRevisionFingerprint(draft, firstUse || hasWork || sectionNear);
  const fragment = useFragment();
  const sharedView = useOnDemand(
    () => import('./SharedRequest'),
    tool.shared !== null || fragment.text !== '',
  );
  const print = () => void printWith({ need: () => Promise.all([sheet.need(), fingerprint.need()]) });

  // ---- 审批 (六（一）1): what an edit does now ----
  const rule = editRule(draft, result.chain);
  const ruleRef = useRef({ rule, revision: draft.revision });
  ruleRef.current = { rule, revision: draft.revision };
  const sayRevision = (previous: number) =>
    tool.say({
      id: 'new-revision',
      kind: 'info',
      text: fill(t['approval.newRevision'], { revision: previous + 1, previous }),
    });
  /** Every edit of the form: refused while approved; after any decision it starts a new revision. */
  const update = useCallback(
    (fn: (d: BudgetRequestDraft) => BudgetRequestDraft) => {
      const { rule: now, revision } = ruleRef.current;
      if (now === 'locked') return;
      rawUpdate((d) => fn(prepareEdit(d).draft));
      if (now === 'new-revision') sayRevision(revision);
    },
    [rawUpdate],
  );
  const onStartRevision = () => {
    const previous = draft.revision;
    rawUpdate(startRevision);
    sayRevision(previous);
    focusTarget('applicant');
  };
  const intake = useReplyIntake({
    ready: tool.ready && !tool.shared,
    fragment,
    entries: tool.entries,
    chainOf: (d) => budgetRequestTool.derive(d, ctx).chain,
    t,
    onApply: (k, next, message) => {
      const error = tool.saveAs(next, k);
      if (!error) tool.say({ id: 'reply-applied', kind: 'info', text: message });
      return error;
    },
  });
  const confirm = (origin: 'link' | 'paste') =>
    intake.incoming?.origin === origin &&
    intake.Confirm && (
      <intake.Confirm
        incoming={intake.incoming}
        t={t}
        onApply={() => void intake.apply()}
        onClose={intake.close}
      />
    );

  // ---- drafts ----
  const switchTo = (k: string) => {
    setShowEmpty(false);
    tool.open(k);
  };
  const duplicate = (k: string) => {
    const source = tool.entries.find((e) => e.key === k)?.state;
    if (!source) return;
    const copy = duplicateDraft(source, t['drafts.copySuffix'], (i) => `${newId('l')}${i.toString(36)}`);
    const error = tool.saveAs(copy, newDraftKey());
    if (error) tool.say({ id: 'save-copy', kind: 'error', text: error });
    else announce(fill(t['drafts.duplicated'], { name: draftName(copy, t) }));
  };
  const remove = (k: string) => {
    tool.remove(k);
    requestAnimationFrame(() => document.getElementById('br-new-draft')?.focus());
  };

  // ---- edits ----
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

  if (tool.shared && !sharedView.mod) {
    // Its code is loading (a link or file brought a request): not the reader's own form meanwhile.
    return (
      <div class="tool-root br-app" {...tool.rootProps}>
        {sharedView.failed ? (
          <p class="tool-error" role="alert">
            {t['tool.codeFailed']}
          </p>
        ) : (
          <p class="tool-loading">{t['share.loading']}</p>
        )}
        <button type="button" class="tool-button" onClick={tool.closeShare}>
          {t['share.close']}
        </button>
      </div>
    );
  }
  if (tool.shared && sharedView.mod) {
    const { SharedRequest } = sharedView.mod;
    return (
      <SharedRequest
        key={tool.viewKey}
        draft={tool.shared}
        view={view}
        notices={tool.notices}
        onDismiss={tool.dismiss}
        onSave={() => {
          const shared = tool.shared!;
          const error = tool.saveAs(shared, newDraftKey());
          if (error) tool.say({ id: 'save-shared', kind: 'error', text: error });
          else announce(fill(t['drafts.imported'], { name: draftName(shared, t) }));
        }}
        onClose={tool.closeShare}
        link={() => shareLinkOf(tool.exports)}
        rootProps={tool.rootProps}
      />
    );
  }

  return (
    <div class="tool-root br-app" data-current-draft={key ?? undefined} {...tool.rootProps}>
      <Notices notices={tool.notices} onDismiss={tool.dismiss} />
      {confirm('link')}
      <Drafts
        entries={tool.entries}
        placeholderName={key === null ? draftName(draft, t) : null}
        t={t}
        ctx={ctx}
        announcement={announcement}
        onOpen={switchTo}
        onDelete={remove}
        onDuplicate={duplicate}
        onNew={() => switchTo(newDraftKey())}
        onSaid={announce}
      />
      {rule === 'locked' && <LockBanner draft={draft} t={t} onStartRevision={onStartRevision} />}
      <RequestForm
        draft={draft}
        result={result}
        ctx={view}
        showEmpty={showEmpty}
        missingTargets={missingTargets}
        update={update}
        onField={onField}
        onMove={onMove}
        onRemove={onRemove}
        onAdd={onAdd}
        conflictAt={tool.conflictAt}
        locked={rule === 'locked' || tool.readOnly}
      />
      <div class="no-print">
        <ResultView result={result} ctx={view} />
      </div>
      {draft.approvals.length === 0 && (
        <CompleteSection
          key={key}
          result={result}
          ctx={view}
          onShowEmpty={() => setShowEmpty(true)}
          onComplete={(complete) => update((d) => ({ ...d, complete }))}
        />
      )}
      <ApprovalSection
        draft={draft}
        result={result}
        t={t}
        fingerprint={fingerprint.short}
        onNear={() => setSectionNear(true)}
      >
        {confirm('paste')}
        {intake.failed && (
          <p class="tool-error" role="alert">
            {t['tool.codeFailed']}
          </p>
        )}
        <ReplyPicker
          id="br-reply"
          class="br-reply-open"
          disabled={tool.readOnly}
          labels={{
            open: t['reply.open'],
            paste: t['reply.paste'],
            read: t['reply.openButton'],
            file: t['reply.file'],
          }}
          onRead={(text) => intake.read(text, 'paste')}
        />
      </ApprovalSection>
      <ApproveFile
        t={t}
        onOpen={tool.viewShared}
        onShow={() => void sharedView.need().catch(() => undefined)}
        disabled={tool.readOnly}
      />
      <ExportBar actions={tool.exports} onPrint={print} />
      {sheet.mod && (
        <sheet.mod.PrintSheet
          draft={draft}
          result={result}
          complete={result.complete}
          ctx={view}
          fingerprint={fingerprint.fingerprint}
          qr={<SheetQr make={() => shareLinkOf(tool.exports)} content={draft} fingerprint={fingerprint.fingerprint} />}
        />
      )}
    </div>
  );
}
