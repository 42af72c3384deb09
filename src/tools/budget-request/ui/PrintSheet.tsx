// The A4 申请单: header, required fields, line items with totals and 大写, budget position,
// approval boxes (each step's decision, 签字 / 日期: SheetApproval) and clause references.
// Printed; shown on screen for a shared link.
import { Component, type ComponentChildren } from 'preact';
import type { BudgetRequestResult, LineResult } from '../logic/derive';
import { formatPercent, formatQuantity, remainingText } from '../logic/format';
import type { BudgetRequestDraft, RequestLineDraft } from '../logic/state';
import { formatYuan } from '../../../core/money';
import { ClauseA, OverBudget, type ToolContext } from './common';
import { SheetApproval } from './SheetApproval';

interface Props {
  draft: BudgetRequestDraft;
  result: BudgetRequestResult;
  complete: boolean;
  ctx: ToolContext;
  /** On screen (shared link) rather than print-only. */
  screen?: boolean;
  /** The revision's fingerprint for the 审批 line (null until known). */
  fingerprint: string | null;
  /** The QR code of the request's link (扫码查看电子版), on the reader's own draft. */
  qr?: ComponentChildren;
}

/** One printed line; skipped on re-render when its line did not change (200 lines stay quick). */
class SheetLine extends Component<{
  line: RequestLineDraft;
  result: LineResult;
  n: number;
  pending: string;
}> {
  override shouldComponentUpdate(next: SheetLine['props']): boolean {
    return next.line !== this.props.line || next.result !== this.props.result || next.n !== this.props.n;
  }
  override render() {
    const { line, result, n, pending } = this.props;
    return (
      <tr>
        <td class="num">{n}</td>
        <td class="br-pre">{line.description}</td>
        <td>{line.subcategory}</td>
        <td class="num">{result.quantity !== null ? formatQuantity(result.quantity) : line.quantity}</td>
        <td>{line.unit}</td>
        <td class="num">{result.unitPriceFen !== null ? formatYuan(result.unitPriceFen) : line.unitPrice}</td>
        <td class="num">{result.amountFen !== null ? formatYuan(result.amountFen) : pending}</td>
      </tr>
    );
  }
}

