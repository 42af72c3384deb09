// The A4 入职清单 with its signature lines (print only); loaded on first use (Onboarding).
import type { ChecklistView } from '../logic/checklist';
import type { SharedOnboarding } from '../logic/state';
import type { OnboardingStrings } from './strings';

export function ChecklistSheet(props: {
  state: SharedOnboarding;
  view: ChecklistView;
  s: OnboardingStrings;
  t: (key: keyof OnboardingStrings, values?: Record<string, string | number>) => string;
  today: string | null;
  meta: { title: string; version: string };
  fingerprint: string;
  roleName: (id: string) => string;
  chapterName: (slug: string) => string;
  clauseLabel: (id: string) => string;
}) {
  const { state, view, s, t, today, roleName, chapterName, clauseLabel } = props;
  const start = view.start;
  return (
    <div class="tool-print-sheet print-only ob-sheet">
      <h2>{s['print.title']}</h2>
      <p>
        {s['field.name']}：{state.name || '＿＿＿＿'}　{s['field.role']}：
        {view.role.status === 'ok' ? roleName(state.role) : '＿＿＿＿'}　{s['field.startDate']}：
        {start.status === 'ok' ? start.iso : '＿＿＿＿'}　{s['field.mentor']}：{state.mentor || '＿＿＿＿'}　
        {today ? t('print.printedOn', { date: today }) : ''}
      </p>
      <table>
        <thead>
          <tr>
            <th scope="col">{s['print.colPhase']}</th>
            <th scope="col">{s['print.colItem']}</th>
            <th scope="col">{s['print.colOwner']}</th>
            <th scope="col">{s['print.colDue']}</th>
            <th scope="col">{s['print.colDone']}</th>
            <th scope="col">{s['print.colDoneAt']}</th>
            <th scope="col">{s['print.colClause']}</th>
          </tr>
        </thead>
        <tbody>
          {view.phases.flatMap((p) =>
            p.items.map((it) => (
              <tr key={it.item.id}>
                <td>{p.phase.name}</td>
                <td>{it.item.title}</td>
                <td>{it.item.owner}</td>
                <td>
                  {p.dueDate ?? ''}
                  {it.overdue ? `（${s['item.overdue']}）` : ''}
                </td>
                <td class="ob-tick">{it.done ? '☑' : '☐'}</td>
                <td>{it.doneAt ?? ''}</td>
                <td>{clauseLabel(it.item.clause)}</td>
              </tr>
            )),
          )}
        </tbody>
      </table>
      <p>
        {s['progress.overall']}：
        {t('progress.value', { done: view.doneCount, total: view.total, percent: view.percent })}
        {view.overdueCount > 0 ? `，${t('progress.overdue', { n: view.overdueCount })}` : ''}
      </p>
      <p>
        {s['reading.heading']}：
        {view.reading.steps
          .map(
            (step) =>
              `${step.readAt ? '☑' : '☐'}${chapterName(step.slug)}${step.readAt ? `（${step.readAt}）` : ''}`,
          )
          .join('　')}
      </p>
      <p class="ob-sheet-policy">
        {t('print.policy', {
          title: props.meta.title,
          version: props.meta.version,
          fingerprint: props.fingerprint,
        })}
      </p>
      <div class="signatures">
        <div>{s['print.signHire']}</div>
        <div>{s['print.signMentor']}</div>
        <div>{s['print.signManager']}</div>
      </div>
    </div>
  );
}
