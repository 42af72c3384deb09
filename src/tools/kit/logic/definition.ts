/**
 * A tool states what it is; the kit's runtime (./runtime.ts, bound to Preact by ../ui/use-tool.ts)
 * does the rest the same way for every tool: autosave with two-tab merge, the share view, JSON
 * import / download, share link, the list of saved entries, and the standard notices. Pure: no DOM,
 * no preact.
 *
 * `C` is the tool's context: the policy parameters and zh-CN words the page hands to the island.
 */
import type { Migrate, StateSchema } from '../../../core/json-file';

export interface ToolDefinition<S, R, C> {
  /** kebab-case id: the storage namespace, the JSON file's `tool` and the share link's tool. */
  readonly id: string;
  /** Version of the saved shape; bump it (and extend `migrate`) when the schema changes. */
  readonly version: number;
  readonly schema: StateSchema<S>;
  /** Lifts state saved by an older version; throw to refuse. */
  readonly migrate?: Migrate;
  /** A new entry. `key` null: the server's render, which must be deterministic (no today, no random). */
  empty(ctx: C, key: string | null): S;
  /** An entry never saved is not saved while this says it holds nothing worth keeping. */
  isBlank?(state: S, ctx: C): boolean;
  /**
   * A field of the state as the page labels it (「活动参与人数 · 实际值」), for notices about saved
   * work; null when the tool cannot name it (the notice then lists the path's parts).
   */
  fieldLabel?(path: readonly PropertyKey[], ctx: C): string | null;
  /** Everything the tool computes from its state (scores, totals, errors): one slot for every tool. */
  derive(state: S, ctx: C): R;
  /** How entries are kept: one entry under a fixed key, or many (drafts, periods). */
  readonly entries: SingleEntry | ManyEntries<S, C>;
  /** Text, CSV and file name: loaded on first use (copy, download), not with the page. */
  exports(): Promise<ToolExports<S, R, C>>;
}

export interface SingleEntry {
  readonly kind: 'single';
  readonly key: string;
}

export interface ManyEntries<S, C> {
  readonly kind: 'many';
  /** How an entry is named in the list and in notices, e.g. 市场推广组 2026年3月. */
  label(state: S, ctx: C): string;
  /**
   * Where an imported or received state goes: its own identity (e.g. group + period, so the same
   * period updates instead of doubling), or null for a new entry of its own (a draft).
   */
  keyOf(state: S, ctx: C): string | null;
  /** A fresh key for a new entry. */
  newKey(): string;
  /**
   * What opens after the open entry is deleted: the latest other entry, or a new one ('next', the
   * default), or the same key empty again ('same': an entry that is a period, not a document).
   */
  readonly afterRemove?: 'next' | 'same';
  /** An entry's name from its key alone (for one that cannot be read), when the key says it. */
  labelOfKey?(key: string, ctx: C): string | null;
  /** The entry to open when nothing is saved yet (`today` as yyyy-mm-dd), e.g. this month's period. */
  firstKey(ctx: C, today: string): string;
}

export interface ToolExports<S, R, C> {
  /** Plain text for 微信 / 钉钉. */
  text(state: S, result: R, ctx: C): string;
  /** CSV for Excel (UTF-8 BOM and formula-safe cells come from core/csv), when the tool has a table. */
  csv?(state: S, result: R, ctx: C): string;
  /** File name without extension, e.g. 绩效自评-市场推广组-2026-03. */
  fileBase(state: S, ctx: C): string;
}

/**
 * A top-level field named by the page's own word for it (`field.<name>` in the tool's strings), with
 * the line of a list when the path has one: 「月度奖金基数」, 「明细 · 第 2 行」. Null when the page has no word.
 */
export function labelledField(labels: Readonly<Record<string, string>>, path: readonly PropertyKey[]): string | null {
  const [head, index] = path;
  const word = typeof head === 'string' ? labels[`field.${head}`] : undefined;
  if (word === undefined) return null;
  return typeof index === 'number' ? `${word} · 第 ${index + 1} 行` : word;
}

/** Keys are letters, digits, `_` and `-` (the storage adapter refuses others). */
export const ENTRY_KEY = /^[A-Za-z0-9_-]+$/;

/** A short random key: time + randomness, letters and digits only. */
export function newEntryKey(
  prefix: string,
  now: number = Date.now(),
  random: () => number = Math.random,
): string {
  const rand = Math.floor(random() * 36 ** 6)
    .toString(36)
    .padStart(6, '0');
  return `${prefix}${Math.max(0, Math.floor(now)).toString(36)}${rand}`;
}
