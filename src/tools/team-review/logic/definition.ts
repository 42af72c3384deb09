/**
 * 团队考核 as a tool definition for the kit: one entry (the manager's team) holding every
 * member's records; derive is cached per record (createTeamDeriver), so an edit recomputes the
 * edited record and the team view only.
 */
import type { ToolDefinition } from '../../kit/logic/definition';
import { createTeamDeriver, type TeamResult, type TeamReviewPolicies } from './derive';
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
}

const derive = createTeamDeriver();

export const teamReviewTool: ToolDefinition<TeamReviewState, TeamResult, TeamReviewContext> = {
  id: TEAM_REVIEW_TOOL,
  version: TEAM_REVIEW_STATE_VERSION,
  schema: teamReviewStateSchema,
  empty: () => emptyTeamReview(),
  isBlank: (state) => Object.keys(state.records).length === 0 && state.defaultBase.trim() === '',
  derive: (state, ctx) => derive(state, ctx),
  entries: { kind: 'single', key: TEAM_REVIEW_KEY },
  async exports() {
    const { teamCsv, teamText, teamFileBase } = await import('./export');
    return {
      text: (_state, result, ctx) => teamText(result.view, ctx.labels),
      csv: (_state, result, ctx) => (result.view ? teamCsv(result.view, ctx.labels) : ''),
      fileBase: (state, ctx) => teamFileBase(derive(state, ctx).current, ctx.labels),
    };
  },
};
