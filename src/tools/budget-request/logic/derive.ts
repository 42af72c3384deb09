/**
 * 预算申请单: everything the form shows, worked out from a draft (as typed) and the budget
 * parameters. Totals are integer 分 (lineAmountFen / requestTotalFen rules of ./budget); an input
 * that does not parse is reported beside its field and left out of the sums, so no total is ever
 * NaN. Messages come from the tool's words (./labels, given by ui/strings.ts) or core/parse-number.
 */
import type { BudgetRequestLabels } from './labels';
import {
  approvalChain,
  budgetPosition,
  expectedReturn,
  lineAmountFen,
  type BudgetPosition,
  type ExpectedReturn,
} from './budget';
import { isBlankLine, type BudgetRequestDraft, type RequestLineDraft } from './state';
import { toChineseUppercase } from '../../../core/chinese-uppercase';
import { MAX_FEN, sumFen, yuanToFen, type Fen } from '../../../core/money';
import { isoToDayNumber } from '../../../core/calendar-date';
import { parseCount, parseDecimal, parseMoney } from '../../../core/parse-number';
import type { ApprovalStep, BudgetCategory, BudgetPolicy } from '../../../core/policy-types';
import { fill } from '../../../core/template';

/** Most decimals a quantity may carry (2.5 小时, 0.25 吨). */
export const QUANTITY_DECIMALS = 2;
/** Largest head count for the expected-return block (1 亿 people). */
export const MAX_PEOPLE = 100_000_000;

/** A field the reader still has to fill or fix; `target` names the input (see fieldTarget). */
export interface MissingItem {
  readonly target: string;
  readonly label: string;
}

export interface LineResult {
  /** Nothing typed in the line: ignored, not an error. */
  readonly blank: boolean;
  readonly descriptionError: string | null;
  readonly quantityError: string | null;
  readonly unitPriceError: string | null;
  readonly quantity: number | null;
  readonly unitPriceFen: Fen | null;
  /** 数量 × 单价 rounded to the 分; null when blank or either number is refused. */
  readonly amountFen: Fen | null;
}

export type LineDeriver = (line: RequestLineDraft) => LineResult;

type Strings = BudgetRequestLabels;

/** Reads one line. */
export function deriveLine(line: RequestLineDraft, t: Strings): LineResult {
  if (isBlankLine(line)) {
    return {
      blank: true,
      descriptionError: null,
      quantityError: null,
      unitPriceError: null,
      quantity: null,
      unitPriceFen: null,
      amountFen: null,
    };
  }
  const descriptionError = line.description.trim() === '' ? t['error.description'] : null;

  const q = parseDecimal(line.quantity, { maxDecimals: QUANTITY_DECIMALS });
  let quantity: number | null = null;
  let quantityError: string | null = null;
  if (!q.ok) quantityError = q.code === 'negative' ? t['error.quantityPositive'] : q.error;
  else if (q.value <= 0) quantityError = t['error.quantityPositive'];
  else quantity = q.value;

  const p = parseMoney(line.unitPrice);
  const unitPriceFen = p.ok ? p.value : null;
  const unitPriceError = p.ok ? null : p.error;

  let amountFen: Fen | null = null;
  if (quantity !== null && unitPriceFen !== null) {
    try {
      amountFen = lineAmountFen({ quantity, unitPriceFen });
    } catch {
      amountFen = null; // past Number.MAX_SAFE_INTEGER 分: reported just below
    }
    if (amountFen === null || amountFen > MAX_FEN) {
      amountFen = null;
      quantityError = t['error.lineTooLarge'];
      quantity = null;
    }
  }
  return { blank: false, descriptionError, quantityError, unitPriceError, quantity, unitPriceFen, amountFen };
}

/**
 * `deriveLine` remembering its answer per line object: an edit replaces only the line it
 * touches (updateLine), so on each keystroke the other 199 lines are not parsed again and
 * their results keep their identity (rows can skip re-rendering).
 */
export function createLineDeriver(t: Strings): LineDeriver {
  const cache = new WeakMap<RequestLineDraft, LineResult>();
  return (line) => {
    let result = cache.get(line);
    if (!result) {
      result = deriveLine(line, t);
      cache.set(line, result);
    }
    return result;
  };
}

