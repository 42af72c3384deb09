// 制度签收 across versions: what the reader's browser keeps when they sign the 制度签收单 (the
// version and a short hash of each clause), and what changed since, for the re-acknowledgement
// banner. Pure: the page data and the stored record come in, the browser part is in src/client/.
import * as v from 'valibot';

/** What the page knows about the policy it shows: version and each clause's hash. */
export interface PolicyPrints {
  readonly version: string;
  /** clause id → short hash of its title and text (src/policy/versions.ts clausePrint). */
  readonly clauses: Readonly<Record<string, string>>;
  /**
   * Published version → ids of the clauses a reader who signed it must read again: substantive
   * changes only (core/revision substantiveChangesSince); empty when only editorial releases followed.
   */
  readonly since?: Readonly<Record<string, readonly string[]>>;
}

/** Stored under mh:ack:policy when the reader signs. */
export interface Acknowledgement extends PolicyPrints {
  /** ISO time of signing. */
  readonly signedAt: string;
}

export const acknowledgementSchema: v.GenericSchema<unknown, Acknowledgement> = v.object({
  version: v.pipe(v.string(), v.regex(/^\d+(\.\d+)*$/)),
  signedAt: v.string(),
  clauses: v.record(v.string(), v.string()),
});

export type AckStatus =
  | { readonly kind: 'unsigned' }
  | { readonly kind: 'current' }
  /** Signed another version: `changed` lists the ids to read again (see ackStatus). */
  | { readonly kind: 'outdated'; readonly version: string; readonly changed: readonly string[] };

/** Compares a stored 签收 with the policy on the page. */
export function ackStatus(ack: Acknowledgement | null, current: PolicyPrints): AckStatus {
  if (ack === null) return { kind: 'unsigned' };
  // A version this site published: only its substantive changes since count; an editorial release
  // (typography, typos) asks nobody to sign again.
  const since =
    ack.version !== current.version && current.since && Object.hasOwn(current.since, ack.version)
      ? current.since[ack.version]
      : undefined;
  if (Array.isArray(since)) return since.length === 0 ? { kind: 'current' } : { kind: 'outdated', version: ack.version, changed: [...since] };
  // The same version number (its text edited without a release) or one this site never published:
  // every clause whose words differ.
  const ids = new Set([...Object.keys(ack.clauses), ...Object.keys(current.clauses)]);
  const changed = [...ids].filter((id) => ack.clauses[id] !== current.clauses[id]);
  if (ack.version === current.version && changed.length === 0) return { kind: 'current' };
  return { kind: 'outdated', version: ack.version, changed };
}
