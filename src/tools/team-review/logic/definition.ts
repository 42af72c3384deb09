/**
 * 团队考核 as a tool definition for the kit: one entry (the manager's team) holding every
 * member's records; derive is cached per record (createTeamDeriver), so an edit recomputes the
 * edited record and the team view only. The scoring loads once the team has a member, not with
 * the page: the page passes the deriver in the context, and an empty team needs none.
 */
import type { ToolDefinition } from '../../kit/logic/definition';
import type { TeamResult, TeamReviewPolicies } from './derive';
import type { TeamReviewLabels } from './labels';
import {
  TEAM_REVIEW_KEY,
  TEAM_REVIEW_STATE_VERSION,
  TEAM_REVIEW_TOOL,
  emptyTeamReview,
  teamReviewStateSchema,
  type TeamReviewState,
} from './state';

/** What the page hands the island: the policy parameters and the zh-CN words. */
export interface TeamReviewContext extends TeamReviewPolicies {
  readonly labels: TeamReviewLabels;
  /** createTeamDeriver() of ./derive once loaded; null before: the team then reads as empty. */
  readonly derive: TeamDeriver | null;
}

export type TeamDeriver = (state: TeamReviewState, policies: TeamReviewPolicies) => TeamResult;

const EMPTY: TeamResult = {
  records: new Map(),
  periods: [],
  current: null,
  view: null,
  defaultBaseError: null,
};

export const teamReviewTool: ToolDefinition<TeamReviewState, TeamResult, TeamReviewContext> = {
  id: TEAM_REVIEW_TOOL,
  version: TEAM_REVIEW_STATE_VERSION,
  schema: teamReviewStateSchema,
  empty: () => emptyTeamReview(),
  isBlank: (state) => Object.keys(state.records).length === 0 && state.defaultBase.trim() === '',
  derive: (state, ctx) => (ctx.derive ? ctx.derive(state, ctx) : EMPTY),
  entries: { kind: 'single', key: TEAM_REVIEW_KEY },
  async exports() {
    const [{ teamCsv, teamText, teamFileBase }, { deriveTeam }] = await Promise.all([
      import('./export'),
      import('./derive'),
    ]);
    return {
      text: (_state, result, ctx) => teamText(result.view, ctx.labels),
      csv: (_state, result, ctx) => (result.view ? teamCsv(result.view, ctx.labels) : ''),
      fileBase: (state, ctx) => teamFileBase((ctx.derive ?? deriveTeam)(state, ctx).current, ctx.labels),
    };
  },
};
