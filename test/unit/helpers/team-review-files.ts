/**
 * A team's 绩效自评 JSON files as employees would send them: `members` people (groups in turn),
 * each with twelve monthly self-reviews of `year`, values scattered around the targets.
 * Deterministic for a seed. Used by the 团队考核 tests and by `npm run bench` (scripts/bench-team.mjs).
 */
import { toJsonFile } from '../../../src/core/json-file';
import { seededRandom } from '../../../src/core/seeded-random';
import type { AppraisalPolicy } from '../../../src/core/policy-types';
import {
  SELF_REVIEW_STATE_VERSION,
  SELF_REVIEW_TOOL,
  emptyReview,
  plainNumber,
  type SelfReviewState,
} from '../../../src/tools/self-review/logic/state';

const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高';
const GIVEN = '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平';

/** The i-th member's name: 王伟, 李芳, … (distinct for i < 400). */
export function memberName(i: number): string {
  return `${SURNAMES[i % SURNAMES.length]}${GIVEN[Math.floor(i / SURNAMES.length) % GIVEN.length]}`;
}

/** One member's monthly 自评 with values around the targets. */
export function sampleMonth(
  appraisal: AppraisalPolicy,
  name: string,
  group: string,
  period: string,
  rand: () => number,
): SelfReviewState {
  const state = emptyReview(appraisal, group, period, name);
  for (const kpi of appraisal.groups.find((g) => g.id === group)?.kpis ?? []) {
    const f = 0.7 + rand() * 0.5; // 70 %–120 % of the target
    let v = kpi.direction === 'higher' ? kpi.target * f : kpi.target / f;
    if (kpi.unit === 'count') v = Math.round(v);
    if (kpi.unit === 'rating') v = Math.min(5, Math.max(1, Math.round(v)));
    if (kpi.unit === 'percent') v = Math.min(kpi.target >= 100 ? 1000 : 100, Math.round(v * 10) / 10);
    state.kpis[kpi.id] = { target: plainNumber(kpi.target), actual: plainNumber(v), comment: '' };
  }
  for (const item of appraisal.behaviour.items) {
    state.ratings[item.id] = String(3 + Math.floor(rand() * 3)) as '3' | '4' | '5';
  }
  state.summary = '本月按计划完成各项工作。';
  return state;
}

export interface TeamFilesOptions {
  readonly members?: number;
  readonly year?: number;
  readonly seed?: number;
}

/** members × 12 monthly 自评 as downloaded JSON files: { name, text }. */
export function teamSelfReviewFiles(
  appraisal: AppraisalPolicy,
  { members = 50, year = 2026, seed = 11 }: TeamFilesOptions = {},
): { name: string; text: string }[] {
  const rand = seededRandom(seed);
  const groups = appraisal.groups.filter((g) => g.id !== 'manager');
  const files: { name: string; text: string }[] = [];
  const savedAt = new Date(Date.UTC(year, 11, 31));
  for (let i = 0; i < members; i++) {
    const name = memberName(i);
    const group = groups[i % groups.length]!.id;
    for (let month = 1; month <= 12; month++) {
      const period = `${year}-${String(month).padStart(2, '0')}`;
      const state = sampleMonth(appraisal, name, group, period, rand);
      files.push({
        name: `绩效自评-${name}-${period}.json`,
        text: toJsonFile(SELF_REVIEW_TOOL, SELF_REVIEW_STATE_VERSION, state, savedAt),
      });
    }
  }
  return files;
}
