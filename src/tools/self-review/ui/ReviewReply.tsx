// The 上级评定 the manager sent back (团队考核 reply, issue 11): opened from a reply link
// (#r1.self-review.…) or a reply JSON file, shown read-only beside the employee's own scores, with
// whether the 自评 changed since (fingerprint). The reply code loads only when a reply is opened.
import { useEffect, useRef, useState } from 'preact/hooks';
import type { AppraisalPolicy } from '../../../core/policy-types';
import type { ReadReviewReplyResult } from '../../team-review/logic/reply';
import type { SelfReviewResult } from '../logic/derive';
import type { SelfReviewState } from '../logic/state';
import { ReplyPicker } from '../../kit/ui/ReceiveBox';
import { num, type S, type T } from './types';

/** A reply link's fragment: r1.self-review.… (plain) or q1.self-review.… (compressed). */
const REPLY_FRAGMENT = /^[qr]\d{1,9}\.self-review\./;

type Read = Extract<ReadReviewReplyResult, { ok: true }>;

export function ReviewReply(props: {
  state: SelfReviewState;
  result: SelfReviewResult | null;
  policy: AppraisalPolicy;
  s: S;
  t: T;
  /** The entry's name, e.g. 市场推广组 2026年3月. */
  labelOf: (st: Pick<SelfReviewState, 'group' | 'period'>) => string;
  /** Opens the employee's own entry of the reply's group and period. */
  openEntry: (group: string, period: string) => void;
}) {
  const { s, t, state, policy } = props;
  const [source, setSource] = useState<string | null>(null);
  const [read, setRead] = useState<Read | null>(null);
  const [error, setError] = useState<string | null>(null);
  const opened = useRef<string | null>(null);

  useEffect(() => {
    const fromHash = () => {
      const fragment = location.hash.replace(/^#/, '');
      if (REPLY_FRAGMENT.test(fragment)) setSource(fragment);
    };
    fromHash();
    addEventListener('hashchange', fromHash);
    return () => removeEventListener('hashchange', fromHash);
  }, []);

  // Read (again) whenever the reply or the employee's entry changes: the match follows each edit.
  useEffect(() => {
    if (source === null) return;
    let live = true;
    void import('../../team-review/logic/reply').then(async ({ readReviewReply }) => {
      const r = await readReviewReply(source, state, policy);
      if (!live) return;
      if (!r.ok) {
        setRead(null);
        setError(r.error);
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

  const close = () => {
    setSource(null);
    setRead(null);
    setError(null);
    if (REPLY_FRAGMENT.test(location.hash.replace(/^#/, ''))) {
      history.replaceState(null, '', location.pathname + location.search);
    }
  };

  const picker = (
    <ReplyPicker
      id="sr-reply"
      class="sr-reply-open"
      labels={{
        open: s['reply.open'],
        paste: s['reply.paste'],
        read: s['reply.openButton'],
        file: s['reply.file'],
      }}
      onRead={setSource}
    />
  );

  if (!read) {
    return (
      <>
        {error && (
          <p class="tool-error no-print" role="alert">
            {t('reply.error', { error })}
          </p>
        )}
        {picker}
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
        <button type="button" class="tool-button" onClick={close}>
          {s['reply.close']}
        </button>
      </div>
    </section>
  );
}
