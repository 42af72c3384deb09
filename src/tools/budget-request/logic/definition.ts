// 预算申请单 as the kit runs it: many drafts, each a new entry (an import or a received link is
// saved as a draft of its own); text and CSV load on first use.
import { todayIso } from '../../../core/calendar-date';
import { clauseShortLabel } from '../../../core/clause';
import { clauseUrlPath } from '../../../core/clause-ref';
import { fileNamePart } from '../../../core/format';
import type { BudgetPolicy } from '../../../core/policy-types';
import { labelledField, newEntryKey, type ToolDefinition } from '../../kit/logic/definition';
import { fill } from '../../../core/template';
import {
  createLineDeriver,
  deriveRequest,
  isComplete,
  type BudgetRequestResult,
  type LineDeriver,
} from './derive';
import type { BudgetRequestLabels } from './labels';
import {
  BUDGET_REQUEST_TOOL,
  BUDGET_REQUEST_VERSION,
  blankDraft,
  draftSchema,
  isUntouched,
  migrateDraft,
  type BudgetRequestDraft,
} from './state';

export interface BudgetRequestContext {
  readonly policy: BudgetPolicy;
  readonly t: BudgetRequestLabels & Readonly<Record<'default.department' | 'tool.fileBase', string>>;
  /** The site's address with its base path, for clause links in copied text ('' on the server). */
  readonly siteBase: string;
  readonly lineOf: LineDeriver;
}

export interface BudgetRequestView extends BudgetRequestResult {
  readonly complete: boolean;
}

export function budgetDefaults(ctx: Pick<BudgetRequestContext, 'policy' | 't'>) {
  return { department: ctx.t['default.department'], fiscalYear: ctx.policy.fiscalYear };
}

export function budgetContext(
  policy: BudgetPolicy,
  t: BudgetRequestContext['t'],
  siteBase: string,
): BudgetRequestContext {
  return { policy, t, siteBase, lineOf: createLineDeriver(t) };
}

export const newDraftKey = () => newEntryKey('d');
const newLineId = () => newEntryKey('l');

export function draftName(draft: BudgetRequestDraft, t: Pick<BudgetRequestLabels, 'tool.unnamed'>): string {
  return draft.project.trim() || t['tool.unnamed'];
}

const LINE_COLUMN: Readonly<Record<string, string>> = {
  description: 'lines.col.description',
  subcategory: 'lines.col.subcategory',
  quantity: 'lines.col.quantity',
  unit: 'lines.col.unit',
  unitPrice: 'lines.col.unitPrice',
};
const TOP_FIELD: Readonly<Record<string, string>> = {
  fiscalYear: 'field.year',
  used: 'budget.used',
  annualBudget: 'budget.annualGeneric',
  participants: 'expected.participants',
  conversions: 'expected.conversions',
  pricePerCustomer: 'expected.price',
  // Saved with the form but not typed in it: named by the section that shows them.
  complete: 'text.status',
  revision: 'approval.heading',
  approvals: 'approval.heading',
  history: 'approval.history',
};

/** A saved field as the form labels it: 「费用明细 · 第 3 行 单价（元）」, 「用途说明」, 「推广目标」. */
export function budgetFieldLabel(path: readonly PropertyKey[], ctx: BudgetRequestContext): string | null {
  const words = ctx.t as unknown as Readonly<Record<string, string>>;
  const [head, second, third] = path;
  if (head === 'lines' && typeof second === 'number') {
    const column = typeof third === 'string' ? words[LINE_COLUMN[third] ?? ''] : undefined;
    const row = fill(words['lines.rowLabel'] ?? '', { n: second + 1 });
    return `${words['lines.heading']} · ${column ? fill(words['lines.fieldLabel'] ?? '', { n: second + 1, field: column }) : row}`;
  }
  if (head === 'fields' && typeof second === 'string') {
    return ctx.policy.categories.flatMap((c) => c.requestFields).find((f) => f.id === second)?.label ?? null;
  }
  if (head === 'expected' && typeof second === 'string') return words[TOP_FIELD[second] ?? ''] ?? null;
  if (typeof head !== 'string') return null;
  return words[TOP_FIELD[head] ?? ''] ?? labelledField(words, path);
}

export const budgetRequestTool: ToolDefinition<BudgetRequestDraft, BudgetRequestView, BudgetRequestContext> =
  {
    id: BUDGET_REQUEST_TOOL,
    version: BUDGET_REQUEST_VERSION,
    schema: draftSchema,
    // Drafts, files and links of version 1 (before 审批) still open: a link already sent must keep working.
    migrate: migrateDraft,
    // On the server (key null) the blank form is deterministic; in the browser it gets today's date.
    empty: (ctx, key) =>
      blankDraft({
        ...budgetDefaults(ctx),
        date: key === null ? '' : todayIso(),
        firstLineId: key === null ? 'l0' : newLineId(),
      }),
    isBlank: (draft, ctx) => isUntouched(draft, budgetDefaults(ctx)),
    fieldLabel: budgetFieldLabel,
    derive: (draft, ctx) => {
      const result = deriveRequest(draft, ctx.policy, ctx.t, ctx.lineOf);
      return { ...result, complete: isComplete(draft, result) };
    },
    entries: {
      kind: 'many',
      label: (draft, ctx) => draftName(draft, ctx.t),
      keyOf: () => null,
      newKey: newDraftKey,
      firstKey: () => newDraftKey(),
    },
    exports: async () => {
      const { requestCsv, requestText } = await import('./export');
      return {
        text: (draft, view, ctx) =>
          requestText(draft, view, ctx.policy, ctx.t, {
            clauseRef: (id) => `${clauseShortLabel(id)} ${ctx.siteBase}${clauseUrlPath(id)}`,
            complete: view.complete,
          }),
        csv: (draft, view, ctx) => requestCsv(draft, view, ctx.t),
        fileBase: (draft, ctx) =>
          `${ctx.t['tool.fileBase']}-${fileNamePart(draft.project.trim() || draft.date || '')}`,
      };
    },
  };
