// An entry named as its tool names it in its own list (「市场推广组 2026年3月」, the project, the new
// hire): each tool's own `entries.label`, given the part of the tool's context that label reads.
import { budgetRequestTool, type BudgetRequestContext } from '../../budget-request/logic/definition';
import { onboardingTool, type OnboardingContext } from '../../onboarding/logic/definition';
import { selfReviewTool, type SelfReviewContext } from '../../self-review/logic/definition';
import { strings as budgetWords } from '../../budget-request/ui/strings';
import { strings as onboardingWords } from '../../onboarding/ui/strings';
import { strings as selfReviewWords } from '../../self-review/ui/strings';
import { toolDefinitions } from '../logic/registry';

export interface LabelData {
  /** 考核组 id → name, from the appraisal parameters. */
  readonly groups: readonly { readonly id: string; readonly name: string }[];
  /** Tool id → its page title; a tool with one entry is named by its title. */
  readonly toolNames: Readonly<Record<string, string>>;
  /** Chapter slug → title, for 本章已读. */
  readonly chapters: Readonly<Record<string, string>>;
}

/** Each label reads only these fields of its tool's context (see each definition's `entries.label`). */
function contexts(d: LabelData): Readonly<Record<string, unknown>> {
  return {
    [selfReviewTool.id]: { policy: { groups: d.groups }, labels: selfReviewWords } as unknown as SelfReviewContext,
    [budgetRequestTool.id]: { t: budgetWords } as unknown as BudgetRequestContext,
    [onboardingTool.id]: { labels: onboardingWords } as unknown as OnboardingContext,
  };
}

export function makeEntryLabel(d: LabelData): (namespace: string, key: string, data: unknown) => string {
  const ctx = contexts(d);
  return (namespace, key, data) => {
    const tool = toolDefinitions.find((t) => t.id === namespace);
    if (!tool) return d.chapters[key] ?? key;
    if (tool.entries.kind === 'single') return d.toolNames[namespace] ?? namespace;
    try {
      if (data !== null) return tool.entries.label(data, ctx[namespace]);
      return tool.entries.labelOfKey?.(key, ctx[namespace]) ?? key;
    } catch {
      return key; // a tool whose label needs more of its context than given here: the key still says which
    }
  };
}
