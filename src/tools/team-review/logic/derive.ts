/**
 * 团队考核 results: for each record the 自评 and the 上级评定 scored by the one rule of 绩效自评
 * (selfReviewResult: 四（一）指标, 三（四）工作规范, 四（二）月度 / 年度), the differences marked;
 * for each period the team view: both scores, grade, bonus estimate (四（三）1), the grade
 * distribution against the recommended one, the bonus total against the pool, and the
 * candidates for 晋升 / 培训 / 荣誉表彰 (四（三）2–4). Pure; amounts are integer 分.
 */
import { estimateBonus, type BonusEstimate } from '../../../core/bonus';
import { addFen, fen, yuanToFen, type Fen } from '../../../core/money';
import { parseMoney } from '../../../core/parse-number';
import type {
  AppraisalGroup,
  AppraisalPolicy,
  BehaviourItem,
  BonusPolicy,
  CandidateRule,
  GradeBand,
  Kpi,
} from '../../../core/policy-types';
import { round2 } from '../../../core/scoring';
import {
  selfReviewResult,
  type AppraisalInput,
  type KpiRow,
  type MonthResult,
  type SelfReviewResult,
} from '../../self-review/logic/derive';
import { formatPeriod, parsePeriod, plainNumber, type Period } from '../../self-review/logic/state';
import { parseRecordKey, recordKey, type MemberRecord, type TeamReviewState } from './state';

/** The policy parameters the tool computes with. */
export interface TeamReviewPolicies {
  readonly appraisal: AppraisalPolicy;
  readonly bonus: BonusPolicy;
}

/** One KPI, 自评 beside 上级评定. */
export interface KpiComparison {
  readonly kpi: Kpi;
  readonly self: KpiRow;
  readonly manager: KpiRow;
  /** What the manager changed: a value that differs (both read), or one read and one not. */
  readonly differs: { readonly target: boolean; readonly actual: boolean; readonly score: boolean };
}

/** One 工作规范 item, 自评 beside 上级评定. */
export interface BehaviourComparison {
  readonly item: BehaviourItem;
  readonly self: number | null;
  readonly manager: number | null;
  readonly differs: boolean;
}

/** One month of an annual 上级评定: the manager's own monthly total, when they have that month. */
export interface ManagerMonth {
  readonly month: number;
  /** Key of the month's record, or null when the manager has no record of that month. */
  readonly key: string | null;
  readonly total: number | null;
}

export interface BonusLine {
  /** 月度奖金基数 used (the member's, or the team's default), or null until one is valid. */
  readonly baseFen: Fen | null;
  /** The member's own base was typed but refused (message for beside the field). */
  readonly baseError: string | null;
  /** From the 上级评定 score; null until there is a score and a base. */
  readonly estimate: BonusEstimate | null;
}

export interface CandidateFlag {
  readonly rule: CandidateRule;
  /** Why: the grade, or the KPIs scored below the rule's line. */
  readonly reason: { readonly kind: 'grade'; readonly grade: GradeBand } | { readonly kind: 'kpi'; readonly kpis: readonly Kpi[] };
}

export interface RecordResult {
  readonly key: string;
  readonly record: MemberRecord;
  /** The name as the employee wrote it (trimmed). */
  readonly name: string;
  readonly group: AppraisalGroup | null;
  readonly period: Period;
  readonly self: SelfReviewResult | null;
  readonly manager: SelfReviewResult | null;
  /** Month records: per KPI and per 工作规范 item; empty for a year. */
  readonly kpis: readonly KpiComparison[];
  readonly behaviour: readonly BehaviourComparison[];
  /** Year records: the manager's months; empty for a month. */
  readonly months: readonly ManagerMonth[];
  /** 自评 total ≠ 上级评定 total (or only one of them exists). */
  readonly totalDiffers: boolean;
  readonly gradeDiffers: boolean;
  /** How many values the manager changed (KPI targets, actuals, ratings, review). */
  readonly changes: number;
  readonly bonus: BonusLine;
  readonly candidates: readonly CandidateFlag[];
}

