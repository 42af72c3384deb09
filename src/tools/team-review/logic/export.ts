/**
 * 团队考核 out: the CSV for HR and payroll (core/csv: UTF-8 BOM, formula cells neutralised), the
 * team view as text for 微信 / 钉钉, and the data of the A4 绩效考核表 (自评 and 上级评定 columns,
 * comments, signature lines for 员工, 直属上级 and 部门负责人). Words come from ui/strings.ts.
 */
import { clauseShortLabel } from '../../../core/clause';
import { csvText, toCsv, type CsvCell } from '../../../core/csv';
import { shortFingerprint } from '../../../core/fingerprint';
import { formatKpiValue, formatNumber } from '../../../core/format';
import { formatYuan, type Fen } from '../../../core/money';
import { fill } from '../../../core/template';
import { toPlainText, type TextLine } from '../../../core/text-export';
import type { Period } from '../../self-review/logic/state';
import type { CandidateFlag, CandidateGroup, RecordResult, TeamView } from './derive';
import type { TeamReviewLabels } from './labels';

/** 2026年3月 / 2026年. */
export function periodText(
  period: Period,
  l: Pick<TeamReviewLabels, 'period.month' | 'period.year'>,
): string {
  return period.kind === 'month'
    ? fill(l['period.month'], { year: period.year, month: period.month })
    : fill(l['period.year'], { year: period.year });
}

const num = (n: number | null | undefined, none: string) =>
  n === null || n === undefined ? none : formatNumber(n);
const cell = (n: number | null | undefined): CsvCell => (n === null || n === undefined ? '' : n);
const yuan = (f: Fen) => f / 100;

/** 晋升候选（四（三）2）: a flag as it is printed. */
export function flagText(
  flag: CandidateFlag,
  l: Pick<TeamReviewLabels, 'candidate.grade' | 'candidate.kpi'>,
): string {
  return `${flag.rule.name}（${clauseShortLabel(flag.rule.clause)}，${flagReason(flag, l)}）`;
}

/**
 * Only why a member is a candidate (「上级评定等级为待改进」), for a line that already names the
 * rule and its clause, such as the team view's 培训候选（四（三）3）：张三：….
 */
export function flagReason(
  flag: CandidateFlag,
  l: Pick<TeamReviewLabels, 'candidate.grade' | 'candidate.kpi'>,
): string {
  return flag.reason.kind === 'grade'
    ? fill(l['candidate.grade'], { grade: flag.reason.grade.name })
    : fill(l['candidate.kpi'], {
        kpis: flag.reason.kpis.map((k) => k.name).join('、'),
        line: formatNumber(flag.rule.kpiScoreBelow ?? 0),
      });
}

/** The members of one candidate rule with why each is listed: 「张三：上级评定等级为待改进；李四」. */
export function candidateMembersText(
  group: CandidateGroup,
  l: Pick<TeamReviewLabels, 'candidate.grade' | 'candidate.kpi'>,
): string {
  return group.members
    .map((m) => {
      const flag = m.candidates.find((f) => f.rule.id === group.rule.id);
      return flag ? `${m.name}：${flagReason(flag, l)}` : m.name;
    })
    .join('；');
}

/** The rows of the team view as a table: header first. Amounts in 元 as numbers. */
export function teamCsvRows(view: TeamView, l: TeamReviewLabels): CsvCell[][] {
  const header = [
    l['csv.name'],
    l['csv.group'],
    l['csv.period'],
    l['csv.selfScore'],
    l['csv.selfGrade'],
    l['csv.managerScore'],
    l['csv.managerGrade'],
    l['csv.changes'],
    l['csv.base'],
    l['csv.coefficient'],
    l['csv.bonus'],
    l['csv.candidates'],
    l['csv.status'],
    l['csv.fingerprint'],
  ];
  const period = periodText(view.period, l);
  const rows = view.rows.map((r): CsvCell[] => [
    r.name,
    r.group?.name ?? r.record.self.group,
    period,
    cell(r.self?.total),
    r.self?.grade?.name ?? '',
    cell(r.manager?.total),
    r.manager?.grade?.name ?? '',
    r.changes,
    r.bonus.baseFen === null ? '' : yuan(r.bonus.baseFen),
    cell(r.bonus.estimate?.coefficient),
    r.bonus.estimate ? yuan(r.bonus.estimate.bonusFen) : '',
    r.candidates.map((f) => flagText(f, l)).join('；'),
    r.record.manager.done ? l['status.done'] : l['status.pending'],
    csvText(shortFingerprint(r.record.fingerprint)),
  ]);
  return [header, ...rows];
}

