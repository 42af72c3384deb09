import { deflateRawSync } from 'node:zlib';
import { afterEach, describe, expect, test, vi } from 'vitest';
import * as v from 'valibot';
import { fingerprintOf } from '../../../src/core/fingerprint';
import {
  REPLY_MESSAGES,
  REPLY_VERSION,
  decodeReplyLink,
  encodeReplyLink,
  makeReply,
  matchesReply,
  parseReplyJson,
  readReply,
  replySchema,
  replyToJson,
  type Reply,
} from '../../../src/core/reply';
import {
  MAX_SHARE_LENGTH,
  SHARE_MESSAGES,
  base64UrlEncode,
  encodeShareCompressed,
  utf8Encode,
} from '../../../src/core/share-link';

/** An approver's decision on a 预算申请单 (the shape is the budget tool's; this one is for the tests). */
const approval = v.object({
  step: v.string(),
  decision: v.picklist(['同意', '退回修改', '不同意']),
  comment: v.string(),
  date: v.string(),
});
type Approval = v.InferOutput<typeof approval>;

const request = {
  applicant: '张三',
  project: '暑期招生推广',
  lines: [{ description: '宣传单页', quantity: '1,000' }],
};
const decision: Approval = {
  step: '市场经理',
  decision: '同意',
  comment: '按计划执行，注意控制印刷数量'.repeat(3),
  date: '2026-03-03',
};
const at = new Date(Date.UTC(2026, 2, 3, 8, 30));

async function replyTo(
  entry: unknown,
  payload: Approval = decision,
  kind = 'approval',
): Promise<Reply<Approval>> {
  return makeReply({ tool: 'budget-request', answers: await fingerprintOf(entry), kind, payload }, at);
}

async function linkOf(reply: Reply<unknown>): Promise<string> {
  const made = await encodeReplyLink(reply);
  if (!made.ok) throw new Error(made.error);
  return made.fragment;
}