/** Per grade: how many members have it, against the recommended share. */
export interface GradeCount {
  readonly grade: GradeBand;
  readonly count: number;
  /** count ÷ graded members × 100, two decimals; 0 for an empty team. */
  readonly percent: number;
  /** Recommended highest share (appraisal.yaml team.distribution), or null when none is set. */
  readonly maxPercent: number | null;
  /** Above the recommendation: a warning, never a block. */
  readonly over: boolean;
}

export interface TeamBonus {
  /** Σ of the members' estimates. */
  readonly totalFen: Fen;
  /** Members with an estimate, and without one (no score or no base yet). */
  readonly counted: number;
  readonly missing: number;
  /** The pool of this kind of period (bonus.yaml pool), or null when none is set. */
  readonly poolFen: Fen | null;
  /** pool − total (negative when over), or null without a pool. */
  readonly remainingFen: number | null;
  readonly over: boolean;
}

export interface CandidateGroup {
  readonly rule: CandidateRule;
  readonly members: readonly RecordResult[];
}

export interface TeamView {
  readonly period: Period;
  readonly periodKey: string;
  readonly rows: readonly RecordResult[];
  readonly distribution: readonly GradeCount[];
  /** Members with a 上级评定 grade (the base of the percentages). */
  readonly graded: number;
  readonly overRecommended: readonly GradeCount[];
  readonly bonus: TeamBonus;
  readonly candidates: readonly CandidateGroup[];
  /** Records whose 上级评定 is marked done. */
  readonly done: number;
}

export interface TeamResult {
  /** Every record, by key. */
  readonly records: ReadonlyMap<string, RecordResult>;
  /** Periods with records, newest first; a year before its own months (periodOrder). */
  readonly periods: readonly string[];
  /** The period shown: state.period when it has records, else the newest. null for an empty team. */
  readonly current: string | null;
  /** The team view of `current`. */
  readonly view: TeamView | null;
  /** The team's default 月度奖金基数 refused, with its message. */
  readonly defaultBaseError: string | null;
}

const EMPTY_MONTHS: readonly string[] = Array<string>(12).fill('');

/** The 上级评定 of a record as the scoring reads it; a year's months come from `monthTotals`. */
export function managerInput(record: MemberRecord, monthTotals: readonly string[] = EMPTY_MONTHS): AppraisalInput {
  const { group, period } = record.self;
  const { kpis, ratings, review } = record.manager;
  return { group, period, kpis, ratings, months: [...monthTotals], review };
}

/** Two read values differ (a value read on one side only counts as a difference). */
function differ(a: number | null, b: number | null): boolean {
  if (a === null || b === null) return a !== b;
  return Math.abs(a - b) > 1e-9;
}

/** Part of a record's result that depends on the record alone (cached per record object). */
interface OwnPart {
  readonly self: SelfReviewResult | null;
  readonly manager: SelfReviewResult | null;
  readonly kpis: readonly KpiComparison[];
  readonly behaviour: readonly BehaviourComparison[];
}

function compareMonth(self: MonthResult, manager: MonthResult): Pick<OwnPart, 'kpis' | 'behaviour'> {
  const kpis = self.rows.map((s, i): KpiComparison => {
    const m = manager.rows[i]!;
    return {
      kpi: s.kpi,
      self: s,
      manager: m,
      differs: { target: differ(s.target, m.target), actual: differ(s.actual, m.actual), score: differ(s.score, m.score) },
    };
  });
  const behaviour = self.behaviourRows.map((s, i): BehaviourComparison => {
    const m = manager.behaviourRows[i]!;
    return { item: s.item, self: s.rating, manager: m.rating, differs: differ(s.rating, m.rating) };
  });
  return { kpis, behaviour };
}

