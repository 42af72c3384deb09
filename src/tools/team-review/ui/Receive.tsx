// Receiving 绩效自评: links pasted one per line, or many JSON files chosen or dropped at once. The
// logic files them (same person + period updates); this lists what happened, failures with reasons.
import { useState } from 'preact/hooks';
import { ReceiveBox } from '../../kit/ui/ReceiveBox';
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
  const [report, setReport] = useState<ReceiveReport | null>(null);

  const run = async (work: () => Promise<ReceiveReport | null>) => {
    setReport(null);
    const r = await work();
    setReport(r);
    return r;
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
      <ReceiveBox
        id="tr"
        labels={{
          links: s['receive.links'],
          linksHint: s['receive.linksHint'],
          load: s['receive.loadLinks'],
          files: s['receive.files'],
          filesHint: s['receive.drop'],
        }}
        disabled={props.disabled}
        onLinks={async (text) => {
          const r = await run(() => props.onLinks(text));
          return r !== null && r.failed.length === 0;
        }}
        onFiles={(files) => run(() => props.onFiles(files))}
      />
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
