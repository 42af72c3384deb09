// The 上级评定 the manager sent back (团队考核's reply): opened from a reply link
// (#r1.self-review.…) or pasted / imported in 收到上级评定回复？. Once read it is the first thing on
// the page (ReplyShown, at the top of the tool), compared with the employee's own 自评 of its person,
// group and period when this browser has one, else shown alone. Only the picker loads with the page:
// the view (./ReplyView) and the reply code load when a reply is opened.
import { useEffect, useRef, useState } from 'preact/hooks';
import { clearLinkFragment, onLinkFragment, readLinkFragment } from '../../../client/link-fragment';
import type { ForeignLink } from '../../../core/link-owner';
import type { AppraisalPolicy } from '../../../core/policy-types';
import type { OwnReviewOf, ReadReviewReplyResult } from '../../team-review/logic/reply';
import { SELF_REVIEW_TOOL, reviewKey, type SelfReviewState } from '../logic/state';
import { OpenElsewhere } from '../../kit/ui/OpenElsewhere';
import { ReplyPicker } from '../../kit/ui/ReceiveBox';
import { useOnDemand } from '../../kit/ui/lazy';
import type { S, T } from './types';

/** A reply as opened: its text, and where it came from (the address, or 收到上级评定回复？). */
export interface ReplySource {
  readonly text: string;
  readonly from: 'link' | 'picker';
}

/** A reply read, with the source it was read from (a new source is a new opening). */
export type ReadReply = Extract<ReadReviewReplyResult, { ok: true }> & { readonly source: ReplySource };

export interface ReviewReplyState {
  readonly source: ReplySource | null;
  readonly read: ReadReply | null;
  readonly error: string | null;
  /** When the text is a link of another page: the way there. */
  readonly foreign: ForeignLink | null;
  readonly open: (text: string) => void;
  readonly close: () => void;
}

/**
 * The reply opened on this page: read (again) when it is opened and whenever the employee's entries
 * change, so the comparison follows each edit. `entries` is that change (the kit's entry list).
 */
export function useReviewReply(props: {
  policy: AppraisalPolicy;
  /** The employee's own 自评 of a group and period in this browser, or null. */
  ownOf: OwnReviewOf;
  entries: unknown;
  /** The key of the open entry, and how to open the reply's period. */
  openKey: string | null;
  openEntry: (group: string, period: string) => void;
  unloaded: string;
}): ReviewReplyState {
  const [source, setSource] = useState<ReplySource | null>(null);
  const [read, setRead] = useState<ReadReply | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [foreign, setForeign] = useState<ForeignLink | null>(null);
  const latest = useRef(props);
  latest.current = props;
  const opened = useRef<ReplySource | null>(null);

  // A reply link (#r1.self-review.…) in the address, on load or put there later.
  useEffect(() => {
    const link = (text: string) => setSource({ text, from: 'link' });
    const fragment = readLinkFragment('reply', SELF_REVIEW_TOOL);
    if (fragment !== null) link(fragment);
    return onLinkFragment(link, 'reply', SELF_REVIEW_TOOL);
  }, []);

  useEffect(() => {
    if (source === null) {
      setRead(null);
      setError(null);
      setForeign(null);
      return;
    }
    let live = true;
    import('../../team-review/logic/reply')
      .then(async ({ readReviewReply }) => {
        const { ownOf, policy } = latest.current;
        const r = await readReviewReply(source.text, ownOf, policy);
        if (!live) return;
        if (!r.ok) {
          setRead(null);
          setError(r.error);
          setForeign(r.foreign ?? null);
          return;
        }
        setError(null);
        setForeign(null);
        setRead({ ...r, source });
        // First reading: the form below shows the reply's period (the employee's own, or an empty one).
        if (opened.current !== source) {
          opened.current = source;
          const a = r.reply.payload.assessment;
          const { openKey, openEntry } = latest.current;
          if (openKey !== reviewKey(a.group, a.period)) openEntry(a.group, a.period);
        }
      })
      .catch(() => {
        if (!live) return;
        setError(latest.current.unloaded);
        setForeign(null);
      });
    return () => {
      live = false;
    };
  }, [source, props.entries]);

  return {
    source,
    read,
    error,
    foreign,
    open: (text) => setSource({ text, from: 'picker' }),
    close: () => {
      setSource(null);
      if (readLinkFragment('reply', SELF_REVIEW_TOOL) !== null) clearLinkFragment();
    },
  };
}

interface ShownProps {
  reply: ReviewReplyState;
  s: S;
  t: T;
  /** The entry's name, e.g. 市场推广组 2026年3月. */
  labelOf: (st: Pick<SelfReviewState, 'group' | 'period'>) => string;
}

/** The reply read, at the top of the tool; a link that cannot be read says why there. */
export function ReplyShown(props: ShownProps) {
  const { reply, t } = props;
  const view = useOnDemand(() => import('./ReplyView'), reply.source !== null);
  if (reply.error !== null && reply.source?.from === 'link') {
    return (
      <p class="tool-error no-print" role="alert">
        {t('reply.error', { error: reply.error })}
        <OpenElsewhere foreign={reply.foreign ?? undefined} />
      </p>
    );
  }
  if (!reply.read || !view.mod) return null;
  return <view.mod.ReplyView s={props.s} t={t} labelOf={props.labelOf} read={reply.read} onClose={reply.close} />;
}

/** 收到上级评定回复？ where the employee pastes or imports a reply; what cannot be read is said here. */
export function ReplyPickerBox(props: { reply: ReviewReplyState; s: S; t: T; disabled: boolean }) {
  const { reply, s, t } = props;
  return (
    <>
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
        onRead={reply.open}
      />
      {reply.error !== null && reply.source?.from === 'picker' && (
        <p class="tool-error no-print" role="alert">
          {t('reply.error', { error: reply.error })}
          <OpenElsewhere foreign={reply.foreign ?? undefined} />
        </p>
      )}
    </>
  );
}
