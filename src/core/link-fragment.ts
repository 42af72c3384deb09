/**
 * The link fragment: what follows `#` in a share or reply link (`<letter><version>.<tool>.<payload>`).
 * The pure half (pattern, kind, tool); src/client/link-fragment.ts is the only reader of the address.
 *   v / z  share (plain / deflate-raw), q / r  reply (plain / deflate-raw): see ./share-link, ./reply.
 */
export const LINK_FRAGMENT = /^([qrvz])\d{1,9}\.([a-z0-9-]+)\./;

export type LinkKind = 'share' | 'reply';

export interface LinkFragmentInfo {
  readonly kind: LinkKind;
  readonly tool: string;
}

/** A fragment's kind and tool, or null for an in-page anchor (`c3-3-4`) or anything else. */
export function linkFragmentInfo(fragment: string): LinkFragmentInfo | null {
  const m = LINK_FRAGMENT.exec(fragment.replace(/^#/, ''));
  if (!m) return null;
  return { kind: m[1] === 'v' || m[1] === 'z' ? 'share' : 'reply', tool: m[2] ?? '' };
}

/** Whether `fragment` is a link of `kind` (and of `tool`, when given). */
export function isLinkFragment(fragment: string, kind?: LinkKind, tool?: string): boolean {
  const info = linkFragmentInfo(fragment);
  return info !== null && (kind === undefined || info.kind === kind) && (tool === undefined || info.tool === tool);
}
