// The 上级评定 the manager sent back (团队考核's reply): opened from a reply link
// (#r1.self-review.…) or a reply JSON file, shown read-only beside the employee's own scores, with
// whether the 自评 changed since (fingerprint). Only the picker loads with the page: the view
// (./ReplyView) and the reply code load when a reply is opened, so a first visit carries only the form.
import { useEffect, useState } from 'preact/hooks';
import { clearLinkFragment, onLinkFragment, readLinkFragment } from '../../../client/link-fragment';
import type { AppraisalPolicy } from '../../../core/policy-types';
import type { SelfReviewResult } from '../logic/derive';
import { SELF_REVIEW_TOOL, type SelfReviewState } from '../logic/state';
import { ReplyPicker } from '../../kit/ui/ReceiveBox';
import { useOnDemand } from '../../kit/ui/lazy';
import type { S, T } from './types';

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

  // A reply link (#r1.self-review.…) in the address, on load or put there later.
  useEffect(() => {
    const opened = readLinkFragment('reply', SELF_REVIEW_TOOL);
    if (opened !== null) setSource(opened);
    return onLinkFragment(setSource, 'reply', SELF_REVIEW_TOOL);
  }, []);

  const close = () => {
    setSource(null);
    if (readLinkFragment('reply', SELF_REVIEW_TOOL) !== null) clearLinkFragment();
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
