/**
 * 目标下达: the targets a manager sets for one member at the start of a period (四（二）月度考核 looks at
 * 当月工作任务完成情况, and the tasks and targets come from the manager). 团队考核 makes it, 绩效自评
 * receives it. It travels as a reply (core/reply) of kind `targets` to the 绩效自评 tool: a link
 * `r1.self-review.…` or a JSON file of the same object. Its `answers` is the fingerprint of the
 * targets themselves (there is no 自评 yet to answer), and the 自评 scored against them carries that
 * fingerprint back, so 团队考核 can tell whether the employee scored against what was set.
 * Anyone holding a link can edit it: the signed 绩效考核表 is the record, a fingerprint only shows a change.
 */
import * as v from 'valibot';
import { fingerprintOf } from '../../../core/fingerprint';
import { plainObject } from '../../../core/json-file';
import { encodeReplyLink, makeReply, readReply, replyToJson, type Reply, type ReplyResult } from '../../../core/reply';
import type { EncodeShareResult } from '../../../core/share-link';
import { limitedText } from '../../../core/text-limit';
import { MAX_FIELD_LENGTH, MAX_TASKS_LENGTH, SELF_REVIEW_TOOL, limitedRecord, type AssignedTargets } from './state';

export { MAX_TASKS_LENGTH };

/** The reply's kind (core/reply `reply` field). */
export const TARGETS_REPLY_KIND = 'targets';

const ROW_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
/** 2026-03 (a month) or 2026 (the year: its months take these targets unless a month has its own). */
const PERIOD = /^\d{4}(?:-(?:0[1-9]|1[0-2]))?$/;

/** What the manager sets for one member, group and period. Numbers stay as typed, as in the 自评. */
export const targetsPayloadSchema = plainObject({
  /** 员工姓名, as the manager's team names the member. */
  name: limitedText(MAX_FIELD_LENGTH),
  /** Appraisal group id. */
  group: v.pipe(v.string(), v.regex(ROW_ID)),
  /** 2026-03, or 2026 for every month of the year. */
  period: v.pipe(v.string(), v.regex(PERIOD)),
  /** KPI id → 目标值 as typed. */
  targets: limitedRecord(limitedText(MAX_FIELD_LENGTH)),
  /** 当月工作任务: one line of free text; '' = none. */
  tasks: limitedText(MAX_TASKS_LENGTH),
});

export type TargetsPayload = v.InferOutput<typeof targetsPayloadSchema>;
export type TargetsReply = Reply<TargetsPayload>;


/** The fingerprint of a 目标: of its payload, so equal targets give equal fingerprints. */
export function targetsFingerprint(payload: TargetsPayload): Promise<string> {
  return fingerprintOf(payload);
}

/** The 目标 for one member as a reply; `now` is injectable for tests. */
export async function makeTargetsReply(payload: TargetsPayload, now: Date = new Date()): Promise<TargetsReply> {
  const answers = await targetsFingerprint(payload);
  return makeReply({ tool: SELF_REVIEW_TOOL, kind: TARGETS_REPLY_KIND, answers, payload }, now);
}

/** The 目标 as a link fragment (`r1.self-review.…`); too long → a message with figures. */
export function encodeTargetsLink(reply: TargetsReply): Promise<EncodeShareResult> {
  return encodeReplyLink(reply);
}

/** The 目标 as a JSON file's text. */
export function targetsToJson(reply: TargetsReply): string {
  return replyToJson(reply);
}

/** A pasted 目标 link (or address, or JSON file text) → the validated 目标, or the reason. Never rejects. */
export function readTargets(text: string): Promise<ReplyResult<TargetsPayload>> {
  return readReply(text, { tool: SELF_REVIEW_TOOL, kinds: [TARGETS_REPLY_KIND], payload: targetsPayloadSchema });
}

/** What the 自评 keeps of a received 目标. */
export function assignedFrom(reply: TargetsReply): AssignedTargets {
  const { targets, tasks, period } = reply.payload;
  return { targets, tasks, period, setAt: reply.at, fingerprint: reply.answers };
}
