import * as v from 'valibot';
import { describe, expect, test } from 'vitest';
import { FINGERPRINT_LENGTH, fingerprintOf } from '../../../../src/core/fingerprint';
import { emptyReview } from '../../../../src/tools/self-review/logic/state';
import {
  FINGERPRINT,
  emptyTeamReview,
  managerReviewFrom,
  migrateTeamReview,
  parseRecordKey,
  personKey,
  rebaseManagerReview,
  recordKey,
  sharedNames,
  teamReviewStateSchema,
  type MemberRecord,
} from '../../../../src/tools/team-review/logic/state';
import { shippedPolicies } from '../../helpers/policy-fixtures';

const { appraisal } = shippedPolicies();

describe('personKey', () => {
  test.each([
    ['张三', '张三'],
    [' 张 三 ', '张三'], // spaces around and inside
    ['张\u3000三', '张三'], // ideographic space
    ['Ｌｉ Ｌｅｉ', 'lilei'], // full-width Latin, case folded
    ['Li Lei', 'lilei'],
    ['   ', ''], // nothing left
  ])('%j → %j', (name, key) => expect(personKey(name)).toBe(key));
});

describe('record keys', () => {
  test('round-trip: period, 考核组 and person', () => {
    expect(recordKey('张三', '2026-03', 'promotion')).toBe('2026-03|promotion|张三');
    expect(parseRecordKey('2026-03|promotion|张三')).toEqual({ period: '2026-03', group: 'promotion', person: '张三' });
    expect(parseRecordKey('2026|crm|a|b')).toEqual({ period: '2026', group: 'crm', person: 'a|b' });
  });
  test('the same name and period in two 考核组 are two keys', () =>
    expect(recordKey('张伟', '2026-03', 'promotion')).not.toBe(recordKey('张伟', '2026-03', 'crm')));
  test.each([
    '张三',
    '2026-13|promotion|张三',
    '2026-03|promotion|',
    '|promotion|张三',
    '2026-03|张三', // version 1's form: migrated on load, never read as a key
    '2026-03|Promotion|张三',
  ])('%j is not a record key', (key) => expect(parseRecordKey(key)).toBeNull());
});

describe('version 1 → 2', () => {
  test('records are re-keyed by person, period and 考核组; the rest is kept; the result is valid', () => {
    const self = emptyReview(appraisal, 'crm', '2026-03', '张三');
    const record = { person: '张三', self, fingerprint: '0123456789abcdef', receivedAt: '2026-04-01T08:00:00.000Z', manager: managerReviewFrom(self) };
    const old = { records: { '2026-03|张三': record }, defaultBase: '2000', period: '2026-03' };
    const migrated = migrateTeamReview(old, 1);
    expect(migrated).toEqual({ ...old, records: { '2026-03|crm|张三': record }, targets: {} });
    expect(v.safeParse(teamReviewStateSchema, migrated).success).toBe(true);
  });
  test('no other version is migrated', () => expect(() => migrateTeamReview({}, 0)).toThrow());
});

describe('version 2 → 3', () => {
  test('an old team opens with its records and no targets set; the result is valid', () => {
    const self = emptyReview(appraisal, 'crm', '2026-03', '张三');
    const record = { person: '张三', self, fingerprint: '0123456789abcdef', receivedAt: '2026-04-01T08:00:00.000Z', manager: managerReviewFrom(self) };
    const old = { records: { '2026-03|crm|张三': record }, defaultBase: '2000', period: '2026-03' };
    const migrated = migrateTeamReview(old, 2);
    expect(migrated).toEqual({ ...old, targets: {} });
    expect(v.safeParse(teamReviewStateSchema, migrated).success).toBe(true);
  });
  test('a version 2 team is not valid as it is (the version was bumped)', () =>
    expect(v.safeParse(teamReviewStateSchema, { records: {}, defaultBase: '', period: '' }).success).toBe(false));
});

describe('sharedNames', () => {
  test('the records of one name and period in two 考核组 are named with their 考核组; others are not', () => {
    const rec = (name: string, period: string, group: string) => {
      const self = emptyReview(appraisal, group, period, name);
      return { key: recordKey(name, period, group), record: { person: name, self, fingerprint: '0123456789abcdef', receivedAt: '2026-04-01T08:00:00.000Z', manager: managerReviewFrom(self) } };
    };
    const all = [rec('张伟', '2026-03', 'promotion'), rec('张伟', '2026-03', 'crm'), rec('张伟', '2026-04', 'crm'), rec('李四', '2026-03', 'crm')];
    expect(sharedNames(all)).toEqual(new Set([all[0]!.key, all[1]!.key]));
  });
});

