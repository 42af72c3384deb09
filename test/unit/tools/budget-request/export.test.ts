import { describe, expect, test } from 'vitest';
import { strings as t } from '../../../../src/tools/budget-request/ui/strings';
import { deriveRequest } from '../../../../src/tools/budget-request/logic/derive';
import {
  approvalRulesText,
  requestCsv,
  requestCsvRows,
  requestText,
} from '../../../../src/tools/budget-request/logic/export';
import {
  blankDraft,
  blankLine,
  type BudgetRequestDraft,
} from '../../../../src/tools/budget-request/logic/state';
import { parseCsv } from '../../../../src/core/csv';
import { shippedPolicies } from '../../helpers/policy-fixtures';

const { budget } = shippedPolicies();
const defaults = { department: '市场部', fiscalYear: 2026, date: '2026-03-02', firstLineId: 'l0' };
const clauseRef = (id: string) => `[${id}]`;

function request(change: Partial<BudgetRequestDraft> = {}): BudgetRequestDraft {
  return {
    ...blankDraft(defaults),
    applicant: '张三',
    project: '=HYPERLINK("http://evil.example","点我")',
    category: 'promotion',
    purpose: '<script>alert(1)</script>',
    fields: { goal: '报名 200 人', channels: '公众号', content: '体验课', schedule: '7 月' },
    lines: [
      {
        ...blankLine('a'),
        description: '=HYPERLINK("http://x","y")',
        subcategory: '线上广告投放',
        quantity: '3',
        unit: '篇',
        unitPrice: '1,200',
      },
      blankLine('b'), // ignored
      { ...blankLine('c'), description: '+宣传单', quantity: '-5', unit: '份', unitPrice: '0.35' },
    ],
    ...change,
  };
}

describe('CSV of the line items', () => {
  test('header, filled lines numbered from 1, totals and 大写; formula text neutralized', () => {
    const draft = request();
    const result = deriveRequest(draft, budget, t);
    const csv = requestCsv(draft, result, t);
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(csv).toContain('\r\n');
    const rows = parseCsv(csv);
    expect(rows[0]).toEqual(['序号', '费用说明', '明细科目', '数量', '单位', '单价（元）', '金额（元）']);
    expect(rows[1]).toEqual([
      '1',
      `'=HYPERLINK("http://x","y")`,
      '线上广告投放',
      '3',
      '篇',
      '1200.00',
      '3600.00',
    ]);
    // The refused quantity goes out as typed, neutralized; no amount.
    expect(rows[2]).toEqual(['2', "'+宣传单", '', "'-5", '份', '0.35', '']);
    expect(rows[3]).toEqual(['', '合计', '', '', '', '', '3600.00']);
    expect(rows[4]).toEqual(['', '大写', '人民币叁仟陆佰元整', '', '', '', '']);
    expect(rows).toHaveLength(5);
  });

  test('a refused price goes out as typed', () => {
    const draft = request({
      lines: [{ ...blankLine('a'), description: 'x', quantity: '1', unitPrice: '3.505' }],
    });
    const rows = requestCsvRows(draft, deriveRequest(draft, budget, t), t);
    expect(rows[1]).toEqual([1, 'x', '', 1, '', '3.505', '']);
  });
});

describe('text for 微信 / 钉钉', () => {
  test('sections with the reader’s text kept as text', () => {
    const draft = request({
      used: '299,000',
      expected: { participants: '500', conversions: '50', pricePerCustomer: '3000' },
    });
    const result = deriveRequest(draft, budget, t);
    const text = requestText(draft, result, budget, t, { clauseRef, complete: false });
    expect(text.split('\n')[0]).toBe('预算申请单：=HYPERLINK("http://evil.example","点我")');
    expect(text).toContain('<script>alert(1)</script>');
    expect(text).toContain('【申请内容】');
    expect(text).toContain('推广目标：报名 200 人');
    expect(text).toContain('1. =HYPERLINK("http://x","y")（线上广告投放）：3篇 × ¥1,200.00 = ¥3,600.00');
    expect(text).toContain('2. +宣传单：-5份 × ¥0.35 = —');
    expect(text).toContain('人民币叁仟陆佰元整');
    // 300,000 − 299,000 − 3,600 < 0: over budget, citing both clauses.
    expect(text).toContain('超出预算 ¥2,600.00');
    expect(text).toContain('[c6-1-2]');
    expect(text).toContain('[c6-2-2]');
    expect(text).toContain('【审批流程】\n市场经理\n费用支出按审批流程审批（[c6-1-1]）');
    expect(text).toContain('【预期回报（估算）】');
    expect(text).toContain('¥150,000.00');
    expect(text).toContain('4,066.7%');
    expect(text).toContain('状态');
    expect(text).toContain('草稿');
  });

  test('within budget, nothing filled, no category', () => {
    const draft = { ...blankDraft(defaults), lines: [] };
    const text = requestText(draft, deriveRequest(draft, budget, t), budget, t, {
      clauseRef,
      complete: true,
    });
    expect(text.split('\n')[0]).toBe('预算申请单：未命名申请');
    expect(text).toContain('【费用明细】\n（无）');
    expect(text).not.toContain('【预算情况】');
    expect(text).not.toContain('【申请内容】');
    expect(text).toContain('已完成');
  });

  test('decisions: 审批记录 with each step and the trust note; none before the first decision', () => {
    const decision = {
      step: 'manager',
      approver: '市场经理',
      name: '王经理',
      decision: 'return' as const,
      comment: '请核减',
      date: '2026-03-04',
      answers: 'a'.repeat(16),
    };
    const draft = request({ approvals: [decision] });
    const text = requestText(draft, deriveRequest(draft, budget, t), budget, t, {
      clauseRef,
      complete: true,
    });
    expect(text).toContain(
      '【审批记录（第 1 版，退回修改）】\n市场经理：退回修改（王经理，2026-03-04）：请核减',
    );
    expect(text).toContain(t['trust.note']);
    const none = requestText(request(), deriveRequest(request(), budget, t), budget, t, {
      clauseRef,
      complete: true,
    });
    expect(none).not.toContain('审批记录');
  });

  test('over budget, 申请后剩余 gives the amount over, never ¥0.00', () => {
    // 300,000 − 299,000 − 3,600: 2,600 元 over.
    const draft = request({ used: '299,000' });
    const text = requestText(draft, deriveRequest(draft, budget, t), budget, t, { clauseRef, complete: false });
    expect(text).toMatch(/申请后剩余[\u3000 ]*：超出预算 ¥2,600\.00\n/);
    const within = request({ used: '1,000' });
    const fine = requestText(within, deriveRequest(within, budget, t), budget, t, { clauseRef, complete: false });
    expect(fine).toMatch(/申请后剩余[\u3000 ]*：¥295,400\.00\n/);
  });

  test('within budget says so', () => {
    const draft = request();
    const text = requestText(draft, deriveRequest(draft, budget, t), budget, t, {
      clauseRef,
      complete: true,
    });
    expect(text).toContain(t['budget.within']);
  });
});

test('approvalRulesText lists every step from the parameters', () => {
  expect(approvalRulesText(budget.approvalSteps, t)).toBe(
    '任何金额由市场经理审批；超过 ¥5,000.00 加财务部；超过 ¥50,000.00 加总经理。',
  );
});
