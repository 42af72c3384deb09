// The reply to the employee: the 上级评定 as a link to 绩效自评 or as a JSON file,
// naming by fingerprint the 自评 it answers. The reply code loads on first use.
import { SendReply, type MadeReply } from '../../kit/ui/SendReply';
import type { OverLimitNote } from '../../kit/ui/use-tool';
import type { RecordResult } from '../logic/derive';
import type { S, T } from './types';

export function Reply(props: {
  r: RecordResult;
  label: string;
  s: S;
  t: T;
  selfReviewHref: string;
  /** The team's fields over their limit: those of this member's 上级评定 are named above the buttons. */
  overLimit: readonly OverLimitNote[];
}) {
  const { r, s, t } = props;
  const make = async (): Promise<MadeReply> => {
    const { makeReviewReply } = await import('../logic/reply');
    return {
      reply: makeReviewReply(r),
      href: props.selfReviewHref,
      fileBase: t('reply.fileBase', { name: r.name, period: props.label }),
    };
  };

  return (
    <section class="no-print tr-reply" aria-labelledby="tr-reply-heading">
      <h2 id="tr-reply-heading">{s['reply.heading']}</h2>
      <p>{s['reply.text']}</p>
      <SendReply
        id="tr-reply-link"
        labels={{
          copy: s['reply.copy'],
          download: s['reply.download'],
          link: s['reply.link'],
          copied: s['reply.copied'],
          notCopied: s['reply.notCopied'],
          downloaded: s['reply.downloaded'],
          stale: s['reply.stale'],
        }}
        make={make}
        content={r.record}
        overLimit={props.overLimit.filter((n) => n.path[0] === 'records' && n.path[1] === r.key && n.path[2] === 'manager')}
      />
    </section>
  );
}
