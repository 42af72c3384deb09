/**
 * The 新员工签收 list the 市场经理 or 导师 keeps: one record per person (the 签收 they sent, see
 * onboarding/logic/signoff), a newer 签收 of the same person replacing the row, never doubling it.
 */
import * as v from 'valibot';
import { plainStrictObject } from '../../../core/json-file';
import { personKey } from '../../../core/person-key';
import {
  signoffPayloadEntries,
  type SignoffPayload,
  type SignoffReply,
} from '../../onboarding/logic/signoff';

/** The collector's store namespace, JSON file and share-link name. */
export const SIGNOFFS_TOOL = 'signoffs';
/**
 * Version of the collector's saved list; bump it (with a migration in migrateSignoffs) when the shape
 * changes. 2: a record may carry the 制度测验 result (`format`, `quiz`).
 */
export const SIGNOFFS_VERSION = 2;
/** More new hires than a department has in years; bounds a tampered file. */
export const MAX_SIGNOFFS = 500;

/** One received 签收 as kept in the list. */
export interface SignoffRecord extends SignoffPayload {
  /** When the new hire made the reply (ISO 8601): a newer 签收 of the same person replaces this. */
  readonly at: string;
  /** The envelope's `answers` (editionFingerprint of what was read). */
  readonly answers: string;
}

export interface SignoffList {
  readonly records: readonly SignoffRecord[];
}

/** The collector's saved list: each record is a payload plus `at` and `answers`. */
export const signoffListSchema: v.GenericSchema<unknown, SignoffList> = plainStrictObject({
  records: v.pipe(
    v.array(
      plainStrictObject({
        ...signoffPayloadEntries,
        at: v.pipe(v.string(), v.isoTimestamp()),
        answers: v.pipe(v.string(), v.regex(/^[0-9a-f]{16}$/)),
      }),
    ),
    v.maxLength(MAX_SIGNOFFS),
  ),
});

/**
 * Lifts a list saved by an older version: version 1's records are version 2's without a quiz result
 * (「未做测验」). A newer page's list is never opened by an older one, so a result is never dropped.
 */
export function migrateSignoffs(old: unknown, fromVersion: number): unknown {
  if (fromVersion !== 1) throw new RangeError(`No migration from version ${fromVersion}`);
  return old;
}

export function emptySignoffList(): SignoffList {
  return { records: [] };
}

/** `full`: the list already holds MAX_SIGNOFFS people (nothing added). */
export type AddOutcome = 'added' | 'updated' | 'same' | 'older' | 'full';

/**
 * A 签收 into the list: a new person is added; the same person again replaces their row when the
 * reply is newer (`older` keeps the row: a late copy of an earlier 签收), `same` when nothing changed.
 */
export function addSignoff(
  list: SignoffList,
  reply: Pick<SignoffReply, 'payload' | 'at' | 'answers'>,
): { readonly list: SignoffList; readonly outcome: AddOutcome } {
  const record: SignoffRecord = { ...reply.payload, at: reply.at, answers: reply.answers };
  const key = personKey(record.name);
  const at = list.records.findIndex((r) => personKey(r.name) === key);
  if (at < 0) {
    if (list.records.length >= MAX_SIGNOFFS) return { list, outcome: 'full' };
    return { list: { records: [...list.records, record] }, outcome: 'added' };
  }
  const old = list.records[at]!;
  if (Date.parse(old.at) > Date.parse(record.at)) return { list, outcome: 'older' };
  if (JSON.stringify(sortKeys(old)) === JSON.stringify(sortKeys(record))) return { list, outcome: 'same' };
  const records = list.records.map((r, i) => (i === at ? record : r));
  return { list: { records }, outcome: 'updated' };
}

function sortKeys(record: SignoffRecord): unknown {
  return Object.fromEntries(
    Object.entries({ ...record, done: Object.fromEntries(Object.entries(record.done).sort()) }).sort(
      ([a], [b]) => (a < b ? -1 : 1),
    ),
  );
}

/** Removes one person's row (删除). */
export function removeSignoff(list: SignoffList, name: string): SignoffList {
  const key = personKey(name);
  return { records: list.records.filter((r) => personKey(r.name) !== key) };
}
