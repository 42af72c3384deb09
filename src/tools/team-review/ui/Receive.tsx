// Receiving 绩效自评: links pasted one per line, or many JSON files chosen or dropped at once. The
// logic files them (same person + period updates); this lists what happened, failures with reasons.
import { useRef, useState } from 'preact/hooks';
import type { ReceiveResult } from '../logic/receive';
import type { S, T } from './types';

export interface ReceiveReport {
  readonly added: readonly string[];
  readonly updated: readonly string[];
  readonly unchanged: readonly string[];
  readonly failed: ReceiveResult['failed'];
}

export function Receive(props: {
  s: S;
  t: T;
  disabled: boolean;
  /** Names a record key for the report (张三 2026年3月). */
  nameOf: (key: string) => string;
  onLinks: (text: string) => Promise<ReceiveReport | null>;
  onFiles: (files: readonly File[]) => Promise<ReceiveReport | null>;
}) {
  const { s, t } = props;
  const [text, setText] = useState('');
  const [report, setReport] = useState<ReceiveReport | null>(null);
  const [busy, setBusy] = useState(false);
  const [over, setOver] = useState(false);
  const fileInput = useRef<HTMLInputElement>(null);

  const run = async (work: () => Promise<ReceiveReport | null>) => {
    setBusy(true);
    setReport(null);
    try {
      const r = await work();
      setReport(r);
      return r;
    } finally {
      setBusy(false);
    }
  };
  const files = (list: FileList | null | undefined) => {
    const chosen = list ? [...list] : [];
    if (chosen.length > 0) void run(() => props.onFiles(chosen));
  };

  const list = (heading: string, keys: readonly string[]) =>
    keys.length > 0 && (
      <li>
        {heading}：{keys.map(props.nameOf).join('、')}
      </li>
    );

  return (
    <section class="no-print tr-receive" aria-labelledby="tr-receive-heading">
      <h2 id="tr-receive-heading">{s['receive.heading']}</h2>
      <div class="tool-field">
        <label for="tr-links">{s['receive.links']}</label>
        <textarea
          id="tr-links"
          rows={4}
          value={text}
          readOnly={props.disabled}
          aria-describedby="tr-links-hint"
          onInput={(e) => setText((e.currentTarget as HTMLTextAreaElement).value)}
        />
        <span class="tool-hint" id="tr-links-hint">
          {s['receive.linksHint']}
        </span>
      </div>
      <div class="tr-receive-actions">
        <button
          type="button"
          class="tool-button tool-button--primary"
          disabled={props.disabled || busy}
          onClick={async () => {
            const r = await run(() => props.onLinks(text));
            if (r && r.failed.length === 0) setText('');
          }}
        >
          {s['receive.loadLinks']}
        </button>
      </div>
      <div
        class={`tr-drop${over ? ' tr-drop--over' : ''}`}
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
        <label for="tr-files">{s['receive.files']}</label>
        <input
          id="tr-files"
          ref={fileInput}
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
        <span class="tool-hint">{s['receive.drop']}</span>
      </div>
      <div class="tr-receive-report" role="status" aria-live="polite">
        {report && (
          <>
            <p>
              {t('receive.summary', {
                added: report.added.length,
                updated: report.updated.length,
                unchanged: report.unchanged.length,
                failed: report.failed.length,
              })}
            </p>
            <ul>
              {list(s['receive.added'], report.added)}
              {list(s['receive.updated'], report.updated)}
              {list(s['receive.unchanged'], report.unchanged)}
            </ul>
          </>
        )}
      </div>
      {report && report.failed.length > 0 && (
        <div class="tr-receive-failed" role="alert">
          <p>{s['receive.failed']}：</p>
          <ul>
            {report.failed.map((f, i) => (
              <li key={i}>{t('receive.failedLine', { source: f.source, reason: f.reason })}</li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}
