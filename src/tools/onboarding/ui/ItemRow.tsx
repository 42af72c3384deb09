// One checklist item: the tick, the title, who sees to it, the clause, and overdue / due today.
import type { JSX } from 'preact';
import type { ChecklistItem } from '../logic/checklist';
import type { OnboardingStrings } from './strings';

interface ItemRowProps {
  it: ChecklistItem;
  s: OnboardingStrings;
  t: (key: keyof OnboardingStrings, values?: Record<string, string | number>) => string;
  readOnly: boolean;
  clauseLink: (id: string) => JSX.Element;
  onToggle: (done: boolean) => void;
}

export function ItemRow({ it, s, t, readOnly, clauseLink, onToggle }: ItemRowProps) {
  const id = `ob-item-${it.item.id}`;
  const cls = it.done ? 'ob-item ob-item--done' : it.overdue ? 'ob-item ob-item--overdue' : 'ob-item';
  return (
    <li class={cls}>
      <input
        type="checkbox"
        id={id}
        checked={it.done}
        disabled={readOnly}
        aria-describedby={`${id}-meta`}
        onChange={(e) => onToggle((e.currentTarget as HTMLInputElement).checked)}
      />
      <span class="ob-item-body">
        <label for={id}>{it.item.title}</label>
        <span class="ob-item-meta" id={`${id}-meta`}>
          {s['item.owner']}
          {it.item.owner} · {s['item.clause']} {clauseLink(it.item.clause)}
          {it.doneAt && <> · {t('item.doneAt', { date: it.doneAt })}</>}
          {it.overdue && (
            <>
              {' '}
              <strong class="ob-badge ob-badge--overdue">{s['item.overdue']}</strong>
            </>
          )}
          {it.dueToday && (
            <>
              {' '}
              <strong class="ob-badge ob-badge--today">{s['item.dueToday']}</strong>
            </>
          )}
        </span>
      </span>
    </li>
  );
}
