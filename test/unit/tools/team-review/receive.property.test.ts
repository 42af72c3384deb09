// Every pasted line and every file is accounted for: one receipt each, in order, as 新增 / 更新 /
// 未变化 / 未收下 (with a reason), and the counts add up to what was sent.
import fc from 'fast-check';
import { beforeAll, describe, expect, test } from 'vitest';
import { encodeShareCompressed } from '../../../../src/core/share-link';
import { toJsonFile } from '../../../../src/core/json-file';
import { SELF_REVIEW_STATE_VERSION, SELF_REVIEW_TOOL, emptyReview, type SelfReviewState } from '../../../../src/tools/self-review/logic/state';
import { countReceipts, receiveFiles, receiveLinks, type ReceiveResult } from '../../../../src/tools/team-review/logic/receive';
import { emptyTeamReview, type TeamReviewState } from '../../../../src/tools/team-review/logic/state';
import { strings } from '../../../../src/tools/team-review/ui/strings';
import { shippedPolicies } from '../../helpers/policy-fixtures';

const { appraisal } = shippedPolicies();
const now = new Date('2026-04-02T09:00:00Z');

/** A small pool of 自评: names shared across 考核组 and periods, two versions of each, a nameless one. */
const selfs: SelfReviewState[] = [];
for (const name of ['张伟', '李芳', ' 张 伟 ', ''])
  for (const group of ['promotion', 'crm'])
    for (const period of ['2026-03', '2026'])
      for (const actual of ['10', '20']) {
        const s = emptyReview(appraisal, group, period, name);
        const first = Object.keys(s.kpis)[0]!;
        s.kpis[first] = { ...s.kpis[first]!, actual };
        selfs.push(s);
      }
/** Lines that are not a 自评 of this site: garbage, another tool's link, a cut link, a reply. */
const strangers = ['不是链接', 'v1.budget-request.eyJ9', 'z1.self-review.', 'r1.onboarding.AAAA', '谢谢经理'];
let links: string[] = [];

beforeAll(async () => {
  links = await Promise.all(
    selfs.map(async (s) => {
      const r = await encodeShareCompressed(SELF_REVIEW_TOOL, SELF_REVIEW_STATE_VERSION, s);
      if (!r.ok) throw new Error(r.error);
      return r.fragment;
    }),
  );
});

/** The invariants of one receive of `sent` items into `before`. */
function accounted(before: TeamReviewState, sources: readonly string[], r: ReceiveResult): void {
  expect(r.receipts.map((x) => x.source)).toEqual(sources);
  const counts = countReceipts(r.receipts);
  expect(counts.added + counts.updated + counts.unchanged + counts.refused).toBe(sources.length);
  for (const x of r.receipts) {
    if (x.outcome === 'refused') expect(x.reason).toMatch(/[\u4e00-\u9fff]/);
    else expect(r.state.records[x.key]).toBeDefined();
  }
  // The records made are the ones counted as 新增 for the first time; none is lost.
  const made = new Set(r.receipts.flatMap((x) => (x.outcome === 'added' ? [x.key] : [])));
  expect(Object.keys(r.state.records).length).toBe(Object.keys(before.records).length + made.size);
  const touched = new Set(r.receipts.flatMap((x) => (x.outcome === 'added' || x.outcome === 'updated' ? [x.key] : [])));
  expect(new Set(r.changed)).toEqual(touched);
  expect(r.changed).toHaveLength(touched.size);
}

describe('every line and file is accounted for', () => {
  test('property: pasted lines (links, words, blank lines) → one receipt per non-blank line', async () => {
    const line = fc.oneof(
      fc.nat(selfs.length - 1).map((i) => ({ text: links[i]!, blank: false })),
      fc.nat(selfs.length - 1).map((i) => ({ text: `https://handbook.example/tools/self-review/#${links[i]!} 谢谢经理`, blank: false })),
      fc.constantFrom(...strangers).map((text) => ({ text, blank: false })),
      fc.constantFrom('', '   ').map((text) => ({ text, blank: true })),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(fc.array(line, { maxLength: 8 }), { minLength: 1, maxLength: 2 }), async (batches) => {
        let state = emptyTeamReview();
        for (const batch of batches) {
          const sources = batch.flatMap((l, i) => (l.blank ? [] : [`第 ${i + 1} 行`]));
          const r = await receiveLinks(state, batch.map((l) => l.text).join('\n'), appraisal, strings, now);
          accounted(state, sources, r);
          state = r.state;
        }
      }),
      { numRuns: 50 },
    );
  });

  test('property: dropped files (good, empty, broken, another tool) → one receipt per file', async () => {
    const one = fc.oneof(
      fc.nat(selfs.length - 1).map((i) => toJsonFile(SELF_REVIEW_TOOL, SELF_REVIEW_STATE_VERSION, selfs[i], now)),
      fc.constantFrom('', '{"app":', toJsonFile('budget-request', 1, {}, now)),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(one, { maxLength: 8 }), async (texts) => {
        const files = texts.map((text, i) => ({ name: `自评-${i}.json`, text }));
        const r = await receiveFiles(emptyTeamReview(), files, appraisal, strings, now);
        accounted(emptyTeamReview(), files.map((f) => f.name), r);
      }),
      { numRuns: 50 },
    );
  });
});
