// Clause-level comparison of two published versions of the policy (制度修订): which clauses were
// added, changed, removed or renumbered, with character-level diffs. Pure: the archives are read
// at build (src/policy/versions.ts) and the results rendered by src/components/revisions/.
import { diffChars } from 'diff';
import { clauseId, parseClauseHeading } from './clause';

/** One clause as archived in content/versions/<version>.json. */
export interface ArchivedClause {
  /** Permanent id, e.g. c3-3-4. */
  readonly id: string;
  /** Chapter page slug the clause lives on, e.g. workflows. */
  readonly page: string;
  /** Heading title, e.g. 客户投诉处理. */
  readonly title: string;
  /** The clause's own text (for a section with items, only what stands before its first item). */
  readonly text: string;
}

/**
 * How much a release changes. `substantive` (the default): readers who signed an earlier version
 * sign again. `editorial` (`npm run release -- … --minor`): typography and typos only, nobody is
 * asked to sign again; the changelog still shows its changes.
 */
export type RevisionWeight = 'substantive' | 'editorial';

/** content/versions/<version>.json */
export interface VersionArchive {
  readonly version: string;
  /** YYYY-MM-DD */
  readonly effectiveDate: string;
  /** Absent: substantive (1.0 was archived before releases recorded their weight). */
  readonly weight?: RevisionWeight | undefined;
  readonly clauses: readonly ArchivedClause[];
}

/** A run of characters: kept, added or removed. */
export interface DiffPart {
  readonly value: string;
  readonly added?: boolean;
  readonly removed?: boolean;
}

export type ClauseChange =
  | { readonly kind: 'added'; readonly id: string; readonly after: ArchivedClause }
  | { readonly kind: 'removed'; readonly id: string; readonly before: ArchivedClause }
  | {
      readonly kind: 'changed';
      readonly id: string;
      readonly before: ArchivedClause;
      readonly after: ArchivedClause;
      readonly diff: readonly DiffPart[];
    }
  | {
      /** The clause moved to another number; `id` is the new one, `from` the old (maybe reworded). */
      readonly kind: 'renumbered';
      readonly id: string;
      readonly from: string;
      readonly before: ArchivedClause;
      readonly after: ArchivedClause;
      readonly diff: readonly DiffPart[];
    };

/** What a clause says, as compared: heading title and text. */
export function clauseBody(c: Pick<ArchivedClause, 'title' | 'text'>): string {
  return c.text ? `${c.title}\n${c.text}` : c.title;
}

export function clauseDiff(before: ArchivedClause, after: ArchivedClause): DiffPart[] {
  return diffChars(clauseBody(before), clauseBody(after)).map(({ value, added, removed }) => ({
    value,
    ...(added ? { added: true } : {}),
    ...(removed ? { removed: true } : {}),
  }));
}

/**
 * Compares consecutive versions. A clause whose words reappear under another number is
 * `renumbered` (exact text first, then same title); an id kept with other words is `changed`.
 * Changes come in the order of the newer version, removed clauses after them in the older order.
 */
export function compareVersions(prev: VersionArchive, next: VersionArchive): ClauseChange[] {
  const prevById = new Map(prev.clauses.map((c) => [c.id, c]));
  const nextIds = new Set(next.clauses.map((c) => c.id));
  const unchanged = (c: ArchivedClause) => {
    const p = prevById.get(c.id);
    return p !== undefined && clauseBody(p) === clauseBody(c);
  };
  // Old clauses not found unchanged under their own id, free to be matched.
  const open = new Map(
    prev.clauses.filter((p) => !next.clauses.some((n) => n.id === p.id && unchanged(n))).map((p) => [p.id, p]),
  );
  const pending = next.clauses.filter((n) => !unchanged(n));
  const moved = new Map<string, ArchivedClause>();
  // Pass 1: same words under another number.
  for (const n of pending) {
    const p = [...open.values()].find((o) => o.id !== n.id && clauseBody(o) === clauseBody(n));
    if (p) {
      moved.set(n.id, p);
      open.delete(p.id);
    }
  }
  // Pass 2: a clause whose number went away, same title under a new number (reworded as it moved).
  for (const n of pending) {
    if (moved.has(n.id) || open.has(n.id) || prevById.has(n.id)) continue;
    const p = [...open.values()].find((o) => !nextIds.has(o.id) && o.title === n.title);
    if (p) {
      moved.set(n.id, p);
      open.delete(p.id);
    }
  }
  const changes: ClauseChange[] = [];
  for (const n of pending) {
    const from = moved.get(n.id);
    if (from) {
      changes.push({ kind: 'renumbered', id: n.id, from: from.id, before: from, after: n, diff: clauseDiff(from, n) });
    } else if (open.has(n.id)) {
      const before = open.get(n.id)!;
      open.delete(n.id);
      changes.push({ kind: 'changed', id: n.id, before, after: n, diff: clauseDiff(before, n) });
    } else {
      changes.push({ kind: 'added', id: n.id, after: n });
    }
  }
  for (const p of prev.clauses) {
    if (open.has(p.id) && !nextIds.has(p.id)) changes.push({ kind: 'removed', id: p.id, before: p });
  }
  return changes;
}

