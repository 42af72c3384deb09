// Realistic data for the list and print tests (lists.test.ts, print.test.ts): a 新员工签收 list of
// several people (long names, mentors, overdue rows, an older edition) sent as 签收 files, and a
// team of 绩效自评 files for 团队考核. Items, groups and versions come from content/policy/*.yaml.
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import type { Page } from 'playwright-core';
import { toJsonFile } from '../../../src/core/json-file';
import type { AppraisalPolicy, Kpi } from '../../../src/core/policy-types';
import { makeReply, replyToJson } from '../../../src/core/reply';
import { buildPolicyFingerprint } from '../../../src/policy/fingerprint';
import {
  editionFingerprint,
  SIGNOFF_REPLY_KIND,
  type SignoffPayload,
} from '../../../src/tools/onboarding/logic/signoff';
import {
  SELF_REVIEW_STATE_VERSION,
  emptyReview,
  plainNumber,
} from '../../../src/tools/self-review/logic/state';

const onboarding = parse(readFileSync('content/policy/onboarding.yaml', 'utf8')) as {
  phases: { id: string; name: string; dueDay: number }[];
  items: { id: string; title: string; phase: string; roles: 'all' | string[] }[];
};
export const appraisal = parse(readFileSync('content/policy/appraisal.yaml', 'utf8')) as AppraisalPolicy;
const meta = parse(readFileSync('content/policy/meta.yaml', 'utf8')) as { version: string };
export const roleName = (id: string) => appraisal.groups.find((g) => g.id === id)!.name;
const itemsOf = (role: string) =>
  onboarding.items.filter((it) => it.roles === 'all' || it.roles.includes(role));

/** The day the signoff tests run on (Shanghai): 2026-05-20. */
export const SIGNOFF_TODAY = new Date('2026-05-20T12:00:00+08:00');

export interface Hire {
  name: string;
  role: string;
  mentor: string;
  start: string;
  /** Phases ticked off completely. */
  done: readonly string[];
  /** An older edition (须重新签收). */
  old?: boolean;
}

/** Ten new hires; five started long enough ago that first-week or first-month items are overdue. */
export const HIRES: readonly Hire[] = [
  { name: '欧阳晓明', role: 'crm', mentor: '司马长风', start: '2026-04-01', done: ['day1', 'week1'] },
  { name: '上官婉儿', role: 'promotion', mentor: '诸葛明月', start: '2026-04-03', done: ['day1'] },
  { name: '王小明', role: 'promotion', mentor: '', start: '2026-05-18', done: ['day1'] },
  { name: '赵小刚', role: 'analytics', mentor: '', start: '2026-05-15', done: ['day1'], old: true },
  { name: '司徒嘉怡', role: 'crm', mentor: '欧阳修远', start: '2026-04-06', done: ['day1', 'week1'] },
  { name: '李小红', role: 'analytics', mentor: '陈导师', start: '2026-05-11', done: ['day1', 'week1'] },
  { name: '皇甫子涵', role: 'analytics', mentor: '', start: '2026-04-09', done: ['day1'] },
  { name: '张伟', role: 'promotion', mentor: '', start: '2026-05-13', done: ['day1', 'week1'] },
  { name: '慕容思远', role: 'crm', mentor: '上官云', start: '2026-04-12', done: [] },
  { name: '刘洋', role: 'crm', mentor: '', start: '2026-05-19', done: ['day1'] },
];

const addDays = (iso: string, days: number) =>
  new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/** The 期限 dates of a hire's overdue items on SIGNOFF_TODAY (what the list prints after 期限). */
export function dueDates(hire: Hire): string[] {
  const today = SIGNOFF_TODAY.toISOString().slice(0, 10);
  return onboarding.phases
    .filter((p) => !hire.done.includes(p.id))
    .map((p) => addDays(hire.start, p.dueDay))
    .filter((d) => d < today);
}