/** A reply link built by hand around any JSON (an edited or foreign link). */
function rawLink(value: unknown, tool = 'budget-request', version = REPLY_VERSION): string {
  return `r${version}.${tool}.${base64UrlEncode(deflateRawSync(utf8Encode(JSON.stringify(value))))}`;
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('makeReply', () => {
  test('is the plain envelope', async () => {
    const reply = await replyTo(request);
    expect(reply).toEqual({
      app: 'marketing-handbook',
      reply: 'approval',
      tool: 'budget-request',
      answers: await fingerprintOf(request),
      at: '2026-03-03T08:30:00.000Z',
      payload: decision,
    });
    expect(v.is(replySchema(approval), reply)).toBe(true);
  });

  test.each([
    [{ tool: 'Budget', kind: 'approval', answers: '0123456789abcdef' }], // tool not kebab-case
    [{ tool: 'budget', kind: 'Approval', answers: '0123456789abcdef' }], // kind not kebab-case
    [{ tool: 'budget', kind: 'approval', answers: '3f2a-91c0' }], // a short (display) print, not the fingerprint
  ])('programming errors throw: %j', (input) => {
    expect(() => makeReply({ ...input, payload: null })).toThrow(RangeError);
  });
});

describe('matchesReply', () => {
  test.each<[string, (r: typeof request) => unknown, 'same' | 'changed']>([
    ['the entry as it was', (r) => r, 'same'],
    [
      'the same entry, keys in another order',
      (r) => ({ lines: r.lines, project: r.project, applicant: r.applicant }),
      'same',
    ],
    [
      'a line changed after the reply',
      (r) => ({ ...r, lines: [{ ...r.lines[0], quantity: '2,000' }] }),
      'changed',
    ],
    [
      'a line added',
      (r) => ({ ...r, lines: [...r.lines, { description: '展架', quantity: '2' }] }),
      'changed',
    ],
  ])('%s → %s', async (_, now, expected) => {
    const reply = await replyTo(request);
    expect(matchesReply(reply, await fingerprintOf(now(request)))).toBe(expected);
  });
});

describe('reply links', () => {
  test('round trip: r<version>.<tool>.<deflate-raw>, under the limit', async () => {
    const reply = await replyTo(request);
    const fragment = await linkOf(reply);
    expect(fragment).toMatch(new RegExp(`^r${REPLY_VERSION}\\.budget-request\\.[A-Za-z0-9_-]+$`));
    expect(fragment.length).toBeLessThanOrEqual(MAX_SHARE_LENGTH);
    expect(await decodeReplyLink(`#${fragment}`, 'budget-request', approval)).toEqual({ ok: true, reply });
    expect(await decodeReplyLink(fragment, 'budget-request', approval, { kinds: ['approval'] })).toEqual({
      ok: true,
      reply,
    });
  });

  test('without CompressionStream a plain q link, read the same way', async () => {
    vi.stubGlobal('CompressionStream', undefined);
    const reply = await replyTo(request);
    const fragment = await linkOf(reply);
    expect(fragment.startsWith(`q${REPLY_VERSION}.budget-request.`)).toBe(true);
    expect(await decodeReplyLink(fragment, 'budget-request', approval)).toEqual({ ok: true, reply });
  });

  test('a reply too long for a link says how long', async () => {
    const noisy = {
      ...decision,
      comment: Array.from({ length: 4000 }, (_, i) => (i * 7919) % 10007).join(''),
    };
    const made = await encodeReplyLink(await replyTo(request, noisy));
    expect(made).toMatchObject({ ok: false, limit: MAX_SHARE_LENGTH });
  });

  const good = {
    app: 'marketing-handbook',
    reply: 'approval',
    tool: 'budget-request',
    answers: '0123456789abcdef',
    at: '2026-03-03T08:30:00.000Z',
    payload: decision,
  };
  test.each<[string, () => Promise<string> | string, readonly string[] | undefined, string]>([
    ['nothing', () => '', undefined, SHARE_MESSAGES.damaged],
    [
      'a share link, not a reply',
      async () => {
        const share = await encodeShareCompressed('budget-request', 1, { note: '预算'.repeat(50) });
        return share.ok ? share.fragment : '';
      },
      undefined,
      // Named, with where it opens, not called damaged.
      '这是预算申请单的分享链接，请在浏览器中直接打开：它会打开预算申请单',
    ],
    [
      "another tool's reply",
      () => rawLink({ ...good, tool: 'onboarding' }, 'onboarding'),
      undefined,
      '这是入职清单的签收链接，请在浏览器中直接打开：它会打开新员工签收',
    ],
    [
      'a newer page made it',
      () => rawLink(good, 'budget-request', REPLY_VERSION + 1),
      undefined,
      REPLY_MESSAGES.newer,
    ],
    [
      'edited: the tool inside differs from the link',
      () => rawLink({ ...good, tool: 'bonus' }),
      undefined,
      REPLY_MESSAGES.otherTool,
    ],
    [
      'a kind this page does not handle',
      () => rawLink({ ...good, reply: 'sign-off' }),
      ['approval'],
      REPLY_MESSAGES.otherKind,
    ],
    [
      'not JSON inside',
      () => `r1.budget-request.${base64UrlEncode(deflateRawSync('{"app":'))}`,
      undefined,
      SHARE_MESSAGES.damaged,
    ],
    ['not an envelope', () => rawLink({ hello: 1 }), undefined, REPLY_MESSAGES.notReply],
    ['a bad fingerprint', () => rawLink({ ...good, answers: 'xyz' }), undefined, REPLY_MESSAGES.incomplete],
    ['a bad time', () => rawLink({ ...good, at: '昨天' }), undefined, REPLY_MESSAGES.incomplete],
    [
      'a payload of the wrong shape',
      () => rawLink({ ...good, payload: { decision: '也许' } }),
      undefined,
      REPLY_MESSAGES.incomplete,
    ],
  ])('%s → refused', async (_, fragment, kinds, error) => {
    const result = await decodeReplyLink(
      await fragment(),
      'budget-request',
      approval,
      kinds ? { kinds } : {},
    );
    expect(result).toMatchObject({ ok: false, error });
  });

  test('a wrong payload names the field', async () => {
    const result = await decodeReplyLink(
      rawLink({ ...good, payload: { ...decision, decision: '也许' } }),
      'budget-request',
      approval,
    );
    expect(result).toEqual({ ok: false, error: REPLY_MESSAGES.incomplete, field: ['payload', 'decision'] });
  });

  test('an older envelope version is refused as too old', async () => {
    // Version 0 cannot be made by encodeFragment; build it by hand.
    const fragment = rawLink(good).replace(/^r1\./, 'r0.');
    expect(await decodeReplyLink(fragment, 'budget-request', approval)).toEqual({
      ok: false,
      error: REPLY_MESSAGES.older,
    });
  });
});

describe('reply files', () => {
  test('round trip through replyToJson / parseReplyJson, BOM tolerated', async () => {
    const reply = await replyTo(request);
    const text = replyToJson(reply);
    expect(text.endsWith('}\n')).toBe(true);
    expect(parseReplyJson(text, 'budget-request', approval)).toEqual({ ok: true, reply });
    expect(parseReplyJson(`\uFEFF${text}`, 'budget-request', approval, { kinds: ['approval'] })).toEqual({
      ok: true,
      reply,
    });
  });

  test('extra keys a newer page might add are dropped, not refused', async () => {
    const reply = await replyTo(request);
    const text = JSON.stringify({ ...reply, note: 'later field' });
    expect(parseReplyJson(text, 'budget-request', approval)).toEqual({ ok: true, reply });
  });

  test.each([
    ['not JSON', '{', REPLY_MESSAGES.notJson],
    [
      "a tool's state file, not a reply",
      JSON.stringify({ app: 'marketing-handbook', tool: 'budget-request', version: 1, data: {} }),
      REPLY_MESSAGES.notReply,
    ],
    [
      'another app',
      JSON.stringify({ app: 'other', reply: 'approval', tool: 'budget-request' }),
      REPLY_MESSAGES.notReply,
    ],
    ['an array', '[]', REPLY_MESSAGES.notReply],
    [
      "another tool's reply",
      JSON.stringify({ app: 'marketing-handbook', reply: 'approval', tool: 'bonus' }),
      REPLY_MESSAGES.otherTool,
    ],
  ])('%s → %s', (_, text, error) => {
    expect(parseReplyJson(text, 'budget-request', approval)).toMatchObject({ ok: false, error });
  });
});

describe('readReply: what a page receives, pasted or from a file', () => {
  const format = { tool: 'budget-request', kinds: ['approval'], payload: approval };

  test.each<[string, (fragment: string, file: string) => string]>([
    ['the fragment', (f) => f],
    ['a whole address', (f) => `https://handbook.example/tools/budget-request/#${f}`],
    ['a link followed by words', (f) => `https://handbook.example/tools/budget-request/#${f} 谢谢经理`],
    ['words, the link, words without a space', (f) => `审批好了：https://handbook.example/x/#${f}谢谢`],
    ['a reply file', (_, file) => file],
    ['a reply file with a BOM and blank lines', (_, file) => `\uFEFF\n${file}\n`],
  ])('%s', async (_, text) => {
    const reply = await replyTo(request);
    expect(await readReply(text(await linkOf(reply), replyToJson(reply)), format)).toEqual({ ok: true, reply });
  });

  test.each<[string, () => Promise<string>, string]>([
    ['another kind', async () => linkOf(await replyTo(request, decision, 'sign-off')), REPLY_MESSAGES.otherKind],
    ['a file that is not JSON', async () => '{"app":', REPLY_MESSAGES.notJson],
    ['words only', async () => '经理您好', SHARE_MESSAGES.damaged],
  ])('%s → refused', async (_, text, error) => {
    expect(await readReply(await text(), format)).toMatchObject({ ok: false, error });
  });
});
