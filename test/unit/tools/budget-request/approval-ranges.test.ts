import { describe, expect, it } from 'vitest';
import { approvalChain, approvalRanges } from '../../../../src/tools/budget-request/logic/budget';
import { yuanToFen } from '../../../../src/core/money';

const steps = [
  { id: 'ceo', approver: '总经理', aboveYuan: 50000 },
  { id: 'manager', approver: '市场经理', aboveYuan: 0 },
  { id: 'finance', approver: '财务部', aboveYuan: 5000 },
];

describe('approvalRanges', () => {
  it('describes each amount range and its chain, lowest first', () => {
    expect(approvalRanges(steps).map((r) => [r.label, r.approvers.join(' → ')])).toEqual([
      ['5,000 元及以下', '市场经理'],
      ['5,000 元以上至 50,000 元', '市场经理 → 财务部'],
      ['50,000 元以上', '市场经理 → 财务部 → 总经理'],
    ]);
  });

  it('agrees with approvalChain on both sides of every threshold', () => {
    const ranges = approvalRanges(steps);
    // 5,000.00 is in the first range, 5,000.01 in the second, as the labels say.
    expect(approvalChain(yuanToFen(5000), steps).map((s) => s.approver)).toEqual(ranges[0]!.approvers);
    expect(approvalChain(yuanToFen(5000.01), steps).map((s) => s.approver)).toEqual(ranges[1]!.approvers);
    expect(approvalChain(yuanToFen(50000.01), steps).map((s) => s.approver)).toEqual(ranges[2]!.approvers);
  });

  it('a single step covers any amount', () => {
    expect(approvalRanges([{ id: 'm', approver: '市场经理', aboveYuan: 0 }])[0]!.label).toBe('任意金额');
  });
});
