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
import {
  REPLY_MESSAGES,
  encodeReplyLink,
  makeReply,
  readReply,
  replyToJson,
  type Reply,
  type ReplyResult,
} from '../../../core/reply';
import type { EncodeShareResult } from '../../../core/share-link';
import { limitedText } from '../../../core/text-limit';
import { personKey } from '../../../core/person-key';
import type { AppraisalPolicy } from '../../../core/policy-types';
import { fill } from '../../../core/template';
import { parseKpiValue } from './derive';
import {
  MAX_FIELD_LENGTH,
  MAX_TASKS_LENGTH,
  SELF_REVIEW_TOOL,
  emptyReview,
  formatPeriod,
  limitedRecord,
  parsePeriod,
  reviewKey,
  type AssignedTargets,
  type SelfReviewState,
} from './state';

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

/** A reply of another kind (a 上级评定): not a 目标, for the page to read as what it is. */
export function isOtherKind(read: ReplyResult<TargetsPayload>): boolean {
  return !read.ok && read.error === REPLY_MESSAGES.otherKind;
}

/** What the 自评 keeps of a received 目标. */
export function assignedFrom(reply: TargetsReply): AssignedTargets {
  const { targets, tasks, period } = reply.payload;
  return { targets, tasks, period, setAt: reply.at, fingerprint: reply.answers };
}

/** Why a 目标 read well but cannot be used with today's parameters; KPIs named as the page labels them. */
export const TARGETS_MESSAGES = {
  unknownGroup: '目标的考核组「{group}」不在当前参数中，无法使用',
  foreignKpi: '{kpi}不是{group}的指标，无法使用这份目标',
  unknownKpi: '「{kpi}」不是{group}的指标，无法使用这份目标',
  /** {field}: 客户满意度 · 目标值. */
  badTarget: '{field}：{error}',
  targetLabel: '目标值',
} as const;

/**
 * A 目标 checked against today's parameters: its group exists, each KPI is one of that group's and
 * each 目标值 reads as the 自评 reads its own (./derive parseKpiValue: a number in the KPI's unit,
 * never 0 where the ratio rule divides by it, 四（一）). null = usable, else the first reason.
 */
export function checkTargets(payload: TargetsPayload, policy: Pick<AppraisalPolicy, 'groups'>): string | null {
  const group = policy.groups.find((g) => g.id === payload.group);
  if (!group) return fill(TARGETS_MESSAGES.unknownGroup, { group: payload.group });
  for (const [id, text] of Object.entries(payload.targets)) {
    const kpi = group.kpis.find((k) => k.id === id);
    if (!kpi) {
      const elsewhere = policy.groups.flatMap((g) => g.kpis).find((k) => k.id === id);
      return elsewhere
        ? fill(TARGETS_MESSAGES.foreignKpi, { kpi: elsewhere.name, group: group.name })
        : fill(TARGETS_MESSAGES.unknownKpi, { kpi: id, group: group.name });
    }
    const read = parseKpiValue(kpi, text, 'target');
    if (!read.ok) {
      const field = `${kpi.name} · ${TARGETS_MESSAGES.targetLabel}`;
      return fill(TARGETS_MESSAGES.badTarget, { field, error: read.error });
    }
  }
  return null;
}

/** One thing a second 目标 changes: a KPI's 目标值 (named as the page labels it), or the tasks line. */
export type TargetsChange =
  | { readonly kind: 'target'; readonly kpi: string; readonly from: string; readonly to: string }
  | { readonly kind: 'tasks'; readonly from: string; readonly to: string };

/** What taking a 目标 would do, before the employee confirms. */
export interface TargetsPlan {
  /** The month entries to write (key and whole new state); empty when nothing would change. */
  readonly writes: readonly { readonly key: string; readonly state: SelfReviewState }[];
  /** The month entry to show afterwards. */
  readonly open: string;
  /** Against the 目标 received before for that month (empty when there was none). */
  readonly changes: readonly TargetsChange[];
  /** The same 目标 was already received: nothing to do. */
  readonly same: boolean;
  /** The 目标 names someone else than the saved 自评 does: both, for the employee to confirm. */
  readonly nameDiffers: { readonly targets: string; readonly entry: string } | null;
}

/**
 * The month entry with a 目标 taken: `assigned` and its KPI targets set; actuals, comments, ratings,
 * summary and name kept (an unnamed entry takes the name the 目标 gives).
 */
export function applyTargets(entry: SelfReviewState, reply: TargetsReply): SelfReviewState {
  const kpis = { ...entry.kpis };
  for (const [id, target] of Object.entries(reply.payload.targets)) {
    kpis[id] = { ...(kpis[id] ?? { actual: '', comment: '' }), target };
  }
  return { ...entry, name: entry.name.trim() ? entry.name : reply.payload.name, kpis, assigned: assignedFrom(reply) };
}

/**
 * What a 目标 does to the saved months (`load` reads an entry by key, null when none). A month 目标
 * goes to its month. A year 目标 goes to each month of that year that has no month 目标 of its own,
 * writing an entry for the months not saved yet: each month then shows and sends back the targets it is
 * scored against, also on a device that never saw the year 目标. `month` is the month to show after a
 * year 目标 (the reader's current month when in that year).
 */
export function planTargets(
  reply: TargetsReply,
  policy: Pick<AppraisalPolicy, 'groups'>,
  load: (key: string) => SelfReviewState | null,
  month: number,
): TargetsPlan {
  const { group, period, name } = reply.payload;
  const p = parsePeriod(period);
  const months =
    p?.kind === 'year'
      ? Array.from({ length: 12 }, (_, i) => formatPeriod({ kind: 'month', year: p.year, month: i + 1 }))
      : [period];
  const targets = months
    .map((m) => ({ key: reviewKey(group, m), old: load(reviewKey(group, m)), period: m }))
    // A month's own 目标 is not replaced by its year's.
    .filter(({ old }) => !(p?.kind === 'year' && old?.assigned && old.assigned.period !== period));
  const openPeriod = p?.kind === 'year' ? formatPeriod({ kind: 'month', year: p.year, month }) : period;
  const shown =
    targets.find((x) => x.period === openPeriod) ?? targets.find((x) => x.old?.assigned) ?? targets[0];
  const open = shown?.key ?? reviewKey(group, openPeriod);
  const prev = shown?.old?.assigned;
  const same = targets.every(({ old }) => old?.assigned?.fingerprint === reply.answers);
  const writes = same
    ? []
    : targets
        .filter(({ old }) => old?.assigned?.fingerprint !== reply.answers)
        .map(({ key, old, period: m }) => ({
          key,
          state: applyTargets(old ?? emptyReview(policy, group, m, name), reply),
        }));
  const changes: TargetsChange[] = [];
  if (prev && prev.fingerprint !== reply.answers) {
    const kpis = policy.groups.find((g) => g.id === group)?.kpis ?? [];
    const ids = [...new Set([...Object.keys(prev.targets), ...Object.keys(reply.payload.targets)])];
    for (const id of ids) {
      const from = prev.targets[id] ?? '';
      const to = reply.payload.targets[id] ?? '';
      if (from !== to) changes.push({ kind: 'target', kpi: kpis.find((k) => k.id === id)?.name ?? id, from, to });
    }
    if (prev.tasks !== reply.payload.tasks) changes.push({ kind: 'tasks', from: prev.tasks, to: reply.payload.tasks });
  }
  const entryName = shown?.old?.name.trim() ?? '';
  const nameDiffers =
    entryName && personKey(entryName) !== personKey(name) ? { targets: name, entry: entryName } : null;
  return { writes, open, changes, same, nameDiffers };
}
