import { describe, expect, test } from 'vitest';
import type { AppraisalGroup, GradeBand, Kpi } from '../../../src/core/policy-types';
import {
  annualScore,
  behaviourScore,
  gradeFor,
  monthlyTotal,
  round2,
  scoreKpi,
  weightedPerformance,
} from '../../../src/core/scoring';
import { shippedPolicies } from '../helpers/policy-fixtures';

const higher = { direction: 'higher', scoring: { rule: 'ratio', cap: 120 } } as const;
const lower = { direction: 'lower', scoring: { rule: 'ratio', cap: 120 } } as const;

describe('scoreKpi', () => {
  test.each([
    // higher is better
    [higher, 500, 500, 100], // exactly on target
    [higher, 250, 500, 50], // half the target
    [higher, 550, 500, 110], // above target, under the cap
    [higher, 1000, 500, 120], // far above: capped
    [higher, 0, 500, 0], // nothing done
    [higher, 0, 0, null], // a zero target cannot be divided by: no score, a message
    [higher, 3, 0, null], // never the silent cap
    [higher, -10, 500, 0], // negative input counts as 0
    [higher, Number.NaN, 500, 0], // NaN counts as 0
    [higher, Number.POSITIVE_INFINITY, 500, 120], // absurdly large: cap
    [higher, 5, Number.NaN, null], // NaN target: no score
    [higher, 5, -2, null], // negative target: no score
    [higher, 5, Number.POSITIVE_INFINITY, null], // infinite target: no score
    // lower is better
    [lower, 2, 2, 100], // exactly on target
    [lower, 4, 2, 50], // twice the allowed complaint rate
    [lower, 1.8, 2, 111.11111111111111], // a little better than target
    [lower, 1, 2, 120], // half the target: capped
    [lower, 0, 2, 120], // no complaints at all: the best possible
    [lower, 0, 0, null], // zero target: no score
    [lower, 0.5, 0, null], // never the silent 0 (推广费用控制率 with target 0)
    [lower, Number.POSITIVE_INFINITY, 2, 0], // absurdly bad: 0
    // cap
    [{ direction: 'lower', scoring: { rule: 'ratio', cap: 100 } }, 80, 100, 100], // 费用控制: saving gives no bonus
    [{ direction: 'higher', scoring: { rule: 'ratio', cap: 50 } }, 80, 100, 80], // a cap below 100 is read as 100
    [{ direction: 'higher', scoring: { rule: 'ratio', cap: Number.NaN } }, 200, 100, 100], // a broken cap is read as 100
  ] as const)('%o actual %d target %d → %s', (kpi, actual, target, expected) => {
    const score = scoreKpi(kpi, actual, target);
    if (expected === null) expect(score).toBeNull();
    else expect(score).toBeCloseTo(expected, 10);
  });
});

const group: AppraisalGroup = {
  id: 'g',
  name: '测试组',
  clause: 'c4-1-1',
  kpis: [
    { id: 'a', name: 'A', clause: 'c4-1-1', unit: 'count', direction: 'higher', target: 100, weight: 30, scoring: { rule: 'ratio', cap: 120 } },
    { id: 'b', name: 'B', clause: 'c4-1-1', unit: 'percent', direction: 'higher', target: 10, weight: 30, scoring: { rule: 'ratio', cap: 120 } },
    { id: 'c', name: 'C', clause: 'c4-1-1', unit: 'count', direction: 'higher', target: 1000, weight: 20, scoring: { rule: 'ratio', cap: 120 } },
    { id: 'd', name: 'D', clause: 'c4-1-1', unit: 'percent', direction: 'lower', target: 100, weight: 20, scoring: { rule: 'ratio', cap: 100 } },
  ] satisfies Kpi[],
};

