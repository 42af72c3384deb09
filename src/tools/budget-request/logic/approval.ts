/**
 * 预算申请单 审批 (六（一）1 费用支出按审批流程审批): the chain for the total (approvalChain in ./budget)
 * is walked step by step, 市场经理 → 财务部 → 总经理. An approver opens the request's share link
 * read-only and records a decision for the next step; that makes a reply (core/reply) answering the
 * fingerprint of the revision decided on and carrying the decisions before it. The requester applies
 * the reply to the draft; or the approver forwards the request, decisions included, to the next one.
 * A decision shows what was decided on which text; the signed paper is the record (links can be edited).
 */
import * as v from 'valibot';
import { isoToDayNumber } from '../../../core/calendar-date';
import { shortFingerprint } from '../../../core/fingerprint';
import { plainStrictObject } from '../../../core/json-file';
import type { ApprovalStep } from '../../../core/policy-types';
import { makeReply, readReply, type Reply, type ReplyFormat, type ReplyResult } from '../../../core/reply';
import { fill } from '../../../core/template';
import { countChars, limitedText } from '../../../core/text-limit';
import type { TextSection } from '../../../core/text-export';
import {
  approvalProgress,
  decisionLabel,
  statusLabel,
  type RequestStatus,
  type StepState,
} from './approval-status';
import type { ApprovalLabels } from './labels';
import { revisionFingerprint } from './revision';
import {
  BUDGET_REQUEST_TOOL,
  MAX_COMMENT,
  MAX_SHORT,
  decisionSchema,
  decisionsSchema,
  type ApprovalDecision,
  type BudgetRequestDraft,
  type Decision,
} from './state';

/** `reply` of an approval's envelope. */
export const APPROVAL_REPLY_KIND = 'approval';

type Strings = ApprovalLabels;

// The status and the revision fingerprint live in their own modules (the form loads them alone).
export * from './approval-status';
export { revisionContent, revisionFingerprint } from './revision';

// ---- the approver's side -----------------------------------------------------------------------

/** What the approver fills in. `decision` '' = not chosen yet. */
export interface DecisionForm {
  /** Step id (the approver's role in the chain). */
  readonly step: string;
  readonly name: string;
  readonly decision: Decision | '';
  readonly comment: string;
  /** yyyy-mm-dd (a date input). */
  readonly date: string;
}

export type DecisionField = keyof DecisionForm;
/** Messages beside the fields; empty when the form can be sent. */
export type DecisionFormErrors = Partial<Record<DecisionField, string>>;

export type StepCheck =
  { readonly ok: true; readonly step: ApprovalStep } | { readonly ok: false; readonly error: string };

/** Whether `stepId` can be decided now on this draft: it must be the next step of the chain. */
export function checkStep(
  draft: Pick<BudgetRequestDraft, 'approvals' | 'complete'>,
  chain: readonly ApprovalStep[],
  stepId: string,
  t: Strings,
): StepCheck {
  const progress = approvalProgress(draft, chain);
  const here = progress.steps.find((s) => s.step.id === stepId);
  if (!here) return { ok: false, error: fill(t['approval.error.notNeeded'], { approver: stepId }) };
  const { step } = here;
  if (here.decision !== null)
    return { ok: false, error: fill(t['approval.error.decided'], { approver: step.approver }) };
  if (here.state === 'stopped') {
    return {
      ok: false,
      error: fill(t['approval.error.stopped'], { status: statusLabel(progress.status, t) }),
    };
  }
  if (here.state !== 'next') {
    const before = progress.next?.approver ?? '';
    return { ok: false, error: fill(t['approval.error.order'], { approver: step.approver, before }) };
  }
  return { ok: true, step };
}

/** The form's own errors (the step is checked by checkStep). 意见 is required for 退回修改 and 不同意. */
export function decisionFormErrors(form: DecisionForm, t: Strings): DecisionFormErrors {
  const errors: { -readonly [K in DecisionField]?: string } = {};
  if (form.name.trim() === '' || countChars(form.name) > MAX_SHORT) errors.name = t['approval.error.name'];
  if (form.decision === '') errors.decision = t['approval.error.decision'];
  else if (form.decision !== 'approve' && form.comment.trim() === '')
    errors.comment = t['approval.error.comment'];
  if (countChars(form.comment) > MAX_COMMENT)
    errors.comment = fill(t['approval.error.commentLong'], { max: MAX_COMMENT });
  if (isoToDayNumber(form.date) === null) errors.date = t['approval.error.date'];
  return errors;
}

