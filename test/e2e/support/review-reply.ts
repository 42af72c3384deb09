// A member's 绩效自评 and the 上级评定 reply her manager sends back, made by the tools' own logic (as
// 团队考核 makes it), for the tests that open a reply in 绩效自评 or print the 绩效考核表.
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { toJsonFile } from '../../../src/core/json-file';
import type { AppraisalPolicy, BonusPolicy } from '../../../src/core/policy-types';
import {
  SELF_REVIEW_STATE_VERSION,
  emptyReview,
  type SelfReviewState,
} from '../../../src/tools/self-review/logic/state';
import { deriveTeam } from '../../../src/tools/team-review/logic/derive';
import { fileReceived } from '../../../src/tools/team-review/logic/receive';
import { encodeReviewReply, makeReviewReply } from '../../../src/tools/team-review/logic/reply';
import { emptyTeamReview, recordKey, type ManagerReview } from '../../../src/tools/team-review/logic/state';
import { strings } from '../../../src/tools/team-review/ui/strings';
import { siteUrl } from './browser';

export const appraisal = parse(readFileSync('content/policy/appraisal.yaml', 'utf8')) as AppraisalPolicy;
const bonus = parse(readFileSync('content/policy/bonus.yaml', 'utf8')) as BonusPolicy;

/** The KPI whose value the manager corrects, and why (the 上级说明 she writes beside it). */
export const NOTED_KPI = 'satisfaction';
export const NOTE = '回访抽样满意度为 91%，以回访记录为准';

/** 王芳's 自评 of March 2026 in 客户关系管理组: every target met, 满意度 93 %. */
export function wangfang(): SelfReviewState {
  const s = emptyReview(appraisal, 'crm', '2026-03', '王芳');
  for (const k of appraisal.groups.find((g) => g.id === 'crm')!.kpis) s.kpis[k.id]!.actual = String(k.target);
  s.kpis[NOTED_KPI]!.actual = '93';
  for (const item of appraisal.behaviour.items) s.ratings[item.id] = '4';
  s.summary = '本月回访全部完成。';
  return s;
}

/** The 自评 as the JSON file 导出 writes (导入 JSON in 绩效自评, the member files in 团队考核). */
export function selfReviewJson(self: SelfReviewState, name = 'self-review.json') {
  return {
    name,
    mimeType: 'application/json',
    buffer: Buffer.from(toJsonFile('self-review', SELF_REVIEW_STATE_VERSION, self)),
  };
}

/** The manager's reply to `self`: 满意度 corrected to 91 % with its 上级说明, a 上级评语, done. */
export async function reviewReplyLink(self: SelfReviewState): Promise<string> {
  const at = new Date('2026-04-03T10:00:00Z');
  const received = [{ ok: true as const, source: '1', self }];
  const state = (await fileReceived(emptyTeamReview(), received, appraisal, strings, at)).state;
  const key = recordKey(self.name.trim(), self.period, self.group);
  const m: ManagerReview = state.records[key]!.manager;
  m.kpis[NOTED_KPI] = { ...m.kpis[NOTED_KPI]!, actual: '91', comment: NOTE };
  m.comment = '整体达标，满意度请继续跟进。';
  m.done = true;
  const r = deriveTeam(state, { appraisal, bonus }).records.get(key)!;
  const link = await encodeReviewReply(makeReviewReply(r, at));
  if (!link.ok) throw new Error(link.error);
  return siteUrl(`/tools/self-review/#${link.fragment}`);
}
