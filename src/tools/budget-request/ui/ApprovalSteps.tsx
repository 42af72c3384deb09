// The chain for this amount (市场经理 → 财务部 → 总经理 as budget.yaml sets it), each step with its
// state and, once decided, who decided, when and with what 意见. Shown to approver and requester.
import { fill } from '../../../core/template';
import { decisionLabel, type ApprovalProgress } from '../logic/approval-status';
import type { RevisionRecord } from '../logic/state';
import type { BudgetRequestStrings } from './strings';

export function ApprovalSteps({ progress, t }: { progress: ApprovalProgress; t: BudgetRequestStrings }) {
  return (
    <ol class="br-steps" aria-label={t['approve.stepsLabel']} data-testid="approval-steps">
      {progress.steps.map(({ step, decision, state }) => (
        <li key={step.id} class={`br-step br-step--${state}`} data-step={step.id} data-state={state}>
          <span class="br-step-role">{step.approver}</span>
          <span class="br-step-state">
            {decision ? decisionLabel(decision.decision, t) : t[`approve.state.${state}` as const]}
          </span>
          {decision && (
            <span class="br-step-who">
              {fill(t['approve.decidedBy'], { name: decision.name, date: decision.date })}
            </span>
          )}
          {decision && decision.comment !== '' && <p class="br-step-comment br-pre">{decision.comment}</p>}
        </li>
      ))}
    </ol>
  );
}

/** 第 1 版：市场经理同意（王经理，2026-03-04）；财务部退回修改（…）：请核减 */
export function historyLine(h: RevisionRecord, t: BudgetRequestStrings): string {
  return fill(t['approval.historyLine'], {
    revision: h.revision,
    decisions: h.approvals
      .map((d) =>
        fill(t['approval.historyDecision'], {
          approver: d.approver,
          decision: decisionLabel(d.decision, t),
          name: d.name,
          date: d.date,
          comment: d.comment === '' ? '' : `：${d.comment}`,
        }),
      )
      .join('；'),
  });
}
