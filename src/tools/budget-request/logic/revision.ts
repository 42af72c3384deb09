/**
 * The revision of a 预算申请单 an approver decides on, and its fingerprint (core/fingerprint): any
 * edit changes it, decisions do not. Its own module so the page loads the hashing code only when a
 * fingerprint is shown or printed, never with the form.
 */
import { fingerprintOf } from '../../../core/fingerprint';
export { shortFingerprint } from '../../../core/fingerprint';
import { BUDGET_REQUEST_TOOL, type BudgetRequestDraft } from './state';

/** What an approver decides on: the request as written, with its id and revision (not the decisions, nor 已完成). */
export function revisionContent(draft: BudgetRequestDraft) {
  const { approvals: _approvals, history: _history, complete: _complete, ...content } = draft;
  return content;
}

/** Fingerprint of the revision: any edit (or a new revision) changes it; decisions do not. */
export function revisionFingerprint(draft: BudgetRequestDraft): Promise<string> {
  return fingerprintOf({ tool: BUDGET_REQUEST_TOOL, request: revisionContent(draft) });
}
