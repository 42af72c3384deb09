/**
 * 绩效奖金估算 (四（三）1：绩效奖金与绩效考核得分挂钩，得分越高奖金越高) from what the reader typed:
 * the base (direct, or 月薪 × 比例), the score, the coefficient from the curve with the segment it
 * was read from, and the monthly and annual estimates. Pure; amounts are integer 分.
 */
import { baseFromSalary, bonusCoefficient, estimateBonus, type BonusEstimate } from '../../../core/bonus';
import type { Fen } from '../../../core/money';
import { parseDecimal, parseMoney, parsePercent } from '../../../core/parse-number';
import type { AppraisalPolicy, BonusPolicy, CurvePoint } from '../../../core/policy-types';
import type { BonusState } from './state';
import { selfReviewResult } from '../../self-review/logic/derive';
import { parsePeriod, type Period, type SelfReviewState } from '../../self-review/logic/state';

/** How the coefficient was read from the curve, for the 怎么算的 line. */
export type CoefficientStep =
  | { readonly kind: 'below'; readonly point: CurvePoint }
  | { readonly kind: 'above'; readonly point: CurvePoint }
  | { readonly kind: 'between'; readonly lo: CurvePoint; readonly hi: CurvePoint };

export interface CoefficientReading {
  readonly coefficient: number;
  readonly step: CoefficientStep;
  /** True when maxCoefficient lowered the value read from the curve. */
  readonly capped: boolean;
}

/**
 * The coefficient at `score` (bonusCoefficient) and the part of the curve it comes from. null for
 * an empty curve.
 */
export function readCoefficient(
  score: number,
  curve: readonly CurvePoint[],
  maxCoefficient?: number,
): CoefficientReading | null {
  const points = [...curve].sort((a, b) => a.score - b.score);
  const first = points[0];
  const last = points.at(-1);
  if (!first || !last) return null;
  const coefficient = bonusCoefficient(score, points, maxCoefficient);
  const uncapped = bonusCoefficient(score, points);
  let step: CoefficientStep;
  if (!(score > first.score)) step = { kind: 'below', point: first };
  else if (score >= last.score) step = { kind: 'above', point: last };
  else {
    const i = points.findIndex((p) => p.score > score);
    step = { kind: 'between', lo: points[i - 1]!, hi: points[i]! };
  }
  return { coefficient, step, capped: coefficient < uncapped };
}

export interface BonusInputs {
  /** 月度奖金基数 used, or null until it is valid. */
  readonly baseFen: Fen | null;
  /** 月薪 and 比例 when the base comes from the salary (null until valid). */
  readonly salaryFen: Fen | null;
  readonly ratio: number | null;
  readonly score: number | null;
  /** Field (base / salary / ratio / score) → message for beside it. */
  readonly errors: Readonly<Record<string, string>>;
}

/** Reads the typed fields; `scoreText` is the typed score or the saved review's total. */
export function readBonusInputs(state: BonusState, scoreText: string, maxScore: number): BonusInputs {
  const errors: Record<string, string> = {};
  const field = <T>(
    name: string,
    result: { ok: true; value: T } | { ok: false; error: string; code: string },
  ): T | null => {
    if (result.ok) return result.value;
    if (result.code !== 'empty') errors[name] = result.error;
    return null;
  };
  let baseFen: Fen | null = null;
  let salaryFen: Fen | null = null;
  let ratio: number | null = null;
  if (state.baseMode === 'direct') {
    baseFen = field('base', parseMoney(state.base));
  } else {
    salaryFen = field('salary', parseMoney(state.salary));
    ratio = field('ratio', parsePercent(state.ratio));
    if (salaryFen !== null && ratio !== null) baseFen = baseFromSalary(salaryFen, ratio);
  }
  const scoreResult = parseDecimal(scoreText, { min: 0, max: maxScore });
  const score = field(
    'score',
    scoreResult.ok || scoreResult.code !== 'out-of-range'
      ? scoreResult
      : { ...scoreResult, error: `得分应在 0–${maxScore} 之间` },
  );
  return { baseFen, salaryFen, ratio, score, errors };
}

export interface BonusResult extends BonusInputs {
  readonly reading: CoefficientReading | null;
  /** 月度绩效奖金 (one base). */
  readonly month: BonusEstimate | null;
  /** 年度绩效奖金 (annual.baseMonths bases), taking the score as the annual score. */
  readonly year: BonusEstimate | null;
  /** Set when an amount is beyond what can be computed exactly. */
  readonly overflow: boolean;
}

/** The estimate as far as the inputs allow: the coefficient needs a score, amounts need a base too. */
export function bonusEstimateResult(inputs: BonusInputs, policy: BonusPolicy): BonusResult {
  const reading =
    inputs.score === null ? null : readCoefficient(inputs.score, policy.curve, policy.maxCoefficient);
  let month: BonusEstimate | null = null;
  let year: BonusEstimate | null = null;
  let overflow = false;
  if (inputs.score !== null && inputs.baseFen !== null) {
    const common = {
      baseFen: inputs.baseFen,
      score: inputs.score,
      curve: policy.curve,
      maxCoefficient: policy.maxCoefficient,
    };
    try {
      month = estimateBonus({ ...common, period: { kind: 'month' } });
      year = estimateBonus({ ...common, period: { kind: 'year', baseMonths: policy.annual.baseMonths } });
    } catch {
      // mulFen refuses a product past Number.MAX_SAFE_INTEGER 分 rather than lose a 分.
      overflow = true;
      month = null;
      year = null;
    }
  }
  return { ...inputs, reading, month, year, overflow };
}

/** One of the reader's saved 绩效自评, as the bonus estimate offers it. */
export interface SavedReviewScore {
  readonly key: string;
  readonly groupName: string;
  readonly period: Period;
  /** 月度总分 or 年度得分; null when a year cannot be scored yet. */
  readonly score: number | null;
  readonly grade: string | null;
  /** False when KPIs, ratings or months are still missing or refused. */
  readonly complete: boolean;
}

/** The saved reviews that can be scored, newest period first. */
export function savedReviewScores(
  entries: readonly { readonly key: string; readonly state: SelfReviewState }[],
  appraisal: AppraisalPolicy,
): SavedReviewScore[] {
  const out: SavedReviewScore[] = [];
  for (const { key, state } of entries) {
    const result = selfReviewResult(state, appraisal);
    const period = parsePeriod(state.period);
    if (!result || !period) continue;
    out.push({
      key,
      groupName: result.group.name,
      period,
      score: result.total,
      grade: result.grade?.name ?? null,
      complete: result.complete,
    });
  }
  const order = (p: Period) => p.year * 100 + (p.kind === 'month' ? p.month : 13);
  return out.sort((a, b) => order(b.period) - order(a.period) || a.key.localeCompare(b.key));
}
