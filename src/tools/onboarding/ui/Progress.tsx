// 入职清单 progress (overall, per phase, chapters read, announced as it changes) and the reading path.
import type { JSX } from 'preact';
import type { ChecklistView } from '../logic/checklist';
import { LiveResult } from '../../kit/ui/Notices';
import type { OnboardingStrings } from './strings';

type T = (key: keyof OnboardingStrings, values?: Record<string, string | number>) => string;

export function Progress(props: {
  view: ChecklistView;
  s: OnboardingStrings;
  t: T;
  today: string | null;
  /** Link to 五（一）1. */
  trainingClause: JSX.Element;
}) {
  const { view, s, t, today } = props;
  return (
    <div class="no-print">
      <LiveResult label={s['progress.label']}>
        <p class="ob-progress-line">
          <strong class="ob-big">
            {s['progress.overall']}：
            {t('progress.value', { done: view.doneCount, total: view.total, percent: view.percent })}
          </strong>{' '}
          <span class={view.overdueCount > 0 ? 'ob-badge ob-badge--overdue' : 'ob-muted'}>
            {view.overdueCount > 0
              ? t('progress.overdue', { n: view.overdueCount })
              : s['progress.noOverdue']}
          </span>
        </p>
        <progress class="ob-bar" max={100} value={view.percent} aria-label={s['progress.overall']} />
        <ul class="ob-phase-progress">
          {view.phases.map((p) => (
            <li key={p.phase.id}>
              {t('progress.phase', { phase: p.phase.name, done: p.doneCount, total: p.items.length })}
            </li>
          ))}
          <li>{t('progress.reading', { read: view.reading.readCount, total: view.reading.total })}</li>
        </ul>
        <p class="tool-how no-print">
          {t('progress.how', { asOf: today ? t('progress.howToday', { today }) : s['progress.howNoToday'] })} {props.trainingClause}。
        </p>
      </LiveResult>
    </div>
  );
}

export function ReadingPath(props: {
  view: ChecklistView;
  s: OnboardingStrings;
  t: T;
  base: string;
  chapterName: (slug: string) => string;
  shared: boolean;
}) {
  const { view, s, t, base, chapterName, shared } = props;
  return (
    <section class="ob-reading no-print" aria-labelledby="ob-reading-heading">
      <h2 id="ob-reading-heading">{s['reading.heading']}</h2>
      <p>{s['reading.intro']}</p>
      <ol class="ob-reading-list">
        {view.reading.steps.map((step) => (
          <li key={step.slug} class={step.readAt ? 'ob-read' : undefined}>
            <a href={`${base}/${step.slug}/`}>{chapterName(step.slug)}</a>
            {'：'}
            <span class={step.readAt ? 'ob-badge ob-badge--done' : 'ob-muted'}>
              {step.readAt ? t('reading.read', { date: step.readAt }) : s['reading.unread']}
            </span>
          </li>
        ))}
      </ol>
      <p class="tool-hint">{shared ? s['share.readingNote'] : s['reading.note']}</p>
    </section>
  );
}
