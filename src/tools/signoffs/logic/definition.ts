/**
 * 新员工签收 (五（一）1 新员工入职培训) as a tool definition for the kit: one list per browser. Text and
 * CSV load on first use (./export), as in every tool.
 */
import type { ToolDefinition } from '../../kit/logic/definition';
import { signoffRows, type SignoffContext, type SignoffsResult } from './derive';
import type { SignoffLabels } from './labels';
import {
  SIGNOFFS_TOOL,
  SIGNOFFS_VERSION,
  emptySignoffList,
  migrateSignoffs,
  signoffListSchema,
  type SignoffList,
} from './state';

export interface SignoffsToolContext extends SignoffContext {
  readonly labels: SignoffLabels;
}

/** 新员工签收: one list per browser, run by the kit like every tool. */
export const signoffsTool: ToolDefinition<SignoffList, SignoffsResult, SignoffsToolContext> = {
  id: SIGNOFFS_TOOL,
  version: SIGNOFFS_VERSION,
  migrate: migrateSignoffs,
  schema: signoffListSchema,
  empty: emptySignoffList,
  isBlank: (state) => state.records.length === 0,
  derive: (state, ctx) => signoffRows(state, ctx, ctx.labels),
  entries: { kind: 'single', key: 'list' },
  async exports() {
    const [{ signoffCsvRows, signoffText }, { toCsv }] = await Promise.all([
      import('./export'),
      import('../../../core/csv'),
    ]);
    return {
      text: (_state, result, ctx) => signoffText(result, ctx.labels),
      csv: (_state, result, ctx) => toCsv(signoffCsvRows(result, ctx.labels)),
      fileBase: (_state, ctx) =>
        ctx.today ? `${ctx.labels['signoff.fileBase']}-${ctx.today}` : ctx.labels['signoff.fileBase'],
    };
  },
};
