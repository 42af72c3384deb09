// Invariants of the 新员工签收 list: one row per person whatever arrives, twice or late; the newest
// 签收 of each person wins whatever the order of arrival; sorting puts everyone behind first.
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { personKey } from '../../../../src/core/person-key';
import type { SignoffPayload } from '../../../../src/tools/onboarding/logic/signoff';
import { signoffRows } from '../../../../src/tools/signoffs/logic/derive';
import { addSignoff, emptySignoffList, type SignoffList } from '../../../../src/tools/signoffs/logic/state';
import { strings as t } from '../../../../src/tools/signoffs/ui/strings';
import { shippedPolicies } from '../../helpers/policy-fixtures';

const { appraisal, onboarding } = shippedPolicies();
const roles = appraisal.groups.map((g) => ({ id: g.id, name: g.name }));

const payload = (name: string, startDay: number, doneIds: readonly string[]): SignoffPayload => {
  const start = `2026-03-${String(startDay).padStart(2, '0')}`;
  return {
    name,
    role: 'promotion',
    roleName: '市场推广组',
    mentor: '',
    startDate: start,
    policyVersion: '1.0',
    policyFingerprint: 'a1b2c3d4e5f6',
    date: start,
    done: Object.fromEntries(doneIds.map((id) => [id, start])),
    progress: { done: doneIds.length, total: 10, overdue: [] },
  };
};

const arrival = fc.record({
  name: fc.constantFrom('王芳', ' 王芳', '陈明', '李雷', 'ＬＩ雷'),
  startDay: fc.integer({ min: 1, max: 28 }),
  done: fc.subarray(onboarding.items.map((i) => i.id)),
  minute: fc.integer({ min: 0, max: 10_000 }),
});

function replyOf(a: { name: string; startDay: number; done: string[]; minute: number }) {
  return {
    payload: payload(a.name, a.startDay, a.done),
    at: new Date(Date.UTC(2026, 3, 1) + a.minute * 60_000).toISOString(),
    answers: '0123456789abcdef',
  };
}

describe('collecting 签收', () => {
  test('one row per person, holding their newest 签收, in any order of arrival', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(arrival, { selector: (a) => a.minute, maxLength: 12 }),
        fc.boolean(),
        (arrivals, twice) => {
          const replies = arrivals.map(replyOf);
          const collect = (order: typeof replies) =>
            order.reduce<SignoffList>((list, reply) => addSignoff(list, reply).list, emptySignoffList());
          const list = collect(twice ? [...replies, ...replies] : replies);
          const people = new Set(replies.map((r) => personKey(r.payload.name)));
          expect(list.records.length).toBe(people.size);
          for (const key of people) {
            const newest = replies
              .filter((r) => personKey(r.payload.name) === key)
              .reduce((a, b) => (a.at > b.at ? a : b));
            expect(list.records.find((r) => personKey(r.name) === key)?.at).toBe(newest.at);
          }
          // Arrival order does not matter (replies carry distinct times).
          const reversed = collect([...replies].reverse());
          const byKey = (l: SignoffList) =>
            [...l.records].sort((a, b) => (personKey(a.name) < personKey(b.name) ? -1 : 1));
          expect(byKey(reversed)).toEqual(byKey(list));
        },
      ),
    );
  });

  test('everyone behind comes before everyone not behind, most overdue first', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(arrival, { selector: (a) => a.minute, maxLength: 8 }),
        fc.integer({ min: 0, max: 90 }),
        (arrivals, offset) => {
          const list = arrivals
            .map(replyOf)
            .reduce<SignoffList>((l, r) => addSignoff(l, r).list, emptySignoffList());
          const today = new Date(Date.UTC(2026, 2, 1) + offset * 86_400_000).toISOString().slice(0, 10);
          const { rows, summary } = signoffRows(
            list,
            { policy: onboarding, roles, current: { version: '1.0', fingerprint: 'a1b2c3d4e5f6' }, since: {}, today },
            t,
          );
          const counts = rows.map((r) => r.overdue.length);
          expect(counts).toEqual([...counts].sort((a, b) => b - a));
          expect(summary.behind).toBe(rows.filter((r) => r.overdue.length > 0).length);
          for (const row of rows) {
            expect(row.done).toBeLessThanOrEqual(row.total);
            expect(row.overdue.every((o) => o.dueDate < today)).toBe(true);
          }
        },
      ),
    );
  });
});
