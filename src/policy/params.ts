// The policy parameters as the pages read them (content/policy/*.yaml through their schemas).
import { getEntry } from 'astro:content';

function missing(file: string): never {
  throw new Error(`content/policy/${file} 缺失或无法读取`);
}

export async function appraisalParams() {
  return (await getEntry('appraisal', 'default'))?.data ?? missing('appraisal.yaml');
}
export async function bonusParams() {
  return (await getEntry('bonus', 'default'))?.data ?? missing('bonus.yaml');
}
export async function budgetParams() {
  return (await getEntry('budget', 'default'))?.data ?? missing('budget.yaml');
}
export async function onboardingParams() {
  return (await getEntry('onboarding', 'default'))?.data ?? missing('onboarding.yaml');
}
export async function quizParams() {
  return (await getEntry('quiz', 'default'))?.data ?? missing('quiz.yaml');
}
