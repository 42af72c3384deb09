import { chapterByNumber } from './chapters';
import { parseClauseId } from './clause';

/**
 * Clause references in the policy data (content/policy/*.yaml → `clause: c3-3-4`) and the
 * URL of the clause they point to. Ids are permanent: c{chapter}-{section}[-{item}].
 */

/** True when `id` has the shape of a clause id and its chapter exists (c3-3-4, c1-1). */
export function isClauseIdShape(id: string): boolean {
  const parsed = parseClauseId(id);
  return parsed !== null && chapterByNumber(parsed.chapter) !== undefined;
}

/** Slug of the chapter page a clause lives on: c3-3-4 → workflows. Throws on a malformed id. */
export function clauseChapterSlug(id: string): string {
  const parsed = parseClauseId(id);
  const chapter = parsed ? chapterByNumber(parsed.chapter) : undefined;
  if (chapter === undefined) throw new RangeError(`not a clause id: ${id}`);
  return chapter.slug;
}

/** Site path of a clause without the base: c3-3-4 → /workflows/#c3-3-4. Throws on a malformed id. */
export function clauseUrlPath(id: string): string {
  return `/${clauseChapterSlug(id)}/#${id}`;
}

/**
 * Every clause id a policy-data value mentions, for a build-time or test check that all of
 * them are published: walks objects and arrays and collects each `clause` string field
 * and each string value of a `clauses` object.
 */
export function collectClauseRefs(data: unknown): string[] {
  const found: string[] = [];
  const walk = (value: unknown, key: string | null, inClauses: boolean): void => {
    if (typeof value === 'string') {
      if (key === 'clause' || inClauses) found.push(value);
    } else if (Array.isArray(value)) {
      for (const v of value) walk(v, null, false);
    } else if (value !== null && typeof value === 'object') {
      for (const [k, v] of Object.entries(value)) walk(v, k, key === 'clauses');
    }
  };
  walk(data, null, false);
  return found;
}

/** A clause link made at build for a tool: href with the deployment base, label 四（一）, title. */
export interface ClauseLinkData {
  href: string;
  label: string;
  title?: string | undefined;
}
