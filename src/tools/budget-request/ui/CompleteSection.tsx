// 完成申请: what is still missing (each a button to its field), or the request marked complete.
// An over-budget request is marked complete only after the reader confirms, with 六（一）2 quoted.
import { useEffect, useRef, useState } from 'preact/hooks';
import { formatYuan } from '../../../core/money';
import { fill } from '../../../core/template';
import { ConfirmStep } from '../../kit/ui/ConfirmStep';
import type { BudgetRequestView } from '../logic/definition';
import { ClauseA, Fill, focusTarget, type ToolContext } from './common';

/** Most missing items listed by name; the rest are counted. */
const MISSING_LISTED = 12;

export function CompleteSection(props: {
  result: BudgetRequestView;
  ctx: ToolContext;
  onShowEmpty: () => void;
  onComplete: (complete: boolean) => void;
}) {
  const { result, ctx } = props;
  const { t } = ctx;
  const { complete } = result;
  const [blockedMessage, setBlockedMessage] = useState('');
  const [asking, setAsking] = useState(false);
  const markButton = useRef<HTMLButtonElement>(null);
  const missingShown = result.missing.slice(0, MISSING_LISTED);
  const over = result.position?.overBudget ? result.position : null;
  const markComplete = () => {
    if (result.missing.length > 0) {
      props.onShowEmpty();
      setBlockedMessage(fill(t['complete.blocked'], { n: result.missing.length }));
      requestAnimationFrame(() => document.getElementById('br-missing')?.focus());
      return;
    }
    setBlockedMessage('');
    // 六（一）2 不得超预算开支: going over is the reader's decision to make knowingly, not by a click.
    if (over) setAsking(true);
    else props.onComplete(true);
  };
  const overClause = ctx.policy.clauses.overBudget;
  // Back within budget, the question is moot.
  const isOver = over !== null;
  useEffect(() => {
    if (!isOver) setAsking(false);
  }, [isOver]);
  return (
    <section class="br-complete no-print" aria-labelledby="br-complete-heading">
      <h2 id="br-complete-heading">
        {fill(t['complete.status'], {
          status: complete ? t['drafts.status.complete'] : t['drafts.status.draft'],
        })}
      </h2>
      {complete ? (
        <>
          <p>{t['complete.done']}</p>
          <div>
            <button type="button" class="tool-button" onClick={() => props.onComplete(false)}>
              {t['complete.undo']}
            </button>
          </div>
        </>
      ) : (
        <>
          {result.missing.length > 0 && (
            <div id="br-missing" tabIndex={-1}>
              <p>{t['complete.missing']}</p>
              <ul class="br-missing">
                {missingShown.map((m) => (
                  <li key={m.target}>
                    <button type="button" class="br-linklike" onClick={() => focusTarget(m.target)}>
                      {m.label}
                    </button>
                  </li>
                ))}
                {result.missing.length > MISSING_LISTED && (
                  <li>{fill(t['complete.more'], { n: result.missing.length })}</li>
                )}
              </ul>
            </div>
          )}
          <div>
            <button
              type="button"
              class="tool-button tool-button--primary"
              ref={markButton}
              onClick={markComplete}
            >
              {t['complete.mark']}
            </button>
          </div>
          {asking && over && (
            <ConfirmStep
              id="br-complete-over"
              question={
                <Fill
                  template={t['complete.overQuestion']}
                  parts={{
                    amount: formatYuan(over.overByFen),
                    clause: <ClauseA id={overClause} ctx={ctx} />,
                    quote: ctx.clauseTexts[overClause] ?? '',
                  }}
                />
              }
              confirmLabel={t['complete.overConfirm']}
              cancelLabel={t['complete.overCancel']}
              trigger={markButton.current}
              onConfirm={() => {
                setAsking(false);
                // Something may have been cleared while the question was open.
                if (result.missing.length === 0) props.onComplete(true);
                else markComplete();
              }}
              onCancel={() => setAsking(false)}
            />
          )}
        </>
      )}
      <p role="alert" class="tool-error">
        {!complete && result.missing.length > 0 ? blockedMessage : ''}
      </p>
    </section>
  );
}
