// An approver's reply reaching the requester: opened as a reply link (#r1.budget-request.…), pasted
// (link or JSON) or chosen as a file. It is matched to the draft it answers (same request, same
// revision, same fingerprint), shown, and recorded only after the requester confirms. Loads when a
// reply comes, so a first visit carries only the form (./use-reply-intake keeps the state).
import { useEffect, useRef } from 'preact/hooks';
import type { ApprovalStep } from '../../../core/policy-types';
import { fill } from '../../../core/template';
import type { ForeignLink } from '../../../core/link-owner';
import { OpenElsewhere } from '../../kit/ui/OpenElsewhere';
import type { ToolEntry } from '../../kit/ui/use-tool';
import {
  applyApprovalReply,
  decisionLabel,
  readApprovalReply,
  revisionFingerprint,
  type ApplyResult,
  type ApprovalReply,
} from '../logic/approval';
import type { BudgetRequestDraft } from '../logic/state';
import type { BudgetRequestStrings } from './strings';

export type Origin = 'link' | 'paste';
type Applied = Extract<ApplyResult, { ok: true }>;

export interface ReplyMatch {
  readonly key: string;
  readonly result: Applied;
}

export interface IncomingReply {
  readonly origin: Origin;
  readonly reply: ApprovalReply | null;
  readonly match: ReplyMatch | null;
  readonly error: string | null;
  /** The pasted link belongs to another tool or kind: where it opens. */
  readonly foreign?: ForeignLink;
}

/** The draft a reply is for: same request id (the open draft first), and one it applies to. */
export async function matchReply(
  reply: ApprovalReply,
  entries: readonly ToolEntry<BudgetRequestDraft>[],
  chainOf: (d: BudgetRequestDraft) => readonly ApprovalStep[],
  t: BudgetRequestStrings,
): Promise<{ ok: true; match: ReplyMatch } | { ok: false; error: string }> {
  const same = entries
    .filter((e) => e.state?.requestId === reply.payload.requestId)
    .sort((a, b) => Number(b.current) - Number(a.current));
  let first: string | null = null;
  for (const e of same) {
    const draft = e.state!;
    const fingerprint = await revisionFingerprint(draft);
    const result = applyApprovalReply(draft, reply, { chain: chainOf(draft), fingerprint }, t);
    if (result.ok) return { ok: true, match: { key: e.key, result } };
    first ??= result.error;
  }
  return { ok: false, error: first ?? fill(t['reply.noDraft'], { project: reply.payload.project }) };
}

/** Reads a pasted or linked reply and finds the draft it answers. */
export async function readIncoming(
  source: { readonly text: string; readonly origin: Origin },
  entries: readonly ToolEntry<BudgetRequestDraft>[],
  chainOf: (d: BudgetRequestDraft) => readonly ApprovalStep[],
  t: BudgetRequestStrings,
): Promise<IncomingReply> {
  const read = await readApprovalReply(source.text);
  if (!read.ok) {
    const { error, foreign } = read;
    return { origin: source.origin, reply: null, match: null, error, ...(foreign ? { foreign } : {}) };
  }
  const m = await matchReply(read.reply, entries, chainOf, t);
  return {
    origin: source.origin,
    reply: read.reply,
    match: m.ok ? m.match : null,
    error: m.ok ? null : m.error,
  };
}

/** The reply shown before it is recorded: what was decided, for which draft, and 记入 / 不记入. */
export function ReplyConfirm(props: {
  incoming: IncomingReply;
  t: BudgetRequestStrings;
  onApply: () => void;
  onClose: () => void;
}) {
  const { incoming, t } = props;
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => ref.current?.focus(), [incoming]);
  const decision = incoming.reply?.payload.decision;
  const match = incoming.match;
  const earlier = incoming.reply?.payload.earlier ?? [];
  return (
    <section class="br-reply no-print" aria-labelledby="br-reply-heading" data-testid="reply-confirm">
      <h2 id="br-reply-heading" tabIndex={-1} ref={ref}>
        {t['reply.heading']}
      </h2>
      {decision && (
        <p>
          <strong>
            {fill(t['reply.summary'], {
              approver: decision.approver,
              name: decision.name,
              date: decision.date,
              decision: decisionLabel(decision.decision, t),
            })}
          </strong>
          {decision.comment !== '' && <span class="br-pre">（{decision.comment}）</span>}
        </p>
      )}
      {earlier.length > 0 && (
        <p>
          {fill(t['reply.earlier'], {
            steps: earlier.map((d) => `${d.approver}${decisionLabel(d.decision, t)}`).join('、'),
          })}
        </p>
      )}
      {match &&
        (match.result.added.length > 0 ? (
          <p class="br-reply-same">
            <span aria-hidden="true">✓ </span>
            {fill(t['reply.forDraft'], {
              project: match.result.draft.project,
              revision: match.result.draft.revision,
            })}
          </p>
        ) : (
          <p role="status">{fill(t['reply.already'], { project: match.result.draft.project })}</p>
        ))}
      {incoming.error && (
        <p class="tool-error" role="alert">
          {fill(t['reply.error'], { error: incoming.error })}
          <OpenElsewhere foreign={incoming.foreign} />
        </p>
      )}
      <div class="tool-export-buttons">
        {match && match.result.added.length > 0 && (
          <button type="button" class="tool-button tool-button--primary" onClick={props.onApply}>
            {t['reply.apply']}
          </button>
        )}
        <button type="button" class="tool-button" onClick={props.onClose}>
          {match && match.result.added.length > 0 ? t['reply.dismiss'] : t['reply.close']}
        </button>
      </div>
    </section>
  );
}
