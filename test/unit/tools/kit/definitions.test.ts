// Every tool's definition, as the kit runs it: a fresh entry is blank, an edit is not, the derive
// slot computes, entries are keyed so an import updates instead of doubling, and the lazily loaded
// exports produce text (and CSV where the tool has a table).
import { describe, expect, test } from 'vitest';
import { shippedPolicies } from '../../helpers/policy-fixtures';
import { validateState } from '../../../../src/core/json-file';
import { overLimitFields } from '../../../../src/core/text-limit';
import { ENTRY_KEY, newEntryKey } from '../../../../src/tools/kit/logic/definition';
import {
  bonusTool,
  deriveBonus,
  outgoingBonus,
  type BonusContext,
} from '../../../../src/tools/bonus/logic/definition';
import { maxAppraisalScore } from '../../../../src/tools/self-review/logic/derive';
import { strings as bonusStrings } from '../../../../src/tools/bonus/ui/strings';
import {
  budgetContext,
  budgetRequestTool,
  draftName,
} from '../../../../src/tools/budget-request/logic/definition';
import { strings as budgetStrings } from '../../../../src/tools/budget-request/ui/strings';
import {
  reviewLabel,
  selfReviewTool,
  type SelfReviewContext,
} from '../../../../src/tools/self-review/logic/definition';
import { strings as reviewStrings } from '../../../../src/tools/self-review/ui/strings';
import { onboardingTool, type OnboardingContext } from '../../../../src/tools/onboarding/logic/definition';
import { strings as onboardingStrings } from '../../../../src/tools/onboarding/ui/strings';
import type { SelfReviewState } from '../../../../src/tools/self-review/logic/state';

const policies = shippedPolicies();

const bonusCtx = (reviews: BonusContext['reviews'] = [], reviewsRead = true): BonusContext => ({
  policy: policies.bonus,
  appraisal: policies.appraisal,
  maxScore: maxAppraisalScore(policies.appraisal),
  reviews,
  reviewsRead,
  labels: bonusStrings,
});

describe('entry keys', () => {
  test('a new key is letters and digits the store accepts, and two differ', () => {
    const a = newEntryKey('d', 1_700_000_000_000, () => 0.1);
    const b = newEntryKey('d', 1_700_000_000_000, () => 0.2);
    expect(a).toMatch(ENTRY_KEY);
    expect(a).not.toBe(b);
  });
});

describe('绩效奖金估算', () => {
  test('empty state validates and estimates nothing', () => {
    const empty = bonusTool.empty(bonusCtx(), null);
    expect(validateState(bonusTool.schema, empty).ok).toBe(true);
    expect(bonusTool.derive(empty, bonusCtx()).r.score).toBeNull();
  });

  test('a score from a saved 自评 is used, and the link carries it as typed', () => {
    const ctx = bonusCtx([
      {
        key: 'promotion-2026-03',
        groupName: '市场推广组',
        period: { kind: 'month', year: 2026, month: 3 },
        score: 90,
        grade: '优秀',
        complete: true,
      },
    ]);
    const state = {
      ...bonusTool.empty(ctx, 'default'),
      base: '2000',
      scoreMode: 'saved' as const,
      source: 'promotion-2026-03',
    };
    const view = deriveBonus(state, ctx);
    expect(view.r.score).toBe(90);
    expect(view.sourceLabel).toContain('市场推广组');
    const out = outgoingBonus(state, view);
    expect(out).toMatchObject({ scoreMode: 'typed', score: '90', source: '' });
  });

  test('a missing saved 自评 is reported only once the reviews were read', () => {
    const state = {
      ...bonusTool.empty(bonusCtx(), 'default'),
      scoreMode: 'saved' as const,
      source: 'gone-2026-01',
    };
    expect(deriveBonus(state, bonusCtx([], false)).sourceError).toBeNull();
    expect(deriveBonus(state, bonusCtx([], true)).sourceError).toBe(bonusStrings['source.missing']);
  });

  test('text export names the estimate', async () => {
    const ctx = bonusCtx();
    const state = { ...bonusTool.empty(ctx, 'default'), base: '2000', score: '80' };
    const x = await bonusTool.exports();
    expect(x.text(state, bonusTool.derive(state, ctx), ctx)).toContain('¥');
    expect(x.fileBase(state, ctx)).toBe(bonusStrings['tool.fileBase']);
  });
});

