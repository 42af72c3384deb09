/**
 * 目标下达 as 团队考核 keeps it (四（二）: the month's tasks and targets come from the manager): the
 * targets set for a 考核组 and period, a member's own on top of them, what each member is sent (a
 * TargetsPayload, self-review/logic/targets.ts), whether it was sent, and whether the 自评 that came
 * back was scored against it. Pure; the fingerprints are computed by the caller (they are async).
 */
import type { AppraisalGroup, Kpi } from '../../../core/policy-types';
import { parseKpiValue } from '../../self-review/logic/derive';
import { parsePeriod, plainNumber, type AssignedTargets } from '../../self-review/logic/state';
import type { TargetsPayload } from '../../self-review/logic/targets';
import { personKey, type MemberRecord, type SetTargets, type TeamReviewState } from './state';

/** The person part of a 考核组's own targets' key. */
export const GROUP_TARGETS = '';

/** `2026-03|crm|王芳` (a member) or `2026-03|crm|` (the 考核组). */
export function targetsKey(period: string, group: string, person: string = GROUP_TARGETS): string {
  return `${period}|${group}|${person}`;
}

const TARGETS_KEY = /^(\d{4}(?:-(?:0[1-9]|1[0-2]))?)\|([a-z0-9]+(?:-[a-z0-9]+)*)\|(.*)$/;

export function parseTargetsKey(key: string): { period: string; group: string; person: string } | null {
  const m = TARGETS_KEY.exec(key);
  return m ? { period: m[1]!, group: m[2]!, person: m[3]! } : null;
}

/**
 * Why a typed 目标值 cannot be scored against, or null ('' = the default, always fine). The same reading
 * as the 自评's (四（一）: the ratio rule divides by the target, so it must be above 0).
 */
export function targetError(kpi: Pick<Kpi, 'unit' | 'target'>, text: string): string | null {
  if (text.trim() === '') return null;
  const read = parseKpiValue(kpi, text, 'target');
  return read.ok ? null : read.error;
}

/** The entries a period's targets come from, first wins: the member's, the group's, then the year's. */
function chain(state: TeamReviewState, period: string, group: string, person: string): SetTargets[] {
  const p = parsePeriod(period);
  const periods = p?.kind === 'month' ? [period, String(p.year)] : [period];
  const out: SetTargets[] = [];
  for (const at of periods)
    for (const who of [person, GROUP_TARGETS]) {
      const e = state.targets[targetsKey(at, group, who)];
      if (e) out.push(e);
    }
  return out;
}

/** Anything was typed or sent for the member: a target, a task, or a link copied. */
function hasContent(e: SetTargets): boolean {
  return e.tasks.trim() !== '' || Object.values(e.targets).some((t) => t.trim() !== '') || e.sentAt !== undefined;
}

/**
 * The 目标 a member gets for a period: each KPI's target from the first entry that typed one (the
 * member's, the group's, the member's for the year, the group's for the year), else appraisal.yaml's;
 * the tasks likewise. Null when the manager set nothing for them.
 */
export function targetsFor(
  state: TeamReviewState,
  group: Pick<AppraisalGroup, 'id' | 'kpis'>,
  period: string,
  person: string,
  name: string,
): TargetsPayload | null {
  return chain(state, period, group.id, person).some(hasContent)
    ? targetsPayload(state, group, period, person, name)
    : null;
}

/** What a member is sent for a period (targetsFor), appraisal.yaml's targets where nothing was set. */
export function targetsPayload(
  state: TeamReviewState,
  group: Pick<AppraisalGroup, 'id' | 'kpis'>,
  period: string,
  person: string,
  name: string,
): TargetsPayload {
  const entries = chain(state, period, group.id, person);
  const targets: Record<string, string> = {};
  for (const kpi of group.kpis) {
    const typed = entries.map((e) => e.targets[kpi.id]?.trim() ?? '').find((t) => t !== '');
    targets[kpi.id] = typed ?? plainNumber(kpi.target);
  }
  const tasks = entries.map((e) => e.tasks.trim()).find((t) => t !== '') ?? '';
  return { name: name.trim(), group: group.id, period, targets, tasks };
}

/** The KPIs whose target, as the member gets it, cannot be scored against (targetError). */
export function badTargets(payload: TargetsPayload, group: Pick<AppraisalGroup, 'kpis'>): Kpi[] {
  return group.kpis.filter((kpi) => targetError(kpi, payload.targets[kpi.id] ?? '') !== null);
}

export type TargetsStatus =
  | { readonly kind: 'none' }
  | { readonly kind: 'set' }
  | { readonly kind: 'sent'; readonly sentAt: string };

/**
 * 未下达 / 已下达未发送 / 已发送: sent when what the member gets now (targetsPayload) is what was copied
 * or downloaded last (the snapshot markSent keeps).
 */
export function targetsStatus(
  state: TeamReviewState,
  group: Pick<AppraisalGroup, 'id' | 'kpis'>,
  period: string,
  person: string,
): TargetsStatus {
  const entries = chain(state, period, group.id, person);
  if (!entries.some(hasContent)) return { kind: 'none' };
  const own = state.targets[targetsKey(period, group.id, person)];
  if (own?.sentAt === undefined || own.sent === undefined) return { kind: 'set' };
  const now = targetsPayload(state, group, period, person, own.name);
  return sameTargets(now, own.sent) ? { kind: 'sent', sentAt: own.sentAt } : { kind: 'set' };
}

