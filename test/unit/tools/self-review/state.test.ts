import { describe, expect, test } from 'vitest';
import { MAX_KEPT_TEXT } from '../../../../src/core/text-limit';
import { validateState } from '../../../../src/core/json-file';
import {
  emptyReview,
  formatPeriod,
  monthKeysOfYear,
  monthOf,
  parsePeriod,
  parseReviewKey,
  plainNumber,
  reviewKey,
  selfReviewStateSchema,
} from '../../../../src/tools/self-review/logic/state';
import { shippedPolicies } from '../../helpers/policy-fixtures';

const { appraisal } = shippedPolicies();

describe('periods and keys', () => {
  test.each([
    ['2026-03-31', '2026-03'],
    ['2026-12-01', '2026-12'],
    ['2027-01-15', '2027-01'],
  ])('the month of %s is %s', (day, period) => {
    expect(formatPeriod(monthOf(day))).toBe(period);
  });

  test.each([
    ['2026-03', { kind: 'month', year: 2026, month: 3 }],
    ['2026-12', { kind: 'month', year: 2026, month: 12 }],
    ['2026', { kind: 'year', year: 2026 }],
    ['2026-13', null], // no 13th month
    ['2026-00', null],
    ['2026-3', null], // months are two digits
    ['26', null],
    ['', null],
  ] as const)('parsePeriod(%s)', (text, expected) => {
    expect(parsePeriod(text)).toEqual(expected);
    if (expected) expect(formatPeriod(expected)).toBe(text);
  });

  test.each([
    ['promotion', '2026-03', 'promotion-2026-03'],
    ['promotion', '2026', 'promotion-2026'],
    ['team-2025', '2026', 'team-2025-2026'], // a group id with digits in it
    ['a-b-c', '2026-11', 'a-b-c-2026-11'],
  ])('reviewKey(%s, %s) round-trips', (group, period, key) => {
    expect(reviewKey(group, period)).toBe(key);
    expect(parseReviewKey(key)).toEqual({ group, period });
  });

  test.each(['promotion', '2026-03', 'Promotion-2026', 'promotion-2026-13', 'promotion_2026', '-2026'])(
    'parseReviewKey(%s) is null',
    (key) => expect(parseReviewKey(key)).toBeNull(),
  );

  test('the twelve month keys of a year', () => {
    const keys = monthKeysOfYear('crm', 2026);
    expect(keys).toHaveLength(12);
    expect(keys[0]).toBe('crm-2026-01');
    expect(keys[11]).toBe('crm-2026-12');
  });

  test.each([
    [100000, '100000'],
    [12.5, '12.5'],
    [86.456, '86.46'],
    [0, '0'],
    [Number.NaN, ''],
  ])('plainNumber(%d) = %s', (n, text) => expect(plainNumber(n)).toBe(text));
});

describe('emptyReview', () => {
  test('prefills the targets of the group from the parameters', () => {
    const state = emptyReview(appraisal, 'promotion', '2026-03', '张三');
    const group = appraisal.groups.find((g) => g.id === 'promotion')!;
    expect(Object.keys(state.kpis)).toEqual(group.kpis.map((k) => k.id));
    for (const kpi of group.kpis) expect(state.kpis[kpi.id]).toEqual({ target: String(kpi.target), actual: '', comment: '' });
    expect(state).toMatchObject({ name: '张三', group: 'promotion', period: '2026-03', review: '', summary: '', ratings: {} });
    expect(state.months).toEqual(Array(12).fill(''));
    expect(validateState(selfReviewStateSchema, state).ok).toBe(true);
  });

  test('an unknown group has no KPIs', () => {
    expect(emptyReview(appraisal, 'nope', '2026').kpis).toEqual({});
  });
});

describe('selfReviewStateSchema refuses tampered data', () => {
  const good = emptyReview(appraisal, 'crm', '2026-04');
  test.each([
    ['rating outside 1–5', { ...good, ratings: { discipline: '6' } }, 'ratings'],
    ['eleven months', { ...good, months: Array(11).fill('') }, 'months'],
    ['bad period', { ...good, period: '2026-13' }, 'period'],
    ['group with spaces', { ...good, group: 'a b' }, 'group'],
    // text over its limit is kept (the form says so); only a tampered length is refused
    ['a name longer than any field keeps', { ...good, name: 'x'.repeat(MAX_KEPT_TEXT + 1) }, 'name'],
    ['a comment longer than any field keeps', { ...good, summary: 'x'.repeat(MAX_KEPT_TEXT + 1) }, 'summary'],
    ['number for text', { ...good, review: 5 }, 'review'],
    ['ratings as a list', { ...good, ratings: ['1'] }, 'ratings'],
    ['kpis as an empty list', { ...good, kpis: [] }, 'kpis'],
    ['too many KPIs', { ...good, kpis: Object.fromEntries(Array.from({ length: 61 }, (_, i) => [`k${i}`, { target: '', actual: '', comment: '' }])) }, 'kpis'],
  ])('%s', (_, data, field) => {
    const result = validateState(selfReviewStateSchema, data);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.field?.[0]).toBe(field);
  });
});
