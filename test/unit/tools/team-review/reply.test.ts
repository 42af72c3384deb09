import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { fingerprintOf } from '../../../../src/core/fingerprint';
import type { AppraisalPolicy, BonusPolicy } from '../../../../src/core/policy-types';
import { selfReviewResult } from '../../../../src/tools/self-review/logic/derive';
import { emptyReview, type SelfReviewState } from '../../../../src/tools/self-review/logic/state';
import { deriveTeam, managerInput } from '../../../../src/tools/team-review/logic/derive';
import { fileReceived } from '../../../../src/tools/team-review/logic/receive';
import {
  REVIEW_REPLY_KIND,
  encodeReviewReply,
  makeReviewReply,
  readReviewReply,
  reviewReplyToJson,
} from '../../../../src/tools/team-review/logic/reply';
import { emptyTeamReview, recordKey } from '../../../../src/tools/team-review/logic/state';
import { strings } from '../../../../src/tools/team-review/ui/strings';
import { shippedPolicies } from '../../helpers/policy-fixtures';
import { sampleMonth } from '../../helpers/team-review-files';

const { appraisal, bonus } = shippedPolicies() as { appraisal: AppraisalPolicy; bonus: BonusPolicy };
const at = new Date('2026-04-03T10:00:00Z');

async function reviewed(self: SelfReviewState, edit: (m: ReturnType<typeof emptyTeamReview>['records'][string]['manager']) => void = () => {}) {
  const state = (await fileReceived(emptyTeamReview(), [{ ok: true, source: '1', self }], appraisal, strings, at)).state;
  const key = recordKey(self.name.trim(), self.period, self.group);
  edit(state.records[key]!.manager);
  return deriveTeam(state, { appraisal, bonus }).records.get(key)!;
}

/** This browser's saved 自评, as the page looks one up: by group and period. */
const ownOf =
  (...saved: SelfReviewState[]) =>
  (group: string, period: string) =>
    saved.find((s) => s.group === group && s.period === period) ?? null;

const LEGACY_R1 =
  'r1.self-review.hZHBSgMxEIZfRX7wlpV0a6XNc3hSPEx3p-3STbIkqVLKnoUKXsSTID6BFwVPrS-jtY8hqbR0exHmkD-Z-f4_zAxUVVDQ5MYcCjNMRmTyvrVjCDiuyikUHF8XfAOBYG0JBc_lINldkvE37DwUsrTT7_fSvM_dnAdnHB8DFFKZniXyNJHt85ZUMtaJlPICAhVNS0s51AzkPXuv2YSohs5OYrDM6djGrrD5DtWGwLgqfGwsmfLNIZAbcrTrymichQmVW5VZ_QcGaoFs4oPV7JLMmmt2vrCmAWh19gEb1QR4CoUfUBYOJ3sN616rMfn99Lx-_VzNF6uXj6Ne63gTxeqqpMKExFHgBivdR6UHGWoBR3Ff8eu1gLYmjDzUJSD-qyux3aiK2pBmKPzc363nbxDwE63Jxb2vHt-_Fg_r5XL1chvD5tYw1IBKz3X9Cw';

let seed = 7;
const rand = () => ((seed = (seed * 9301 + 49297) % 233280) / 233280);

