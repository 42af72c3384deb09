/**
 * The link fragment: what follows `#` in a share or reply link (`<letter><version>.<tool>.<payload>`).
 * The pure half (pattern, kind, tool, parts); src/client/link-fragment.ts is the only reader of the address.
 *   v / z  share (plain / deflate-raw), q / r  reply (plain / deflate-raw): see ./share-link, ./reply.
 */

/** A link fragment: letter and version, tool, then the base64url payload (possibly empty). */
export const LINK_FRAGMENT = /^([qrvz]\d{1,9})\.([a-z0-9-]+)\.([A-Za-z0-9_-]*)/;

export type LinkKind = 'share' | 'reply';

export interface LinkFragmentInfo {
  readonly kind: LinkKind;
  readonly tool: string;
}

/** A fragment's kind and tool, or null for an in-page anchor (`c3-3-4`) or anything else. */
export function linkFragmentInfo(fragment: string): LinkFragmentInfo | null {
  const m = LINK_FRAGMENT.exec(fragment.replace(/^#/, ''));
  if (!m) return null;
  const letter = m[1]?.[0];
  return { kind: letter === 'v' || letter === 'z' ? 'share' : 'reply', tool: m[2] ?? '' };
}

/** Whether `fragment` is a link of `kind` (and of `tool`, when given). */
export function isLinkFragment(fragment: string, kind?: LinkKind, tool?: string): boolean {
  const info = linkFragmentInfo(fragment);
  return info !== null && (kind === undefined || info.kind === kind) && (tool === undefined || info.tool === tool);
}

export interface LinkFragmentParts {
  readonly letter: string;
  readonly version: number;
  readonly tool: string;
  readonly payload: string;
}

/** A whole fragment (with or without `#`, surrounding spaces ignored) → its parts; null if anything else. */
export function parseLinkFragment(fragment: string): LinkFragmentParts | null {
  const text = String(fragment).trim().replace(/^#/, '');
  const m = LINK_FRAGMENT.exec(text);
  if (!m || m[0].length !== text.length) return null;
  const [, head = '', tool = '', payload = ''] = m;
  return { letter: head.slice(0, 1), version: Number(head.slice(1)), tool, payload };
}

/**
 * The fragment in pasted text: a whole address (…/tools/self-review/#z1.self-review.…), the fragment
 * itself, or either followed by words (「…链接 谢谢经理」: the payload ends where base64url does).
 * Text holding no link comes back trimmed, for the decoder to call damaged.
 */
export function linkFragmentIn(text: string): string {
  const trimmed = String(text).replace(/^\uFEFF/, '').trim();
  const hash = trimmed.indexOf('#');
  const from = hash >= 0 ? trimmed.slice(hash + 1) : trimmed;
  return LINK_FRAGMENT.exec(from)?.[0] ?? from;
}
