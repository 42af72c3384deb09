/**
 * 预算申请单 审批 status (六（一）1): where the chain stands, its labels, and what an edit does to a
 * draft with decisions. Apart from ./approval (replies, fingerprints) because the form needs this on
 * every edit and the drafts list on load, and the rest only once 审批 is used.
 */
import type { ApprovalStep } from '../../../core/policy-types';
import { fill } from '../../../core/template';
import type { ApprovalLabels } from './labels';
import { MAX_HISTORY, type ApprovalDecision, type BudgetRequestDraft, type Decision } from './state';

type Strings = ApprovalLabels;

// ---- where the chain stands --------------------------------------------------------------------

export type StepState = 'approved' | 'returned' | 'rejected' | 'next' | 'waiting' | 'stopped';

export interface StepProgress {
  readonly step: ApprovalStep;
  readonly decision: ApprovalDecision | null;
  /** `next`: awaiting its decision; `waiting`: after the next; `stopped`: after a 退回 or 不同意. */
  readonly state: StepState;
}

export type RequestStatus =
  | { readonly kind: 'draft' }
  | { readonly kind: 'pending'; readonly next: ApprovalStep }
  | { readonly kind: 'approved' }
  | { readonly kind: 'returned'; readonly by: ApprovalDecision }
  | { readonly kind: 'rejected'; readonly by: ApprovalDecision };

export interface ApprovalProgress {
  /** The chain's steps in order, each with its decision. */
  readonly steps: readonly StepProgress[];
  readonly status: RequestStatus;
  /** The step an approver can decide now, or null. */
  readonly next: ApprovalStep | null;
}

const STATE_OF: Record<Decision, StepState> = { approve: 'approved', return: 'returned', reject: 'rejected' };

/**
 * The chain of `chain` (deriveRequest's `chain`) with the draft's decisions. Status: 草稿 until the
 * request is marked complete or has a decision; 审批中 (next step); 已批准 when every step said 同意;
 * 退回修改 / 不同意 as soon as one step said so (the chain stops there).
 */
export function approvalProgress(
  draft: Pick<BudgetRequestDraft, 'approvals' | 'complete'>,
  chain: readonly ApprovalStep[],
): ApprovalProgress {
  let status: RequestStatus | null = null;
  let next: ApprovalStep | null = null;
  const steps = chain.map((step): StepProgress => {
    const decision = draft.approvals.find((d) => d.step === step.id) ?? null;
    if (status !== null) return { step, decision, state: 'stopped' };
    if (next !== null) return { step, decision, state: 'waiting' };
    if (decision === null) {
      next = step;
      return { step, decision, state: 'next' };
    }
    if (decision.decision === 'return') status = { kind: 'returned', by: decision };
    if (decision.decision === 'reject') status = { kind: 'rejected', by: decision };
    return { step, decision, state: STATE_OF[decision.decision] };
  });
  const final: RequestStatus =
    status ??
    (next === null
      ? chain.length > 0
        ? { kind: 'approved' }
        : { kind: 'draft' }
      : draft.approvals.length === 0 && !draft.complete
        ? { kind: 'draft' }
        : { kind: 'pending', next });
  return { steps, status: final, next: final.kind === 'pending' || final.kind === 'draft' ? next : null };
}

/** 草稿 / 审批中（待财务部审批） / 已批准 / 退回修改 / 不同意. */
export function statusLabel(status: RequestStatus, t: Strings): string {
  switch (status.kind) {
    case 'pending':
      return fill(t['approval.status.pending'], { approver: status.next.approver });
    default:
      return t[`approval.status.${status.kind}`];
  }
}

/** 同意 / 退回修改 / 不同意. */
export function decisionLabel(decision: Decision, t: Strings): string {
  return t[`approval.decision.${decision}`];
}

// ---- locking and revisions ---------------------------------------------------------------------

/** Approved by every step of its chain: the request is closed, an edit starts a new revision. */
export function isLocked(
  draft: Pick<BudgetRequestDraft, 'approvals' | 'complete'>,
  chain: readonly ApprovalStep[],
): boolean {
  return approvalProgress(draft, chain).status.kind === 'approved';
}

/**
 * What an edit does to this draft: `free` (no decision yet), `new-revision` (some step decided:
 * the edit starts a new revision, to be approved again), `locked` (approved: ask before
 * starting a new revision). Call it before applying an edit; then use prepareEdit.
 */
export function editRule(
  draft: Pick<BudgetRequestDraft, 'approvals' | 'complete'>,
  chain: readonly ApprovalStep[],
): 'free' | 'new-revision' | 'locked' {
  if (draft.approvals.length === 0) return 'free';
  return isLocked(draft, chain) ? 'locked' : 'new-revision';
}

/**
 * A new revision: number + 1, decisions moved to `history` (the newest MAX_HISTORY kept), not
 * complete (the requester marks the new text complete before sending it again).
 */
export function startRevision(draft: BudgetRequestDraft): BudgetRequestDraft {
  const closed = { revision: draft.revision, approvals: draft.approvals };
  return {
    ...draft,
    revision: draft.revision + 1,
    approvals: [],
    history: [...draft.history, closed].slice(-MAX_HISTORY),
    complete: false,
  };
}

/** The draft an edit is applied to: itself when nothing is decided yet, else a new revision. */
export function prepareEdit(draft: BudgetRequestDraft): {
  readonly draft: BudgetRequestDraft;
  readonly newRevision: boolean;
} {
  return draft.approvals.length === 0
    ? { draft, newRevision: false }
    : { draft: startRevision(draft), newRevision: true };
}
