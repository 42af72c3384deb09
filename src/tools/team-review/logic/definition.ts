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
  migrateTeamReview,
  parseRecordKey,
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

const MANAGER_FIELD: Readonly<Record<string, string>> = {
  review: 'review.reviewScore',
  comment: 'review.comment',
  bonusBase: 'review.base',
};

/** A saved field as the page labels it: 「张三 2026-03 · 上级评定 · 客户满意度 · 实际值（上级）」. */
export function teamFieldLabel(path: readonly PropertyKey[], ctx: TeamReviewContext): string | null {
  const words = ctx.labels as unknown as Readonly<Record<string, string>>;
  const [head, key, part, field, id, sub] = path;
  if (head === 'defaultBase') return words['team.defaultBase'] ?? null;
  if (head !== 'records' || typeof key !== 'string') return null;
  const who = parseRecordKey(key);
  const groupName = who && ctx.appraisal.groups.find((g) => g.id === who.group)?.name;
  const member = who ? `${who.person}${groupName ? `（${groupName}）` : ''} ${who.period}` : key;
  if (part !== 'manager') return member;
  const kpi = ctx.appraisal.groups.flatMap((g) => g.kpis).find((k) => k.id === id);
  const item = ctx.appraisal.behaviour.items.find((b) => b.id === id);
  const what =
    field === 'kpis' && kpi
      ? [kpi.name, words[sub === 'target' ? 'review.target' : sub === 'actual' ? 'review.actual' : 'review.kpiComment']]
      : field === 'ratings' && item
        ? [words['review.behaviour'], item.name]
        : [words[MANAGER_FIELD[String(field)] ?? '']];
  return [member, ...what.filter((w): w is string => !!w)].join(' · ');
}

export const teamReviewTool: ToolDefinition<TeamReviewState, TeamResult, TeamReviewContext> = {
  id: TEAM_REVIEW_TOOL,
  version: TEAM_REVIEW_STATE_VERSION,
  schema: teamReviewStateSchema,
  migrate: migrateTeamReview,
  empty: () => emptyTeamReview(),
  isBlank: (state) =>
    Object.keys(state.records).length === 0 &&
    Object.keys(state.targets).length === 0 &&
    state.defaultBase.trim() === '',
  fieldLabel: teamFieldLabel,
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
