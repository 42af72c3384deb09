/**
 * 预算申请单: the saved shape of one draft (as typed: every amount and quantity is kept as the
 * text the reader entered, so a refused value stays on screen beside its message) and the pure
 * edits the form makes to it. Parsing and arithmetic live in ./derive.
 */
import * as v from 'valibot';
import { limitedText } from '../../../core/text-limit';
import { plainRecord, plainStrictObject } from '../../../core/json-file';

/** Tool name in share links, JSON files and the browser store (namespace). */
export const BUDGET_REQUEST_TOOL = 'budget-request';
/**
 * Version of the saved shape; bump it (and extend migrateDraft) when the schema changes.
 * 2: request id, revision, approval decisions and the revisions before (审批, 六（一）1).
 */
export const BUDGET_REQUEST_VERSION = 2;
/** Most line items a request may hold (the form refuses a 201st; split the request instead). */
export const MAX_LINES = 200;
/** Longest one-line text (names, units, amounts as typed). */
export const MAX_SHORT = 100;
/** Longest multi-line text (用途说明, required fields). */
export const MAX_LONG = 2000;
/** Longest 审批意见. */
export const MAX_COMMENT = 500;
/** More steps than any approval chain has; bounds a tampered link. */
export const MAX_STEPS = 10;
/** Earlier revisions kept with their decisions (the oldest are dropped beyond this). */
export const MAX_HISTORY = 20;

// Text over its limit is kept and reported, never cut (core/text-limit).
const short = limitedText(MAX_SHORT);
const long = limitedText(MAX_LONG);
const id = v.pipe(v.string(), v.regex(/^[A-Za-z0-9_-]{1,40}$/));
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
// core/fingerprint's FINGERPRINT_LENGTH, written out: importing it would load the hashing code with
// the form on first load. test/unit/tools/budget-request/state.test.ts keeps the two equal.
export const DECISION_FINGERPRINT_LENGTH = 16;
const FINGERPRINT = new RegExp(`^[0-9a-f]{${DECISION_FINGERPRINT_LENGTH}}$`);

/** 同意 / 退回修改 / 不同意. */
export const DECISIONS = ['approve', 'return', 'reject'] as const;
export type Decision = (typeof DECISIONS)[number];

/** One approver's decision on one revision (六（一）1 审批流程). */
export const decisionSchema = plainStrictObject({
  /** Step id from budget.yaml approvalSteps (manager, finance, ceo). */
  step: v.pipe(v.string(), v.regex(/^[a-z0-9-]{1,40}$/)),
  /** The step's approver (role) as the policy named it then, e.g. 市场经理. */
  approver: short,
  /** Who decided, as they typed their name. */
  name: short,
  decision: v.picklist(DECISIONS),
  /** 意见 (required for 退回修改 and 不同意). */
  comment: limitedText(MAX_COMMENT),
  /** Day of the decision, yyyy-mm-dd. */
  date: v.pipe(v.string(), v.regex(ISO_DATE)),
  /** Fingerprint of the revision decided on (revisionFingerprint in ./approval). */
  answers: v.pipe(v.string(), v.regex(FINGERPRINT)),
});
export type ApprovalDecision = v.InferOutput<typeof decisionSchema>;

export const decisionsSchema = v.pipe(v.array(decisionSchema), v.maxLength(MAX_STEPS));

/** A revision closed by startRevision, with the decisions it had. */
export const revisionRecordSchema = plainStrictObject({
  revision: v.pipe(v.number(), v.integer(), v.minValue(1)),
  approvals: decisionsSchema,
});
export type RevisionRecord = v.InferOutput<typeof revisionRecordSchema>;

/** One 费用明细 line, as typed. */
export const lineSchema = plainStrictObject({
  /** Stable id (row key, field ids); never shown. */
  id,
  /** 费用说明 (required on a filled line). */
  description: short,
  /** 明细科目: one of the category's subcategories, or '' for none. */
  subcategory: short,
  /** 数量 as typed, e.g. "1,200" or "２.５". */
  quantity: short,
  /** 单位, e.g. 场, 份, 小时. */
  unit: short,
  /** 单价 as typed, e.g. "¥3.5". */
  unitPrice: short,
});
export type RequestLineDraft = v.InferOutput<typeof lineSchema>;

