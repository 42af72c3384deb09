// What the manager sends 绩效自评 (团队考核's replies, one link form #r1.self-review.…, told apart by
// kind): the 目标 at a period's start (目标下达) and the 上级评定 at its end. Opened from the address
// (on load, or a new link in the same tab: it replaces what the last one showed) or pasted / imported in
// 收到上级的链接或文件？. Once read it is the first thing on the page (ReplyShown): a 目标 with its
// confirm (./TargetsIntake), a 上级评定 compared with the employee's own 自评 of its person, group and
// period when this browser has one, else shown alone (./ReplyView). Only the picker loads with the
// page: the views and the reply code load when a link or file is opened.
import { useEffect, useRef, useState } from 'preact/hooks';
import { clearLinkFragment, onLinkFragment, readLinkFragment } from '../../../client/link-fragment';
import type { ForeignLink } from '../../../core/link-owner';
import type { AppraisalPolicy } from '../../../core/policy-types';
import type { OwnReviewOf, ReadReviewReplyResult } from '../../team-review/logic/reply';
import type { TargetsPlan, TargetsReply } from '../logic/targets';
import { SELF_REVIEW_TOOL, formatPeriod, parsePeriod, reviewKey, type SelfReviewState } from '../logic/state';
import { OpenElsewhere } from '../../kit/ui/OpenElsewhere';
import { ReplyPicker } from '../../kit/ui/ReceiveBox';
import { useOnDemand } from '../../kit/ui/lazy';
import type { S, T } from './types';

/** A reply as opened: its text, and where it came from (the address, or 收到上级的链接或文件？). */
export interface ReplySource {
  readonly text: string;
  readonly from: 'link' | 'picker';
}

/** A reply read, with the source it was read from (a new source is a new opening). */
export type ReadReply = Extract<ReadReviewReplyResult, { ok: true }> & { readonly source: ReplySource };

/** A 目标 read and checked against the parameters, waiting for the employee's confirm. */
export interface ReadTargets {
  readonly reply: TargetsReply;
  readonly source: ReplySource;
}

export interface ReviewReplyState {
  readonly source: ReplySource | null;
  readonly read: ReadReply | null;
  readonly targets: ReadTargets | null;
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
  /** The month a year 目标 shows first (the reader's current month in that year, else January). */
  monthOfYear: (year: number) => number;
  unloaded: string;
}): ReviewReplyState {
  const [source, setSource] = useState<ReplySource | null>(null);
  const [read, setRead] = useState<ReadReply | null>(null);
  const [targets, setTargets] = useState<ReadTargets | null>(null);
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
      setTargets(null);
      setError(null);
      setForeign(null);
      return;
    }
    // A 目标 is read once per opening; the employee's edits do not change what it sets.
    if (opened.current === source && targets?.source === source) return;
    let live = true;
    Promise.all([import('../logic/targets'), import('../../team-review/logic/reply')])
      .then(async ([{ checkTargets, isOtherKind, readTargets }, { readReviewReply }]) => {
        const { ownOf, policy } = latest.current;
        const asTargets = await readTargets(source.text);
        if (!live) return;
        if (!isOtherKind(asTargets)) {
          // A 目标, or what is not a reply of this page at all: refused here with the reason.
          setRead(null);
          const bad = asTargets.ok ? checkTargets(asTargets.reply.payload, policy) : asTargets.error;
          if (!asTargets.ok || bad !== null) {
            setTargets(null);
            setError(bad);
            setForeign((!asTargets.ok && asTargets.foreign) || null);
            return;
          }
          setError(null);
          setForeign(null);
          setTargets({ reply: asTargets.reply, source });
          if (opened.current !== source) {
            opened.current = source;
            // The form below shows the 目标's month (a year 目标: the month it shows first).
            const { group, period } = asTargets.reply.payload;
            const p = parsePeriod(period);
            const month =
              p?.kind === 'year'
                ? formatPeriod({ kind: 'month', year: p.year, month: latest.current.monthOfYear(p.year) })
                : period;
            const { openKey, openEntry } = latest.current;
            if (openKey !== reviewKey(group, month)) openEntry(group, month);
          }
          return;
        }
        setTargets(null);
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
    targets,
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
  /** For a 目标: the parameters, the saved month entries, and what taking it or the same again does. */
  policy: AppraisalPolicy;
  load: (key: string) => SelfReviewState | null;
  monthOfYear: (year: number) => number;
  onTake: (plan: TargetsPlan) => void;
  onSame: () => void;
}

/** The reply read, at the top of the tool; a link that cannot be read says why there. */
export function ReplyShown(props: ShownProps) {
  const { reply, t } = props;
  const view = useOnDemand(() => import('./ReplyView'), reply.read !== null);
  const intake = useOnDemand(() => import('./TargetsIntake'), reply.targets !== null);
  if (reply.error !== null && reply.source?.from === 'link') {
    return (
      <p class="tool-error no-print" role="alert">
        {t('reply.error', { error: reply.error })}
        <OpenElsewhere foreign={reply.foreign ?? undefined} />
      </p>
    );
  }
  if (reply.targets && intake.mod) {
    const r = reply.targets.reply;
    const year = parsePeriod(r.payload.period);
    return (
      <intake.mod.TargetsIntake
        reply={r}
        opening={reply.targets.source}
        policy={props.policy}
        s={props.s}
        t={t}
        labelOf={props.labelOf}
        load={props.load}
        month={year ? props.monthOfYear(year.year) : 1}
        onTake={props.onTake}
        onSame={props.onSame}
        onClose={reply.close}
      />
    );
  }
  if (!reply.read || !view.mod) return null;
  return <view.mod.ReplyView s={props.s} t={t} labelOf={props.labelOf} read={reply.read} onClose={reply.close} />;
}

/** 收到上级的链接或文件？ where the employee pastes or imports a 目标 or a 上级评定; what cannot be read is said here. */
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
