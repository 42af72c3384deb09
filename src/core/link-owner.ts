/**
 * Whose link it is: a well-formed share or reply link pasted where another is expected (an 入职清单
 * share link in 新员工签收, a 上级评定 reply in 团队考核) is named, with the page it opens, instead
 * of being called damaged. The names are the tool pages' titles (a unit test keeps them equal).
 */
import type { LinkKind } from './link-fragment';
import { fill } from './template';

/** A tool that makes links: its page's name, and what its reply links are and where they open. */
interface LinkOwner {
  /** The page's title, as the sidebar shows it. */
  readonly name: string;
  /** Its reply links (`r1.<tool>`): what they are called and the tool page that opens them. */
  readonly reply?: {
    readonly what: string;
    readonly opensAt: string;
    /** What a reply of one kind is called when it is not the usual one (a tool answered two ways). */
    readonly kinds?: Readonly<Record<string, string>>;
  };
}

/** Every tool by its link name (= its page's slug under /tools/). A share link opens on its own page. */
export const LINK_OWNERS: Readonly<Record<string, LinkOwner>> = {
  onboarding: { name: '入职清单', reply: { what: '入职清单的签收链接', opensAt: 'signoffs' } },
  'self-review': {
    name: '绩效自评',
    reply: {
      what: '团队考核发回的上级评定链接',
      opensAt: 'self-review',
      kinds: { targets: '团队考核下达的目标链接' },
    },
  },
  bonus: { name: '绩效奖金估算' },
  'budget-request': { name: '预算申请单', reply: { what: '预算申请单的审批回复链接', opensAt: 'budget-request' } },
  'team-review': { name: '团队考核' },
  signoffs: { name: '新员工签收' },
};

export const LINK_OWNER_MESSAGES = {
  /** {what}: 入职清单的分享链接; {page}: the page it opens. */
  elsewhere: '这是{what}，请在浏览器中直接打开：它会打开{page}',
  share: '{tool}的分享链接',
} as const;

/** A link that belongs elsewhere: the fragment, and the tool page that opens it. */
export interface ForeignLink {
  /** The fragment without `#`, as read from what was pasted. */
  readonly fragment: string;
  /** The tool page it opens at: its slug under /tools/. */
  readonly opensAt: string;
  /** That page's name, e.g. 新员工签收. */
  readonly page: string;
}

/**
 * A link of `kind` for `tool` (its fragment `fragment`), read where another kind or tool was expected →
 * what it is and where it opens, in words; null for a tool this site does not have. `replyKind` is the
 * reply's own kind when it could be read (a 目标 or a 上级评定).
 */
export function foreignLink(
  kind: LinkKind,
  tool: string,
  fragment: string,
  replyKind?: string,
): { readonly error: string; readonly foreign: ForeignLink } | null {
  const owner = Object.hasOwn(LINK_OWNERS, tool) ? LINK_OWNERS[tool] : undefined;
  if (!owner) return null;
  const kinds = owner.reply?.kinds;
  const named = replyKind !== undefined && kinds && Object.hasOwn(kinds, replyKind) ? kinds[replyKind] : undefined;
  const what = kind === 'share' ? fill(LINK_OWNER_MESSAGES.share, { tool: owner.name }) : (named ?? owner.reply?.what);
  const opensAt = kind === 'share' ? tool : owner.reply?.opensAt;
  const page = opensAt === undefined ? undefined : LINK_OWNERS[opensAt]?.name;
  if (what === undefined || opensAt === undefined || page === undefined) return null;
  return {
    error: fill(LINK_OWNER_MESSAGES.elsewhere, { what, page }),
    foreign: { fragment: fragment.trim().replace(/^#/, ''), opensAt, page },
  };
}
