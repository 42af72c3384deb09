import { describe, expect, test } from 'vitest';
import { createMemoryStorage, createStore } from '../../../../src/core/storage';
import { validateState } from '../../../../src/core/json-file';
import { isoToDayNumber } from '../../../../src/core/calendar-date';
import {
  READING_NAMESPACE,
  READING_VERSION,
  isCalendarDate,
  isReadingMark,
  readingMarkSchema,
  readingProgress,
  readMark,
} from '../../../../src/tools/onboarding/logic/reading';

describe('isCalendarDate', () => {
  test.each([
    ['2026-03-02', true],
    ['2024-02-29', true], // leap day
    ['2025-02-29', false],
    ['2026-02-30', false],
    ['2026-13-01', false],
    ['2026-00-01', false],
    ['0099-01-01', false], // Date.UTC maps years 0–99 to 1900+
    ['2026-3-2', false],
    ['', false],
  ])('%s → %s, the same answer as onboarding.ts', (text, expected) => {
    expect(isCalendarDate(text)).toBe(expected);
    expect(isoToDayNumber(text) !== null).toBe(expected);
  });
});

describe('isReadingMark', () => {
  test.each([
    [{ readAt: '2026-03-02' }, true],
    [{ readAt: '2026-02-30' }, false],
    [{ readAt: 20260302 }, false],
    [{ readAt: '2026-03-02', extra: 1 }, false], // exactly one field
    [{}, false],
    [[], false],
    [null, false],
    ['2026-03-02', false],
  ])('%o → %s, the same answer as readingMarkSchema', (value, expected) => {
    expect(isReadingMark(value)).toBe(expected);
    expect(validateState(readingMarkSchema, value).ok).toBe(expected);
  });
});

describe('the reading store (as the chapter pages and the checklist use it)', () => {
  const open = (storage = createMemoryStorage()) => ({
    storage,
    store: createStore({
      namespace: READING_NAMESPACE,
      version: READING_VERSION,
      schema: readingMarkSchema,
      storage,
    }),
  });

  test('a mark saved is read back', () => {
    const { store, storage } = open();
    expect(store.save('general', { readAt: '2026-03-02' }).ok).toBe(true);
    expect(store.load('general')).toMatchObject({ status: 'ok', data: { readAt: '2026-03-02' } });
    expect(storage.getItem('mh:reading:general')).toContain('"readAt":"2026-03-02"');
  });

  test('a damaged mark is kept aside, not shown as read', () => {
    const { store, storage } = open();
    storage.setItem('mh:reading:general', JSON.stringify({ v: 1, savedAt: 'x', data: { readAt: 'soon' } }));
    expect(readMark(store, 'general')).toBeNull();
    expect(readMark(store, 'general')).toBeNull();
    expect(store.listBackups()).toHaveLength(1); // copied aside once
  });

  test('refuses to save a mark that is not one', () => {
    const { store } = open();
    expect(store.save('general', { readAt: 'soon' }).ok).toBe(false);
  });

  test('the schema copies the mark', () => {
    const mark = { readAt: '2026-03-02' };
    const result = validateState(readingMarkSchema, mark);
    expect(result).toEqual({ ok: true, state: mark });
    expect(result.ok && result.state).not.toBe(mark);
  });
});

describe('readingProgress', () => {
  const path = ['general', 'organization', 'workflows'];
  test('marks in path order; others and bad dates ignored', () => {
    const progress = readingProgress(path, {
      workflows: '2026-03-04',
      general: '2026-03-02',
      finance: '2026-03-05', // not on this path
      organization: 'yesterday', // not a date
    });
    expect(progress).toEqual({
      steps: [
        { slug: 'general', readAt: '2026-03-02' },
        { slug: 'organization', readAt: null },
        { slug: 'workflows', readAt: '2026-03-04' },
      ],
      readCount: 2,
      total: 3,
    });
  });

  test('nothing read', () => {
    expect(readingProgress(path, {})).toMatchObject({ readCount: 0, total: 3 });
  });

  test('inherited keys do not count as read', () => {
    expect(readingProgress(['toString'], {}).readCount).toBe(0);
  });
});
