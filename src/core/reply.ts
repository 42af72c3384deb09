/**
 * Replies: the second person's answer to what the first sent (审批 of a 预算申请单, 签收 of the
 * 入职清单, 上级评定 of a 绩效自评). A reply names the entry it answers by its fingerprint, so the
 * sender's tool can say whether the entry changed since. It travels as a compressed link
 * (`r<REPLY_VERSION>.<tool>.<payload>`, see ./share-link) or as a JSON file of the same object;
 * readReply reads either, for every tool.
 * Anyone holding a link can edit it: a reply shows a decision, the signed paper is the record.
 */
import * as v from 'valibot';
import { APP_ID, plainObject, validateState, type StateSchema } from './json-file';
import { FINGERPRINT_LENGTH } from './fingerprint';
import { linkFragmentIn } from './link-fragment';
import type { ForeignLink } from './link-owner';
import { SHARE_MESSAGES, decodeFragment, encodeFragment, type EncodeShareResult } from './share-link';

/** Version of the envelope and link form; bump it when a reply's shape changes. */
export const REPLY_VERSION = 1;

export const REPLY_MESSAGES = {
  notReply: '这不是回复：请打开对方发回的回复链接或回复文件',
  otherKind: '这个回复不是本工具能处理的类型',
  otherTool: '这个回复不属于本工具',
  newer: '回复来自较新的版本，请刷新页面后再打开',
  older: '回复版本过旧，无法打开',
  incomplete: '回复内容不完整',
  notJson: '文件不是有效的 JSON，请选择对方发回的 .json 回复文件',
} as const;

const KEBAB = /^[a-z0-9-]{1,40}$/;
const FINGERPRINT = new RegExp(`^[0-9a-f]{${FINGERPRINT_LENGTH}}$`);

/** A reply as sent: which app, what kind of answer, to which tool's entry (by fingerprint), when. */
export interface Reply<P> {
  readonly app: typeof APP_ID;
  /** Kind of answer, kebab-case, e.g. approval, sign-off, review. */
  readonly reply: string;
  /** The tool whose entry it answers (its share-link name). */
  readonly tool: string;
  /** Fingerprint (fingerprintOf) of the entry as the replier saw it. */
  readonly answers: string;
  /** When the reply was made, ISO 8601. */
  readonly at: string;
  readonly payload: P;
}

export interface ReplyInput<P> {
  readonly tool: string;
  readonly answers: string;
  readonly kind: string;
  readonly payload: P;
}

/** The envelope; `now` is injectable for tests. Bad names or fingerprints are programming errors. */
export function makeReply<P>(input: ReplyInput<P>, now: Date = new Date()): Reply<P> {
  if (!KEBAB.test(input.tool)) throw new RangeError(`Tool name must be kebab-case: ${input.tool}`);
  if (!KEBAB.test(input.kind)) throw new RangeError(`Reply kind must be kebab-case: ${input.kind}`);
  if (!FINGERPRINT.test(input.answers)) throw new RangeError(`Not a fingerprint: ${input.answers}`);
  const { tool, answers, kind, payload } = input;
  return { app: APP_ID, reply: kind, tool, answers, at: now.toISOString(), payload };
}

/** Schema of a reply whose payload is `payload`; unknown envelope keys are dropped. */
export function replySchema<P>(payload: StateSchema<P>) {
  return plainObject({
    app: v.literal(APP_ID),
    reply: v.pipe(v.string(), v.regex(KEBAB)),
    tool: v.pipe(v.string(), v.regex(KEBAB)),
    answers: v.pipe(v.string(), v.regex(FINGERPRINT)),
    at: v.pipe(v.string(), v.isoTimestamp()),
    payload,
  });
}

/** Whether the sender's entry is still what the reply answered. */
export function matchesReply(
  reply: Pick<Reply<unknown>, 'answers'>,
  currentFingerprint: string,
): 'same' | 'changed' {
  return reply.answers === currentFingerprint ? 'same' : 'changed';
}

