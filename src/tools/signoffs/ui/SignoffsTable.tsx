// The 新员工签收 list as a table, in the logic's order (behind first): who signed which version
// (marked in words when it is not the current one), role, date, progress, the first-month items
// overdue today, the 制度测验 result (and who has not passed); each row can be removed behind the
// kit's confirm step.
import { useRef, useState } from 'preact/hooks';
import { ConfirmStep } from '../../kit/ui/ConfirmStep';
import { quizLine, signoffHolds, type SignoffsResult } from '../logic/derive';
import type { SignoffsStrings } from './strings';

type T = (key: keyof SignoffsStrings, values?: Record<string, string | number>) => string;

export function SignoffsTable(props: {
  result: SignoffsResult;
  s: SignoffsStrings;
  t: T;
  today: string;
  readOnly: boolean;
  onRemove: (name: string) => void;
}) {
  const { result, s, t } = props;
  const [asking, setAsking] = useState<string | null>(null);
  const triggers = useRef(new Map<string, HTMLButtonElement | null>());
  const askingRow = result.rows.find((r) => r.key === asking) ?? null;
  // After a removal the button is gone: focus goes to the list's heading.
  const heading = useRef<HTMLHeadingElement>(null);

  return (
    <section aria-labelledby="so-list-heading">
      <h2 id="so-list-heading" tabIndex={-1} ref={heading}>
        {s['list.heading']}
      </h2>
      {result.rows.length === 0 ? (
        <p>{s['list.empty']}</p>
      ) : (
        <>
          <p aria-live="polite">{t('signoff.text.summary', { ...result.summary })}</p>
          {/* On paper each name is printed once, in its row (the summary above gives the count). */}
          <p class="so-quiz-line no-print" data-testid="quiz-not-passed">
            {quizLine(result, s)}
          </p>
          {/* A table where its box is wide enough, one card per person where not (tools.css). */}
          <div class="tool-list">
            <table class="tool-table tool-cards so-table">
              <caption>{t('list.caption', { today: props.today })}</caption>
              <thead>
                <tr>
                  <th scope="col">{s['signoff.col.name']}</th>
                  <th scope="col">{s['signoff.col.role']}</th>
                  <th scope="col">{s['signoff.col.version']}</th>
                  <th scope="col">{s['signoff.col.startDate']}</th>
                  <th scope="col">{s['list.col.progress']}</th>
                  <th scope="col">{s['signoff.col.quiz']}</th>
                  <th scope="col" id="so-col-overdue">
                    {s['list.col.overdue']}
                  </th>
                  {!props.readOnly && (
                    <th scope="col" class="no-print">
                      {s['list.col.actions']}
                    </th>
                  )}
                </tr>
              </thead>
              {/* One row group per person, so that the overdue items under a row stay with it (on
                  paper too: a group does not break across pages). */}
              {result.rows.map((row, i) => {
                // A 签收 followed only by editorial releases still holds: marked as current.
                const current = signoffHolds(row.versionStatus);
                const who = `so-person-${i}`;
                return (
                  <tbody key={row.key} class={row.behind ? 'so-behind' : undefined}>
                    <tr>
                      <th scope="row" id={who} class="so-name">
                        {row.record.name}
                        {row.record.mentor && (
                          <div class="tool-hint">
                            {s['signoff.col.mentor']}：<span class="so-nowrap">{row.record.mentor}</span>
                          </div>
                        )}
                      </th>
                      <td data-label={s['signoff.col.role']} class="so-nowrap">
                        {row.roleName}
                      </td>
                      <td data-label={s['signoff.col.version']}>
                        <span class="so-version">
                          <span class={`so-mark ${current ? 'so-mark--ok' : 'so-mark--old'}`}>
                            {current ? row.versionLabel : s['list.notCurrent']}
                          </span>
                          {!current && <span>{row.versionLabel}</span>}
                          {/* The date signed sits with what was signed: one column fewer keeps the
                              list inside the content column at 1280 px. */}
                          <span class="so-nowrap">{t('signoff.signedOnLine', { date: row.record.date })}</span>
                          <code class="tool-hint">{row.record.policyFingerprint}</code>
                        </span>
                      </td>
                      <td data-label={s['signoff.col.startDate']} class="so-nowrap">
                        {row.record.startDate || s['list.blank']}
                      </td>
                      <td data-label={s['list.col.progress']}>
                        {t('list.progress', { done: row.done, total: row.total, percent: row.percent })}
                      </td>
                      <td data-label={s['signoff.col.quiz']} class="so-nowrap">
                        <span class={`so-mark ${row.quizStatus === 'passed' ? 'so-mark--ok' : 'so-mark--old'}`}>
                          {row.quizLabel}
                        </span>
                      </td>
                      <td data-label={s['list.col.overdueShort']}>
                        {row.behind ? (
                          <span class="so-mark so-mark--late">
                            {t('list.behind', { n: row.overdue.length })}
                          </span>
                        ) : (
                          s['list.noOverdue']
                        )}
                      </td>
                      {!props.readOnly && (
                        <td data-label={s['list.col.actions']} class="no-print">
                          <button
                            type="button"
                            class="tool-button tool-button--small"
                            aria-label={t('list.removeLabel', { name: row.record.name })}
                            aria-expanded={asking === row.key}
                            ref={(el) => {
                              triggers.current.set(row.key, el);
                            }}
                            onClick={() => setAsking(row.key)}
                          >
                            {s['list.remove']}
                          </button>
                        </td>
                      )}
                    </tr>
                    {row.behind && (
                      <tr class="tool-row-more">
                        <td
                          colSpan={props.readOnly ? 7 : 8}
                          headers={`${who} so-col-overdue`}
                          data-label={s['list.col.overdueShort']}
                        >
                          <ul class="so-overdue">
                            {row.overdue.map((o) => (
                              <li key={o.id}>
                                {t('list.due', { title: o.title, phase: o.phase, date: o.dueDate })}
                              </li>
                            ))}
                          </ul>
                        </td>
                      </tr>
                    )}
                  </tbody>
                );
              })}
            </table>
          </div>
          {askingRow && !props.readOnly && (
            <ConfirmStep
              id="so-remove"
              class="no-print"
              question={t('list.removeQuestion', { name: askingRow.record.name })}
              confirmLabel={s['list.removeConfirm']}
              cancelLabel={s['list.removeCancel']}
              trigger={triggers.current.get(askingRow.key) ?? null}
              onCancel={() => setAsking(null)}
              onConfirm={() => {
                setAsking(null);
                props.onRemove(askingRow.record.name);
                heading.current?.focus();
              }}
            />
          )}
          <p class="so-how">{s['list.how']}</p>
        </>
      )}
    </section>
  );
}
