// The A4 绩效奖金估算单 with signature lines (print only); loaded on first use (Bonus).
import type { ComponentChildren } from 'preact';
import { formatNumber } from '../../../core/format';
import { formatYuan } from '../../../core/money';
import type { BonusPolicy } from '../../../core/policy-types';
import type { BonusResult } from '../logic/derive';
import { CurveFigure } from './CurveFigure';
import type { BonusStrings } from './strings';

export function BonusSheet(props: {
  policy: BonusPolicy;
  r: BonusResult;
  s: BonusStrings;
  t: (key: keyof BonusStrings, values?: Record<string, string | number>) => string;
  today: string | null;
  /** 月薪 × 比例 = 基数, when the base comes from the salary. */
  salaryLine: string | null;
  /** Where the score comes from and its grade. */
  scoreNote: string;
  /** The coefficient and the two estimates, as on the page. */
  resultRows: ComponentChildren;
}) {
  const { policy, r, s, t, today, salaryLine, scoreNote, resultRows } = props;
  return (
    <div class="tool-print-sheet print-only bn-sheet">
      <h2>{s['print.title']}</h2>
      <p>{today ? t('print.printedOn', { date: today }) : ''}</p>
      <table>
        <tbody>
          <tr>
            <th scope="row">{s['field.base']}</th>
            <td class="num">{r.baseFen === null ? '' : formatYuan(r.baseFen)}</td>
            <td>{salaryLine}</td>
          </tr>
          <tr>
            <th scope="row">{s['field.score']}</th>
            <td class="num">{r.score === null ? '' : formatNumber(r.score)}</td>
            <td>{scoreNote}</td>
          </tr>
          {resultRows}
        </tbody>
      </table>
      <CurveFigure policy={policy} score={r.score} coefficient={r.reading?.coefficient ?? null} t={t} s={s} />
      <p>{s['text.note']}</p>
      <div class="signatures">
        <div>{s['print.signEmployee']}</div>
        <div>{s['print.signManager']}</div>
        <div>{s['print.signDate']}</div>
      </div>
    </div>
  );
}
