import { deflateRawSync } from 'node:zlib';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import * as v from 'valibot';
import {
  MAX_SHARE_LENGTH,
  base64UrlEncode,
  decodeShareAny,
  encodeShareCompressed,
} from '../../../src/core/share-link';

const anything = v.unknown();
const throughJson = (value: unknown): unknown => JSON.parse(JSON.stringify(value)) as unknown;

const state = fc.oneof(
  fc.jsonValue({ maxDepth: 4 }),
  fc.dictionary(
    fc.string({ unit: 'grapheme' }),
    fc.oneof(fc.string({ unit: 'binary' }), fc.double({ noNaN: true })),
  ),
  // Repetitive Chinese rows, the case compression is for.
  fc.array(fc.record({ d: fc.constantFrom('线上广告投放', '宣传物料制作', '客户回访'), n: fc.nat(999) }), {
    maxLength: 80,
  }),
);

describe('compressed share links', () => {
  test('round trip for JSON-able state with any unicode', async () => {
    await fc.assert(
      fc.asyncProperty(state, async (value) => {
        const encoded = await encodeShareCompressed('budget', 1, value);
        fc.pre(encoded.ok);
        if (!encoded.ok) return;
        expect(encoded.fragment.length).toBeLessThanOrEqual(MAX_SHARE_LENGTH);
        expect(encoded.fragment).toMatch(/^[vz]1\.budget\.[A-Za-z0-9_-]+$/);
        expect(await decodeShareAny(encoded.fragment, 'budget', 1, anything)).toEqual({
          ok: true,
          state: throughJson(value),
          migrated: false,
        });
      }),
      { numRuns: 300 },
    );
  });

  test('a tampered compressed link never rejects and never passes a wrong schema', async () => {
    const schema = v.object({ n: v.number() });
    const made = await encodeShareCompressed('budget', 1, { n: 42, note: '预算申请 ¥1,200 '.repeat(20) });
    if (!made.ok || !made.fragment.startsWith('z')) throw new Error('expected a z link');
    const fragment = made.fragment;
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 0, max: fragment.length - 1 }),
        fc.string({ maxLength: 3 }),
        fc.integer({ min: 0, max: 3 }),
        async (at, insert, cut) => {
          const tampered = fragment.slice(0, at) + insert + fragment.slice(at + cut);
          const result = await decodeShareAny(tampered, 'budget', 1, schema);
          if (result.ok) expect(typeof result.state.n).toBe('number');
          else expect(result.error.length).toBeGreaterThan(0);
        },
      ),
      { numRuns: 1000 },
    );
  });

  test('arbitrary fragments and arbitrary deflate payloads never reject', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.string(),
          fc.string({ unit: 'binary' }),
          fc
            .base64String()
            .map((s) => `z1.budget.${s.replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_')}`),
          fc.uint8Array({ maxLength: 200 }).map((bytes) => `z1.budget.${base64UrlEncode(bytes)}`),
          fc
            .uint8Array({ maxLength: 200 })
            .map((bytes) => `z1.budget.${base64UrlEncode(deflateRawSync(bytes))}`),
        ),
        async (text) => {
          const result = await decodeShareAny(text, 'budget', 1, anything);
          expect(typeof result.ok).toBe('boolean');
        },
      ),
      { numRuns: 2000 },
    );
  });
});