describe('the reply to the employee', () => {
  test('names the 自评 it answers by fingerprint and carries the 上级评定 in the 绩效自评 shape', async () => {
    const self = sampleMonth(appraisal, '张三', 'promotion', '2026-03', rand);
    const r = await reviewed(self, (m) => {
      m.kpis['participants']!.actual = '300';
      m.comment = '活动人数以报名表为准';
      m.done = true;
    });
    const reply = makeReviewReply(r, at);
    expect(reply).toMatchObject({ tool: 'self-review', reply: REVIEW_REPLY_KIND, answers: await fingerprintOf(self), at: at.toISOString() });
    expect(reply.payload.done).toBe(true);
    expect(reply.payload.assessment).toMatchObject({ name: '张三', group: 'promotion', period: '2026-03', summary: '活动人数以报名表为准' });
    expect(reply.payload.assessment.kpis['participants']!.actual).toBe('300');
  });

  test('link and JSON both open in 绩效自评: same when unchanged, changed after an edit; scored by the same rule', async () => {
    const self = sampleMonth(appraisal, '张三', 'promotion', '2026-03', rand);
    const r = await reviewed(self, (m) => (m.ratings['quality'] = '1'));
    const reply = makeReviewReply(r, at);
    const link = await encodeReviewReply(reply);
    expect(link.ok).toBe(true);
    const fragment = link.ok ? link.fragment : '';
    expect(fragment).toMatch(/^[qr]1\.self-review\./);
    for (const text of [`https://example.org/tools/self-review/#${fragment}`, reviewReplyToJson(reply)]) {
      const read = await readReviewReply(text, ownOf(self), appraisal);
      expect(read).toMatchObject({ ok: true, own: { match: 'same' } });
      if (read.ok) {
        expect(read.reply).toEqual(reply);
        expect(read.result).toEqual(selfReviewResult(managerInput(r.record), appraisal));
        expect(read.result!.total).toBe(r.manager!.total);
        expect(read.own!.result).toEqual(selfReviewResult(self, appraisal));
      }
      const changed = { ...self, summary: `${self.summary}（已修改）` };
      expect(await readReviewReply(text, ownOf(changed), appraisal)).toMatchObject({ ok: true, own: { match: 'changed' } });
    }
  });

  // Which 自评 of this browser a reply is compared with: only the employee's own of the reply's
  // group and period; with none, the reply is shown alone (never against an empty form).
  describe.each([
    // a browser with nothing saved (the employee's phone)
    ['nothing saved', () => [], null],
    // the same period saved by someone else on a shared computer
    ['another person, same group and period', (s: SelfReviewState) => [{ ...s, name: '李四' }], null],
    // the person's other month
    ['the same person, another month', (s: SelfReviewState) => [{ ...s, period: '2026-04' }], null],
    // the person's 自评 of the period, as answered
    ['the 自评 answered', (s: SelfReviewState) => [s], 'same'],
    // the name written with other spacing is the same person
    ['the same person written with spaces', (s: SelfReviewState) => [{ ...s, name: ' 张三 ' }], 'changed'],
    // edited after the manager answered
    ['edited since', (s: SelfReviewState) => [{ ...s, kpis: { ...s.kpis, participants: { target: '', actual: '1', comment: '' } } }], 'changed'],
  ] as const)('own 自评: %s', (_what, saved, want) => {
    test(`→ ${want ?? 'shown alone'}`, async () => {
      const self = sampleMonth(appraisal, '张三', 'promotion', '2026-03', rand);
      const reply = makeReviewReply(await reviewed(self), at);
      const entries = saved(self) as SelfReviewState[];
      const read = await readReviewReply(reviewReplyToJson(reply), (group, period) => entries.find((e) => e.group === group && e.period === period) ?? null, appraisal);
      expect(read.ok).toBe(true);
      if (read.ok) expect(read.own?.match ?? null).toBe(want);
    });
  });

  test('the 上级说明 of each KPI rides in the reply and reads back', async () => {
    const self = sampleMonth(appraisal, '张三', 'promotion', '2026-03', rand);
    const r = await reviewed(self, (m) => (m.kpis['participants']!.comment = '以报名表为准，重复报名不计'));
    const link = await encodeReviewReply(makeReviewReply(r, at));
    const read = await readReviewReply(link.ok ? link.fragment : '', ownOf(self), appraisal);
    expect(read.ok && read.result?.kind === 'month' && read.result.rows.find((x) => x.kpi.id === 'participants')!.comment).toBe('以报名表为准，重复报名不计');
  });

  test('a reply link made before this release still opens, with its 上级说明', async () => {
    // Made by the 团队考核 of the first release (r1): 王芳, 客户关系管理组, 2026年3月, 满意度 93 → 91.
    const read = await readReviewReply(`https://example.org/tools/self-review/#${LEGACY_R1}`, () => null, appraisal);
    expect(read.ok).toBe(true);
    if (!read.ok || read.result?.kind !== 'month') return;
    expect(read.reply.payload.assessment).toMatchObject({ name: '王芳', group: 'crm', period: '2026-03', summary: '整体达标' });
    expect(read.result.rows.find((x) => x.kpi.id === 'satisfaction')).toMatchObject({ actual: 91, comment: '回访抽样 91%' });
    expect(read.own).toBeNull();
  });

  test('an annual reply carries the manager months', async () => {
    const months = Array.from({ length: 6 }, (_, i) => sampleMonth(appraisal, '李四', 'crm', `2026-0${i + 1}`, rand));
    const year = { ...emptyReview(appraisal, 'crm', '2026', '李四'), review: '90' };
    const state = (await fileReceived(emptyTeamReview(), [...months, year].map((self, i) => ({ ok: true as const, source: String(i), self })), appraisal, strings, at)).state;
    const r = deriveTeam(state, { appraisal, bonus }).records.get(recordKey('李四', '2026', 'crm'))!;
    const reply = makeReviewReply(r, at);
    expect(reply.payload.assessment.months.filter((m) => m !== '')).toHaveLength(6);
    const read = await readReviewReply(reviewReplyToJson(reply), ownOf(year), appraisal);
    expect(read.ok && read.result?.total).toBe(r.manager!.total);
  });

  test.each([
    ['not a reply', 'hello'],
    ['broken JSON', '{"app":'],
    ['a share link, not a reply', 'v1.self-review.e30'],
    ['a reply of another tool', JSON.stringify({ app: 'marketing-handbook', reply: 'approval', tool: 'budget-request', answers: '0123456789abcdef', at: '2026-04-03T10:00:00.000Z', payload: {} })],
    ['a reply of another kind', JSON.stringify({ app: 'marketing-handbook', reply: 'approval', tool: 'self-review', answers: '0123456789abcdef', at: '2026-04-03T10:00:00.000Z', payload: {} })],
    ['a review reply with a bad payload', JSON.stringify({ app: 'marketing-handbook', reply: 'review', tool: 'self-review', answers: '0123456789abcdef', at: '2026-04-03T10:00:00.000Z', payload: { done: 1 } })],
  ])('refuses %s with a Chinese message', async (_what, text) => {
    const read = await readReviewReply(text, ownOf(emptyReview(appraisal, 'promotion', '2026-03', '张三')), appraisal);
    expect(read.ok).toBe(false);
    if (!read.ok) expect(read.error).toMatch(/[\u4e00-\u9fff]/);
  });

  test('property: any text gives a result or a message, never a throw', async () => {
    const current = ownOf(emptyReview(appraisal, 'promotion', '2026-03', '张三'));
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.string(), fc.json()), async (text) => {
        const read = await readReviewReply(text, current, appraisal);
        expect(typeof read.ok).toBe('boolean');
      }),
      { numRuns: 100 },
    );
  });
});
