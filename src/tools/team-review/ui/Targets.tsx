// 目标下达 (四（二）: the month's tasks and targets come from the manager): targets per 考核组 and
// period, one member adjusted, a line of 当月工作任务; each member's 目标 copied as a link to 绩效自评
// or downloaded as JSON, or all at once as one message per member; and per member whether it was
// sent and whether the 自评 that came back was scored against it. Loads on first use (./TargetsSection).
import { useEffect, useMemo, useState } from 'preact/hooks';
import { countChars } from '../../../core/text-limit';
import { fileNamePart } from '../../../core/format';
import type { AppraisalGroup, AppraisalPolicy, KpiUnit } from '../../../core/policy-types';
import { SelectField, TextField } from '../../kit/ui/Field';
import { copyText, downloadText } from '../../kit/ui/dom';
import { MAX_FIELD_LENGTH, MAX_TASKS_LENGTH, parsePeriod, plainNumber } from '../../self-review/logic/state';
import {
  encodeTargetsLink,
  makeTargetsReply,
  targetsFingerprint,
  targetsToJson,
  type TargetsPayload,
} from '../../self-review/logic/targets';
import { todayIso } from '../../../core/calendar-date';
import { periodText } from '../logic/export';
import { personKey, type TeamReviewState } from '../logic/state';
import {
  GROUP_TARGETS,
  addTargetsMember,
  badTargets,
  checkAssigned,
  markSent,
  setTarget,
  targetError,
  targetsFor,
  targetsKey,
  targetsMembers,
  targetsPayload,
  targetsStatus,
  type AssignedCheck,
  type ExpectedTargets,
  type TargetsMember,
} from '../logic/targets';
import type { S, T } from './types';

const UNIT: Readonly<Record<KpiUnit, string | undefined>> = { count: undefined, percent: '%', rating: '分', money: '元' };

export interface TargetsProps {
  state: TeamReviewState;
  appraisal: AppraisalPolicy;
  s: S;
  t: T;
  readOnly: boolean;
  edit: (patch: (old: TeamReviewState) => TeamReviewState) => void;
  /** Where 绩效自评 lives (with the base path): the 目标 link opens there. */
  selfReviewHref: string;
  /** The month to open on (2026-03). */
  initialMonth: string;
}

