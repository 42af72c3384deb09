import { describe, expect, test } from 'vitest';
import {
  conflictAt,
  getAt,
  mergeThreeWay,
  resolveConflict,
  type FieldConflict,
} from '../../../../src/core/autosave/merge';
import { deepEqual, setAt } from '../../../../src/core/autosave/path';

const line = (id: string, description = '', quantity = '') => ({ id, description, quantity });

describe('mergeThreeWay', () => {
  // Each row: what changed in this tab (mine) and in the other (theirs), and what survives.
  test.each([
    {
      name: 'only mine changed a field',
      base: { a: 1, b: 1 },
      mine: { a: 2, b: 1 },
      theirs: { a: 1, b: 1 },
      merged: { a: 2, b: 1 },
    },
    {
      name: 'only theirs changed a field',
      base: { a: 1, b: 1 },
      mine: { a: 1, b: 1 },
      theirs: { a: 1, b: 3 },
      merged: { a: 1, b: 3 },
    },
    {
      name: 'different fields on each side: both kept',
      base: { purpose: '', project: '' },
      mine: { purpose: '暑期招生', project: '' },
      theirs: { purpose: '', project: '海报' },
      merged: { purpose: '暑期招生', project: '海报' },
    },
    {
      name: 'same field, same new value: no conflict',
      base: { a: 1 },
      mine: { a: 2 },
      theirs: { a: 2 },
      merged: { a: 2 },
    },
    {
      name: 'nested objects merge key by key',
      base: { expected: { participants: '', conversions: '' } },
      mine: { expected: { participants: '100', conversions: '' } },
      theirs: { expected: { participants: '', conversions: '12' } },
      merged: { expected: { participants: '100', conversions: '12' } },
    },
    {
      name: 'a record key added on each side',
      base: { fields: {} },
      mine: { fields: { goal: '招生 50 人' } },
      theirs: { fields: { channels: '公众号' } },
      merged: { fields: { goal: '招生 50 人', channels: '公众号' } },
    },
    {
      name: 'a key removed on one side, untouched on the other: removed',
      base: { fields: { goal: 'x', channels: 'y' } },
      mine: { fields: { goal: 'x', channels: 'y', budget: 'z' } },
      theirs: { fields: { goal: 'x' } },
      merged: { fields: { goal: 'x', budget: 'z' } },
    },
    {
      name: 'arrays of one length merge element by element (12 months)',
      base: { months: ['', '', ''] },
      mine: { months: ['90', '', ''] },
      theirs: { months: ['', '', '85'] },
      merged: { months: ['90', '', '85'] },
    },
    {
      name: 'a line added in one tab, another line edited in the other: both survive',
      base: { lines: [line('a'), line('b')] },
      mine: { lines: [line('a', '海报'), line('b')] },
      theirs: { lines: [line('a'), line('b'), line('c', '展架')] },
      merged: { lines: [line('a', '海报'), line('b'), line('c', '展架')] },
    },
    {
      name: 'a line added on each side after the same line: both, in order',
      base: { lines: [line('a'), line('z')] },
      mine: { lines: [line('a'), line('m', 'mine'), line('z')] },
      theirs: { lines: [line('a'), line('t', 'theirs'), line('z')] },
      merged: { lines: [line('a'), line('t', 'theirs'), line('m', 'mine'), line('z')] },
    },
    {
      name: 'a line added at the front on their side',
      base: { lines: [line('a')] },
      mine: { lines: [line('a', 'x')] },
      theirs: { lines: [line('t'), line('a')] },
      merged: { lines: [line('t'), line('a', 'x')] },
    },
    {
      name: 'a line removed in one tab, untouched in the other: removed',
      base: { lines: [line('a'), line('b')] },
      mine: { lines: [line('a'), line('b'), line('c')] },
      theirs: { lines: [line('b')] },
      merged: { lines: [line('b'), line('c')] },
    },
    {
      name: 'lines reordered in one tab, edited in the other: order and edit kept',
      base: { lines: [line('a'), line('b')] },
      mine: { lines: [line('a', 'x'), line('b')] },
      theirs: { lines: [line('b'), line('a')] },
      merged: { lines: [line('b'), line('a', 'x')] },
    },
    {
      name: 'arrays of other lengths without ids: one value, changed on one side',
      base: { tags: ['a'] },
      mine: { tags: ['a', 'b'] },
      theirs: { tags: ['a'] },
      merged: { tags: ['a', 'b'] },
    },
  ])('$name', ({ base, mine, theirs, merged }) => {
    const result = mergeThreeWay<unknown>(base, mine, theirs);
    expect(result.conflicts).toEqual([]);
    expect(result.merged).toEqual(merged);
  });

  test.each([
    {
      name: 'same field, different values',
      base: { purpose: '', project: '' },
      mine: { purpose: '暑期', project: '' },
      theirs: { purpose: '寒假', project: 'p' },
      merged: { purpose: '暑期', project: 'p' },
      conflicts: [{ path: ['purpose'], base: '', mine: '暑期', theirs: '寒假' }],
    },
    {
      name: 'a field of one line edited on both sides: the path names the line by id',
      base: { lines: [line('a'), line('b')] },
      mine: { lines: [line('a'), line('b', '', '2')] },
      theirs: { lines: [line('b', '', '3'), line('a')] },
      merged: { lines: [line('b', '', '2'), line('a')] },
      conflicts: [{ path: ['lines', 'b', 'quantity'], base: '', mine: '2', theirs: '3' }],
    },
    {
      name: 'a line edited in one tab, removed in the other (theirs removed)',
      base: { lines: [line('a'), line('b')] },
      mine: { lines: [line('a'), line('b', 'kept')] },
      theirs: { lines: [line('a')] },
      merged: { lines: [line('a'), line('b', 'kept')] },
      conflicts: [{ path: ['lines', 'b'], base: line('b'), mine: line('b', 'kept'), theirs: undefined }],
    },
    {
      name: 'a line edited in one tab, removed in the other (mine removed)',
      base: { lines: [line('a'), line('b')] },
      mine: { lines: [line('a')] },
      theirs: { lines: [line('a'), line('b', 'edited')] },
      merged: { lines: [line('a')] },
      conflicts: [{ path: ['lines', 'b'], base: line('b'), mine: undefined, theirs: line('b', 'edited') }],
    },
    {
      name: 'arrays of different lengths changed on both sides: one conflict for the array',
      base: { tags: ['a'] },
      mine: { tags: ['a', 'b'] },
      theirs: { tags: [] },
      merged: { tags: ['a', 'b'] },
      conflicts: [{ path: ['tags'], base: ['a'], mine: ['a', 'b'], theirs: [] }],
    },
    {
      name: 'a value turned into an object on one side and a number on the other',
      base: { x: null },
      mine: { x: { y: 1 } },
      theirs: { x: 2 },
      merged: { x: { y: 1 } },
      conflicts: [{ path: ['x'], base: null, mine: { y: 1 }, theirs: 2 }],
    },
    {
      name: 'both added the same key with different objects: conflicts per field',
      base: {},
      mine: { e: { a: 1, b: 1 } },
      theirs: { e: { a: 2, b: 1 } },
      merged: { e: { a: 1, b: 1 } },
      conflicts: [{ path: ['e', 'a'], base: undefined, mine: 1, theirs: 2 }],
    },
  ])('conflict: $name', ({ base, mine, theirs, merged, conflicts }) => {
    const result = mergeThreeWay<unknown>(base, mine, theirs);
    expect(result.conflicts).toEqual(conflicts);
    expect(result.merged).toEqual(merged);
  });

  test('a key named __proto__ is merged as data, not as the prototype', () => {
    const base = JSON.parse('{"__proto__": {"a": 1}}') as unknown;
    const mine = JSON.parse('{"__proto__": {"a": 2}, "x": 1}') as unknown;
    const theirs = JSON.parse('{"__proto__": {"a": 1}, "y": 1}') as unknown;
    const { merged, conflicts } = mergeThreeWay(base, mine, theirs);
    expect(conflicts).toEqual([]);
    expect(JSON.stringify(merged)).toBe('{"__proto__":{"a":2},"x":1,"y":1}');
    expect(Object.getPrototypeOf(merged)).toBe(Object.prototype);
  });
});

