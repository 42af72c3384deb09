// The 上级评定 read from a reply (link or file) beside the employee's own scores: loaded by
// ReviewReply only once a reply is opened, so a first visit carries only the form.
import type { ComponentChildren } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { ForeignLink } from '../../../core/link-owner';
import type { AppraisalPolicy } from '../../../core/policy-types';
import { OpenElsewhere } from '../../kit/ui/OpenElsewhere';
import type { ReadReviewReplyResult } from '../../team-review/logic/reply';
import type { SelfReviewResult } from '../logic/derive';
import type { SelfReviewState } from '../logic/state';
import { num, type S, type T } from './types';

type Read = Extract<ReadReviewReplyResult, { ok: true }>;

export function ReplyView(props: {
  /** The reply as opened: a link's fragment or a file's text. */
  source: string;
  state: SelfReviewState;
  result: SelfReviewResult | null;
  policy: AppraisalPolicy;
  s: S;
  t: T;
  labelOf: (st: Pick<SelfReviewState, 'group' | 'period'>) => string;
  openEntry: (group: string, period: string) => void;
  /** The picker, shown while no reply has been read. */
  picker: ComponentChildren;
  onClose: () => void;
}) {
  const { s, t, state, policy, source } = props;
  const [read, setRead] = useState<Read | null>(null);
  const [error, setError] = useState<{ text: string; foreign?: ForeignLink | undefined } | null>(null);
  const opened = useRef<string | null>(null);

  // Read (again) whenever the reply or the employee's entry changes: the match follows each edit.
  useEffect(() => {
    let live = true;
    void import('../../team-review/logic/reply').then(async ({ readReviewReply }) => {
      const r = await readReviewReply(source, state, policy);
      if (!live) return;
      if (!r.ok) {
        setRead(null);
        setError({ text: r.error, foreign: r.foreign });
        return;
      }
      setError(null);
      setRead(r);
      const a = r.reply.payload.assessment;
      // First reading: open the employee's own entry of that period.
      if (opened.current !== source) {
        opened.current = source;
        if (!r.forEntry) props.openEntry(a.group, a.period);
      }
    });
    return () => {
      live = false;
    };
  }, [source, state]);

  if (!read) {
    return (
      <>
        {error && (
          <p class="tool-error no-print" role="alert">
            {t('reply.error', { error: error.text })}
            <OpenElsewhere foreign={error.foreign} />
          </p>
        )}
        {props.picker}
      </>
    );
  }

  const a = read.reply.payload.assessment;
  const m = read.result;
  const mine = props.result;
  const when = new Date(read.reply.at).toLocaleString('zh-CN', { hour12: false });
  const rows: { label: string; self: string; manager: string }[] = [];
  if (m?.kind === 'month' && mine?.kind === 'month') {
    m.rows.forEach((row, i) => {
      const own = mine.rows[i];
      rows.push({ label: row.kpi.name, self: num(own?.score ?? null), manager: num(row.score) });
    });
    m.behaviourRows.forEach((row, i) => {
      const own = mine.behaviourRows[i];
      rows.push({ label: row.item.name, self: num(own?.rating ?? null), manager: num(row.rating) });
    });
  }
  if (m) {
    rows.push({ label: s['result.total'], self: num(mine?.total ?? null), manager: num(m.total) });
    rows.push({ label: s['result.grade'], self: mine?.grade?.name ?? '—', manager: m.grade?.name ?? '—' });
  }

  return (
    <section class="sr-reply no-print" aria-labelledby="sr-reply-heading">
      <h2 id="sr-reply-heading">{s['reply.heading']}</h2>
      <p>
        {t('reply.from', {
          label: props.labelOf(a),
          at: when,
          done: read.reply.payload.done ? s['reply.done'] : s['reply.pending'],
        })}
      </p>
      {!read.forEntry && (
        <p class="sr-warning" role="status">
          {t('reply.otherEntry', { name: a.name, label: props.labelOf(a), current: props.labelOf(state) })}
        </p>
      )}
      <p
        class={read.match === 'same' ? 'sr-reply-same' : 'sr-warning'}
        role="status"
        data-reply-match={read.match}
      >
        <span aria-hidden="true">{read.match === 'same' ? '✓ ' : '⚠ '}</span>
        {read.match === 'same' ? s['reply.same'] : s['reply.changed']}
      </p>
      {m ? (
        <table class="tool-table sr-reply-table">
          <caption>{s['reply.caption']}</caption>
          <thead>
            <tr>
              <th scope="col">{s['reply.item']}</th>
              <th scope="col" class="num">
                {s['reply.self']}
              </th>
              <th scope="col" class="num">
                {s['reply.manager']}
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.label}>
                <th scope="row">{r.label}</th>
                <td class="num">{r.self}</td>
                <td class="num">
                  {r.manager}
                  {r.self !== r.manager && (
                    <strong>
                      {' '}
                      <span aria-hidden="true">▲</span>
                      {s['reply.differs']}
                    </strong>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p class="tool-error">{s['reply.unscored']}</p>
      )}
      {a.summary.trim() && (
        <p class="sr-sheet-comment">
          <strong>{s['reply.comment']}：</strong>
          {a.summary}
        </p>
      )}
      <p class="tool-hint">{s['reply.trust']}</p>
      <div>
        <button type="button" class="tool-button" onClick={props.onClose}>
          {s['reply.close']}
        </button>
      </div>
    </section>
  );
}
