/**
 * Receiving 绩效自评: many share links pasted one per line, or many JSON files dropped at once.
 * Each valid one becomes (or updates) the record of its member, period and 考核组; each bad one is
 * listed with its reason, and the rest still load: one bad file never costs the manager the others.
 * Every non-blank line and every file gets exactly one receipt, so the counts add up to what was sent.
 * Pure apart from hashing (async).
 */
import { fingerprintOf } from '../../../core/fingerprint';
import { parseJsonFile } from '../../../core/json-file';
import { fill } from '../../../core/template';
import { countChars } from '../../../core/text-limit';
import { linkFragmentIn } from '../../../core/link-fragment';
import type { ForeignLink } from '../../../core/link-owner';
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
  MAX_RECORDS,
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
  | 'receive.emptyFile'
  | 'receive.full';
export type ReceiveLabels = Readonly<Record<ReceiveLabelKey, string>>;

/**
 * What became of one pasted line or one file: its record made (added), changed (updated) or already
 * so (unchanged), or refused with the reason (in Chinese, for the list beside the box).
 */
export type Receipt =
  | {
      readonly outcome: 'added' | 'updated' | 'unchanged';
      /** 第 3 行 or the file's name. */
      readonly source: string;
      /** The record's key. */
      readonly key: string;
    }
  | {
      readonly outcome: 'refused';
      readonly source: string;
      readonly reason: string;
      /** A link of another tool or kind: where it opens. */
      readonly foreign?: ForeignLink;
    };

export type ReceiptOutcome = Receipt['outcome'];

export interface ReceiveResult {
  readonly state: TeamReviewState;
  /** One per non-blank line and per file, in the order given: every one accounted for. */
  readonly receipts: readonly Receipt[];
  /** Keys of the records made or changed, each once, in the order first touched. */
  readonly changed: readonly string[];
}

/** How many of each outcome: added + updated + unchanged + refused = receipts.length. */
export function countReceipts(receipts: readonly Receipt[]): Readonly<Record<ReceiptOutcome, number>> {
  const counts = { added: 0, updated: 0, unchanged: 0, refused: 0 };
  for (const r of receipts) counts[r.outcome] += 1;
  return counts;
}

/** A 自评 read from one link or file, before it is filed. */
export type Received =
  | { readonly ok: true; readonly source: string; readonly self: SelfReviewState }
  | { readonly ok: false; readonly source: string; readonly reason: string; readonly foreign?: ForeignLink };

/** Pasted text, one link per line → what each non-blank line holds. Never rejects. */
export async function readLinks(text: string, labels: ReceiveLabels): Promise<Received[]> {
  const lines = String(text).split(/\r\n|\r|\n/);
  const out: Received[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.trim();
    if (line === '') continue;
    const source = labels['receive.line'].replace('{n}', String(i + 1));
    const read = await decodeShareAny(linkFragmentIn(line), SELF_REVIEW_TOOL, SELF_REVIEW_STATE_VERSION, selfReviewStateSchema);
    out.push(
      read.ok
        ? { ok: true, source, self: read.state }
        : { ok: false, source, reason: read.error, ...(read.foreign ? { foreign: read.foreign } : {}) },
    );
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
 * Files what was read into the team, one receipt per item. A record is a member's 自评 of one period
 * and 考核组: the same person, period and 考核组 updates its record (the manager's changes kept, see
 * rebaseManagerReview), never doubles it; within one batch the later one wins. The same name in
 * another 考核组 is another appraisal, kept beside it. A 自评 without a name or of a group the
 * parameters do not have is refused, and so is a new record past MAX_RECORDS.
 */
export async function fileReceived(
  state: TeamReviewState,
  received: readonly Received[],
  policy: Pick<AppraisalPolicy, 'groups'>,
  labels: ReceiveLabels,
  now: Date = new Date(),
): Promise<ReceiveResult> {
  const records: Record<string, MemberRecord> = { ...state.records };
  let count = Object.keys(records).length;
  const receipts: Receipt[] = [];
  const changed: string[] = [];
  const at = now.toISOString();
  for (const item of received) {
    const { source } = item;
    if (!item.ok) {
      receipts.push({ outcome: 'refused', source, reason: item.reason, ...(item.foreign ? { foreign: item.foreign } : {}) });
      continue;
    }
    const { self } = item;
    const person = personKey(self.name);
    if (person === '') {
      receipts.push({ outcome: 'refused', source, reason: labels['receive.noName'] });
      continue;
    }
    // The name keys the member: one over its limit cannot be filed, so it is refused with the reason
    // (the key is also bounded in UTF-16 units, which a name of emoji reaches first).
    if (countChars(self.name) > MAX_FIELD_LENGTH || person.length > MAX_FIELD_LENGTH) {
      receipts.push({ outcome: 'refused', source, reason: fill(labels['receive.longName'], { max: MAX_FIELD_LENGTH }) });
      continue;
    }
    if (!policy.groups.some((g) => g.id === self.group) || !parsePeriod(self.period)) {
      receipts.push({ outcome: 'refused', source, reason: labels['receive.unknownGroup'] });
      continue;
    }
    const key = recordKey(person, self.period, self.group);
    const fingerprint = await fingerprintOf(self);
    const old = Object.hasOwn(records, key) ? records[key] : undefined;
    if (!old && count >= MAX_RECORDS) {
      receipts.push({ outcome: 'refused', source, reason: fill(labels['receive.full'], { max: MAX_RECORDS }) });
      continue;
    }
    let outcome: 'added' | 'updated' | 'unchanged';
    if (!old) {
      records[key] = { person, self, fingerprint, receivedAt: at, manager: managerReviewFrom(self) };
      count += 1;
      outcome = 'added';
    } else if (old.fingerprint === fingerprint) {
      outcome = 'unchanged';
    } else {
      // The 自评 changed: the manager's changes stay, but the 评定 must be looked at again.
      const manager = { ...rebaseManagerReview(old.manager, old.self, self), done: false };
      records[key] = { person, self, fingerprint, receivedAt: at, manager };
      outcome = 'updated';
    }
    if (outcome !== 'unchanged' && !changed.includes(key)) changed.push(key);
    receipts.push({ outcome, source, key });
  }
  return { state: { ...state, records }, receipts, changed };
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
