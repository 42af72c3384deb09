// A 目标 the manager set (团队考核's 目标下达), opened from a link or pasted / imported: what it sets,
// and, when a 目标 was taken for that month before, what it changes; it is taken only on confirm
// (四（二）: the month's tasks and targets come from the manager). Loaded by ReviewReply once a 目标 is
// opened, so a first visit carries only the form.
import { useLayoutEffect, useRef } from 'preact/hooks';
import { formatKpiValue } from '../../../core/format';
import type { AppraisalPolicy } from '../../../core/policy-types';
import { parseKpiValue } from '../logic/derive';
import { dayLabel } from '../logic/period-label';
import type { SelfReviewState } from '../logic/state';
import { planTargets, type TargetsPlan, type TargetsReply } from '../logic/targets';
import { ConfirmStep } from '../../kit/ui/ConfirmStep';
import type { S, T } from './types';


export function TargetsIntake(props: {
  reply: TargetsReply;
  /** Changes with each opening (a new link or file), so the heading takes focus again. */
  opening: unknown;
  policy: AppraisalPolicy;
  s: S;
  t: T;
  labelOf: (st: Pick<SelfReviewState, 'group' | 'period'>) => string;
  /** A saved month entry by key (null when none). */
  load: (key: string) => SelfReviewState | null;
  /** The month to open after a year 目标. */
  month: number;
  onTake: (plan: TargetsPlan) => void;
  onSame: () => void;
  onClose: () => void;
}) {
  const { s, t, reply, policy } = props;
  const heading = useRef<HTMLHeadingElement>(null);
  const plan = planTargets(reply, policy, props.load, props.month);
  // Each 目标 opened is what the reader came for; the one already taken is only said, not asked again.
  useLayoutEffect(() => {
    if (plan.same) props.onSame();
    else heading.current?.focus();
  }, [props.opening]);
  if (plan.same) return null;

  const p = reply.payload;
  const kpis = policy.groups.find((g) => g.id === p.group)?.kpis ?? [];
  const shown = (id: string, text: string) => {
    const kpi = kpis.find((k) => k.id === id);
    const read = kpi ? parseKpiValue(kpi, text, 'target') : null;
    return `${kpi?.name ?? id}：${kpi && read?.ok ? formatKpiValue(kpi.unit, read.value) : text}`;
  };
  return (
    <section class="sr-reply sr-targets no-print" aria-labelledby="sr-targets-heading">
      <h2 id="sr-targets-heading" tabIndex={-1} ref={heading}>
        {s['targets.heading']}
      </h2>
      <p>
        {t('targets.from', {
          name: p.name.trim() || s['text.notFilled'],
          label: props.labelOf(p),
          day: dayLabel(reply.at),
        })}
      </p>
      {p.period.length === 4 && <p>{s['targets.year']}</p>}
      <ul>
        {kpis
          .filter((k) => Object.hasOwn(p.targets, k.id))
          .map((k) => (
            <li key={k.id}>{shown(k.id, p.targets[k.id] ?? '')}</li>
          ))}
      </ul>
      <p>{p.tasks.trim() ? t('tasks.line', { tasks: p.tasks }) : s['targets.noTasks']}</p>
      {plan.nameDiffers && (
        <p class="sr-warning" role="status">
          {t('targets.nameDiffers', { targets: plan.nameDiffers.targets, entry: plan.nameDiffers.entry })}
        </p>
      )}
      {plan.changes.length > 0 && (
        <>
          <p class="sr-warning">{s['targets.changes']}</p>
          <ul>
            {plan.changes.map((c, i) => (
              <li key={i}>
                {c.kind === 'target'
                  ? t('targets.changeTarget', { kpi: c.kpi, from: c.from || '—', to: c.to || '—' })
                  : t('targets.changeTasks', { from: c.from || '—', to: c.to || '—' })}
              </li>
            ))}
          </ul>
        </>
      )}
      <ConfirmStep
        id="sr-targets-confirm"
        question={plan.changes.length > 0 ? s['targets.replaceQuestion'] : s['targets.question']}
        confirmLabel={s['targets.take']}
        cancelLabel={s['targets.cancel']}
        onConfirm={() => props.onTake(plan)}
        onCancel={props.onClose}
      />
    </section>
  );
}
