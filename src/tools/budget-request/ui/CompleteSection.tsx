// 完成申请: what is still missing (each a button to its field), or the request marked complete.
import { useState } from 'preact/hooks';
import { fill } from '../../../core/template';
import type { BudgetRequestView } from '../logic/definition';
import { focusTarget, type ToolContext } from './common';

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
  const missingShown = result.missing.slice(0, MISSING_LISTED);
  const markComplete = () => {
    if (result.missing.length > 0) {
      props.onShowEmpty();
      setBlockedMessage(fill(t['complete.blocked'], { n: result.missing.length }));
      requestAnimationFrame(() => document.getElementById('br-missing')?.focus());
      return;
    }
    setBlockedMessage('');
    props.onComplete(true);
  };
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
            <button type="button" class="tool-button tool-button--primary" onClick={markComplete}>
              {t['complete.mark']}
            </button>
          </div>
        </>
      )}
      <p role="alert" class="tool-error">
        {!complete && result.missing.length > 0 ? blockedMessage : ''}
      </p>
    </section>
  );
}
