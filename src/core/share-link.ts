/**
 * Share links: a tool's state rides in the URL fragment (never sent to a server) and is validated
 * against the tool's schema when the link is opened. Forms (`<letter><version>.<tool>.<payload>`,
 * payload base64url; the pattern is ./link-fragment's), one encoder and one decoder for all:
 *   v  share, UTF-8 JSON              (every link made before compression, and without CompressionStream)
 *   z  share, deflate-raw of UTF-8 JSON (about 4× shorter for Chinese text)
 *   q  reply, UTF-8 JSON; r  reply, deflate-raw (see ./reply)
 * The UTF-8 and base64url codecs are written here because logic has no DOM lib (no TextEncoder,
 * btoa or Buffer); deflate is the platform's CompressionStream, declared below.
 */
import { upgradeState, validateState, type Migrate, type StateSchema } from './json-file';
import { linkFragmentInfo, parseLinkFragment, type LinkKind } from './link-fragment';
import { foreignLink, type ForeignLink } from './link-owner';
import { fill } from './template';

/** Longest fragment we produce; long URLs get cut by chat apps and some browsers. */
export const MAX_SHARE_LENGTH = 6000;

export const SHARE_MESSAGES = {
  damaged: '链接已损坏，请重新复制完整的链接',
  otherTool: '链接不属于本工具',
  older: '链接版本过旧，无法打开',
  newer: '链接来自较新的版本，请刷新页面后再打开',
  incomplete: '链接内容不完整',
  /** The link would be too long, with figures; fill through tooLongMessage. */
  tooLongCompressed:
    '内容压缩后约 {length} 字符，链接最多 {limit} 字符（约能放下 {percent}%）；请删减内容或改用“下载 JSON”',
  tooLongPlain:
    '内容约 {length} 字符，链接最多 {limit} 字符（约能放下 {percent}%）；请删减内容或改用“下载 JSON”',
  notSerializable: '内容无法生成链接',
  unsupported: '这个浏览器无法打开压缩的链接，请更新浏览器，或请对方改发 JSON 文件',
} as const;

/** `9,800`: digits grouped by thousands, without Intl (its data may be trimmed in small builds). */
function groupThousands(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/**
 * "内容压缩后约 9,800 字符，链接最多 6,000 字符（约能放下 61%）…": the length rounded up to the
 * hundred (never shown as fitting when it does not), the share that fits rounded down.
 */
export function tooLongMessage(length: number, limit: number, compressed = true): string {
  const shown = length >= 1000 ? Math.ceil(length / 100) * 100 : length;
  const percent = Math.floor((limit / length) * 100);
  return fill(compressed ? SHARE_MESSAGES.tooLongCompressed : SHARE_MESSAGES.tooLongPlain, {
    length: groupThousands(shown),
    limit: groupThousands(limit),
    percent,
  });
}

const TOOL_NAME = /^[a-z0-9-]+$/;

// ---- UTF-8 -------------------------------------------------------------------------------

/** String → UTF-8 bytes; a lone surrogate becomes U+FFFD, as TextEncoder does. */
export function utf8Encode(text: string): Uint8Array {
  const bytes: number[] = [];
  for (let i = 0; i < text.length; i++) {
    let cp = text.charCodeAt(i);
    if (cp >= 0xd800 && cp <= 0xdbff) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        cp = 0x10000 + ((cp - 0xd800) << 10) + (next - 0xdc00);
        i++;
      } else {
        cp = 0xfffd;
      }
    } else if (cp >= 0xdc00 && cp <= 0xdfff) {
      cp = 0xfffd;
    }
    if (cp < 0x80) bytes.push(cp);
    else if (cp < 0x800) bytes.push(0xc0 | (cp >> 6), 0x80 | (cp & 0x3f));
    else if (cp < 0x10000) bytes.push(0xe0 | (cp >> 12), 0x80 | ((cp >> 6) & 0x3f), 0x80 | (cp & 0x3f));
    else
      bytes.push(
        0xf0 | (cp >> 18),
        0x80 | ((cp >> 12) & 0x3f),
        0x80 | ((cp >> 6) & 0x3f),
        0x80 | (cp & 0x3f),
      );
  }
  return Uint8Array.from(bytes);
}

