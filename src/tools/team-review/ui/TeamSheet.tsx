// The team view of one period on paper (打印团队汇总): members, grade distribution, bonus total,
// candidates, and signature lines.
import { formatNumber } from '../../../core/format';
import { formatYuan } from '../../../core/money';
import type { TeamView } from '../logic/derive';
import { flagText } from '../logic/export';
import { num, type S, type T } from './types';

export function TeamSheet(props: { view: TeamView; s: S; t: T; periodLabel: string; today: string }) {
  const { view, s, t } = props;
  const b = view.bonus;
  return (
    <div class="tool-print-sheet tr-print-sheet">
      <h2>{t('team.sheetTitle', { period: props.periodLabel })}</h2>
      <table>
        <thead>
          <tr>
            <th scope="col">{s['team.col.name']}</th>
            <th scope="col">{s['team.col.group']}</th>
            <th scope="col">{s['team.col.selfScore']}</th>
            <th scope="col">{s['team.col.managerScore']}</th>
            <th scope="col">{s['team.col.grade']}</th>
            <th scope="col">{s['team.col.bonus']}</th>
            <th scope="col">{s['csv.candidates']}</th>
            <th scope="col">{s['team.col.done']}</th>
          </tr>
        </thead>
        <tbody>
          {view.rows.map((r) => (
            <tr key={r.key}>
              {/* The name heads its row (on one line, tools.css); the 候选提示 take the wrap. */}
              <th scope="row">{r.name}</th>
              <td class="tool-nowrap">{r.group?.name ?? r.record.self.group}</td>
              <td class="tool-nowrap">{num(r.self?.total)}</td>
              <td class="tool-nowrap">{num(r.manager?.total)}</td>
              <td class="tool-nowrap">{r.manager?.grade?.name ?? s['value.none']}</td>
              <td class="tool-nowrap">
                {r.bonus.estimate ? formatYuan(r.bonus.estimate.bonusFen) : s['value.none']}
              </td>
              <td>{r.candidates.map((f) => flagText(f, s)).join('；')}</td>
              <td class="tool-nowrap">{r.record.manager.done ? s['status.done'] : s['status.pending']}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p>
        {s['team.distribution']}：
        {view.distribution
          .map(
            (d) =>
              `${d.grade.name} ${d.count}（${formatNumber(d.percent)}%${d.over ? `，${s['team.distribution.over']}` : ''}）`,
          )
          .join('　')}
      </p>
      <p>{t('team.bonusTotal', { total: formatYuan(b.totalFen), counted: b.counted, missing: b.missing })}</p>
      <p>{s['team.estimate']}</p>
      <div class="signatures">
        <div>{s['sheet.sign.manager']}</div>
        <div>{s['sheet.sign.head']}</div>
        <div>
          {s['sheet.sign.date']}：{props.today}
        </div>
      </div>
    </div>
  );
}
