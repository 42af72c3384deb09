import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import * as v from 'valibot';
import { salvage } from '../../../../src/core/autosave/salvage';
import { blankDraft, draftSchema, type BudgetRequestDraft } from '../../../../src/tools/budget-request/logic/state';
import { plainRecord, plainStrictObject } from '../../../../src/core/json-file';

const lineSchema = plainStrictObject({ id: v.string(), text: v.string(), qty: v.string() });
const schema = plainStrictObject({
  title: v.string(),
  count: v.number(),
  fields: plainRecord(v.string(), v.string()),
  months: v.pipe(v.array(v.string()), v.length(3)),
  lines: v.pipe(
    v.array(lineSchema),
    v.check((lines) => new Set(lines.map((l) => l.id)).size === lines.length),
  ),
});
type State = v.InferOutput<typeof schema>;
const empty: State = {
  title: '',
  count: 0,
  fields: {},
  months: ['', '', ''],
  lines: [{ id: 'l0', text: '', qty: '' }],
};
const good: State = {
  title: '海报',
  count: 3,
  fields: { goal: '50 人' },
  months: ['1', '2', '3'],
  lines: [
    { id: 'a', text: '展架', qty: '2' },
    { id: 'b', text: '传单', qty: '500' },
  ],
};

describe('salvage', () => {
  // Each row: one kind of damage, what the state becomes and which paths are named.
  test.each([
    {
      name: 'a valid state comes back as it is',
      data: good,
      state: good,
      reset: [],
    },
    {
      name: 'a field of the wrong type is reset to its empty value',
      data: { ...good, count: '三' },
      state: { ...good, count: 0 },
      reset: [['count']],
    },
    {
      name: 'a missing field gets its empty value',
      data: { ...good, title: undefined },
      state: { ...good, title: '' },
      reset: [['title']],
    },
    {
      name: 'several bad fields at once',
      data: { ...good, title: 5, months: ['1', 2, '3'] },
      state: { ...good, title: '', months: ['1', '', '3'] },
      reset: [['title'], ['months', 1]],
    },
    {
      name: 'a bad field of the first line: the empty state has a first line, so only that field is reset',
      data: { ...good, lines: [{ id: 'a', text: '展架', qty: 2 }, good.lines[1]] },
      state: { ...good, lines: [{ id: 'a', text: '展架', qty: '' }, good.lines[1]] },
      reset: [['lines', 0, 'qty']],
    },
    {
      name: 'a bad later line is dropped, the others kept',
      data: {
        ...good,
        lines: [...good.lines, { id: 'c', text: 7, qty: '1' }, { id: 'd', text: 'ok', qty: [] }],
      },
      state: good,
      reset: [
        ['lines', 2],
        ['lines', 3],
      ],
    },
    {
      // Found by the property below: a strict object names one unknown key per check.
      name: 'the first line with stray keys and no fields of its own gets the empty line',
      data: { ...good, lines: [{ ' ': 0, '!': 0, '"': '', '#': '', $: 0, '  ': false, '%': false }] },
      state: { ...good, lines: empty.lines },
      reset: [
        ['lines', 0, 'id'],
        ['lines', 0, 'text'],
        ['lines', 0, 'qty'],
        ['lines', 0, ' '],
        ['lines', 0, '!'],
        ['lines', 0, '"'],
        ['lines', 0, '#'],
        ['lines', 0, '$'],
        ['lines', 0, '  '],
        ['lines', 0, '%'],
      ],
    },
    {
      name: 'a bad record value is dropped',
      data: { ...good, fields: { goal: '50 人', channels: 12 } },
      state: good,
      reset: [['fields', 'channels']],
    },
    {
      name: 'an unknown key of a strict object is dropped',
      data: { ...good, extra: true },
      state: good,
      reset: [['extra']],
    },
    {
      name: 'an array where an object belongs is reset',
      data: { ...good, fields: ['goal'] },
      state: { ...good, fields: {} },
      reset: [['fields']],
    },
    {
      name: 'a rule on the whole array (duplicate ids) resets the array',
      data: { ...good, lines: [good.lines[0], good.lines[0]] },
      state: { ...good, lines: empty.lines },
      reset: [['lines']],
    },
  ])('$name', ({ data, state, reset }) => {
    expect(salvage(schema, data, empty)).toEqual({ state, resetFields: reset });
  });

  test.each([
    ['not an object', ['x']],
    ['null', null],
    ['a number', 5],
  ])('%s cannot be salvaged', (_name, data) => {
    expect(salvage(schema, data, empty)).toBeNull();
  });

  test('a required field the empty state lacks cannot be filled: null, not a loop', () => {
    const needsName = v.object({ name: v.string() });
    expect(salvage(needsName, { name: 5 }, {} as { name: string })).toBeNull();
  });

  test('a rule over the whole state cannot be salvaged', () => {
    const ruled = v.pipe(
      v.object({ a: v.number(), b: v.number() }),
      v.check((s) => s.a < s.b),
    );
    expect(salvage(ruled, { a: 2, b: 1 }, { a: 0, b: 1 })).toBeNull();
  });

  test('a non-JSON key in a path (a Map schema) gives up rather than guess', () => {
    const mapped = v.object({ m: v.map(v.number(), v.string()) });
    expect(salvage(mapped, { m: new Map([[1, 2]]) }, { m: new Map() })).toBeNull();
  });

  test('bad elements of two arrays are dropped without shifting the others', () => {
    const lists = v.object({ a: v.array(v.number()), b: v.array(v.number()) });
    expect(salvage(lists, { a: [1, 'x', 2, 'y'], b: ['z', 3] }, { a: [], b: [] })).toEqual({
      state: { a: [1, 2], b: [3] },
      resetFields: [
        ['a', 1],
        ['a', 3],
        ['b', 0],
      ],
    });
  });

  test('a 预算申请单 draft with one bad amount keeps everything else', () => {
    const draft: BudgetRequestDraft = {
      ...blankDraft({ department: '市场部', fiscalYear: 2026, date: '2026-03-01', firstLineId: 'l1' }),
      project: '暑期招生',
      purpose: '线下推广',
    };
    const broken = { ...draft, used: 3000, lines: [{ ...draft.lines[0], unitPrice: 12 }] };
    const emptyDraft = blankDraft({ department: '市场部', fiscalYear: 2026, date: '', firstLineId: 'x' });
    expect(salvage(draftSchema, broken, emptyDraft)).toEqual({
      state: draft,
      resetFields: [['lines', 0, 'unitPrice'], ['used']], // in the schema's order
    });
  });

  test('property: one field of a valid state replaced by junk → valid again, that field named, the rest kept', () => {
    const keys = ['title', 'count', 'fields', 'months', 'lines'] as const;
    fc.assert(
      fc.property(fc.constantFrom(...keys), fc.jsonValue({ maxDepth: 2 }), (key, junk) => {
        const data = { ...good, [key]: junk };
        const result = salvage(schema, data, empty);
        expect(result).not.toBeNull();
        if (!result) return;
        expect(v.safeParse(schema, result.state).success).toBe(true);
        for (const other of keys) if (other !== key) expect(result.state[other]).toEqual(good[other]);
        for (const path of result.resetFields) expect(path[0]).toBe(key);
      }),
      { numRuns: 500 },
    );
  });
});
