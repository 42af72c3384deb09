// Build-time reader of the published versions (制度修订): content/versions/<version>.json holds
// every clause's text as published, one file per version, committed. From them the build shows
// the 修订记录 diffs, the revision marks on clause headings and the anchors of removed clauses.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import {
  clauseBody,
  clauseTextsFromMarkdown,
  compareVersionNumbers,
  compareVersions,
  substantiveChangesSince,
  type ArchivedClause,
  type ClauseChange,
  type RevisionWeight,
  type VersionArchive,
} from '../core/revision';
import { readChapterFiles } from './chapters';

/** Folder of the version archives, relative to the project root. */
export const VERSIONS_DIR = 'content/versions';

const archiveSchema = z.strictObject({
  version: z.string().regex(/^\d+(\.\d+)*$/, { error: '版本号应形如 1.0 或 1.2.1' }),
  effectiveDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { error: '生效日期应为 YYYY-MM-DD' }),
  /** 修订性质，默认 substantive（实质修订）；editorial 为编辑性修订（npm run release -- … --minor）。 */
  weight: z
    .enum(['substantive', 'editorial'], {
      error: '修订性质（weight）应为 substantive（实质修订）或 editorial（编辑性修订）',
    })
    .default('substantive'),
  clauses: z.array(
    z.strictObject({
      id: z.string().regex(/^c\d+-\d+(-\d+)?$/, { error: '条款锚点应形如 c3-3-4' }),
      page: z.string().min(1),
      title: z.string().min(1),
      text: z.string(),
    }),
  ),
});

/** Every archived version, oldest first; a bad file fails with its name and the reason. */
export function readArchives(root: string = process.cwd()): VersionArchive[] {
  const dir = join(root, VERSIONS_DIR);
  if (!existsSync(dir)) return [];
  const archives = readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .map((f) => {
      const file = `${VERSIONS_DIR}/${f}`;
      let data: unknown;
      try {
        data = JSON.parse(readFileSync(join(dir, f), 'utf8'));
      } catch (e) {
        throw new Error(`${file} 不是有效的 JSON：${(e as Error).message}`);
      }
      const parsed = archiveSchema.safeParse(data);
      if (!parsed.success) {
        const issue = parsed.error.issues[0]!;
        throw new Error(`${file} 第 ${issue.path.join('.')} 项：${issue.message}`);
      }
      if (`${parsed.data.version}.json` !== f) {
        throw new Error(`${file} 里的版本号是 ${parsed.data.version}，与文件名不一致`);
      }
      return parsed.data;
    });
  return archives.sort((a, b) => compareVersionNumbers(a.version, b.version));
}

/** The clauses of the content as it stands, in policy order, with their text. */
export function currentClauses(root?: string): ArchivedClause[] {
  return readChapterFiles(root).flatMap((c) => clauseTextsFromMarkdown(c.n, c.slug, c.source));
}

export interface VersionRevision {
  readonly version: string;
  readonly effectiveDate: string;
  /** editorial: typography and typos, nobody signs again (an archive without a weight: substantive). */
  readonly weight: RevisionWeight;
  /** Previous archived version; null for the first. */
  readonly previous: string | null;
  readonly clauseCount: number;
  /** Changes against the previous version; empty for the first. */
  readonly changes: readonly ClauseChange[];
}

/** Each archived version with its changes against the one before, oldest first. */
export function revisionHistory(root?: string): VersionRevision[] {
  const archives = readArchives(root);
  return archives.map((a, i) => {
    const prev = i > 0 ? archives[i - 1]! : null;
    return {
      version: a.version,
      effectiveDate: a.effectiveDate,
      weight: a.weight ?? 'substantive',
      previous: prev?.version ?? null,
      clauseCount: a.clauses.length,
      changes: prev ? compareVersions(prev, a) : [],
    };
  });
}

/**
 * For each published version before `current` (meta.yaml's version), oldest first: the clauses a
 * reader who signed it must read again, substantive changes only (core/revision
 * substantiveChangesSince); empty changes when only editorial releases followed. Feeds the 重新签收
 * banner and the 新员工签收 list alike. Empty while `current` is not the latest archive (content
 * edited, not yet released): then only clause hashes can tell.
 */
export function changesToSignSince(current: string, root?: string): { version: string; changes: ClauseChange[] }[] {
  const archives = readArchives(root);
  if (archives.at(-1)?.version !== current) return [];
  return archives
    .slice(0, -1)
    .map((a) => ({ version: a.version, changes: substantiveChangesSince(archives, a.version) ?? [] }));
}

/** Anchor of one change on /changelog/: r1.1-c3-3-4 (removed clauses by their old id). */
export function changeAnchor(version: string, id: string): string {
  return `r${version}-${id}`;
}

export interface ClauseMark {
  readonly version: string;
  readonly kind: 'added' | 'changed' | 'renumbered';
  /** /changelog/#r1.1-c3-3-4, without the base. */
  readonly href: string;
}

/** For each clause id of the latest version: the versions that added, changed or moved it. */
export function clauseMarks(root?: string): Map<string, ClauseMark[]> {
  const marks = new Map<string, ClauseMark[]>();
  for (const rev of revisionHistory(root)) {
    for (const c of rev.changes) {
      if (c.kind === 'removed') continue;
      const list = marks.get(c.id) ?? [];
      list.push({ version: rev.version, kind: c.kind, href: `/changelog/#${changeAnchor(rev.version, c.id)}` });
      marks.set(c.id, list);
    }
  }
  return marks;
}

export interface RetiredClause {
  /** The old id, whose anchor stays alive on its old page. */
  readonly id: string;
  /** Its last published text. */
  readonly before: ArchivedClause;
  /** Version in which it was removed or moved. */
  readonly version: string;
  /** The new id when it was renumbered. */
  readonly movedTo: string | null;
}

/**
 * Clauses of past versions whose id no longer exists in the content: each keeps its anchor with
 * its last text, marked removed (or moved) in the version that did it, so old links never break.
 */
export function retiredClauses(root?: string): RetiredClause[] {
  const live = new Set(currentClauses(root).map((c) => c.id));
  const retired = new Map<string, RetiredClause>();
  for (const rev of revisionHistory(root)) {
    for (const c of rev.changes) {
      const oldId = c.kind === 'removed' ? c.id : c.kind === 'renumbered' ? c.from : null;
      if (oldId === null || live.has(oldId) || c.kind === 'added' || c.kind === 'changed') continue;
      retired.set(oldId, {
        id: oldId,
        before: c.before,
        version: rev.version,
        movedTo: c.kind === 'renumbered' ? c.id : null,
      });
    }
  }
  return [...retired.values()];
}

/** Short hash of a clause's words, stored with a 签收 to tell later which clauses changed. */
export function clausePrint(c: Pick<ArchivedClause, 'title' | 'text'>): string {
  return createHash('sha256').update(clauseBody(c), 'utf8').digest('hex').slice(0, 10);
}