/** Name of an input for `MissingItem.target`; the page turns it into an element id. */
export function fieldTarget(
  kind: 'line',
  lineId: string,
  field: 'description' | 'quantity' | 'unitPrice',
): string;
export function fieldTarget(kind: 'field', fieldId: string): string;
export function fieldTarget(kind: 'line' | 'field', id: string, field?: string): string {
  return kind === 'line' ? `line-${id}-${field}` : `field-${id}`;
}

export interface ExpectedReturnResult {
  readonly participantsError: string | null;
  readonly conversionsError: string | null;
  readonly priceError: string | null;
  readonly participants: number | null;
  readonly conversions: number | null;
  readonly pricePerCustomerFen: Fen | null;
  /** The estimate, once all three inputs are filled and valid. */
  readonly estimate: ExpectedReturn | null;
  /** True when nothing at all is filled in (the block is optional). */
  readonly empty: boolean;
}

export interface BudgetRequestResult {
  readonly category: BudgetCategory | null;
  readonly dateError: string | null;
  readonly fiscalYearError: string | null;
  readonly annualError: string | null;
  readonly usedError: string | null;
  readonly lines: readonly LineResult[];
  /** Lines whose amount is in the total. */
  readonly countedLines: number;
  /** Filled lines left out of the total because a number is refused. */
  readonly invalidLines: number;
  readonly totalFen: Fen;
  /** 大写金额 of the total, e.g. 人民币壹仟贰佰元整. */
  readonly totalUppercase: string;
  /** The category's amount in the parameters (null when no category is chosen). */
  readonly annualFromParamsFen: Fen | null;
  /** Annual budget in use: the reader's figure, else the parameters'. */
  readonly annualFen: Fen | null;
  readonly usedFen: Fen | null;
  /** Where the request leaves the category's budget (null until category and figures are valid). */
  readonly position: BudgetPosition | null;
  /** Approvers for the total, in order (六（一）1). */
  readonly chain: readonly ApprovalStep[];
  /** Only for a category that offers it (promotion). */
  readonly expected: ExpectedReturnResult | null;
  /** What blocks 标记为已完成, in form order. */
  readonly missing: readonly MissingItem[];
}

function deriveExpected(draft: BudgetRequestDraft, totalFen: Fen, t: Strings): ExpectedReturnResult {
  const { participants, conversions, pricePerCustomer } = draft.expected;
  const empty = [participants, conversions, pricePerCustomer].every((s) => s.trim() === '');
  const pa = parseCount(participants, { max: MAX_PEOPLE });
  const co = parseCount(conversions, { max: MAX_PEOPLE });
  const pr = parseMoney(pricePerCustomer);
  // An empty field is simply not filled (the block is optional): no message for it.
  const message = (r: { ok: boolean; code?: string; error?: string }) =>
    r.ok || r.code === 'empty' ? null : (r.error ?? null);
  const participantsError = message(pa);
  let conversionsError = message(co);
  if (pa.ok && co.ok && co.value > pa.value) conversionsError = t['error.conversions'];
  let priceError = message(pr);
  let estimate: ExpectedReturn | null = null;
  if (pa.ok && co.ok && pr.ok && conversionsError === null) {
    try {
      estimate = expectedReturn({
        participants: pa.value,
        conversions: co.value,
        pricePerCustomerFen: pr.value,
        costFen: totalFen,
      });
    } catch {
      priceError = t['error.revenueTooLarge'];
    }
  }
  return {
    participantsError,
    conversionsError,
    priceError,
    participants: pa.ok ? pa.value : null,
    conversions: co.ok ? co.value : null,
    pricePerCustomerFen: pr.ok ? pr.value : null,
    estimate,
    empty,
  };
}

function requiredText(value: string | undefined): boolean {
  return (value ?? '').trim() !== '';
}