describe('resolveConflict', () => {
  const base = { purpose: '', lines: [line('a'), line('b')] };
  const mine = { purpose: '暑期', lines: [line('a'), line('b', '', '2')] };
  const theirs = { purpose: '寒假', lines: [line('a'), line('b', '', '3')] };

  test('theirs puts the other value back at the field; mine keeps the current state', () => {
    const { merged, conflicts } = mergeThreeWay(base, mine, theirs);
    const purpose = conflictAt(conflicts, ['purpose']) as FieldConflict;
    const quantity = conflictAt(conflicts, ['lines', 'b', 'quantity']) as FieldConflict;
    expect(resolveConflict(merged, purpose, 'theirs').purpose).toBe('寒假');
    expect(resolveConflict(merged, purpose, 'mine')).toBe(merged);
    // The line is found by id even after a line was inserted before it.
    const moved = { ...merged, lines: [line('new'), ...merged.lines] };
    expect(getAt(resolveConflict(moved, quantity, 'theirs'), ['lines', 2, 'quantity'])).toBe('3');
  });

  test('a line removed on one side: theirs removes it, or puts it back at the end', () => {
    const removedThere = mergeThreeWay(
      base,
      { ...base, lines: [line('a'), line('b', 'kept')] },
      { ...base, lines: [line('a')] },
    );
    const [c1] = removedThere.conflicts as [FieldConflict];
    expect(resolveConflict(removedThere.merged, c1, 'theirs').lines).toEqual([line('a')]);

    const removedHere = mergeThreeWay(
      base,
      { ...base, lines: [line('a')] },
      { ...base, lines: [line('a'), line('b', 'x')] },
    );
    const [c2] = removedHere.conflicts as [FieldConflict];
    expect(resolveConflict(removedHere.merged, c2, 'theirs').lines).toEqual([line('a'), line('b', 'x')]);
  });

  test('a key removed on their side is removed again by theirs', () => {
    const { merged, conflicts } = mergeThreeWay({ f: { g: '1' } }, { f: { g: '2' } }, { f: {} });
    expect(resolveConflict(merged, conflicts[0] as FieldConflict, 'theirs')).toEqual({ f: {} });
  });

  test('a field whose container is gone since is left alone', () => {
    const conflict: FieldConflict = { path: ['lines', 'gone', 'quantity'], base: '', mine: '1', theirs: '2' };
    const state = { lines: [line('a')] };
    expect(resolveConflict(state, conflict, 'theirs')).toEqual(state);
    expect(setAt({ a: 1 }, ['b', 'c'], 2)).toEqual({ a: 1 });
    expect(setAt(5, ['b'], 2)).toBe(5);
  });
});

describe('path helpers', () => {
  test('getAt walks keys, indices and ids; missing steps give undefined', () => {
    const state = { lines: [line('a', 'x')], months: ['1', '2'] };
    expect(getAt(state, ['lines', 'a', 'description'])).toBe('x');
    expect(getAt(state, ['months', 1])).toBe('2');
    expect(getAt(state, ['months', 2])).toBeUndefined();
    expect(getAt(state, ['months', -1])).toBeUndefined();
    expect(getAt(state, ['lines', 'b'])).toBeUndefined();
    expect(getAt(state, ['nope', 'x'])).toBeUndefined();
    expect(getAt(state, ['months', 0, 'x'])).toBeUndefined();
    expect(getAt(state, [0])).toBeUndefined();
  });

  test('deepEqual ignores key order and tells arrays from objects', () => {
    expect(deepEqual({ a: 1, b: [1, { c: 2 }] }, { b: [1, { c: 2 }], a: 1 })).toBe(true);
    expect(deepEqual([1], { 0: 1 })).toBe(false);
    expect(deepEqual({ a: undefined }, {})).toBe(true);
    expect(deepEqual([1, 2], [1])).toBe(false);
    expect(deepEqual(null, {})).toBe(false);
  });
});
