// 审批 on the requester's own draft: status (草稿 / 审批中 / 已批准 / 退回修改 / 不同意), the steps
// with decisions and 意见, what an edit does now (a new revision after any decision), earlier
// revisions, and where a reply is received. LockBanner stands above the form of an approved draft.
import type { ComponentChildren } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { fill } from '../../../core/template';
import { ConfirmStep } from '../../kit/ui/ConfirmStep';
import { approvalProgress, statusLabel } from '../logic/approval-status';
import type { BudgetRequestView } from '../logic/definition';
import type { BudgetRequestDraft } from '../logic/state';
import { ApprovalSteps, historyLine } from './ApprovalSteps';
import { TrustNote } from './common';
import type { BudgetRequestStrings } from './strings';

/** 已批准，已锁定, with 开始新修订 (asked once: the approved revision is closed, the new one needs approval). */
export function LockBanner(props: {
  draft: BudgetRequestDraft;
  t: BudgetRequestStrings;
  onStartRevision: () => void;
}) {
  const { draft, t } = props;
  const [asking, setAsking] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  return (
    <div class="br-lock no-print" role="status" data-testid="lock-banner">
      <p>
        <strong>{t['approval.locked']}</strong>
        <span aria-hidden="true"> · </span>
        {fill(t['approval.revision'], { revision: draft.revision })}
      </p>
      <p>{t['approval.lockedText']}</p>
      {asking ? (
        <ConfirmStep
          id="br-revision-confirm"
          question={fill(t['approval.startRevisionQuestion'], {
            revision: draft.revision + 1,
            current: draft.revision,
          })}
          confirmLabel={t['approval.startRevisionConfirm']}
          cancelLabel={t['approval.cancel']}
          trigger={button.current}
          onConfirm={() => {
            setAsking(false);
            props.onStartRevision();
          }}
          onCancel={() => setAsking(false)}
        />
      ) : (
        <div>
          <button type="button" class="tool-button" ref={button} onClick={() => setAsking(true)}>
            {t['approval.startRevision']}
          </button>
        </div>
      )}
    </div>
  );
}

export function ApprovalSection(props: {
  draft: BudgetRequestDraft;
  result: BudgetRequestView;
  t: BudgetRequestStrings;
  /** The revision's fingerprint as shown (3f2a-91c0), null until known. */
  fingerprint: string | null;
  /** Called once when the section comes near the screen (its fingerprint is worked out then). */
  onNear: () => void;
  /** The reply picker and, for a pasted reply, its confirm step. */
  children: ComponentChildren;
}) {
  const { draft, result, t } = props;
  const { chain } = result;
  const progress = approvalProgress(draft, chain);
  const { status } = progress;
  const { fingerprint } = props;
  const first = chain[0]?.approver ?? '';
  const decided = draft.approvals.length > 0;
  const ref = useRef<HTMLElement>(null);
  const onNear = useRef(props.onNear);
  onNear.current = props.onNear;
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    if (typeof IntersectionObserver === 'undefined') return onNear.current();
    // A screen ahead of the reader's scrolling: the fingerprint is there before the line is seen.
    const seen = new IntersectionObserver(
      (entries) => {
        if (!entries.some((e) => e.isIntersecting)) return;
        seen.disconnect();
        onNear.current();
      },
      { rootMargin: '100% 0px' },
    );
    seen.observe(el);
    return () => seen.disconnect();
  }, []);
  return (
    <section
      ref={ref}
      class="br-approval no-print"
      aria-labelledby="br-approval-heading"
      data-testid="approval-section"
    >
      <h2 id="br-approval-heading">{t['approval.heading']}</h2>
      <p class="br-approve-status">
        <strong data-testid="approval-status">
          {fill(t['approval.status'], { status: statusLabel(status, t) })}
        </strong>
        {' · '}
        {fill(t['approve.revision'], {
          revision: draft.revision,
          fingerprint: fingerprint ?? t['approval.print.empty'],
        })}
      </p>
      {!decided && <p class="tool-hint">{fill(t['approval.howTo'], { first })}</p>}
      <ApprovalSteps progress={progress} t={t} />
      {status.kind === 'returned' && (
        <p class="br-warning" data-testid="approval-note">
          {fill(t['approval.returnedText'], {
            approver: status.by.approver,
            comment: status.by.comment,
            revision: draft.revision + 1,
          })}
        </p>
      )}
      {status.kind === 'rejected' && (
        <p class="br-warning" data-testid="approval-note">
          {fill(t['approval.rejectedText'], { approver: status.by.approver, comment: status.by.comment })}
        </p>
      )}
      {decided && status.kind !== 'approved' && status.kind !== 'returned' && (
        <p class="tool-hint">
          {fill(t['approval.pendingEditText'], { revision: draft.revision + 1, first })}
        </p>
      )}
      {draft.history.some((h) => h.approvals.length > 0) && (
        <details class="br-history">
          <summary>{t['approval.history']}</summary>
          <ul>
            {draft.history
              .filter((h) => h.approvals.length > 0)
              .map((h) => (
                <li key={h.revision}>{historyLine(h, t)}</li>
              ))}
          </ul>
        </details>
      )}
      {props.children}
      <TrustNote t={t} id="br-approval-trust" />
    </section>
  );
}
