/**
 * 入职签收 (五（一）1 新员工入职培训): the new hire sends a 签收 reply (core/reply) naming the policy
 * version and text fingerprint they read, with their checklist progress; the 市场经理 or 导师 collects
 * the replies in a 新员工签收 list: who signed which version (current or not), and who is behind on
 * the first-month items as of a given day. Same person again updates the row, never doubles it.
 * A reply shows what was sent; the signed 制度签收单 on paper is the record.
 */
import * as v from 'valibot';
import { isoToDayNumber } from '../../../core/calendar-date';
import { toCsv, type CsvCell } from '../../../core/csv';
import { personKey } from '../../../core/person-key';
import { plain, plainStrictObject } from '../../../core/json-file';
import type { OnboardingPolicy } from '../../../core/policy-types';
// Reply reading and making (core/reply, fingerprint, share-link) load when a 签收 is made or read, not
// with the 签收 list (issue 10 item 8).
import type { Reply, ReplyResult } from '../../../core/reply';
import { fill } from '../../../core/template';
import { toPlainText } from '../../../core/text-export';
import type { ToolDefinition } from '../../kit/logic/definition';
import { parseDateInput, percentOf, type ChecklistView } from './checklist';
import { onboardingSchedule } from './schedule';
import { MAX_ENTRIES, MAX_FIELD_LENGTH, ONBOARDING_TOOL, type OnboardingState } from './state';

const replyCode = () => import('../../../core/reply');

/** `reply` of a 签收 envelope. */
export const SIGNOFF_REPLY_KIND = 'sign-off';
/** The collector's store namespace, JSON file and share-link name. */
export const SIGNOFFS_TOOL = 'signoffs';
/** Version of the collector's saved list; bump it (with a migration) when the shape changes. */
export const SIGNOFFS_VERSION = 1;
/** More new hires than a department has in years; bounds a tampered file. */
export const MAX_SIGNOFFS = 500;

/** Words the sign-off logic needs; ui/strings.ts provides them (type-checked there). */
export type SignoffLabelKey =
  | 'signoff.error.name'
  | 'signoff.error.role'
  | 'signoff.error.date'
  | 'signoff.error.emptyLine'
  | 'signoff.error.full'
  | 'signoff.outcome.added'
  | 'signoff.outcome.updated'
  | 'signoff.outcome.same'
  | 'signoff.outcome.older'
  | 'signoff.source.line'
  | 'signoff.version.current'
  | 'signoff.version.otherVersion'
  | 'signoff.version.otherText'
  | 'signoff.col.name'
  | 'signoff.col.role'
  | 'signoff.col.mentor'
  | 'signoff.col.startDate'
  | 'signoff.col.signedOn'
  | 'signoff.col.version'
  | 'signoff.col.fingerprint'
  | 'signoff.col.versionStatus'
  | 'signoff.col.done'
  | 'signoff.col.total'
  | 'signoff.col.overdueCount'
  | 'signoff.col.overdueItems'
  | 'signoff.text.title'
  | 'signoff.text.summary'
  | 'signoff.text.row'
  | 'signoff.text.overdue'
  | 'signoff.text.empty'
  | 'signoff.fileBase'
  | 'trust.note';
export type SignoffLabels = { readonly [K in SignoffLabelKey]: string };
type Strings = SignoffLabels;

// ---- the reply ---------------------------------------------------------------------------------

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const ROW_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const text = v.pipe(v.string(), v.maxLength(MAX_FIELD_LENGTH));
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
}

const count = v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(MAX_ENTRIES));

const payloadEntries = {
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
};

export const signoffPayloadSchema: v.GenericSchema<unknown, SignoffPayload> =
  plainStrictObject(payloadEntries);

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

/**
 * A pasted 签收 link (whole address or fragment) or a reply file's text → the 签收. Rejects only when
 * the reading code could not be loaded (offline without the service worker's copy).
 */
export async function readSignoffReply(input: string): Promise<ReplyResult<SignoffPayload>> {
  const { readReply } = await replyCode();
  return readReply(input, { tool: ONBOARDING_TOOL, kinds: [SIGNOFF_REPLY_KIND], payload: signoffPayloadSchema });
}

// ---- the collector's list ----------------------------------------------------------------------

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
        ...payloadEntries,
        at: v.pipe(v.string(), v.isoTimestamp()),
        answers: v.pipe(v.string(), v.regex(/^[0-9a-f]{16}$/)),
      }),
    ),
    v.maxLength(MAX_SIGNOFFS),
  ),
});

export function emptySignoffList(): SignoffList {
  return { records: [] };
}

export { personKey };

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

