/**
 * Receiving 绩效自评: many share links pasted one per line, or many JSON files dropped at once.
 * Each valid one becomes (or updates) the record of its member and period; each bad one is listed
 * with its reason, and the rest still load: one bad file never costs the manager the others.
 * Pure apart from hashing (async).
 */
import { fingerprintOf } from '../../../core/fingerprint';
import { parseJsonFile } from '../../../core/json-file';
import { fill } from '../../../core/template';
import { countChars } from '../../../core/text-limit';
import { linkFragmentIn } from '../../../core/link-fragment';
import type { AppraisalPolicy } from '../../../core/policy-types';
import { decodeShareAny } from '../../../core/share-link';
import {
  MAX_FIELD_LENGTH,
  SELF_REVIEW_STATE_VERSION,
  SELF_REVIEW_TOOL,
  parsePeriod,
  selfReviewStateSchema,
  type SelfReviewState,
} from '../../self-review/logic/state';
import {
  managerReviewFrom,
  personKey,
  rebaseManagerReview,
  recordKey,
  type MemberRecord,
  type TeamReviewState,
} from './state';

/** Words of the receiving step; declared here, given by ui/strings.ts (logic never imports the zh-CN strings). */
export type ReceiveLabelKey =
  | 'receive.line'
  | 'receive.noName'
  | 'receive.longName'
  | 'receive.unknownGroup'
  | 'receive.emptyFile';
export type ReceiveLabels = Readonly<Record<ReceiveLabelKey, string>>;

/** One link or file that did not load, and why (in Chinese, for the list beside the box). */
export interface ReceiveFailure {
  /** 第 3 行 or the file's name. */
  readonly source: string;
  readonly reason: string;
}

export interface ReceiveResult {
  readonly state: TeamReviewState;
  /** Keys of the records made. */
  readonly added: readonly string[];
  /** Keys of the records that already existed and took the new 自评. */
  readonly updated: readonly string[];
  /** Keys whose 自评 was already there unchanged (same fingerprint). */
  readonly unchanged: readonly string[];
  readonly failed: readonly ReceiveFailure[];
}

/** A 自评 read from one link or file, before it is filed. */
export type Received =
  | { readonly ok: true; readonly source: string; readonly self: SelfReviewState }
  | { readonly ok: false; readonly source: string; readonly reason: string };


/** Pasted text, one link per line → what each non-blank line holds. Never rejects. */
export async function readLinks(text: string, labels: ReceiveLabels): Promise<Received[]> {
  const lines = String(text).split(/\r\n|\r|\n/);
  const out: Received[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.trim();
    if (line === '') continue;
    const source = labels['receive.line'].replace('{n}', String(i + 1));
    const read = await decodeShareAny(linkFragmentIn(line), SELF_REVIEW_TOOL, SELF_REVIEW_STATE_VERSION, selfReviewStateSchema);
    out.push(read.ok ? { ok: true, source, self: read.state } : { ok: false, source, reason: read.error });
  }
  return out;
}

/** Dropped files (name and text) → what each holds. Never throws. */
export function readFiles(files: readonly { readonly name: string; readonly text: string }[], labels: ReceiveLabels): Received[] {
  return files.map(({ name, text }): Received => {
    if (String(text).trim() === '') return { ok: false, source: name, reason: labels['receive.emptyFile'] };
    const read = parseJsonFile(text, SELF_REVIEW_TOOL, SELF_REVIEW_STATE_VERSION, selfReviewStateSchema);
    return read.ok ? { ok: true, source: name, self: read.state } : { ok: false, source: name, reason: read.error };
  });
}

/**
 * Files what was read into the team: the same person and period updates its record (the
 * manager's changes kept, see rebaseManagerReview), never doubles it; within one batch the later
 * one wins. A 自评 without a name or of a group the parameters do not have is refused.
 */
export async function fileReceived(
  state: TeamReviewState,
  received: readonly Received[],
  policy: Pick<AppraisalPolicy, 'groups'>,
  labels: ReceiveLabels,
  now: Date = new Date(),
): Promise<ReceiveResult> {
  const records: Record<string, MemberRecord> = { ...state.records };
  const added: string[] = [];
  const updated: string[] = [];
  const unchanged: string[] = [];
  const failed: ReceiveFailure[] = [];
  const at = now.toISOString();
  for (const item of received) {
    if (!item.ok) {
      failed.push({ source: item.source, reason: item.reason });
      continue;
    }
    const { self, source } = item;
    const person = personKey(self.name);
    if (person === '') {
      failed.push({ source, reason: labels['receive.noName'] });
      continue;
    }
    // The name keys the member: one over its limit cannot be filed, so it is refused with the reason
    // (the key is also bounded in UTF-16 units, which a name of emoji reaches first).
    if (countChars(self.name) > MAX_FIELD_LENGTH || person.length > MAX_FIELD_LENGTH) {
      failed.push({ source, reason: fill(labels['receive.longName'], { max: MAX_FIELD_LENGTH }) });
      continue;
    }
    if (!policy.groups.some((g) => g.id === self.group) || !parsePeriod(self.period)) {
      failed.push({ source, reason: labels['receive.unknownGroup'] });
      continue;
    }
    const key = recordKey(person, self.period);
    const fingerprint = await fingerprintOf(self);
    const old = records[key];
    const mark = (list: string[]) => {
      for (const l of [added, updated, unchanged]) {
        const i = l.indexOf(key);
        if (i >= 0) l.splice(i, 1);
      }
      list.push(key);
    };
    if (!old) {
      records[key] = { person, self, fingerprint, receivedAt: at, manager: managerReviewFrom(self) };
      mark(added);
    } else if (old.fingerprint === fingerprint) {
      if (!added.includes(key) && !updated.includes(key)) mark(unchanged);
    } else {
      // The 自评 changed: the manager's changes stay, but the 评定 must be looked at again.
      const manager = { ...rebaseManagerReview(old.manager, old.self, self), done: false };
      records[key] = { person, self, fingerprint, receivedAt: at, manager };
      if (!added.includes(key)) mark(updated);
    }
  }
  return { state: { ...state, records }, added, updated, unchanged, failed };
}

/** Pasted links → filed (readLinks + fileReceived). */
export async function receiveLinks(
  state: TeamReviewState,
  text: string,
  policy: Pick<AppraisalPolicy, 'groups'>,
  labels: ReceiveLabels,
  now: Date = new Date(),
): Promise<ReceiveResult> {
  return fileReceived(state, await readLinks(text, labels), policy, labels, now);
}

/** Dropped JSON files → filed (readFiles + fileReceived). */
export function receiveFiles(
  state: TeamReviewState,
  files: readonly { readonly name: string; readonly text: string }[],
  policy: Pick<AppraisalPolicy, 'groups'>,
  labels: ReceiveLabels,
  now: Date = new Date(),
): Promise<ReceiveResult> {
  return fileReceived(state, readFiles(files, labels), policy, labels, now);
}