function sameTargets(a: Pick<TargetsPayload, 'targets' | 'tasks'>, b: Pick<TargetsPayload, 'targets' | 'tasks'>): boolean {
  const keys = new Set([...Object.keys(a.targets), ...Object.keys(b.targets)]);
  return a.tasks === b.tasks && [...keys].every((k) => (a.targets[k] ?? '') === (b.targets[k] ?? ''));
}

/** One member of a period in the 目标下达 list: added by the manager, or known from a received 自评. */
export interface TargetsMember {
  readonly person: string;
  readonly name: string;
  readonly group: string;
  /** The member's 自评 of that period and group, if received. */
  readonly record: MemberRecord | null;
}

/**
 * The members of a period, by 考核组 then name: those the manager added for it (or for its year) and
 * those whose 自评 of the period came in.
 */
export function targetsMembers(state: TeamReviewState, period: string): TargetsMember[] {
  const p = parsePeriod(period);
  const periods = new Set(p?.kind === 'month' ? [period, String(p.year)] : [period]);
  const byKey = new Map<string, TargetsMember>();
  for (const [key, e] of Object.entries(state.targets)) {
    const k = parseTargetsKey(key);
    if (!k || k.person === GROUP_TARGETS || !periods.has(k.period)) continue;
    const id = `${k.group}|${k.person}`;
    if (!byKey.has(id) || k.period === period) byKey.set(id, { person: k.person, name: e.name, group: k.group, record: null });
  }
  for (const r of Object.values(state.records)) {
    if (r.self.period !== period) continue;
    const id = `${r.self.group}|${r.person}`;
    const known = byKey.get(id);
    byKey.set(id, { person: r.person, name: known?.name || r.self.name.trim(), group: r.self.group, record: r });
  }
  return [...byKey.values()].sort(
    (a, b) => a.group.localeCompare(b.group) || a.name.localeCompare(b.name, 'zh-CN'),
  );
}

/** What the 自评 was scored against, beside what the manager set. */
export type AssignedCheck =
  | { readonly kind: 'same' }
  | { readonly kind: 'different'; readonly kpis: readonly Kpi[]; readonly tasks: boolean }
  | { readonly kind: 'not-assigned' };

/** The 目标 set for a member with its fingerprint (targetsFingerprint). */
export interface ExpectedTargets {
  readonly payload: TargetsPayload;
  readonly fingerprint: string;
}

/**
 * 目标指纹相同 / 目标与下达的不同 (naming the KPIs) / 未按下达目标; null when no 目标 was set, so a team
 * without 目标下达 reads as before. `expected` holds what was set for the 自评's month and for its year:
 * a 目标 sent for the year is the month's too.
 */
export function checkAssigned(
  assigned: AssignedTargets | undefined,
  expected: readonly ExpectedTargets[],
  group: Pick<AppraisalGroup, 'kpis'>,
): AssignedCheck | null {
  const first = expected[0];
  if (!first) return null;
  if (!assigned) return { kind: 'not-assigned' };
  if (expected.some((e) => e.fingerprint === assigned.fingerprint)) return { kind: 'same' };
  const kpis = group.kpis.filter((kpi) => !sameTarget(kpi, assigned.targets[kpi.id], first.payload.targets[kpi.id]));
  return { kind: 'different', kpis, tasks: assigned.tasks.trim() !== first.payload.tasks.trim() };
}

/** Two typed targets mean the same number (500 and 500.0), or are the same text. */
function sameTarget(kpi: Pick<Kpi, 'unit' | 'target'>, a = '', b = ''): boolean {
  const x = parseKpiValue(kpi, a, 'target');
  const y = parseKpiValue(kpi, b, 'target');
  return x.ok && y.ok ? Math.abs(x.value - y.value) < 1e-9 : a.trim() === b.trim();
}

/** The targets after the manager typed one 目标值 (or the tasks) for a member or a group; `now` is the edit time. */
export function setTarget(
  state: TeamReviewState,
  at: { period: string; group: string; person?: string; name?: string },
  change: { kpi: string; text: string } | { tasks: string },
  now: string,
): TeamReviewState {
  const key = targetsKey(at.period, at.group, at.person ?? GROUP_TARGETS);
  const old = state.targets[key] ?? { name: at.name ?? '', targets: {}, tasks: '', setAt: now };
  const next: SetTargets =
    'kpi' in change
      ? { ...old, targets: { ...old.targets, [change.kpi]: change.text }, setAt: now }
      : { ...old, tasks: change.tasks, setAt: now };
  return { ...state, targets: { ...state.targets, [key]: next } };
}

/** A member added by name for a period and group (a new hire's first month, before any 自评). */
export function addTargetsMember(
  state: TeamReviewState,
  at: { period: string; group: string; name: string },
  now: string,
): TeamReviewState {
  const person = personKey(at.name);
  const key = targetsKey(at.period, at.group, person);
  if (person === '' || state.targets[key]) return state;
  return { ...state, targets: { ...state.targets, [key]: { name: at.name.trim(), targets: {}, tasks: '', setAt: now } } };
}

/** The member's 目标 `sent` (its targets and tasks) was copied or downloaded at `now`. */
export function markSent(
  state: TeamReviewState,
  at: { period: string; group: string; person: string; name: string },
  sent: Pick<TargetsPayload, 'targets' | 'tasks'>,
  now: string,
): TeamReviewState {
  const key = targetsKey(at.period, at.group, at.person);
  const old = state.targets[key] ?? { name: at.name, targets: {}, tasks: '', setAt: now };
  const snapshot = { targets: { ...sent.targets }, tasks: sent.tasks };
  return { ...state, targets: { ...state.targets, [key]: { ...old, sentAt: now, sent: snapshot } } };
}
