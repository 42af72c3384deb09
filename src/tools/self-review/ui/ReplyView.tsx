// The 上级评定 read from a reply (link or file), at the top of the tool: beside the employee's own
// scores when this browser holds their 自评 of that period, else alone (the manager's scores, grade,
// 上级说明 and 上级评语, with no comparison against an empty form). Loaded by ReviewReply only once a
// reply is opened, so a first visit carries only the form.
import { useLayoutEffect, useRef } from 'preact/hooks';
import type { SelfReviewState } from '../logic/state';
import type { ReadReply } from './ReviewReply';
import { num, type S, type T } from './types';

export function ReplyView(props: {
  read: ReadReply;
  s: S;
  t: T;
  labelOf: (st: Pick<SelfReviewState, 'group' | 'period'>) => string;
  onClose: () => void;
}) {
  const { s, t, read } = props;
  const heading = useRef<HTMLHeadingElement>(null);

  // Each reply opened is what the reader came for: move there (focus scrolls it into view).
  useLayoutEffect(() => heading.current?.focus(), [read.source]);

  const a = read.reply.payload.assessment;
  const m = read.result;
  const own = read.own;
  const mine = own?.result ?? null;
  const when = new Date(read.reply.at).toLocaleString('zh-CN', { hour12: false });
  const rows: { label: string; self: string; manager: string }[] = [];
  if (m?.kind === 'month') {
    m.rows.forEach((row, i) => {
      const self = mine?.kind === 'month' ? mine.rows[i]?.score : null;
      rows.push({ label: row.kpi.name, self: num(self ?? null), manager: num(row.score) });
    });
    m.behaviourRows.forEach((row, i) => {
      const self = mine?.kind === 'month' ? mine.behaviourRows[i]?.rating : null;
      rows.push({ label: row.item.name, self: num(self ?? null), manager: num(row.rating) });
    });
  }
  if (m) {
    rows.push({ label: s['result.total'], self: num(mine?.total ?? null), manager: num(m.total) });
    rows.push({ label: s['result.grade'], self: mine?.grade?.name ?? '—', manager: m.grade?.name ?? '—' });
  }
  const notes = m?.kind === 'month' ? m.rows.filter((row) => row.comment.trim() !== '') : [];

  return (
    <section class="sr-reply no-print" aria-labelledby="sr-reply-heading">
      <h2 id="sr-reply-heading" tabIndex={-1} ref={heading}>
        {s['reply.heading']}
      </h2>
      <p>
        {t('reply.from', {
          label: props.labelOf(a),
          at: when,
          done: read.reply.payload.done ? s['reply.done'] : s['reply.pending'],
        })}
      </p>
      {own ? (
        <p
          class={own.match === 'same' ? 'sr-reply-same' : 'sr-warning'}
          role="status"
          data-reply-match={own.match}
        >
          <span aria-hidden="true">{own.match === 'same' ? '✓ ' : '⚠ '}</span>
          {own.match === 'same' ? s['reply.same'] : s['reply.changed']}
        </p>
      ) : (
        <p class="sr-reply-alone" role="status" data-reply-match="none">
          {t('reply.alone', { name: a.name.trim(), label: props.labelOf(a) })}
        </p>
      )}
      {m ? (
        <table class="tool-table sr-reply-table">
          <caption>{own ? s['reply.caption'] : s['reply.captionAlone']}</caption>
          <thead>
            <tr>
              <th scope="col">{s['reply.item']}</th>
              {own && (
                <th scope="col" class="num">
                  {s['reply.self']}
                </th>
              )}
              <th scope="col" class="num">
                {s['reply.manager']}
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.label}>
                <th scope="row">{r.label}</th>
                {own && <td class="num">{r.self}</td>}
                <td class="num">
                  {r.manager}
                  {own && r.self !== r.manager && (
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
      {notes.length > 0 && (
        <div class="sr-reply-notes">
          <h3>{s['reply.notes']}</h3>
          <dl>
            {notes.map((row) => (
              <div key={row.kpi.id}>
                <dt>{row.kpi.name}</dt>
                <dd>{row.comment}</dd>
              </div>
            ))}
          </dl>
        </div>
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
