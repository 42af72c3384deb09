// 绩效自评 as the kit runs it: one entry per group and period (key promotion-2026-03), so an import
// of the same period updates it instead of doubling. A new year entry takes the saved months of
// its group (`ctx.savedMonth`, read by the page from this browser's entries).
import type { AppraisalPolicy } from '../../../core/policy-types';
import type { ToolDefinition } from '../../kit/logic/definition';
import { monthTotalsFromSaved, selfReviewResult, type SelfReviewResult } from './derive';
import type { ExportLabels } from './export';
import { periodLabel } from './period-label';
import { fill } from '../../../core/template';
import {
  emptyReview,
  formatPeriod,
  monthOf,
  parsePeriod,
  parseReviewKey,
  reviewKey,
  selfReviewStateSchema,
  SELF_REVIEW_STATE_VERSION,
  SELF_REVIEW_TOOL,
  type SelfReviewState,
} from './state';

export interface SelfReviewContext {
  readonly policy: AppraisalPolicy;
  readonly labels: ExportLabels & Readonly<Record<'tool.fileBase', string>>;
  /** The saved month entry of a group (null when none), for a new year's roll-up. */
  readonly savedMonth: (group: string, year: number, month: number) => SelfReviewState | null;
  /** The name last typed: a new period starts with it. */
  readonly lastName: () => string;
}

/** 市场推广组 2026年3月. */
export function reviewLabel(st: Pick<SelfReviewState, 'group' | 'period'>, ctx: SelfReviewContext): string {
  const group = ctx.policy.groups.find((g) => g.id === st.group)?.name ?? st.group;
  const p = parsePeriod(st.period);
  return `${group} ${p ? periodLabel(p, ctx.labels) : st.period}`;
}

function emptyFor(ctx: SelfReviewContext, key: string | null, name: string): SelfReviewState {
  const target = key === null ? null : parseReviewKey(key);
  const group = target?.group ?? ctx.policy.groups[0]?.id ?? '';
  const period = target?.period ?? '2000-01';
  const state = emptyReview(ctx.policy, group, period, name);
  const p = parsePeriod(period);
  if (p?.kind !== 'year') return state;
  const { texts } = monthTotalsFromSaved(ctx.policy, (m) => ctx.savedMonth(group, p.year, m));
  return { ...state, months: [...texts] };
}

const KPI_FIELD = { target: 'field.target', actual: 'field.actual', comment: 'field.comment' } as const;

/** A saved field as the form labels it: 「活动参与人数 · 实际值」, 「工作规范 · 工作态度」, 「3月」. */
export function selfReviewFieldLabel(path: readonly PropertyKey[], ctx: SelfReviewContext): string | null {
  const l = ctx.labels;
  const [head, id, field] = path;
  switch (head) {
    case 'name':
      return l['field.name'];
    case 'group':
      return l['field.group'];
    case 'period':
      return l['field.period'];
    case 'summary':
      return `${l['field.summary.month']} / ${l['field.summary.year']}`;
    case 'review':
      return l['field.review'];
    case 'months':
      return typeof id === 'number' ? fill(l['month.label'], { month: id + 1 }) : l['csv.month'];
    case 'kpis': {
      const kpi = ctx.policy.groups.flatMap((g) => g.kpis).find((k) => k.id === id);
      const name = kpi?.name ?? l['text.kpis'];
      const part = typeof field === 'string' && field in KPI_FIELD ? l[KPI_FIELD[field as keyof typeof KPI_FIELD]] : null;
      return part ? `${name} · ${part}` : name;
    }
    case 'ratings': {
      const item = ctx.policy.behaviour.items.find((b) => b.id === id);
      return item ? `${l['csv.behaviourSection']} · ${item.name}` : l['csv.behaviourSection'];
    }
    default:
      return null;
  }
}

export const selfReviewTool: ToolDefinition<SelfReviewState, SelfReviewResult | null, SelfReviewContext> = {
  id: SELF_REVIEW_TOOL,
  version: SELF_REVIEW_STATE_VERSION,
  schema: selfReviewStateSchema,
  empty: (ctx, key) => emptyFor(ctx, key, key === null ? '' : ctx.lastName()),
  // A period where only the name was typed is not listed as saved work (the name carries over anyway).
  isBlank: (st, ctx) =>
    JSON.stringify({ ...st, name: '' }) === JSON.stringify(emptyFor(ctx, reviewKey(st.group, st.period), '')),
  derive: (st, ctx) => selfReviewResult(st, ctx.policy),
  fieldLabel: (path, ctx) => selfReviewFieldLabel(path, ctx),
  entries: {
    kind: 'many',
    label: reviewLabel,
    keyOf: (st) => reviewKey(st.group, st.period),
    labelOfKey: (key, ctx) => {
      const parsed = parseReviewKey(key);
      return parsed ? reviewLabel(parsed, ctx) : null;
    },
    // Entries are periods chosen in the form: deleting one leaves that period open, empty.
    newKey: () => '',
    afterRemove: 'same',
    firstKey: (ctx, today) => reviewKey(ctx.policy.groups[0]?.id ?? '', formatPeriod(monthOf(today))),
  },
  exports: async () => {
    const [{ selfReviewCsvRows, selfReviewText }, { toCsv }] = await Promise.all([
      import('./export'),
      import('../../../core/csv'),
    ]);
    return {
      text: (st, result, ctx) => (result ? selfReviewText(result, st.name, st.summary, ctx.labels) : ''),
      csv: (st, result, ctx) => toCsv(result ? selfReviewCsvRows(result, st.name, ctx.labels) : []),
      fileBase: (st, ctx) => {
        const group = ctx.policy.groups.find((g) => g.id === st.group)?.name ?? st.group;
        return `${ctx.labels['tool.fileBase']}-${group}-${st.period}`;
      },
    };
  },
};
