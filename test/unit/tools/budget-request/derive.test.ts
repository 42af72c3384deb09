import { describe, expect, test } from 'vitest';
import { strings as t } from '../../../../src/tools/budget-request/ui/strings';
import { approvalChain, lineAmountFen, requestTotalFen } from '../../../../src/tools/budget-request/logic/budget';
import {
  createLineDeriver,
  deriveLine,
  deriveRequest,
  fieldTarget,
  isComplete,
} from '../../../../src/tools/budget-request/logic/derive';
import { formatPercent, formatQuantity } from '../../../../src/tools/budget-request/logic/format';
import {
  blankDraft,
  blankLine,
  type BudgetRequestDraft,
  type RequestLineDraft,
} from '../../../../src/tools/budget-request/logic/state';
import { toChineseUppercase } from '../../../../src/core/chinese-uppercase';
import { fen, yuanToFen } from '../../../../src/core/money';
import { MESSAGES } from '../../../../src/core/parse-number';
import { shippedPolicies } from '../../helpers/policy-fixtures';
import { fill } from '../../../../src/core/template';

const { budget } = shippedPolicies();
const defaults = {
  department: '市场部',
  fiscalYear: budget.fiscalYear,
  date: '2026-03-02',
  firstLineId: 'l0',
};

function line(
  id: string,
  description: string,
  quantity: string,
  unitPrice: string,
  unit = '',
): RequestLineDraft {
  return { ...blankLine(id), description, quantity, unitPrice, unit };
}

/** A promotion request with every required field filled. */
function promotion(lines: RequestLineDraft[], change: Partial<BudgetRequestDraft> = {}): BudgetRequestDraft {
  return {
    ...blankDraft(defaults),
    applicant: '张三',
    project: '暑期招生推广',
    category: 'promotion',
    purpose: '暑期班招生',
    fields: { goal: '报名 200 人', channels: '公众号、地推', content: '体验课', schedule: '7 月' },
    lines,
    ...change,
  };
}

describe('deriveLine: quantities and prices as people type them', () => {
  test.each([
    // quantity, unit price, amount in 分
    ['1,200', '¥3.5', 420_000], // thousands separator, ¥
    ['１２', '100元', 120_000], // full-width digits, 元
    ['2.5', '333.33', 83_333], // 833.325 元 → half up to the 分
    ['3', '0', 0], // free item
  ])('%s × %s → %d 分', (q, p, amount) => {
    const r = deriveLine(line('a', '物料', q, p), t);
    expect(r).toMatchObject({ blank: false, quantityError: null, unitPriceError: null, amountFen: amount });
  });

  test.each([
    // quantity, unit price, which field, message
    ['1', '3.505', 'unitPriceError', MESSAGES.moneyDecimals], // beyond the 分
    ['1', '-5', 'unitPriceError', MESSAGES.moneyNegative],
    ['1', 'abc', 'unitPriceError', MESSAGES.notANumber],
    ['1', '', 'unitPriceError', MESSAGES.empty],
    ['0', '5', 'quantityError', t['error.quantityPositive']],
    ['-2', '5', 'quantityError', t['error.quantityPositive']],
    ['1.234', '5', 'quantityError', '最多 2 位小数'],
    ['1,20', '5', 'quantityError', null], // a decimal comma: 1.2
    ['1e5', '5', 'quantityError', MESSAGES.exponent],
    ['', '5', 'quantityError', MESSAGES.empty],
    ['1000000', '10000000000', 'quantityError', t['error.lineTooLarge']], // over 100 亿元
    ['9'.repeat(30), '10000000000', 'quantityError', t['error.lineTooLarge']], // past MAX_SAFE_INTEGER 分
  ] as const)('%s × %s: %s = %s', (q, p, field, message) => {
    const r = deriveLine(line('a', '物料', q, p), t);
    expect(r[field]).toBe(message);
    if (message !== null) expect(r.amountFen).toBeNull();
  });

  test('an empty description is refused; the amount still shows', () => {
    const r = deriveLine(line('a', '  ', '2', '5'), t);
    expect(r.descriptionError).toBe(t['error.description']);
    expect(r.amountFen).toBe(1000);
  });

  test('a line with nothing typed is blank: no errors, no amount', () => {
    expect(deriveLine(blankLine('a'), t)).toMatchObject({
      blank: true,
      descriptionError: null,
      quantityError: null,
      unitPriceError: null,
      amountFen: null,
    });
  });

  test('createLineDeriver answers from its cache for the same line object', () => {
    const lineOf = createLineDeriver(t);
    const l = line('a', 'x', '1', '2');
    expect(lineOf(l)).toBe(lineOf(l));
    expect(lineOf({ ...l })).not.toBe(lineOf(l));
    expect(lineOf({ ...l })).toEqual(lineOf(l));
  });
});