function ownPart(record: MemberRecord, policy: AppraisalPolicy): OwnPart {
  const self = selfReviewResult(record.self, policy);
  if (self?.kind !== 'month') return { self, manager: null, kpis: [], behaviour: [] };
  const manager = selfReviewResult(managerInput(record), policy) as MonthResult;
  return { self, manager, ...compareMonth(self, manager) };
}

/**
 * What a deriver remembers between calls, by record object: the kit replaces an edited record's
 * object and keeps the others, so an edit recomputes the edited record (and the annual records,
 * which read the months) only. Valid for one set of policies and one team default base.
 */
export interface TeamCache {
  readonly policies: TeamReviewPolicies;
  readonly defaultBase: string;
  readonly parts: WeakMap<MemberRecord, OwnPart>;
  readonly results: WeakMap<MemberRecord, RecordResult>;
}

/** A deriver with its own cache (one per page); same results as deriveTeam. */
export function createTeamDeriver(): (state: TeamReviewState, policies: TeamReviewPolicies) => TeamResult {
  let cache: TeamCache | null = null;
  return (state, policies) => {
    const stale =
      !cache ||
      cache.policies.appraisal !== policies.appraisal ||
      cache.policies.bonus !== policies.bonus ||
      cache.defaultBase !== state.defaultBase;
    if (stale) {
      cache = { policies, defaultBase: state.defaultBase, parts: new WeakMap(), results: new WeakMap() };
    }
    return deriveTeam(state, policies, cache);
  };
}

/** Sort order of periods: newest year first; in a year, the annual record first, then December … January. */
export function periodOrder(period: Period): number {
  return period.year * 100 + (period.kind === 'year' ? 13 : period.month);
}

/** Everything the page shows, for the whole team. */
export function deriveTeam(
  state: TeamReviewState,
  policies: TeamReviewPolicies,
  cache: TeamCache | null = null,
): TeamResult {
  const own = (record: MemberRecord): OwnPart => {
    let part = cache?.parts.get(record);
    if (!part) {
      part = ownPart(record, policies.appraisal);
      cache?.parts.set(record, part);
    }
    return part;
  };
  const { appraisal, bonus } = policies;
  const defaultBase = readBase(state.defaultBase);
  const records = new Map<string, RecordResult>();
  const entries = Object.entries(state.records).filter(([key]) => parseRecordKey(key) !== null);
  // Months first: an annual 上级评定 rolls up the manager's monthly totals.
  const months = entries.filter(([, r]) => parsePeriod(r.self.period)?.kind === 'month');
  const years = entries.filter(([, r]) => parsePeriod(r.self.period)?.kind === 'year');
  for (const [key, record] of months) {
    let result = cache?.results.get(record);
    if (!result || result.key !== key) {
      result = finish(key, record, own(record), [], defaultBase, policies);
      cache?.results.set(record, result);
    }
    records.set(key, result);
  }
  for (const [key, record] of years) {
    const year = parsePeriod(record.self.period)!.year;
    const monthsOfYear = Array.from({ length: 12 }, (_, i): ManagerMonth => {
      const monthKey = recordKey(record.person, formatPeriod({ kind: 'month', year, month: i + 1 }), record.self.group);
      const found = records.get(monthKey);
      const total = found?.manager?.total ?? null;
      return { month: i + 1, key: found ? monthKey : null, total };
    });
    const texts = monthsOfYear.map((m) => (m.total === null ? '' : plainNumber(m.total)));
    const self = own(record).self;
    const manager = selfReviewResult(managerInput(record, texts), appraisal);
    records.set(key, finish(key, record, { self, manager, kpis: [], behaviour: [] }, monthsOfYear, defaultBase, policies));
  }
  const periods = [...new Set([...records.values()].map((r) => formatPeriod(r.period)))].sort(
    (a, b) => periodOrder(parsePeriod(b)!) - periodOrder(parsePeriod(a)!),
  );
  const current = periods.includes(state.period) ? state.period : (periods[0] ?? null);
  const view = current === null ? null : teamView([...records.values()], current, appraisal, bonus);
  return { records, periods, current, view, defaultBaseError: defaultBase.error };
}

