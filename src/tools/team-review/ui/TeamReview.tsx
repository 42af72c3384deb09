// 团队考核 (四（二）考核, 四（三）激励): the manager receives 绩效自评 links and files, reviews each
// member (上级评定) beside the 自评, sees the team of a period, exports CSV, prints the 绩效考核表 and
// replies to the employee. Thin: parameters and words come in as props, ../logic computes, the kit
// runtime saves (one entry: the team, in this browser only). What needs a member (scoring, form,
// team view, reply, print sheets) loads once the team has one (./members-part), not with the page.
// The shared tool styles come in through team-review.css (see the note at its top).
import { TrustNote } from '../../kit/ui/ReceiveBox';
import './team-review.css';
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { ClauseLinkData } from '../../../core/clause-ref';
import type { AppraisalPolicy, BonusPolicy } from '../../../core/policy-types';
import { fill } from '../../../core/template';
import { ClauseLink } from '../../kit/ui/ClauseLink';
import { ExportBar } from '../../kit/ui/ExportBar';
import { SheetQr } from '../../kit/ui/QrCode';
import { replyLinkOf } from '../../kit/ui/SendReply';
import { Notices, ShareBanner } from '../../kit/ui/Notices';
import { printWith, useOnDemand } from '../../kit/ui/lazy';
import { useTool } from '../../kit/ui/use-tool';
import { savedNote } from '../../kit/ui/saved-note';
import { teamReviewTool, type TeamReviewContext } from '../logic/definition';
import type { ReceiveResult } from '../logic/receive';
import { parseRecordKey, sharedNames, type ManagerReview, type TeamReviewState } from '../logic/state';
import type { RecordResult } from '../logic/derive';
import { formatPeriod, parsePeriod, type Period } from '../../self-review/logic/state';
import { MembersSection } from './MembersSection';
import { Receive, type ReceiveReport } from './Receive';
import { TargetsSection } from './TargetsSection';
import type { TeamReviewStrings } from './strings';
import { num, type S } from './types';

const loadPart = () => import('./members-part');

export interface TeamReviewProps {
  appraisal: AppraisalPolicy;
  bonus: BonusPolicy;
  /** Clause links made on the server (href with the base path, label 四（三）2, title), by id. */
  clauses: Readonly<Record<string, ClauseLinkData>>;
  /** Where 绩效自评 lives: the reply link opens there. */
  selfReviewHref: string;
  strings: TeamReviewStrings;
}

