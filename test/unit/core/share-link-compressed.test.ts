import { deflateRawSync } from 'node:zlib';
import { afterEach, describe, expect, test, vi } from 'vitest';
import * as v from 'valibot';
import {
  MAX_INFLATED_BYTES,
  MAX_SHARE_LENGTH,
  SHARE_MESSAGES,
  base64UrlDecode,
  base64UrlEncode,
  decodeFragment,
  decodeShareAny,
  encodeFragment,
  encodeShareCompressed,
  tooLongMessage,
  utf8Encode,
} from '../../../src/core/share-link';
import { plainShareLink } from '../helpers/plain-share-link';

const schema = v.object({ group: v.string(), scores: v.array(v.number()) });
/** Chinese text that repeats (as real forms do), so deflate wins over the plain form. */
const state = { group: '校区市场组'.repeat(20), scores: [90, 85.5] };

async function linkOf(value: unknown, version = 1, tool = 'appraisal'): Promise<string> {
  const result = await encodeShareCompressed(tool, version, value);
  if (!result.ok) throw new Error(result.error);
  return result.fragment;
}

/** A `z` link whose payload is `bytes` deflated by Node's zlib (an independent encoder). */
function zLink(bytes: Uint8Array | Buffer, tool = 'appraisal', version = 1): string {
  return `z${version}.${tool}.${base64UrlEncode(deflateRawSync(bytes))}`;
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('encodeShareCompressed', () => {
  test('makes a z link that deflate-raw of the JSON', async () => {
    const fragment = await linkOf(state);
    expect(fragment).toMatch(/^z1\.appraisal\.[A-Za-z0-9_-]+$/);
    expect(fragment.length).toBeLessThan(plainShareLink('appraisal', 1, state).length / 3);
  });

  test('keeps the plain form when deflate would not make it shorter', async () => {
    expect(await linkOf({ a: 1 })).toBe(`v1.appraisal.${base64UrlEncode(utf8Encode('{"a":1}'))}`);
  });

  test('without CompressionStream it falls back to the plain form', async () => {
    vi.stubGlobal('CompressionStream', undefined);
    const fragment = await linkOf(state);
    expect(fragment).toBe(plainShareLink('appraisal', 1, state));
    expect(await decodeShareAny(fragment, 'appraisal', 1, schema)).toEqual({ ok: true, state, migrated: false });
  });

  test('a link still too long after deflate says how long, in figures', async () => {
    // Random-looking numbers do not compress much.
    const big = { group: 'x', scores: Array.from({ length: 3000 }, (_, i) => (i * 7919) % 100_003) };
    const result = await encodeShareCompressed('appraisal', 1, big);
    expect(result).toMatchObject({ ok: false, limit: MAX_SHARE_LENGTH });
    if (result.ok || result.length === undefined) throw new Error('expected a length');
    expect(result.length).toBeGreaterThan(MAX_SHARE_LENGTH);
    expect(result.error).toBe(tooLongMessage(result.length, MAX_SHARE_LENGTH));
  });

  test('without CompressionStream the too-long message does not speak of compression', async () => {
    vi.stubGlobal('CompressionStream', undefined);
    const result = await encodeShareCompressed('appraisal', 1, { group: '组'.repeat(5000), scores: [] });
    if (result.ok) throw new Error('expected too long');
    expect(result.error.startsWith('内容约')).toBe(true);
  });

  const cyclic: Record<string, unknown> = {};
  cyclic.self = cyclic;
  test.each<[unknown, string]>([
    [cyclic, 'a cycle'],
    [{ n: 1n }, 'a BigInt'],
    [undefined, 'undefined'],
  ])('unserializable state %#: %s → message', async (value) => {
    expect(await encodeShareCompressed('appraisal', 1, value)).toEqual({
      ok: false,
      error: SHARE_MESSAGES.notSerializable,
    });
  });

  test.each([
    ['Budget', 1], // not kebab-case
    ['budget', 0], // versions start at 1
  ])('programming errors reject: tool %j version %d', async (tool, version) => {
    await expect(encodeShareCompressed(tool, version, {})).rejects.toThrow(RangeError);
  });
});

describe('tooLongMessage', () => {
  test.each([
    // length, limit, compressed, message
    [
      9800,
      6000,
      true,
      '内容压缩后约 9,800 字符，链接最多 6,000 字符（约能放下 61%）；请删减内容或改用“下载 JSON”',
    ],
    [
      6001,
      6000,
      true,
      '内容压缩后约 6,100 字符，链接最多 6,000 字符（约能放下 99%）；请删减内容或改用“下载 JSON”',
    ], // rounded up, never "fits"
    [
      10070,
      6000,
      true,
      '内容压缩后约 10,100 字符，链接最多 6,000 字符（约能放下 59%）；请删减内容或改用“下载 JSON”',
    ],
    [
      1234567,
      6000,
      false,
      '内容约 1,234,600 字符，链接最多 6,000 字符（约能放下 0%）；请删减内容或改用“下载 JSON”',
    ],
    [900, 600, true, '内容压缩后约 900 字符，链接最多 600 字符（约能放下 66%）；请删减内容或改用“下载 JSON”'], // small figures as they are
  ])('%d of %d (compressed %s)', (length, limit, compressed, message) => {
    expect(tooLongMessage(length, limit, compressed)).toBe(message);
  });
});

describe('decodeShareAny', () => {
  test('opens a compressed link, with or without # and whitespace', async () => {
    const fragment = await linkOf(state);
    for (const text of [fragment, `#${fragment}`, `  ${fragment}\n`]) {
      expect(await decodeShareAny(text, 'appraisal', 1, schema)).toEqual({
        ok: true,
        state,
        migrated: false,
      });
    }
  });

  test('opens v links (made before compression)', async () => {
    expect(await decodeShareAny(plainShareLink('appraisal', 1, state), 'appraisal', 1, schema)).toEqual({
      ok: true,
      state,
      migrated: false,
    });
  });

  test('opens what another deflate-raw encoder made (zlib), so browsers interoperate', async () => {
    const fragment = zLink(utf8Encode(JSON.stringify(state)));
    expect(await decodeShareAny(fragment, 'appraisal', 1, schema)).toEqual({
      ok: true,
      state,
      migrated: false,
    });
  });

  test('an older compressed link is lifted by migrate', async () => {
    const fragment = await linkOf({ group: '组'.repeat(40) }, 1);
    const migrate = (old: unknown): unknown => ({ ...(old as object), scores: [] });
    expect(await decodeShareAny(fragment, 'appraisal', 2, schema, { migrate })).toEqual({
      ok: true,
      state: { group: '组'.repeat(40), scores: [] },
      migrated: true,
    });
  });

  test('without DecompressionStream a z link says the browser cannot open it', async () => {
    const fragment = await linkOf(state);
    vi.stubGlobal('DecompressionStream', undefined);
    expect(await decodeShareAny(fragment, 'appraisal', 1, schema)).toEqual({
      ok: false,
      error: SHARE_MESSAGES.unsupported,
    });
  });

  test('a decompression bomb is refused as damaged, not inflated', async () => {
    // Valid JSON one byte over the cap: only the cap refuses it.
    const bomb = zLink(Buffer.from(`${' '.repeat(MAX_INFLATED_BYTES - 1)}{}`));
    expect(bomb.length).toBeLessThan(MAX_SHARE_LENGTH); // small link, huge content
    expect(await decodeShareAny(bomb, 'appraisal', 1, v.unknown())).toEqual({
      ok: false,
      error: SHARE_MESSAGES.damaged,
    });
    // Exactly the cap is still read (whitespace around JSON is valid JSON).
    const atCap = zLink(Buffer.from(`${' '.repeat(MAX_INFLATED_BYTES - 2)}{}`));
    expect(await decodeShareAny(atCap, 'appraisal', 1, v.unknown())).toMatchObject({ ok: true, state: {} });
  });

  test.each([
    ['', SHARE_MESSAGES.damaged], // nothing
    ['z1.appraisal.', SHARE_MESSAGES.damaged], // empty payload
    ['z1.appraisal.!!!', SHARE_MESSAGES.damaged], // not base64url
    [`z1.appraisal.${base64UrlEncode(utf8Encode('not deflate at all'))}`, SHARE_MESSAGES.damaged], // not deflate
    [zLink(Uint8Array.from([0xff, 0xfe])), SHARE_MESSAGES.damaged], // inflates to bytes that are not UTF-8
    [zLink(utf8Encode('{"group":')), SHARE_MESSAGES.damaged], // cut-off JSON
    [zLink(utf8Encode(JSON.stringify(state)), 'budget'), SHARE_MESSAGES.otherTool], // another tool's link
    [zLink(utf8Encode(JSON.stringify(state)), 'appraisal', 2), SHARE_MESSAGES.newer], // a newer page made it
    [zLink(utf8Encode('{"group":"组"}')), SHARE_MESSAGES.incomplete], // a field missing
    [zLink(utf8Encode('{}')).replace(/^z/, 'r'), SHARE_MESSAGES.damaged], // a reply, not a share link
  ])('%j → %s', async (fragment, error) => {
    expect(await decodeShareAny(fragment, 'appraisal', 1, schema)).toMatchObject({ ok: false, error });
  });

  test('a truncated compressed link is damaged', async () => {
    const fragment = await linkOf({ group: '校区市场组的年度推广计划与预算'.repeat(30), scores: [1, 2, 3] });
    const payload = base64UrlDecode(fragment.split('.')[2] ?? '');
    if (!payload) throw new Error('bad payload');
    const cut = `z1.appraisal.${base64UrlEncode(payload.slice(0, Math.floor(payload.length / 2)))}`;
    expect(await decodeShareAny(cut, 'appraisal', 1, schema)).toEqual({
      ok: false,
      error: SHARE_MESSAGES.damaged,
    });
  });
});

describe('reply fragments', () => {
  test('reply fragments round-trip through encodeFragment / decodeFragment', async () => {
    const reply = { answers: 'abc', note: '同意'.repeat(30) };
    const made = await encodeFragment('reply', 'budget', 1, reply);
    if (!made.ok) throw new Error(made.error);
    expect(made.fragment.startsWith('r1.budget.')).toBe(true);
    expect(await decodeFragment(made.fragment, 'reply', 'budget')).toEqual({
      ok: true,
      json: JSON.stringify(reply),
      version: 1,
    });
    expect(await decodeFragment(made.fragment, 'share', 'budget')).toEqual({
      ok: false,
      error: SHARE_MESSAGES.damaged,
    });
  });

  test('a plain reply fragment when CompressionStream is missing', async () => {
    vi.stubGlobal('CompressionStream', undefined);
    const made = await encodeFragment('reply', 'budget', 1, { a: '同意'.repeat(30) });
    expect(made.ok && made.fragment.startsWith('q1.budget.')).toBe(true);
  });
});