/** The CSV file's text for HR and payroll. */
export function teamCsv(view: TeamView, l: TeamReviewLabels): string {
  return toCsv(teamCsvRows(view, l));
}

/** The team view for pasting into 微信 / 钉钉. */
export function teamText(view: TeamView | null, l: TeamReviewLabels): string {
  if (!view) return toPlainText(fill(l['text.title'], { period: '' }).trim(), [{ lines: [l['text.empty']] }]);
  const none = l['value.none'];
  const members: TextLine[] = view.rows.map((r) =>
    fill(l['text.memberLine'], {
      name: r.name,
      group: r.group?.name ?? r.record.self.group,
      self: num(r.self?.total, none),
      manager: num(r.manager?.total, none),
      grade: r.manager?.grade?.name ?? none,
      bonus: r.bonus.estimate ? formatYuan(r.bonus.estimate.bonusFen) : none,
      status: r.record.manager.done ? l['status.done'] : l['status.pending'],
    }),
  );
  const distribution: TextLine[] = view.distribution.map((d) => {
    let line = fill(l['text.distributionLine'], {
      grade: d.grade.name,
      count: d.count,
      percent: formatNumber(d.percent),
    });
    if (d.maxPercent !== null) line += fill(l['text.distributionMax'], { max: formatNumber(d.maxPercent) });
    if (d.over) line += l['text.distributionOver'];
    return line;
  });
  const b = view.bonus;
  const bonus: TextLine[] = [
    [l['text.bonusTotal'], formatYuan(b.totalFen)],
    fill(l['text.bonusCounted'], { counted: b.counted, missing: b.missing }),
  ];
  if (b.poolFen !== null && b.remainingFen !== null) {
    bonus.push([l['text.pool'], formatYuan(b.poolFen)]);
    bonus.push(
      b.over
        ? fill(l['text.poolOver'], { amount: formatYuan(-b.remainingFen as Fen) })
        : fill(l['text.poolRemaining'], { amount: formatYuan(b.remainingFen as Fen) }),
    );
  }
  const candidates: TextLine[] = view.candidates.map((g) =>
    fill(l['text.candidateLine'], {
      name: g.rule.name,
      clause: clauseShortLabel(g.rule.clause),
      members: g.members.map((m) => m.name).join('、'),
    }),
  );
  return toPlainText(fill(l['text.title'], { period: periodText(view.period, l) }), [
    { heading: l['text.members'], lines: members },
    { heading: l['text.distribution'], lines: distribution },
    { heading: l['text.bonus'], lines: bonus },
    ...(candidates.length > 0 ? [{ heading: l['text.candidates'], lines: candidates }] : []),
    { lines: [l['text.note']] },
  ]);
}

/** One line of the 绩效考核表: 自评 beside 上级评定, `changed` when they differ. */
export interface SheetPair {
  readonly self: string;
  readonly manager: string;
  readonly changed: boolean;
}

export interface SheetKpiRow {
  readonly name: string;
  readonly weight: string;
  readonly target: SheetPair;
  readonly actual: SheetPair;
  readonly score: SheetPair;
}

export interface SheetRow {
  readonly label: string;
  readonly value: SheetPair;
}

/** Everything the A4 绩效考核表 prints, as text; the page lays it out. */
export interface AppraisalSheet {
  readonly title: string;
  /** 姓名, 考核组, 考核期间. */
  readonly info: readonly (readonly [label: string, value: string])[];
  readonly columns: {
    readonly item: string;
    readonly weight: string;
    readonly self: string;
    readonly manager: string;
    readonly target: string;
    readonly actual: string;
    readonly score: string;
    readonly rating: string;
    readonly changed: string;
  };
  readonly kpiHeading: string;
  readonly kpis: readonly SheetKpiRow[];
  readonly behaviourHeading: string;
  readonly behaviour: readonly SheetRow[];
  /** Year: the monthly totals (自评 as typed, 上级评定 from the manager's months). */
  readonly monthsHeading: string;
  readonly months: readonly SheetRow[];
  readonly resultHeading: string;
  readonly results: readonly SheetRow[];
  readonly comments: readonly (readonly [label: string, text: string])[];
  /** The 上级说明 the manager wrote per KPI (「上级说明（客户满意度）」, text), in the group's order. */
  readonly kpiNotes: readonly (readonly [label: string, text: string])[];
  readonly candidates: readonly string[];
  readonly signatures: readonly string[];
  readonly dateLabel: string;
  /** 自评指纹 3f2a-91c0: which 自评 this sheet answers. */
  readonly fingerprint: string;
  readonly trust: string;
}

