import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import type { AppraisalGroup, GradeBand, Kpi } from '../../../src/core/policy-types';
import { annualScore, behaviourScore, gradeFor, monthlyTotal, scoreKpi, weightedPerformance } from '../../../src/core/scoring';

/** Any number a reader or a bug could hand in, NaN and ±Infinity included. */
const anyNumber = fc.oneof(fc.double(), fc.constantFrom(0, -0, 1, 100, Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY));
const amount = fc.oneof(fc.double({ min: 0, max: 1e9, noNaN: true }), fc.constantFrom(0, 1, 2, 100));
/** A target the ratio rule can score against (above 0). */
const positive = fc.oneof(fc.double({ min: Number.MIN_VALUE, max: 1e9, noNaN: true }), fc.constantFrom(1, 2, 100));
const direction = fc.constantFrom('higher' as const, 'lower' as const);
const cap = fc.double({ min: 100, max: 200, noNaN: true });

describe('scoreKpi', () => {
  test('is finite and within [0, cap] for any input, or null exactly when the target is not above 0', () => {
    fc.assert(
      fc.property(direction, cap, anyNumber, anyNumber, (dir, c, actual, target) => {
        const s = scoreKpi({ direction: dir, scoring: { rule: 'ratio', cap: c } }, actual, target);
        expect(s === null).toBe(!(Number.isFinite(target) && target > 0));
        if (s === null) return;
        expect(Number.isFinite(s)).toBe(true);
        expect(s).toBeGreaterThanOrEqual(0);
        expect(s).toBeLessThanOrEqual(c);
      }),
    );
  });

  test('is exactly 100 on target', () => {
    fc.assert(
      fc.property(direction, cap, positive, (dir, c, target) => {
        expect(scoreKpi({ direction: dir, scoring: { rule: 'ratio', cap: c } }, target, target)).toBe(100);
      }),
    );
  });

  test('never falls as the actual value improves', () => {
    fc.assert(
      fc.property(direction, cap, positive, amount, amount, (dir, c, target, x, y) => {
        const kpi = { direction: dir, scoring: { rule: 'ratio' as const, cap: c } };
        const [lo, hi] = x <= y ? [x, y] : [y, x];
        const better = dir === 'higher' ? hi : lo;
        const worse = dir === 'higher' ? lo : hi;
        expect(scoreKpi(kpi, better, target)!).toBeGreaterThanOrEqual(scoreKpi(kpi, worse, target)!);
      }),
    );
  });

  test('never rises as the target gets harder', () => {
    fc.assert(
      fc.property(direction, cap, amount, positive, positive, (dir, c, actual, x, y) => {
        const kpi = { direction: dir, scoring: { rule: 'ratio' as const, cap: c } };
        const [lo, hi] = x <= y ? [x, y] : [y, x];
        const easier = dir === 'higher' ? lo : hi;
        const harder = dir === 'higher' ? hi : lo;
        expect(scoreKpi(kpi, actual, easier)!).toBeGreaterThanOrEqual(scoreKpi(kpi, actual, harder)!);
      }),
    );
  });
});

/** A group of 1–6 KPIs whose integer weights sum to 100. */
const groupArb = fc
  .array(fc.record({ direction, cap, target: positive, cut: fc.integer({ min: 0, max: 100 }) }), { minLength: 1, maxLength: 6 })
  .map((rows): AppraisalGroup => {
    const cuts = rows.slice(1).map((r) => r.cut).sort((a, b) => a - b);
    const bounds = [0, ...cuts, 100];
    const kpis = rows.map(
      (r, i): Kpi => ({
        id: `k${i}`,
        name: `K${i}`,
        clause: 'c4-1-1',
        unit: 'count',
        direction: r.direction,
        target: r.target,
        weight: bounds[i + 1]! - bounds[i]!,
        scoring: { rule: 'ratio', cap: r.cap },
      }),
    );
    return { id: 'g', name: 'G', clause: 'c4-1', kpis };
  });

