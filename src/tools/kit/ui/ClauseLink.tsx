// A link to a clause, from the links the tool's page made at build (src/policy/clause-links.ts);
// an id the page did not provide shows as the bare id rather than a broken link.
import type { ClauseLinkData } from '../../../core/clause-ref';

export function ClauseLink({
  id,
  clauses,
}: {
  id: string;
  clauses: Readonly<Record<string, ClauseLinkData>>;
}) {
  const c = clauses[id];
  return c ? (
    <a href={c.href} title={c.title}>
      {c.label}
    </a>
  ) : (
    <>{id}</>
  );
}
