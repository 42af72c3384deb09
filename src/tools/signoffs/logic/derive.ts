/**
 * The 新员工签收 list as the page shows it: who signed which version (current or not), progress and
 * the first-month items overdue, recomputed with today's parameters; behind first. A 签收 of an
 * earlier version still holds when only editorial releases (typography, typos) followed it.
 */
import { personKey } from '../../../core/person-key';
import type { OnboardingPolicy } from '../../../core/policy-types';
import { fill } from '../../../core/template';
import { percentOf } from '../../onboarding/logic/checklist';
import { onboardingSchedule } from '../../onboarding/logic/schedule';
import type { PolicyEdition } from '../../onboarding/logic/signoff';
import type { SignoffLabels } from './labels';
import type { SignoffList, SignoffRecord } from './state';

type Strings = SignoffLabels;

export interface SignoffContext {
  /** Today's onboarding parameters (the items and phases overdue is counted against). */
  readonly policy: Pick<OnboardingPolicy, 'phases' | 'items'>;
  /** Appraisal groups: id → name, for a role the reply did not name. */
  readonly roles: readonly { readonly id: string; readonly name: string }[];
  /** The edition this site publishes now. */
  readonly current: PolicyEdition;
  /**
   * Each version published before the current one → how many clauses changed substantively since
   * (0: only editorial releases followed, its 签收 still holds). A version not listed is unknown.
   */
  readonly since: Readonly<Record<string, number>>;
  /** yyyy-mm-dd; null before the browser said what day it is (nothing counts as overdue). */
  readonly today: string | null;
}

/**
 * `current`; `editorial`: an earlier version followed only by editorial releases (still holds);
 * `other-version`: signed another version, to sign again; `other-text`: same version number, other text.
 */
export type VersionStatus = 'current' | 'editorial' | 'other-version' | 'other-text';

/** Does this 签收 still hold (no need to sign again)? */
export function signoffHolds(status: VersionStatus): boolean {
  return status === 'current' || status === 'editorial';
}

export interface OverdueItem {
  readonly id: string;
  readonly title: string;
  readonly phase: string;
  readonly dueDate: string;
}

/** 制度测验 as the 签收 says: passed, taken and not passed, or not taken (none, or a format-1 签收). */
export type QuizStatus = 'passed' | 'failed' | 'none';

export interface SignoffRow {
  readonly key: string;
  readonly record: SignoffRecord;
  readonly roleName: string;
  readonly versionStatus: VersionStatus;
  /** Clauses changed substantively since the signed version; null when not known (or current). */
  readonly changedSince: number | null;
  readonly versionLabel: string;
  /** Progress recomputed with today's parameters and `today`. */
  readonly done: number;
  readonly total: number;
  readonly percent: number;
  readonly overdue: readonly OverdueItem[];
  /** Behind: some item is overdue as of `today`. */
  readonly behind: boolean;
  readonly quizStatus: QuizStatus;
  /** 通过 90% / 未通过 60% / 未做测验. */
  readonly quizLabel: string;
}

export interface SignoffSummary {
  readonly people: number;
  readonly current: number;
  readonly notCurrent: number;
  readonly behind: number;
  /** People whose 签收 does not show a passed 制度测验. */
  readonly quizNotPassed: number;
}

export interface SignoffsResult {
  /** Behind first (most overdue items first), then not the current version, then by name. */
  readonly rows: readonly SignoffRow[];
  readonly summary: SignoffSummary;
  /** Names of those who have not passed the 制度测验 (not taken or not passed), in row order. */
  readonly quizNotPassed: readonly string[];
}

/** Substantive changes since `version`, as published here; null for a version this site never published. */
function changedSince(version: string, since: SignoffContext['since']): number | null {
  const n = Object.hasOwn(since, version) ? since[version] : undefined;
  return typeof n === 'number' && Number.isInteger(n) && n >= 0 ? n : null;
}

