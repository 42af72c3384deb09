/**
 * What the 入职清单 keeps for one new hire (autosave, JSON file and share link): the fields as typed
 * and the items ticked off with the day each was ticked. Dates stay as typed so a typo survives a
 * reload and is shown beside its field; ./checklist.ts reads them.
 */
import * as v from 'valibot';
import { limitedText } from '../../../core/text-limit';
import { plain, plainObject } from '../../../core/json-file';
import { emptyQuizState, MAX_QUIZ_ATTEMPTS, type QuizState } from './quiz';

export const ONBOARDING_TOOL = 'onboarding';
/**
 * Version of the saved shape; bump it (with a migration in migrateOnboarding) when the shape changes.
 * 2: the 制度测验 attempts (`quiz`).
 */
export const ONBOARDING_STATE_VERSION = 2;

/** Longest text kept in a field: a name, a role id, a date as typed. */
export const MAX_FIELD_LENGTH = 40;
/** More entries than any checklist has; keeps a tampered link or file from growing without bound. */
export const MAX_ENTRIES = 200;

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
/** Same shape as the ids in onboarding.yaml (rowIdSchema) and the chapter slugs. */
const ROW_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export interface OnboardingState {
  /** 姓名, as typed. Default ''. */
  readonly name: string;
  /** Appraisal group id (promotion / crm / analytics / manager); '' = not chosen yet. */
  readonly role: string;
  /** 入职日期 as typed, e.g. 2026-03-02 or 2026年3月2日. Default ''. */
  readonly startDate: string;
  /** 导师 name. Default ''. */
  readonly mentor: string;
  /** 签收日期 of the 制度签收单 as typed; '' = print the day it is printed. */
  readonly ackDate: string;
  /** Item id → the day it was ticked off (yyyy-mm-dd). */
  readonly done: Readonly<Record<string, string>>;
  /** 制度测验 attempts (./quiz.ts). Default none. */
  readonly quiz: QuizState;
}

/**
 * A link or JSON file also carries the chapters read (slug → day), which the browser keeps apart
 * from the person's entry, so a mentor sees the reading path too.
 */
export interface SharedOnboarding extends OnboardingState {
  readonly reading?: Readonly<Record<string, string>>;
}

// Text over its limit is kept and reported, never cut (core/text-limit).
const text = limitedText(MAX_FIELD_LENGTH);

/** `{ [row id]: yyyy-mm-dd }` with at most MAX_ENTRIES entries (counted before any entry is read). */
const dateMap = v.pipe(
  plain,
  v.check((map) => Object.keys(map).length <= MAX_ENTRIES),
  v.record(v.pipe(v.string(), v.regex(ROW_ID)), v.pipe(v.string(), v.regex(ISO_DATE))),
);

const rowId = v.pipe(v.string(), v.regex(ROW_ID));
/** '' or yyyy-mm-dd. */
const dayOrBlank = v.union([v.literal(''), v.pipe(v.string(), v.regex(ISO_DATE))]);
/** More answers than any attempt needs (each question until right); bounds a tampered link. */
const MAX_ANSWERS = 4 * MAX_ENTRIES;

const quizAttempt = plainObject({
  seed: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(0xffffffff)),
  started: v.pipe(v.string(), v.regex(ISO_DATE)),
  finished: dayOrBlank,
  version: text,
  fingerprint: v.pipe(v.string(), v.regex(/^[0-9a-f]{0,64}$/)),
  order: v.pipe(v.array(rowId), v.maxLength(MAX_ENTRIES)),
  answers: v.pipe(
    v.array(
      plainObject({
        id: rowId,
        picked: v.pipe(v.array(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(99))), v.maxLength(99)),
      }),
    ),
    v.maxLength(MAX_ANSWERS),
  ),
});

const quizEntries = plainObject({
  attempts: v.pipe(v.array(quizAttempt), v.maxLength(MAX_QUIZ_ATTEMPTS)),
  dropped: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(1_000_000)),
});

const stateEntries = {
  name: text,
  role: text,
  startDate: text,
  mentor: text,
  ackDate: text,
  done: dateMap,
  quiz: quizEntries,
};

/** One person's saved entry (unknown keys are dropped). */
export const onboardingStateSchema: v.GenericSchema<unknown, OnboardingState> = plainObject(stateEntries);
/** A share link or JSON file: the entry plus the reading marks. */
export const sharedOnboardingSchema: v.GenericSchema<unknown, SharedOnboarding> = plainObject({
  ...stateEntries,
  reading: v.optional(dateMap),
});

export function emptyOnboardingState(): OnboardingState {
  return { name: '', role: '', startDate: '', mentor: '', ackDate: '', done: {}, quiz: emptyQuizState() };
}

/**
 * Lifts an entry, file or link saved by an older version. Version 1 had no 制度测验: it opens with
 * none taken. Anything else is refused (throws).
 */
export function migrateOnboarding(old: unknown, fromVersion: number): unknown {
  if (fromVersion !== 1 || typeof old !== 'object' || old === null || Array.isArray(old)) {
    throw new RangeError(`No migration from version ${fromVersion}`);
  }
  return { ...(old as Record<string, unknown>), quiz: emptyQuizState() };
}

/** Ticks (`today` recorded) or unticks one item. */
export function setItemDone(
  state: OnboardingState,
  itemId: string,
  done: boolean,
  today: string,
): OnboardingState {
  const next: Record<string, string> = { ...state.done };
  if (done) next[itemId] = today;
  else delete next[itemId];
  return { ...state, done: next };
}

/** 清空勾选: every tick removed; name, role and dates kept. */
export function clearTicks(state: OnboardingState): OnboardingState {
  return { ...state, done: {} };
}

/** Store key of a new person's entry (letters and digits only, as the store requires). */
export function newPersonKey(nowMs: number): string {
  return `p${Math.max(0, Math.floor(nowMs)).toString(36)}`;
}
