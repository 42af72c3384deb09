// The share-link codec: UTF-8 and base64url, the encoder's plain form (a browser without
// CompressionStream, and every link made before compression) and how the decoder reads `v` links.
// The compressed form: ./share-link-compressed.test.ts.
import { afterEach, describe, expect, test, vi } from 'vitest';
import * as v from 'valibot';
import {
  MAX_SHARE_LENGTH,
  SHARE_MESSAGES,
  base64UrlDecode,
  base64UrlEncode,
  decodeShareAny,
  encodeShareCompressed,
  tooLongMessage,
  utf8Decode,
  utf8Encode,
} from '../../../src/core/share-link';
import { plainShareLink } from '../helpers/plain-share-link';

const schema = v.object({ group: v.string(), scores: v.array(v.number()) });
const state = { group: '校区市场组', scores: [90, 85.5] };

/** A `v` link, as made before compression (and still without CompressionStream). */
function fragmentOf(value: unknown, version = 1, tool = 'appraisal'): string {
  return plainShareLink(tool, version, value);
}

/** What the encoder makes in a browser without CompressionStream. */
function encodePlain(tool: string, version: number, value: unknown) {
  vi.stubGlobal('CompressionStream', undefined);
  return encodeShareCompressed(tool, version, value);
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('utf8Encode / utf8Decode', () => {
  test.each([
    ['', []], // empty
    ['A', [0x41]], // ASCII
    ['é', [0xc3, 0xa9]], // two bytes
    ['中', [0xe4, 0xb8, 0xad]], // three bytes
    ['😀', [0xf0, 0x9f, 0x98, 0x80]], // four bytes from a surrogate pair
    ['\ud800', [0xef, 0xbf, 0xbd]], // lone high surrogate → U+FFFD, as TextEncoder
    ['\udc00x', [0xef, 0xbf, 0xbd, 0x78]], // lone low surrogate → U+FFFD
    ['\ud800x', [0xef, 0xbf, 0xbd, 0x78]], // high surrogate followed by a non-surrogate
  ])('%j ⇄ %j', (text, bytes) => {
    expect([...utf8Encode(text)]).toEqual(bytes);
    // Only well-formed text can come back unchanged; lone surrogates were replaced.
    if (!/[\ud800-\udfff]/.test(text.replace(/[\ud800-\udbff][\udc00-\udfff]/g, ''))) {
      expect(utf8Decode(Uint8Array.from(bytes))).toBe(text);
    }
  });

  test.each([
    [[0x80], 'a lone continuation byte'],
    [[0xc0, 0x80], 'overlong NUL'],
    [[0xe0, 0x80, 0x80], 'overlong three-byte'],
    [[0xed, 0xa0, 0x80], 'an encoded surrogate'],
    [[0xf4, 0x90, 0x80, 0x80], 'beyond U+10FFFF'],
    [[0xf5, 0x80, 0x80, 0x80], 'an invalid lead byte'],
    [[0xe4, 0xb8], 'a truncated sequence'],
    [[0xe4, 0x41, 0xad], 'a bad continuation byte'],
  ])('%j (%s) → null', (bytes) => {
    expect(utf8Decode(Uint8Array.from(bytes))).toBeNull();
  });

  test('long text decodes in chunks without overflowing the call stack', () => {
    const text = '中'.repeat(20000);
    expect(utf8Decode(utf8Encode(text))).toBe(text);
  });
});

describe('base64url', () => {
  test.each([
    ['', ''], // RFC 4648 test vectors, unpadded
    ['f', 'Zg'],
    ['fo', 'Zm8'],
    ['foo', 'Zm9v'],
    ['foob', 'Zm9vYg'],
    ['fooba', 'Zm9vYmE'],
    ['foobar', 'Zm9vYmFy'],
  ])('%j ⇄ %j', (text, encoded) => {
    expect(base64UrlEncode(utf8Encode(text))).toBe(encoded);
    expect(base64UrlDecode(encoded)).toEqual(utf8Encode(text));
  });

  test('uses - and _ instead of + and /', () => {
    expect(base64UrlEncode(Uint8Array.from([0xfb, 0xff]))).toBe('-_8');
  });

  test.each([
    ['Zm9v=', 'padding'],
    ['Zm+v', 'standard base64 character'],
    ['Z', 'impossible length'],
    ['Zh', 'non-zero unused bits (tampered last character)'],
    ['中', 'non-ASCII'],
  ])('%j (%s) → null', (text) => {
    expect(base64UrlDecode(text)).toBeNull();
  });
});

describe('the plain form (no CompressionStream)', () => {
  test('v<version>.<tool>.<payload>, the form links had before compression', async () => {
    const made = await encodePlain('bonus', 3, { a: 1 });
    expect(made).toEqual({ ok: true, fragment: `v3.bonus.${base64UrlEncode(utf8Encode('{"a":1}'))}` });
    expect(made.ok && made.fragment).toBe(fragmentOf({ a: 1 }, 3, 'bonus'));
  });

  test('too much state is refused with a message, not a broken link', async () => {
    const big = { group: 'x', scores: Array.from({ length: 2000 }, (_, i) => i) };
    const result = await encodePlain('appraisal', 1, big);
    if (result.ok || result.length === undefined) throw new Error('expected too long');
    expect(result.error).toBe(tooLongMessage(result.length, MAX_SHARE_LENGTH, false));
  });

  test('state just under the limit fits', async () => {
    const result = await encodePlain('appraisal', 1, { group: 'a'.repeat(4000), scores: [] });
    expect(result.ok && result.fragment.length <= MAX_SHARE_LENGTH).toBe(true);
  });

  const cyclic: Record<string, unknown> = {};
  cyclic.self = cyclic;
  test.each<[unknown, string]>([
    [cyclic, 'a cycle'], // JSON.stringify throws
    [{ n: 1n }, 'a BigInt'], // JSON.stringify throws
    [undefined, 'undefined'], // JSON.stringify returns undefined
  ])('unserializable state %#: %s → message', async (value) => {
    expect(await encodePlain('appraisal', 1, value)).toEqual({ ok: false, error: SHARE_MESSAGES.notSerializable });
  });

  test.each([
    ['Budget', 1], // not kebab-case
    ['a.b', 1], // would break the format
    ['budget', 0], // versions start at 1
    ['budget', 1.5], // integer versions
  ])('programming errors reject: tool %j version %d', async (tool, version) => {
    await expect(encodeShareCompressed(tool, version, {})).rejects.toThrow(RangeError);
  });
});

describe('decodeShareAny reads v links', () => {
  test('round trip, with or without #', async () => {
    const fragment = fragmentOf(state);
    expect(await decodeShareAny(fragment, 'appraisal', 1, schema)).toEqual({ ok: true, state, migrated: false });
    expect(await decodeShareAny(`#${fragment}`, 'appraisal', 1, schema)).toEqual({
      ok: true,
      state,
      migrated: false,
    });
  });

  test.each([
    ['', SHARE_MESSAGES.damaged], // nothing
    ['#', SHARE_MESSAGES.damaged], // a bare hash
    ['hello', SHARE_MESSAGES.damaged], // not our format
    ['v1.appraisal', SHARE_MESSAGES.damaged], // no payload part
    ['v1.appraisal.', SHARE_MESSAGES.damaged], // empty payload
    ['v1.appraisal.!!!', SHARE_MESSAGES.damaged], // not base64url
    ['v1.appraisal.Zh', SHARE_MESSAGES.damaged], // tampered last character
    [`v1.appraisal.${base64UrlEncode(Uint8Array.from([0xff]))}`, SHARE_MESSAGES.damaged], // not UTF-8
    [`v1.appraisal.${base64UrlEncode(utf8Encode('{"group":'))}`, SHARE_MESSAGES.damaged], // cut-off JSON
    ['vX.appraisal.e30', SHARE_MESSAGES.damaged], // version not a number
    [fragmentOf(state, 1, 'budget'), SHARE_MESSAGES.otherTool], // another tool's link
    [fragmentOf(state, 2), SHARE_MESSAGES.newer], // made by a newer page
    [fragmentOf({ group: '组' }), SHARE_MESSAGES.incomplete], // a field missing
    [fragmentOf(null), SHARE_MESSAGES.incomplete], // null state
  ])('%j → %s', async (fragment, error) => {
    expect(await decodeShareAny(fragment, 'appraisal', 1, schema)).toMatchObject({ ok: false, error });
  });

  test('an incomplete link names the field', async () => {
    expect(await decodeShareAny(fragmentOf({ group: '组' }), 'appraisal', 1, schema)).toEqual({
      ok: false,
      error: SHARE_MESSAGES.incomplete,
      field: ['scores'],
    });
  });

  test('an older link without migrate is too old', async () => {
    expect(await decodeShareAny(fragmentOf(state, 1), 'appraisal', 2, schema)).toEqual({
      ok: false,
      error: SHARE_MESSAGES.older,
    });
  });

  test('an older link is lifted by migrate', async () => {
    const migrate = (old: unknown): unknown => ({ ...(old as object), scores: [] });
    expect(await decodeShareAny(fragmentOf({ group: 'g' }, 1), 'appraisal', 2, schema, { migrate })).toEqual({
      ok: true,
      state: { group: 'g', scores: [] },
      migrated: true,
    });
  });

  test('a migrated link that still fails the schema is too old', async () => {
    expect(await decodeShareAny(fragmentOf({}, 1), 'appraisal', 2, schema, { migrate: (o) => o })).toEqual({
      ok: false,
      error: SHARE_MESSAGES.older,
    });
  });

  test('surrounding whitespace from a pasted link is ignored', async () => {
    expect(await decodeShareAny(`  ${fragmentOf(state)}\n`, 'appraisal', 1, schema)).toMatchObject({ ok: true });
  });
});
