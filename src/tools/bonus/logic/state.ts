/**
 * What the 绩效奖金估算 keeps (autosave, JSON file and share link): the fields as typed, so a typo
 * survives a reload and is shown beside its field; ./derive.ts reads them.
 */
import * as v from 'valibot';
import { limitedText } from '../../../core/text-limit';
import { plainObject } from '../../../core/json-file';
import type { BonusPolicy } from '../../../core/policy-types';
import { plainNumber } from '../../self-review/logic/state';

export const BONUS_TOOL = 'bonus';
/** Version of the saved shape; bump it (with a migration) when the schema changes. */
export const BONUS_STATE_VERSION = 1;
/** The one autosave entry of this tool. */
export const BONUS_KEY = 'default';

/** Longest text of a field (an amount, a score as typed); over it is kept and reported (core/text-limit). */
export const MAX_FIELD_LENGTH = 40;
const short = limitedText(MAX_FIELD_LENGTH);

export const bonusStateSchema = plainObject({
  /** 奖金基数: typed directly, or 月薪 × 比例. */
  baseMode: v.picklist(['direct', 'salary']),
  /** 月度奖金基数 in 元 as typed. */
  base: short,
  /** 月薪 in 元 as typed. */
  salary: short,
  /** 奖金比例 (%) as typed; prefilled from bonus.yaml monthly.salaryRatioPercent. */
  ratio: short,
  /** 得分: typed, or taken from one of the reader's saved 绩效自评. */
  scoreMode: v.picklist(['typed', 'saved']),
  /** 得分 as typed. */
  score: short,
  /** Store key of the chosen 绩效自评 (self-review namespace), e.g. promotion-2026-03. */
  source: short,
  /**
   * Where a shared or exported score came from (取自 市场推广组 2026年3月 绩效自评), since the
   * person opening the link does not have the reader's saved reviews. '' when typed.
   */
  sourceLabel: v.pipe(v.string(), v.maxLength(80)),
});

export type BonusState = v.InferOutput<typeof bonusStateSchema>;

export function emptyBonusState(policy: Pick<BonusPolicy, 'monthly'>): BonusState {
  return {
    baseMode: 'direct',
    base: '',
    salary: '',
    ratio: plainNumber(policy.monthly.salaryRatioPercent),
    scoreMode: 'typed',
    score: '',
    source: '',
    sourceLabel: '',
  };
}
