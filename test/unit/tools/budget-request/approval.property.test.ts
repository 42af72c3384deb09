// Invariants of the approval chain: whatever the approvers decide, the status follows the first
// decision that is not 同意; replies apply once; a new revision never matches an old reply.
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { strings as t } from '../../../../src/tools/budget-request/ui/strings';
import { deriveRequest } from '../../../../src/tools/budget-request/logic/derive';
import {
  blankDraft,
  DECISIONS,
  type BudgetRequestDraft,
  type Decision,
} from '../../../../src/tools/budget-request/logic/state';
import {
  applyApprovalReply,
  approvalProgress,
  checkStep,
  makeApprovalReply,
  revisionFingerprint,
  startRevision,
} from '../../../../src/tools/budget-request/logic/approval';
import { shippedPolicies } from '../../helpers/policy-fixtures';

const { budget } = shippedPolicies();

function request(unitPrice: string): BudgetRequestDraft {
  return {
    ...blankDraft({ department: '市场部', fiscalYear: 2026, date: '2026-03-02', firstLineId: 'l1' }),
    applicant: '张三',
    project: '推广',
    category: 'office',
    purpose: '办公',
    fields: { usage: '耗材' },
    lines: [{ id: 'l1', description: '纸', subcategory: '', quantity: '1', unit: '箱', unitPrice }],
    complete: true,
  };
}

const amount = fc.integer({ min: 1, max: 200_000 }).map(String);
const decisions = fc.array(fc.constantFrom<Decision>(...DECISIONS), { minLength: 1, maxLength: 3 });

describe('walking any chain with any decisions', () => {
  test('the status is set by the first decision that is not 同意; each reply applies once', async () => {
    await fc.assert(
      fc.asyncProperty(amount, decisions, async (price, wanted) => {
        let draft = request(price);
        const chain = deriveRequest(draft, budget, t).chain;
        const fingerprint = await revisionFingerprint(draft);
        let decided = 0;
        for (const decision of wanted.slice(0, chain.length)) {
          const step = chain[decided]!;
          const form = { step: step.id, name: '甲', decision, comment: '意见', date: '2026-03-04' };
          const made = await makeApprovalReply(draft, chain, form, t);
          if (!made.ok) throw new Error(JSON.stringify(made.errors));
          const first = applyApprovalReply(draft, made.reply, { chain, fingerprint }, t);
          if (!first.ok) throw new Error(first.error);
          const again = applyApprovalReply(first.draft, made.reply, { chain, fingerprint }, t);
          expect(again.ok && again.added).toEqual([]);
          draft = first.draft;
          decided += 1;
          if (decision !== 'approve') break;
        }
        const taken = wanted.slice(0, decided);
        const stop = taken.find((d) => d !== 'approve');
        const progress = approvalProgress(draft, chain);
        const expected =
          stop === 'return'
            ? 'returned'
            : stop === 'reject'
              ? 'rejected'
              : decided === chain.length
                ? 'approved'
                : 'pending';
        expect(progress.status.kind).toBe(expected);
        expect(progress.steps.filter((s) => s.state === 'next').length).toBe(expected === 'pending' ? 1 : 0);
        // No step after the last decided one can be decided unless the chain is still open.
        const later = chain[decided];
        if (later) expect(checkStep(draft, chain, later.id, t).ok).toBe(expected === 'pending');
      }),
      { numRuns: 40 },
    );
  });

  test('a new revision has another fingerprint and keeps the decisions in its history', async () => {
    await fc.assert(
      fc.asyncProperty(amount, fc.integer({ min: 1, max: 5 }), async (price, times) => {
        let draft = request(price);
        const chain = deriveRequest(draft, budget, t).chain;
        const seen = new Set<string>([await revisionFingerprint(draft)]);
        for (let i = 0; i < times; i++) {
          const made = await makeApprovalReply(
            draft,
            chain,
            { step: chain[0]!.id, name: '甲', decision: 'return', comment: '改', date: '2026-03-04' },
            t,
          );
          if (!made.ok) throw new Error('expected a reply');
          const next = startRevision(made.forward);
          expect(next.revision).toBe(draft.revision + 1);
          expect(next.approvals).toEqual([]);
          expect(next.history.at(-1)).toEqual({
            revision: draft.revision,
            approvals: made.forward.approvals,
          });
          const fp = await revisionFingerprint(next);
          expect(seen.has(fp)).toBe(false);
          seen.add(fp);
          // The old reply is refused on the new revision.
          expect(applyApprovalReply(next, made.reply, { chain, fingerprint: fp }, t).ok).toBe(false);
          draft = next;
        }
      }),
      { numRuns: 25 },
    );
  });
});
