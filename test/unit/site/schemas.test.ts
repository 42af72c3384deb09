import { cpSync, mkdtempSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, test } from 'vitest';
import { appraisalSchema } from '../../../src/schemas/appraisal';
import { bonusSchema } from '../../../src/schemas/bonus';
import { budgetSchema } from '../../../src/schemas/budget';
import { policyCollections } from '../../../src/schemas/collections';
import { parsePolicyYaml, pathInWords } from '../../../src/schemas/load-policy';
import { metaSchema } from '../../../src/schemas/meta';
import { onboardingSchema } from '../../../src/schemas/onboarding';
import { collectClauseRefs } from '../../../src/core/clause-ref';
import { CLAUSE_IDS, policyText, policyVariant, shippedPolicies, type PolicyFile } from '../helpers/policy-fixtures';

const ROLES = new Set(['promotion', 'crm', 'analytics', 'manager']);

const schemas = {
  'appraisal.yaml': appraisalSchema(CLAUSE_IDS),
  'bonus.yaml': bonusSchema(CLAUSE_IDS),
  'budget.yaml': budgetSchema(CLAUSE_IDS),
  'onboarding.yaml': onboardingSchema(CLAUSE_IDS, ROLES),
  'meta.yaml': metaSchema,
} as const;

/** Parses `text` as if it were content/policy/<file>. */
function load(file: PolicyFile, text: string): unknown {
  return parsePolicyYaml(file, text, schemas[file]);
}

describe('the shipped policy files', () => {
  test.each(Object.keys(schemas) as PolicyFile[])('%s validates', (file) => {
    expect(() => load(file, policyText(file))).not.toThrow();
  });

  test('every clause they cite is published', () => {
    const p = shippedPolicies();
    const refs = collectClauseRefs(p);
    expect(refs.length).toBeGreaterThan(40);
    expect(refs.filter((id) => !CLAUSE_IDS.has(id))).toEqual([]);
  });

  test('have the groups, KPIs and categories the policy names', () => {
    const { appraisal, budget, onboarding } = shippedPolicies();
    expect(appraisal.groups.map((g) => [g.name, g.kpis.map((k) => k.name)])).toEqual([
      ['市场推广组', ['活动参与人数', '活动转化率', '品牌曝光度', '推广费用控制率']],
      ['客户关系管理组', ['潜在客户开发数量', '客户转化率', '客户满意度', '客户投诉率']],
      ['数据分析组', ['数据收集准确率', '分析报告质量', '数据驱动决策执行率']],
      ['市场经理', ['部门目标达成率', '预算执行控制率', '团队培训完成率', '客户满意度']],
    ]);
    expect(appraisal.behaviour.items.map((i) => [i.clause, i.name])).toEqual([
      ['c3-4-1', '遵守工作纪律'],
      ['c3-4-2', '保持良好沟通'],
      ['c3-4-3', '做好工作记录'],
      ['c3-4-4', '注重工作质量'],
      ['c3-4-5', '不断学习提升'],
    ]);
    expect(budget.categories.map((c) => c.name)).toEqual([
      '市场推广费用',
      '客户关系管理费用',
      '培训费用',
      '办公用品费用',
      '其他',
    ]);
    // 三（二）1: a promotion plan states its 目标、渠道、内容、时间安排.
    expect(budget.categories[0]?.requestFields.map((f) => `${f.label}@${f.clause}`)).toEqual([
      '推广目标@c3-2-1',
      '推广渠道@c3-2-1',
      '推广内容@c3-2-1',
      '时间安排@c3-2-1',
    ]);
    expect(onboarding.phases.map((p) => [p.name, p.dueDay])).toEqual([
      ['入职首日', 0],
      ['首周', 7],
      ['首月', 30],
    ]);
    expect(onboarding.items.length).toBeGreaterThanOrEqual(12);
    expect(onboarding.items.length).toBeLessThanOrEqual(18);
    // Every role has something of its own beyond the all-hands items.
    for (const role of ROLES) {
      expect(onboarding.items.some((i) => i.roles !== 'all' && i.roles.includes(role))).toBe(true);
    }
  });

  test('the default bonus curve is strictly increasing (四（三）1：得分越高奖金越高)', () => {
    const { curve } = shippedPolicies().bonus;
    for (let i = 1; i < curve.length; i++) {
      expect(curve[i]!.score).toBeGreaterThan(curve[i - 1]!.score);
      expect(curve[i]!.coefficient).toBeGreaterThan(curve[i - 1]!.coefficient);
    }
  });
});

