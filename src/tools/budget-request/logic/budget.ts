import { formatNumber } from '../../../core/format';
import { fen, mulFen, sumFen, yuanToFen, type Fen } from '../../../core/money';
import type { ApprovalStep } from '../../../core/policy-types';

/**
 * 预算申请 arithmetic (六（一）1 审批、六（一）2 不得超预算开支、六（二）预算管理).
 * Amounts are `Fen` (validated at the input edge by parseMoney; the data files hold 元 and
 * are converted with `yuanToFen` from core/money). Counts that are NaN, infinite or negative
 * count as 0. Like every money helper, an amount past Number.MAX_SAFE_INTEGER 分 throws
 * RangeError; no function returns NaN or a negative amount.
 */

function finite(x: number): number {
  return Number.isFinite(x) ? Math.max(0, x) : 0;
}

/** One line of a request: quantity (may be fractional, e.g. 2.5 小时) × unit price. */
export interface RequestLine {
  readonly quantity: number;
  readonly unitPriceFen: Fen;
}

/**
 * 金额 = 数量 × 单价, rounded half up to the 分 (`mulFen`). The quantity must be a finite
 * number ≥ 0 (read it with parseDecimal); anything else throws RangeError.
 */
export function lineAmountFen(line: RequestLine): Fen {
  return mulFen(line.unitPriceFen, line.quantity);
}

/** 合计: sum of the rounded line amounts, so the total equals the sum of the printed lines. */
export function requestTotalFen(lines: readonly RequestLine[]): Fen {
  return sumFen(lines.map(lineAmountFen));
}

export interface BudgetPositionInput {
  /** Annual budget of the category. */
  readonly annualFen: Fen;
  /** Already used (spent or approved) this year. */
  readonly usedFen: Fen;
  /** This request's total. */
  readonly requestFen: Fen;
}

export interface BudgetPosition {
  /** annual − used before this request (0 when already overspent). */
  readonly availableFen: Fen;
  /** annual − used − request, or 0 when the request goes over. */
  readonly remainingFen: Fen;
  /** True when used + request exceeds the annual budget (六（一）2：不得超预算开支). */
  readonly overBudget: boolean;
  /** By how much used + request exceeds the budget; 0 when within. */
  readonly overByFen: Fen;
}

/** Where a request leaves the category's annual budget. */
export function budgetPosition(input: BudgetPositionInput): BudgetPosition {
  const { annualFen: annual, usedFen: used, requestFen: request } = input;
  // Differences of safe integers ≤ MAX_FEN-sized sums are exact.
  const after = annual - used - request;
  return {
    availableFen: fen(Math.max(0, annual - used)),
    remainingFen: fen(Math.max(0, after)),
    overBudget: after < 0,
    overByFen: fen(Math.max(0, -after)),
  };
}

/**
 * Approvers a request of `totalFen` needs, in order: the first (lowest) step always, and
 * every further step whose amount the total exceeds (六（一）1). Steps may come in any order.
 */
export function approvalChain<S extends ApprovalStep>(totalFen: Fen, steps: readonly S[]): S[] {
  const sorted = [...steps].sort((a, b) => a.aboveYuan - b.aboveYuan);
  return sorted.filter((step, i) => i === 0 || totalFen > yuanToFen(step.aboveYuan));
}

export interface ExpectedReturnInput {
  /** 预计参与人数. */
  readonly participants: number;
  /** 预计转化（报名）人数. */
  readonly conversions: number;
  /** 客单价 per converted customer. */
  readonly pricePerCustomerFen: Fen;
  /** Cost of the promotion (usually the request total). */
  readonly costFen: Fen;
}

export interface ExpectedReturn {
  /** conversions ÷ participants × 100; null when there are no participants. */
  readonly conversionRatePercent: number | null;
  /** conversions × price per customer. */
  readonly revenueFen: Fen;
  /** 投资回报率 = (revenue − cost) ÷ cost × 100 (may be negative); null when the cost is 0. */
  readonly roiPercent: number | null;
}

/** 预期回报 of a promotion (三（二）6 投资回报率): an estimate from the reader's own figures. */
export function expectedReturn(input: ExpectedReturnInput): ExpectedReturn {
  const participants = finite(input.participants);
  const conversions = finite(input.conversions);
  const cost = input.costFen;
  const revenueFen = mulFen(input.pricePerCustomerFen, conversions);
  return {
    conversionRatePercent: participants > 0 ? (conversions / participants) * 100 : null,
    revenueFen,
    roiPercent: cost > 0 ? ((revenueFen - cost) / cost) * 100 : null,
  };
}

export interface ApprovalRange<S extends ApprovalStep = ApprovalStep> {
  /** 金额范围 in words, e.g. 「5,000 元以上至 50,000 元」. */
  readonly label: string;
  readonly approvers: readonly string[];
  readonly steps: readonly S[];
}

/** The approval chain for every amount range, for tables (六（一）1). */
export function approvalRanges<S extends ApprovalStep>(steps: readonly S[]): ApprovalRange<S>[] {
  const sorted = [...steps].sort((a, b) => a.aboveYuan - b.aboveYuan);
  const yuan = (n: number) => `${formatNumber(n, 3)} 元`;
  return sorted.map((_, i) => {
    const chain = sorted.slice(0, i + 1);
    const from = i === 0 ? null : sorted[i]!.aboveYuan;
    const to = sorted[i + 1]?.aboveYuan ?? null;
    let label: string;
    if (from === null) label = to === null ? '任意金额' : `${yuan(to)}及以下`;
    else label = to === null ? `${yuan(from)}以上` : `${yuan(from)}以上至 ${yuan(to)}`;
    return { label, approvers: chain.map((s) => s.approver), steps: chain };
  });
}
