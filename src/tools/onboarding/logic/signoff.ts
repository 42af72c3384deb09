/**
 * 入职签收 (五（一）1 新员工入职培训): the new hire sends a 签收 reply (core/reply) naming the policy
 * version and text fingerprint they read, with their checklist progress. The 市场经理 or 导师 collects
 * the replies on the 新员工签收 page (src/tools/signoffs). A reply shows what was sent; the signed
 * 制度签收单 on paper is the record.
 */
import * as v from 'valibot';
import { limitedText } from '../../../core/text-limit';
import { isoToDayNumber } from '../../../core/calendar-date';
import { plain, plainStrictObject } from '../../../core/json-file';
// Reply making (core/reply, fingerprint, share-link) loads when a 签收 is made, not with the page.
import type { Reply, ReplyFormat } from '../../../core/reply';
import { parseDateInput, type ChecklistView } from './checklist';
import type { QuizResult } from './quiz';
import { MAX_ENTRIES, MAX_FIELD_LENGTH, ONBOARDING_TOOL, type OnboardingState } from './state';

const replyCode = () => import('../../../core/reply');

/** `reply` of a 签收 envelope. */
export const SIGNOFF_REPLY_KIND = 'sign-off';

/**
 * Version of the 签收 payload (`format`): 1 had no field for it and no 制度测验; 2 carries `quiz`
 * (null when none was finished). A 签收 of format 1 still opens and reads 「未做测验」.
 */
export const SIGNOFF_FORMAT = 2;

/** Words the 签收 needs; ui/strings.ts provides them (type-checked there). */
export type SignoffSendLabelKey = 'signoff.error.name' | 'signoff.error.role' | 'signoff.error.date';
export type SignoffSendLabels = { readonly [K in SignoffSendLabelKey]: string };
type Strings = SignoffSendLabels;

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const ROW_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const text = limitedText(MAX_FIELD_LENGTH);
const isoDate = v.pipe(
  v.string(),
  v.regex(ISO_DATE),
  v.check((s) => isoToDayNumber(s) !== null),
);
/** `{ [item id]: yyyy-mm-dd }`, at most MAX_ENTRIES entries (counted before any is read). */
const doneMap = v.pipe(
  plain,
  v.check((map) => Object.keys(map).length <= MAX_ENTRIES),
  v.record(v.pipe(v.string(), v.regex(ROW_ID)), v.pipe(v.string(), v.regex(ISO_DATE))),
);

/** What a 签收 carries. */
export interface SignoffPayload {
  /** 姓名 (required). */
  readonly name: string;
  /** Appraisal group id of the 岗位. */
  readonly role: string;
  /** 岗位 as the new hire's page named it (the collector's parameters may differ). */
  readonly roleName: string;
  readonly mentor: string;
  /** 入职日期 yyyy-mm-dd, or '' when the new hire has not filled a valid one. */
  readonly startDate: string;
  /** 制度版本 the new hire read (meta.yaml version). */
  readonly policyVersion: string;
  /** Text fingerprint of the six chapters they read (src/policy/fingerprint.ts, hex). */
  readonly policyFingerprint: string;
  /** 签收日期 yyyy-mm-dd. */
  readonly date: string;
  /** Items ticked off, with the day each was ticked: the collector recomputes what is overdue. */
  readonly done: Readonly<Record<string, string>>;
  /** Progress as the new hire saw it on `date`. */
  readonly progress: {
    readonly done: number;
    readonly total: number;
    /** Ids of the items overdue on `date`. */
    readonly overdue: readonly string[];
  };
  /** Payload version (SIGNOFF_FORMAT); absent in format 1. */
  readonly format?: number;
  /** 制度测验 result; null or absent: not taken. */
  readonly quiz?: QuizResult | null;
}

const count = v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(MAX_ENTRIES));

/** The payload's fields (the 新员工签收 list keeps each record in this shape, plus `at` and `answers`). */
export const signoffPayloadEntries = {
  name: v.pipe(
    text,
    v.check((s) => s.trim() !== ''),
  ),
  role: text,
  roleName: text,
  mentor: text,
  startDate: v.union([v.literal(''), isoDate]),
  policyVersion: v.pipe(v.string(), v.minLength(1), v.maxLength(MAX_FIELD_LENGTH)),
  policyFingerprint: v.pipe(v.string(), v.regex(/^[0-9a-f]{8,64}$/)),
  date: isoDate,
  done: doneMap,
  progress: plainStrictObject({
    done: count,
    total: count,
    overdue: v.pipe(v.array(v.pipe(v.string(), v.regex(ROW_ID))), v.maxLength(MAX_ENTRIES)),
  }),
  format: v.optional(v.literal(SIGNOFF_FORMAT)),
  quiz: v.optional(
    v.nullable(
      plainStrictObject({
        passed: v.boolean(),
        scorePercent: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(100)),
        attempts: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(1_000_000)),
        date: isoDate,
        version: v.pipe(v.string(), v.minLength(1), v.maxLength(MAX_FIELD_LENGTH)),
        fingerprint: v.pipe(v.string(), v.regex(/^[0-9a-f]{0,64}$/)),
      }),
    ),
  ),
};

