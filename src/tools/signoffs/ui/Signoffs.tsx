// 新员工签收 (五（一）1 新员工入职培训): the 市场经理 or 导师 collects the 签收 new hires
// send from 入职清单 — pasted links, reply files, or a link opened on this page — and sees who
// signed which version and who is behind on the first-month items today. Thin: parameters and
// words come in as props, ../logic computes, the kit runtime saves (one list per browser). The code
// that reads and files a 签收 (../logic/receive) loads when the first one comes.
// The shared tool styles come in through signoffs.css (see the note at its top).
import { TrustNote } from '../../kit/ui/ReceiveBox';
import './signoffs.css';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { clearLinkFragment, onLinkFragment, readLinkFragment } from '../../../client/link-fragment';
import { personKey } from '../../../core/person-key';
import type { OnboardingPolicy } from '../../../core/policy-types';
import { fill } from '../../../core/template';
import { ExportBar } from '../../kit/ui/ExportBar';
import { Notices, ShareBanner } from '../../kit/ui/Notices';
import { todayIso } from '../../kit/ui/dom';
import { KIT } from '../../kit/ui/strings';
import { useTool } from '../../kit/ui/use-tool';
import { savedNote } from '../../kit/ui/saved-note';
import { ONBOARDING_TOOL } from '../../onboarding/logic/state';
import type { PolicyEdition } from '../../onboarding/logic/signoff';
import { signoffsTool, type SignoffsToolContext } from '../logic/definition';
import type { ReceivedItem, SignoffReceipt } from '../logic/receive';
import { removeSignoff, type SignoffList } from '../logic/state';
import { SignoffReceive } from './SignoffReceive';
import { SignoffsTable } from './SignoffsTable';
import type { SignoffsStrings } from './strings';

const receiveCode = () => import('../logic/receive');

export interface SignoffsProps {
  policy: Pick<OnboardingPolicy, 'phases' | 'items'>;
  /** Appraisal groups (appraisal.yaml): 岗位 id → name. */
  roles: readonly { id: string; name: string }[];
  /** The version and text fingerprint this site publishes now. */
  current: PolicyEdition;
  /** Each earlier published version → clauses changed substantively since (0: editorial releases only). */
  since: Readonly<Record<string, number>>;
  strings: SignoffsStrings;
}

export default function Signoffs(props: SignoffsProps) {
  const { strings: s } = props;
  const t = (key: keyof SignoffsStrings, values: Record<string, string | number> = {}) =>
    fill(s[key], values);
  const [today, setToday] = useState<string | null>(null);
  useEffect(() => setToday(todayIso()), []);
  const ctx: SignoffsToolContext = useMemo(
    () => ({ policy: props.policy, roles: props.roles, current: props.current, since: props.since, today, labels: s }),
    [today],
  );
  const tool = useTool(signoffsTool, ctx, { csv: true });
  const [results, setResults] = useState<readonly SignoffReceipt[] | null>(null);
  const ready = tool.ready && today !== null;

  /** Files what the logic received into the list as it is now (only the people it added or updated). */
  const receive = async (items: readonly ReceivedItem[]): Promise<readonly SignoffReceipt[]> => {
    // The reading code loads now; offline without its copy, every item says so.
    const r = await receiveCode()
      .then(({ receiveSignoffs }) => receiveSignoffs(tool.state, items, s))
      .catch(() => ({
        list: tool.state,
        results: items.map((x): SignoffReceipt => ({ source: x.source, ok: false, error: KIT.shareUnreadable })),
      }));
    const changed = new Set(
      r.results.flatMap((x) => (x.ok && (x.outcome === 'added' || x.outcome === 'updated') ? [x.name] : [])),
    );
    if (changed.size > 0) {
      const keys = new Set([...changed].map(personKey));
      const incoming = r.list.records.filter((rec) => keys.has(personKey(rec.name)));
      tool.edit((old): SignoffList => {
        const kept = old.records.filter((rec) => !keys.has(personKey(rec.name)));
        return { records: [...kept, ...incoming] };
      });
    }
    setResults(r.results);
    return r.results;
  };
  const onLinks = async (text: string) => {
    const items = await receiveCode().then(
      ({ pastedItems }) => pastedItems(text, s),
      () => [{ source: s['receive.pasted'], text }], // receive says the code could not load
    );
    if (items.length === 0) {
      const none: SignoffReceipt[] = [{ source: s['receive.pasted'], ok: false, error: s['receive.nothing'] }];
      setResults(none);
      return none;
    }
    return receive(items);
  };
  const onFiles = async (files: readonly File[]) =>
    receive(await Promise.all(files.map(async (f) => ({ source: f.name, text: await f.text() }))));

  // A 签收 link opened on this page is received once the saved list is open, then leaves the address.
  const opened = useRef<string | null>(null);
  const [hash, setHash] = useState<string | null>(null);
  useEffect(() => {
    setHash(readLinkFragment('reply', ONBOARDING_TOOL));
    return onLinkFragment(setHash, 'reply', ONBOARDING_TOOL);
  }, []);
  useEffect(() => {
    if (!ready || tool.shared || hash === null || opened.current === hash) return;
    opened.current = hash;
    clearLinkFragment();
    void receive([{ source: s['receive.opened'], text: hash }]);
  }, [ready, hash, tool.shared]);

  // The server renders the blank list (it has no storage), so the page reads before its code loads
  // (client:intent); in the browser the saved list replaces it once open, locked until then.
  const storageNote = savedNote(
    { persistent: tool.persistent, savedAt: tool.savedAt },
    { at: (time) => t('saved.at', { time }), not: s['saved.not'], unavailable: s['saved.unavailable'] },
  );

  return (
    <div class="tool-root signoffs" {...tool.rootProps}>
      <Notices notices={tool.notices} onDismiss={tool.dismiss} />
      {tool.shared && (
        <ShareBanner
          text={s['share.listBanner']}
          closeLabel={s['share.listClose']}
          onClose={tool.closeShare}
        />
      )}
      <TrustNote id="so-trust-heading" heading={s['trust.heading']} text={s['trust.note']}>
        <p class="tool-hint no-print">{storageNote}</p>
      </TrustNote>

      {!tool.shared && (
        <SignoffReceive
          s={s}
          t={t}
          disabled={tool.readOnly}
          results={results}
          onLinks={onLinks}
          onFiles={onFiles}
        />
      )}

      <SignoffsTable
        result={tool.result}
        s={s}
        t={t}
        today={today ?? ''}
        readOnly={tool.readOnly}
        onRemove={(name) => {
          tool.edit((old) => removeSignoff(old, name));
          tool.say({ id: 'removed', kind: 'info', text: t('list.removed', { name }) });
        }}
      />

      {today && <p class="print-only">{t('list.printedOn', { date: today })}</p>}
      <ExportBar actions={tool.exports} />
    </div>
  );
}
