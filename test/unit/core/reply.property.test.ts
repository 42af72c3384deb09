import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import * as v from 'valibot';
import {
  decodeReplyLink,
  encodeReplyLink,
  makeReply,
  parseReplyJson,
  replyToJson,
} from '../../../src/core/reply';

const fingerprint = fc.stringMatching(/^[0-9a-f]{16}$/);
const kind = fc.stringMatching(/^[a-z0-9-]{1,40}$/);

describe('replies', () => {
  test('any JSON payload round-trips through a link and a file', async () => {
    await fc.assert(
      fc.asyncProperty(
        fingerprint,
        kind,
        fc.jsonValue({ maxDepth: 3 }),
        fc.date({ noInvalidDate: true, min: new Date(0), max: new Date(Date.UTC(9999, 0)) }),
        async (answers, k, payload, at) => {
          const reply = makeReply({ tool: 'onboarding', answers, kind: k, payload }, at);
          const expected = { ok: true, reply: JSON.parse(JSON.stringify(reply)) as unknown };
          expect(parseReplyJson(replyToJson(reply), 'onboarding', v.unknown())).toEqual(expected);
          const link = await encodeReplyLink(reply);
          fc.pre(link.ok);
          if (!link.ok) return;
          expect(await decodeReplyLink(link.fragment, 'onboarding', v.unknown())).toEqual(expected);
        },
      ),
      { numRuns: 200 },
    );
  });

  test('arbitrary text never throws or rejects', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.string(), fc.string({ unit: 'binary' }), fc.json()), async (text) => {
        expect(typeof (await decodeReplyLink(text, 'onboarding', v.unknown())).ok).toBe('boolean');
        expect(typeof parseReplyJson(text, 'onboarding', v.unknown()).ok).toBe('boolean');
      }),
      { numRuns: 1000 },
    );
  });
});