/** The approval payload: which request and revision, this decision and the ones before it. */
export interface ApprovalPayload {
  readonly requestId: string;
  readonly revision: number;
  /** 项目名称, so the requester can tell which request a reply is for. */
  readonly project: string;
  readonly decision: ApprovalDecision;
  /** Decisions of the earlier steps, in chain order (as the approver's link carried them). */
  readonly earlier: readonly ApprovalDecision[];
}

export const approvalPayloadSchema: v.GenericSchema<unknown, ApprovalPayload> = plainStrictObject({
  requestId: v.pipe(v.string(), v.regex(/^[A-Za-z0-9_-]{1,40}$/)),
  revision: v.pipe(v.number(), v.integer(), v.minValue(1)),
  project: limitedText(MAX_SHORT),
  decision: decisionSchema,
  earlier: decisionsSchema,
});

export type ApprovalReply = Reply<ApprovalPayload>;

export type MakeApprovalResult =
  | {
      readonly ok: true;
      readonly reply: ApprovalReply;
      /** The request with this decision added: share it on to the next approver (转给下一位审批人). */
      readonly forward: BudgetRequestDraft;
    }
  | { readonly ok: false; readonly errors: DecisionFormErrors };

/** The approver's decision → the reply to send back (and the request to forward). `now` for tests. */
export async function makeApprovalReply(
  draft: BudgetRequestDraft,
  chain: readonly ApprovalStep[],
  form: DecisionForm,
  t: Strings,
  now: Date = new Date(),
): Promise<MakeApprovalResult> {
  const errors: { -readonly [K in DecisionField]?: string } = { ...decisionFormErrors(form, t) };
  const check = checkStep(draft, chain, form.step, t);
  if (!check.ok) errors.step = check.error;
  if (!check.ok || Object.keys(errors).length > 0 || form.decision === '') return { ok: false, errors };
  const answers = await revisionFingerprint(draft);
  const decision: ApprovalDecision = {
    step: check.step.id,
    approver: check.step.approver,
    name: form.name.trim(),
    decision: form.decision,
    comment: form.comment.trim(),
    date: form.date,
    answers,
  };
  const payload: ApprovalPayload = {
    requestId: draft.requestId,
    revision: draft.revision,
    project: draft.project,
    decision,
    earlier: draft.approvals,
  };
  const reply = makeReply({ tool: BUDGET_REQUEST_TOOL, answers, kind: APPROVAL_REPLY_KIND, payload }, now);
  return { ok: true, reply, forward: { ...draft, approvals: [...draft.approvals, decision] } };
}

const approvalReplyFormat: ReplyFormat<ApprovalPayload> = {
  tool: BUDGET_REQUEST_TOOL,
  kinds: [APPROVAL_REPLY_KIND],
  payload: approvalPayloadSchema,
};

/** A pasted reply link (whole address or fragment) or a reply file's text → the approval reply. */
export function readApprovalReply(text: string): Promise<ReplyResult<ApprovalPayload>> {
  return readReply(text, approvalReplyFormat);
}

// ---- the requester's side ----------------------------------------------------------------------

export type ApplyResult =
  | {
      readonly ok: true;
      readonly draft: BudgetRequestDraft;
      /** Decisions new to this draft (empty: the reply was already recorded). */
      readonly added: readonly ApprovalDecision[];
      readonly status: RequestStatus;
    }
  | { readonly ok: false; readonly error: string };

function sameDecision(a: ApprovalDecision, b: ApprovalDecision): boolean {
  return (
    a.step === b.step &&
    a.approver === b.approver &&
    a.name === b.name &&
    a.decision === b.decision &&
    a.comment === b.comment &&
    a.date === b.date &&
    a.answers === b.answers
  );
}

/**
 * A received reply → the draft with its decisions. Refused, with the reason: a reply for another
 * request, for another revision or for text changed since (申请单在审批后已修改), decisions of
 * mixed revisions, a step the total does not need, a step out of order or after a 退回 / 不同意, and
 * a decision that differs from one already recorded. `fingerprint` is revisionFingerprint(draft).
 */
