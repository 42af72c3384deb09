import fc from 'fast-check';
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { plainObject, plainRecord } from '../../../src/core/json-file';
import {
  MAX_KEPT_TEXT,
  countChars,
  firstChars,
  limitStatus,
  limitedText,
  overLimitFields,
} from '../../../src/core/text-limit';

describe('countChars: characters as the reader sees them', () => {
  it.each([
    // plain Chinese and ASCII: one each
    ['市场推广', 4],
    ['abc 123', 7],
    ['', 0],
    // full-width punctuation is one character
    ['（一）：，', 5],
    // an emoji is two UTF-16 units but one character
    ['好😀', 2],
    // a family joined by zero-width joiners is one character
    ['👨‍👩‍👧', 1],
    // a flag is two regional indicators, one character
    ['🇨🇳', 1],
    // e + combining acute accent is one character
    ['e\u0301', 1],
    // ❤️ (heart + variation selector) is one character
    ['❤️', 1],
    // newlines count, one each
    ['一\n二', 3],
  ])('%j → %d', (text, n) => {
    expect(countChars(text)).toBe(n);
  });
});

describe('firstChars', () => {
  it.each([
    ['市场推广', 2, '市场'],
    // never splits an emoji in half
    ['好😀好', 2, '好😀'],
    ['👨‍👩‍👧abc', 1, '👨‍👩‍👧'],
    ['短', 5, '短'],
  ])('%j, %d → %j', (text, n, first) => {
    expect(firstChars(text, n)).toBe(first);
  });

  it('keeps as many characters as asked for, or all there are', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), fc.nat(40), (text, n) => {
        const first = firstChars(text, n);
        expect(text.startsWith(first)).toBe(true);
        expect(countChars(first)).toBe(Math.min(n, countChars(text)));
      }),
    );
  });
});

describe('limitStatus', () => {
  it.each([
    // well within: no counter
    [300, 500, { count: 300, over: 0, near: false }],
    // from 80 % the counter shows
    [400, 500, { count: 400, over: 0, near: true }],
    // exactly at the limit fits
    [500, 500, { count: 500, over: 0, near: true }],
    // 5,000 pasted into 500: 4,500 over
    [5000, 500, { count: 5000, over: 4500, near: true }],
  ])('%d characters, limit %d', (n, limit, expected) => {
    expect(limitStatus('字'.repeat(n), limit)).toEqual({ limit, ...expected });
  });

  it('counts an emoji text by characters, not UTF-16 units', () => {
    expect(limitStatus('好😀'.repeat(250), 500)).toMatchObject({ count: 500, over: 0 });
  });
});

describe('limitedText keeps text over its limit; overLimitFields finds it', () => {
  const schema = plainObject({
    name: limitedText(4),
    group: v.string(),
    notes: plainRecord(v.string(), plainObject({ comment: limitedText(3) })),
    lines: v.array(plainObject({ description: limitedText(2) })),
    extra: v.nullable(limitedText(2)),
  });
  const state = {
    name: '张三丰大侠',
    group: '这不是有限字段，长一点也无妨',
    notes: { a: { comment: '好' }, b: { comment: '好😀好😀' } },
    lines: [{ description: '一二' }, { description: '一二三' }],
    extra: '一二三',
  };

  it('the schema accepts a text over its limit (it is kept, not refused)', () => {
    expect(v.safeParse(schema, state).success).toBe(true);
  });

  it('the schema refuses a text longer than MAX_KEPT_TEXT (a tampered file)', () => {
    expect(v.safeParse(limitedText(10), 'x'.repeat(MAX_KEPT_TEXT + 1)).success).toBe(false);
  });

  it('every field over its limit, with its path, count and limit', () => {
    expect(overLimitFields(schema, state)).toEqual([
      { path: ['name'], count: 5, limit: 4 },
      { path: ['notes', 'b', 'comment'], count: 4, limit: 3 },
      { path: ['lines', 1, 'description'], count: 3, limit: 2 },
      { path: ['extra'], count: 3, limit: 2 },
    ]);
  });

  it('nothing when every field fits, or the value is not the schema’s shape', () => {
    expect(overLimitFields(schema, { ...state, name: '张三', notes: {}, lines: [], extra: null })).toEqual([]);
    expect(overLimitFields(schema, null)).toEqual([]);
    expect(overLimitFields(schema, [1, 2])).toEqual([]);
  });
});