describe('weightedPerformance', () => {
  test('stays within [0, highest cap]', () => {
    fc.assert(
      fc.property(groupArb, fc.array(fc.option(anyNumber), { minLength: 6, maxLength: 6 }), (group, actuals) => {
        const entries = Object.fromEntries(group.kpis.map((k, i) => [k.id, { actual: actuals[i] ?? null }]));
        const { score } = weightedPerformance(group, entries);
        const maxCap = Math.max(...group.kpis.map((k) => k.scoring.cap));
        expect(score).toBeGreaterThanOrEqual(0);
        expect(score).toBeLessThanOrEqual(maxCap + 0.005);
      }),
    );
  });

  test('never falls when one KPI improves', () => {
    fc.assert(
      fc.property(groupArb, fc.array(amount, { minLength: 6, maxLength: 6 }), amount, fc.nat(5), (group, actuals, delta, which) => {
        const i = which % group.kpis.length;
        const k = group.kpis[i]!;
        const base = Object.fromEntries(group.kpis.map((kpi, j) => [kpi.id, { actual: actuals[j]! }]));
        const a = actuals[i]!;
        const improved = k.direction === 'higher' ? a + delta : Math.max(0, a - delta);
        const better = { ...base, [k.id]: { actual: improved } };
        expect(weightedPerformance(group, better).score).toBeGreaterThanOrEqual(weightedPerformance(group, base).score);
      }),
    );
  });
});

describe('behaviourScore and monthlyTotal', () => {
  const items = ['a', 'b', 'c', 'd', 'e'].map((id) => ({ id, name: id, clause: 'c3-4', weight: 20 }));
  test('behaviour stays within [0, 100]; the monthly total within [0, max part]', () => {
    fc.assert(
      fc.property(fc.array(fc.option(anyNumber), { minLength: 5, maxLength: 5 }), anyNumber, fc.integer({ min: 0, max: 100 }), (rs, perf, share) => {
        const ratings = Object.fromEntries(items.map((it, i) => [it.id, rs[i] ?? null]));
        const b = behaviourScore(items, ratings).score;
        expect(b).toBeGreaterThanOrEqual(0);
        expect(b).toBeLessThanOrEqual(100);
        const t = monthlyTotal(perf, b, { performance: share, behaviour: 100 - share }).total;
        expect(Number.isFinite(t)).toBe(true);
        expect(t).toBeGreaterThanOrEqual(0);
        const p = Number.isFinite(perf) ? Math.max(0, perf) : 0;
        expect(t).toBeLessThanOrEqual(Math.max(p, b) + 0.01);
      }),
    );
  });
});

describe('gradeFor', () => {
  const bands: GradeBand[] = [
    { id: 'a', name: '优秀', min: 90 },
    { id: 'b', name: '良好', min: 80 },
    { id: 'c', name: '合格', min: 60 },
    { id: 'd', name: '待改进', min: 0 },
  ];
  test('a higher total never gets a lower grade', () => {
    fc.assert(
      fc.property(anyNumber, anyNumber, (x, y) => {
        fc.pre(!Number.isNaN(x) && !Number.isNaN(y));
        const [lo, hi] = x <= y ? [x, y] : [y, x];
        expect(gradeFor(hi, bands).min).toBeGreaterThanOrEqual(gradeFor(lo, bands).min);
      }),
    );
  });
});

describe('annualScore', () => {
  const month = fc.option(fc.oneof(fc.double({ min: 0, max: 120, noNaN: true }), fc.constant(Number.NaN)), { nil: null });
  test('lies between the lowest and highest input, and reports every missing month', () => {
    fc.assert(
      fc.property(
        fc.array(month, { maxLength: 14 }),
        fc.option(fc.double({ min: 0, max: 120, noNaN: true }), { nil: null }),
        fc.integer({ min: 0, max: 100 }),
        fc.integer({ min: 1, max: 12 }),
        (months, review, mw, minMonths) => {
          const r = annualScore(months, review, { monthlyWeight: mw, reviewWeight: 100 - mw, minMonths });
          const present = months.slice(0, 12).filter((m): m is number => m !== null && Number.isFinite(m));
          expect(r.monthsPresent).toBe(present.length);
          expect(r.missingMonths).toHaveLength(12 - present.length);
          expect(r.meetsMinimum).toBe(present.length >= minMonths);
          if (r.score !== null) {
            const inputs = [...present, ...(review !== null && mw < 100 ? [review] : [])];
            expect(r.score).toBeGreaterThanOrEqual(Math.min(...inputs) - 0.005);
            expect(r.score).toBeLessThanOrEqual(Math.max(...inputs) + 0.005);
          } else {
            expect(!r.meetsMinimum || r.reviewMissing).toBe(true);
          }
        },
      ),
    );
  });
});
