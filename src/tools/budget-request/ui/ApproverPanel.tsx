// 审批 for someone who opened a request's share link (六（一）1 费用支出按审批流程审批): the chain for
// this amount with each step's state and the decisions made so far, and, for the step that is next,
// the form that makes the reply. The request itself stays read-only (the sheet above the panel).
import { useState } from 'preact/hooks';
import { formatYuan } from '../../../core/money';
import { shortFingerprint } from '../../../core/fingerprint';
import { fill } from '../../../core/template';
import { todayIso } from '../../kit/ui/dom';
import {
  approvalProgress,
  makeApprovalReply,
  statusLabel,
  type ApprovalReply,
  type DecisionForm as Form,
} from '../logic/approval';
import type { BudgetRequestView } from '../logic/definition';
import type { BudgetRequestDraft } from '../logic/state';
import { ApprovalResult } from './ApprovalResult';
import { ApprovalSteps } from './ApprovalSteps';
import { DecisionForm } from './DecisionForm';
import { TrustNote, type ToolContext } from './common';

export function ApproverPanel(props: {
  draft: BudgetRequestDraft;
  result: BudgetRequestView;
  view: ToolContext;
  fingerprint: string | null;
}) {
  const { draft, result, view } = props;
  const { t } = view;
  const { chain } = result;
  const progress = approvalProgress(draft, chain);
  const { fingerprint } = props;
  const [made, setMade] = useState<{ reply: ApprovalReply; forward: BudgetRequestDraft } | null>(null);
  const [stale, setStale] = useState(false);

  const submit = async (form: Form) => {
    const r = await makeApprovalReply(draft, chain, form, t);
    if (!r.ok) return r.errors;
    setMade({ reply: r.reply, forward: r.forward });
    setStale(false);
    requestAnimationFrame(() => document.getElementById('br-approve-result-heading')?.focus());
    return null;
  };
  // Once decided, the status and the steps show this decision as recorded in the reply (until the
  // form changes): after 市场经理 同意 the request waits for the next step, not for 市场经理.
  const shown = made && !stale ? approvalProgress(made.forward, chain) : progress;
  // The step after the one decided, when the decision lets the chain go on.
  const after =
    made && made.reply.payload.decision.decision === 'approve'
      ? approvalProgress(made.forward, chain).next
      : null;

  return (
    <section class="br-approve no-print" aria-labelledby="br-approve-heading" data-testid="approver-panel">
      <h2 id="br-approve-heading">{t['approve.heading']}</h2>
      <p>
        {fill(t['approve.chain'], {
          amount: formatYuan(result.totalFen),
          chain: chain.map((s) => s.approver).join(' → '),
        })}
      </p>
      <p class="br-approve-status">
        <strong data-testid="approval-status">
          {fill(t['approval.status'], { status: statusLabel(shown.status, t) })}
        </strong>
        {' · '}
        {fill(t['approve.revision'], {
          revision: draft.revision,
          fingerprint: fingerprint === null ? t['approval.print.empty'] : shortFingerprint(fingerprint),
        })}
      </p>
      <ApprovalSteps progress={shown} t={t} />
      {progress.next ? (
        <>
          {!result.complete && <p class="br-warning">{t['approve.notComplete']}</p>}
          <DecisionForm
            key={`${draft.revision}-${progress.next.id}`}
            step={progress.next}
            t={t}
            today={todayIso()}
            onSubmit={submit}
            onChange={() => made && setStale(true)}
          />
        </>
      ) : (
        <p class="br-approve-closed">
          {fill(t['approve.closed'], { status: statusLabel(progress.status, t) })}
        </p>
      )}
      {made && (
        <ApprovalResult
          reply={made.reply}
          forward={made.forward}
          totalFen={result.totalFen}
          nextStep={after}
          stale={stale}
          t={t}
        />
      )}
      <TrustNote t={t} id="br-approve-trust" />
    </section>
  );
}
