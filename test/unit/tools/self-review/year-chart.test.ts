import { describe, expect, test } from 'vitest';
import type { AppraisalPolicy } from '../../../../src/core/policy-types';
import { gradeFor } from '../../../../src/core/scoring';
import { gradeTone, yearChartPoints } from '../../../../src/tools/self-review/logic/year-chart';
import { shippedPolicies } from '../../helpers/policy-fixtures';

const { appraisal } = shippedPolicies() as { appraisal: AppraisalPolicy };
const grades = appraisal.grades;
/** The lower bound of each band, from the policy: a total exactly on it has that grade. */
const band = (i: number) => grades[i]!;

const months = (values: readonly (number | null)[]) =>
  Array.from({ length: 12 }, (_, i) => ({ month: i + 1, value: values[i] ?? null }));

describe('yearChartPoints', () => {
  test('twelve points; a month not filled has no score, no grade and no source', () => {
    const points = yearChartPoints(months([88, null, 75]), [], grades);
    expect(points).toHaveLength(12);
    expect(points.map((p) => p.month)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    expect(points[1]).toEqual({ month: 2, score: null, grade: null, source: null });
    expect(points.slice(3).every((p) => p.score === null && p.grade === null)).toBe(true);
  });

  // Each band's lower bound (appraisal.yaml grades) and just below it: never hard-coded here.
  test.each(grades.map((g, i) => [g.name, i] as const))('grade %s from the policy thresholds', (_name, i) => {
    const at = band(i).min;
    const [p] = yearChartPoints(months([at]), [], grades);
    expect(p!.grade).toEqual(band(i));
    if (i < grades.length - 1) {
      const [below] = yearChartPoints(months([at - 0.01]), [], grades);
      expect(below!.grade).not.toEqual(band(i));
      expect(below!.grade).toEqual(gradeFor(at - 0.01, grades));
    }
  });

  test("a month equal to this browser's saved month is 'saved'; another number is 'typed'", () => {
    const saved = [{ total: 88, complete: true }, { total: 70, complete: false }, null];
    const points = yearChartPoints(months([88, 71, 60]), saved, grades);
    expect(points.slice(0, 3).map((p) => p.source)).toEqual(['saved', 'typed', 'typed']);
  });

  test('a month typed but refused (value null) counts as not filled', () => {
    const [p] = yearChartPoints([{ month: 1, value: null }], [{ total: 80, complete: true }], grades);
    expect(p).toMatchObject({ score: null, grade: null, source: null });
  });
});

describe('gradeTone', () => {
  test('highest band 0, lowest 3, the others between (whatever the number of bands)', () => {
    const tones = grades.map((g) => gradeTone(g, grades));
    expect(tones[0]).toBe(0);
    expect(tones.at(-1)).toBe(3);
    expect(tones).toEqual([...tones].sort());
    const five = [...grades, { id: 'x', name: 'x', min: 70 }];
    expect(five.map((g) => gradeTone(g, five)).at(-2)).toBe(3);
  });
});
