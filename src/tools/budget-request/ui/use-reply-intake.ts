// The state of a reply reaching the requester (see ./ReplyIntake): the code that reads, matches and
// shows a reply loads only when one comes — pasted, chosen as a file, or a fragment in the address —
// so a first visit carries only the form. Nothing is recorded before the requester confirms.
import { useEffect, useRef, useState } from 'preact/hooks';
import type { ApprovalStep } from '../../../core/policy-types';
import { fill } from '../../../core/template';
import { clearLinkFragment, onLinkFragment, readLinkFragment } from '../../../client/link-fragment';
import { useOnDemand } from '../../kit/ui/lazy';
import type { ToolEntry } from '../../kit/ui/use-tool';
import { statusLabel } from '../logic/approval-status';
import type { BudgetRequestDraft } from '../logic/state';
import type { IncomingReply, Origin } from './ReplyIntake';
import type { BudgetRequestStrings } from './strings';

/**
 * The address's reply link without '#' ('' for none, a share link or an in-page anchor such as a
 * skip link), read on load and each time one is put in the address (a new object each time).
 */
export function useFragment(): { readonly text: string } {
  const [fragment, setFragment] = useState({ text: '' });
  useEffect(() => {
    setFragment({ text: readLinkFragment('reply') ?? '' });
    return onLinkFragment((text) => setFragment({ text }), 'reply');
  }, []);
  return fragment;
}

export function useReplyIntake(options: {
  ready: boolean;
  /** useFragment() of the page: a reply link opened there is read. */
  fragment: { readonly text: string };
  entries: readonly ToolEntry<BudgetRequestDraft>[];
  chainOf: (d: BudgetRequestDraft) => readonly ApprovalStep[];
  t: BudgetRequestStrings;
  /** Records the draft with the reply's decisions; an error message when it could not be saved. */
  onApply: (key: string, draft: BudgetRequestDraft, message: string) => string | null;
}) {
  const { t, fragment } = options;
  const [source, setSource] = useState<{ text: string; origin: Origin } | null>(null);
  const [incoming, setIncoming] = useState<IncomingReply | null>(null);
  const code = useOnDemand(() => import('./ReplyIntake'), source !== null || fragment.text !== '');
  const latest = useRef(options);
  latest.current = options;

  useEffect(() => {
    if (fragment.text === '') return;
    let live = true;
    code.need().then(
      () => {
        if (live) setSource({ text: fragment.text, origin: 'link' });
      },
      () => undefined, // code.failed says so
    );
    return () => {
      live = false;
    };
  }, [fragment]);

  useEffect(() => {
    if (source === null || !options.ready) return;
    let live = true;
    code.need().then(
      async (m) => {
        const next = await m.readIncoming(source, latest.current.entries, latest.current.chainOf, t);
        if (live) setIncoming(next);
      },
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [source, options.ready]);

  const close = () => {
    setSource(null);
    setIncoming(null);
    if (readLinkFragment('reply') !== null) clearLinkFragment();
  };

  /** Matches again against the drafts as they are now (one may have changed), then records. */
  const apply = async () => {
    const reply = incoming?.reply;
    const m = code.mod;
    if (!reply || !m) return;
    const found = await m.matchReply(reply, latest.current.entries, latest.current.chainOf, t);
    if (!found.ok) {
      setIncoming({ ...incoming, match: null, error: found.error });
      return;
    }
    const { result, key } = found.match;
    const message = fill(t['reply.applied'], {
      project: result.draft.project,
      status: statusLabel(result.status, t),
    });
    const error = result.added.length > 0 ? latest.current.onApply(key, result.draft, message) : null;
    if (error) {
      setIncoming({ ...incoming, error: fill(t['reply.notSaved'], { error }) });
      return;
    }
    close();
  };

  return {
    incoming,
    /** ReplyConfirm, once its code has loaded (it has whenever `incoming` is set). */
    Confirm: code.mod?.ReplyConfirm ?? null,
    /** The code could not be loaded (offline without the service worker's copy). */
    failed: code.failed,
    read: (text: string, origin: Origin) => setSource({ text, origin }),
    apply,
    close,
  };
}
