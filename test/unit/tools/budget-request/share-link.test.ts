// A 100-line 预算申请单 with Chinese line descriptions fits in a compressed link
// and opens with the same total. Figures are printed for the report (uncompressed vs compressed).
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { strings as t } from '../../../../src/tools/budget-request/ui/strings';
import { deriveRequest } from '../../../../src/tools/budget-request/logic/derive';
import {
  BUDGET_REQUEST_TOOL,
  BUDGET_REQUEST_VERSION,
  blankDraft,
  draftSchema,
  migrateDraft,
  newId,
  type BudgetRequestDraft,
} from '../../../../src/tools/budget-request/logic/state';
import {
  MAX_SHARE_LENGTH,
  decodeShareAny,
  encodeShareCompressed,
} from '../../../../src/core/share-link';
import { makeApprovalReply, startRevision } from '../../../../src/tools/budget-request/logic/approval';
import { shippedPolicies } from '../../helpers/policy-fixtures';
import { plainShareLink } from '../../helpers/plain-share-link';

const { budget } = shippedPolicies();
const policyText = readFileSync(new URL('../../../fixtures/policy-zh.txt', import.meta.url), 'utf8').replace(
  /\s+/g,
  '',
);

/** Distinct 12-character runs of the policy text, in order. */
function descriptions(count: number): string[] {
  const runs = new Set<string>();
  for (let at = 0; runs.size < count && at + 12 <= policyText.length; at += 12)
    runs.add(policyText.slice(at, at + 12));
  if (runs.size < count) throw new Error(`policy text gives only ${runs.size} runs`);
  return [...runs];
}

/** A deterministic stand-in for Math.random (line ids are random in the tool). */
function seeded(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s * 1103515245 + 12345) % 2 ** 31;
    return s / 2 ** 31;
  };
}

/** A filled promotion request of `count` lines, as the tool saves it (ids from newId). */
function request(count: number): BudgetRequestDraft {
  const random = seeded(count);
  const start = Date.UTC(2026, 2, 2, 9);
  const subcategories = budget.categories.find((c) => c.id === 'promotion')?.subcategories ?? [];
  return {
    ...blankDraft({
      department: '市场部',
      fiscalYear: budget.fiscalYear,
      date: '2026-03-02',
      firstLineId: 'l0',
    }),
    applicant: '张三',
    project: '暑期招生推广',
    category: 'promotion',
    purpose: '暑期班招生推广活动的物料、场地与广告投放',
    fields: { goal: '报名 200 人', channels: '公众号、地推', content: '体验课', schedule: '7 月' },
    lines: descriptions(count).map((description, i) => ({
      id: newId('l', start + i * 7_000, random),
      description,
      subcategory: subcategories[i % subcategories.length] ?? '',
      quantity: String((i % 9) + 1),
      unit: ['场', '份', '小时', '个'][i % 4] ?? '',
      unitPrice: `¥${((i * 37) % 500) + 20}.${i % 10}0`,
    })),
  };
}