function versionStatus(record: SignoffRecord, context: SignoffContext): VersionStatus {
  if (record.policyVersion === context.current.version) {
    return record.policyFingerprint === context.current.fingerprint ? 'current' : 'other-text';
  }
  // Only substantive releases ask for a new 签收; after editorial ones the old one holds.
  return changedSince(record.policyVersion, context.since) === 0 ? 'editorial' : 'other-version';
}

function versionLabel(record: SignoffRecord, status: VersionStatus, changed: number | null, t: Strings): string {
  const version = record.policyVersion;
  if (status === 'other-version' && changed !== null) {
    return fill(t['signoff.version.otherVersionChanged'], { version, count: changed });
  }
  const key = {
    current: 'signoff.version.current',
    editorial: 'signoff.version.editorial',
    'other-version': 'signoff.version.otherVersion',
    'other-text': 'signoff.version.otherText',
  } as const;
  return fill(t[key[status]], { version });
}

function quizOf(record: SignoffRecord, t: Strings): { status: QuizStatus; label: string } {
  const quiz = record.quiz;
  if (!quiz) return { status: 'none', label: t['signoff.quiz.none'] };
  const status = quiz.passed ? 'passed' : 'failed';
  return { status, label: fill(t[`signoff.quiz.${status}`], { score: quiz.scorePercent }) };
}

/** The list as the page shows it, sorted; overdue recomputed as of `context.today`. */
export function signoffRows(list: SignoffList, context: SignoffContext, t: Strings): SignoffsResult {
  const roleIds = new Set(context.roles.map((r) => r.id));
  const rows = list.records.map((record): SignoffRow => {
    const schedule = onboardingSchedule({
      policy: context.policy,
      // An unknown role keeps only the items for every role, as buildChecklist does.
      role: roleIds.has(record.role) ? record.role : '',
      startDate: record.startDate,
      today: context.today,
      done: new Set(Object.keys(record.done)),
    });
    const overdue = schedule.phases.flatMap((p) =>
      p.items
        .filter((it) => it.overdue)
        .map((it) => ({
          id: it.item.id,
          title: it.item.title,
          phase: p.phase.name,
          dueDate: p.dueDate ?? '',
        })),
    );
    const status = versionStatus(record, context);
    const changed = status === 'current' || status === 'other-text' ? null : changedSince(record.policyVersion, context.since);
    const quiz = quizOf(record, t);
    return {
      key: personKey(record.name),
      record,
      roleName: context.roles.find((r) => r.id === record.role)?.name ?? record.roleName,
      versionStatus: status,
      changedSince: changed,
      versionLabel: versionLabel(record, status, changed, t),
      done: schedule.doneCount,
      total: schedule.total,
      percent: percentOf(schedule.doneCount, schedule.total),
      overdue,
      behind: overdue.length > 0,
      quizStatus: quiz.status,
      quizLabel: quiz.label,
    };
  });
  rows.sort(
    (a, b) =>
      b.overdue.length - a.overdue.length ||
      Number(signoffHolds(a.versionStatus)) - Number(signoffHolds(b.versionStatus)) ||
      a.record.name.localeCompare(b.record.name, 'zh-CN') ||
      (a.key < b.key ? -1 : a.key > b.key ? 1 : 0),
  );
  const current = rows.filter((r) => signoffHolds(r.versionStatus)).length;
  const quizNotPassed = rows.filter((r) => r.quizStatus !== 'passed').map((r) => r.record.name);
  return {
    rows,
    summary: {
      people: rows.length,
      current,
      notCurrent: rows.length - current,
      behind: rows.filter((r) => r.behind).length,
      quizNotPassed: quizNotPassed.length,
    },
    quizNotPassed,
  };
}

/** 尚未通过制度测验：王小明、赵小刚 (or that everyone has passed); '' for an empty list. */
export function quizLine(result: SignoffsResult, t: Strings): string {
  if (result.rows.length === 0) return '';
  return result.quizNotPassed.length === 0
    ? t['signoff.text.quizAllPassed']
    : fill(t['signoff.text.quizNotPassed'], { names: result.quizNotPassed.join('、'), n: result.quizNotPassed.length });
}