export interface ReceivedItem {
  /** Where it came from, for the message: a file name or 第 3 行. */
  readonly source: string;
  readonly text: string;
}

export type ReceiveResult =
  | {
      readonly source: string;
      readonly ok: true;
      readonly name: string;
      readonly outcome: Exclude<AddOutcome, 'full'>;
      readonly message: string;
    }
  | { readonly source: string; readonly ok: false; readonly error: string };

/** Pasted text → one item per non-empty line (a pasted JSON reply is one item). */
export function pastedItems(pasted: string, t: Strings): ReceivedItem[] {
  const trimmed = pasted.replace(/^\uFEFF/, '').trim();
  if (trimmed === '') return [];
  if (trimmed.startsWith('{')) return [{ source: fill(t['signoff.source.line'], { n: 1 }), text: trimmed }];
  return pasted
    .split(/\r\n?|\n/)
    .map((line, i) => ({ source: fill(t['signoff.source.line'], { n: i + 1 }), text: line.trim() }))
    .filter((item) => item.text !== '');
}

/**
 * Received links or files → the list with each good 签收 added, and one result per item: added /
 * updated / unchanged, or the Chinese reason it was refused (bad link, other tool, not a 签收…).
 */
export async function receiveSignoffs(
  list: SignoffList,
  items: readonly ReceivedItem[],
  t: Strings,
): Promise<{ readonly list: SignoffList; readonly results: readonly ReceiveResult[] }> {
  let current = list;
  const results: ReceiveResult[] = [];
  for (const item of items) {
    if (item.text.trim() === '') {
      results.push({ source: item.source, ok: false, error: t['signoff.error.emptyLine'] });
      continue;
    }
    const read = await readSignoffReply(item.text);
    if (!read.ok) {
      results.push({ source: item.source, ok: false, error: read.error });
      continue;
    }
    const added = addSignoff(current, read.reply);
    const name = read.reply.payload.name;
    if (added.outcome === 'full') {
      results.push({
        source: item.source,
        ok: false,
        error: fill(t['signoff.error.full'], { name, max: MAX_SIGNOFFS }),
      });
      continue;
    }
    current = added.list;
    results.push({
      source: item.source,
      ok: true,
      name,
      outcome: added.outcome,
      message: fill(t[`signoff.outcome.${added.outcome}`], { name }),
    });
  }
  return { list: current, results };
}

// ---- the view ----------------------------------------------------------------------------------

export interface SignoffContext {
  /** Today's onboarding parameters (the items and phases overdue is counted against). */
  readonly policy: Pick<OnboardingPolicy, 'phases' | 'items'>;
  /** Appraisal groups: id → name, for a role the reply did not name. */
  readonly roles: readonly { readonly id: string; readonly name: string }[];
  /** The edition this site publishes now. */
  readonly current: PolicyEdition;
  /** yyyy-mm-dd; null before the browser said what day it is (nothing counts as overdue). */
  readonly today: string | null;
}

/** `current`; `other-version`: signed another version; `other-text`: same version number, other text. */
export type VersionStatus = 'current' | 'other-version' | 'other-text';

export interface OverdueItem {
  readonly id: string;
  readonly title: string;
  readonly phase: string;
  readonly dueDate: string;
}

export interface SignoffRow {
  readonly key: string;
  readonly record: SignoffRecord;
  readonly roleName: string;
  readonly versionStatus: VersionStatus;
  readonly versionLabel: string;
  /** Progress recomputed with today's parameters and `today`. */
  readonly done: number;
  readonly total: number;
  readonly percent: number;
  readonly overdue: readonly OverdueItem[];
  /** Behind: some item is overdue as of `today`. */
  readonly behind: boolean;
}

export interface SignoffSummary {
  readonly people: number;
  readonly current: number;
  readonly notCurrent: number;
  readonly behind: number;
}

export interface SignoffsResult {
  /** Behind first (most overdue items first), then not the current version, then by name. */
  readonly rows: readonly SignoffRow[];
  readonly summary: SignoffSummary;
}

function versionStatus(record: SignoffRecord, current: PolicyEdition): VersionStatus {
  if (record.policyVersion !== current.version) return 'other-version';
  return record.policyFingerprint === current.fingerprint ? 'current' : 'other-text';
}

const VERSION_LABEL = {
  current: 'signoff.version.current',
  'other-version': 'signoff.version.otherVersion',
  'other-text': 'signoff.version.otherText',
} as const;

