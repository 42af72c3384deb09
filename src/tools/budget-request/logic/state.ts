/**
 * 预算申请单: the saved shape of one draft (as typed: every amount and quantity is kept as the
 * text the reader entered, so a refused value stays on screen beside its message) and the pure
 * edits the form makes to it. Parsing and arithmetic live in ./budget-request-derive.
 */
import * as v from 'valibot';
import { plainRecord, plainStrictObject } from '../../../core/json-file';

/** Tool name in share links, JSON files and the browser store (namespace). */
export const BUDGET_REQUEST_TOOL = 'budget-request';
/** Version of the saved shape; bump it (and add a migration) when the schema changes. */
export const BUDGET_REQUEST_VERSION = 1;
/** Most line items a request may hold (the form refuses a 201st; split the request instead). */
export const MAX_LINES = 200;
/** Longest one-line text (names, units, amounts as typed). */
export const MAX_SHORT = 100;
/** Longest multi-line text (用途说明, required fields). */
export const MAX_LONG = 2000;

const short = v.pipe(v.string(), v.maxLength(MAX_SHORT));
const long = v.pipe(v.string(), v.maxLength(MAX_LONG));
const id = v.pipe(v.string(), v.regex(/^[A-Za-z0-9_-]{1,40}$/));

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
}

/** A new request: one empty line, today's date, the parameters' budget year. */
export function blankDraft(defaults: DraftDefaults): BudgetRequestDraft {
  return {
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

/** 复制: the same request as a new draft, not complete, with fresh line ids. */
export function duplicateDraft(
  draft: BudgetRequestDraft,
  projectSuffix: string,
  lineId: (index: number) => string,
): BudgetRequestDraft {
  const project = (draft.project + projectSuffix).slice(0, MAX_SHORT);
  return { ...draft, project, complete: false, lines: draft.lines.map((l, i) => ({ ...l, id: lineId(i) })) };
}
