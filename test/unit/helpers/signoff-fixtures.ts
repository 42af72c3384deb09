// New hires and their 签收 as the 入职清单 page makes them, for the tests of both sides (the new
// hire's 签收 in onboarding, the 新员工签收 list in signoffs).
import { encodeReplyLink } from '../../../src/core/reply';
import { buildChecklist } from '../../../src/tools/onboarding/logic/checklist';
import type { QuizResult } from '../../../src/tools/onboarding/logic/quiz';
import { makeSignoffReply, type SignoffReply } from '../../../src/tools/onboarding/logic/signoff';
import {
  emptyOnboardingState,
  setItemDone,
  type OnboardingState,
} from '../../../src/tools/onboarding/logic/state';
import { strings as onboardingStrings } from '../../../src/tools/onboarding/ui/strings';
import { shippedPolicies } from './policy-fixtures';

export const { appraisal, onboarding } = shippedPolicies();
export const roles = appraisal.groups.map((g) => ({ id: g.id, name: g.name }));
export const roleIds = roles.map((r) => r.id);
export const EDITION = { version: '1.0', fingerprint: 'a1b2c3d4e5f6' };

export function hire(
  name: string,
  role: string,
  startDate: string,
  done: readonly string[],
  ackDate = '',
): OnboardingState {
  let state: OnboardingState = {
    ...emptyOnboardingState(),
    name,
    role,
    startDate,
    mentor: '李导师',
    ackDate,
  };
  for (const id of done) state = setItemDone(state, id, true, startDate);
  return state;
}

/** The new hire's page: checklist as of `today`, then the 签收 reply. */
export async function signoff(
  state: OnboardingState,
  today: string,
  edition = EDITION,
  now = new Date(`${today}T10:00:00Z`),
  quiz: QuizResult | null = null,
) {
  const view = buildChecklist({ policy: onboarding, roleIds, state, today, reading: {} });
  const roleName = roles.find((r) => r.id === state.role)?.name ?? '';
  const made = await makeSignoffReply({ state, view, roleName, edition, today, quiz }, onboardingStrings, now);
  if (!made.ok) throw new Error(JSON.stringify(made.problems));
  return made.reply;
}

export async function asLink(reply: SignoffReply): Promise<string> {
  const link = await encodeReplyLink(reply);
  if (!link.ok) throw new Error(link.error);
  return `https://intranet.example/tools/onboarding/#${link.fragment}`;
}