describe('deriveRequest', () => {
  test('a promotion request with three lines: total, 大写 and nothing missing', () => {
    const draft = promotion([
      line('a', '公众号推文', '3', '1,200'),
      line('b', '宣传单页', '２０００', '¥0.35'),
      line('c', '场地租赁', '1.5', '800.5'),
    ]);
    const r = deriveRequest(draft, budget, t);
    const expected = requestTotalFen([
      { quantity: 3, unitPriceFen: fen(120_000) },
      { quantity: 2000, unitPriceFen: fen(35) },
      { quantity: 1.5, unitPriceFen: fen(80_050) },
    ]);
    expect(r.totalFen).toBe(expected);
    expect(r.totalFen).toBe(550_075); // 3600 + 700 + 1200.75 元
    expect(r.totalUppercase).toBe('人民币伍仟伍佰元柒角伍分'); // checked by hand: 5,500.75 元
    expect(r.countedLines).toBe(3);
    expect(r.invalidLines).toBe(0);
    expect(r.missing).toEqual([]);
    expect(isComplete({ ...draft, complete: true }, r)).toBe(true);
    expect(isComplete(draft, r)).toBe(false);
  });

  test('a refused line is left out of the total (never NaN) and counted as invalid', () => {
    const r = deriveRequest(promotion([line('a', 'x', '2', '10'), line('b', 'y', '2', '3.505')]), budget, t);
    expect(r.totalFen).toBe(2000);
    expect(r.invalidLines).toBe(1);
    expect(r.missing).toEqual([
      { target: fieldTarget('line', 'b', 'unitPrice'), label: '第 2 行单价（元）' },
    ]);
  });

  test('what is missing, in form order, including the category’s required fields', () => {
    const draft = {
      ...blankDraft(defaults),
      department: ' ',
      category: 'promotion',
      fields: { goal: '招生', schedule: '  ' },
      lines: [line('a', '', '1', '5'), blankLine('b')],
    };
    const r = deriveRequest(draft, budget, t);
    expect(r.missing.map((m) => m.label)).toEqual([
      '申请部门',
      '申请人',
      '项目名称',
      '用途说明',
      '推广渠道',
      '推广内容',
      '时间安排',
      '第 1 行费用说明',
    ]);
    expect(r.missing.find((m) => m.label === '推广渠道')?.target).toBe('field-channels');
  });

  test('no category, no lines: both are missing and there is no budget position', () => {
    const r = deriveRequest({ ...blankDraft(defaults), lines: [] }, budget, t);
    expect(r.missing.map((m) => m.target)).toEqual([
      'applicant',
      'project',
      'category',
      'purpose',
      'add-line',
    ]);
    expect(r.position).toBeNull();
    expect(r.expected).toBeNull();
    expect(r.totalFen).toBe(0);
    expect(r.totalUppercase).toBe('人民币零元整');
  });

  test.each([
    // date, year, date error, year error
    ['2026-02-30', '2026', t['error.date'], null],
    ['2026-03-01', '26', null, t['error.year']],
    ['2026-03-01', '２０２６', null, null],
    ['', '', null, null], // empty: listed as missing, no message until completion is tried
  ])('date %s, year %s', (date, fiscalYear, dateError, fiscalYearError) => {
    const r = deriveRequest(promotion([line('a', 'x', '1', '1')], { date, fiscalYear }), budget, t);
    expect(r.dateError).toBe(dateError);
    expect(r.fiscalYearError).toBe(fiscalYearError);
    expect(r.missing.some((m) => m.target === 'date')).toBe(date === '' || dateError !== null);
    expect(r.missing.some((m) => m.target === 'fiscalYear')).toBe(
      fiscalYear === '' || fiscalYearError !== null,
    );
  });

  describe('budget position (六（一）2 不得超预算开支)', () => {
    const annual = yuanToFen(budget.categories.find((c) => c.id === 'promotion')!.annualYuan);

    test('the category’s annual budget from the parameters; used empty counts as 0', () => {
      const r = deriveRequest(promotion([line('a', 'x', '1', '1000')]), budget, t);
      expect(r.annualFromParamsFen).toBe(annual);
      expect(r.annualFen).toBe(annual);
      expect(r.usedFen).toBe(0);
      expect(r.position).toEqual({
        availableFen: annual,
        remainingFen: annual - 100_000,
        overBudget: false,
        overByFen: 0,
      });
    });

    test('over budget by what the request exceeds', () => {
      const r = deriveRequest(
        promotion([line('a', 'x', '1', '2000')], { annualBudget: '10,000', used: '9000' }),
        budget,
        t,
      );
      expect(r.annualFen).toBe(1_000_000);
      expect(r.position).toMatchObject({ overBudget: true, overByFen: 100_000, remainingFen: 0 });
    });

    test('a refused annual or used amount: message, listed as missing, no position', () => {
      const r = deriveRequest(
        promotion([line('a', 'x', '1', '1')], { annualBudget: '', used: '-3' }),
        budget,
        t,
      );
      expect(r.annualError).toBe(MESSAGES.empty);
      expect(r.usedError).toBe(MESSAGES.moneyNegative);
      expect(r.position).toBeNull();
      expect(r.missing.map((m) => m.target)).toEqual(['annualBudget', 'used']);
    });
  });

  test('approval chain follows the parameters’ thresholds', () => {
    for (const step of budget.approvalSteps) {
      const at = yuanToFen(step.aboveYuan);
      const price = (f: number) => `${Math.floor(f / 100)}.${String(f % 100).padStart(2, '0')}`;
      const atThreshold = deriveRequest(promotion([line('a', 'x', '1', price(at))]), budget, t);
      const above = deriveRequest(promotion([line('a', 'x', '1', price(at + 1))]), budget, t);
      expect(atThreshold.chain).toEqual(approvalChain(fen(at), budget.approvalSteps));
      expect(above.chain.map((s) => s.id)).toContain(step.id);
    }
  });

  describe('expected return (promotion only; an estimate)', () => {
    const lines = [line('a', 'x', '1', '10,000')];

    test('revenue, conversion rate and ROI from the reader’s figures', () => {
      const r = deriveRequest(
        promotion(lines, { expected: { participants: '500', conversions: '50', pricePerCustomer: '3,000' } }),
        budget,
        t,
      );
      expect(r.expected).toMatchObject({
        empty: false,
        participants: 500,
        conversions: 50,
        pricePerCustomerFen: 300_000,
      });
      expect(r.expected?.estimate).toEqual({
        conversionRatePercent: 10,
        revenueFen: 15_000_000,
        roiPercent: 1400,
      });
    });

    test.each([
      // participants, conversions, price, field with a message
      ['10', '20', '1', 'conversionsError', t['error.conversions']],
      ['-1', '0', '1', 'participantsError', MESSAGES.count],
      ['10', '2.5', '1', 'conversionsError', MESSAGES.count],
      ['10', '1', '1.001', 'priceError', MESSAGES.moneyDecimals],
      ['100000000', '100000000', '10000000000', 'priceError', t['error.revenueTooLarge']],
    ] as const)('%s / %s / %s → %s', (participants, conversions, pricePerCustomer, field, message) => {
      const r = deriveRequest(
        promotion(lines, { expected: { participants, conversions, pricePerCustomer } }),
        budget,
        t,
      );
      expect(r.expected?.[field]).toBe(message);
      expect(r.expected?.estimate).toBeNull();
      expect(r.missing.length).toBe(1);
    });

    test('optional: nothing filled is no error; partly filled gives no estimate and no message', () => {
      const none = deriveRequest(promotion(lines), budget, t);
      expect(none.expected).toMatchObject({ empty: true, estimate: null, participantsError: null });
      const part = deriveRequest(
        promotion(lines, { expected: { participants: '100', conversions: '', pricePerCustomer: '' } }),
        budget,
        t,
      );
      expect(part.expected).toMatchObject({
        empty: false,
        estimate: null,
        conversionsError: null,
        priceError: null,
      });
      expect(part.missing).toEqual([]);
    });

    test('not offered for a category without it', () => {
      const r = deriveRequest(promotion(lines, { category: 'office', fields: { usage: '打印' } }), budget, t);
      expect(r.expected).toBeNull();
    });
  });

  test('the total equals the sum of the printed line amounts', () => {
    const lines = [line('a', 'x', '2.5', '3.33'), line('b', 'y', '2.5', '3.33')];
    const r = deriveRequest(promotion(lines), budget, t);
    expect(r.totalFen).toBe(r.lines.reduce((s, l) => s + (l.amountFen ?? 0), 0));
    expect(r.totalFen).toBe(2 * lineAmountFen({ quantity: 2.5, unitPriceFen: fen(333) }));
    expect(toChineseUppercase(fen(r.totalFen))).toBe(r.totalUppercase);
  });
});

describe('format helpers', () => {
  test('fill fills known names and leaves others', () => {
    expect(fill('第 {n} 行{field}{x}', { n: 3, field: '数量' })).toBe('第 3 行数量{x}');
  });
  test.each([
    [12.345, '12.3%'],
    [-25, '-25.0%'],
    [1_234_567.84, '1,234,567.8%'],
    [-0.01, '0.0%'],
    [Number.NaN, '—'],
  ])('formatPercent(%d) = %s', (x, s) => expect(formatPercent(x)).toBe(s));
  test('formatQuantity', () => {
    expect(formatQuantity(1200)).toBe('1,200');
    expect(formatQuantity(2.5)).toBe('2.5');
  });
});
