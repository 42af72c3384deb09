import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { fingerprintOf } from '../../../../src/core/fingerprint';
import { toJsonFile } from '../../../../src/core/json-file';
import { encodeShareCompressed } from '../../../../src/core/share-link';
import { plainShareLink } from '../../helpers/plain-share-link';
import {
  SELF_REVIEW_STATE_VERSION,
  SELF_REVIEW_TOOL,
  emptyReview,
  type SelfReviewState,
} from '../../../../src/tools/self-review/logic/state';
import {
  fileReceived,
  readFiles,
  readLinks,
  receiveFiles,
  receiveLinks,
} from '../../../../src/tools/team-review/logic/receive';
import { emptyTeamReview, recordKey } from '../../../../src/tools/team-review/logic/state';
import { strings } from '../../../../src/tools/team-review/ui/strings';
import { shippedPolicies } from '../../helpers/policy-fixtures';
import { sampleMonth } from '../../helpers/team-review-files';

const { appraisal } = shippedPolicies();
const now = new Date('2026-04-02T09:00:00Z');

function review(name: string, period = '2026-03', group = 'promotion', actual = '480'): SelfReviewState {
  const s = emptyReview(appraisal, group, period, name);
  const first = Object.keys(s.kpis)[0]!;
  s.kpis[first] = { ...s.kpis[first]!, actual };
  return s;
}
const link = async (s: SelfReviewState) => {
  const r = await encodeShareCompressed(SELF_REVIEW_TOOL, SELF_REVIEW_STATE_VERSION, s);
  if (!r.ok) throw new Error(r.error);
  return r.fragment;
};
const plainLink = (s: SelfReviewState) => plainShareLink(SELF_REVIEW_TOOL, SELF_REVIEW_STATE_VERSION, s);
const file = (name: string, s: unknown) => ({ name, text: toJsonFile(SELF_REVIEW_TOOL, SELF_REVIEW_STATE_VERSION, s, now) });

describe('receiving links', () => {
  test('many lines: compressed and plain links and whole addresses load; bad lines are listed with their line and reason', async () => {
    const text = [
      `https://handbook.example/tools/self-review/#${await link(review('张三'))}`,
      '',
      plainLink(review('李四')),
      'not a link',
      `#${await link(review('王五', '2026'))}`,
      'v1.budget-request.eyJ9',
      '   ',
    ].join('\n');
    const r = await receiveLinks(emptyTeamReview(), text, appraisal, strings, now);
    expect(r.added).toEqual([recordKey('张三', '2026-03'), recordKey('李四', '2026-03'), recordKey('王五', '2026')]);
    expect(r.updated).toEqual([]);
    expect(r.failed).toEqual([
      { source: '第 4 行', reason: expect.stringMatching(/链接/) },
      { source: '第 6 行', reason: expect.any(String) },
    ]);
    const record = r.state.records[recordKey('张三', '2026-03')]!;
    expect(record).toMatchObject({ person: '张三', receivedAt: now.toISOString(), self: review('张三') });
    expect(record.fingerprint).toBe(await fingerprintOf(review('张三')));
  });

  test('the same person and period updates, never doubles; the manager changes stay and the 评定 is to be done again', async () => {
    const first = await receiveLinks(emptyTeamReview(), await link(review('张三')), appraisal, strings, now);
    const key = recordKey('张三', '2026-03');
    const edited = structuredClone(first.state);
    edited.records[key]!.manager.comment = '请补充活动数据';
    edited.records[key]!.manager.done = true;
    const again = await receiveLinks(edited, await link(review(' 张 三 ', '2026-03', 'promotion', '520')), appraisal, strings, now);
    expect(Object.keys(again.state.records)).toEqual([key]);
    expect(again.updated).toEqual([key]);
    expect(again.state.records[key]!.manager).toMatchObject({ comment: '请补充活动数据', done: false });
    const same = await receiveLinks(again.state, await link(review(' 张 三 ', '2026-03', 'promotion', '520')), appraisal, strings, now);
    expect(same).toMatchObject({ added: [], updated: [], unchanged: [key] });
    expect(same.state.records[key]).toBe(again.state.records[key]);
  });

  test('a 自评 without a name, with a name over its limit, or of an unknown group is refused', async () => {
    const noName = review('  ');
    const unknown = { ...review('赵六'), group: 'sales' };
    // The name keys the member: a 自评 keeps a name over its limit, but it cannot be filed.
    const longName = review('张'.repeat(41));
    const r = await fileReceived(
      emptyTeamReview(),
      [
        { ok: true, source: 'a', self: noName },
        { ok: true, source: 'b', self: unknown },
        { ok: true, source: 'c', self: longName },
      ],
      appraisal,
      strings,
      now,
    );
    expect(r.failed).toEqual([
      { source: 'a', reason: strings['receive.noName'] },
      { source: 'b', reason: strings['receive.unknownGroup'] },
      { source: 'c', reason: '自评的员工姓名超过 40 字，无法归入成员；请员工删减姓名后重新发送' },
    ]);
    expect(r.state.records).toEqual({});
  });

  test('readLinks never rejects, whatever the text', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string(), async (text) => {
        const read = await readLinks(text, strings);
        for (const r of read) expect(r.ok).toBe(false);
      }),
      { numRuns: 100 },
    );
  });
});

