// Types shared by the 绩效自评 components.
import { formatNumber } from '../../../core/format';
import type { SelfReviewResult } from '../logic/derive';
import type { SelfReviewStrings } from './strings';

export type S = SelfReviewStrings;
export type T = (key: keyof S, values?: Record<string, string | number>) => string;
export type MonthResult = Extract<SelfReviewResult, { kind: 'month' }>;
export type YearResult = Extract<SelfReviewResult, { kind: 'year' }>;

/** A score as shown in tables: — when there is none. */
export const num = (n: number | null) => (n === null ? '—' : formatNumber(n));
