/**
 * Plain TypeScript shapes of the policy parameters (content/policy/*.yaml).
 *
 * Logic may not import astro (house rule 1), so the zod schemas in src/schemas live
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
