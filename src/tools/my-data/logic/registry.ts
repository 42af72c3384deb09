/**
 * Every kind of entry this site saves in the browser, from the tools' own definitions: a new tool
 * added here is listed, backed up and restored by 我的数据 without touching that page.
 */
import type { ToolDefinition } from '../../kit/logic/definition';
import { bonusTool } from '../../bonus/logic/definition';
import { budgetRequestTool } from '../../budget-request/logic/definition';
import { onboardingTool } from '../../onboarding/logic/definition';
import { READING_NAMESPACE, READING_VERSION, readingMarkSchema } from '../../onboarding/logic/reading';
import { selfReviewTool } from '../../self-review/logic/definition';
import { signoffsTool } from '../../signoffs/logic/definition';
import { teamReviewTool } from '../../team-review/logic/definition';
import type { StoredKind } from './backup';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- tools differ in state, result and context
type AnyTool = ToolDefinition<any, any, any>;

/** The tools, in the order 我的数据 lists them (the sidebar's). */
export const toolDefinitions: readonly AnyTool[] = [
  onboardingTool,
  signoffsTool,
  selfReviewTool,
  bonusTool,
  teamReviewTool,
  budgetRequestTool,
];

const fromTool = (tool: AnyTool): StoredKind => ({
  namespace: tool.id,
  version: tool.version,
  schema: tool.schema,
  ...(tool.migrate ? { migrate: tool.migrate } : {}),
});

/** Every namespace 我的数据 lists and backs up: the tools', and the chapters marked 本章已读. */
export const storedKinds: readonly StoredKind[] = [
  ...toolDefinitions.map(fromTool),
  { namespace: READING_NAMESPACE, version: READING_VERSION, schema: readingMarkSchema },
];