/** The list as the page shows it, sorted; overdue recomputed as of `context.today`. */
export function signoffRows(list: SignoffList, context: SignoffContext, t: Strings): SignoffsResult {
  const roleIds = new Set(context.roles.map((r) => r.id));
  const rows = list.records.map((record): SignoffRow => {
    const schedule = onboardingSchedule({
      policy: context.policy,
      // An unknown role keeps only the items for every role, as buildChecklist does.
      role: roleIds.has(record.role) ? record.role : '',
      startDate: record.startDate,
      today: context.today,
      done: new Set(Object.keys(record.done)),
    });
    const overdue = schedule.phases.flatMap((p) =>
      p.items
        .filter((it) => it.overdue)
        .map((it) => ({
          id: it.item.id,
          title: it.item.title,
          phase: p.phase.name,
          dueDate: p.dueDate ?? '',
        })),
    );
    const status = versionStatus(record, context.current);
    return {
      key: personKey(record.name),
      record,
      roleName: context.roles.find((r) => r.id === record.role)?.name ?? record.roleName,
      versionStatus: status,
      versionLabel: fill(t[VERSION_LABEL[status]], { version: record.policyVersion }),
      done: schedule.doneCount,
      total: schedule.total,
      percent: percentOf(schedule.doneCount, schedule.total),
      overdue,
      behind: overdue.length > 0,
    };
  });
  rows.sort(
    (a, b) =>
      b.overdue.length - a.overdue.length ||
      Number(a.versionStatus === 'current') - Number(b.versionStatus === 'current') ||
      a.record.name.localeCompare(b.record.name, 'zh-CN') ||
      (a.key < b.key ? -1 : a.key > b.key ? 1 : 0),
  );
  const current = rows.filter((r) => r.versionStatus === 'current').length;
  return {
    rows,
    summary: {
      people: rows.length,
      current,
      notCurrent: rows.length - current,
      behind: rows.filter((r) => r.behind).length,
    },
  };
}

/** CSV rows: header, then one row per person in the page's order. */
export function signoffCsvRows(result: SignoffsResult, t: Strings): CsvCell[][] {
  return [
    [
      t['signoff.col.name'],
      t['signoff.col.role'],
      t['signoff.col.mentor'],
      t['signoff.col.startDate'],
      t['signoff.col.signedOn'],
      t['signoff.col.version'],
      t['signoff.col.fingerprint'],
      t['signoff.col.versionStatus'],
      t['signoff.col.done'],
      t['signoff.col.total'],
      t['signoff.col.overdueCount'],
      t['signoff.col.overdueItems'],
    ],
    ...result.rows.map((row): CsvCell[] => [
      row.record.name,
      row.roleName,
      row.record.mentor,
      row.record.startDate,
      row.record.date,
      row.record.policyVersion,
      row.record.policyFingerprint,
      row.versionLabel,
      row.done,
      row.total,
      row.overdue.length,
      row.overdue.map((o) => `${o.title}（${o.dueDate}）`).join('；'),
    ]),
  ];
}

/** The list as plain text for 微信 / 钉钉. */
export function signoffText(result: SignoffsResult, t: Strings): string {
  const { summary } = result;
  const lines =
    result.rows.length === 0
      ? [t['signoff.text.empty']]
      : result.rows.map(
          (row) =>
            fill(t['signoff.text.row'], {
              name: row.record.name,
              role: row.roleName,
              date: row.record.date,
              version: row.versionLabel,
              done: row.done,
              total: row.total,
            }) +
            (row.behind
              ? fill(t['signoff.text.overdue'], { items: row.overdue.map((o) => o.title).join('、') })
              : ''),
        );
  return toPlainText(t['signoff.text.title'], [
    { lines: [fill(t['signoff.text.summary'], { ...summary })] },
    { lines },
    { lines: [t['trust.note']] },
  ]);
}

// ---- the tool --------------------------------------------------------------------------------

export interface SignoffsToolContext extends SignoffContext {
  readonly labels: SignoffLabels;
}

/** 新员工签收: one list per browser, run by the kit like every tool. */
export const signoffsDefinition: ToolDefinition<SignoffList, SignoffsResult, SignoffsToolContext> = {
  id: SIGNOFFS_TOOL,
  version: SIGNOFFS_VERSION,
  schema: signoffListSchema,
  empty: emptySignoffList,
  isBlank: (state) => state.records.length === 0,
  derive: (state, ctx) => signoffRows(state, ctx, ctx.labels),
  entries: { kind: 'single', key: 'list' },
  exports: async () => ({
    text: (_state, result, ctx) => signoffText(result, ctx.labels),
    csv: (_state, result, ctx) => toCsv(signoffCsvRows(result, ctx.labels)),
    fileBase: (_state, ctx) =>
      ctx.today ? `${ctx.labels['signoff.fileBase']}-${ctx.today}` : ctx.labels['signoff.fileBase'],
  }),
};
