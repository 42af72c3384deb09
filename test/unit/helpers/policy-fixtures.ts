import { readFileSync } from 'node:fs';
import { parseDocument, type Document } from 'yaml';
import { appraisalSchema } from '../../../src/schemas/appraisal';
import { bonusSchema } from '../../../src/schemas/bonus';
import { budgetSchema } from '../../../src/schemas/budget';
import { parsePolicyYaml } from '../../../src/schemas/load-policy';
import { onboardingSchema } from '../../../src/schemas/onboarding';

/** The clause ids published on the site (pinned by the chapter pages; kept in step by hand here). */
export const CLAUSE_IDS: ReadonlySet<string> = new Set([
  'c1-1', 'c1-2', 'c1-3', 'c1-3-1', 'c1-3-2', 'c1-3-3', 'c1-3-4',
  'c2-1', 'c2-2', 'c2-2-1', 'c2-2-2', 'c2-2-3', 'c2-2-4',
  'c3-1', 'c3-1-1', 'c3-1-2', 'c3-1-3', 'c3-1-4', 'c3-1-5',
  'c3-2', 'c3-2-1', 'c3-2-2', 'c3-2-3', 'c3-2-4', 'c3-2-5', 'c3-2-6',
  'c3-3', 'c3-3-1', 'c3-3-2', 'c3-3-3', 'c3-3-4',
  'c3-4', 'c3-4-1', 'c3-4-2', 'c3-4-3', 'c3-4-4', 'c3-4-5',
  'c4-1', 'c4-1-1', 'c4-1-2', 'c4-1-3', 'c4-2', 'c4-3', 'c4-3-1', 'c4-3-2', 'c4-3-3', 'c4-3-4',
  'c5-1', 'c5-1-1', 'c5-1-2', 'c5-1-3', 'c5-2', 'c5-2-1', 'c5-2-2', 'c5-2-3',
  'c6-1', 'c6-1-1', 'c6-1-2', 'c6-1-3', 'c6-2', 'c6-2-1', 'c6-2-2',
]);

export type PolicyFile = 'appraisal.yaml' | 'bonus.yaml' | 'budget.yaml' | 'onboarding.yaml' | 'meta.yaml';

/** The shipped text of content/policy/<file>. */
export function policyText(file: PolicyFile): string {
  return readFileSync(new URL(`../../../content/policy/${file}`, import.meta.url), 'utf8');
}

/** The shipped file with an in-memory edit applied (comments and layout kept). */
export function policyVariant(file: PolicyFile, edit: (doc: Document) => void): string {
  const doc = parseDocument(policyText(file));
  edit(doc);
  return doc.toString();
}

/** The shipped policy parameters, read through their schemas. */
export function shippedPolicies() {
  const appraisal = parsePolicyYaml('appraisal.yaml', policyText('appraisal.yaml'), appraisalSchema(CLAUSE_IDS));
  const roles = new Set(appraisal.groups.map((g) => g.id));
  return {
    appraisal,
    bonus: parsePolicyYaml('bonus.yaml', policyText('bonus.yaml'), bonusSchema(CLAUSE_IDS)),
    budget: parsePolicyYaml('budget.yaml', policyText('budget.yaml'), budgetSchema(CLAUSE_IDS)),
    onboarding: parsePolicyYaml('onboarding.yaml', policyText('onboarding.yaml'), onboardingSchema(CLAUSE_IDS, roles)),
  };
}