/** Everything the form, the printout and the exports show for one draft. */
export function deriveRequest(
  draft: BudgetRequestDraft,
  policy: Pick<BudgetPolicy, 'categories' | 'approvalSteps'>,
  t: Strings,
  lineOf: LineDeriver = (line) => deriveLine(line, t),
): BudgetRequestResult {
  const category = policy.categories.find((c) => c.id === draft.category) ?? null;
  const missing: MissingItem[] = [];
  const need = (target: string, label: string) => missing.push({ target, label });

  // 基本信息
  if (!requiredText(draft.department)) need('department', t['field.department']);
  if (!requiredText(draft.applicant)) need('applicant', t['field.applicant']);
  let dateError: string | null = null;
  if (draft.date.trim() === '') need('date', t['field.date']);
  else if (isoToDayNumber(draft.date) === null) {
    dateError = t['error.date'];
    need('date', t['field.date']);
  }
  let fiscalYearError: string | null = null;
  const year = parseDecimal(draft.fiscalYear, { integer: true, min: 2000, max: 2100 });
  if (!year.ok) {
    fiscalYearError = year.code === 'empty' ? null : t['error.year'];
    need('fiscalYear', t['field.year']);
  }
  if (!requiredText(draft.project)) need('project', t['field.project']);
  if (!category) need('category', t['field.category']);
  if (!requiredText(draft.purpose)) need('purpose', t['field.purpose']);
  for (const field of category?.requestFields ?? []) {
    if (!requiredText(draft.fields[field.id])) need(fieldTarget('field', field.id), field.label);
  }

  // 费用明细
  const lines = draft.lines.map(lineOf);
  const amounts: Fen[] = [];
  let invalidLines = 0;
  lines.forEach((r, i) => {
    if (r.blank) return;
    if (r.amountFen !== null) amounts.push(r.amountFen);
    else invalidLines += 1;
    const lineId = draft.lines[i]!.id;
    const label = (field: string) => fill(t['complete.lineError'], { n: i + 1, field });
    if (r.descriptionError)
      need(fieldTarget('line', lineId, 'description'), label(t['lines.col.description']));
    if (r.quantityError) need(fieldTarget('line', lineId, 'quantity'), label(t['lines.col.quantity']));
    if (r.unitPriceError) need(fieldTarget('line', lineId, 'unitPrice'), label(t['lines.col.unitPrice']));
  });
  if (lines.every((r) => r.blank)) need('add-line', t['complete.noLines']);
  // At most MAX_LINES lines of at most MAX_FEN each: far below Number.MAX_SAFE_INTEGER.
  const totalFen = sumFen(amounts);

  // 预算情况
  const annualFromParamsFen = category ? yuanToFen(category.annualYuan) : null;
  let annualFen: Fen | null = annualFromParamsFen;
  let annualError: string | null = null;
  if (draft.annualBudget !== null) {
    const a = parseMoney(draft.annualBudget);
    annualFen = a.ok ? a.value : null;
    annualError = a.ok ? null : a.error;
    if (!a.ok) need('annualBudget', t['budget.annualGeneric']);
  }
  let usedFen: Fen | null = 0 as Fen;
  let usedError: string | null = null;
  if (draft.used.trim() !== '') {
    const u = parseMoney(draft.used);
    usedFen = u.ok ? u.value : null;
    usedError = u.ok ? null : u.error;
    if (!u.ok) need('used', t['budget.used']);
  }
  const position =
    category && annualFen !== null && usedFen !== null
      ? budgetPosition({ annualFen, usedFen, requestFen: totalFen })
      : null;

  const expected = category?.expectedReturn ? deriveExpected(draft, totalFen, t) : null;
  if (expected?.participantsError) need('participants', t['expected.participants']);
  if (expected?.conversionsError) need('conversions', t['expected.conversions']);
  if (expected?.priceError) need('pricePerCustomer', t['expected.price']);

  return {
    category,
    dateError,
    fiscalYearError,
    annualError,
    usedError,
    lines,
    countedLines: amounts.length,
    invalidLines,
    totalFen,
    totalUppercase: toChineseUppercase(totalFen),
    annualFromParamsFen,
    annualFen,
    usedFen,
    position,
    chain: approvalChain(totalFen, policy.approvalSteps),
    expected,
    missing,
  };
}

/** Complete = marked so by the reader and nothing missing now. */
export function isComplete(draft: BudgetRequestDraft, result: BudgetRequestResult): boolean {
  return draft.complete && result.missing.length === 0;
}
