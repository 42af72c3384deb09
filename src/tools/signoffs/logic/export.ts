// 下载 CSV and 复制为文本 of the 新员工签收 list: loaded on first use (definition.ts exports).
import { csvText, type CsvCell } from '../../../core/csv';
import { fill } from '../../../core/template';
import { toPlainText } from '../../../core/text-export';
import { quizLine, type SignoffsResult } from './derive';
import type { SignoffLabels } from './labels';

type Strings = SignoffLabels;

/** CSV rows: header, then one row per person in the page's order. */
export function signoffCsvRows(result: SignoffsResult, t: Strings): CsvCell[][] {
  return [
    [
      t['signoff.col.name'],
      t['signoff.col.role'],
      t['signoff.col.mentor'],
      t['signoff.col.startDate'],
      t['signoff.col.signedOn'],
      t['signoff.col.version'],
      t['signoff.col.fingerprint'],
      t['signoff.col.versionStatus'],
      t['signoff.col.done'],
      t['signoff.col.total'],
      t['signoff.col.overdueCount'],
      t['signoff.col.overdueItems'],
      t['signoff.col.quiz'],
      t['signoff.col.quizScore'],
      t['signoff.col.quizAttempts'],
      t['signoff.col.quizDate'],
    ],
    ...result.rows.map((row): CsvCell[] => [
      row.record.name,
      row.roleName,
      row.record.mentor,
      row.record.startDate,
      row.record.date,
      csvText(row.record.policyVersion), // 「1.0」 is a version, not the number 1
      csvText(row.record.policyFingerprint),
      row.versionLabel,
      row.done,
      row.total,
      row.overdue.length,
      row.overdue.map((o) => `${o.title}（${o.dueDate}）`).join('；'),
      row.quizLabel,
      row.record.quiz ? row.record.quiz.scorePercent : '',
      row.record.quiz ? row.record.quiz.attempts : '',
      row.record.quiz ? row.record.quiz.date : '',
    ]),
  ];
}

/** The list as plain text for 微信 / 钉钉. */
export function signoffText(result: SignoffsResult, t: Strings): string {
  const { summary } = result;
  const lines =
    result.rows.length === 0
      ? [t['signoff.text.empty']]
      : result.rows.map(
          (row) =>
            fill(t['signoff.text.row'], {
              name: row.record.name,
              role: row.roleName,
              date: row.record.date,
              version: row.versionLabel,
              done: row.done,
              total: row.total,
            }) +
            fill(t['signoff.text.quiz'], { quiz: row.quizLabel }) +
            (row.behind
              ? fill(t['signoff.text.overdue'], { items: row.overdue.map((o) => o.title).join('、') })
              : ''),
        );
  return toPlainText(t['signoff.text.title'], [
    { lines: [fill(t['signoff.text.summary'], { ...summary }), quizLine(result, t)].filter((l) => l !== '') },
    { lines },
    { lines: [t['trust.note']] },
  ]);
}
