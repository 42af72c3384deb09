import { describe, expect, test } from 'vitest';
import type { AppraisalPolicy, BonusPolicy } from '../../../../src/core/policy-types';
import { gradeFor } from '../../../../src/core/scoring';
import {
  emptyReview,
  plainNumber,
  type SelfReviewState,
} from '../../../../src/tools/self-review/logic/state';
import { deriveTeam } from '../../../../src/tools/team-review/logic/derive';
import { fileReceived } from '../../../../src/tools/team-review/logic/receive';
import {
  emptyTeamReview,
  recordKey,
  type TeamReviewState,
} from '../../../../src/tools/team-review/logic/state';
import { yearGrid } from '../../../../src/tools/team-review/logic/year-grid';
import { strings } from '../../../../src/tools/team-review/ui/strings';
import { shippedPolicies } from '../../helpers/policy-fixtures';

const { appraisal, bonus } = shippedPolicies() as { appraisal: AppraisalPolicy; bonus: BonusPolicy };
const policies = { appraisal, bonus };
const fives = Object.fromEntries(
  appraisal.behaviour.items.map((i) => [i.id, '5']),
) as SelfReviewState['ratings'];

function month(name: string, period: string, share = 1, group = 'promotion'): SelfReviewState {
  const s = emptyReview(appraisal, group, period, name);
  for (const k of appraisal.groups.find((g) => g.id === group)!.kpis) {
    const v = k.direction === 'higher' ? k.target * share : k.target / share;
    s.kpis[k.id] = {
      target: plainNumber(k.target),
      actual: plainNumber(k.unit === 'count' ? Math.round(v) : v),
      comment: '',
    };
  }
  return { ...s, ratings: { ...fives } };
}

async function team(selfs: SelfReviewState[]): Promise<TeamReviewState> {
  const received = selfs.map((self, i) => ({ ok: true as const, source: String(i), self }));
  return (
    await fileReceived(emptyTeamReview(), received, appraisal, strings, new Date('2026-06-01T00:00:00Z'))
  ).state;
}

const records = (state: TeamReviewState) => deriveTeam(state, policies).records.values();

describe('yearGrid', () => {
  test('one row per member, twelve cells; months without a record are empty', async () => {
    const state = await team([
      month('张三', '2026-01'),
      month('张三', '2026-03', 0.8),
      month('李四', '2026-02'),
    ]);
    const grid = yearGrid(records(state), 2026);
    expect(grid.year).toBe(2026);
    expect(grid.rows.map((r) => r.name)).toEqual(['李四', '张三']);
    const zhang = grid.rows.find((r) => r.name === '张三')!;
    expect(zhang.cells).toHaveLength(12);
    expect(zhang.cells.map((c) => c.key !== null)).toEqual([
      true,
      false,
      true,
      false,
      false,
      false,
      false,
      false,
      false,
      false,
      false,
      false,
    ]);
    expect(zhang.cells[1]).toMatchObject({ month: 2, key: null, score: null, grade: null, scoredBy: null });
    expect(zhang.cells[0]!.key).toBe(recordKey('张三', '2026-01', 'promotion'));
  });

  test('the grade is the policy grade of the score (appraisal.yaml thresholds)', async () => {
    const state = await team([0.5, 0.8, 0.95, 1.1].map((share, i) => month('张三', `2026-0${i + 1}`, share)));
    const cells = yearGrid(records(state), 2026).rows[0]!.cells.slice(0, 4);
    for (const c of cells) expect(c.grade).toEqual(gradeFor(c.score!, appraisal.grades));
    expect(new Set(cells.map((c) => c.grade!.id)).size).toBeGreaterThan(1);
  });

  test('the 上级评定 is used once marked done, else the 自评 (marked as such)', async () => {
    const state = await team([month('张三', '2026-01'), month('张三', '2026-02')]);
    const done = state.records[recordKey('张三', '2026-01', 'promotion')]!;
    done.manager = {
      ...done.manager,
      done: true,
      ratings: Object.fromEntries(Object.keys(done.manager.ratings).map((k) => [k, '1'])),
    };
    const derived = deriveTeam(state, policies).records;
    const [jan, feb] = yearGrid(derived.values(), 2026).rows[0]!.cells;
    const janR = derived.get(recordKey('张三', '2026-01', 'promotion'))!;
    expect(jan).toMatchObject({ scoredBy: 'manager', score: janR.manager!.total });
    expect(jan!.score).toBeLessThan(janR.self!.total!);
    const febR = derived.get(recordKey('张三', '2026-02', 'promotion'))!;
    expect(feb).toMatchObject({ scoredBy: 'self', score: febR.self!.total, grade: febR.self!.grade });
  });

  test('one name in two 考核组 is two rows, each named with its group', async () => {
    const state = await team([
      month('张三', '2026-01'),
      month('张三', '2026-02', 1, 'crm'),
      month('李四', '2026-01'),
    ]);
    const rows = yearGrid(records(state), 2026).rows;
    expect(rows).toHaveLength(3);
    const zhang = rows.filter((r) => r.name === '张三');
    expect(zhang.map((r) => r.groupId).sort()).toEqual(['crm', 'promotion']);
    expect(zhang.every((r) => r.sharedName)).toBe(true);
    expect(rows.find((r) => r.name === '李四')!.sharedName).toBe(false);
  });

  test('years with month records, newest first; an unknown year shows the newest; annual records are not cells', async () => {
    const year = { ...emptyReview(appraisal, 'promotion', '2026', '张三'), review: '90' };
    const state = await team([month('张三', '2025-12'), month('张三', '2026-01'), year]);
    const grid = yearGrid(records(state), 2030);
    expect(grid.years).toEqual([2026, 2025]);
    expect(grid.year).toBe(2026);
    expect(grid.rows[0]!.cells.filter((c) => c.key !== null)).toHaveLength(1);
    expect(yearGrid(records(state), 2025).rows[0]!.cells[11]!.key).toBe(
      recordKey('张三', '2025-12', 'promotion'),
    );
  });

  test('an empty team: no rows, no years', () => {
    expect(yearGrid([], null)).toEqual({ year: null, years: [], rows: [] });
  });
});
