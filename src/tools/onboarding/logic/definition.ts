// 入职清单 as the kit runs it: one entry per new hire (the mentor may keep several); a link or file
// also carries the chapters read, which live in their own store (reading.ts).
import type { OnboardingPolicy } from '../../../core/policy-types';
import { labelledField, type ToolDefinition } from '../../kit/logic/definition';
import { buildChecklist, type ChecklistTextKey, type ChecklistView } from './checklist';
import {
  emptyOnboardingState,
  migrateOnboarding,
  newPersonKey,
  ONBOARDING_STATE_VERSION,
  ONBOARDING_TOOL,
  sharedOnboardingSchema,
  type SharedOnboarding,
} from './state';

export interface OnboardingContext {
  readonly policy: OnboardingPolicy;
  readonly roles: readonly { readonly id: string; readonly name: string }[];
  /** Today (yyyy-mm-dd); null on the server and before the browser has said. */
  readonly today: string | null;
  /** Chapters read: slug → date (the reader's own, or those a link carries). */
  readonly marks: Readonly<Record<string, string>>;
  readonly chapterName: (slug: string) => string;
  readonly clauseLabel: (id: string) => string;
  readonly labels: Readonly<Record<ChecklistTextKey | 'people.unnamed' | 'tool.fileBase', string>>;
}

const personName = (st: SharedOnboarding, ctx: OnboardingContext) =>
  st.name.trim() || ctx.labels['people.unnamed'];

export const onboardingTool: ToolDefinition<SharedOnboarding, ChecklistView, OnboardingContext> = {
  id: ONBOARDING_TOOL,
  version: ONBOARDING_STATE_VERSION,
  migrate: migrateOnboarding,
  // The saved entry has no `reading` (the marks have their own store); links and files may carry it.
  schema: sharedOnboardingSchema,
  empty: () => emptyOnboardingState(),
  // 「姓名」, 「入职日期」; a ticked item by its title.
  fieldLabel: (path, ctx) => {
    const words = ctx.labels as unknown as Readonly<Record<string, string>>;
    if (path[0] === 'done') {
      const item = ctx.policy.items.find((it) => it.id === path[1]);
      return item ? item.title : null;
    }
    return labelledField(words, path);
  },
  derive: (state, ctx) =>
    buildChecklist({
      policy: ctx.policy,
      roleIds: ctx.roles.map((r) => r.id),
      state,
      today: ctx.today,
      reading: ctx.marks,
    }),
  entries: {
    kind: 'many',
    label: personName,
    keyOf: () => null,
    newKey: () => newPersonKey(Date.now()),
    firstKey: () => 'default',
  },
  exports: async () => {
    const { checklistText } = await import('./checklist-text');
    return {
      text: (state, view, ctx) =>
        checklistText(
          view,
          state,
          {
            role:
              view.role.status === 'ok'
                ? (ctx.roles.find((r) => r.id === state.role)?.name ?? state.role)
                : '',
            chapter: ctx.chapterName,
            clause: ctx.clauseLabel,
          },
          ctx.labels,
        ),
      fileBase: (state, ctx) => `${ctx.labels['tool.fileBase']}-${personName(state, ctx)}`,
    };
  },
};
