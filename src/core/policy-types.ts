/**
 * Plain TypeScript shapes of the policy parameters (content/policy/*.yaml).
 *
 * Logic may not import astro (it stays pure TypeScript, runnable in Node and the browser alike), so
 * the zod schemas in src/schemas live
 * elsewhere; each schema file asserts at compile time that its inferred type is assignable
 * to the interface here, so data read through a schema can be handed to these functions.
 * Field meanings and defaults are documented on the schemas.
 */

/** 百分数 0–100（如 80 表示 80%）。 */
export type Percent = number;

/** Behaviour items and `rating` KPIs are rated on this scale (三（四）: 1–5 分). */
export const RATING_SCALE = { min: 1, max: 5 } as const;

export type KpiUnit = 'count' | 'percent' | 'rating' | 'money';
export type KpiDirection = 'higher' | 'lower';

export interface KpiScoring {
  readonly rule: 'ratio';
  /** Highest score a KPI can reach (≥ 100). */
  readonly cap: number;
}

export interface Kpi {
  readonly id: string;
  readonly name: string;
  readonly clause: string;
  readonly description?: string | undefined;
  readonly unit: KpiUnit;
  readonly direction: KpiDirection;
  readonly target: number;
  /** Share of the group's performance score; a group's weights sum to 100. */
  readonly weight: Percent;
  readonly scoring: KpiScoring;
}

export interface AppraisalGroup {
  readonly id: string;
  readonly name: string;
  readonly clause: string;
  readonly kpis: readonly Kpi[];
}

export interface BehaviourItem {
  readonly id: string;
  readonly name: string;
  readonly clause: string;
  readonly weight: Percent;
}

export interface GradeBand {
  readonly id: string;
  readonly name: string;
  /** Lower bound, inclusive. Bands are listed from the highest to the lowest; the last is 0. */
  readonly min: number;
}

export interface ScoreSplit {
  readonly performance: Percent;
  readonly behaviour: Percent;
}

export interface AnnualBlend {
  readonly clause: string;
  readonly monthlyWeight: Percent;
  readonly reviewWeight: Percent;
  /** Fewest months with a result for an annual score to be computed. */
  readonly minMonths: number;
}

export interface AppraisalPolicy {
  readonly split: ScoreSplit;
  readonly groups: readonly AppraisalGroup[];
  readonly behaviour: { readonly clause: string; readonly items: readonly BehaviourItem[] };
  readonly grades: readonly GradeBand[];
  readonly annual: AnnualBlend;
  /** 团队考核 settings (四（三）2–4); absent = no recommended distribution and no candidate rules. */
  readonly team?: TeamReviewPolicy | undefined;
  /** Day of the month (1–28) the self-review is due, set by the department (the policy fixes none); absent = no monthly reminder. */
  readonly selfReviewDueDay?: number | undefined;
}

/** Recommended share of one grade in a team (a warning when passed, never a block). */
export interface GradeShare {
  /** A grade's id or name (appraisal grades). */
  readonly grade: string;
  /** Highest recommended share of the team, 0–100. */
  readonly maxPercent: Percent;
}

/** Which periods a candidate rule looks at. */
export type CandidatePeriod = 'month' | 'year' | 'any';

/**
 * A rule flagging 晋升 / 培训 / 荣誉表彰 candidates (四（三）2–4). A record is flagged when any of
 * its conditions holds: its (manager's) grade is one of `grades`, or one of its KPI scores is below
 * `kpiScoreBelow`.
 */
export interface CandidateRule {
  readonly id: string;
  /** What the flag says, e.g. 晋升候选. */
  readonly name: string;
  /** The clause the flag cites, e.g. c4-3-2. */
  readonly clause: string;
  readonly period: CandidatePeriod;
  /** Grade ids or names. */
  readonly grades?: readonly string[] | undefined;
  /** A KPI score (0–cap) under this flags the record (monthly records only: a year has no KPI rows). */
  readonly kpiScoreBelow?: number | undefined;
}

