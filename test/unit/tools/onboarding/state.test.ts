import * as v from 'valibot';
import { describe, expect, test } from 'vitest';
import { MAX_KEPT_TEXT } from '../../../../src/core/text-limit';
import { createMemoryStorage, createStore } from '../../../../src/core/storage';
import { parseJsonFile, toJsonFile, validateState } from '../../../../src/core/json-file';
import { decodeShareAny, encodeShareCompressed } from '../../../../src/core/share-link';
import {
  MAX_ENTRIES,
  ONBOARDING_STATE_VERSION,
  ONBOARDING_TOOL,
  clearTicks,
  emptyOnboardingState,
  migrateOnboarding,
  newPersonKey,
  onboardingStateSchema,
  setItemDone,
  sharedOnboardingSchema,
  type OnboardingState,
} from '../../../../src/tools/onboarding/logic/state';
import { emptyQuizState } from '../../../../src/tools/onboarding/logic/quiz';

const filled: OnboardingState = {
  name: '王小明',
  role: 'promotion',
  startDate: '2026年3月2日',
  mentor: '李老师',
  ackDate: '',
  done: { 'read-general': '2026-03-02', 'org-intro': '2026-03-03' },
  quiz: emptyQuizState(),
};

describe('onboardingStateSchema', () => {
  test('accepts a filled state and the empty one', () => {
    expect(validateState(onboardingStateSchema, filled)).toEqual({ ok: true, state: filled });
    expect(validateState(onboardingStateSchema, emptyOnboardingState()).ok).toBe(true);
  });

  test('drops unknown keys, as an object schema does', () => {
    const result = validateState(onboardingStateSchema, { ...filled, extra: 1 });
    expect(result).toEqual({ ok: true, state: filled });
  });

  test('returns a copy: later changes to the input do not reach the state', () => {
    const data = structuredClone(filled) as { done: Record<string, string> };
    const result = validateState(onboardingStateSchema, data);
    data.done['x'] = '2026-01-01';
    expect(result.ok && result.state.done).toEqual(filled.done);
  });

  // Over its limit a text is kept (the form says so); only a tampered length is refused.
  const long = 'x'.repeat(MAX_KEPT_TEXT + 1);
  test.each([
    ['not an object', null, []],
    ['an array', [], []],
    ['a missing field', { ...filled, name: undefined }, ['name']],
    ['a number for a text', { ...filled, role: 3 }, ['role']],
    ['a text longer than any field keeps', { ...filled, mentor: long }, ['mentor']],
    ['done as a list', { ...filled, done: ['read-general'] }, ['done']],
    ['done missing', { ...filled, done: undefined }, ['done']],
    ['a tick without a date', { ...filled, done: { 'read-general': true } }, ['done', 'read-general']],
    [
      'a tick with a timestamp',
      { ...filled, done: { 'read-general': '2026-03-02T10:00' } },
      ['done', 'read-general'],
    ],
    [
      'an item id that is not one',
      { ...filled, done: { 'Read General': '2026-03-02' } },
      ['done', 'Read General'],
    ],
    ['__proto__ as an item id', JSON.parse('{"done":{"__proto__":"2026-03-02"}}'), ['name']],
  ])('refuses %s', (_label, data, path) => {
    const result = validateState(onboardingStateSchema, data);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.field).toEqual(path);
  });

  test('refuses more ticks than any checklist has', () => {
    const done = Object.fromEntries(
      Array.from({ length: MAX_ENTRIES + 1 }, (_, i) => [`item-${i}`, '2026-03-02']),
    );
    expect(validateState(onboardingStateSchema, { ...filled, done }).ok).toBe(false);
  });

  test('the message names the bad field for the reader', () => {
    expect(validateState(onboardingStateSchema, { ...filled, role: 3 })).toMatchObject({
      error: '字段 role 不正确',
    });
  });

  test('a bug in the check itself is not swallowed as bad input', () => {
    const hostile = {
      ...filled,
      get done(): never {
        throw new TypeError('boom');
      },
    };
    expect(() => v.safeParse(onboardingStateSchema, hostile)).toThrow(TypeError);
  });
});

describe('sharedOnboardingSchema', () => {
  test('carries the reading marks; without them it is a plain state', () => {
    const shared = { ...filled, reading: { general: '2026-03-02' } };
    expect(validateState(sharedOnboardingSchema, shared)).toEqual({ ok: true, state: shared });
    expect(validateState(sharedOnboardingSchema, filled)).toEqual({ ok: true, state: filled });
  });
  test('refuses damaged reading marks', () => {
    const result = validateState(sharedOnboardingSchema, { ...filled, reading: { general: 'yesterday' } });
    expect(!result.ok && result.field).toEqual(['reading', 'general']);
  });
});