describe('weightedPerformance', () => {
  test.each([
    // all on target → 100
    [{ a: { actual: 100 }, b: { actual: 10 }, c: { actual: 1000 }, d: { actual: 100 } }, 100, []],
    // 90% everywhere sums to exactly 90, not 89.99999…
    [{ a: { actual: 90 }, b: { actual: 9 }, c: { actual: 900 }, d: { actual: 100 / 0.9 } }, 90, []],
    // all capped: 0.3×120 + 0.3×120 + 0.2×120 + 0.2×100
    [{ a: { actual: 999 }, b: { actual: 99 }, c: { actual: 99999 }, d: { actual: 1 } }, 116, []],
    // a personal target overrides the default
    [{ a: { actual: 50, target: 50 }, b: { actual: 10 }, c: { actual: 1000 }, d: { actual: 100 } }, 100, []],
    // missing values count as 0 and are reported
    [{ a: { actual: 100 }, b: { actual: null } }, 30, ['b', 'c', 'd']],
    // nothing entered
    [{}, 0, ['a', 'b', 'c', 'd']],
  ] as const)('%o → %d (missing %o)', (entries, score, missing) => {
    const r = weightedPerformance(group, entries);
    expect(r.score).toBe(score);
    expect(r.missing).toEqual(missing);
    expect(r.lines).toHaveLength(4);
  });

  test('lines show each KPI score and its weighted share', () => {
    const r = weightedPerformance(group, { a: { actual: 50 }, b: { actual: 12 } });
    expect(r.lines.map((l) => [l.kpi.id, l.target, l.score, l.weighted])).toEqual([
      ['a', 100, 50, 15],
      ['b', 10, 120, 36],
      ['c', 1000, null, 0],
      ['d', 100, null, 0],
    ]);
  });
});

describe('behaviourScore', () => {
  const items = shippedPolicies().appraisal.behaviour.items;
  test.each([
    // all 5 → full marks
    [{ discipline: 5, communication: 5, records: 5, quality: 5, learning: 5 }, 100, []],
    // all 4 → 80
    [{ discipline: 4, communication: 4, records: 4, quality: 4, learning: 4 }, 80, []],
    // mixed: 20×(5+4+3+2+1)/5
    [{ discipline: 5, communication: 4, records: 3, quality: 2, learning: 1 }, 60, []],
    // out of scale ratings are clamped to 1–5
    [{ discipline: 9, communication: 0, records: 5, quality: 5, learning: 5 }, 84, []],
    // missing ratings count as 0 and are reported
    [{ discipline: 5, communication: null }, 20, ['communication', 'records', 'quality', 'learning']],
    // NaN is a missing rating
    [{ discipline: Number.NaN, communication: 5, records: 5, quality: 5, learning: 5 }, 80, ['discipline']],
  ] as const)('%o → %d', (ratings, score, missing) => {
    const r = behaviourScore(items, ratings);
    expect(r.score).toBe(score);
    expect(r.missing).toEqual(missing);
  });
});

describe('monthlyTotal', () => {
  const split = { performance: 80, behaviour: 20 };
  test.each([
    // both full
    [100, 100, split, { performancePart: 80, behaviourPart: 20, total: 100 }],
    // capped performance can lift the total above 100
    [120, 100, split, { performancePart: 96, behaviourPart: 20, total: 116 }],
    // typical month
    [92.5, 80, split, { performancePart: 74, behaviourPart: 16, total: 90 }],
    // NaN / negative parts count as 0
    [Number.NaN, -5, split, { performancePart: 0, behaviourPart: 0, total: 0 }],
    // another split
    [50, 100, { performance: 70, behaviour: 30 }, { performancePart: 35, behaviourPart: 30, total: 65 }],
  ] as const)('业绩 %d 规范 %d %o → %o', (p, b, s, expected) => {
    expect(monthlyTotal(p, b, s)).toEqual(expected);
  });
});

describe('gradeFor', () => {
  const bands: GradeBand[] = [
    { id: 'excellent', name: '优秀', min: 90 },
    { id: 'good', name: '良好', min: 80 },
    { id: 'pass', name: '合格', min: 60 },
    { id: 'improve', name: '待改进', min: 0 },
  ];
  test.each([
    [116, '优秀'], // above 100 still the top band
    [90, '优秀'], // lower bound is inclusive
    [89.99, '良好'], // just below
    [80, '良好'],
    [79.5, '合格'],
    [60, '合格'],
    [59.99, '待改进'],
    [0, '待改进'],
    [-3, '待改进'], // below every bound: the lowest band
    [Number.NaN, '待改进'], // NaN: the lowest band
  ])('%d → %s', (total, name) => {
    expect(gradeFor(total, bands).name).toBe(name);
  });

  test('bands in any order', () => {
    expect(gradeFor(85, [...bands].reverse()).name).toBe('良好');
  });

  test('no bands is a programming error', () => {
    expect(() => gradeFor(50, [])).toThrow(RangeError);
  });
});