describe('the 上级评定 of a new record', () => {
  test('starts from the employee values, with no comment and not done', () => {
    const self = emptyReview(appraisal, 'promotion', '2026-03', '张三');
    self.kpis['participants'] = { target: '500', actual: '480', comment: '自评说明' };
    self.ratings['discipline'] = '4';
    const m = managerReviewFrom(self);
    expect(m.kpis['participants']).toEqual({ target: '500', actual: '480', comment: '' });
    expect(m.ratings).toEqual({ discipline: '4' });
    expect(m).toMatchObject({ comment: '', bonusBase: '', done: false });
  });

  test('after a new 自评: what the manager changed stays, the rest follows the new values', () => {
    const old = emptyReview(appraisal, 'promotion', '2026-03', '张三');
    old.kpis['participants'] = { target: '500', actual: '480', comment: '' };
    old.kpis['brand-exposure'] = { target: '100000', actual: '90000', comment: '' };
    old.ratings = { discipline: '4', communication: '3' };
    old.review = '';
    const manager = managerReviewFrom(old);
    manager.kpis['participants'] = { target: '500', actual: '450', comment: '按报名表核对' }; // corrected
    manager.ratings['communication'] = '2'; // corrected
    manager.kpis['gone'] = { target: '1', actual: '1', comment: '' }; // a KPI the new 自评 lacks
    const next = structuredClone(old);
    next.kpis['participants'] = { target: '500', actual: '520', comment: '' };
    next.kpis['brand-exposure'] = { target: '100000', actual: '95000', comment: '' };
    next.ratings = { discipline: '5', communication: '4' };
    next.review = '88';
    const m = rebaseManagerReview(manager, old, next);
    expect(m.kpis['participants']).toEqual({ target: '500', actual: '450', comment: '按报名表核对' });
    expect(m.kpis['brand-exposure']).toEqual({ target: '100000', actual: '95000', comment: '' });
    expect(m.kpis['gone']).toEqual({ target: '1', actual: '1', comment: '' });
    expect(m.ratings).toEqual({ discipline: '5', communication: '2' });
    expect(m.review).toBe('88');
  });
});

describe('teamReviewStateSchema', () => {
  const self = emptyReview(appraisal, 'crm', '2026-04', '李四');
  const record: MemberRecord = {
    person: '李四',
    self,
    fingerprint: '0123456789abcdef',
    receivedAt: '2026-05-01T08:00:00.000Z',
    manager: managerReviewFrom(self),
  };
  test('accepts an empty team and a team with a record', () => {
    expect(v.safeParse(teamReviewStateSchema, emptyTeamReview()).success).toBe(true);
    const state = { ...emptyTeamReview(), records: { [recordKey('李四', '2026-04', record.self.group)]: record } };
    expect(v.safeParse(teamReviewStateSchema, state).success).toBe(true);
  });
  test.each([
    ['a bad fingerprint', { ...record, fingerprint: 'xyz' }],
    ['an empty person', { ...record, person: '' }],
    ['a bad time', { ...record, receivedAt: 'yesterday' }],
    ['a bad rating', { ...record, manager: { ...record.manager, ratings: { discipline: '9' } } }],
    ['done not a boolean', { ...record, manager: { ...record.manager, done: 'yes' } }],
  ])('refuses %s', (_what, bad) => {
    expect(v.safeParse(teamReviewStateSchema, { ...emptyTeamReview(), records: { k: bad } }).success).toBe(false);
  });
  test('refuses a bad period and an array of records', () => {
    expect(v.safeParse(teamReviewStateSchema, { ...emptyTeamReview(), period: '2026-13' }).success).toBe(false);
    expect(v.safeParse(teamReviewStateSchema, { ...emptyTeamReview(), records: [record] }).success).toBe(false);
  });
});

describe('FINGERPRINT', () => {
  test('accepts what fingerprintOf makes, of FINGERPRINT_LENGTH digits and no other length', async () => {
    const f = await fingerprintOf({ a: 1 });
    expect(f).toHaveLength(FINGERPRINT_LENGTH);
    expect(FINGERPRINT.test(f)).toBe(true);
    expect(FINGERPRINT.test(f.slice(1))).toBe(false);
    expect(FINGERPRINT.test(`${f}0`)).toBe(false);
  });
});
