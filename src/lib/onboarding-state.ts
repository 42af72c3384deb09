/**
 * What the 入职清单 keeps for one new hire (autosave, JSON file and share link): the fields as typed
 * and the items ticked off with the day each was ticked. Dates stay as typed so a typo survives a
 * reload and is shown beside its field; onboarding-checklist.ts reads them.
 *
 * Validation: the store, the share link and the JSON file all check state through `safeParse`
 * (json-file.ts validateState reads `success`, `data` and the first issue's `path`). The checks
 * below answer that contract by hand instead of through zod/mini: zod/mini costs ≥ 5 KB gz, a
 * quarter of the page's JS budget, for a flat shape of five strings and two string maps.
 */
import type { ZodMiniType } from 'zod/mini';

export const ONBOARDING_TOOL = 'onboarding';
/** Version of the saved shape; bump it (with a migration) when the shape changes. */
export const ONBOARDING_STATE_VERSION = 1;

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
}

/**
 * A link or JSON file also carries the chapters read (slug → day), which the browser keeps apart
 * from the person's entry, so a mentor sees the reading path too.
 */
export interface SharedOnboarding extends OnboardingState {
  readonly reading?: Readonly<Record<string, string>>;
}

const TEXT_FIELDS = ['name', 'role', 'startDate', 'mentor', 'ackDate'] as const;

/** Thrown inside a check with the path of the bad field; caught by `schemaOf`. */
class Invalid {
  constructor(readonly path: PropertyKey[]) {}
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** `{ [row id]: yyyy-mm-dd }` with at most MAX_ENTRIES entries, copied. */
function dateMap(value: unknown, key: string): Record<string, string> {
  if (!isPlainObject(value)) throw new Invalid([key]);
  const entries = Object.entries(value);
  if (entries.length > MAX_ENTRIES) throw new Invalid([key]);
  const out: Record<string, string> = {};
  for (const [id, date] of entries) {
    if (!ROW_ID.test(id) || typeof date !== 'string' || !ISO_DATE.test(date)) throw new Invalid([key, id]);
    out[id] = date;
  }
  return out;
}

function readState(data: unknown): OnboardingState {
  if (!isPlainObject(data)) throw new Invalid([]);
  const text = {} as Record<(typeof TEXT_FIELDS)[number], string>;
  for (const key of TEXT_FIELDS) {
    const value = data[key];
    if (typeof value !== 'string' || value.length > MAX_FIELD_LENGTH) throw new Invalid([key]);
    text[key] = value;
  }
  // Unknown keys are dropped, as a zod object does.
  return { ...text, done: dateMap(data.done, 'done') };
}

function readShared(data: unknown): SharedOnboarding {
  const state = readState(data);
  const reading = (data as Record<string, unknown>).reading;
  return reading === undefined ? state : { ...state, reading: dateMap(reading, 'reading') };
}

/** A check in the `safeParse` shape the store, share link and JSON file read. */
function schemaOf<T>(read: (data: unknown) => T): ZodMiniType<T> {
  return {
    safeParse(data: unknown) {
      try {
        return { success: true, data: read(data) };
      } catch (error) {
        if (!(error instanceof Invalid)) throw error;
        return { success: false, error: { issues: [{ path: error.path }] } };
      }
    },
  } as unknown as ZodMiniType<T>;
}

/** One person's saved entry. */
export const onboardingStateSchema = schemaOf(readState);
/** A share link or JSON file: the entry plus the reading marks. */
export const sharedOnboardingSchema = schemaOf(readShared);

export function emptyOnboardingState(): OnboardingState {
  return { name: '', role: '', startDate: '', mentor: '', ackDate: '', done: {} };
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