export default function TeamReview(props: TeamReviewProps) {
  const { appraisal, strings: s } = props;
  const t = (key: keyof S, values: Record<string, string | number> = {}) => fill(s[key], values);
  // The part for members loads when the team (saved, shared or received) has one; until then the
  // kit derives an empty team.
  const part = useOnDemand(loadPart);
  const mod = part.mod;
  const deriver = useMemo(() => mod?.createTeamDeriver() ?? null, [mod]);
  const ctx: TeamReviewContext = useMemo(
    () => ({ appraisal, bonus: props.bonus, labels: s, derive: deriver }),
    [deriver],
  );
  const tool = useTool(teamReviewTool, ctx, { csv: true });
  const { state, result, readOnly } = tool;
  const members = Object.keys(state.records).length > 0;
  // Asked for in the same task that read the saved team, not a frame later: a year's team waits on it.
  useLayoutEffect(() => {
    if (members) part.need().catch(() => undefined);
  }, [members]);
  const [chosen, setChosen] = useState<string | null>(null);
  /** The year picked in the grid's 查看年份 (not saved); else the team view's. */
  const [gridYear, setGridYear] = useState<number | null>(null);
  const [printing, setPrinting] = useState<'record' | 'team' | null>(null);
  /** The whole page has been on screen: a later wait for the part shows in its place only. */
  const shown = useRef(false);

  // Print what was asked for once it is on the page, then go back to the record sheet.
  useEffect(() => {
    if (!printing) return;
    void printWith(part).then(() => setPrinting(null));
  }, [printing]);

  const clauseLink = (id: string) => <ClauseLink id={id} clauses={props.clauses} />;
  // Results (records, view) come from the part's deriver, so the part is there when they are.
  const periodText = (p: Period) => (mod ? mod.periodText(p, s) : formatPeriod(p));
  const labelOfPeriod = (period: string) => {
    const p = parsePeriod(period);
    return p ? periodText(p) : period;
  };
  // The same name twice in one period (two 考核组) is told apart by the 考核组.
  const shared = useMemo(() => sharedNames(result.records.values()), [result.records]);
  const whoOf = (r: RecordResult) =>
    shared.has(r.key)
      ? t('member.withGroup', { name: r.name, group: r.group?.name ?? r.record.self.group })
      : r.name;
  const nameOf = (key: string) => {
    const r = result.records.get(key);
    const k = parseRecordKey(key);
    return r ? `${whoOf(r)} ${periodText(r.period)}` : k ? `${k.person} ${labelOfPeriod(k.period)}` : key;
  };

  /** Takes what the logic filed: only the records it made or updated, so edits typed meanwhile stay. */
  const take = (r: ReceiveResult): ReceiveReport => {
    const { changed } = r;
    if (changed.length > 0) {
      tool.edit((old): TeamReviewState => {
        const records = { ...old.records };
        for (const k of changed) records[k] = r.state.records[k]!;
        const first = r.state.records[changed[0]!]!;
        return { ...old, records, period: first.self.period };
      });
      setChosen(changed[0]!);
    }
    return { receipts: r.receipts };
  };
  const nothing = (): ReceiveReport => ({ source: s['receive.heading'], problem: s['receive.nothing'] });
  // The part for members loads with the receiving code, so what was received shows at once.
  // Offline without the service worker's copy it cannot: the reader is told so in the report.
  const receiving = () =>
    Promise.all([import('../logic/receive'), part.need()]).then(
      ([receive]) => receive,
      () => null,
    );
  const unloaded = (): ReceiveReport => ({ source: s['receive.heading'], problem: s['tool.partFailed'] });
  const onLinks = async (text: string) => {
    if (text.trim() === '') return nothing();
    const receive = await receiving();
    if (!receive) return unloaded();
    return take(await receive.receiveLinks(state, text, appraisal, s));
  };
  const onFiles = async (files: readonly File[]) => {
    const receive = await receiving();
    if (!receive) return unloaded();
    const read = await Promise.all(files.map(async (f) => ({ name: f.name, text: await f.text() })));
    return take(await receive.receiveFiles(state, read, appraisal, s));
  };

  const editManager = (key: string) => (patch: (m: ManagerReview) => ManagerReview) =>
    tool.edit((old) => {
      const rec = old.records[key];
      return rec
        ? { ...old, records: { ...old.records, [key]: { ...rec, manager: patch(rec.manager) } } }
        : old;
    });
  const remove = (key: string, said: string) => {
    tool.edit((old) => {
      const records = { ...old.records };
      delete records[key];
      return { ...old, records };
    });
    if (chosen === key) setChosen(null);
    tool.say({ id: 'removed', kind: 'info', text: said });
  };

  /** Opens a record of any period: the team view follows to its period. */
  const openRecord = (key: string) => {
    const k = parseRecordKey(key);
    if (k) tool.edit((old) => ({ ...old, period: k.period }));
    setChosen(key);
  };

  const waiting = members && !mod;
  // The server renders the blank page (it has no storage), so it reads before its code loads
  // (client:intent); saved records replace it once open, locked until then.
  if (waiting && !shown.current && !part.failed) {
    return (
      <div class="tool-root team-review" {...tool.rootProps}>
        <Notices notices={tool.notices} onDismiss={tool.dismiss} />
        <p class="tool-loading">{s['tool.loading']}</p>
      </div>
    );
  }

  shown.current = true;
  const view = result.view;
  const periodLabel = view ? periodText(view.period) : '';
  const rows = view?.rows ?? [];
  const selectedKey = chosen && result.records.has(chosen) ? chosen : (rows[0]?.key ?? null);
  const record = selectedKey ? result.records.get(selectedKey)! : null;
  const recordLabel = record ? periodText(record.period) : '';
  const sheet = record && mod ? mod.appraisalSheet(record, s) : null;
  const storageNote = savedNote(
    { persistent: tool.persistent, savedAt: tool.savedAt },
    { at: (time) => t('saved.at', { time }), not: s['saved.not'], unavailable: s['saved.unavailable'] },
  );

  return (
    <div class="tool-root team-review" {...tool.rootProps}>
      <Notices notices={tool.notices} onDismiss={tool.dismiss} />
      {tool.shared && (
        <ShareBanner text={s['share.banner']} closeLabel={s['share.close']} onClose={tool.closeShare} />
      )}
      <TrustNote id="tr-trust-heading" class="no-print" heading={s['trust.heading']} text={s['trust.text']}>
        <p class="tool-hint">{storageNote}</p>
      </TrustNote>

      <Receive s={s} t={t} disabled={readOnly} nameOf={nameOf} onLinks={onLinks} onFiles={onFiles} />

      <TargetsSection
        after={!members || mod !== null}
        state={state}
        appraisal={appraisal}
        s={s}
        t={t}
        readOnly={readOnly}
        edit={tool.edit}
        selfReviewHref={props.selfReviewHref}
        initialMonth={/^\d{4}-\d{2}$/.test(state.period) ? state.period : (tool.today ?? '').slice(0, 7)}
      />

      {waiting ? (
        // Only after the page was once whole (an import, another tab): the part is on its way.
        <p class={part.failed ? 'tool-error' : 'tool-loading'} role={part.failed ? 'alert' : undefined}>
          {part.failed ? s['tool.partFailed'] : s['tool.loading']}
        </p>
      ) : !mod ? (
        <MembersSection s={s} />
      ) : (
        <mod.Members
          s={s}
          t={t}
          periods={result.periods.map((p) => ({ value: p, label: labelOfPeriod(p) }))}
          period={result.current}
          periodLabel={periodLabel}
          rows={rows}
          whoOf={whoOf}
          selected={selectedKey}
          readOnly={readOnly}
          onPeriod={(period) => {
            tool.edit((old) => ({ ...old, period }));
            setChosen(null);
          }}
          onSelect={setChosen}
          onRemove={remove}
        />
      )}

      {mod && record && (
        <mod.RecordReview
          r={record}
          who={whoOf(record)}
          label={recordLabel}
          s={s}
          t={t}
          readOnly={readOnly}
          clauseLink={clauseLink}
          behaviourClause={appraisal.behaviour.clause}
          edit={editManager(record.key)}
          conflict={(path) => tool.conflictAt([...path])}
          onOpenMonth={openRecord}
        />
      )}

      {mod && record && sheet && (
        <section class="no-print tr-compare" aria-labelledby="tr-compare-heading">
          <h2 id="tr-compare-heading">
            {s['review.compare']}：{whoOf(record)} {recordLabel}
          </h2>
          <p aria-live="polite">
            {t('review.summary', {
              manager: num(record.manager?.total),
              managerGrade: record.manager?.grade?.name ?? s['value.none'],
              self: num(record.self?.total),
              selfGrade: record.self?.grade?.name ?? s['value.none'],
            })}{' '}
            {record.changes > 0 ? t('review.changes', { n: record.changes }) : s['review.noChanges']}
          </p>
          <mod.SheetTables sheet={sheet} />
          <button type="button" class="tool-button" onClick={() => setPrinting('record')}>
            {s['review.print']}
          </button>
        </section>
      )}

      {mod && record && (
        <mod.Reply
          r={record}
          label={recordLabel}
          s={s}
          t={t}
          selfReviewHref={props.selfReviewHref}
          overLimit={tool.exports.overLimit}
        />
      )}

      {mod && view && (
        <mod.TeamView
          view={view}
          periodLabel={periodLabel}
          s={s}
          t={t}
          readOnly={readOnly}
          defaultBase={state.defaultBase}
          defaultBaseError={result.defaultBaseError}
          onDefaultBase={(defaultBase) => tool.edit((old) => ({ ...old, defaultBase }))}
          onSelect={setChosen}
          records={result.records}
          onOpen={openRecord}
          gridYear={gridYear ?? view.period.year}
          onGridYear={setGridYear}
          clauseLink={clauseLink}
          bonusClause={props.bonus.clause}
        />
      )}

      <ExportBar actions={tool.exports} onPrint={() => setPrinting('team')} />

      <div class="print-only">
        {mod &&
          tool.today !== null &&
          (printing === 'team' || !sheet ? (
            view && (
              <>
                <mod.TeamSheet view={view} s={s} t={t} periodLabel={periodLabel} today={tool.today} />
                <mod.YearGridSheet
                  records={result.records}
                  year={gridYear ?? view.period.year}
                  grades={appraisal.grades}
                  s={s}
                  t={t}
                />
              </>
            )
          ) : (
            <mod.PrintSheet
              sheet={sheet}
              today={tool.today}
              qr={
                record && (
                  <SheetQr
                    make={async () =>
                      replyLinkOf({
                        reply: (await import('../logic/reply')).makeReviewReply(record),
                        href: props.selfReviewHref,
                      })
                    }
                    content={record.record}
                    fingerprint={record.record.fingerprint}
                  />
                )
              }
            />
          ))}
      </div>
    </div>
  );
}
