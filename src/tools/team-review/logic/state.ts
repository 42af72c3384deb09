/**
 * What the 团队考核 keeps in the manager's browser: one record per member and period, holding the
 * employee's 绩效自评 exactly as received (with its fingerprint, so a reply can name what it
 * answers) and the manager's 上级评定 beside it (四（二）考核 by the company, 四（三） ties the
 * result to 奖金、晋升、培训、表彰). Numbers stay as typed, as in 绩效自评. Never uploaded.
 */
import * as v from 'valibot';
import { limitedText } from '../../../core/text-limit';
import { plainObject, plainRecord } from '../../../core/json-file';
import {
  MAX_COMMENT_LENGTH,
  MAX_FIELD_LENGTH,
  MAX_TASKS_LENGTH,
  kpiEntrySchema,
  limitedRecord,
  parsePeriod,
  selfReviewStateSchema,
  type SelfReviewState,
} from '../../self-review/logic/state';

export const TEAM_REVIEW_TOOL = 'team-review';
/**
 * Version of the saved shape; bump it (with a migration) when the schema changes.
 * 2: a record is a member's 自评 of one period *and* 考核组 (two 张伟 of one month, in different 考核组,
 * are two appraisals); version 1 keyed records by person and period alone.
 * 3: the targets the manager sets at a period's start (目标下达, `targets`); version 2 had none.
 */
export const TEAM_REVIEW_STATE_VERSION = 3;
/** The one autosave entry of this tool: the manager's team. */
export const TEAM_REVIEW_KEY = 'team';

/** 50 members × 13 periods a year, for several years, with room to spare. */
export const MAX_RECORDS = 5000;
/** FINGERPRINT_LENGTH (core/fingerprint) hex digits, written out: importing it would load share-link
 * (and the hashing code) with the page's first load; state.test.ts checks the two agree. */
export const FINGERPRINT = /^[0-9a-f]{16}$/;

// Text over its limit is kept and reported, never cut (core/text-limit).
const short = limitedText(MAX_FIELD_LENGTH);
const comment = limitedText(MAX_COMMENT_LENGTH);
/** The manager's value for one KPI (confirmed or corrected): the fields of the 自评's, scored by the same rule. */
const managerKpiSchema = kpiEntrySchema;

/** 上级评定 of one record. */
export const managerReviewSchema = plainObject({
  /** Month: KPI id → the manager's target, actual and comment. */
  kpis: limitedRecord(managerKpiSchema),
  /** Month: 工作规范 item id (三（四）1–5) → the manager's rating '1'–'5'; '' = not rated. */
  ratings: limitedRecord(v.picklist(['', '1', '2', '3', '4', '5'])),
  /** Year: 年度评议得分 as typed (the months come from the manager's monthly records). */
  review: short,
  /** 上级评语. */
  comment,
  /** 月度奖金基数 (元) of this member as typed; '' = the team's default base. */
  bonusBase: short,
  /** The manager marked the 上级评定 done (评定完成). */
  done: v.boolean(),
});

export const memberRecordSchema = plainObject({
  /** The member as named in the 自评, normalised (personKey). */
  person: v.pipe(v.string(), v.minLength(1), v.maxLength(MAX_FIELD_LENGTH)),
  /** The 绩效自评 as received (link or file). */
  self: selfReviewStateSchema,
  /** fingerprintOf(self): what a reply says it answers. */
  fingerprint: v.pipe(v.string(), v.regex(FINGERPRINT)),
  /** When it was received, ISO 8601. */
  receivedAt: v.pipe(v.string(), v.isoTimestamp()),
  manager: managerReviewSchema,
});

/**
 * 目标下达 for one member (or, with name '', for a whole 考核组) and period (四（二）: the month's tasks
 * and targets come from the manager). A member's own targets override the group's, KPI by KPI.
 */
export const setTargetsSchema = plainObject({
  /** The member's name as the manager typed it; '' = the 考核组's targets. */
  name: short,
  /** KPI id → 目标值 as typed; a KPI absent or '' = the group's (or appraisal.yaml's) target. */
  targets: limitedRecord(short),
  /** 当月工作任务: one line; '' = none. */
  tasks: limitedText(MAX_TASKS_LENGTH),
  /** When these targets were last changed, ISO 8601. */
  setAt: v.pipe(v.string(), v.isoTimestamp()),
  /** When the member's 目标 link or file was last copied or downloaded; absent = never sent. */
  sentAt: v.optional(v.pipe(v.string(), v.isoTimestamp())),
  /**
   * What was sent then (targets and tasks as the member got them): 已发送 holds while the 目标 still
   * reads the same, whatever the clock says (an edit in the same second as a copy).
   */
  sent: v.optional(plainObject({ targets: limitedRecord(short), tasks: limitedText(MAX_TASKS_LENGTH) })),
});

export const teamReviewStateSchema = plainObject({
  /** recordKey(person, period, group) → record. */
  records: v.pipe(
    plainRecord(v.pipe(v.string(), v.maxLength(120)), memberRecordSchema),
    v.check((r) => Object.keys(r).length <= MAX_RECORDS),
  ),
  /** 月度奖金基数 (元) used for members without their own, as typed. */
  defaultBase: short,
  /** The period the team view shows ('' = the newest period with records). */
  period: v.pipe(v.string(), v.regex(/^(?:\d{4}(?:-(?:0[1-9]|1[0-2]))?)?$/)),
  /** targetsKey(period, group, person) (./targets.ts) → the targets the manager set. */
  targets: v.pipe(
    plainRecord(v.pipe(v.string(), v.maxLength(120)), setTargetsSchema),
    v.check((r) => Object.keys(r).length <= MAX_RECORDS),
  ),
});