export const draftSchema = plainStrictObject({
  /** Identity of the request across revisions and replies (a copy gets a new one). */
  requestId: id,
  /** 第几版: 1, then + 1 each time an edit after a decision starts a new revision. */
  revision: v.pipe(v.number(), v.integer(), v.minValue(1)),
  /** Decisions on this revision, in chain order (市场经理 → 财务部 → 总经理). */
  approvals: decisionsSchema,
  /** Earlier revisions and their decisions, oldest first. */
  history: v.pipe(v.array(revisionRecordSchema), v.maxLength(MAX_HISTORY)),
  /** 申请部门 (default 市场部). */
  department: short,
  /** 申请人. */
  applicant: short,
  /** 申请日期 yyyy-mm-dd, or '' when not filled. */
  date: short,
  /** 预算年度 as typed (default: fiscalYear of the parameters). */
  fiscalYear: short,
  /** 项目名称. */
  project: short,
  /** Category id from the parameters, '' when none is chosen yet. */
  category: short,
  /** 用途说明 (六（二）1: 明确各项费用的用途和金额). */
  purpose: long,
  /** Texts of the category's required fields, by field id (e.g. goal, channels). */
  fields: plainRecord(v.pipe(v.string(), v.regex(/^[a-z0-9-]{1,40}$/)), long),
  lines: v.pipe(
    v.array(lineSchema),
    v.maxLength(MAX_LINES),
    // Ids key the rows and their field ids, so two lines may not share one.
    v.check((lines) => new Set(lines.map((l) => l.id)).size === lines.length),
  ),
  /** 年度预算 as typed; null = the category's amount from the parameters. */
  annualBudget: v.nullable(short),
  /** 本年度已使用 as typed ('' counts as 0). */
  used: short,
  /** 预期回报 inputs (promotion only; all optional). */
  expected: plainStrictObject({ participants: short, conversions: short, pricePerCustomer: short }),
  /** The reader marked the request complete (only possible with nothing missing). */
  complete: v.boolean(),
});
export type BudgetRequestDraft = v.InferOutput<typeof draftSchema>;

/** A short random id for drafts and lines: time + randomness, letters and digits only. */
export function newId(prefix: string, now: number = Date.now(), random: () => number = Math.random): string {
  const rand = Math.floor(random() * 36 ** 6)
    .toString(36)
    .padStart(6, '0');
  return `${prefix}${Math.max(0, Math.floor(now)).toString(36)}${rand}`;
}

export function blankLine(lineId: string): RequestLineDraft {
  return { id: lineId, description: '', subcategory: '', quantity: '', unit: '', unitPrice: '' };
}

export interface DraftDefaults {
  readonly department: string;
  readonly fiscalYear: number;
  /** Today as yyyy-mm-dd, or '' (e.g. when rendering on the server). */
  readonly date: string;
  readonly firstLineId: string;
  /** Request id; default `r` + firstLineId (line ids are already unique per draft). */
  readonly requestId?: string;
}

/** Request id of a draft whose first line is `lineId` (ids allow 40 characters). */
export function requestIdFor(lineId: string): string {
  return `r${lineId}`.slice(0, 40);
}

/** A new request: one empty line, today's date, the parameters' budget year. */
export function blankDraft(defaults: DraftDefaults): BudgetRequestDraft {
  return {
    requestId: defaults.requestId ?? requestIdFor(defaults.firstLineId),
    revision: 1,
    approvals: [],
    history: [],
    department: defaults.department,
    applicant: '',
    date: defaults.date,
    fiscalYear: String(defaults.fiscalYear),
    project: '',
    category: '',
    purpose: '',
    fields: {},
    lines: [blankLine(defaults.firstLineId)],
    annualBudget: null,
    used: '',
    expected: { participants: '', conversions: '', pricePerCustomer: '' },
    complete: false,
  };
}