/** Strict UTF-8 → string; null for anything malformed (overlong, surrogate, truncated). */
export function utf8Decode(bytes: Uint8Array): string | null {
  const codePoints: number[] = [];
  let i = 0;
  while (i < bytes.length) {
    const b0 = bytes[i] as number;
    let length: number;
    let cp: number;
    let min: number;
    if (b0 < 0x80) [length, cp, min] = [1, b0, 0];
    else if (b0 >= 0xc2 && b0 <= 0xdf) [length, cp, min] = [2, b0 & 0x1f, 0x80];
    else if (b0 >= 0xe0 && b0 <= 0xef) [length, cp, min] = [3, b0 & 0x0f, 0x800];
    else if (b0 >= 0xf0 && b0 <= 0xf4) [length, cp, min] = [4, b0 & 0x07, 0x10000];
    else return null;
    if (i + length > bytes.length) return null;
    for (let k = 1; k < length; k++) {
      const b = bytes[i + k] as number;
      if ((b & 0xc0) !== 0x80) return null;
      cp = (cp << 6) | (b & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return null;
    codePoints.push(cp);
    i += length;
  }
  let out = '';
  for (let k = 0; k < codePoints.length; k += 4096) {
    out += String.fromCodePoint(...codePoints.slice(k, k + 4096));
  }
  return out;
}

// ---- base64url (RFC 4648 §5, no padding) ---------------------------------------------------

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const ALPHABET_INDEX = new Map<string, number>([...ALPHABET].map((ch, i) => [ch, i]));

export function base64UrlEncode(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const b0 = bytes[i] as number;
    const b1 = bytes[i + 1];
    const b2 = bytes[i + 2];
    const n = (b0 << 16) | ((b1 ?? 0) << 8) | (b2 ?? 0);
    out += ALPHABET[(n >> 18) & 63];
    out += ALPHABET[(n >> 12) & 63];
    if (b1 !== undefined) out += ALPHABET[(n >> 6) & 63];
    if (b2 !== undefined) out += ALPHABET[n & 63];
  }
  return out;
}

/** Canonical base64url only (no padding, unused bits zero); null otherwise. */
export function base64UrlDecode(text: string): Uint8Array | null {
  if (text.length % 4 === 1) return null;
  const bytes: number[] = [];
  let buffer = 0;
  let bits = 0;
  for (const ch of text) {
    const value = ALPHABET_INDEX.get(ch);
    if (value === undefined) return null;
    buffer = ((buffer << 6) | value) & 0xffffff;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      bytes.push((buffer >> bits) & 0xff);
    }
  }
  if ((buffer & ((1 << bits) - 1)) !== 0) return null;
  return Uint8Array.from(bytes);
}

// ---- links --------------------------------------------------------------------------------

export type EncodeShareResult =
  | { readonly ok: true; readonly fragment: string }
  | {
      readonly ok: false;
      readonly error: string;
      /** When the link is too long: its length in characters, and the limit (MAX_SHARE_LENGTH). */
      readonly length?: number;
      readonly limit?: number;
    };

export type DecodeShareResult<T> =
  | { readonly ok: true; readonly state: T; readonly migrated: boolean }
  | {
      readonly ok: false;
      readonly error: string;
      readonly field?: readonly PropertyKey[];
      /** A link of another tool or kind: where it opens (see ./link-owner). */
      readonly foreign?: ForeignLink;
    };

const DAMAGED = { ok: false, error: SHARE_MESSAGES.damaged } as const;

/** JSON text of a link made at `linkVersion` → validated state at `version`. */
function stateFromJson<T>(
  json: string,
  linkVersion: number,
  version: number,
  schema: StateSchema<T>,
  migrate: Migrate | undefined,
): DecodeShareResult<T> {
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch {
    return DAMAGED;
  }
  const upgraded = upgradeState(data, linkVersion, version, migrate);
  if (!upgraded.ok) return { ok: false, error: SHARE_MESSAGES[upgraded.reason] };
  const validated = validateState(schema, upgraded.data);
  if (validated.ok) return { ok: true, state: validated.state, migrated: upgraded.migrated };
  if (upgraded.migrated) return { ok: false, error: SHARE_MESSAGES.older };
  return {
    ok: false,
    error: SHARE_MESSAGES.incomplete,
    ...(validated.field ? { field: validated.field } : {}),
  };
}

/** Most bytes a compressed link may inflate to: a 6,000-character link of real state is ~40 KB. */
export const MAX_INFLATED_BYTES = 2 * 1024 * 1024;

/** The parts of the Streams and Compression Streams APIs used here (no DOM lib in logic). */
interface ByteReader {
  read(): Promise<{ readonly done: boolean; readonly value?: Uint8Array }>;
  cancel(): Promise<void>;
}
interface ByteWriter {
  write(chunk: Uint8Array): Promise<void>;
  close(): Promise<void>;
}
type TransformCtor = new (format: 'deflate-raw') => {
  readonly readable: { getReader(): ByteReader };
  readonly writable: { getWriter(): ByteWriter };
};
const platform = globalThis as unknown as {
  readonly CompressionStream?: TransformCtor;
  readonly DecompressionStream?: TransformCtor;
};

/** Bytes through a (de)compression stream; null when it fails or would pass `max` bytes. */
async function transform(Ctor: TransformCtor, bytes: Uint8Array, max: number): Promise<Uint8Array | null> {
  const stream = new Ctor('deflate-raw');
  const writer = stream.writable.getWriter();
  const reader = stream.readable.getReader();
  // Errors show on the reading side; these promises only must not reject unhandled.
  writer.write(bytes).catch(() => {});
  writer.close().catch(() => {});
  const chunks: Uint8Array[] = [];
  let total = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      if (!value) continue;
      total += value.length;
      if (total > max) {
        // A decompression bomb: stop inflating at once.
        reader.cancel().catch(() => {});
        return null;
      }
      chunks.push(value);
    }
  } catch {
    return null; // not deflate data, truncated, or trailing junk
  }
  const out = new Uint8Array(total);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
}