describe('receiving files', () => {
  test('good files load; an empty file, another tool, broken JSON and a bad field are listed by file name', async () => {
    const files = [
      file('张三-3月.json', review('张三')),
      { name: 'empty.json', text: '  ' },
      { name: 'budget.json', text: toJsonFile('budget-request', 1, {}, now) },
      { name: 'broken.json', text: '{"app":' },
      file('bad.json', { ...review('李四'), period: '2026-13' }),
    ];
    const r = await receiveFiles(emptyTeamReview(), files, appraisal, strings, now);
    expect(r.added).toEqual([recordKey('张三', '2026-03')]);
    expect(r.failed.map((f) => f.source)).toEqual(['empty.json', 'budget.json', 'broken.json', 'bad.json']);
    expect(r.failed[0]!.reason).toBe(strings['receive.emptyFile']);
    for (const f of r.failed) expect(f.reason).toMatch(/[\u4e00-\u9fff]/);
  });

  test('within one batch the later file wins and the record counts once', async () => {
    const r = await receiveFiles(
      emptyTeamReview(),
      [file('a.json', review('张三', '2026-03', 'promotion', '400')), file('b.json', review('张三', '2026-03', 'promotion', '410'))],
      appraisal,
      strings,
      now,
    );
    const key = recordKey('张三', '2026-03');
    expect(r.added).toEqual([key]);
    expect(r.updated).toEqual([]);
    expect(Object.values(r.state.records[key]!.self.kpis)[0]!.actual).toBe('410');
  });

  test('property: any sequence of 自评 gives one record per person and period, holding the last one sent', async () => {
    const names = ['张三', '李四', ' 张三', 'ＡＢ', 'ab'];
    const periods = ['2026-01', '2026-02', '2026'];
    const item = fc.record({ name: fc.constantFrom(...names), period: fc.constantFrom(...periods), seed: fc.nat(1000) });
    await fc.assert(
      fc.asyncProperty(fc.array(fc.array(item, { maxLength: 6 }), { minLength: 1, maxLength: 3 }), async (batches) => {
        let state = emptyTeamReview();
        const last = new Map<string, SelfReviewState>();
        for (const batch of batches) {
          const received = batch.map((b, i) => {
            let seed = b.seed;
            const self = sampleMonth(appraisal, b.name, 'crm', b.period, () => ((seed = (seed * 9301 + 49297) % 233280) / 233280));
            last.set(recordKey(b.name.normalize('NFKC').replace(/\s+/g, '').toLowerCase(), b.period), self);
            return { ok: true as const, source: String(i), self };
          });
          state = (await fileReceived(state, received, appraisal, strings, now)).state;
        }
        expect(Object.keys(state.records).sort()).toEqual([...last.keys()].sort());
        for (const [key, self] of last) expect(state.records[key]!.self).toEqual(self);
      }),
      { numRuns: 60 },
    );
  });

  test('readFiles reads what receiveFiles files', () => {
    const [read] = readFiles([file('x.json', review('张三'))], strings);
    expect(read).toEqual({ ok: true, source: 'x.json', self: review('张三') });
  });
});
