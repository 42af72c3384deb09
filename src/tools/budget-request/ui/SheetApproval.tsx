// The 审批 boxes of the printed 申请单: one per step of the chain (approvalPrint), each with the
// decision recorded for it (审批人, 结论, 意见, 日期) and the line left for the hand signature; the
// revision and its fingerprint, and earlier revisions' decisions, under them.
import { fill } from '../../../core/template';
import type { ApprovalStep } from '../../../core/policy-types';
import { approvalPrint } from '../logic/approval';
import { historyLine } from './ApprovalSteps';
import type { BudgetRequestDraft } from '../logic/state';
import type { BudgetRequestStrings } from './strings';

export function SheetApproval(props: {
  draft: BudgetRequestDraft;
  chain: readonly ApprovalStep[];
  t: BudgetRequestStrings;
  /** revisionFingerprint of the draft, null until known. */
  fingerprint: string | null;
}) {
  const { draft, chain, t } = props;
  const print = approvalPrint(draft, chain, props.fingerprint, t);
  return (
    <>
      <h3>
        {t['print.chain']}（{chain.map((s) => s.approver).join(' → ')}）
      </h3>
      <p class="br-sheet-approval" data-testid="sheet-approval">
        {fill(t['print.approvalLine'], { status: print.statusLabel, revision: print.revisionLine })}
      </p>
      <div class="signatures" data-testid="sheet-signatures">
        <div>
          <span class="br-sheet-sign-role">{t['print.applicantSign']}</span>
          <span>{t['print.sign']}：</span>
          <span>{t['print.signDate']}：</span>
        </div>
        {print.boxes.map((box) => (
          <div key={box.stepId} data-approver={box.approver} data-state={box.state}>
            <span class="br-sheet-sign-role">{box.approver}</span>
            {box.decision && (
              <>
                <span>
                  {t['print.opinion']}：<strong>{box.decisionLabel}</strong>
                  {box.comment !== '' && <span class="br-pre">（{box.comment}）</span>}
                </span>
                <span>
                  {t['print.approver']}：{box.name}
                </span>
              </>
            )}
            <span>{t['print.sign']}：</span>
            <span>
              {t['print.signDate']}：{box.date}
            </span>
          </div>
        ))}
      </div>
      {print.history.length > 0 && (
        <div class="br-sheet-history">
          <p>{t['print.history']}：</p>
          <ul>
            {print.history.map((h) => (
              <li key={h.revision}>{historyLine(h, t)}</li>
            ))}
          </ul>
        </div>
      )}
    </>
  );
}
