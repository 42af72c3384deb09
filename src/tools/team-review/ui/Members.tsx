// The members' records of the period shown: pick one to review, or delete it (one confirm step).
// It comes with the part for members (./members-part); an empty team shows MembersSection alone.
import { useRef, useState } from 'preact/hooks';
import { ConfirmStep } from '../../kit/ui/ConfirmStep';
import { SelectField } from '../../kit/ui/Field';
import type { RecordResult } from '../logic/derive';
import { MembersSection } from './MembersSection';
import { num, type S, type T } from './types';

export function Members(props: {
  s: S;
  t: T;
  periods: readonly { value: string; label: string }[];
  period: string | null;
  periodLabel: string;
  rows: readonly RecordResult[];
  /** The member as the page names them: 张伟, or 张伟（市场推广组） when the name is twice in the period. */
  whoOf: (r: RecordResult) => string;
  selected: string | null;
  readOnly: boolean;
  onPeriod: (period: string) => void;
  onSelect: (key: string) => void;
  onRemove: (key: string, said: string) => void;
}) {
  const { s, t } = props;
  const [asking, setAsking] = useState<string | null>(null);
  const triggers = useRef(new Map<string, HTMLButtonElement | null>());
  if (props.periods.length === 0) return <MembersSection s={s} />;
  return (
    <MembersSection s={s}>
      <>
        <SelectField
          id="tr-period"
          label={s['members.period']}
          value={props.period ?? ''}
          disabled={props.readOnly}
          options={props.periods}
          onChange={props.onPeriod}
        />
        <ul class="tool-entry-list">
          {props.rows.map((r) => {
            const current = r.key === props.selected;
            const values = { name: props.whoOf(r), period: props.periodLabel };
            return (
              <li key={r.key} aria-current={current ? 'true' : undefined}>
                <span class="tool-entry-name">
                  {values.name}
                  {current && s['members.current']}
                </span>
                <span class="tool-entry-meta">
                  {r.group?.name ?? r.record.self.group} · {s['review.self']} {num(r.self?.total)} ·{' '}
                  {s['review.manager']} {num(r.manager?.total)} {r.manager?.grade?.name ?? ''} ·{' '}
                  {r.record.manager.done ? s['status.done'] : s['status.pending']}
                </span>
                <span class="tool-entry-actions">
                  <button
                    type="button"
                    class="tool-button tool-button--small"
                    aria-label={t('members.reviewLabel', values)}
                    disabled={current}
                    onClick={() => props.onSelect(r.key)}
                  >
                    {s['members.review']}
                  </button>
                  {!props.readOnly && (
                    <button
                      type="button"
                      class="tool-button tool-button--small"
                      aria-label={t('members.removeLabel', values)}
                      ref={(el) => {
                        triggers.current.set(r.key, el);
                      }}
                      onClick={() => setAsking(r.key)}
                    >
                      {s['members.remove']}
                    </button>
                  )}
                </span>
                {asking === r.key && (
                  <ConfirmStep
                    id={`tr-remove-${asking.replace(/[^A-Za-z0-9-]/g, '_')}`}
                    question={t('members.removeQuestion', values)}
                    confirmLabel={s['members.removeConfirm']}
                    cancelLabel={s['members.removeCancel']}
                    trigger={triggers.current.get(r.key) ?? null}
                    onCancel={() => setAsking(null)}
                    onConfirm={() => {
                      setAsking(null);
                      props.onRemove(r.key, t('members.removed', values));
                    }}
                  />
                )}
              </li>
            );
          })}
        </ul>
      </>
    </MembersSection>
  );
}
