// Shared bits of the 预算申请单 island: clause links and the props every part needs.
import { TrustNote as KitTrustNote } from '../../kit/ui/ReceiveBox';
import type { ComponentChildren } from 'preact';
import type { BudgetRequestStrings } from './strings';
import { clauseShortLabel } from '../../../core/clause';
import { clauseUrlPath } from '../../../core/clause-ref';
import { formatYuan, type Fen } from '../../../core/money';
import type { BudgetPolicy } from '../../../core/policy-types';

export interface ToolContext {
  t: BudgetRequestStrings;
  /** BASE_PATH of src/site/base-path.ts ('' at the root). */
  base: string;
  /** Titles of the clauses the tool cites, by id (from the chapter pages). */
  clauseTitles: Readonly<Record<string, string>>;
  /** Texts of the clauses the tool quotes, by id (六（一）2 before an over-budget request is completed). */
  clauseTexts: Readonly<Record<string, string>>;
  policy: BudgetPolicy;
  /** Clause of 投资回报率 for the expected-return block (三（二）6). */
}

/** Element id of a form input named by a MissingItem target. */
export const inputId = (target: string) => `br-${target}`;

/** A link to a clause: 六（一）2 预算编制与控制. */
export function ClauseA({ id, ctx, short }: { id: string; ctx: ToolContext; short?: boolean }) {
  const title = short ? undefined : ctx.clauseTitles[id];
  return (
    <a href={`${ctx.base}${clauseUrlPath(id)}`}>
      {clauseShortLabel(id)}
      {title ? ` ${title}` : ''}
    </a>
  );
}

/**
 * A template with `{name}` slots filled by elements (links) or text, kept as text nodes: the
 * reader's words never pass through HTML parsing.
 */
export function Fill({ template, parts }: { template: string; parts: Record<string, ComponentChildren> }) {
  const out: ComponentChildren[] = [];
  let last = 0;
  for (const m of template.matchAll(/\{(\w+)\}/g)) {
    out.push(template.slice(last, m.index));
    const name = m[1] ?? '';
    out.push(Object.hasOwn(parts, name) ? parts[name] : m[0]);
    last = (m.index ?? 0) + m[0].length;
  }
  out.push(template.slice(last));
  return <>{out}</>;
}

/** Focuses the input a MissingItem names (after the next paint, when it may just have appeared). */
export function focusTarget(target: string): void {
  requestAnimationFrame(() => {
    const el = document.getElementById(inputId(target));
    el?.focus();
    el?.scrollIntoView({ block: 'center' });
  });
}

/** 超出预算 ¥x: the warning of 六（一）2 不得超预算开支 and 六（二）2, on screen and on paper. */
export function OverBudget({ overByFen, ctx }: { overByFen: Fen; ctx: ToolContext }) {
  return (
    <Fill
      template={ctx.t['budget.over']}
      parts={{
        amount: formatYuan(overByFen),
        clause1: <ClauseA id={ctx.policy.clauses.overBudget} ctx={ctx} />,
        clause2: <ClauseA id={ctx.policy.clauses.execution} ctx={ctx} />,
      }}
    />
  );
}

/** 关于链接、指纹与签字: shown wherever a link or reply is made or received, since anyone holding one can edit it. */
export function TrustNote({ t, id }: { t: ToolContext['t']; id: string }) {
  return <KitTrustNote id={id} class="no-print" heading={t['trust.heading']} text={t['trust.note']} />;
}
