// Receiving 签收: links or a reply's JSON pasted (one link a line), reply files chosen or dropped
// (many at once). The logic files them; this lists what happened to each, refusals with reasons.
import { useState } from 'preact/hooks';
import type { ReceiveResult } from '../logic/signoff';
import type { OnboardingStrings } from './strings';

type T = (key: keyof OnboardingStrings, values?: Record<string, string | number>) => string;

const OUTCOME_CLASS = {
  added: 'so-result--added',
  updated: 'so-result--updated',
  same: 'so-result--same',
  older: 'so-result--older',
} as const;

export function SignoffReceive(props: {
  s: OnboardingStrings;
  t: T;
  disabled: boolean;
  /** What the last receive did (also a link opened on the page), in the order received. */
  results: readonly ReceiveResult[] | null;
  onLinks: (text: string) => Promise<readonly ReceiveResult[]>;
  onFiles: (files: readonly File[]) => Promise<readonly ReceiveResult[]>;
}) {
  const { s, t, results } = props;
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const [over, setOver] = useState(false);

  const run = async (work: () => Promise<readonly ReceiveResult[]>) => {
    setBusy(true);
    try {
      return await work();
    } finally {
      setBusy(false);
    }
  };
  const files = (list: FileList | null | undefined) => {
    const chosen = list ? [...list] : [];
    if (chosen.length > 0) void run(() => props.onFiles(chosen));
  };
  const bad = results?.filter((r) => !r.ok).length ?? 0;

  return (
    <section class="no-print so-receive" aria-labelledby="so-receive-heading">
      <h2 id="so-receive-heading">{s['receive.heading']}</h2>
      <div class="tool-field">
        <label for="so-links">{s['receive.links']}</label>
        <textarea
          id="so-links"
          rows={4}
          value={text}
          readOnly={props.disabled}
          aria-describedby="so-links-hint"
          onInput={(e) => setText((e.currentTarget as HTMLTextAreaElement).value)}
        />
        <span class="tool-hint" id="so-links-hint">
          {s['receive.linksHint']}
        </span>
      </div>
      <div>
        <button
          type="button"
          class="tool-button tool-button--primary"
          disabled={props.disabled || busy}
          onClick={async () => {
            const r = await run(() => props.onLinks(text));
            if (r.length > 0 && r.every((x) => x.ok)) setText('');
          }}
        >
          {s['receive.load']}
        </button>
      </div>
      <div
        class={`so-drop${over ? ' so-drop--over' : ''}`}
        onDragOver={(e) => {
          e.preventDefault();
          setOver(true);
        }}
        onDragLeave={() => setOver(false)}
        onDrop={(e) => {
          e.preventDefault();
          setOver(false);
          if (!props.disabled) files(e.dataTransfer?.files);
        }}
      >
        <label for="so-files">{s['receive.files']}</label>
        <input
          id="so-files"
          type="file"
          multiple
          accept="application/json,.json"
          disabled={props.disabled || busy}
          onChange={(e) => {
            const input = e.currentTarget as HTMLInputElement;
            files(input.files);
            input.value = '';
          }}
        />
        <span class="tool-hint">{s['receive.filesHint']}</span>
      </div>
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
                    {t('receive.bad', { source: r.source, error: r.error })}
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
