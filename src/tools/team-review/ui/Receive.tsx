// Receiving 绩效自评: links pasted one per line, or many JSON files chosen or dropped at once. The
// logic files them (same person, period and 考核组 updates) and gives one receipt per line or file;
// this says what became of each: 新增 / 更新 / 未变化 by line and member, 未收下 with the reason.
import { useState } from 'preact/hooks';
import { ReceiveBox } from '../../kit/ui/ReceiveBox';
import { OpenElsewhere } from '../../kit/ui/OpenElsewhere';
import { countReceipts, type Receipt } from '../logic/receive';
import type { S, T } from './types';

/** What one receive did: a receipt per line or file, or why nothing could be read at all. */
export type ReceiveReport =
  | { readonly receipts: readonly Receipt[] }
  | { readonly problem: string; readonly source: string };

type Kept = Extract<Receipt, { key: string }>;

export function Receive(props: {
  s: S;
  t: T;
  disabled: boolean;
  /** Names a record key for the report (张三 2026年3月, with the 考核组 when the name is shared). */
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

  const receipts = report && 'receipts' in report ? report.receipts : [];
  const refused = receipts.filter((r): r is Extract<Receipt, { outcome: 'refused' }> => r.outcome === 'refused');
  const list = (heading: string, outcome: Kept['outcome']) => {
    const kept = receipts.filter((r): r is Kept => r.outcome === outcome);
    return (
      kept.length > 0 && (
        <li>
          {heading}：{kept.map((r) => t('receive.item', { source: r.source, name: props.nameOf(r.key) })).join('、')}
        </li>
      )
    );
  };
  const counts = countReceipts(receipts);

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
          return r !== null && 'receipts' in r && r.receipts.every((x) => x.outcome !== 'refused');
        }}
        onFiles={(files) => run(() => props.onFiles(files))}
      />
      <div class="tr-receive-report" role="status" aria-live="polite">
        {report && 'receipts' in report && (
          <>
            <p>
              {t('receive.summary', {
                total: receipts.length,
                added: counts.added,
                updated: counts.updated,
                unchanged: counts.unchanged,
                refused: counts.refused,
              })}
            </p>
            <ul>
              {list(s['receive.added'], 'added')}
              {list(s['receive.updated'], 'updated')}
              {list(s['receive.unchanged'], 'unchanged')}
            </ul>
          </>
        )}
      </div>
      {report && 'problem' in report && (
        <p class="tool-error" role="alert">
          {t('receive.failedLine', { source: report.source, reason: report.problem })}
        </p>
      )}
      {refused.length > 0 && (
        <div class="tr-receive-failed" role="alert">
          <p>{s['receive.failed']}：</p>
          <ul>
            {refused.map((f, i) => (
              <li key={i}>
                {t('receive.failedLine', { source: f.source, reason: f.reason })}
                <OpenElsewhere foreign={f.foreign} />
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}