function readBase(text: string): { fen: Fen | null; error: string | null } {
  const r = parseMoney(text);
  if (r.ok) return { fen: r.value, error: null };
  return { fen: null, error: r.code === 'empty' ? null : r.error };
}

function finish(
  key: string,
  record: MemberRecord,
  part: OwnPart,
  months: readonly ManagerMonth[],
  defaultBase: { fen: Fen | null },
  policies: TeamReviewPolicies,
): RecordResult {
  const period = parsePeriod(record.self.period)!;
  const { self, manager } = part;
  const own = readBase(record.manager.bonusBase);
  const baseFen = record.manager.bonusBase.trim() === '' ? defaultBase.fen : own.fen;
  let estimate: BonusEstimate | null = null;
  const score = manager?.total ?? null;
  if (score !== null && baseFen !== null) {
    try {
      estimate = estimateBonus({
        baseFen,
        score,
        curve: policies.bonus.curve,
        maxCoefficient: policies.bonus.maxCoefficient,
        period: period.kind === 'month' ? { kind: 'month' } : { kind: 'year', baseMonths: policies.bonus.annual.baseMonths },
      });
    } catch {
      estimate = null; // past the safe range of 分: no estimate rather than a wrong one
    }
  }
  const changes =
    part.kpis.reduce((n, k) => n + (k.differs.target ? 1 : 0) + (k.differs.actual ? 1 : 0), 0) +
    part.behaviour.reduce((n, b) => n + (b.differs ? 1 : 0), 0) +
    (self?.kind === 'year' && manager?.kind === 'year' && differ(self.review, manager.review) ? 1 : 0);
  const result: Omit<RecordResult, 'candidates'> = {
    key,
    record,
    name: record.self.name.trim(),
    group: self?.group ?? null,
    period,
    self,
    manager,
    kpis: part.kpis,
    behaviour: part.behaviour,
    months,
    totalDiffers: differ(self?.total ?? null, manager?.total ?? null),
    gradeDiffers: (self?.grade?.id ?? null) !== (manager?.grade?.id ?? null),
    changes,
    bonus: { baseFen, baseError: own.error, estimate },
  };
  return { ...result, candidates: candidateFlags(result, policies.appraisal) };
}

/** A grade named by id or name in appraisal.yaml team (the schema checked it exists). */
function gradeOf(ref: string, grades: readonly GradeBand[]): GradeBand | undefined {
  return grades.find((g) => g.id === ref) ?? grades.find((g) => g.name === ref);
}

/** The candidate rules (四（三）2–4) a record meets, by its 上级评定. */
export function candidateFlags(
  r: Pick<RecordResult, 'period' | 'manager' | 'kpis'>,
  appraisal: Pick<AppraisalPolicy, 'grades' | 'team'>,
): CandidateFlag[] {
  const flags: CandidateFlag[] = [];
  const grade = r.manager?.grade ?? null;
  for (const rule of appraisal.team?.candidates ?? []) {
    if (rule.period !== 'any' && rule.period !== r.period.kind) continue;
    if (grade && (rule.grades ?? []).some((g) => gradeOf(g, appraisal.grades)?.id === grade.id)) {
      flags.push({ rule, reason: { kind: 'grade', grade } });
      continue;
    }
    const line = rule.kpiScoreBelow;
    if (line !== undefined) {
      const low = r.kpis.filter((k) => k.manager.score !== null && k.manager.score < line).map((k) => k.kpi);
      if (low.length > 0) flags.push({ rule, reason: { kind: 'kpi', kpis: low } });
    }
  }
  return flags;
}