const LETTERS = { share: { plain: 'v', deflated: 'z' }, reply: { plain: 'q', deflated: 'r' } } as const;

/**
 * The one encoder. Any JSON-able value → the shorter of the plain and deflated fragments of `kind`;
 * the plain one when the browser has no CompressionStream. Too long → a message with the figures.
 */
export async function encodeFragment(
  kind: LinkKind,
  tool: string,
  version: number,
  value: unknown,
): Promise<EncodeShareResult> {
  if (!TOOL_NAME.test(tool)) throw new RangeError(`Tool name must be kebab-case: ${tool}`);
  if (!Number.isSafeInteger(version) || version < 1) throw new RangeError(`Version must be ≥ 1: ${version}`);
  let json: string | undefined;
  try {
    json = JSON.stringify(value);
  } catch {
    json = undefined; // a cycle or a BigInt
  }
  if (json === undefined) return { ok: false, error: SHARE_MESSAGES.notSerializable };
  const bytes = utf8Encode(json);
  const head = (letter: string) => `${letter}${version}.${tool}.`;
  let fragment = head(LETTERS[kind].plain) + base64UrlEncode(bytes);
  const Compression = platform.CompressionStream;
  const deflated = Compression ? await transform(Compression, bytes, Infinity) : null;
  if (deflated) {
    const compressed = head(LETTERS[kind].deflated) + base64UrlEncode(deflated);
    if (compressed.length < fragment.length) fragment = compressed;
  }
  if (fragment.length > MAX_SHARE_LENGTH) {
    const { length } = fragment;
    const error = tooLongMessage(length, MAX_SHARE_LENGTH, deflated !== null);
    return { ok: false, error, length, limit: MAX_SHARE_LENGTH };
  }
  return { ok: true, fragment };
}

/** The kind inside a reply link (目标 or 上级评定 share one tool), to name it; undefined when unreadable. */
async function replyKindIn(parsed: { letter: string; payload: string }): Promise<string | undefined> {
  let bytes = base64UrlDecode(parsed.payload);
  if (bytes && parsed.letter === LETTERS.reply.deflated) {
    const Decompression = platform.DecompressionStream;
    bytes = Decompression ? await transform(Decompression, bytes, MAX_INFLATED_BYTES) : null;
  }
  const json = bytes && utf8Decode(bytes);
  try {
    const kind: unknown = json ? (JSON.parse(json) as { reply?: unknown }).reply : undefined;
    return typeof kind === 'string' ? kind : undefined;
  } catch {
    return undefined;
  }
}

export type FragmentJsonResult =
  | { readonly ok: true; readonly json: string; readonly version: number }
  | { readonly ok: false; readonly error: string; readonly foreign?: ForeignLink };

/**
 * The one decoder: a fragment of `kind` for `tool` (with or without `#`), plain or deflated, any
 * version → its JSON text and version. Never rejects.
 */
export async function decodeFragment(fragment: string, kind: LinkKind, tool: string): Promise<FragmentJsonResult> {
  const parsed = parseLinkFragment(fragment);
  if (!parsed) return DAMAGED;
  const letters: readonly string[] = Object.values(LETTERS[kind]);
  if (!letters.includes(parsed.letter) || parsed.tool !== tool) {
    // Well formed, but another tool's or another kind (a share link where a reply is expected):
    // say what it is and where it opens, rather than that it is damaged.
    const theirs = linkFragmentInfo(fragment)?.kind ?? kind;
    const replyKind = theirs === 'reply' ? await replyKindIn(parsed) : undefined;
    const elsewhere = foreignLink(theirs, parsed.tool, fragment, replyKind);
    if (elsewhere) return { ok: false, ...elsewhere };
    return parsed.tool !== tool ? { ok: false, error: SHARE_MESSAGES.otherTool } : DAMAGED;
  }
  let bytes = base64UrlDecode(parsed.payload);
  if (bytes && parsed.letter === LETTERS[kind].deflated) {
    const Decompression = platform.DecompressionStream;
    if (!Decompression) return { ok: false, error: SHARE_MESSAGES.unsupported };
    bytes = await transform(Decompression, bytes, MAX_INFLATED_BYTES);
  }
  const json = bytes && utf8Decode(bytes);
  return json === null ? DAMAGED : { ok: true, json, version: parsed.version };
}

/** State → a share link: compressed (`z…`), or the plain `v…` form when that is not longer. */
export function encodeShareCompressed(
  tool: string,
  version: number,
  state: unknown,
): Promise<EncodeShareResult> {
  return encodeFragment('share', tool, version, state);
}

/**
 * Every share link ever made (`v` plain, as all links before compression, and `z`) → validated
 * state of `tool` at `version`. Never rejects, whatever the fragment holds.
 */
export async function decodeShareAny<T>(
  fragment: string,
  tool: string,
  version: number,
  schema: StateSchema<T>,
  options: { readonly migrate?: Migrate } = {},
): Promise<DecodeShareResult<T>> {
  const read = await decodeFragment(fragment, 'share', tool);
  if (!read.ok) return read;
  return stateFromJson(read.json, read.version, version, schema, options.migrate);
}
