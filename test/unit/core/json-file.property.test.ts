import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import * as v from 'valibot';
import { parseJsonFile, toJsonFile } from '../../../src/core/json-file';

const throughJson = (value: unknown): unknown => JSON.parse(JSON.stringify(value)) as unknown;

describe('JSON files', () => {
  test('round trip for any JSON-able state', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.date({ noInvalidDate: true }), (state, when) => {
        const text = toJsonFile('onboarding', 3, state, when);
        expect(parseJsonFile(text, 'onboarding', 3, v.unknown())).toEqual({
          ok: true,
          state: throughJson(state),
          savedAt: when.toISOString(),
          migrated: false,
        });
      }),
      { numRuns: 500 },
    );
  });

  test('any text never throws and yields a message when refused', () => {
    const schema = v.object({ done: v.array(v.string()) });
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.json()), (text) => {
        const result = parseJsonFile(text, 'onboarding', 1, schema);
        if (result.ok) expect(Array.isArray(result.state.done)).toBe(true);
        else expect(result.error).toMatch(/[\u4e00-\u9fff]/);
      }),
      { numRuns: 1000 },
    );
  });
});