export function applyApprovalReply(
  draft: BudgetRequestDraft,
  reply: Pick<ApprovalReply, 'answers' | 'payload'>,
  context: { readonly chain: readonly ApprovalStep[]; readonly fingerprint: string },
  t: Strings,
): ApplyResult {
  const { payload } = reply;
  const { chain } = context;
  const fail = (error: string): ApplyResult => ({ ok: false, error });
  if (payload.requestId !== draft.requestId)
    return fail(fill(t['approval.error.otherRequest'], { project: payload.project }));
  if (payload.revision !== draft.revision) {
    return fail(
      fill(t['approval.error.otherRevision'], { replied: payload.revision, current: draft.revision }),
    );
  }
  if (reply.answers !== context.fingerprint) {
    return fail(
      fill(t['approval.error.changed'], {
        then: shortFingerprint(reply.answers),
        now: shortFingerprint(context.fingerprint),
      }),
    );
  }
  const decisions = [...payload.earlier, payload.decision];
  if (decisions.some((d) => d.answers !== reply.answers)) return fail(t['approval.error.mixed']);
  if (new Set(decisions.map((d) => d.step)).size !== decisions.length)
    return fail(t['approval.error.duplicate']);
  for (const [i, d] of decisions.entries()) {
    const at = chain.findIndex((s) => s.id === d.step);
    if (at < 0) return fail(fill(t['approval.error.notNeeded'], { approver: d.approver }));
    if (at !== i) {
      const before = chain[i]?.approver ?? '';
      return fail(fill(t['approval.error.order'], { approver: d.approver, before }));
    }
    if (i < decisions.length - 1 && d.decision !== 'approve') {
      return fail(
        fill(t['approval.error.after'], { approver: d.approver, decision: decisionLabel(d.decision, t) }),
      );
    }
  }
  const recorded = draft.approvals;
  for (const [k, mine] of recorded.entries()) {
    const theirs = decisions[k];
    if (theirs && !sameDecision(mine, theirs))
      return fail(fill(t['approval.error.conflict'], { approver: mine.approver }));
  }
  const added = decisions.slice(recorded.length);
  const approvals = added.length > 0 ? decisions : recorded;
  const next = added.length > 0 ? { ...draft, approvals } : draft;
  return { ok: true, draft: next, added, status: approvalProgress(next, chain).status };
}

// ---- print and text ----------------------------------------------------------------------------

export interface ApprovalBox {
  readonly stepId: string;
  /** Role, e.g. 财务部. */
  readonly approver: string;
  readonly state: StepState;
  /** '' while the step has no decision (the box is left for a hand signature). */
  readonly name: string;
  readonly decision: Decision | null;
  readonly decisionLabel: string;
  readonly comment: string;
  readonly date: string;
}

export interface ApprovalPrint {
  /** 第 2 版 · 内容指纹 3f2a-91c0 */
  readonly revisionLine: string;
  readonly status: RequestStatus;
  readonly statusLabel: string;
  /** One box per step of the chain, in order. */
  readonly boxes: readonly ApprovalBox[];
  /** Earlier revisions that had decisions, oldest first (for a note under the boxes). */
  readonly history: BudgetRequestDraft['history'];
}

/** What the printed form shows in each approval box; `fingerprint` null until it is computed. */
export function approvalPrint(
  draft: BudgetRequestDraft,
  chain: readonly ApprovalStep[],
  fingerprint: string | null,
  t: Strings,
): ApprovalPrint {
  const progress = approvalProgress(draft, chain);
  return {
    revisionLine: fill(t['approval.print.revision'], {
      revision: draft.revision,
      fingerprint: fingerprint === null ? t['approval.print.empty'] : shortFingerprint(fingerprint),
    }),
    status: progress.status,
    statusLabel: statusLabel(progress.status, t),
    boxes: progress.steps.map(({ step, decision, state }) => ({
      stepId: step.id,
      approver: step.approver,
      state,
      name: decision?.name ?? '',
      decision: decision?.decision ?? null,
      decisionLabel: decision ? decisionLabel(decision.decision, t) : '',
      comment: decision?.comment ?? '',
      date: decision?.date ?? '',
    })),
    history: draft.history.filter((h) => h.approvals.length > 0),
  };
}

/** 【审批记录（第 2 版）】 with one line per step, for the plain-text export. */
export function approvalTextSection(
  draft: BudgetRequestDraft,
  chain: readonly ApprovalStep[],
  t: Strings,
): TextSection {
  const progress = approvalProgress(draft, chain);
  return {
    heading: fill(t['approval.text.heading'], {
      revision: draft.revision,
      status: statusLabel(progress.status, t),
    }),
    lines: progress.steps.map(({ step, decision }) =>
      decision
        ? fill(t['approval.text.line'], {
            approver: step.approver,
            decision: decisionLabel(decision.decision, t),
            name: decision.name,
            date: decision.date,
            comment: decision.comment === '' ? '' : `：${decision.comment}`,
          })
        : fill(t['approval.text.waiting'], { approver: step.approver }),
    ),
  };
}
