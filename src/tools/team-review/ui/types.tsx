// Types and small helpers shared by the 团队考核 components.
import type { JSX } from 'preact';
import { formatNumber } from '../../../core/format';
import type { TeamReviewStrings } from './strings';

export type S = TeamReviewStrings;
export type T = (key: keyof S, values?: Record<string, string | number>) => string;
export type ClauseLinkOf = (id: string) => JSX.Element;

/** A score as shown in tables: — when there is none. */
export const num = (n: number | null | undefined) => (n === null || n === undefined ? '—' : formatNumber(n));

/** A difference marked by words and a symbol, not by colour alone. */
export function Changed({ s, show }: { s: S; show: boolean }) {
  return show ? (
    <span class="tr-changed">
      <span aria-hidden="true">▲ </span>
      {s['review.changed']}
    </span>
  ) : null;
}

/** Two read values differ (one read and one not counts as a difference). */
export function differs(a: number | null | undefined, b: number | null | undefined): boolean {
  if (a === null || a === undefined || b === null || b === undefined) return (a ?? null) !== (b ?? null);
  return Math.abs(a - b) > 1e-9;
}