function pair(self: string, manager: string, changed: boolean): SheetPair {
  return { self, manager, changed };
}

/** The 绩效考核表 of one record (both columns, comments, signatures). */
export function appraisalSheet(r: RecordResult, l: TeamReviewLabels): AppraisalSheet {
  const none = l['value.none'];
  const kpis = r.kpis.map((k): SheetKpiRow => {
    const v = (n: number | null) => (n === null ? none : formatKpiValue(k.kpi.unit, n));
    return {
      name: k.kpi.name,
      weight: `${formatNumber(k.kpi.weight)}%`,
      target: pair(v(k.self.target), v(k.manager.target), k.differs.target),
      actual: pair(v(k.self.actual), v(k.manager.actual), k.differs.actual),
      score: pair(num(k.self.score, none), num(k.manager.score, none), k.differs.score),
    };
  });
  const behaviour = r.behaviour.map((b): SheetRow => ({
    label: b.item.name,
    value: pair(num(b.self, none), num(b.manager, none), b.differs),
  }));
  const self = r.self;
  const manager = r.manager;
  const months: SheetRow[] = [];
  const results: SheetRow[] = [];
  const differs = (a: number | null | undefined, b: number | null | undefined) =>
    a === null || a === undefined || b === null || b === undefined
      ? (a ?? null) !== (b ?? null)
      : Math.abs(a - b) > 1e-9;
  const scoreRow = (label: string, a: number | null | undefined, b: number | null | undefined): SheetRow => ({
    label,
    value: pair(num(a, none), num(b, none), differs(a, b)),
  });
  if (self?.kind === 'month' && manager?.kind === 'month') {
    results.push(scoreRow(l['sheet.performance'], self.performance, manager.performance));
    results.push(scoreRow(l['sheet.behaviourScore'], self.behaviour, manager.behaviour));
    results.push(scoreRow(l['sheet.total'], self.total, manager.total));
  } else {
    const sm = self?.kind === 'year' ? self : null;
    const mm = manager?.kind === 'year' ? manager : null;
    for (let i = 0; i < 12; i++) {
      months.push(
        scoreRow(fill(l['sheet.month'], { month: i + 1 }), sm?.months[i]?.value, r.months[i]?.total),
      );
    }
    results.push(scoreRow(l['sheet.monthlyAverage'], sm?.annual.monthlyAverage, mm?.annual.monthlyAverage));
    results.push(scoreRow(l['sheet.review'], sm?.review, mm?.review));
    results.push(scoreRow(l['sheet.annualTotal'], self?.total, manager?.total));
  }
  results.push({
    label: l['sheet.grade'],
    value: pair(self?.grade?.name ?? none, manager?.grade?.name ?? none, r.gradeDiffers),
  });
  return {
    title: l['sheet.title'],
    info: [
      [l['sheet.name'], r.name],
      [l['sheet.group'], r.group?.name ?? r.record.self.group],
      [l['sheet.period'], periodText(r.period, l)],
    ],
    columns: {
      item: l['sheet.item'],
      weight: l['sheet.weight'],
      self: l['sheet.self'],
      manager: l['sheet.manager'],
      target: l['sheet.target'],
      actual: l['sheet.actual'],
      score: l['sheet.score'],
      rating: l['sheet.rating'],
      changed: l['sheet.changed'],
    },
    kpiHeading: l['sheet.kpis'],
    kpis,
    behaviourHeading: l['sheet.behaviour'],
    behaviour,
    monthsHeading: l['sheet.months'],
    months,
    resultHeading: l['sheet.result'],
    results,
    comments: [
      [l['sheet.selfComment'], r.record.self.summary],
      [l['sheet.managerComment'], r.record.manager.comment],
    ],
    kpiNotes: r.kpis
      .filter((k) => k.manager.comment.trim() !== '')
      .map((k) => [fill(l['sheet.kpiNote'], { kpi: k.kpi.name }), k.manager.comment.trim()] as const),
    candidates: r.candidates.map((f) => flagText(f, l)),
    signatures: [l['sheet.sign.employee'], l['sheet.sign.manager'], l['sheet.sign.head']],
    dateLabel: l['sheet.sign.date'],
    fingerprint: fill(l['sheet.fingerprint'], { fingerprint: shortFingerprint(r.record.fingerprint) }),
    trust: l['sheet.trust'],
  };
}

/** File name without extension: 团队考核-2026-03. */
export function teamFileBase(periodKey: string | null, l: Pick<TeamReviewLabels, 'tool.fileBase'>): string {
  return periodKey ? `${l['tool.fileBase']}-${periodKey}` : l['tool.fileBase'];
}
