/** Small display helpers of the 预算申请单 tool (no DOM). */
import { formatNumber } from '../../../core/format';
import { formatYuan, yuanToFen } from '../../../core/money';
import type { ApprovalStep } from '../../../core/policy-types';
import { fill } from '../../../core/template';
import type { BudgetPosition } from './budget';
import type { BudgetRequestLabels } from './labels';

type Strings = Pick<BudgetRequestLabels, 'result.chainRule.first' | 'result.chainRule.step'>;

/**
 * 申请后剩余 as every output shows it (screen, paper, text): the amount left, or 「超出预算 ¥118,470.00」
 * when the request goes over, since ¥0.00 there would hide how far (六（一）2 不得超预算开支).
 */
export function remainingText(
  position: Pick<BudgetPosition, 'overBudget' | 'overByFen' | 'remainingFen'>,
  t: Pick<BudgetRequestLabels, 'budget.remainingOver'>,
): string {
  return position.overBudget
    ? fill(t['budget.remainingOver'], { amount: formatYuan(position.overByFen) })
    : formatYuan(position.remainingFen);
}

/** 「任何金额由市场经理审批；超过 ¥5,000.00 加财务部；…」 from the parameters (六（一）1). */
export function approvalRulesText(steps: readonly ApprovalStep[], t: Strings): string {
  const sorted = [...steps].sort((a, b) => a.aboveYuan - b.aboveYuan);
  const rules = sorted.map((s, i) =>
    i === 0
      ? fill(t['result.chainRule.first'], { approver: s.approver })
      : fill(t['result.chainRule.step'], {
          approver: s.approver,
          amount: formatYuan(yuanToFen(s.aboveYuan)),
        }),
  );
  return `${rules.join('；')}。`;
}

/** 12.345 → "12.3%", −25 → "-25.0%", 1234567.8 → "1,234,567.8%"; never NaN or exponent notation. */
export function formatPercent(value: number): string {
  if (!Number.isFinite(value)) return '—';
  const rounded = Math.round(value * 10) / 10;
  const text = formatNumber(rounded + 0, 1); // + 0: no "-0.0%"
  return `${text.includes('.') ? text : `${text}.0`}%`;
}

/** A count as people read it: 1200 → "1,200"; 2.5 → "2.5". */
export function formatQuantity(value: number): string {
  return formatNumber(value, 6);
}
