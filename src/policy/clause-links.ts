// Build-time: the clause links a tool shows, made on the server so the island carries no clause
// table — href with the deployment base, short label 四（一）, and the clause's title.
import { clauseShortLabel } from '../core/clause';
import { clauseUrlPath, type ClauseLinkData } from '../core/clause-ref';
import { readPolicyOutline } from './outline';

/** Links for these clause ids; `base` is BASE_PATH (src/site/base-path.ts). */
export function clauseLinks(ids: Iterable<string>, base: string): Record<string, ClauseLinkData> {
  const titles = new Map(readPolicyOutline().map((c) => [c.id, c.title]));
  return Object.fromEntries(
    [...new Set(ids)].map((id) => [
      id,
      { href: `${base}${clauseUrlPath(id)}`, label: clauseShortLabel(id), title: titles.get(id) },
    ]),
  );
}