describe('预算申请单', () => {
  const ctx = budgetContext(policies.budget, budgetStrings, 'https://example.org/handbook');
  test('the server render is deterministic; a browser draft gets today', () => {
    expect(budgetRequestTool.empty(ctx, null)).toEqual(budgetRequestTool.empty(ctx, null));
    expect(budgetRequestTool.empty(ctx, null).date).toBe('');
    expect(budgetRequestTool.empty(ctx, 'd1').date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });
  test('blank until something is typed', () => {
    const empty = budgetRequestTool.empty(ctx, 'd1');
    expect(budgetRequestTool.isBlank!(empty, ctx)).toBe(true);
    expect(budgetRequestTool.isBlank!({ ...empty, project: '宣传' }, ctx)).toBe(false);
  });
  test('entries are drafts named by project; an import is a new draft', () => {
    const d = { ...budgetRequestTool.empty(ctx, 'd1'), project: '暑期招生' };
    if (budgetRequestTool.entries.kind !== 'many') throw new Error('many');
    expect(budgetRequestTool.entries.label(d, ctx)).toBe('暑期招生');
    expect(draftName({ ...d, project: '  ' }, budgetStrings)).toBe(budgetStrings['tool.unnamed']);
    expect(budgetRequestTool.entries.keyOf(d, ctx)).toBeNull();
    expect(budgetRequestTool.entries.newKey()).toMatch(/^d[a-z0-9]+$/);
  });
  test('text cites clauses with the site address; CSV has the header row', async () => {
    const d = {
      ...budgetRequestTool.empty(ctx, 'd1'),
      project: '暑期招生',
      category: 'promotion',
      lines: [{ id: 'l1', description: '海报', subcategory: '', quantity: '2', unit: '张', unitPrice: '10' }],
    };
    const view = budgetRequestTool.derive(d, ctx);
    expect(view.totalFen).toBe(2000);
    const x = await budgetRequestTool.exports();
    expect(x.text(d, view, ctx)).toContain('https://example.org/handbook/finance/#c6-1-1');
    expect(x.csv!(d, view, ctx).charCodeAt(0)).toBe(0xfeff);
    expect(x.fileBase(d, ctx)).toBe(`${budgetStrings['tool.fileBase']}-暑期招生`);
  });
});

describe('绩效自评', () => {
  const saved = new Map<string, SelfReviewState>();
  const ctx: SelfReviewContext = {
    policy: policies.appraisal,
    labels: reviewStrings,
    savedMonth: (group, year, month) =>
      saved.get(`${group}-${year}-${String(month).padStart(2, '0')}`) ?? null,
    lastName: () => '李四',
  };
  test('a new month carries the last name over; one with only the name is blank', () => {
    const st = selfReviewTool.empty(ctx, 'promotion-2026-03');
    expect(st).toMatchObject({ name: '李四', group: 'promotion', period: '2026-03' });
    expect(selfReviewTool.isBlank!(st, ctx)).toBe(true);
    expect(selfReviewTool.isBlank!({ ...st, summary: '完成' }, ctx)).toBe(false);
  });
  test('a new year takes the saved months of its group', () => {
    const march = { ...selfReviewTool.empty(ctx, 'promotion-2026-03'), ratings: {} };
    saved.set('promotion-2026-03', march);
    const year = selfReviewTool.empty(ctx, 'promotion-2026');
    expect(year.months[2]).not.toBe('');
    expect(year.months[0]).toBe('');
  });
  test('entries are keyed by group and period, so an import updates', () => {
    if (selfReviewTool.entries.kind !== 'many') throw new Error('many');
    const st = selfReviewTool.empty(ctx, 'crm-2026-02');
    expect(selfReviewTool.entries.keyOf(st, ctx)).toBe('crm-2026-02');
    expect(reviewLabel(st, ctx)).toBe('客户关系管理组 2026年2月');
    expect(selfReviewTool.entries.firstKey(ctx, '2026-07-15')).toBe(
      `${policies.appraisal.groups[0]!.id}-2026-07`,
    );
  });
  test('text and CSV', async () => {
    const st = selfReviewTool.empty(ctx, 'promotion-2026-03');
    const x = await selfReviewTool.exports();
    const r = selfReviewTool.derive(st, ctx);
    expect(x.text(st, r, ctx)).toContain('市场推广组');
    expect(x.csv!(st, r, ctx).charCodeAt(0)).toBe(0xfeff);
    expect(x.fileBase(st, ctx)).toBe(`${reviewStrings['tool.fileBase']}-市场推广组-2026-03`);
  });
});

describe('入职清单', () => {
  const ctx: OnboardingContext = {
    policy: policies.onboarding,
    roles: policies.appraisal.groups.map((g) => ({ id: g.id, name: g.name })),
    today: '2026-03-10',
    marks: {},
    chapterName: (slug) => slug,
    clauseLabel: (id) => id,
    labels: onboardingStrings,
  };
  test('a person is named, an import is a new person, and the text lists the items', async () => {
    const st = {
      ...onboardingTool.empty(ctx, null),
      name: '王五',
      role: 'promotion',
      startDate: '2026-03-02',
    };
    if (onboardingTool.entries.kind !== 'many') throw new Error('many');
    expect(onboardingTool.entries.label(st, ctx)).toBe('王五');
    expect(onboardingTool.entries.label({ ...st, name: '' }, ctx)).toBe(onboardingStrings['people.unnamed']);
    expect(onboardingTool.entries.keyOf(st, ctx)).toBeNull();
    expect(onboardingTool.entries.firstKey(ctx, '2026-03-10')).toBe('default');
    const view = onboardingTool.derive(st, ctx);
    expect(view.total).toBeGreaterThan(0);
    const x = await onboardingTool.exports();
    expect(x.text(st, view, ctx)).toContain('王五');
    expect(x.fileBase(st, ctx)).toBe(`${onboardingStrings['tool.fileBase']}-王五`);
  });
});

describe('every tool: a text over its limit is kept and named as the page labels it', () => {
  // The limits are declared once, in each schema (limitedText); the kit finds them from there.
  const over = (n: number) => '字'.repeat(n + 1);
  const reviewCtx: SelfReviewContext = {
    policy: policies.appraisal,
    labels: reviewStrings,
    savedMonth: () => null,
    lastName: () => '',
  };
  const onboardingCtx: OnboardingContext = {
    policy: policies.onboarding,
    roles: [],
    today: '2026-03-10',
    marks: {},
    chapterName: (slug) => slug,
    clauseLabel: (id) => id,
    labels: onboardingStrings,
  };
  const budgetCtx = budgetContext(policies.budget, budgetStrings, 'https://example.org/handbook');
  const named = <S, C>(def: { schema: unknown; fieldLabel?: (p: readonly PropertyKey[], c: C) => string | null }, state: S, ctx: C) => {
    expect(validateState(def.schema as never, state).ok).toBe(true);
    return overLimitFields(def.schema, state).map((f) => [def.fieldLabel!(f.path, ctx), f.count, f.limit]);
  };

  test.each([
    [
      '绩效自评 总体自评 (500)',
      () => named(selfReviewTool, { ...selfReviewTool.empty(reviewCtx, 'promotion-2026-03'), summary: over(500) }, reviewCtx),
      [['总体自评 / 年度总结', 501, 500]],
    ],
    [
      '预算申请单 用途说明 (2,000) and 项目名称 (100)',
      () =>
        named(
          budgetRequestTool,
          { ...budgetRequestTool.empty(budgetCtx, 'd1'), purpose: over(2000), project: over(100) },
          budgetCtx,
        ),
      [
        ['项目名称', 101, 100],
        ['用途说明', 2001, 2000],
      ],
    ],
    [
      '入职清单 姓名 (40)',
      () => named(onboardingTool, { ...onboardingTool.empty(onboardingCtx, 'p1'), name: over(40) }, onboardingCtx),
      [['姓名', 41, 40]],
    ],
    [
      '绩效奖金估算 月度奖金基数 (40)',
      () => named(bonusTool, { ...bonusTool.empty(bonusCtx(), null), base: over(40) }, bonusCtx()),
      [['月度奖金基数', 41, 40]],
    ],
  ])('%s', (_case, run, expected) => {
    expect(run()).toEqual(expected);
  });
});