describe('round trips through the link, the file and the store', () => {
  const shared = { ...filled, reading: { general: '2026-03-02' } };

  test('share link', async () => {
    const link = await encodeShareCompressed(ONBOARDING_TOOL, ONBOARDING_STATE_VERSION, shared);
    expect(link.ok).toBe(true);
    if (!link.ok) return;
    expect(
      await decodeShareAny(link.fragment, ONBOARDING_TOOL, ONBOARDING_STATE_VERSION, sharedOnboardingSchema),
    ).toEqual({
      ok: true,
      state: shared,
      migrated: false,
    });
  });

  test('a tampered link is refused with a Chinese message', async () => {
    const link = await encodeShareCompressed(ONBOARDING_TOOL, ONBOARDING_STATE_VERSION, { ...shared, done: { x: 'soon' } });
    if (!link.ok) throw new Error(link.error);
    const result = await decodeShareAny(
      link.fragment,
      ONBOARDING_TOOL,
      ONBOARDING_STATE_VERSION,
      sharedOnboardingSchema,
    );
    expect(result).toMatchObject({ ok: false, error: '链接内容不完整' });
    const cut = await decodeShareAny(`${link.fragment.slice(0, -5)}@@`, ONBOARDING_TOOL, 1, sharedOnboardingSchema);
    expect(cut).toMatchObject({ ok: false, error: '链接已损坏，请重新复制完整的链接' });
  });

  test('JSON file', () => {
    const text = toJsonFile(
      ONBOARDING_TOOL,
      ONBOARDING_STATE_VERSION,
      shared,
      new Date('2026-03-10T00:00:00Z'),
    );
    expect(
      parseJsonFile(text, ONBOARDING_TOOL, ONBOARDING_STATE_VERSION, sharedOnboardingSchema),
    ).toMatchObject({
      ok: true,
      state: shared,
    });
  });

  test('store: a damaged entry is kept aside and reported', () => {
    const storage = createMemoryStorage();
    const store = createStore({
      namespace: ONBOARDING_TOOL,
      version: 1,
      schema: onboardingStateSchema,
      storage,
    });
    expect(store.save('default', filled).ok).toBe(true);
    expect(store.load('default')).toMatchObject({ status: 'ok', data: filled });
    storage.setItem('mh:onboarding:default', JSON.stringify({ v: 1, savedAt: 'x', data: { name: 1 } }));
    expect(store.load('default')).toMatchObject({
      status: 'damaged',
      reason: 'damaged',
    });
  });
});

describe('edits', () => {
  test('ticking records the day; unticking removes it; the input is not changed', () => {
    const ticked = setItemDone(filled, 'work-rules', true, '2026-03-04');
    expect(ticked.done).toEqual({ ...filled.done, 'work-rules': '2026-03-04' });
    expect(filled.done).not.toHaveProperty('work-rules');
    const unticked = setItemDone(ticked, 'read-general', false, '2026-03-05');
    expect(unticked.done).toEqual({ 'org-intro': '2026-03-03', 'work-rules': '2026-03-04' });
  });

  test('clearing ticks keeps name, role and dates', () => {
    expect(clearTicks(filled)).toEqual({ ...filled, done: {} });
  });

  test.each([
    [0, 'p0'],
    [1_772_000_000_000, `p${(1_772_000_000_000).toString(36)}`],
    [-5, 'p0'], // a clock before 1970 still gives a valid key
    [12.7, 'pc'],
  ])('newPersonKey(%d) → %s, a valid store key', (ms, key) => {
    expect(newPersonKey(ms)).toBe(key);
    expect(newPersonKey(ms)).toMatch(/^[A-Za-z0-9_-]+$/);
  });
});

describe('version 1 (before the 制度测验) still opens', () => {
  const { quiz: _none, ...v1 } = filled;
  test('a version-1 file is lifted with no attempt taken', () => {
    const text = toJsonFile(ONBOARDING_TOOL, 1, v1);
    expect(
      parseJsonFile(text, ONBOARDING_TOOL, ONBOARDING_STATE_VERSION, onboardingStateSchema, { migrate: migrateOnboarding }),
    ).toMatchObject({ ok: true, state: filled, migrated: true });
  });

  test('a version-1 link is lifted the same way', async () => {
    const link = await encodeShareCompressed(ONBOARDING_TOOL, 1, { ...v1, reading: { general: '2026-03-02' } });
    expect(link.ok).toBe(true);
    if (!link.ok) return;
    const read = await decodeShareAny(link.fragment, ONBOARDING_TOOL, ONBOARDING_STATE_VERSION, sharedOnboardingSchema, {
      migrate: migrateOnboarding,
    });
    expect(read).toMatchObject({ ok: true, state: { ...filled, reading: { general: '2026-03-02' } } });
  });

  test('a version-1 saved entry loads, lifted', () => {
    const storage = createMemoryStorage();
    storage.setItem('mh:onboarding:default', JSON.stringify({ v: 1, savedAt: '2026-03-02T10:00:00.000Z', data: v1 }));
    const store = createStore({
      namespace: ONBOARDING_TOOL,
      version: ONBOARDING_STATE_VERSION,
      schema: onboardingStateSchema,
      migrate: migrateOnboarding,
      storage,
    });
    expect(store.load('default')).toMatchObject({ status: 'recovered', data: filled, migrated: true });
  });

  test('no other version is guessed at', () => {
    expect(() => migrateOnboarding(v1, 0)).toThrow();
    expect(() => migrateOnboarding(null, 1)).toThrow();
  });
});
