import { createHash } from 'node:crypto';
import { afterEach, describe, expect, test, vi } from 'vitest';
import {
  FINGERPRINT_LENGTH,
  canonicalJson,
  fingerprintOf,
  sha256,
  shortFingerprint,
} from '../../../src/core/fingerprint';
import { utf8Encode } from '../../../src/core/share-link';

const hex = (bytes: Uint8Array) => Buffer.from(bytes).toString('hex');
const nodeSha = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('canonicalJson', () => {
  test.each<[unknown, string]>([
    [{ b: 1, a: 2 }, '{"a":2,"b":1}'], // keys sorted
    [{ z: { y: 1, x: [3, { d: 1, c: 2 }] } }, '{"z":{"x":[3,{"c":2,"d":1}],"y":1}}'], // at every depth; arrays keep order
    [{ b: 1, 10: 2, 2: 3 }, '{"10":2,"2":3,"b":1}'], // by code units, not JS's integer-key order
    [{ é: 1, z: 2, Z: 3 }, '{"Z":3,"z":2,"é":1}'], // code units, not locale
    [{ a: undefined, b: () => 1 }, '{}'], // dropped from objects, as JSON does
    [[undefined, () => 1], '[null,null]'], // null in arrays, as JSON does
    [undefined, 'null'], // the top never yields undefined
    [{ d: new Date(Date.UTC(2026, 2, 2)) }, '{"d":"2026-03-02T00:00:00.000Z"}'], // toJSON honoured
    [{ n: -0, m: 1e21, s: '中"\n' }, '{"m":1e+21,"n":0,"s":"中\\"\\n"}'], // numbers and strings as JSON writes them
    [[], '[]'],
    [{}, '{}'],
    ['x', '"x"'],
    [null, 'null'],
  ])('%j → %s', (value, text) => {
    expect(canonicalJson(value)).toBe(text);
  });

  test('a shared (not cyclic) object is written twice', () => {
    const shared = { a: 1 };
    expect(canonicalJson([shared, shared])).toBe('[{"a":1},{"a":1}]');
  });

  test('a cycle throws instead of looping', () => {
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(() => canonicalJson(cyclic)).toThrow(TypeError);
  });
});

describe('fingerprintOf', () => {
  const entry = {
    applicant: '张三',
    lines: [{ description: '宣传单页', quantity: '1,000' }],
    total: 120_000,
  };

  test('is SHA-256 of the canonical JSON, first 16 hex characters', async () => {
    const print = await fingerprintOf(entry);
    expect(print).toMatch(new RegExp(`^[0-9a-f]{${FINGERPRINT_LENGTH}}$`));
    expect(print).toBe(nodeSha(canonicalJson(entry)).slice(0, 16));
  });

  test('key order does not matter', async () => {
    const reordered = {
      total: 120_000,
      lines: [{ quantity: '1,000', description: '宣传单页' }],
      applicant: '张三',
    };
    expect(await fingerprintOf(reordered)).toBe(await fingerprintOf(entry));
  });

  test.each<[string, unknown]>([
    ['a changed text', { ...entry, applicant: '李四' }],
    ['a changed number', { ...entry, total: 120_001 }],
    ['a number as text', { ...entry, total: '120000' }],
    ['lines in another order', { ...entry, lines: [{ description: 'x', quantity: '1' }, ...entry.lines] }],
    ['a key added', { ...entry, note: '' }],
    ['a key removed', { applicant: entry.applicant, lines: entry.lines }],
  ])('%s changes it', async (_, changed) => {
    expect(await fingerprintOf(changed)).not.toBe(await fingerprintOf(entry));
  });

  test('without Web Crypto (a page on plain http) the fallback gives the same print', async () => {
    const withSubtle = await fingerprintOf(entry);
    vi.stubGlobal('crypto', undefined);
    expect(await fingerprintOf(entry)).toBe(withSubtle);
  });
});

describe('sha256 fallback', () => {
  test.each([
    ['', 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855'], // FIPS 180-4 examples
    ['abc', 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad'],
    [
      'abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq', // two blocks
      '248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1',
    ],
  ])('%j', (text, digest) => {
    expect(hex(sha256(utf8Encode(text)))).toBe(digest);
  });

  test.each([55, 56, 63, 64, 65, 119, 120, 1000])('%d bytes (padding edges) agree with node:crypto', (n) => {
    const text = 'a'.repeat(n);
    expect(hex(sha256(utf8Encode(text)))).toBe(nodeSha(text));
  });
});

describe('shortFingerprint', () => {
  test.each([
    ['3f2a91c0de45ab12', '3f2a-91c0'],
    ['3f2a91', '3f2a-91'], // shorter input, as it is
    ['3f2a', '3f2a'],
    ['', ''],
  ])('%j → %j', (print, short) => {
    expect(shortFingerprint(print)).toBe(short);
  });
});
