// A well-formed link read where another is expected says whose it is and where it opens, for every
// tool's links, through the one decoder (share-link's decodeFragment) that every reader uses.
import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { LINK_OWNERS, foreignLink } from '../../../src/core/link-owner';
import { readReply } from '../../../src/core/reply';
import { decodeFragment, decodeShareAny, SHARE_MESSAGES } from '../../../src/core/share-link';
import { onboardingStateSchema } from '../../../src/tools/onboarding/logic/state';
import { signoffReplyFormat } from '../../../src/tools/onboarding/logic/signoff';
import { encodeTargetsLink, makeTargetsReply } from '../../../src/tools/self-review/logic/targets';

const page = (slug: string) => LINK_OWNERS[slug]!.name;

describe('LINK_OWNERS', () => {
  test('one per tool page, named as the page is titled', () => {
    const titles = Object.fromEntries(
      readdirSync('content/docs/tools').map((f) => [
        f.replace(/\.mdx$/, ''),
        /^title:\s*(.+)$/m.exec(readFileSync(`content/docs/tools/${f}`, 'utf8'))![1]!.trim(),
      ]),
    );
    expect(Object.fromEntries(Object.entries(LINK_OWNERS).map(([slug, o]) => [slug, o.name]))).toEqual(titles);
    for (const owner of Object.values(LINK_OWNERS))
      if (owner.reply) expect(Object.keys(LINK_OWNERS)).toContain(owner.reply.opensAt);
  });
});

describe('foreignLink: what a link is and where it opens', () => {
  test.each([
    // [kind, tool, message, opens at]
    ['share', 'onboarding', '这是入职清单的分享链接，请在浏览器中直接打开：它会打开入职清单', 'onboarding'],
    ['share', 'self-review', '这是绩效自评的分享链接，请在浏览器中直接打开：它会打开绩效自评', 'self-review'],
    ['share', 'bonus', '这是绩效奖金估算的分享链接，请在浏览器中直接打开：它会打开绩效奖金估算', 'bonus'],
    ['share', 'budget-request', '这是预算申请单的分享链接，请在浏览器中直接打开：它会打开预算申请单', 'budget-request'],
    ['share', 'team-review', '这是团队考核的分享链接，请在浏览器中直接打开：它会打开团队考核', 'team-review'],
    ['share', 'signoffs', '这是新员工签收的分享链接，请在浏览器中直接打开：它会打开新员工签收', 'signoffs'],
    // A 签收 is a reply of the 入职清单 that the manager's 新员工签收 opens.
    ['reply', 'onboarding', '这是入职清单的签收链接，请在浏览器中直接打开：它会打开新员工签收', 'signoffs'],
    ['reply', 'self-review', '这是团队考核发回的上级评定链接，请在浏览器中直接打开：它会打开绩效自评', 'self-review'],
    ['reply', 'budget-request', '这是预算申请单的审批回复链接，请在浏览器中直接打开：它会打开预算申请单', 'budget-request'],
  ] as const)('%s link of %s', (kind, tool, error, opensAt) => {
    const letter = kind === 'share' ? 'z1' : 'r1';
    expect(foreignLink(kind, tool, ` #${letter}.${tool}.AAAA `)).toEqual({
      error,
      foreign: { fragment: `${letter}.${tool}.AAAA`, opensAt, page: page(opensAt) },
    });
  });

  test.each([
    ['reply', 'bonus'], // no tool replies to 绩效奖金估算
    ['share', 'budget'], // no such tool
    ['share', 'constructor'], // not fooled by Object's own names
  ] as const)('%s link of %s → null (the reader says damaged or other tool)', (kind, tool) =>
    expect(foreignLink(kind, tool, `v1.${tool}.AAAA`)).toBeNull(),
  );
});

describe('the one decoder names a link of another tool or kind', () => {
  test('an 入职清单 share link read as a 签收 (新员工签收) → what it is and a way to open it', async () => {
    const r = await readReply('https://handbook.example/tools/onboarding/#z1.onboarding.AAAA', signoffReplyFormat);
    expect(r).toEqual({
      ok: false,
      error: '这是入职清单的分享链接，请在浏览器中直接打开：它会打开入职清单',
      foreign: { fragment: 'z1.onboarding.AAAA', opensAt: 'onboarding', page: '入职清单' },
    });
  });
  test('a 目标 (a reply of 绩效自评 too) pasted in 新员工签收 is named as a 目标, not as a 上级评定', async () => {
    const reply = await makeTargetsReply(
      { name: '王芳', group: 'crm', period: '2026-04', targets: { satisfaction: '95' }, tasks: '' },
      new Date('2026-04-01T01:00:00Z'),
    );
    const link = await encodeTargetsLink(reply);
    if (!link.ok) throw new Error(link.error);
    const r = await readReply(`https://handbook.example/tools/self-review/#${link.fragment} 请查收`, signoffReplyFormat);
    expect(r).toEqual({
      ok: false,
      error: '这是团队考核下达的目标链接，请在浏览器中直接打开：它会打开绩效自评',
      foreign: { fragment: link.fragment, opensAt: 'self-review', page: '绩效自评' },
    });
  });
  test('a 签收 read as an 入职清单 share link → opens at 新员工签收', async () => {
    const r = await decodeShareAny('r1.onboarding.AAAA', 'onboarding', 1, onboardingStateSchema);
    expect(r).toMatchObject({ ok: false, foreign: { opensAt: 'signoffs', page: '新员工签收' } });
  });
  test.each([
    ['a cut link of this tool and kind', 'r1.onboarding.!!', SHARE_MESSAGES.damaged],
    ['nothing like a link', '谢谢经理', SHARE_MESSAGES.damaged],
    ['a tool this site does not have', 'r1.budget.AAAA', SHARE_MESSAGES.otherTool],
  ])('%s → as before', async (_, fragment, error) =>
    expect(await decodeFragment(fragment, 'reply', 'onboarding')).toEqual({ ok: false, error }),
  );
});