export type ReplyResult<P> =
  | { readonly ok: true; readonly reply: Reply<P> }
  | {
      readonly ok: false;
      readonly error: string;
      readonly field?: readonly PropertyKey[];
      /** A link of another tool or kind: where it opens (see ./link-owner). */
      readonly foreign?: ForeignLink;
    };

export interface ReadReplyOptions {
  /** Kinds this page handles; any other is refused (default: any kind). */
  readonly kinds?: readonly string[];
}

/** What a page accepts as a reply: to which tool, of which kinds, with which payload. */
export interface ReplyFormat<P> extends ReadReplyOptions {
  readonly tool: string;
  readonly payload: StateSchema<P>;
}

/** Parsed data → a validated reply of `tool` (and of one of `kinds`). */
function checkReply<P>(
  data: unknown,
  tool: string,
  payload: StateSchema<P>,
  options: ReadReplyOptions,
): ReplyResult<P> {
  const head = v.safeParse(v.object({ app: v.literal(APP_ID), reply: v.string(), tool: v.string() }), data);
  if (!head.success) return { ok: false, error: REPLY_MESSAGES.notReply };
  if (head.output.tool !== tool) return { ok: false, error: REPLY_MESSAGES.otherTool };
  if (options.kinds && !options.kinds.includes(head.output.reply))
    return { ok: false, error: REPLY_MESSAGES.otherKind };
  const checked = validateState(replySchema(payload), data);
  if (!checked.ok) {
    return {
      ok: false,
      error: REPLY_MESSAGES.incomplete,
      ...(checked.field ? { field: checked.field } : {}),
    };
  }
  return { ok: true, reply: checked.state as Reply<P> };
}

/** A reply → `r1.<tool>.<deflate-raw>` (or `q1…` without CompressionStream); too long → message with figures. */
export function encodeReplyLink(reply: Reply<unknown>): Promise<EncodeShareResult> {
  return encodeFragment('reply', reply.tool, REPLY_VERSION, reply);
}

/** A reply link (with or without `#`) for `tool` → validated reply. Never rejects. */
export async function decodeReplyLink<P>(
  fragment: string,
  tool: string,
  payload: StateSchema<P>,
  options: ReadReplyOptions = {},
): Promise<ReplyResult<P>> {
  const read = await decodeFragment(fragment, 'reply', tool);
  if (!read.ok) return read;
  if (read.version !== REPLY_VERSION) {
    return { ok: false, error: read.version > REPLY_VERSION ? REPLY_MESSAGES.newer : REPLY_MESSAGES.older };
  }
  let data: unknown;
  try {
    data = JSON.parse(read.json);
  } catch {
    return { ok: false, error: SHARE_MESSAGES.damaged };
  }
  return checkReply(data, tool, payload, options);
}

/** Pretty JSON for 下载回复. */
export function replyToJson(reply: Reply<unknown>): string {
  return `${JSON.stringify(reply, null, 2)}\n`;
}

/** A downloaded reply file → validated reply. Never throws. */
export function parseReplyJson<P>(
  text: string,
  tool: string,
  payload: StateSchema<P>,
  options: ReadReplyOptions = {},
): ReplyResult<P> {
  let data: unknown;
  try {
    data = JSON.parse(String(text).replace(/^\uFEFF/, ''));
  } catch {
    return { ok: false, error: REPLY_MESSAGES.notJson };
  }
  return checkReply(data, tool, payload, options);
}

/**
 * A reply as received, pasted or from a file: a link (a whole address or the fragment, also followed
 * by words, 「…链接 谢谢经理」) or a reply file's text (BOM tolerated) → the validated reply, or the
 * reason in Chinese. Never rejects.
 */
export function readReply<P>(text: string, format: ReplyFormat<P>): Promise<ReplyResult<P>> {
  const { tool, payload } = format;
  const options = format.kinds ? { kinds: format.kinds } : {};
  const trimmed = String(text)
    .replace(/^\uFEFF/, '')
    .trim();
  if (trimmed.startsWith('{')) return Promise.resolve(parseReplyJson(trimmed, tool, payload, options));
  return decodeReplyLink(linkFragmentIn(trimmed), tool, payload, options);
}
