import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import * as v from 'valibot';
import { mergeThreeWay } from '../../../../src/core/autosave/merge';

/** A small tool state: scalars, a record, fixed-length months and id-keyed lines. */
const schema = v.strictObject({
  title: v.string(),
  count: v.number(),
  fields: v.record(v.string(), v.string()),
  months: v.pipe(v.array(v.string()), v.length(3)),
  lines: v.pipe(
    v.array(v.strictObject({ id: v.string(), text: v.string(), qty: v.number() })),
    v.check((lines) => new Set(lines.map((l) => l.id)).size === lines.length),
  ),
});
type State = v.InferOutput<typeof schema>;

const ids = ['a', 'b', 'c', 'd', 'e'];
const lineArb = (id: string) =>
  fc.record({ id: fc.constant(id), text: fc.string({ maxLength: 3 }), qty: fc.integer() });
const stateArb: fc.Arbitrary<State> = fc.record({
  title: fc.string({ maxLength: 4 }),
  count: fc.integer(),
  fields: fc.dictionary(fc.constantFrom('goal', 'channels', 'x'), fc.string({ maxLength: 3 })),
  months: fc.tuple(fc.string({ maxLength: 2 }), fc.string({ maxLength: 2 }), fc.string({ maxLength: 2 })),
  lines: fc
    .shuffledSubarray(ids)
    .chain((chosen) => (chosen.length === 0 ? fc.constant([]) : fc.tuple(...chosen.map(lineArb)))),
});

/** Edits one tab may make to a state: a field, a record key, a month, a line's field, add or remove a line. */
const editArb = (state: State): fc.Arbitrary<State> =>
  fc.oneof(
    fc.string({ maxLength: 4 }).map((title) => ({ ...state, title })),
    fc.integer().map((count) => ({ ...state, count })),
    fc.tuple(fc.constantFrom('goal', 'channels', 'y'), fc.string({ maxLength: 3 })).map(([k, value]) => ({
      ...state,
      fields: { ...state.fields, [k]: value },
    })),
    fc.tuple(fc.integer({ min: 0, max: 2 }), fc.string({ maxLength: 2 })).map(([i, value]) => ({
      ...state,
      months: state.months.map((m, j) => (j === i ? value : m)),
    })),
    fc.tuple(fc.nat(), fc.string({ maxLength: 3 })).map(([i, text]) => ({
      ...state,
      lines: state.lines.map((l, j) =>
        state.lines.length > 0 && j === i % state.lines.length ? { ...l, text } : l,
      ),
    })),
    fc
      .constantFrom('f', 'g', 'h')
      .map((id) =>
        state.lines.some((l) => l.id === id)
          ? state
          : { ...state, lines: [...state.lines, { id, text: '', qty: 0 }] },
      ),
    fc.nat().map((i) => ({
      ...state,
      lines: state.lines.filter((_, j) => j !== i % Math.max(1, state.lines.length)),
    })),
  );
const editsArb = (state: State) =>
  fc
    .array(fc.nat(), { maxLength: 4 })
    .chain((steps) => steps.reduce<fc.Arbitrary<State>>((acc) => acc.chain(editArb), fc.constant(state)));

const jsonObject = fc.dictionary(fc.string({ maxLength: 3 }), fc.jsonValue({ maxDepth: 2 }));

describe('mergeThreeWay properties', () => {
  test('merge(base, x, base) = x and merge(base, base, y) = y, for any JSON', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 3 }), fc.jsonValue({ maxDepth: 3 }), (base, x) => {
        expect(mergeThreeWay(base, x, base)).toEqual({ merged: x, conflicts: [] });
        expect(mergeThreeWay(base, base, x)).toEqual({ merged: x, conflicts: [] });
      }),
      { numRuns: 500 },
    );
  });

  test('edits to disjoint keys never conflict, and both survive', () => {
    fc.assert(
      fc.property(
        jsonObject,
        fc.dictionary(fc.string({ maxLength: 3 }), fc.jsonValue({ maxDepth: 2 })),
        fc.dictionary(fc.string({ maxLength: 3 }), fc.jsonValue({ maxDepth: 2 })),
        (base, mineEdits, theirEdits) => {
          // Keep their keys apart from mine.
          const theirsOnly = Object.fromEntries(
            Object.entries(theirEdits).filter(([k]) => !Object.hasOwn(mineEdits, k)),
          );
          const mine = Object.assign({}, base, mineEdits);
          const theirs = Object.assign({}, base, theirsOnly);
          const { merged, conflicts } = mergeThreeWay<Record<string, unknown>>(base, mine, theirs);
          expect(conflicts).toEqual([]);
          expect(merged).toEqual(Object.assign({}, base, mineEdits, theirsOnly));
        },
      ),
      { numRuns: 500 },
    );
  });

  test('both tabs editing a valid state: the merge is valid, and conflicts are the same either way round', () => {
    fc.assert(
      fc.property(
        stateArb.chain((base) => fc.tuple(fc.constant(base), editsArb(base), editsArb(base))),
        ([base, mine, theirs]) => {
          const result = mergeThreeWay(base, mine, theirs);
          expect(v.safeParse(schema, result.merged).success).toBe(true);
          const mirrored = mergeThreeWay(base, theirs, mine);
          const paths = (r: typeof result) => r.conflicts.map((c) => JSON.stringify(c.path)).sort();
          expect(paths(mirrored)).toEqual(paths(result));
        },
      ),
      { numRuns: 1000 },
    );
  });

  test('any two valid states over a valid base merge to a valid state', () => {
    fc.assert(
      fc.property(stateArb, stateArb, stateArb, (base, mine, theirs) => {
        expect(v.safeParse(schema, mergeThreeWay(base, mine, theirs).merged).success).toBe(true);
      }),
      { numRuns: 1000 },
    );
  });
});