export const signoffPayloadSchema: v.GenericSchema<unknown, SignoffPayload> =
  plainStrictObject(signoffPayloadEntries);

export type SignoffReply = Reply<SignoffPayload>;

/** The published policy as the page knows it. */
export interface PolicyEdition {
  /** meta.yaml version, e.g. 1.0. */
  readonly version: string;
  /** Text fingerprint (src/policy/fingerprint.ts). */
  readonly fingerprint: string;
}

/** What a 签收 answers: the policy edition read (`answers` of the envelope). */
export async function editionFingerprint(edition: PolicyEdition): Promise<string> {
  const { fingerprintOf } = await import('../../../core/fingerprint');
  return fingerprintOf({ policyVersion: edition.version, policyFingerprint: edition.fingerprint });
}

export interface SignoffInput {
  readonly state: OnboardingState;
  /** buildChecklist of the state (as of `today`). */
  readonly view: ChecklistView;
  /** 岗位 name of state.role, '' when unknown. */
  readonly roleName: string;
  readonly edition: PolicyEdition;
  /** Today yyyy-mm-dd: the 签收日期 when the new hire left it empty. */
  readonly today: string;
  /** 制度测验 result (quizResult), null when none was finished. */
  readonly quiz: QuizResult | null;
}

export type SignoffField = 'name' | 'role' | 'ackDate';
export interface SignoffProblem {
  readonly field: SignoffField;
  readonly message: string;
}

/** 签收日期: the one typed (ackDate) when it reads as a date, else today. */
export function signoffDate(state: Pick<OnboardingState, 'ackDate'>, today: string): string {
  const typed = parseDateInput(state.ackDate);
  return typed.ok ? typed.iso : today;
}

/** What keeps the 签收 from being sent, beside its field: 姓名, 岗位, a 签收日期 that is not a date. */
export function signoffProblems(
  input: Pick<SignoffInput, 'state' | 'view' | 'today'>,
  t: Strings,
): SignoffProblem[] {
  const problems: SignoffProblem[] = [];
  if (input.state.name.trim() === '') problems.push({ field: 'name', message: t['signoff.error.name'] });
  if (input.view.role.status !== 'ok') problems.push({ field: 'role', message: t['signoff.error.role'] });
  const typed = parseDateInput(input.state.ackDate);
  if (!typed.ok && typed.code !== 'empty')
    problems.push({ field: 'ackDate', message: t['signoff.error.date'] });
  else if (isoToDayNumber(signoffDate(input.state, input.today)) === null) {
    problems.push({ field: 'ackDate', message: t['signoff.error.date'] });
  }
  return problems;
}

/** The payload of a 签收 (no checks: see signoffProblems). */
export function signoffPayload(input: SignoffInput): SignoffPayload {
  const { state, view } = input;
  return {
    name: state.name.trim(),
    role: state.role,
    roleName: input.roleName,
    mentor: state.mentor.trim(),
    startDate: view.start.status === 'ok' ? view.start.iso : '',
    policyVersion: input.edition.version,
    policyFingerprint: input.edition.fingerprint,
    date: signoffDate(state, input.today),
    done: { ...state.done },
    progress: {
      done: view.doneCount,
      total: view.total,
      overdue: view.phases.flatMap((p) => p.items.filter((it) => it.overdue).map((it) => it.item.id)),
    },
    format: SIGNOFF_FORMAT,
    quiz: input.quiz,
  };
}

export type MakeSignoffResult =
  | { readonly ok: true; readonly reply: SignoffReply }
  | { readonly ok: false; readonly problems: readonly SignoffProblem[] };

/** The new hire's 签收 → the reply to send (encodeReplyLink / replyToJson). `now` for tests. */
export async function makeSignoffReply(
  input: SignoffInput,
  t: Strings,
  now: Date = new Date(),
): Promise<MakeSignoffResult> {
  const problems = signoffProblems(input, t);
  if (problems.length > 0) return { ok: false, problems };
  const payload = signoffPayload(input);
  const [answers, { makeReply }] = await Promise.all([editionFingerprint(input.edition), replyCode()]);
  return {
    ok: true,
    reply: makeReply({ tool: ONBOARDING_TOOL, answers, kind: SIGNOFF_REPLY_KIND, payload }, now),
  };
}

/** What the 新员工签收 page accepts as a 签收 (core/reply readReply). */
export const signoffReplyFormat: ReplyFormat<SignoffPayload> = {
  tool: ONBOARDING_TOOL,
  kinds: [SIGNOFF_REPLY_KIND],
  payload: signoffPayloadSchema,
};