describe('a whole budget request in a link', () => {
  test.each([29, 100, 200])('%d lines: measured lengths', async (count) => {
    const draft = request(count);
    const plain = plainShareLink(BUDGET_REQUEST_TOOL, BUDGET_REQUEST_VERSION, { ...draft, lines: [] });
    const json = JSON.stringify(draft);
    const compressed = await encodeShareCompressed(BUDGET_REQUEST_TOOL, BUDGET_REQUEST_VERSION, draft);
    const plainLength = `v1.${BUDGET_REQUEST_TOOL}.`.length + Math.ceil((Buffer.byteLength(json) * 4) / 3);
    const compressedLength = compressed.ok ? compressed.fragment.length : (compressed.length ?? NaN);
    console.log(
      `${count} lines: JSON ${json.length} chars, plain link ${plainLength}, compressed ${compressedLength}`,
    );
    expect(plain.length).toBeLessThanOrEqual(MAX_SHARE_LENGTH);
    expect(compressedLength).toBeLessThan(plainLength / 2);
  });

  test('100 lines fit under the limit and open with the same state and total', async () => {
    const draft = request(100);
    expect(plainShareLink(BUDGET_REQUEST_TOOL, BUDGET_REQUEST_VERSION, draft).length).toBeGreaterThan(MAX_SHARE_LENGTH); // the plain form cannot
    const link = await encodeShareCompressed(BUDGET_REQUEST_TOOL, BUDGET_REQUEST_VERSION, draft);
    if (!link.ok) throw new Error(link.error);
    expect(link.fragment.startsWith(`z${BUDGET_REQUEST_VERSION}.budget-request.`)).toBe(true);
    expect(link.fragment.length).toBeLessThanOrEqual(MAX_SHARE_LENGTH);
    const opened = await decodeShareAny(
      link.fragment,
      BUDGET_REQUEST_TOOL,
      BUDGET_REQUEST_VERSION,
      draftSchema,
    );
    if (!opened.ok) throw new Error(opened.error);
    expect(opened.state).toEqual(draft);
    const total = deriveRequest(draft, budget, t).totalFen;
    expect(total).toBeGreaterThan(0);
    expect(deriveRequest(opened.state, budget, t).totalFen).toBe(total);
  });

  test('200 lines do not fit, and the message says how much does', async () => {
    const result = await encodeShareCompressed(BUDGET_REQUEST_TOOL, BUDGET_REQUEST_VERSION, request(200));
    if (result.ok) throw new Error('200 lines were expected not to fit');
    expect(result.limit).toBe(MAX_SHARE_LENGTH);
    expect(result.length).toBeGreaterThan(MAX_SHARE_LENGTH);
    const percent = Math.floor((MAX_SHARE_LENGTH / (result.length ?? 0)) * 100);
    expect(result.error).toContain(`约能放下 ${percent}%`);
    expect(result.error).toContain('链接最多 6,000 字符');
    expect(result.error).toContain('下载 JSON');
  });
});

describe('a 100-line request with its decisions in a link', () => {
  /** The request as each approver receives it, decisions so far included. */
  async function decided(
    draft: BudgetRequestDraft,
    steps: readonly (readonly [string, 'approve' | 'return', string])[],
  ) {
    let next = draft;
    for (const [step, decision, comment] of steps) {
      const form = { step, name: '王经理', decision, comment, date: '2026-03-04' } as const;
      const made = await makeApprovalReply(next, deriveRequest(next, budget, t).chain, form, t);
      if (!made.ok) throw new Error(JSON.stringify(made.errors));
      next = made.forward;
    }
    return next;
  }

  test.each([
    // [case, decisions before the link is made, revisions before]
    [
      'at 总经理: 市场经理 and 财务部 decided',
      [
        ['manager', 'approve', '同意，请控制成本'],
        ['finance', 'approve', '预算内，同意'],
      ],
      0,
    ],
    [
      'approved by all three',
      [
        ['manager', 'approve', '同意'],
        ['finance', 'approve', '同意'],
        ['ceo', 'approve', '同意'],
      ],
      0,
    ],
    ['revision 2 after a 退回, at 财务部', [['manager', 'approve', '同意']], 1],
  ] as const)('%s: fits and opens with the same total and decisions', async (_case, steps, revisions) => {
    let draft = request(100);
    for (let r = 0; r < revisions; r++) {
      draft = await decided(draft, [
        ['manager', 'approve', '同意'],
        ['finance', 'return', '请把物料单价逐项核实后再报'],
      ]);
      draft = startRevision(draft);
    }
    draft = await decided(draft, steps);
    const link = await encodeShareCompressed(BUDGET_REQUEST_TOOL, BUDGET_REQUEST_VERSION, draft);
    if (!link.ok) throw new Error(link.error);
    console.log(`100 lines, ${_case}: compressed ${link.fragment.length}`);
    expect(link.fragment.length).toBeLessThanOrEqual(MAX_SHARE_LENGTH);
    const opened = await decodeShareAny(
      link.fragment,
      BUDGET_REQUEST_TOOL,
      BUDGET_REQUEST_VERSION,
      draftSchema,
      {
        migrate: migrateDraft,
      },
    );
    if (!opened.ok) throw new Error(opened.error);
    expect(opened.state.approvals).toEqual(draft.approvals);
    expect(deriveRequest(opened.state, budget, t).totalFen).toBe(deriveRequest(draft, budget, t).totalFen);
  });
});