/** The team view of one period from every record's result. */
export function teamView(
  all: readonly RecordResult[],
  periodKey: string,
  appraisal: Pick<AppraisalPolicy, 'grades' | 'team'>,
  bonus: Pick<BonusPolicy, 'pool'>,
): TeamView {
  const period = parsePeriod(periodKey);
  if (!period) throw new RangeError(`Not a period: ${periodKey}`);
  const rows = sortRows(
    all.filter((r) => formatPeriod(r.period) === periodKey),
    'name',
    'asc',
  );
  const grades = [...appraisal.grades].sort((a, b) => b.min - a.min);
  const gradedRows = rows.filter((r) => r.manager?.grade);
  const graded = gradedRows.length;
  const distribution = grades.map((grade): GradeCount => {
    const count = gradedRows.filter((r) => r.manager!.grade!.id === grade.id).length;
    const percent = graded === 0 ? 0 : round2((count / graded) * 100);
    const share = appraisal.team?.distribution.find((d) => gradeOf(d.grade, appraisal.grades)?.id === grade.id);
    const maxPercent = share?.maxPercent ?? null;
    return { grade, count, percent, maxPercent, over: maxPercent !== null && percent > maxPercent + 1e-9 };
  });
  let totalFen = fen(0);
  let counted = 0;
  for (const r of rows) {
    if (r.bonus.estimate) {
      totalFen = addFen(totalFen, r.bonus.estimate.bonusFen);
      counted++;
    }
  }
  const poolYuan = period.kind === 'month' ? bonus.pool?.monthYuan : bonus.pool?.yearYuan;
  const poolFen = poolYuan === undefined ? null : yuanToFen(poolYuan);
  const remainingFen = poolFen === null ? null : poolFen - totalFen;
  const candidates = (appraisal.team?.candidates ?? [])
    .map((rule): CandidateGroup => ({ rule, members: rows.filter((r) => r.candidates.some((f) => f.rule.id === rule.id)) }))
    .filter((g) => g.members.length > 0);
  return {
    period,
    periodKey,
    rows,
    distribution,
    graded,
    overRecommended: distribution.filter((d) => d.over),
    bonus: {
      totalFen,
      counted,
      missing: rows.length - counted,
      poolFen,
      remainingFen,
      over: remainingFen !== null && remainingFen < 0,
    },
    candidates,
    done: rows.filter((r) => r.record.manager.done).length,
  };
}

export type SortKey = 'name' | 'group' | 'selfScore' | 'managerScore' | 'grade' | 'bonus' | 'changes' | 'done';
export type SortDirection = 'asc' | 'desc';

const collator = new Intl.Collator('zh-CN');

function sortValue(r: RecordResult, key: SortKey): number | string | null {
  switch (key) {
    case 'name':
      return r.name;
    case 'group':
      return r.group?.name ?? null;
    case 'selfScore':
      return r.self?.total ?? null;
    case 'managerScore':
      return r.manager?.total ?? null;
    case 'grade':
      return r.manager?.grade?.min ?? null;
    case 'bonus':
      return r.bonus.estimate?.bonusFen ?? null;
    case 'changes':
      return r.changes;
    case 'done':
      return r.record.manager.done ? 1 : 0;
  }
}

/**
 * Rows sorted by `key` (names in Chinese collation order); rows without a value last in either
 * direction; ties by name, then key, so the order is stable and total. Returns a new array.
 */
export function sortRows(rows: readonly RecordResult[], key: SortKey, direction: SortDirection): RecordResult[] {
  const sign = direction === 'asc' ? 1 : -1;
  return [...rows].sort((a, b) => {
    const x = sortValue(a, key);
    const y = sortValue(b, key);
    if (x === null || y === null) {
      if (x !== y) return x === null ? 1 : -1;
    } else {
      const c = typeof x === 'string' || typeof y === 'string' ? collator.compare(String(x), String(y)) : x - y;
      if (c !== 0) return sign * c;
    }
    return collator.compare(a.name, b.name) || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);
  });
}
