// Receiving 签收: links or a reply's JSON pasted (one link a line), reply files chosen or dropped
// (many at once). The logic files them; this lists what happened to each, refusals with reasons.
import { OpenElsewhere } from '../../kit/ui/OpenElsewhere';
import { ReceiveBox } from '../../kit/ui/ReceiveBox';
import type { SignoffReceipt } from '../logic/receive';
import type { SignoffsStrings } from './strings';

type T = (key: keyof SignoffsStrings, values?: Record<string, string | number>) => string;

const OUTCOME_CLASS = {
  added: 'so-result--added',
  updated: 'so-result--updated',
  same: 'so-result--same',
  older: 'so-result--older',
} as const;

export function SignoffReceive(props: {
  s: SignoffsStrings;
  t: T;
  disabled: boolean;
  /** What the last receive did (also a link opened on the page), in the order received. */
  results: readonly SignoffReceipt[] | null;
  onLinks: (text: string) => Promise<readonly SignoffReceipt[]>;
  onFiles: (files: readonly File[]) => Promise<readonly SignoffReceipt[]>;
}) {
  const { s, t, results } = props;
  const bad = results?.filter((r) => !r.ok).length ?? 0;

  return (
    <section class="no-print so-receive" aria-labelledby="so-receive-heading">
      <h2 id="so-receive-heading">{s['receive.heading']}</h2>
      <ReceiveBox
        id="so"
        labels={{
          links: s['receive.links'],
          linksHint: s['receive.linksHint'],
          load: s['receive.load'],
          files: s['receive.files'],
          filesHint: s['receive.filesHint'],
        }}
        disabled={props.disabled}
        onLinks={async (text) => {
          const r = await props.onLinks(text);
          return r.length > 0 && r.every((x) => x.ok);
        }}
        onFiles={props.onFiles}
      />
      <div class="so-results" role="status" aria-live="polite">
        {results && results.length > 0 && (
          <>
            <p>{t('receive.summary', { ok: results.length - bad, bad })}</p>
            <ul>
              {results.map((r, i) =>
                r.ok ? (
                  <li key={i} class={OUTCOME_CLASS[r.outcome]}>
                    {t('receive.ok', { source: r.source, message: r.message })}
                  </li>
                ) : (
                  <li key={i} class="so-result--bad">
                    {t(r.foreign ? 'receive.elsewhere' : 'receive.bad', { source: r.source, error: r.error })}
                    <OpenElsewhere foreign={r.foreign} />
                  </li>
                ),
              )}
            </ul>
          </>
        )}
      </div>
      {bad > 0 && (
        <p class="tool-error" role="alert">
          {t('receive.badAlert', { bad })}
        </p>
      )}
    </section>
  );
}
