// 入职清单 as plain text for 微信 / 钉钉: apart from ./checklist so the page loads it on first copy,
// not with the page.
import { toPlainText, type TextSection } from '../../../core/text-export';
import { fill } from '../../../core/template';
import type { ChecklistView } from './checklist';
import type { OnboardingState } from './state';

/** Words of the plain-text export: these keys of the tool's zh-CN strings (../ui/strings.ts). */
export type ChecklistTextKey =
  | 'text.title'
  | 'field.name'
  | 'field.role'
  | 'field.startDate'
  | 'field.mentor'
  | 'text.progress'
  /** 已完成 {done}/{total} 项（{percent}%） */
  | 'progress.value'
  /** 逾期 {n} 项 */
  | 'progress.overdue'
  /** 期限 {date} */
  | 'text.due'
  /** 完成于 {date} */
  | 'item.doneAt'
  | 'text.owner'
  | 'item.overdue'
  | 'reading.heading'
  /** 已读（{date}） */
  | 'reading.read'
  | 'reading.unread'
  | 'text.blank';

/** 入职清单 as plain text for 微信 / 钉钉: ☑ / ☐ per item, with owner, due date and clause. */
export function checklistText(
  view: ChecklistView,
  state: OnboardingState,
  names: {
    readonly role: string;
    readonly chapter: (slug: string) => string;
    /** Clause id → how people cite it, e.g. 三（二）. */
    readonly clause: (id: string) => string;
  },
  t: Readonly<Record<ChecklistTextKey, string>>,
): string {
  const or = (s: string) => (s.trim() === '' ? t['text.blank'] : s);
  const sections: TextSection[] = [
    {
      lines: [
        [t['field.name'], or(state.name)],
        [t['field.role'], or(names.role)],
        [t['field.startDate'], view.start.status === 'ok' ? view.start.iso : or(state.startDate)],
        [t['field.mentor'], or(state.mentor)],
        [
          t['text.progress'],
          fill(t['progress.value'], { done: view.doneCount, total: view.total, percent: view.percent }) +
            (view.overdueCount > 0 ? `，${fill(t['progress.overdue'], { n: view.overdueCount })}` : ''),
        ],
      ],
    },
    ...view.phases
      .filter((p) => p.items.length > 0)
      .map((p): TextSection => ({
        heading: `${p.phase.name}${p.dueDate ? ` · ${fill(t['text.due'], { date: p.dueDate })}` : ''} · ${p.doneCount}/${p.items.length}`,
        lines: p.items.map((it) => {
          const notes = [
            `${t['text.owner']}${it.item.owner}`,
            names.clause(it.item.clause),
            ...(it.doneAt ? [fill(t['item.doneAt'], { date: it.doneAt })] : []),
            ...(it.overdue ? [t['item.overdue']] : []),
          ];
          return `${it.done ? '☑' : '☐'} ${it.item.title}（${notes.join('；')}）`;
        }),
      })),
    {
      heading: t['reading.heading'],
      lines: view.reading.steps.map(
        (s, i) =>
          `${i + 1}. ${names.chapter(s.slug)}：${s.readAt ? fill(t['reading.read'], { date: s.readAt }) : t['reading.unread']}`,
      ),
    },
  ];
  return toPlainText(t['text.title'], sections);
}
