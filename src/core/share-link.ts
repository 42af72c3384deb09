/**
 * Share links: a tool's state rides in the URL fragment (never sent to a server) as
 * `v<version>.<tool>.<base64url(UTF-8(JSON))>`, and is validated against the tool's schema when
 * the link is opened. Pure and synchronous: the UTF-8 and base64url codecs are written here
 * because src/lib has no DOM lib (no TextEncoder, btoa or Buffer).
 */
import { upgradeState, validateState, type Migrate, type StateSchema } from './json-file';

/** Longest fragment we produce; long URLs get cut by chat apps and some browsers. */
export const MAX_SHARE_LENGTH = 6000;

export const SHARE_MESSAGES = {
  damaged: '链接已损坏，请重新复制完整的链接',
  otherTool: '链接不属于本工具',
  older: '链接版本过旧，无法打开',
  newer: '链接来自较新的版本，请刷新页面后再打开',
  incomplete: '链接内容不完整',
  tooLong: '内容太多，无法放进链接，请改用“下载 JSON”',
  notSerializable: '内容无法生成链接',
} as const;

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
    else bytes.push(0xf0 | (cp >> 18), 0x80 | ((cp >> 12) & 0x3f), 0x80 | ((cp >> 6) & 0x3f), 0x80 | (cp & 0x3f));
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

// ---- share links -------------------------------------------------------------------------

export type EncodeShareResult =
  { readonly ok: true; readonly fragment: string } | { readonly ok: false; readonly error: string };

/** State → `v<version>.<tool>.<payload>` (without `#`). Refuses state that makes the link too long. */
export function encodeShare(tool: string, version: number, state: unknown): EncodeShareResult {
  if (!TOOL_NAME.test(tool)) throw new RangeError(`Tool name must be kebab-case: ${tool}`);
  if (!Number.isSafeInteger(version) || version < 1) throw new RangeError(`Version must be ≥ 1: ${version}`);
  let json: string | undefined;
  try {
    json = JSON.stringify(state);
  } catch {
    json = undefined; // a cycle or a BigInt
  }
  if (json === undefined) return { ok: false, error: SHARE_MESSAGES.notSerializable };
  const fragment = `v${version}.${tool}.${base64UrlEncode(utf8Encode(json))}`;
  if (fragment.length > MAX_SHARE_LENGTH) return { ok: false, error: SHARE_MESSAGES.tooLong };
  return { ok: true, fragment };
}

export type DecodeShareResult<T> =
  | { readonly ok: true; readonly state: T; readonly migrated: boolean }
  | { readonly ok: false; readonly error: string; readonly field?: readonly PropertyKey[] };

/**
 * A fragment (with or without `#`) → validated state of `tool` at `version`. Never throws,
 * whatever the fragment holds.
 */
export function decodeShare<T>(
  fragment: string,
  tool: string,
  version: number,
  schema: StateSchema<T>,
  options: { readonly migrate?: Migrate } = {},
): DecodeShareResult<T> {
  const damaged = { ok: false, error: SHARE_MESSAGES.damaged } as const;
  const match = /^#?v(\d{1,9})\.([a-z0-9-]+)\.([A-Za-z0-9_-]*)$/.exec(String(fragment).trim());
  if (!match) return damaged;
  const [, versionText = '', linkTool, payload = ''] = match;
  if (linkTool !== tool) return { ok: false, error: SHARE_MESSAGES.otherTool };

  const bytes = base64UrlDecode(payload);
  const json = bytes && utf8Decode(bytes);
  if (json === null) return damaged;
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch {
    return damaged;
  }

  const upgraded = upgradeState(data, Number(versionText), version, options.migrate);
  if (!upgraded.ok) return { ok: false, error: SHARE_MESSAGES[upgraded.reason] };
  const validated = validateState(schema, upgraded.data);
  if (validated.ok) return { ok: true, state: validated.state, migrated: upgraded.migrated };
  if (upgraded.migrated) return { ok: false, error: SHARE_MESSAGES.older };
  return { ok: false, error: SHARE_MESSAGES.incomplete, ...(validated.field ? { field: validated.field } : {}) };
}
