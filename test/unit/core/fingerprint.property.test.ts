import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { canonicalJson, fingerprintOf, sha256 } from '../../../src/core/fingerprint';

/** The same object with its keys inserted in reverse order, at every depth. */
function reversedKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(reversedKeys);
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(
    Object.entries(value)
      .reverse()
      .map(([k, v]) => [k, reversedKeys(v)]),
  );
}

const json = fc.jsonValue({ maxDepth: 4 });

describe('canonicalJson', () => {
  test('is JSON that parses back to the same data', () => {
    fc.assert(
      fc.property(json, (value) => {
        expect(JSON.parse(canonicalJson(value))).toEqual(JSON.parse(JSON.stringify(value)));
      }),
    );
  });

  test('does not depend on key order', () => {
    fc.assert(
      fc.property(json, (value) => {
        expect(canonicalJson(reversedKeys(value))).toBe(canonicalJson(value));
      }),
    );
  });
});

describe('fingerprintOf', () => {
  test('same data same print; different data (as JSON) different print', async () => {
    await fc.assert(
      fc.asyncProperty(json, json, async (a, b) => {
        const same = canonicalJson(a) === canonicalJson(b);
        expect((await fingerprintOf(a)) === (await fingerprintOf(b))).toBe(same);
        expect(await fingerprintOf(reversedKeys(a))).toBe(await fingerprintOf(a));
      }),
      { numRuns: 300 },
    );
  });
});

describe('sha256 fallback', () => {
  test('agrees with node:crypto on any bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
        expect(Buffer.from(sha256(bytes)).toString('hex')).toBe(
          createHash('sha256').update(bytes).digest('hex'),
        );
      }),
      { numRuns: 500 },
    );
  });
});
