/**
 * 绩效自评 as text for 微信 / 钉钉 and as a CSV table for Excel. The words come from the page's
 * zh-CN strings (flat dotted keys); `{name}` in a string is filled in with `fill`.
 */
import type { CsvCell } from '../../../core/csv';
import { formatKpiValue, formatNumber, UNIT_LABELS } from '../../../core/format';
import type { Period } from './state';
import type { SelfReviewResult } from './derive';
import { toPlainText, type TextLine, type TextSection } from '../../../core/text-export';
import { fill } from '../../../core/template';
import { periodLabel } from './period-label';

// The page names periods too: it imports this from ./period-label, so this module loads on first export.
export { periodLabel };

/** The words the text and CSV builders need, by key. */
export type ExportLabelKey =
  | 'period.month'
  | 'period.year'
  | 'kind.month'
  | 'kind.year'
  | 'text.title'
  | 'text.info'
  | 'text.kpis'
  | 'text.behaviour'
  | 'text.months'
  | 'text.result'
  | 'text.kpiLine'
  | 'text.comment'
  | 'text.rating'
  | 'text.notFilled'
  | 'text.missing'
  | 'field.name'
  | 'field.group'
  | 'field.period'
  | 'field.summary.month'
  | 'field.summary.year'
  | 'field.review'
  | 'field.target'
  | 'field.actual'
  | 'field.comment'
  | 'month.label'
  | 'result.performance'
  | 'result.behaviour'
  | 'result.total'
  | 'result.annualTotal'
  | 'result.grade'
  | 'result.monthlyAverage'
  | 'result.notComputed'
  | 'csv.section'
  | 'csv.item'
  | 'csv.unit'
  | 'csv.weight'
  | 'csv.target'
  | 'csv.actual'
  | 'csv.score'
  | 'csv.weighted'
  | 'csv.comment'
  | 'csv.kpiSection'
  | 'csv.behaviourSection'
  | 'csv.totalSection'
  | 'csv.month'
  | 'csv.monthTotal';

export type ExportLabels = Readonly<Record<ExportLabelKey, string>>;

const score = (n: number | null) => (n === null ? '' : formatNumber(n));
const cell = (n: number | null): CsvCell => (n === null ? '' : n);

/** The 绩效自评 for pasting into 微信 / 钉钉. */
export function selfReviewText(
  result: SelfReviewResult,
  name: string,
  summary: string,
  l: ExportLabels,
): string {
  const period = periodLabel(result.period, l);
  const info: TextSection = {
    heading: l['text.info'],
    lines: [
      [l['field.name'], name.trim() || l['text.notFilled']],
      [l['field.group'], result.group.name],
      [l['field.period'], `${period}（${l[result.kind === 'month' ? 'kind.month' : 'kind.year']}）`],
    ],
  };
  const sections: TextSection[] = [info];
  const resultLines: TextLine[] = [];
  if (result.kind === 'month') {
    sections.push({
      heading: l['text.kpis'],
      lines: result.rows.flatMap((row): TextLine[] => {
        const value = (n: number | null) =>
          n === null ? l['text.notFilled'] : formatKpiValue(row.kpi.unit, n);
        const line = fill(l['text.kpiLine'], {
          target: value(row.target),
          actual: value(row.actual),
          score: row.score === null ? l['text.notFilled'] : formatNumber(row.score),
          weight: formatNumber(row.kpi.weight),
          weighted: formatNumber(row.weighted),
        });
        const out: TextLine[] = [[row.kpi.name, line]];
        if (row.comment.trim()) out.push([l['text.comment'], row.comment]);
        return out;
      }),
    });
    sections.push({
      heading: l['text.behaviour'],
      lines: result.behaviourRows.map((r): TextLine => [
        r.item.name,
        r.rating === null ? l['text.notFilled'] : fill(l['text.rating'], { rating: r.rating }),
      ]),
    });
    resultLines.push(
      [l['result.performance'], formatNumber(result.performance)],
      [l['result.behaviour'], formatNumber(result.behaviour)],
      [l['result.total'], formatNumber(result.total)],
      [l['result.grade'], result.grade.name],
    );
  } else {
    sections.push({
      heading: l['text.months'],
      lines: result.months.map((m): TextLine => [
        `${m.month}月`,
        m.value === null ? l['text.notFilled'] : formatNumber(m.value),
      ]),
    });
    resultLines.push(
      [l['result.monthlyAverage'], score(result.annual.monthlyAverage) || l['text.notFilled']],
      [l['field.review'], score(result.review) || l['text.notFilled']],
      [l['result.annualTotal'], result.total === null ? l['result.notComputed'] : formatNumber(result.total)],
      [l['result.grade'], result.grade?.name ?? l['result.notComputed']],
    );
  }
  if (result.missing.length > 0) {
    resultLines.push([l['text.missing'], result.missing.map((m) => m.name).join('、')]);
  }
  sections.push({ heading: l['text.result'], lines: resultLines });
  if (summary.trim()) {
    sections.push({
      heading: l[result.kind === 'month' ? 'field.summary.month' : 'field.summary.year'],
      lines: [summary],
    });
  }
  return toPlainText(l['text.title'], sections);
}

/** The table of the 绩效自评 as CSV rows (toCsv adds the BOM and neutralizes formula cells). */
export function selfReviewCsvRows(result: SelfReviewResult, name: string, l: ExportLabels): CsvCell[][] {
  const period = periodLabel(result.period, l);
  const head: CsvCell[][] = [
    [l['field.name'], name],
    [l['field.group'], result.group.name],
    [l['field.period'], `${period}（${l[result.kind === 'month' ? 'kind.month' : 'kind.year']}）`],
    [],
  ];
  if (result.kind === 'month') {
    const rows: CsvCell[][] = [
      [
        l['csv.section'],
        l['csv.item'],
        l['csv.unit'],
        l['csv.weight'],
        l['csv.target'],
        l['csv.actual'],
        l['csv.score'],
        l['csv.weighted'],
        l['csv.comment'],
      ],
      ...result.rows.map((r): CsvCell[] => [
        l['csv.kpiSection'],
        r.kpi.name,
        UNIT_LABELS[r.kpi.unit],
        r.kpi.weight,
        cell(r.target),
        cell(r.actual),
        cell(r.score === null ? null : Math.round(r.score * 100) / 100),
        r.weighted,
        r.comment,
      ]),
      ...result.behaviourRows.map((r): CsvCell[] => [
        l['csv.behaviourSection'],
        r.item.name,
        UNIT_LABELS.rating,
        r.item.weight,
        '',
        cell(r.rating),
        '',
        r.points,
        '',
      ]),
      [
        l['csv.totalSection'],
        l['result.performance'],
        '',
        '',
        '',
        '',
        result.performance,
        result.parts.performancePart,
        '',
      ],
      [
        l['csv.totalSection'],
        l['result.behaviour'],
        '',
        '',
        '',
        '',
        result.behaviour,
        result.parts.behaviourPart,
        '',
      ],
      [l['csv.totalSection'], l['result.total'], '', '', '', '', result.total, '', result.grade.name],
    ];
    return [...head, ...rows];
  }
  return [
    ...head,
    [l['csv.month'], l['csv.monthTotal']],
    ...result.months.map((m): CsvCell[] => [`${m.month}月`, cell(m.value)]),
    [l['result.monthlyAverage'], cell(result.annual.monthlyAverage)],
    [l['field.review'], cell(result.review)],
    [l['result.annualTotal'], cell(result.total)],
    [l['result.grade'], result.grade?.name ?? l['result.notComputed']],
  ];
}
