// 绩效奖金估算 as the kit runs it: one entry; the score is typed or taken from a saved 绩效自评
// (the reader's own, offered in `ctx.reviews`), so derive resolves the source first.
import { fill } from '../../../core/template';
import type { AppraisalPolicy, BonusPolicy } from '../../../core/policy-types';
import { gradeFor } from '../../../core/scoring';
import { labelledField, type ToolDefinition } from '../../kit/logic/definition';
import type { ExportLabels } from '../../self-review/logic/export';
import { periodLabel } from '../../self-review/logic/period-label';
import { plainNumber } from '../../self-review/logic/state';
import { bonusEstimateResult, readBonusInputs, type BonusResult, type SavedReviewScore } from './derive';
import { bonusFormulas, type BonusLabels } from './formula';
import {
  BONUS_KEY,
  BONUS_STATE_VERSION,
  BONUS_TOOL,
  bonusStateSchema,
  emptyBonusState,
  type BonusState,
} from './state';

export type BonusToolLabels = BonusLabels &
  Pick<ExportLabels, 'period.month' | 'period.year'> &
  Readonly<Record<'source.missing' | 'source.noScore' | 'source.used' | 'tool.fileBase', string>>;

export interface BonusContext {
  readonly policy: BonusPolicy;
  readonly appraisal: AppraisalPolicy;
  /** Top of the score scale (from the appraisal parameters). */
  readonly maxScore: number;
  /** The reader's saved 绩效自评 with their scores; empty until the browser has read them. */
  readonly reviews: readonly SavedReviewScore[];
  /** False on the server and until the reviews are read (no "missing source" before that). */
  readonly reviewsRead: boolean;
  readonly labels: BonusToolLabels;
}

export interface BonusView {
  readonly r: BonusResult;
  readonly scoreText: string;
  readonly sourceLabel: string;
  readonly sourceError: string | null;
  readonly chosen: SavedReviewScore | null;
  readonly grade: string | null;
  readonly formulas: ReturnType<typeof bonusFormulas>;
}

export function deriveBonus(state: BonusState, ctx: BonusContext): BonusView {
  const { labels: s } = ctx;
  const chosen =
    state.scoreMode === 'saved' ? (ctx.reviews.find((r) => r.key === state.source) ?? null) : null;
  let scoreText = state.score;
  let sourceError: string | null = null;
  let sourceLabel = state.sourceLabel;
  if (state.scoreMode === 'saved') {
    scoreText = chosen?.score != null ? plainNumber(chosen.score) : '';
    if (state.source && !chosen && ctx.reviewsRead) sourceError = s['source.missing'];
    else if (chosen && chosen.score === null) sourceError = s['source.noScore'];
    sourceLabel = chosen
      ? fill(s['source.used'], { group: chosen.groupName, period: periodLabel(chosen.period, s) })
      : '';
  }
  const r = bonusEstimateResult(readBonusInputs(state, scoreText, ctx.maxScore), ctx.policy);
  return {
    r,
    scoreText,
    sourceLabel,
    sourceError,
    chosen,
    grade: r.score === null ? null : gradeFor(r.score, ctx.appraisal.grades).name,
    formulas: bonusFormulas(r, ctx.policy.annual.baseMonths, s),
  };
}

/** What a link or file carries: the score itself, since the saved reviews stay in this browser. */
export function outgoingBonus(state: BonusState, view: BonusView): BonusState {
  return { ...state, scoreMode: 'typed', score: view.scoreText, source: '', sourceLabel: view.sourceLabel };
}

export const bonusTool: ToolDefinition<BonusState, BonusView, BonusContext> = {
  id: BONUS_TOOL,
  version: BONUS_STATE_VERSION,
  schema: bonusStateSchema,
  empty: (ctx) => emptyBonusState(ctx.policy),
  derive: deriveBonus,
  fieldLabel: (path, ctx) => labelledField(ctx.labels as unknown as Readonly<Record<string, string>>, path),
  entries: { kind: 'single', key: BONUS_KEY },
  exports: async () => {
    const { bonusText } = await import('./export');
    return {
      text: (_state, view, ctx) =>
        bonusText(
          view.r,
          {
            sourceLabel: view.sourceLabel,
            baseMonths: ctx.policy.annual.baseMonths,
            maxCoefficient: ctx.policy.maxCoefficient,
          },
          ctx.labels,
        ),
      fileBase: (_state, ctx) => ctx.labels['tool.fileBase'],
    };
  },
};
