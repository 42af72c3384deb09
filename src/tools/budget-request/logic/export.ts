/**
 * 预算申请单 exports: CSV of the line items (Excel: BOM, formula cells neutralized by toCsv) and
 * plain text for 微信 / 钉钉 (toPlainText). Reader-typed text goes in as text and stays text.
 */
import type { BudgetRequestLabels } from './labels';
import type { BudgetRequestResult } from './derive';
import { approvalTextSection } from './approval';
import { approvalRulesText, formatPercent, formatQuantity, remainingText } from './format';
export { approvalRulesText };
import type { BudgetRequestDraft } from './state';
import { toCsv, type CsvCell } from '../../../core/csv';
import { formatYuan, formatYuanPlain, yuanToFen, type Fen } from '../../../core/money';
import type { ApprovalStep, BudgetPolicy } from '../../../core/policy-types';
import { toPlainText, type TextSection } from '../../../core/text-export';
import { fill } from '../../../core/template';

type Strings = BudgetRequestLabels;

/** Rows of the CSV: header, one row per filled line, then 合计 and 大写. */
export function requestCsvRows(
  draft: BudgetRequestDraft,
  result: BudgetRequestResult,
  t: Strings,
): CsvCell[][] {
  const rows: CsvCell[][] = [
    [
      t['lines.col.no'],
      t['lines.col.description'],
      t['lines.col.subcategory'],
      t['lines.col.quantity'],
      t['lines.col.unit'],
      t['lines.col.unitPrice'],
      `${t['lines.col.amount']}（元）`,
    ],
  ];
  let n = 0;
  draft.lines.forEach((line, i) => {
    const r = result.lines[i];
    if (!r || r.blank) return;
    n += 1;
    rows.push([
      n,
      line.description,
      line.subcategory,
      // A refused value goes out as the text typed (toCsv keeps "-5" or "=1" from running).
      r.quantity ?? line.quantity,
      line.unit,
      r.unitPriceFen !== null ? formatYuanPlain(r.unitPriceFen) : line.unitPrice,
      r.amountFen !== null ? formatYuanPlain(r.amountFen) : '',
    ]);
  });
  rows.push(['', t['csv.total'], '', '', '', '', formatYuanPlain(result.totalFen)]);
  rows.push(['', t['csv.uppercase'], result.totalUppercase, '', '', '', '']);
  return rows;
}

export function requestCsv(draft: BudgetRequestDraft, result: BudgetRequestResult, t: Strings): string {
  return toCsv(requestCsvRows(draft, result, t));
}

export interface TextOptions {
  /** Citation of a clause for the text, e.g. "六（一）2 https://…/finance/#c6-1-2". */
  readonly clauseRef: (id: string) => string;
  readonly complete: boolean;
}

/** The request as plain text for 微信 / 钉钉. */
export function requestText(
  draft: BudgetRequestDraft,
  result: BudgetRequestResult,
  policy: Pick<BudgetPolicy, 'clauses' | 'approvalSteps'>,
  t: Strings,
  options: TextOptions,
): string {
  const { category } = result;
  const sections: TextSection[] = [
    {
      heading: t['text.basic'],
      lines: [
        [t['field.department'], draft.department],
        [t['field.applicant'], draft.applicant],
        [t['field.date'], draft.date],
        [t['field.year'], draft.fiscalYear],
        [t['field.project'], draft.project],
        [t['field.category'], category?.name ?? ''],
        [t['field.purpose'], draft.purpose],
        [t['text.status'], options.complete ? t['drafts.status.complete'] : t['drafts.status.draft']],
      ],
    },
  ];
  if (category && category.requestFields.length > 0) {
    sections.push({
      heading: t['text.required'],
      lines: category.requestFields.map((f) => [f.label, draft.fields[f.id] ?? ''] as const),
    });
  }

  const lineTexts: string[] = [];
  draft.lines.forEach((line, i) => {
    const r = result.lines[i];
    if (!r || r.blank) return;
    lineTexts.push(
      fill(t['text.line'], {
        n: lineTexts.length + 1,
        description: line.description,
        subcategory: line.subcategory ? `（${line.subcategory}）` : '',
        quantity: r.quantity !== null ? formatQuantity(r.quantity) : line.quantity,
        unit: line.unit,
        price: r.unitPriceFen !== null ? formatYuan(r.unitPriceFen) : line.unitPrice,
        amount: r.amountFen !== null ? formatYuan(r.amountFen) : t['lines.amountPending'],
      }),
    );
  });
  sections.push({ heading: t['text.lines'], lines: lineTexts.length > 0 ? lineTexts : [t['print.noLines']] });
  sections.push({
    heading: t['text.totals'],
    lines: [
      [t['result.total'], formatYuan(result.totalFen)],
      [t['result.uppercase'], result.totalUppercase],
    ],
  });

  const { position } = result;
  if (position && result.annualFen !== null && result.usedFen !== null) {
    const positionLines: [string, string][] = [
      [t['budget.annualGeneric'], formatYuan(result.annualFen)],
      [t['budget.used'], formatYuan(result.usedFen)],
      [t['budget.thisRequest'], formatYuan(result.totalFen)],
      [t['budget.remaining'], remainingText(position, t)],
    ];
    sections.push({
      heading: t['text.position'],
      lines: [
        ...positionLines,
        position.overBudget
          ? fill(t['budget.over'], {
              amount: formatYuan(position.overByFen),
              clause1: options.clauseRef(policy.clauses.overBudget),
              clause2: options.clauseRef(policy.clauses.execution),
            })
          : t['budget.within'],
      ],
    });
  }

  sections.push({
    heading: t['text.chain'],
    lines: [
      result.chain.map((s) => s.approver).join(' → '),
      fill(t['result.chainHow'], {
        clause: options.clauseRef(policy.clauses.approval),
        rules: approvalRulesText(policy.approvalSteps, t),
      }),
    ],
  });

  // 审批记录 once an approver has decided (六（一）1); the signed paper stays the record.
  if (draft.approvals.length > 0) {
    sections.push(approvalTextSection(draft, result.chain, t), { lines: [t['trust.note']] });
  }

  const expected = result.expected;
  const estimate = expected?.estimate;
  if (expected && estimate) {
    sections.push({
      heading: t['text.expected'],
      lines: [
        [t['expected.participants'], formatQuantity(expected.participants ?? 0)],
        [t['expected.conversions'], formatQuantity(expected.conversions ?? 0)],
        [t['expected.price'], formatYuan(expected.pricePerCustomerFen ?? (0 as Fen))],
        [t['expected.revenue'], formatYuan(estimate.revenueFen)],
        [
          t['expected.roi'],
          estimate.roiPercent !== null ? formatPercent(estimate.roiPercent) : t['expected.noCost'],
        ],
      ],
    });
  }

  const title = `${t['tool.title']}：${draft.project.trim() || t['tool.unnamed']}`;
  return toPlainText(title, sections);
}
