import { describe, expect, test } from 'vitest';
import { validateState } from '../../../../src/core/json-file';
import { overLimitFields } from '../../../../src/core/text-limit';
import type { AppraisalPolicy, BonusPolicy } from '../../../../src/core/policy-types';
import { createTeamDeriver } from '../../../../src/tools/team-review/logic/derive';
import { teamReviewTool } from '../../../../src/tools/team-review/logic/definition';
import { countReceipts, receiveFiles } from '../../../../src/tools/team-review/logic/receive';
import { strings } from '../../../../src/tools/team-review/ui/strings';
import { shippedPolicies } from '../../helpers/policy-fixtures';
import { teamSelfReviewFiles } from '../../helpers/team-review-files';

const { appraisal, bonus } = shippedPolicies() as { appraisal: AppraisalPolicy; bonus: BonusPolicy };
const ctx = { appraisal, bonus, labels: strings, derive: createTeamDeriver() };

describe('the 团队考核 tool definition', () => {
  test('one entry; empty is blank and valid; derive, text, CSV and file name work end to end', async () => {
    expect(teamReviewTool).toMatchObject({ id: 'team-review', version: 3, entries: { kind: 'single', key: 'team' } });
    const empty = teamReviewTool.empty(ctx, null);
    expect(validateState(teamReviewTool.schema, empty).ok).toBe(true);
    expect(teamReviewTool.isBlank!(empty, ctx)).toBe(true);
    const files = teamSelfReviewFiles(appraisal, { members: 4 });
    expect(files).toHaveLength(48);
    const { state, receipts } = await receiveFiles({ ...empty, defaultBase: '2000' }, files, appraisal, strings);
    expect(countReceipts(receipts)).toEqual({ added: 48, updated: 0, unchanged: 0, refused: 0 });
    expect(validateState(teamReviewTool.schema, state).ok).toBe(true);
    expect(teamReviewTool.isBlank!(state, ctx)).toBe(false);
    const result = teamReviewTool.derive(state, ctx);
    expect(result.current).toBe('2026-12');
    expect(result.view!.rows).toHaveLength(4);
    const ex = await teamReviewTool.exports();
    expect(ex.text(state, result, ctx)).toContain('团队考核 2026年12月');
    expect(ex.csv!(state, result, ctx).split('\r\n')).toHaveLength(6); // header, 4 rows, final CRLF
    expect(ex.fileBase(state, ctx)).toBe('团队考核-2026-12');
    expect(ex.csv!(empty, teamReviewTool.derive(empty, ctx), ctx)).toBe('');
    // Before the page has loaded the scoring the team reads as empty; the file name works without it.
    const unloaded = { ...ctx, derive: null };
    expect(teamReviewTool.derive(state, unloaded).view).toBeNull();
    expect(ex.fileBase(state, unloaded)).toBe('团队考核-2026-12');
  });

  const groupName = (id: string) => appraisal.groups.find((g) => g.id === id)!.name;
  test('a 上级评语 over its limit is kept and named as the page labels it', async () => {
    const files = teamSelfReviewFiles(appraisal, { members: 1 }).slice(0, 1);
    const { state } = await receiveFiles(teamReviewTool.empty(ctx, null), files, appraisal, strings);
    const [key] = Object.keys(state.records);
    const record = state.records[key!]!;
    const long = { ...state, records: { [key!]: { ...record, manager: { ...record.manager, comment: '评'.repeat(501) } } } };
    expect(validateState(teamReviewTool.schema, long).ok).toBe(true);
    const found = overLimitFields(teamReviewTool.schema, long);
    expect(found.map((f) => [teamReviewTool.fieldLabel!(f.path, ctx), f.count, f.limit])).toEqual([
      [`${record.self.name}（${groupName(record.self.group)}） ${record.self.period} · 上级评语`, 501, 500],
    ]);
  });
});