export interface TeamReviewPolicy {
  readonly distribution: readonly GradeShare[];
  readonly candidates: readonly CandidateRule[];
}

export interface CurvePoint {
  readonly score: number;
  readonly coefficient: number;
}

export interface BonusPolicy {
  readonly clause: string;
  /** Scores strictly ascending, coefficients never decreasing (四（三）1). */
  readonly curve: readonly CurvePoint[];
  readonly maxCoefficient?: number | undefined;
  readonly monthly: { readonly salaryRatioPercent: Percent };
  readonly annual: { readonly baseMonths: number };
  /** Optional team bonus pool (团队考核), in 元. */
  readonly pool?: BonusPool | undefined;
}

/** A team's bonus pool in 元, per month and/or per year; either may be absent. */
export interface BonusPool {
  readonly monthYuan?: number | undefined;
  readonly yearYuan?: number | undefined;
}

export interface RequestField {
  readonly id: string;
  readonly label: string;
  readonly clause: string;
}

export interface BudgetCategory {
  readonly id: string;
  readonly name: string;
  /** 元 in the data file; convert to 分 with `yuanToFen` before computing. */
  readonly annualYuan: number;
  readonly subcategories: readonly string[];
  readonly expectedReturn: boolean;
  readonly requestFields: readonly RequestField[];
}

export interface ApprovalStep {
  readonly id: string;
  readonly approver: string;
  /** The approver signs when the total exceeds this many 元; the first step is 0. */
  readonly aboveYuan: number;
}

export interface BudgetPolicy {
  readonly fiscalYear: number;
  readonly clauses: {
    readonly approval: string;
    readonly overBudget: string;
    readonly categories: string;
    readonly execution: string;
    /** 预期回报 of a promotion request. */
    readonly expectedReturn: string;
  };
  readonly categories: readonly BudgetCategory[];
  readonly approvalSteps: readonly ApprovalStep[];
}

export type OnboardingOwner = '本人' | '导师' | '经理';

export interface OnboardingPhase {
  readonly id: string;
  readonly name: string;
  /** Due on start date + dueDay calendar days (start date = day 0). */
  readonly dueDay: number;
}

export interface OnboardingItem {
  readonly id: string;
  readonly title: string;
  readonly phase: string;
  /** 'all' or a list of appraisal group ids. */
  readonly roles: 'all' | readonly string[];
  readonly owner: OnboardingOwner;
  readonly clause: string;
}

export interface OnboardingPolicy {
  readonly phases: readonly OnboardingPhase[];
  readonly readingPath: readonly string[];
  readonly items: readonly OnboardingItem[];
}

/**
 * One row of the search's synonym table (content/policy/search-synonyms.yaml): a query holding one
 * of `readerWords` also searches `policyWords`, which the policy text holds.
 */
export interface SearchSynonym {
  readonly readerWords: readonly string[];
  readonly policyWords: readonly string[];
}

export interface SearchSynonymsPolicy {
  readonly synonyms: readonly SearchSynonym[];
}

/** One question of the 制度测验 (content/policy/quiz.yaml). */
export interface QuizQuestion {
  /** Permanent ASCII id: a new hire's answers key on it. */
  readonly id: string;
  /** The clause it tests, e.g. c3-3-4. */
  readonly clause: string;
  /** 'all' or a list of appraisal group ids. */
  readonly roles: 'all' | readonly string[];
  /** Policy version the question was last checked against, e.g. 1.0. */
  readonly checked: string;
  readonly question: string;
  readonly options: readonly string[];
  /** The right options, 1-based, ascending; more than one: every one must be picked. */
  readonly answer: readonly number[];
  /** The sentence of the clause (or its sub-items) the answer comes from, verbatim. */
  readonly quote: string;
}

export interface QuizPolicy {
  /** Questions asked in one attempt (all of the role's when it has fewer). */
  readonly askCount: number;
  /** Share of first answers right needed to pass, 0–100. */
  readonly passPercent: number;
  readonly questions: readonly QuizQuestion[];
}