describe('friendly errors: file, field in words, reason', () => {
  test('a group whose weights do not sum to 100 names the group and the sum', () => {
    const text = policyVariant('appraisal.yaml', (d) => d.setIn(['groups', 0, 'kpis', 0, 'weight'], 25));
    expect(() => load('appraisal.yaml', text)).toThrowErrorMatchingInlineSnapshot(`[Error: content/policy/appraisal.yaml: 考核组（groups）第 1 项「市场推广组」 › 指标（kpis）（第 34 行）: 「市场推广组」各指标权重之和为 95，应为 100]`);
  });

  test('a KPI without a target', () => {
    const text = policyVariant('appraisal.yaml', (d) => d.deleteIn(['groups', 1, 'kpis', 2, 'target']));
    expect(() => load('appraisal.yaml', text)).toThrowErrorMatchingInlineSnapshot(`[Error: content/policy/appraisal.yaml: 考核组（groups）第 2 项「客户关系管理组」 › 指标（kpis）第 3 项「客户满意度」 › 目标值（target）（第 93 行）: 每个指标都必须设定目标值，请填写 target]`);
  });

  test('a percent target above 100', () => {
    const text = policyVariant('appraisal.yaml', (d) => d.setIn(['groups', 0, 'kpis', 1, 'target'], 120));
    expect(() => load('appraisal.yaml', text)).toThrowErrorMatchingInlineSnapshot(`[Error: content/policy/appraisal.yaml: 考核组（groups）第 1 项「市场推广组」 › 指标（kpis）第 2 项「活动转化率」 › 目标值（target）（第 49 行）: 「活动转化率」是百分比指标，目标值应在 0–100 之间，现为 120]`);
  });

  test('a rating target outside 1–5', () => {
    const text = policyVariant('appraisal.yaml', (d) => d.setIn(['groups', 2, 'kpis', 1, 'target'], 8));
    expect(() => load('appraisal.yaml', text)).toThrowErrorMatchingInlineSnapshot(`[Error: content/policy/appraisal.yaml: 考核组（groups）第 3 项「数据分析组」 › 指标（kpis）第 2 项「分析报告质量」 › 目标值（target）（第 131 行）: 「分析报告质量」是 1–5 分评分指标，目标值应在 1–5 之间，现为 8]`);
  });

  test('a negative target', () => {
    const text = policyVariant('appraisal.yaml', (d) => d.setIn(['groups', 0, 'kpis', 0, 'target'], -5));
    expect(() => load('appraisal.yaml', text)).toThrowErrorMatchingInlineSnapshot(`[Error: content/policy/appraisal.yaml: 考核组（groups）第 1 项「市场推广组」 › 指标（kpis）第 1 项「活动参与人数」 › 目标值（target）（第 40 行）: 目标值不能为负数]`);
  });

  test('a zero target (the ratio rule divides by it)', () => {
    const text = policyVariant('appraisal.yaml', (d) => d.setIn(['groups', 0, 'kpis', 3, 'target'], 0));
    expect(() => load('appraisal.yaml', text)).toThrowErrorMatchingInlineSnapshot(`[Error: content/policy/appraisal.yaml: 考核组（groups）第 1 项「市场推广组」 › 指标（kpis）第 4 项「推广费用控制率」 › 目标值（target）（第 67 行）: 「推广费用控制率」的目标值为 0：得分按实际与目标之比计算，目标值必须大于 0]`);
  });

  test('a recommended distribution naming a grade that does not exist', () => {
    const text = policyVariant('appraisal.yaml', (d) => d.setIn(['team', 'distribution', 0, 'grade'], '卓越'));
    expect(() => load('appraisal.yaml', text)).toThrowErrorMatchingInlineSnapshot(`[Error: content/policy/appraisal.yaml: 团队考核（team） › 建议等级分布（distribution）第 1 项 › 等级（grade）（第 236 行）: 等级「卓越」不存在；可用的等级：excellent（优秀）、good（良好）、pass（合格）、improve（待改进）]`);
  });

  test('a recommended share above 100 %', () => {
    const text = policyVariant('appraisal.yaml', (d) => d.setIn(['team', 'distribution', 0, 'maxPercent'], 120));
    expect(() => load('appraisal.yaml', text)).toThrowErrorMatchingInlineSnapshot(`[Error: content/policy/appraisal.yaml: 团队考核（team） › 建议等级分布（distribution）第 1 项 › 最高占比（%）（maxPercent）（第 236 行）: 百分比不能超过 100]`);
  });

  test('a grade listed twice in the distribution (once by id, once by name)', () => {
    const text = policyVariant('appraisal.yaml', (d) =>
      d.addIn(['team', 'distribution'], d.createNode({ grade: '优秀', maxPercent: 30 })),
    );
    expect(() => load('appraisal.yaml', text)).toThrowErrorMatchingInlineSnapshot(`[Error: content/policy/appraisal.yaml: 团队考核（team） › 建议等级分布（distribution）第 2 项 › 等级（grade）（第 237 行）: 等级「优秀」与第 1 项重复，每个等级只能写一次]`);
  });

  test('a candidate rule citing a clause that does not exist', () => {
    const text = policyVariant('appraisal.yaml', (d) => d.setIn(['team', 'candidates', 0, 'clause'], 'c4-3-9'));
    expect(() => load('appraisal.yaml', text)).toThrowErrorMatchingInlineSnapshot(`[Error: content/policy/appraisal.yaml: 团队考核（team） › 候选规则（candidates）第 1 项「晋升候选」 › 条款编号（clause）（第 240 行）: 条款编号「c4-3-9」在制度中不存在；请填写网站「条款索引」中列出的编号，如 c3-3-4]`);
  });

  test('a candidate rule with an unknown grade', () => {
    const text = policyVariant('appraisal.yaml', (d) => d.setIn(['team', 'candidates', 2, 'grades', 0], 'bad'));
    expect(() => load('appraisal.yaml', text)).toThrowErrorMatchingInlineSnapshot(`[Error: content/policy/appraisal.yaml: 团队考核（team） › 候选规则（candidates）第 3 项「培训候选」 › 等级（grades）第 1 项「bad」（第 252 行）: 等级「bad」不存在；可用的等级：excellent（优秀）、good（良好）、pass（合格）、improve（待改进）]`);
  });

  test('a candidate rule without a condition', () => {
    const text = policyVariant('appraisal.yaml', (d) => d.deleteIn(['team', 'candidates', 0, 'grades']));
    expect(() => load('appraisal.yaml', text)).toThrowErrorMatchingInlineSnapshot(`[Error: content/policy/appraisal.yaml: 团队考核（team） › 候选规则（candidates）第 1 项「晋升候选」（第 238 行）: 候选规则「晋升候选」没有条件：请至少填写 grades（等级）或 kpiScoreBelow（指标得分线）之一]`);
  });

  test('a candidate rule with an unknown period', () => {
    const text = policyVariant('appraisal.yaml', (d) => d.setIn(['team', 'candidates', 1, 'period'], 'week'));
    expect(() => load('appraisal.yaml', text)).toThrowErrorMatchingInlineSnapshot(`[Error: content/policy/appraisal.yaml: 团队考核（team） › 候选规则（candidates）第 2 项「荣誉表彰候选」 › 考核周期（period）（第 246 行）: 考核周期 period 只能是 month（月度）、year（年度）或 any（都看）]`);
  });

  test('the team section is optional', () => {
    const text = policyVariant('appraisal.yaml', (d) => d.deleteIn(['team']));
    expect(() => load('appraisal.yaml', text)).not.toThrow();
  });

  // 自评提醒日: a day every month has, set by the department (the policy fixes none).
  test.each([
    // value, why it is refused
    [0, '自评提醒日 selfReviewDueDay 应在 1–28 之间（28 日以内每个月都有）'],
    [29, '自评提醒日 selfReviewDueDay 应在 1–28 之间（28 日以内每个月都有）'], // February has no 29th most years
    [5.5, '自评提醒日 selfReviewDueDay 应为整数（每月几号），如 5'],
    ['5日', '应为数字，现在是文字「5日」'],
  ])('selfReviewDueDay %o is refused', (value, reason) => {
    const text = policyVariant('appraisal.yaml', (d) => d.set('selfReviewDueDay', value));
    expect(() => load('appraisal.yaml', text)).toThrow(
      new RegExp(`^content/policy/appraisal.yaml: 自评提醒日（selfReviewDueDay）（第 \\d+ 行）: ${reason.replace(/[()（）]/g, '.')}$`),
    );
  });

  test('selfReviewDueDay is optional (no monthly reminder is offered without it)', () => {
    const text = policyVariant('appraisal.yaml', (d) => d.delete('selfReviewDueDay'));
    expect(() => load('appraisal.yaml', text)).not.toThrow();
  });

  test('a clause id that does not exist', () => {
    const text = policyVariant('appraisal.yaml', (d) => d.setIn(['groups', 0, 'kpis', 0, 'clause'], 'c4-9'));
    expect(() => load('appraisal.yaml', text)).toThrowErrorMatchingInlineSnapshot(`[Error: content/policy/appraisal.yaml: 考核组（groups）第 1 项「市场推广组」 › 指标（kpis）第 1 项「活动参与人数」 › 条款编号（clause）（第 36 行）: 条款编号「c4-9」在制度中不存在；请填写网站「条款索引」中列出的编号，如 c3-3-4]`);
  });

  test('behaviour weights not summing to 100', () => {
    const text = policyVariant('appraisal.yaml', (d) => d.setIn(['behaviour', 'items', 4, 'weight'], 30));
    expect(() => load('appraisal.yaml', text)).toThrowErrorMatchingInlineSnapshot(`[Error: content/policy/appraisal.yaml: 工作规范（behaviour） › 条目（items）（第 189 行）: 工作规范各项权重之和为 110，应为 100]`);
  });

  test('a 业绩 / 规范 split not summing to 100', () => {
    const text = policyVariant('appraisal.yaml', (d) => d.setIn(['split', 'behaviour'], 30));
    expect(() => load('appraisal.yaml', text)).toThrowErrorMatchingInlineSnapshot(`[Error: content/policy/appraisal.yaml: 分数构成（split）（第 26 行）: 业绩占比与工作规范占比之和为 110，应为 100]`);
  });

  test('an annual blend not summing to 100', () => {
    const text = policyVariant('appraisal.yaml', (d) => d.setIn(['annual', 'reviewWeight'], 40));
    expect(() => load('appraisal.yaml', text)).toThrowErrorMatchingInlineSnapshot(`[Error: content/policy/appraisal.yaml: 年度（annual）（第 220 行）: 月度平均占比与年度评议占比之和为 110，应为 100]`);
  });

  test('grade bands that overlap', () => {
    const text = policyVariant('appraisal.yaml', (d) => d.setIn(['grades', 1, 'min'], 90));
    expect(() => load('appraisal.yaml', text)).toThrowErrorMatchingInlineSnapshot(`[Error: content/policy/appraisal.yaml: 等级（grades）第 2 项「良好」 › 下限（min）（第 213 行）: 「良好」与「优秀」的下限都是 90，两个等级重叠；每个等级的下限必须不同]`);
  });

  test('grade bands that leave a gap at the bottom', () => {
    const text = policyVariant('appraisal.yaml', (d) => d.setIn(['grades', 3, 'min'], 30));
    expect(() => load('appraisal.yaml', text)).toThrowErrorMatchingInlineSnapshot(`[Error: content/policy/appraisal.yaml: 等级（grades）第 4 项「待改进」 › 下限（min）（第 215 行）: 最低等级「待改进」的下限应为 0，否则 0 到 30 分之间的得分没有等级]`);
  });

  test('grade bands out of order', () => {
    const text = policyVariant('appraisal.yaml', (d) => d.setIn(['grades', 2, 'min'], 85));
    expect(() => load('appraisal.yaml', text)).toThrowErrorMatchingInlineSnapshot(`[Error: content/policy/appraisal.yaml: 等级（grades）第 3 项「合格」 › 下限（min）（第 214 行）: 等级应从高到低排列：「合格」的下限 85 高于上一级「良好」的下限 80]`);
  });

  test('a duplicated KPI id', () => {
    const text = policyVariant('appraisal.yaml', (d) => d.setIn(['groups', 0, 'kpis', 1, 'id'], 'participants'));
    expect(() => load('appraisal.yaml', text)).toThrowErrorMatchingInlineSnapshot(`[Error: content/policy/appraisal.yaml: 考核组（groups）第 1 项「市场推广组」 › 指标（kpis）第 2 项「活动转化率」 › 编号（id）（第 43 行）: 指标 id「participants」与第 1 项重复，每项的 id 必须不同]`);
  });

  test('an id with capitals or Chinese', () => {
    const text = policyVariant('appraisal.yaml', (d) => d.setIn(['groups', 0, 'id'], '推广Group'));
    expect(() => load('appraisal.yaml', text)).toThrowErrorMatchingInlineSnapshot(`[Error: content/policy/appraisal.yaml: 考核组（groups）第 1 项「市场推广组」 › 编号（id）（第 30 行）: id 只能用小写英文字母、数字和连字符（如 brand-exposure），不能有空格、大写或中文]`);
  });

  test('a group with no KPIs', () => {
    const text = policyVariant('appraisal.yaml', (d) => d.setIn(['groups', 2, 'kpis'], d.createNode([])));
    expect(() => load('appraisal.yaml', text)).toThrowErrorMatchingInlineSnapshot(`[Error: content/policy/appraisal.yaml: 考核组（groups）第 3 项「数据分析组」 › 指标（kpis）（第 115 行）: 每个考核组至少要有一个指标]`);
  });

  test('an unknown direction', () => {
    const text = policyVariant('appraisal.yaml', (d) => d.setIn(['groups', 0, 'kpis', 0, 'direction'], 'up'));
    expect(() => load('appraisal.yaml', text)).toThrowErrorMatchingInlineSnapshot(`[Error: content/policy/appraisal.yaml: 考核组（groups）第 1 项「市场推广组」 › 指标（kpis）第 1 项「活动参与人数」 › 方向（direction）（第 39 行）: 方向 direction 只能是 higher（越高越好）或 lower（越低越好）]`);
  });

  test('a misspelt field is named, with its line', () => {
    const text = policyText('appraisal.yaml').replace('        weight: 30\n', '        weigth: 30\n');
    expect(() => load('appraisal.yaml', text)).toThrowErrorMatchingInlineSnapshot(`
      [Error: content/policy/appraisal.yaml: 考核组（groups）第 1 项「市场推广组」 › 指标（kpis）第 1 项「活动参与人数」 › 权重（weight）（第 34 行）: 缺少此项，必须填写
      content/policy/appraisal.yaml: 考核组（groups）第 1 项「市场推广组」 › 指标（kpis）第 1 项「活动参与人数」 › weigth（第 41 行）: 没有这个字段（是否拼写错误？可用字段见文件顶部说明）]
    `);
  });

  test('a bonus curve that decreases', () => {
    const text = policyVariant('bonus.yaml', (d) => d.setIn(['curve', 3, 'coefficient'], 0.9));
    expect(() => load('bonus.yaml', text)).toThrowErrorMatchingInlineSnapshot(`[Error: content/policy/bonus.yaml: 系数曲线（curve）第 4 项 › 系数（coefficient）（第 26 行）: 系数不能随得分升高而下降（制度四（三）1：得分越高奖金越高）：得分 80 的系数是 1，得分 90 却只有 0.9]`);
  });

  test('a bonus curve whose scores repeat', () => {
    const text = policyVariant('bonus.yaml', (d) => d.setIn(['curve', 2, 'score'], 60));
    expect(() => load('bonus.yaml', text)).toThrowErrorMatchingInlineSnapshot(`[Error: content/policy/bonus.yaml: 系数曲线（curve）第 3 项 › 得分（score）（第 25 行）: 得分应从小到大排列且不能重复：第 3 个点的得分 60 不大于前一个点的 60]`);
  });

  test('a flat bonus segment is allowed (it never decreases)', () => {
    const text = policyVariant('bonus.yaml', (d) => d.setIn(['curve', 3, 'coefficient'], 1.0));
    expect(() => load('bonus.yaml', text)).not.toThrow();
  });

  test('a negative bonus coefficient', () => {
    const text = policyVariant('bonus.yaml', (d) => d.setIn(['curve', 0, 'coefficient'], -0.1));
    expect(() => load('bonus.yaml', text)).toThrowErrorMatchingInlineSnapshot(`[Error: content/policy/bonus.yaml: 系数曲线（curve）第 1 项 › 系数（coefficient）（第 23 行）: 系数 coefficient 不能为负数]`);
  });

  test('a negative team bonus pool', () => {
    const text = policyVariant('bonus.yaml', (d) => d.setIn(['pool', 'monthYuan'], -1));
    expect(() => load('bonus.yaml', text)).toThrowErrorMatchingInlineSnapshot(`[Error: content/policy/bonus.yaml: 团队奖金池（pool） › 每月奖金池（元）（monthYuan）（第 44 行）: 金额不能为负数]`);
  });

  test('a team bonus pool finer than the 分', () => {
    const text = policyVariant('bonus.yaml', (d) => d.setIn(['pool', 'yearYuan'], 10.005));
    expect(() => load('bonus.yaml', text)).toThrowErrorMatchingInlineSnapshot(`[Error: content/policy/bonus.yaml: 团队奖金池（pool） › 年度奖金池（元）（yearYuan）（第 45 行）: 金额最多两位小数（精确到分）]`);
  });

  test('the team bonus pool is optional', () => {
    const text = policyVariant('bonus.yaml', (d) => d.deleteIn(['pool']));
    expect(() => load('bonus.yaml', text)).not.toThrow();
  });

  test('approval thresholds out of order', () => {
    const text = policyVariant('budget.yaml', (d) => d.setIn(['approvalSteps', 2, 'aboveYuan'], 3000));
    expect(() => load('budget.yaml', text)).toThrowErrorMatchingInlineSnapshot(`[Error: content/policy/budget.yaml: 审批流程（approvalSteps）第 3 项「总经理」 › 起审金额（元）（aboveYuan）（第 79 行）: 审批金额应逐级升高：「总经理」的 3000 元不高于上一级「财务部」的 5000 元]`);
  });

  test('two approval steps at the same amount', () => {
    const text = policyVariant('budget.yaml', (d) => d.setIn(['approvalSteps', 2, 'aboveYuan'], 5000));
    expect(() => load('budget.yaml', text)).toThrowErrorMatchingInlineSnapshot(`[Error: content/policy/budget.yaml: 审批流程（approvalSteps）第 3 项「总经理」 › 起审金额（元）（aboveYuan）（第 79 行）: 审批金额应逐级升高：「总经理」的 5000 元不高于上一级「财务部」的 5000 元]`);
  });

  test('a first approval step above 0', () => {
    const text = policyVariant('budget.yaml', (d) => d.setIn(['approvalSteps', 0, 'aboveYuan'], 100));
    expect(() => load('budget.yaml', text)).toThrowErrorMatchingInlineSnapshot(`[Error: content/policy/budget.yaml: 审批流程（approvalSteps）第 1 项「市场经理」 › 起审金额（元）（aboveYuan）（第 77 行）: 第一级审批（市场经理）的 aboveYuan 应为 0，否则 100 元以下的申请无人审批]`);
  });

  test('a negative budget amount', () => {
    const text = policyVariant('budget.yaml', (d) => d.setIn(['categories', 1, 'annualYuan'], -80000));
    expect(() => load('budget.yaml', text)).toThrowErrorMatchingInlineSnapshot(`[Error: content/policy/budget.yaml: 费用类别（categories）第 2 项「客户关系管理费用」 › 年度预算（元）（annualYuan）（第 43 行）: 金额不能为负数]`);
  });

  test('an amount finer than the 分', () => {
    const text = policyVariant('budget.yaml', (d) => d.setIn(['categories', 3, 'annualYuan'], 20000.005));
    expect(() => load('budget.yaml', text)).toThrowErrorMatchingInlineSnapshot(`[Error: content/policy/budget.yaml: 费用类别（categories）第 4 项「办公用品费用」 › 年度预算（元）（annualYuan）（第 61 行）: 金额最多两位小数（精确到分）]`);
  });

  test('an amount written as text', () => {
    const text = policyVariant('budget.yaml', (d) => d.setIn(['categories', 0, 'annualYuan'], '30万'));
    expect(() => load('budget.yaml', text)).toThrowErrorMatchingInlineSnapshot(`[Error: content/policy/budget.yaml: 费用类别（categories）第 1 项「市场推广费用」 › 年度预算（元）（annualYuan）（第 32 行）: 应为数字，现在是文字「30万」]`);
  });

  test('a request field citing a clause that does not exist', () => {
    const text = policyVariant('budget.yaml', (d) => d.setIn(['categories', 0, 'requestFields', 1, 'clause'], 'c3-2-9'));
    expect(() => load('budget.yaml', text)).toThrowErrorMatchingInlineSnapshot(`[Error: content/policy/budget.yaml: 费用类别（categories）第 1 项「市场推广费用」 › 申请单字段（requestFields）第 2 项「推广渠道」 › 条款编号（clause）（第 38 行）: 条款编号「c3-2-9」在制度中不存在；请填写网站「条款索引」中列出的编号，如 c3-3-4]`);
  });

  test('an onboarding item for a role that is not an appraisal group', () => {
    const text = policyVariant('onboarding.yaml', (d) => d.setIn(['items', 3, 'roles'], d.createNode(['sales'])));
    expect(() => load('onboarding.yaml', text)).toThrowErrorMatchingInlineSnapshot(`[Error: content/policy/onboarding.yaml: 条目（items）第 4 项「熟悉市场经理职责：年度计划、预算、团队建设」 › 适用岗位（roles）第 1 项「sales」（第 48 行）: 岗位「sales」不存在；应为 appraisal.yaml 中的考核组 id：promotion、crm、analytics、manager]`);
  });

  test('an onboarding item in a phase that does not exist', () => {
    const text = policyVariant('onboarding.yaml', (d) => d.setIn(['items', 0, 'phase'], 'day2'));
    expect(() => load('onboarding.yaml', text)).toThrowErrorMatchingInlineSnapshot(`[Error: content/policy/onboarding.yaml: 条目（items）第 1 项「阅读制度总则，了解目的、适用范围和基本原则」 › 阶段（phase）（第 28 行）: 阶段「day2」不存在；应为 phases 中的 id：day1、week1、month1]`);
  });

  test('an onboarding owner outside 本人 / 导师 / 经理', () => {
    const text = policyVariant('onboarding.yaml', (d) => d.setIn(['items', 0, 'owner'], 'HR'));
    expect(() => load('onboarding.yaml', text)).toThrowErrorMatchingInlineSnapshot(`[Error: content/policy/onboarding.yaml: 条目（items）第 1 项「阅读制度总则，了解目的、适用范围和基本原则」 › 负责人（owner）（第 30 行）: 负责人 owner 只能是 本人、导师 或 经理]`);
  });

  test('onboarding phases out of order', () => {
    const text = policyVariant('onboarding.yaml', (d) => d.setIn(['phases', 2, 'dueDay'], 5));
    expect(() => load('onboarding.yaml', text)).toThrowErrorMatchingInlineSnapshot(`[Error: content/policy/onboarding.yaml: 阶段（phases）第 3 项「首月」 › 完成期限（天）（dueDay）（第 21 行）: 阶段应按先后排列：「首月」的期限第 5 天不晚于上一阶段「首周」的第 7 天]`);
  });

  test('a reading path with an unknown chapter and a repeat', () => {
    const text = policyVariant('onboarding.yaml', (d) =>
      d.set('readingPath', d.createNode(['general', 'finance', 'finance', 'faq'])),
    );
    expect(() => load('onboarding.yaml', text)).toThrowErrorMatchingInlineSnapshot(`
      [Error: content/policy/onboarding.yaml: 阅读顺序（readingPath）第 4 项「faq」（第 27 行）: 「faq」不是章节网址名；应为 general、organization、workflows、performance、training、finance 之一
      content/policy/onboarding.yaml: 阅读顺序（readingPath）第 3 项「finance」（第 26 行）: 「finance」在阅读顺序中出现了两次]
    `);
  });

  test.each([
    // not a calendar date
    ['reviewDate', '2027-02-30', 'content/policy/meta.yaml: 复审日期（reviewDate）（第 11 行）: 复审日期应为真实的日期，格式 YYYY-MM-DD，如 2027-01-01，现在是「2027-02-30」'],
    // not a date at all
    ['reviewDate', '明年', 'content/policy/meta.yaml: 复审日期（reviewDate）（第 11 行）: 复审日期应为真实的日期，格式 YYYY-MM-DD，如 2027-01-01，现在是「明年」'],
    // before the policy takes effect
    ['reviewDate', '2025-12-01', 'content/policy/meta.yaml: 复审日期（reviewDate）（第 11 行）: 复审日期 2025-12-01 早于生效日期 2026-01-01'],
    // no interval, a fraction, a negative one
    ['reviewIntervalMonths', 0, 'content/policy/meta.yaml: 复审周期（月）（reviewIntervalMonths）（第 13 行）: 复审周期应为大于 0 的整数（月数），如 12'],
    ['reviewIntervalMonths', 1.5, 'content/policy/meta.yaml: 复审周期（月）（reviewIntervalMonths）（第 13 行）: 复审周期应为大于 0 的整数（月数），如 12'],
    ['reviewIntervalMonths', -12, 'content/policy/meta.yaml: 复审周期（月）（reviewIntervalMonths）（第 13 行）: 复审周期应为大于 0 的整数（月数），如 12'],
  ] as const)('meta.yaml %s: %s', (field, value, message) => {
    const text = policyVariant('meta.yaml', (d) => d.setIn([field], value));
    expect(() => load('meta.yaml', text)).toThrow(message);
  });

  // 备份提醒天数: a product default of the tool pages (the policy fixes none), a whole number of days.
  test.each([
    // value, why it is refused
    [0, '备份提醒天数 backupReminderDays 应为不小于 1 的整数（天数），如 30'],
    [-1, '备份提醒天数 backupReminderDays 应为不小于 1 的整数（天数），如 30'],
    [1.5, '备份提醒天数 backupReminderDays 应为不小于 1 的整数（天数），如 30'],
    ['30', '应为数字，现在是文字「30」'], // quoted in YAML: a text, not a number
  ] as const)('meta.yaml backupReminderDays %o is refused', (value, reason) => {
    const text = policyVariant('meta.yaml', (d) => d.set('backupReminderDays', value));
    expect(() => load('meta.yaml', text)).toThrow(
      new RegExp(`^content/policy/meta.yaml: 备份提醒天数（backupReminderDays）（第 \\d+ 行）: ${reason.replace(/[()（）]/g, '.')}$`),
    );
  });

  test('meta.yaml without backupReminderDays reminds after 30 days', () => {
    const text = policyVariant('meta.yaml', (d) => d.delete('backupReminderDays'));
    expect((load('meta.yaml', text) as { backupReminderDays: number }).backupReminderDays).toBe(30);
  });

  test('meta.yaml without a review date', () => {
    const text = policyVariant('meta.yaml', (d) => d.deleteIn(['reviewDate']));
    expect(() => load('meta.yaml', text)).toThrow(/^content\/policy\/meta\.yaml: 复审日期（reviewDate）（第 \d+ 行）: 缺少此项，必须填写$/);
  });

  test('broken YAML gives the line and column', () => {
    const text = policyText('bonus.yaml').replace('clause: c4-3-1', 'clause: [c4-3-1');
    expect(() => load('bonus.yaml', text)).toThrowErrorMatchingInlineSnapshot(`[Error: content/policy/bonus.yaml: 第 22 行第 1 列: YAML 格式错误，请检查缩进、冒号和引号（Flow sequence in block collection must be sufficiently indented and end with a ]）]`);
  });

  test('an empty file', () => {
    expect(() => load('budget.yaml', '# nothing here\n')).toThrowErrorMatchingInlineSnapshot(`[Error: content/policy/budget.yaml: （整个文件）: 文件是空的，应包含参数设置]`);
  });

  test('several problems give one line each', () => {
    const text = policyVariant('budget.yaml', (d) => {
      d.setIn(['categories', 1, 'annualYuan'], -1);
      d.setIn(['clauses', 'approval'], 'c6-9');
    });
    const error = (() => {
      try {
        load('budget.yaml', text);
      } catch (e) {
        return e as Error;
      }
      return null;
    })();
    expect(error?.message.split('\n')).toHaveLength(2);
    for (const line of error?.message.split('\n') ?? []) {
      expect(line).toMatch(/^content\/policy\/budget\.yaml: .+: .+$/);
    }
  });
});