export type ManagerReview = v.InferOutput<typeof managerReviewSchema>;
export type MemberRecord = v.InferOutput<typeof memberRecordSchema>;
export type TeamReviewState = v.InferOutput<typeof teamReviewStateSchema>;
export type SetTargets = v.InferOutput<typeof setTargetsSchema>;

export function emptyTeamReview(): TeamReviewState {
  return { records: {}, defaultBase: '', period: '', targets: {} };
}

export { personKey } from '../../../core/person-key';

/**
 * The key of a member's record for a period and 考核组: `2026-03|promotion|张三`. The 考核组 is part
 * of it: the same name in two 考核组 of one period is two appraisals (四（一）: each group its own
 * indicators), never one overwriting the other.
 */
export function recordKey(person: string, period: string, group: string): string {
  return `${period}|${group}|${person}`;
}

const RECORD_KEY = /^([^|]+)\|([a-z0-9]+(?:-[a-z0-9]+)*)\|(.+)$/;

/** `2026-03|promotion|张三` → its parts; null for anything else. */
export function parseRecordKey(key: string): { period: string; group: string; person: string } | null {
  const m = RECORD_KEY.exec(key);
  if (!m) return null;
  const [, period = '', group = '', person = ''] = m;
  return parsePeriod(period) ? { period, group, person } : null;
}

/**
 * Keys of the records whose person and period another record has too (in another 考核组): the page
 * names those with their 考核组, so that two 张伟 of one month can be told apart.
 */
export function sharedNames(records: Iterable<{ readonly key: string; readonly record: MemberRecord }>): Set<string> {
  const byWho = new Map<string, string[]>();
  for (const { key, record } of records) {
    const who = `${record.self.period}|${record.person}`;
    const keys = byWho.get(who);
    if (keys) keys.push(key);
    else byWho.set(who, [key]);
  }
  return new Set([...byWho.values()].filter((keys) => keys.length > 1).flat());
}

/**
 * Older saved teams, files and links → the current shape. 1 → 2: each record re-keyed by its person,
 * period and 考核组 (version 1 had one record per person and period, so no two collide). 2 → 3: no
 * targets set yet. Anything else is left to the schema to refuse.
 */
export function migrateTeamReview(data: unknown, fromVersion: number): unknown {
  if (fromVersion !== 1 && fromVersion !== 2) throw new RangeError(`No migration from version ${fromVersion}`);
  const v2 = fromVersion === 1 ? rekeyVersion1(data) : data;
  if (typeof v2 !== 'object' || v2 === null || Array.isArray(v2)) return v2;
  return 'targets' in v2 ? v2 : { ...v2, targets: {} };
}

function rekeyVersion1(data: unknown): unknown {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return data;
  const { records } = data as { records?: unknown };
  if (typeof records !== 'object' || records === null || Array.isArray(records)) return data;
  const rekeyed: Record<string, unknown> = {};
  for (const [key, record] of Object.entries(records)) {
    const r = record as { person?: unknown; self?: { period?: unknown; group?: unknown } } | null;
    const ok = typeof r?.person === 'string' && typeof r.self?.period === 'string' && typeof r.self.group === 'string';
    rekeyed[ok ? recordKey(r.person as string, r.self!.period as string, r.self!.group as string) : key] = record;
  }
  return { ...data, records: rekeyed };
}

/** The 上级评定 a new record starts from: the employee's values, to confirm or correct. */
export function managerReviewFrom(self: SelfReviewState): ManagerReview {
  const kpis: ManagerReview['kpis'] = {};
  for (const [id, k] of Object.entries(self.kpis))
    kpis[id] = { target: k.target, actual: k.actual, comment: '' };
  return { kpis, ratings: { ...self.ratings }, review: self.review, comment: '', bonusBase: '', done: false };
}

/**
 * The 上级评定 after the employee sent a new version: what the manager changed is kept, what
 * they left as the employee had it follows the new 自评.
 */
export function rebaseManagerReview(
  manager: ManagerReview,
  oldSelf: SelfReviewState,
  newSelf: SelfReviewState,
): ManagerReview {
  const fresh = managerReviewFrom(newSelf);
  const kpis: ManagerReview['kpis'] = { ...fresh.kpis };
  for (const [id, m] of Object.entries(manager.kpis)) {
    const was = oldSelf.kpis[id];
    const now = fresh.kpis[id];
    kpis[id] = {
      target: now && m.target === (was?.target ?? '') ? now.target : m.target,
      actual: now && m.actual === (was?.actual ?? '') ? now.actual : m.actual,
      comment: m.comment,
    };
  }
  const ratings: ManagerReview['ratings'] = { ...fresh.ratings };
  for (const [id, r] of Object.entries(manager.ratings)) {
    if (r !== (oldSelf.ratings[id] ?? '')) ratings[id] = r;
  }
  const review = manager.review === oldSelf.review ? newSelf.review : manager.review;
  return { ...manager, kpis, ratings, review };
}
