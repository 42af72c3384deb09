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
  countReceipts,
  fileReceived,
  readFiles,
  readLinks,
  receiveFiles,
  receiveLinks,
} from '../../../../src/tools/team-review/logic/receive';
import { MAX_RECORDS, emptyTeamReview, recordKey, type TeamReviewState } from '../../../../src/tools/team-review/logic/state';
import type { ReceiveResult } from '../../../../src/tools/team-review/logic/receive';
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
/** The keys of one outcome, in the order received. */
const keysOf = (r: ReceiveResult, outcome: 'added' | 'updated' | 'unchanged') =>
  r.receipts.flatMap((x) => (x.outcome === outcome ? [x.key] : []));
const refusedOf = (r: ReceiveResult) =>
  r.receipts.flatMap((x) => (x.outcome === 'refused' ? [{ source: x.source, reason: x.reason }] : []));
const key = (name: string, period = '2026-03', group = 'promotion') => recordKey(name, period, group);
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
    expect(keysOf(r, 'added')).toEqual([key('张三'), key('李四'), key('王五', '2026')]);
    expect(keysOf(r, 'updated')).toEqual([]);
    expect(refusedOf(r)).toEqual([
      { source: '第 4 行', reason: expect.stringMatching(/链接/) },
      // Another tool's share link is named, with the page it opens.
      { source: '第 6 行', reason: '这是预算申请单的分享链接，请在浏览器中直接打开：它会打开预算申请单' },
    ]);
    expect(r.receipts.map((x) => x.source)).toEqual(['第 1 行', '第 3 行', '第 4 行', '第 5 行', '第 6 行']);
    expect(r.receipts[4]).toMatchObject({ foreign: { opensAt: 'budget-request', page: '预算申请单', fragment: 'v1.budget-request.eyJ9' } });
    const record = r.state.records[key('张三')]!;
    expect(record).toMatchObject({ person: '张三', receivedAt: now.toISOString(), self: review('张三') });
    expect(record.fingerprint).toBe(await fingerprintOf(review('张三')));
  });

  test('the same person and period updates, never doubles; the manager changes stay and the 评定 is to be done again', async () => {
    const first = await receiveLinks(emptyTeamReview(), await link(review('张三')), appraisal, strings, now);
    const k = key('张三');
    const edited = structuredClone(first.state);
    edited.records[k]!.manager.comment = '请补充活动数据';
    edited.records[k]!.manager.done = true;
    const again = await receiveLinks(edited, await link(review(' 张 三 ', '2026-03', 'promotion', '520')), appraisal, strings, now);
    expect(Object.keys(again.state.records)).toEqual([k]);
    expect(again.receipts).toEqual([{ outcome: 'updated', source: '第 1 行', key: k }]);
    expect(again.changed).toEqual([k]);
    expect(again.state.records[k]!.manager).toMatchObject({ comment: '请补充活动数据', done: false });
    const same = await receiveLinks(again.state, await link(review(' 张 三 ', '2026-03', 'promotion', '520')), appraisal, strings, now);
    expect(same.receipts).toEqual([{ outcome: 'unchanged', source: '第 1 行', key: k }]);
    expect(same.changed).toEqual([]);
    expect(same.state.records[k]).toBe(again.state.records[k]);
  });

  test('five links, two of one name and period in two 考核组: five records, each line accounted for', async () => {
    const five = [
      review('张伟', '2026-03', 'promotion'),
      review('张伟', '2026-03', 'crm', '30'),
      review('李芳'),
      review('王敏', '2026-03', 'analytics', '95'),
      review('陈静', '2026-03', 'crm', '40'),
    ];
    const text = (await Promise.all(five.map(link))).join('\n');
    const r = await receiveLinks(emptyTeamReview(), text, appraisal, strings, now);
    expect(countReceipts(r.receipts)).toEqual({ added: 5, updated: 0, unchanged: 0, refused: 0 });
    expect(Object.keys(r.state.records)).toHaveLength(5);
    expect(r.state.records[key('张伟', '2026-03', 'promotion')]!.self).toEqual(five[0]);
    expect(r.state.records[key('张伟', '2026-03', 'crm')]!.self).toEqual(five[1]);
  });

  test('a record past MAX_RECORDS is refused with the reason, never dropped unsaid', async () => {
    const base = await receiveLinks(emptyTeamReview(), await link(review('张三')), appraisal, strings, now);
    const record = base.state.records[key('张三')]!;
    const full: TeamReviewState = {
      ...base.state,
      records: Object.fromEntries(Array.from({ length: MAX_RECORDS }, (_, i) => [key(`成员${i}`), record])),
    };
    const r = await receiveLinks(full, await link(review('新人')), appraisal, strings, now);
    expect(refusedOf(r)).toEqual([{ source: '第 1 行', reason: expect.stringContaining(String(MAX_RECORDS)) }]);
    expect(Object.keys(r.state.records)).toHaveLength(MAX_RECORDS);
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
    expect(refusedOf(r)).toEqual([
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
    expect(keysOf(r, 'added')).toEqual([key('张三')]);
    expect(refusedOf(r).map((f) => f.source)).toEqual(['empty.json', 'budget.json', 'broken.json', 'bad.json']);
    expect(refusedOf(r)[0]!.reason).toBe(strings['receive.emptyFile']);
    for (const f of refusedOf(r)) expect(f.reason).toMatch(/[\u4e00-\u9fff]/);
  });

  test('within one batch the later file wins; each file has its receipt, the record is changed once', async () => {
    const r = await receiveFiles(
      emptyTeamReview(),
      [file('a.json', review('张三', '2026-03', 'promotion', '400')), file('b.json', review('张三', '2026-03', 'promotion', '410'))],
      appraisal,
      strings,
      now,
    );
    const k = key('张三');
    expect(r.receipts).toEqual([
      { outcome: 'added', source: 'a.json', key: k },
      { outcome: 'updated', source: 'b.json', key: k },
    ]);
    expect(r.changed).toEqual([k]);
    expect(Object.values(r.state.records[k]!.self.kpis)[0]!.actual).toBe('410');
  });

  test('property: any sequence of 自评 gives one record per person, period and 考核组, holding the last one sent', async () => {
    const names = ['张三', '李四', ' 张三', 'ＡＢ', 'ab'];
    const periods = ['2026-01', '2026-02', '2026'];
    const groups = ['crm', 'promotion'];
    const item = fc.record({ name: fc.constantFrom(...names), period: fc.constantFrom(...periods), group: fc.constantFrom(...groups), seed: fc.nat(1000) });
    await fc.assert(
      fc.asyncProperty(fc.array(fc.array(item, { maxLength: 6 }), { minLength: 1, maxLength: 3 }), async (batches) => {
        let state = emptyTeamReview();
        const last = new Map<string, SelfReviewState>();
        for (const batch of batches) {
          const received = batch.map((b, i) => {
            let seed = b.seed;
            const self = sampleMonth(appraisal, b.name, b.group, b.period, () => ((seed = (seed * 9301 + 49297) % 233280) / 233280));
            last.set(recordKey(b.name.normalize('NFKC').replace(/\s+/g, '').toLowerCase(), b.period, b.group), self);
            return { ok: true as const, source: String(i), self };
          });
          state = (await fileReceived(state, received, appraisal, strings, now)).state;
        }
        expect(Object.keys(state.records).sort()).toEqual([...last.keys()].sort());
        for (const [k, self] of last) expect(state.records[k]!.self).toEqual(self);
      }),
      { numRuns: 60 },
    );
  });

  test('readFiles reads what receiveFiles files', () => {
    const [read] = readFiles([file('x.json', review('张三'))], strings);
    expect(read).toEqual({ ok: true, source: 'x.json', self: review('张三') });
  });
});
