import { describe, expect, test } from 'vitest';
import { MAX_KEPT_TEXT } from '../../../../src/core/text-limit';
import { FINGERPRINT_LENGTH } from '../../../../src/core/fingerprint';
import { validateState } from '../../../../src/core/json-file';
import {
  DECISION_FINGERPRINT_LENGTH,
  MAX_LINES,
  MAX_SHORT,
  addLine,
  blankDraft,
  blankLine,
  draftSchema,
  duplicateDraft,
  isBlankLine,
  isUntouched,
  moveLine,
  newId,
  removeLine,
  updateLine,
  type BudgetRequestDraft,
} from '../../../../src/tools/budget-request/logic/state';

const defaults = { department: '市场部', fiscalYear: 2026, date: '2026-03-02', firstLineId: 'l0' };

function draftWith(lines: string[]): BudgetRequestDraft {
  return { ...blankDraft(defaults), lines: lines.map((id) => ({ ...blankLine(id), description: id })) };
}

describe('blankDraft', () => {
  test('one empty line, today, the parameters’ year, not complete; valid against the schema', () => {
    const d = blankDraft(defaults);
    expect(d).toMatchObject({
      department: '市场部',
      date: '2026-03-02',
      fiscalYear: '2026',
      complete: false,
    });
    expect(d.lines).toEqual([blankLine('l0')]);
    expect(validateState(draftSchema, d).ok).toBe(true);
    expect(isUntouched(d, defaults)).toBe(true);
  });

  test.each([
    ['applicant', { applicant: '张三' }],
    ['category', { category: 'promotion' }],
    ['annual budget', { annualBudget: '1000' }],
    ['used', { used: '5' }],
    ['department', { department: '市场二部' }],
    ['a required field', { fields: { goal: '招生' } }],
    ['expected return', { expected: { participants: '10', conversions: '', pricePerCustomer: '' } }],
  ])('typing %s makes the draft worth keeping', (_, change) => {
    expect(isUntouched({ ...blankDraft(defaults), ...change }, defaults)).toBe(false);
  });

  test('a line with only a 明细科目 chosen still counts as blank', () => {
    expect(isBlankLine({ ...blankLine('x'), subcategory: '线下活动' })).toBe(true);
    expect(isBlankLine({ ...blankLine('x'), unit: '场' })).toBe(false);
  });
});

describe('draftSchema refuses what a damaged or hand-edited draft may hold', () => {
  const good = blankDraft(defaults);
  test.each([
    ['a number where text belongs', { ...good, applicant: 5 }],
    // text over its limit is kept (the form says so); only a tampered length is refused
    ['text longer than any field keeps', { ...good, project: 'x'.repeat(MAX_KEPT_TEXT + 1) }],
    ['an unknown field (strict)', { ...good, extra: 1 }],
    ['two lines with the same id', { ...good, lines: [blankLine('a'), blankLine('a')] }],
    ['a line id with markup', { ...good, lines: [blankLine('<script>')] }],
    [
      'more than MAX_LINES lines',
      { ...good, lines: Array.from({ length: MAX_LINES + 1 }, (_, i) => blankLine(`l${i}`)) },
    ],
    ['a field id that is not kebab-case', { ...good, fields: { __proto__x: 'a' } }],
    ['complete not a boolean', { ...good, complete: 'yes' }],
    ['fields as a list', { ...good, fields: [] }],
    ['expected as a list', { ...good, expected: [] }],
  ])('%s', (_, data) => {
    expect(validateState(draftSchema, data).ok).toBe(false);
  });

  test('the first bad field is named', () => {
    const result = validateState(draftSchema, { ...good, lines: [{ ...blankLine('a'), quantity: 3 }] });
    expect(result).toMatchObject({ ok: false, error: '字段 lines 第 1 项 quantity 不正确' });
  });
});

test('a decision’s fingerprint has the length core/fingerprint makes (state.ts writes it out)', () => {
  expect(DECISION_FINGERPRINT_LENGTH).toBe(FINGERPRINT_LENGTH);
});

describe('line edits', () => {
  test('addLine appends, and stops at MAX_LINES', () => {
    const d = addLine(draftWith(['a']), 'b');
    expect(d.lines.map((l) => l.id)).toEqual(['a', 'b']);
    const full = draftWith(Array.from({ length: MAX_LINES }, (_, i) => `l${i}`));
    expect(addLine(full, 'more')).toBe(full);
  });

  test('removeLine removes only that line', () => {
    expect(removeLine(draftWith(['a', 'b', 'c']), 'b').lines.map((l) => l.id)).toEqual(['a', 'c']);
  });

  test.each([
    // id, direction, expected order
    ['b', -1, ['b', 'a', 'c']],
    ['b', 1, ['a', 'c', 'b']],
    ['a', -1, ['a', 'b', 'c']], // already first
    ['c', 1, ['a', 'b', 'c']], // already last
    ['zz', 1, ['a', 'b', 'c']], // no such line
  ] as const)('moveLine(%s, %d)', (id, by, order) => {
    expect(moveLine(draftWith(['a', 'b', 'c']), id, by).lines.map((l) => l.id)).toEqual(order);
  });

  test('updateLine replaces the edited line only; the others keep their identity', () => {
    const d = draftWith(['a', 'b']);
    const next = updateLine(d, 'b', 'quantity', '3');
    expect(next.lines[1]).toMatchObject({ id: 'b', quantity: '3' });
    expect(next.lines[0]).toBe(d.lines[0]);
    expect(d.lines[1]!.quantity).toBe('');
  });

  test('duplicateDraft: new line ids, not complete, suffix on the project', () => {
    const d = { ...draftWith(['a', 'b']), project: '暑期招生', complete: true };
    const copy = duplicateDraft(d, '（副本）', (i) => `n${i}`);
    expect(copy.project).toBe('暑期招生（副本）');
    expect(copy.complete).toBe(false);
    expect(copy.lines.map((l) => l.id)).toEqual(['n0', 'n1']);
    expect(copy.lines.map((l) => l.description)).toEqual(['a', 'b']);
    expect(validateState(draftSchema, copy).ok).toBe(true);
  });

  test('duplicateDraft never cuts the project: past its limit it is kept whole (the form says so)', () => {
    const copy = duplicateDraft(
      { ...draftWith(['a']), project: 'x'.repeat(MAX_SHORT) },
      '（副本）',
      () => 'n',
    );
    expect(copy.project).toBe(`${'x'.repeat(MAX_SHORT)}（副本）`);
    expect(validateState(draftSchema, copy).ok).toBe(true);
  });
});

test('newId: letters and digits only, distinct for distinct randomness', () => {
  const a = newId('d', 1_700_000_000_000, () => 0.1);
  const b = newId('d', 1_700_000_000_000, () => 0.2);
  expect(a).toMatch(/^d[a-z0-9]+$/);
  expect(a).not.toBe(b);
  expect(newId('l', -5, () => 0)).toBe('l0000000');
  expect(newId('l')).toMatch(/^l[a-z0-9]{7,}$/);
});