describe('annualScore', () => {
  const blend = { monthlyWeight: 70, reviewWeight: 30, minMonths: 6 };
  const full = Array<number>(12).fill(90);
  const withGaps = [80, null, 90, null, 100, 90, null, 80, 90, null, 100, 80];
  test.each([
    // twelve months of 90 and a review of 90
    [full, 90, blend, { score: 90, monthlyAverage: 90, monthsPresent: 12, missingMonths: [], meetsMinimum: true, reviewMissing: false }],
    // 0.7 × 90 + 0.3 × 60
    [full, 60, blend, { score: 81, monthlyAverage: 90, monthsPresent: 12, missingMonths: [], meetsMinimum: true, reviewMissing: false }],
    // missing months are left out of the average (710 ÷ 8), not counted as 0; 0.7 × 88.75 + 27 = 89.125
    [withGaps, 90, blend, { score: 89.13, monthlyAverage: 88.75, monthsPresent: 8, missingMonths: [2, 4, 7, 10], meetsMinimum: true, reviewMissing: false }],
    // five months: below the minimum of six → no annual score
    [[90, 90, 90, 90, 90], 90, blend, { score: null, monthlyAverage: 90, monthsPresent: 5, missingMonths: [6, 7, 8, 9, 10, 11, 12], meetsMinimum: false, reviewMissing: false }],
    // the review is missing → no annual score yet
    [full, null, blend, { score: null, monthlyAverage: 90, monthsPresent: 12, missingMonths: [], meetsMinimum: true, reviewMissing: true }],
    // a blend without review needs none
    [full, null, { monthlyWeight: 100, reviewWeight: 0, minMonths: 6 }, { score: 90, monthlyAverage: 90, monthsPresent: 12, missingMonths: [], meetsMinimum: true, reviewMissing: false }],
    // no months at all
    [[], 90, { ...blend, minMonths: 1 }, { score: null, monthlyAverage: null, monthsPresent: 0, missingMonths: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12], meetsMinimum: false, reviewMissing: false }],
    // NaN / Infinity months are missing; a 13th entry is ignored
    [[...full.slice(0, 10), Number.NaN, Number.POSITIVE_INFINITY, 0], 90, blend, { score: 90, monthlyAverage: 90, monthsPresent: 10, missingMonths: [11, 12], meetsMinimum: true, reviewMissing: false }],
  ] as const)('%o review %o', (months, review, b, expected) => {
    expect(annualScore(months, review, b)).toEqual(expected);
  });
});

describe('counterexamples found by the property tests', () => {
  test('a huge performance score does not overflow the monthly total to Infinity', () => {
    const { total } = monthlyTotal(1.3828408729710123e307, 0, { performance: 13, behaviour: 87 });
    expect(Number.isFinite(total)).toBe(true);
  });

  test('huge monthly totals do not overflow the annual average', () => {
    const r = annualScore(Array<number>(12).fill(1e308), 1e308, { monthlyWeight: 70, reviewWeight: 30, minMonths: 6 });
    expect(Number.isFinite(r.monthlyAverage)).toBe(true);
    expect(Number.isFinite(r.score)).toBe(true);
  });
});

test('round2', () => {
  expect(round2(89.99999999999999)).toBe(90);
  expect(round2(1.005)).toBe(1); // binary 1.005 is just below; documented half-up on the stored value
});

describe('weightedPerformance with a target that cannot be scored against', () => {
  test.each([0, -1, Number.NaN])('target %d: no score, listed as missing and as a bad target', (target) => {
    const r = weightedPerformance(group, { a: { actual: 50, target } });
    const line = r.lines.find((l) => l.kpi.id === 'a')!;
    expect(line).toMatchObject({ actual: 50, score: null, weighted: 0 });
    expect(r.badTargets).toEqual(['a']);
    expect(r.missing).toContain('a');
  });
});