/** True when a line has nothing typed in it (such a line is ignored, not an error). */
export function isBlankLine(line: RequestLineDraft): boolean {
  return [line.description, line.quantity, line.unit, line.unitPrice].every((t) => t.trim() === '');
}

/** True when the reader has typed nothing beyond the defaults (no need to keep it). */
export function isUntouched(
  draft: BudgetRequestDraft,
  defaults: Pick<DraftDefaults, 'department' | 'fiscalYear'>,
): boolean {
  return (
    draft.applicant === '' &&
    draft.project === '' &&
    draft.category === '' &&
    draft.purpose === '' &&
    Object.values(draft.fields).every((v) => v === '') &&
    draft.lines.every(isBlankLine) &&
    draft.annualBudget === null &&
    draft.used === '' &&
    Object.values(draft.expected).every((v) => v === '') &&
    draft.department === defaults.department &&
    draft.fiscalYear === String(defaults.fiscalYear)
  );
}

// ---- edits (each returns a new draft; the old one is left as it was) ----------------------

/** Adds an empty line at the end; unchanged when the request already has MAX_LINES. */
export function addLine(draft: BudgetRequestDraft, lineId: string): BudgetRequestDraft {
  if (draft.lines.length >= MAX_LINES) return draft;
  return { ...draft, lines: [...draft.lines, blankLine(lineId)] };
}

export function removeLine(draft: BudgetRequestDraft, lineId: string): BudgetRequestDraft {
  return { ...draft, lines: draft.lines.filter((l) => l.id !== lineId) };
}

/** Moves a line one place up (-1) or down (+1); unchanged at either end. */
export function moveLine(draft: BudgetRequestDraft, lineId: string, by: -1 | 1): BudgetRequestDraft {
  const from = draft.lines.findIndex((l) => l.id === lineId);
  const to = from + by;
  if (from < 0 || to < 0 || to >= draft.lines.length) return draft;
  const lines = [...draft.lines];
  const [moved] = lines.splice(from, 1);
  lines.splice(to, 0, moved as RequestLineDraft);
  return { ...draft, lines };
}

/** Changes one field of one line; the other line objects stay identical (rows can skip re-rendering). */
export function updateLine(
  draft: BudgetRequestDraft,
  lineId: string,
  field: Exclude<keyof RequestLineDraft, 'id'>,
  value: string,
): BudgetRequestDraft {
  return { ...draft, lines: draft.lines.map((l) => (l.id === lineId ? { ...l, [field]: value } : l)) };
}

/**
 * 复制: the same request as a new request (its own id, revision 1, no decisions), not complete,
 * with fresh line ids.
 */
export function duplicateDraft(
  draft: BudgetRequestDraft,
  projectSuffix: string,
  lineId: (index: number) => string,
  requestId: string = requestIdFor(lineId(draft.lines.length)),
): BudgetRequestDraft {
  // Never cut: a name that grows past its limit is shown over it beside 项目名称.
  const project = draft.project + projectSuffix;
  return {
    ...draft,
    requestId,
    revision: 1,
    approvals: [],
    history: [],
    project,
    complete: false,
    lines: draft.lines.map((l, i) => ({ ...l, id: lineId(i) })),
  };
}

/**
 * Lifts a draft saved by an older version (store, JSON file, share link). Version 1 had no request
 * id, revision or decisions: the id comes from the first line's id (random when it was made), so the
 * same old link opened twice gives the same request. Anything else is refused (throws).
 */
export function migrateDraft(old: unknown, fromVersion: number): unknown {
  if (fromVersion !== 1 || typeof old !== 'object' || old === null || Array.isArray(old)) {
    throw new RangeError(`No migration from version ${fromVersion}`);
  }
  const data = old as Record<string, unknown>;
  const lines = Array.isArray(data['lines']) ? (data['lines'] as unknown[]) : [];
  const first = lines[0] as { id?: unknown } | undefined;
  const firstId =
    typeof first?.id === 'string' && /^[A-Za-z0-9_-]{1,39}$/.test(first.id) ? first.id : 'legacy';
  return { ...data, requestId: requestIdFor(firstId), revision: 1, approvals: [], history: [] };
}