describe('pathInWords', () => {
  const data = { groups: [{ name: '市场推广组', kpis: [{ id: 'a' }] }], readingPath: ['general'], odd: [[1]] };
  test.each([
    // the whole file
    [[], '（整个文件）'],
    // a known field
    [['groups'], '考核组（groups）'],
    // an array row named by its name, then by its id
    [['groups', 0, 'kpis', 0, 'target'], '考核组（groups）第 1 项「市场推广组」 › 指标（kpis）第 1 项「a」 › 目标值（target）'],
    // a scalar row shows its value
    [['readingPath', 0], '阅读顺序（readingPath）第 1 项「general」'],
    // an unknown field keeps its own name; rows of rows are numbered in turn
    [['odd', 0, 0], 'odd第 1 项第 1 项「1」'],
    // a path past the data
    [['groups', 5, 'x'], '考核组（groups）第 6 项 › x'],
  ] as const)('%j → %s', (path, words) => {
    expect(pathInWords(data, path)).toBe(words);
  });
});

describe('policyCollections', () => {
  type Entry = { id: string; data: Record<string, unknown> };
  function fakeContext(root: URL) {
    const entries = new Map<string, Entry>();
    const warnings: string[] = [];
    const ctx = {
      config: { root },
      store: {
        clear: () => entries.clear(),
        set: (e: Entry) => (entries.set(e.id, e), true),
      },
      parseData: async ({ data }: { data: Record<string, unknown> }) => data,
      generateDigest: () => 'digest',
      logger: { error: () => {}, warn: (message: string) => void warnings.push(message) },
    };
    return { ctx, entries, warnings };
  }
  const projectRoot = new URL('../../../', import.meta.url);
  /** The loader of a collection built by policyCollections (always an object loader). */
  const loaderOf = (c: object) => (c as { loader: { load: (ctx: unknown) => Promise<void> } }).loader;

  test('defines the six collections as content-layer collections with a schema', () => {
    const collections = policyCollections(CLAUSE_IDS);
    expect(Object.keys(collections)).toEqual(['appraisal', 'bonus', 'budget', 'onboarding', 'meta', 'quiz']);
    for (const c of Object.values(collections)) {
      expect(c).toMatchObject({ type: 'content_layer' });
      expect('schema' in c && c.schema).toBeTruthy();
    }
  });

  test.each(['appraisal', 'bonus', 'budget', 'onboarding', 'meta', 'quiz'] as const)(
    'the %s loader stores the shipped file as entry "default"',
    async (name) => {
      const { ctx, entries } = fakeContext(projectRoot);
      await loaderOf(policyCollections(CLAUSE_IDS)[name]).load(ctx);
      expect([...entries.keys()]).toEqual(['default']);
      expect(entries.get('default')?.data).toBeTypeOf('object');
    },
  );

  test('a bad file fails the load with file, field and reason', async () => {
    const root = mkdtempSync(join(tmpdir(), 'policy-'));
    mkdirSync(join(root, 'content/policy'), { recursive: true });
    writeFileSync(
      join(root, 'content/policy/bonus.yaml'),
      policyVariant('bonus.yaml', (d) => d.setIn(['curve', 2, 'coefficient'], 0.5)),
    );
    const { ctx } = fakeContext(pathToFileURL(root + '/'));
    await expect(loaderOf(policyCollections(CLAUSE_IDS).bonus).load(ctx)).rejects.toThrow(
      /^content\/policy\/bonus\.yaml: 系数曲线（curve）第 3 项 › 系数（coefficient）（第 \d+ 行）: 系数不能随得分升高而下降/,
    );
  });

  test('the onboarding loader checks roles against appraisal.yaml', async () => {
    const root = mkdtempSync(join(tmpdir(), 'policy-'));
    mkdirSync(join(root, 'content/policy'), { recursive: true });
    writeFileSync(
      join(root, 'content/policy/appraisal.yaml'),
      policyVariant('appraisal.yaml', (d) => d.setIn(['groups', 3, 'id'], 'head')),
    );
    writeFileSync(join(root, 'content/policy/onboarding.yaml'), policyText('onboarding.yaml'));
    const { ctx } = fakeContext(pathToFileURL(root + '/'));
    await expect(loaderOf(policyCollections(CLAUSE_IDS).onboarding).load(ctx)).rejects.toThrow(/岗位「manager」不存在；应为 appraisal\.yaml 中的考核组 id：promotion、crm、analytics、head/);
  });

  test('the quiz loader warns (and goes on) when a release changed a clause a question cites', async () => {
    const root = mkdtempSync(join(tmpdir(), 'policy-'));
    cpSync(new URL('content', projectRoot), join(root, 'content'), { recursive: true });
    const v10 = JSON.parse(readFileSync(new URL('content/versions/1.0.json', projectRoot), 'utf8')) as {
      clauses: { id: string; text: string }[];
    };
    const v11 = {
      ...v10,
      version: '1.1',
      effectiveDate: '2027-03-01',
      clauses: v10.clauses.map((c) => (c.id === 'c6-1-1' ? { ...c, text: `${c.text}（修订）` } : c)),
    };
    writeFileSync(join(root, 'content/versions/1.1.json'), JSON.stringify(v11));
    const { ctx, entries, warnings } = fakeContext(pathToFileURL(root + '/'));
    await loaderOf(policyCollections(CLAUSE_IDS).quiz).load(ctx);
    expect([...entries.keys()]).toEqual(['default']);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain('以下 1 道题引用的条款在核对之后改过');
    expect(warnings[0]).toContain('expense-approval（条款 c6-1-1，核对于 1.0，1.1 版改过）');
  });
});
