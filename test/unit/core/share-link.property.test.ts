import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import * as v from 'valibot';
import {
  base64UrlDecode,
  base64UrlEncode,
  decodeShareAny,
  utf8Decode,
  utf8Encode,
} from '../../../src/core/share-link';
import { plainShareLink } from '../helpers/plain-share-link';

const anything = v.unknown();
// What JSON makes of a value (drops undefined, turns -0 into 0, …): the best any link can do.
const throughJson = (value: unknown): unknown => JSON.parse(JSON.stringify(value)) as unknown;

const jsonState = fc.jsonValue({ maxDepth: 4 });
const unicodeState = fc.dictionary(
  fc.string({ unit: 'grapheme' }),
  fc.oneof(
    fc.string({ unit: 'binary' }),
    fc.string({ unit: 'grapheme' }),
    fc.double({ noNaN: true, noDefaultInfinity: true }),
  ),
);

// Plain `v` links (made before compression, or without CompressionStream) read by the one decoder;
// the encoder's round trip: ./share-link-compressed.property.test.ts.
describe('plain share links', () => {
  test('round trip for JSON-able state with any unicode', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(jsonState, unicodeState), async (state) => {
        const fragment = plainShareLink('budget', 1, state);
        expect(fragment).toMatch(/^v1\.budget\.[A-Za-z0-9_-]+$/);
        expect(await decodeShareAny(fragment, 'budget', 1, anything)).toEqual({
          ok: true,
          state: throughJson(state),
          migrated: false,
        });
      }),
      { numRuns: 1000 },
    );
  });

  test('a tampered link never rejects and never passes a wrong schema', async () => {
    const schema = v.object({ n: v.number() });
    const fragment = plainShareLink('budget', 1, { n: 42, note: '预算 ¥1,200' });
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
      { numRuns: 2000 },
    );
  });

  test('arbitrary strings never reject', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.string(),
          fc.string({ unit: 'binary' }),
          fc.constant('v1.budget.').chain((p) => fc.base64String().map((s) => p + s)),
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

describe('codecs', () => {
  test('base64url round-trips any bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 100 }), (bytes) => {
        expect(base64UrlDecode(base64UrlEncode(bytes))).toEqual(bytes);
      }),
    );
  });

  test('UTF-8 agrees with the platform encoder and round-trips well-formed text', () => {
    const platform = new TextEncoder();
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (text) => {
        expect(utf8Encode(text)).toEqual(platform.encode(text));
        const wellFormed = text.isWellFormed();
        if (wellFormed) expect(utf8Decode(utf8Encode(text))).toBe(text);
      }),
      { numRuns: 2000 },
    );
  });

  test('UTF-8 decoding agrees with the platform decoder in fatal mode', () => {
    const platform = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 16 }), (bytes) => {
        let expected: string | null;
        try {
          expected = platform.decode(bytes);
        } catch {
          expected = null;
        }
        expect(utf8Decode(bytes)).toBe(expected);
      }),
      { numRuns: 5000 },
    );
  });
});
