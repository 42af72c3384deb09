// The 上级评定 the manager sent back (团队考核 reply, issue 11): opened from a reply link
// (#r1.self-review.…) or a reply JSON file, shown read-only beside the employee's own scores, with
// whether the 自评 changed since (fingerprint). Only the picker loads with the page: the view
// (./ReplyView) and the reply code load when a reply is opened (issue 10 item 8).
import { useEffect, useState } from 'preact/hooks';
import type { AppraisalPolicy } from '../../../core/policy-types';
import type { SelfReviewResult } from '../logic/derive';
import type { SelfReviewState } from '../logic/state';
import { ReplyPicker } from '../../kit/ui/ReceiveBox';
import { useOnDemand } from '../../kit/ui/lazy';
import type { S, T } from './types';

/** A reply link's fragment: r1.self-review.… (plain) or q1.self-review.… (compressed). */
const REPLY_FRAGMENT = /^[qr]\d{1,9}\.self-review\./;

export function ReviewReply(props: {
  state: SelfReviewState;
  result: SelfReviewResult | null;
  policy: AppraisalPolicy;
  s: S;
  t: T;
  /** The entry's name, e.g. 市场推广组 2026年3月. */
  labelOf: (st: Pick<SelfReviewState, 'group' | 'period'>) => string;
  /** Opens the employee's own entry of the reply's group and period. */
  openEntry: (group: string, period: string) => void;
  /** Locked until the tool has opened its entry. */
  disabled: boolean;
}) {
  const { s } = props;
  const [source, setSource] = useState<string | null>(null);
  const view = useOnDemand(() => import('./ReplyView'), source !== null);

  useEffect(() => {
    const fromHash = () => {
      const fragment = location.hash.replace(/^#/, '');
      if (REPLY_FRAGMENT.test(fragment)) setSource(fragment);
    };
    fromHash();
    addEventListener('hashchange', fromHash);
    return () => removeEventListener('hashchange', fromHash);
  }, []);

  const close = () => {
    setSource(null);
    if (REPLY_FRAGMENT.test(location.hash.replace(/^#/, ''))) {
      history.replaceState(null, '', location.pathname + location.search);
    }
  };

  const picker = (
    <ReplyPicker
      id="sr-reply"
      class="sr-reply-open"
      disabled={props.disabled}
      labels={{
        open: s['reply.open'],
        paste: s['reply.paste'],
        read: s['reply.openButton'],
        file: s['reply.file'],
      }}
      onRead={setSource}
    />
  );

  if (source === null || !view.mod) return picker;
  return <view.mod.ReplyView {...props} source={source} picker={picker} onClose={close} />;
}