export default function Targets(props: TargetsProps) {
  const { state, appraisal, s, t, readOnly, edit } = props;
  const [month, setMonth] = useState(props.initialMonth);
  const [wholeYear, setWholeYear] = useState(false);
  const [name, setName] = useState('');
  const [group, setGroup] = useState(appraisal.groups[0]?.id ?? '');
  const [addError, setAddError] = useState<string | null>(null);
  const [said, setSaid] = useState<{ at: string; text: string; error?: boolean } | null>(null);
  const [allText, setAllText] = useState<string | null>(null);
  const [checks, setChecks] = useState<ReadonlyMap<string, AssignedCheck | null>>(new Map());

  const monthOk = parsePeriod(month)?.kind === 'month';
  const period = monthOk ? (wholeYear ? month.slice(0, 4) : month) : '';
  const p = parsePeriod(period);
  const label = p ? periodText(p, s) : '';
  const groupOf = (id: string) => appraisal.groups.find((g) => g.id === id);
  const groupName = (id: string) => groupOf(id)?.name ?? id;
  const members = useMemo(() => (period ? targetsMembers(state, period) : []), [state, period]);
  const groups = [...new Set(members.map((m) => m.group))].map(groupOf).filter((g): g is AppraisalGroup => !!g);
  const now = () => new Date().toISOString();
  const memberId = (m: TargetsMember) => `${m.group}|${m.person}`;

  // Whether each 自评 received was scored against what was set: fingerprints are async.
  useEffect(() => {
    let live = true;
    void (async () => {
      const out = new Map<string, AssignedCheck | null>();
      for (const m of members) {
        const g = groupOf(m.group);
        if (!m.record || !g) continue;
        const self = m.record.self;
        const y = parsePeriod(self.period);
        const periods = y?.kind === 'month' ? [self.period, String(y.year)] : [self.period];
        const expected: ExpectedTargets[] = [];
        for (const at of periods) {
          const payload = targetsFor(state, g, at, m.person, m.name);
          if (payload) expected.push({ payload, fingerprint: await targetsFingerprint(payload) });
        }
        out.set(memberId(m), checkAssigned(self.assigned, expected, g));
      }
      if (live) setChecks(out);
    })();
    return () => void (live = false);
  }, [members]);

  const add = () => {
    const n = name.trim();
    const g = groupOf(group);
    if (n === '' || !g) return setAddError(s['targets.nameEmpty']);
    if (countChars(n) > MAX_FIELD_LENGTH) return setAddError(t('targets.nameLong', { max: MAX_FIELD_LENGTH }));
    if (members.some((m) => m.group === g.id && m.person === personKey(n)))
      return setAddError(t('targets.nameTaken', { name: n, group: g.name }));
    setAddError(null);
    edit((old) => addTargetsMember(old, { period, group: g.id, name: n }, now()));
    setName('');
    setSaid({ at: 'add', text: t('targets.added', { name: n, group: g.name }) });
  };

  /** The member's 目标 as a link, or why it cannot be sent yet (said beside the buttons). */
  const linkOf = async (m: TargetsMember, g: AppraisalGroup) => {
    const payload = targetsPayload(state, g, period, m.person, m.name);
    const bad = badTargets(payload, g);
    if (bad.length > 0)
      return { error: t('targets.invalid', { name: m.name, kpis: bad.map((k) => k.name).join('、') }) };
    const reply = await makeTargetsReply(payload);
    const encoded = await encodeTargetsLink(reply);
    if (!encoded.ok) return { error: encoded.error };
    const url = new URL(props.selfReviewHref, location.href);
    url.hash = encoded.fragment;
    return { reply, link: url.href };
  };
  // What each member got is kept with the time, so a later change reads 已下达未发送 again.
  const sent = (list: readonly { m: TargetsMember; payload: TargetsPayload }[]) =>
    edit((old) =>
      list.reduce(
        (st, { m, payload }) => markSent(st, { period, group: m.group, person: m.person, name: m.name }, payload, now()),
        old,
      ),
    );

  const copyOne = async (m: TargetsMember, g: AppraisalGroup) => {
    const made = await linkOf(m, g);
    if (!made.link) return setSaid({ at: memberId(m), text: made.error ?? '', error: true });
    const copied = await copyText(made.link);
    if (copied && made.reply) sent([{ m, payload: made.reply.payload }]);
    setSaid({ at: memberId(m), text: copied ? t('targets.copied', { name: m.name }) : s['targets.notCopied'] });
    if (!copied) setAllText(made.link);
  };
  const downloadOne = async (m: TargetsMember, g: AppraisalGroup) => {
    const made = await linkOf(m, g);
    if (!made.reply) return setSaid({ at: memberId(m), text: made.error ?? '', error: true });
    downloadText(
      `${fileNamePart(t('targets.fileBase', { name: m.name, period: label }), 80)}.json`,
      targetsToJson(made.reply),
      'application/json;charset=utf-8',
    );
    sent([{ m, payload: made.reply.payload }]);
    setSaid({ at: memberId(m), text: t('targets.downloaded', { name: m.name }) });
  };
  const copyAll = async () => {
    const messages: string[] = [];
    const made: { m: TargetsMember; payload: TargetsPayload }[] = [];
    for (const m of members) {
      const g = groupOf(m.group);
      if (!g) continue;
      const one = await linkOf(m, g);
      if (!one.link || !one.reply) return setSaid({ at: 'all', text: one.error ?? '', error: true });
      messages.push(t('targets.message', { name: m.name, period: label, group: g.name, link: one.link }));
      made.push({ m, payload: one.reply.payload });
    }
    const text = messages.join('\n\n');
    const copied = await copyText(text);
    if (copied) sent(made);
    setAllText(text);
    setSaid({ at: 'all', text: copied ? t('targets.copiedAll', { n: messages.length }) : s['targets.notCopied'] });
  };

  const status = (at: string) =>
    said?.at === at ? (
      <p class={said.error ? 'tool-error' : 'tool-export-status'} role={said.error ? 'alert' : 'status'}>
        {said.text}
      </p>
    ) : null;

  const kpiFields = (g: AppraisalGroup, m: TargetsMember | null, idPrefix: string) => {
    const entry = state.targets[targetsKey(period, g.id, m ? m.person : GROUP_TARGETS)];
    // What the field falls back to when left empty: the group's target for a member, appraisal.yaml's for the group.
    const fallback = m ? targetsPayload(state, g, period, GROUP_TARGETS, '') : null;
    return g.kpis.map((kpi) => {
      const value = entry?.targets[kpi.id] ?? '';
      return (
        <TextField
          key={kpi.id}
          id={`${idPrefix}-${kpi.id}`}
          label={t('targets.kpiLabel', { kpi: kpi.name })}
          value={value}
          unit={UNIT[kpi.unit]}
          inputMode="decimal"
          readOnly={readOnly}
          limit={MAX_FIELD_LENGTH}
          error={targetError(kpi, value)}
          hint={
            fallback
              ? t('targets.memberHint', { value: fallback.targets[kpi.id] ?? '' })
              : t('targets.defaultHint', { value: plainNumber(kpi.target) })
          }
          onInput={(text) =>
            edit((old) =>
              setTarget(old, { period, group: g.id, person: m?.person, name: m?.name }, { kpi: kpi.id, text }, now()),
            )
          }
        />
      );
    });
  };

  const statusText = (m: TargetsMember) => {
    const g = groupOf(m.group);
    const st = g ? targetsStatus(state, g, period, m.person) : ({ kind: 'none' } as const);
    return st.kind === 'sent'
      ? t('targets.status.sent', { date: todayIso(new Date(st.sentAt)) })
      : st.kind === 'set'
        ? s['targets.status.set']
        : s['targets.status.none'];
  };
  const checkText = (m: TargetsMember) => {
    if (!m.record) return s['targets.check.noSelf'];
    const c = checks.get(memberId(m));
    if (!c) return s['value.none'];
    if (c.kind === 'same') return s['targets.check.same'];
    if (c.kind === 'not-assigned') return s['targets.check.notAssigned'];
    const what = [...c.kpis.map((k) => k.name), ...(c.tasks ? [s['targets.check.tasks']] : [])];
    return t('targets.check.different', { what: what.join('、') || s['value.none'] });
  };

  return (
    <div class="tr-targets">
      <div class="tr-narrow">
        <TextField
          id="tr-targets-month"
          type="month"
          label={s['targets.period']}
          value={month}
          onInput={(v) => setMonth(v)}
        />
        <label class="tr-check">
          <input
            type="checkbox"
            checked={wholeYear}
            onChange={(e) => setWholeYear((e.currentTarget as HTMLInputElement).checked)}
          />{' '}
          {s['targets.wholeYear']}
        </label>
      </div>

      {period && (
        <>
          <fieldset class="tool-fieldset tr-targets-add">
            <legend>{s['targets.add']}</legend>
            <p class="tool-hint">{s['targets.addHint']}</p>
            <TextField
              id="tr-targets-name"
              label={s['targets.addName']}
              value={name}
              readOnly={readOnly}
              limit={MAX_FIELD_LENGTH}
              error={addError}
              onInput={setName}
            />
            <SelectField
              id="tr-targets-group"
              label={s['targets.addGroup']}
              value={group}
              disabled={readOnly}
              options={appraisal.groups.map((g) => ({ value: g.id, label: g.name }))}
              onChange={setGroup}
            />
            <button type="button" class="tool-button" disabled={readOnly} onClick={add}>
              {s['targets.add']}
            </button>
            {status('add')}
          </fieldset>

          {members.length === 0 && <p>{s['targets.none']}</p>}
          {groups.map((g) => (
            <div key={g.id} class="tr-targets-group">
              <fieldset class="tool-fieldset">
                <legend>{t('targets.group', { group: g.name })}</legend>
                <p class="tool-hint">{s['targets.groupNote']}</p>
                {kpiFields(g, null, `tr-tg-${g.id}`)}
              </fieldset>
              {members
                .filter((m) => m.group === g.id)
                .map((m, i) => {
                  const entry = state.targets[targetsKey(period, g.id, m.person)];
                  const tasks = entry?.tasks ?? '';
                  return (
                    <details key={m.person} class="tr-targets-member">
                      <summary>{t('targets.member', { name: m.name })}</summary>
                      <fieldset class="tool-fieldset">
                        <legend>{t('targets.memberLegend', { name: m.name, group: g.name })}</legend>
                        {kpiFields(g, m, `tr-tm-${g.id}-${i}`)}
                        <TextField
                          id={`tr-tm-${g.id}-${i}-tasks`}
                          label={s['targets.tasks']}
                          value={tasks}
                          readOnly={readOnly}
                          limit={MAX_TASKS_LENGTH}
                          hint={s['targets.tasksHint']}
                          class="tool-field--wide"
                          onInput={(text) =>
                            edit((old) =>
                              setTarget(old, { period, group: g.id, person: m.person, name: m.name }, { tasks: text }, now()),
                            )
                          }
                        />
                        <div class="tool-export-buttons">
                          <button
                            type="button"
                            class="tool-button"
                            disabled={readOnly}
                            aria-label={t('targets.copyLabel', { name: m.name })}
                            onClick={() => void copyOne(m, g)}
                          >
                            {s['targets.copy']}
                          </button>
                          <button
                            type="button"
                            class="tool-button"
                            disabled={readOnly}
                            aria-label={t('targets.downloadLabel', { name: m.name })}
                            onClick={() => void downloadOne(m, g)}
                          >
                            {s['targets.download']}
                          </button>
                        </div>
                        {status(memberId(m))}
                      </fieldset>
                    </details>
                  );
                })}
            </div>
          ))}

          {members.length > 0 && (
            <>
              <div class="tool-list">
                <table class="tool-table tool-cards tr-targets-table">
                  <caption>{t('targets.caption', { period: label })}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{s['targets.col.name']}</th>
                      <th scope="col">{s['targets.col.group']}</th>
                      <th scope="col">{s['targets.col.status']}</th>
                      <th scope="col">{s['targets.col.self']}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {members.map((m) => (
                      <tr key={memberId(m)}>
                        <th scope="row">{m.name}</th>
                        <td data-label={s['targets.col.group']}>{groupName(m.group)}</td>
                        <td data-label={s['targets.col.status']}>{statusText(m)}</td>
                        <td data-label={s['targets.col.self']}>{checkText(m)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
              <p class="tool-hint">{s['targets.copyAllHint']}</p>
              <button
                type="button"
                class="tool-button tool-button--primary"
                disabled={readOnly}
                onClick={() => void copyAll()}
              >
                {s['targets.copyAll']}
              </button>
              {status('all')}
              {allText !== null && (
                <div class="tool-field">
                  <label for="tr-targets-text">{s['targets.text']}</label>
                  <textarea
                    id="tr-targets-text"
                    rows={4}
                    readOnly
                    value={allText}
                    onFocus={(e) => (e.currentTarget as HTMLTextAreaElement).select()}
                  />
                </div>
              )}
            </>
          )}
        </>
      )}
    </div>
  );
}