/** One hire's 签收 as the file 入职清单 downloads. */
export async function signoffFile(hire: Hire): Promise<{ name: string; mimeType: string; buffer: Buffer }> {
  const edition = hire.old
    ? { version: '0.9', fingerprint: 'abcdef123456' }
    : { version: meta.version, fingerprint: buildPolicyFingerprint() };
  const items = itemsOf(hire.role);
  const done = Object.fromEntries(
    items.filter((it) => hire.done.includes(it.phase)).map((it) => [it.id, hire.start]),
  );
  const payload: SignoffPayload = {
    name: hire.name,
    role: hire.role,
    roleName: roleName(hire.role),
    mentor: hire.mentor,
    startDate: hire.start,
    policyVersion: edition.version,
    policyFingerprint: edition.fingerprint,
    date: addDays(hire.start, 1),
    done,
    progress: { done: Object.keys(done).length, total: items.length, overdue: [] },
  };
  const reply = makeReply(
    { tool: 'onboarding', answers: await editionFingerprint(edition), kind: SIGNOFF_REPLY_KIND, payload },
    new Date(`${payload.date}T09:00:00+08:00`),
  );
  return { name: `${hire.name}.json`, mimeType: 'application/json', buffer: Buffer.from(replyToJson(reply)) };
}

/** Files every hire's 签收 on the open 新员工签收 page and waits until each row is in the list. */
export async function receiveSignoffs(page: Page, hires: readonly Hire[] = HIRES): Promise<void> {
  await page
    .getByLabel('选择签收文件（.json，可多选）')
    .setInputFiles(await Promise.all(hires.map(signoffFile)));
  await page.waitForFunction(
    (n) => document.querySelectorAll('.so-table tbody th[scope="row"]').length === n,
    hires.length,
  );
}

/** A team member's 绩效自评 (March 2026), `f` of the way to each target. */
export interface Member {
  name: string;
  group: string;
  f: number;
}

export const TEAM: readonly Member[] = [
  { name: '欧阳晓明', group: 'promotion', f: 0.9 },
  { name: '上官婉儿', group: 'crm', f: 1.2 },
  { name: '司徒嘉怡', group: 'analytics', f: 1.05 },
  { name: '张伟', group: 'promotion', f: 0.7 },
  { name: '慕容思远', group: 'crm', f: 1 },
  { name: '皇甫子涵', group: 'analytics', f: 0.85 },
  // Far below target: 培训候选, a long 候选提示 on the printed summary.
  { name: '诸葛明月', group: 'crm', f: 0.4 },
];

/** A value at `f` of the way to the target (direction-aware), as a person types it. */
export function valueAt(k: Kpi, f: number): string {
  if (k.unit === 'rating') return String(Math.min(5, Math.max(1, Math.round(k.target * f))));
  const raw = k.direction === 'higher' ? k.target * f : k.target / f;
  if (k.unit === 'count') return String(Math.round(raw));
  const v = Math.round(raw * 10) / 10;
  return plainNumber(k.unit === 'percent' ? Math.min(k.target >= 100 ? 1000 : 100, v) : v);
}

export function selfReviewFile(m: Member): { name: string; mimeType: string; buffer: Buffer } {
  const s = emptyReview(appraisal, m.group, '2026-03', m.name);
  const group = appraisal.groups.find((g) => g.id === m.group)!;
  for (const k of group.kpis) s.kpis[k.id]!.actual = valueAt(k, m.f);
  for (const item of appraisal.behaviour.items) s.ratings[item.id] = m.f >= 1 ? '5' : '4';
  return {
    name: `${m.name}.json`,
    mimeType: 'application/json',
    buffer: Buffer.from(toJsonFile('self-review', SELF_REVIEW_STATE_VERSION, s)),
  };
}

/** Receives the whole team on the open 团队考核 page and waits until the team table lists everyone. */
export async function receiveTeam(page: Page, team: readonly Member[] = TEAM): Promise<void> {
  await page.getByLabel('选择绩效自评 JSON 文件（可多选）').setInputFiles(team.map(selfReviewFile));
  await page.waitForFunction(
    (n) => document.querySelectorAll('.tr-team-table tbody tr').length === n,
    team.length,
  );
}