export function PrintSheet({ draft, result, complete, ctx, screen, fingerprint, qr }: Props) {
  const { t, policy } = ctx;
  const { category, position } = result;
  const filled = draft.lines.map((line, i) => ({ line, r: result.lines[i]! })).filter(({ r }) => !r.blank);
  const estimate = result.expected?.estimate ?? null;
  const cited = [
    policy.clauses.approval,
    policy.clauses.overBudget,
    policy.clauses.categories,
    policy.clauses.execution,
    ...new Set(category?.requestFields.map((f) => f.clause) ?? []),
    ...(estimate ? [ctx.policy.clauses.expectedReturn] : []),
  ];

  return (
    <div
      class={`tool-print-sheet br-sheet ${screen ? 'br-sheet--screen' : 'print-only'}`}
      data-testid="print-sheet"
    >
      <h2>{t['print.title']}</h2>
      <p class="br-sheet-meta">
        <span>
          {t['print.status']}：{complete ? t['drafts.status.complete'] : t['print.draftMark']}
        </span>
        <span>
          {t['field.year']}：{draft.fiscalYear}
        </span>
      </p>
      <table>
        <tbody>
          <tr>
            <th scope="row">{t['field.department']}</th>
            <td>{draft.department}</td>
            <th scope="row">{t['field.applicant']}</th>
            <td>{draft.applicant}</td>
          </tr>
          <tr>
            <th scope="row">{t['field.date']}</th>
            <td>{draft.date}</td>
            <th scope="row">{t['field.category']}</th>
            <td>{category?.name ?? ''}</td>
          </tr>
          <tr>
            <th scope="row">{t['field.project']}</th>
            <td colSpan={3}>{draft.project}</td>
          </tr>
          <tr>
            <th scope="row">{t['field.purpose']}</th>
            <td colSpan={3} class="br-pre">
              {draft.purpose}
            </td>
          </tr>
          {category?.requestFields.map((f) => (
            <tr key={f.id}>
              <th scope="row">{f.label}</th>
              <td colSpan={3} class="br-pre">
                {draft.fields[f.id] ?? ''}
              </td>
            </tr>
          ))}
        </tbody>
      </table>

      <h3>{t['print.lines']}</h3>
      <table>
        <thead>
          <tr>
            <th scope="col" class="num">
              {t['lines.col.no']}
            </th>
            <th scope="col">{t['lines.col.description']}</th>
            <th scope="col">{t['lines.col.subcategory']}</th>
            <th scope="col" class="num">
              {t['lines.col.quantity']}
            </th>
            <th scope="col">{t['lines.col.unit']}</th>
            <th scope="col" class="num">
              {t['lines.col.unitPrice']}
            </th>
            <th scope="col" class="num">
              {t['lines.col.amount']}
            </th>
          </tr>
        </thead>
        <tbody>
          {filled.length === 0 && (
            <tr>
              <td colSpan={7}>{t['print.noLines']}</td>
            </tr>
          )}
          {filled.map(({ line, r }, i) => (
            <SheetLine key={line.id} line={line} result={r} n={i + 1} pending={t['lines.amountPending']} />
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row" colSpan={6}>
              {t['print.totalRow']}
            </th>
            <td class="num" data-testid="sheet-total">
              {formatYuan(result.totalFen)}
            </td>
          </tr>
          <tr>
            <th scope="row" colSpan={2}>
              {t['print.uppercaseRow']}
            </th>
            <td colSpan={5} data-testid="sheet-uppercase">
              {result.totalUppercase}
            </td>
          </tr>
        </tfoot>
      </table>

      {position && result.annualFen !== null && result.usedFen !== null && (
        <>
          <h3>{t['print.position']}</h3>
          <table>
            <thead>
              <tr>
                <th scope="col">{t['budget.annualGeneric']}</th>
                <th scope="col">{t['budget.used']}</th>
                <th scope="col">{t['budget.thisRequest']}</th>
                <th scope="col">{t['budget.remaining']}</th>
              </tr>
            </thead>
            <tbody>
              <tr>
                <td class="num">{formatYuan(result.annualFen)}</td>
                <td class="num">{formatYuan(result.usedFen)}</td>
                <td class="num">{formatYuan(result.totalFen)}</td>
                <td class="num">{remainingText(position, t)}</td>
              </tr>
            </tbody>
          </table>
          {position.overBudget && (
            <p class="br-sheet-over" data-testid="sheet-over">
              【{t['print.overMark']}】
              <OverBudget overByFen={position.overByFen} ctx={ctx} />
            </p>
          )}
        </>
      )}

      {estimate && result.expected && (
        <p>
          {t['text.expected']}：{t['expected.participants']}{' '}
          {formatQuantity(result.expected.participants ?? 0)}；{t['expected.conversions']}{' '}
          {formatQuantity(result.expected.conversions ?? 0)}；{t['expected.revenue']}{' '}
          {formatYuan(estimate.revenueFen)}；{t['expected.roi']}{' '}
          {estimate.roiPercent !== null ? formatPercent(estimate.roiPercent) : t['expected.noCost']}
        </p>
      )}

      {/* The 审批 heading, its line and the signature boxes on one page: alone at the foot of a
          page the heading reads as if nobody had to sign. */}
      <div class="br-sheet-approval-block">
        <SheetApproval draft={draft} chain={result.chain} t={t} fingerprint={fingerprint} />
      </div>
      {qr}

      <p class="br-sheet-footer">
        {t['print.clauses']}：
        {cited.map((id, i) => (
          <span key={id}>
            {i > 0 && '；'}
            <ClauseA id={id} ctx={ctx} />
          </span>
        ))}
        。{t['print.generated']}
      </p>
    </div>
  );
}
