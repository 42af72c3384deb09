// The 成员 section's frame, on the page from the start: an empty team needs nothing more (the list,
// ./Members, loads with the part for members).
import type { ComponentChildren } from 'preact';
import type { S } from './types';

/** The section around the list; without children it says the team has no one yet. */
export function MembersSection({ s, children }: { s: S; children?: ComponentChildren }) {
  return (
    <section class="no-print tr-members" aria-labelledby="tr-members-heading">
      <h2 id="tr-members-heading">{s['members.heading']}</h2>
      {children ?? <p>{s['members.empty']}</p>}
    </section>
  );
}
