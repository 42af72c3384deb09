import { describe, expect, test } from 'vitest';
import { parseCsv, toCsv } from '../../../../src/core/csv';
import type { AppraisalPolicy } from '../../../../src/core/policy-types';
import { selfReviewResult, type MonthResult, type YearResult } from '../../../../src/tools/self-review/logic/derive';
import { periodLabel, selfReviewCsvRows, selfReviewText } from '../../../../src/tools/self-review/logic/export';
import { emptyReview, type SelfReviewState } from '../../../../src/tools/self-review/logic/state';
import { strings } from '../../../../src/tools/self-review/ui/strings';
import { shippedPolicies } from '../../helpers/policy-fixtures';
import { fill } from '../../../../src/core/template';

const appraisal: AppraisalPolicy = shippedPolicies().appraisal;

function march(): SelfReviewState {
  const state = emptyReview(appraisal, 'promotion', '2026-03', '张三');
  state.kpis['participants'] = { target: '500', actual: '450', comment: '=HYPERLINK("http://x")' };
  state.kpis['activity-conversion'] = { target: '10', actual: '12', comment: '转化好，\n下月继续' };
  state.ratings = { discipline: '5', communication: '4' };
  return { ...state, summary: '总体不错' };
}

describe('fill', () => {
  test.each([
    ['{year}年{month}月', { year: 2026, month: 3 }, '2026年3月'],
    ['{a}{a}', { a: 'x' }, 'xx'],
    ['{missing} stays', {}, '{missing} stays'],
    ['{toString}', {}, '{toString}'], // only own values
  ])('fill(%s)', (template, values, expected) => expect(fill(template, values)).toBe(expected));

  test('periodLabel', () => {
    expect(periodLabel({ kind: 'month', year: 2026, month: 3 }, strings)).toBe('2026年3月');
    expect(periodLabel({ kind: 'year', year: 2026 }, strings)).toBe('2026年');
  });
});

describe('text for 微信 / 钉钉', () => {
  test('a month: info, KPIs with comments, behaviour, result and what is missing', () => {
    const result = selfReviewResult(march(), appraisal) as MonthResult;
    const text = selfReviewText(result, '张三', '总体不错', strings);
    expect(text.startsWith('绩效自评表\n\n【基本信息】')).toBe(true);
    expect(text).toContain('市场推广组');
    expect(text).toContain('2026年3月（月度考核）');
    expect(text).toContain('目标 500，实际 450，得分 90 × 权重 30% = 27');
    expect(text).toContain('目标 10%，实际 12%，得分 120 × 权重 30% = 36');
    expect(text).toContain('下月继续');
    expect(text).toContain('5 分');
    expect(text).toMatch(new RegExp(`月度总分\\s*：${result.total}\n`));
    expect(text).toMatch(new RegExp(`等级\\s*：${result.grade.name}`));
    expect(text).toMatch(/自评\s*：=HYPERLINK/);
    expect(text).toMatch(/未填或有误\s*：品牌曝光度、推广费用控制率、做好工作记录/);
    expect(text).toContain('【总体自评】\n总体不错');
    expect(text).not.toMatch(/NaN|undefined|Infinity/);
  });

  test('a year without a name or enough months', () => {
    const state: SelfReviewState = {
      ...emptyReview(appraisal, 'crm', '2026'),
      months: ['80', ...Array(11).fill('')],
    };
    const result = selfReviewResult(state, appraisal) as YearResult;
    const text = selfReviewText(result, ' ', '', strings);
    expect(text).toContain('员工姓名：未填');
    expect(text).toContain('2026年（年度考核）');
    expect(text).toMatch(/1月\s*：80/);
    expect(text).toMatch(/2月\s*：未填/);
    expect(text).toMatch(/年度得分\s*：暂不计算/);
    expect(text).toMatch(/年度评议得分\s*：未填/);
    expect(text).not.toContain('【年度总结】');
  });

  test('a complete year lists its score and summary', () => {
    const state: SelfReviewState = {
      ...emptyReview(appraisal, 'crm', '2026'),
      months: Array(12).fill('85'),
      review: '90',
      summary: '全年',
    };
    const result = selfReviewResult(state, appraisal) as YearResult;
    const text = selfReviewText(result, '李四', '全年', strings);
    expect(text).toMatch(new RegExp(`年度得分\\s*：${result.total}\n`));
    expect(text).toContain('【年度总结】\n全年');
    expect(text).not.toContain('未填或有误');
  });
});

describe('CSV', () => {
  test('a month: header rows, one row per KPI and rating, totals; formula cells neutralized', () => {
    const result = selfReviewResult(march(), appraisal) as MonthResult;
    const csv = toCsv(selfReviewCsvRows(result, '张三', strings));
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const rows = parseCsv(csv);
    expect(rows[0]).toEqual(['员工姓名', '张三']);
    expect(rows[4]).toEqual([
      '类别',
      '项目',
      '单位',
      '权重(%)',
      '目标',
      '实际/评分',
      '得分',
      '加权分',
      '自评说明',
    ]);
    expect(rows[5]).toEqual([
      '业绩指标',
      '活动参与人数',
      '数量',
      '30',
      '500',
      '450',
      '90',
      '27',
      `'=HYPERLINK("http://x")`,
    ]);
    expect(rows[6]?.[8]).toBe('转化好，\n下月继续');
    expect(rows[7]?.slice(4, 8)).toEqual(['100000', '', '', '0']); // not filled: empty, 0 points
    expect(rows[9]).toEqual(['工作规范', '遵守工作纪律', '分（1–5）', '20', '', '5', '', '20', '']);
    expect(rows.at(-1)).toEqual([
      '合计',
      '月度总分',
      '',
      '',
      '',
      '',
      String(result.total),
      '',
      result.grade.name,
    ]);
  });

  test('a year: the months, average, review, score and grade', () => {
    const state: SelfReviewState = {
      ...emptyReview(appraisal, 'crm', '2026'),
      months: ['80', '', ...Array(10).fill('90')],
      review: '85',
    };
    const result = selfReviewResult(state, appraisal) as YearResult;
    const rows = parseCsv(toCsv(selfReviewCsvRows(result, '李四', strings)));
    expect(rows[4]).toEqual(['月份', '月度总分']);
    expect(rows[5]).toEqual(['1月', '80']);
    expect(rows[6]).toEqual(['2月', '']);
    expect(rows.at(-2)).toEqual(['年度得分', String(result.total)]);
    expect(rows.at(-1)).toEqual(['等级', result.grade!.name]);
    const empty = selfReviewResult({ ...state, review: '' }, appraisal) as YearResult;
    expect(parseCsv(toCsv(selfReviewCsvRows(empty, '', strings))).at(-1)).toEqual(['等级', '暂不计算']);
  });
});