/**
 * What a reader who signed `signed` must read again at the latest of `archives` (oldest first):
 * the changes from the signed text to today's text of every clause that a substantive release
 * since touched (added, changed, removed or renumbered). A clause touched only by editorial releases
 * is left out; one touched by both shows its whole diff. Empty when only editorial releases
 * followed; null when `signed` is not among the archives.
 */
export function substantiveChangesSince(archives: readonly VersionArchive[], signed: string): ClauseChange[] | null {
  const from = archives.findIndex((a) => a.version === signed);
  const latest = archives.at(-1);
  if (from < 0 || !latest) return null;
  const touched = new Set<string>();
  for (let i = from + 1; i < archives.length; i++) {
    const release = archives[i]!;
    if ((release.weight ?? 'substantive') !== 'substantive') continue;
    for (const c of compareVersions(archives[i - 1]!, release)) {
      touched.add(c.id);
      if (c.kind === 'renumbered') touched.add(c.from);
    }
  }
  if (touched.size === 0) return [];
  return compareVersions(archives[from]!, latest).filter(
    (c) => touched.has(c.id) || (c.kind === 'renumbered' && touched.has(c.from)),
  );
}

/** Orders version strings numerically: 1.2 < 1.10 < 2.0. */
export function compareVersionNumbers(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

/** ESM lines of MDX (component imports), not policy text. */
const ESM_LINE_RE = /^(?:import|export)\s/;
/** A line that is only a tag: <ParamsNote … />, <div class="…">, </div>. */
const TAG_LINE_RE = /^<\/?[A-Za-z][^<>]*>$/;
const FRONTMATTER_RE = /^\uFEFF?---\r?\n[\s\S]*?\r?\n---(?:\r?\n|$)/;

/**
 * Every clause of one chapter page with its own text: the lines under its heading up to the next
 * heading, without component imports and tag-only lines, each line trimmed, blank runs collapsed.
 * Headings are read as outlineFromMarkdown reads them, so the ids are the same.
 */
export function clauseTextsFromMarkdown(chapter: number, page: string, markdown: string): ArchivedClause[] {
  const clauses: ArchivedClause[] = [];
  let section = 0;
  let current: { id: string; title: string; lines: string[] } | null = null;
  const flush = () => {
    if (!current) return;
    const text = current.lines
      .map((l) => l.trim())
      .filter((l) => !ESM_LINE_RE.test(l) && !TAG_LINE_RE.test(l))
      .join('\n')
      .replace(/\n{2,}/g, '\n\n')
      .trim();
    clauses.push({ id: current.id, page, title: current.title, text });
    current = null;
  };
  for (const line of markdown.replace(FRONTMATTER_RE, '').split(/\r?\n/)) {
    const m = /^(#{1,6})\s+(.+?)\s*$/.exec(line);
    if (!m) {
      current?.lines.push(line);
      continue;
    }
    flush();
    const level = m[1];
    const heading = parseClauseHeading(m[2] ?? '');
    // A non-clause section heading (e.g. 本章参数) ends the current clause section.
    if (level === '##' && heading?.kind !== 'section') section = 0;
    if (level === '##' && heading?.kind === 'section') {
      section = heading.section;
      current = { id: clauseId(chapter, section), title: heading.title, lines: [] };
    } else if (level === '###' && heading?.kind === 'item' && section > 0) {
      current = { id: clauseId(chapter, section, heading.item), title: heading.title, lines: [] };
    }
  }
  flush();
  return clauses;
}
