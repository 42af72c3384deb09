/**
 * The 上级评定 sent back to the employee: a reply (core/reply) of kind `review` to
 * the 绩效自评 tool, naming by fingerprint the 自评 it answered. Its payload is the manager's values
 * in the 绩效自评's own shape, so the employee's tool scores them with the same rule
 * (selfReviewResult) and shows them read-only beside the employee's own. Anyone holding a link
 * can edit it: the signed 绩效考核表 is the record, a fingerprint only shows a change.
 */
import * as v from 'valibot';
import { fingerprintOf } from '../../../core/fingerprint';
import { plainObject } from '../../../core/json-file';
import type { ForeignLink } from '../../../core/link-owner';
import type { AppraisalPolicy } from '../../../core/policy-types';
import { personKey } from '../../../core/person-key';
import { encodeReplyLink, makeReply, matchesReply, readReply, replyToJson, type Reply } from '../../../core/reply';
import type { EncodeShareResult } from '../../../core/share-link';
import { selfReviewResult, type SelfReviewResult } from '../../self-review/logic/derive';
import { SELF_REVIEW_TOOL, selfReviewStateSchema, type SelfReviewState } from '../../self-review/logic/state';
import { managerInput, type RecordResult } from './derive';

/** The reply's kind (core/reply `reply` field). */
export const REVIEW_REPLY_KIND = 'review';

export const reviewReplyPayloadSchema = plainObject({
  /**
   * The 上级评定 in the 绩效自评's shape: name, group and period of the 自评 it answers, the
   * manager's KPI values, each KPI's `comment` the 上级说明 (carried since the first reply version,
   * so every link made opens with it), ratings, (year) the manager's monthly totals and the
   * 年度评议; `summary` is the 上级评语.
   */
  assessment: selfReviewStateSchema,
  /** The manager marked the 评定 done. */
  done: v.boolean(),
});

export type ReviewReplyPayload = v.InferOutput<typeof reviewReplyPayloadSchema>;
export type ReviewReply = Reply<ReviewReplyPayload>;

/** The reply to one record: the 上级评定 as it stands, answering the 自评 received. */
export function makeReviewReply(r: Pick<RecordResult, 'record' | 'months'>, now: Date = new Date()): ReviewReply {
  const { record } = r;
  const months = r.months.length === 12 ? r.months.map((m) => (m.total === null ? '' : String(m.total))) : undefined;
  const input = managerInput(record, months);
  const assessment: SelfReviewState = { ...input, name: record.self.name, summary: record.manager.comment };
  return makeReply(
    { tool: SELF_REVIEW_TOOL, kind: REVIEW_REPLY_KIND, answers: record.fingerprint, payload: { assessment, done: record.manager.done } },
    now,
  );
}

/** The reply as a link fragment (`r1.self-review.…`); too long → a message with figures. */
export function encodeReviewReply(reply: ReviewReply): Promise<EncodeShareResult> {
  return encodeReplyLink(reply);
}

/** The reply as a JSON file's text. */
export function reviewReplyToJson(reply: ReviewReply): string {
  return replyToJson(reply);
}

/**
 * The employee's own 自评 of a group and period saved in this browser (the open entry as it stands),
 * or null when there is none.
 */
export type OwnReviewOf = (group: string, period: string) => SelfReviewState | null;

/** The employee's own 自评 the reply answers, as this browser holds it. */
export interface OwnReview {
  /** Whether it is still the 自评 the manager answered (fingerprint). */
  readonly match: 'same' | 'changed';
  /** It scored by the 绩效自评's rule (null when its group or period is unknown here). */
  readonly result: SelfReviewResult | null;
}

export type ReadReviewReplyResult =
  | {
      readonly ok: true;
      readonly reply: ReviewReply;
      /** The 上级评定 scored by the 绩效自评's rule; null when its group or period is unknown here. */
      readonly result: SelfReviewResult | null;
      /**
       * The employee's own 自评 of the reply's person, group and period; null when this browser has
       * none (another device): the reply is then shown alone, never compared with an empty form.
       */
      readonly own: OwnReview | null;
    }
  | { readonly ok: false; readonly error: string; readonly foreign?: ForeignLink };

/**
 * For 绩效自评: a pasted reply link (or address) or a reply JSON file's text → the 上级评定, scored,
 * and compared by fingerprint with the employee's own 自评 of the same person, group and period
 * (`ownOf` looks it up in this browser). Never rejects.
 */
export async function readReviewReply(
  text: string,
  ownOf: OwnReviewOf,
  policy: AppraisalPolicy,
): Promise<ReadReviewReplyResult> {
  const read = await readReply(text, {
    tool: SELF_REVIEW_TOOL,
    kinds: [REVIEW_REPLY_KIND],
    payload: reviewReplyPayloadSchema,
  });
  if (!read.ok) return { ok: false, error: read.error, ...(read.foreign ? { foreign: read.foreign } : {}) };
  const { reply } = read;
  const a = reply.payload.assessment;
  const mine = ownOf(a.group, a.period);
  // The person is the one the 自评 names (personKey, as 团队考核 keys its records).
  const own =
    mine && mine.group === a.group && mine.period === a.period && personKey(mine.name) === personKey(a.name)
      ? { match: matchesReply(reply, await fingerprintOf(mine)), result: selfReviewResult(mine, policy) }
      : null;
  return { ok: true, reply, result: selfReviewResult(a, policy), own };
}
