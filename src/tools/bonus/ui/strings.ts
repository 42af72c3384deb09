// zh-CN strings of the 绩效奖金估算 tool (/tools/bonus/), flat dotted keys. Passed to the island as
// a prop by BonusPage.astro; `{name}` marks a value filled in with `fill` (src/core/template.ts).
import type { BonusLabels } from '../logic/export';

export const strings = {
  'tool.fileBase': '绩效奖金估算',
  'tool.loading': '正在读取本浏览器保存的内容…',

  'base.legend': '奖金基数',
  'field.baseMode': '奖金基数怎么填',
  'baseMode.direct': '直接填写月度奖金基数',
  'baseMode.salary': '按月薪 × 奖金比例估算',
  'field.base': '月度奖金基数',
  'field.salary': '月薪',
  'field.ratio': '奖金比例',
  'base.hint': '例如 2000、¥2,000 或 2000元',
  'ratio.hint': '默认 {ratio}%（参数），可按本人情况修改',
  'base.fromSalary': '月度奖金基数 = 月薪 {salary} × {ratio}% = {base}',

  'score.legend': '考核得分',
  'field.scoreMode': '得分来源',
  'scoreMode.typed': '自己填写得分',
  'scoreMode.saved': '取自我保存的绩效自评',
  'field.score': '得分',
  'score.hint': '月度总分或年度得分（0–{max}）',
  'field.source': '选择绩效自评',
  'source.placeholder': '请选择',
  // The score first: a closed select shows only as much of the option as fits its width.
  'source.option': '{score} 分 · {group} {period}',
  'source.optionGrade': '{score} 分（{grade}）· {group} {period}',
  'source.incomplete': '（未填完）',
  'source.notScored': '暂不计算 · {group} {period}',
  'source.none': '本浏览器中还没有保存的绩效自评。请先在「绩效自评」中填写，或改为自己填写得分。',
  'source.link': '去填写绩效自评',
  'source.missing': '所选的绩效自评已不在本浏览器中，请重新选择',
  'source.noScore': '所选的年度自评尚未算出年度得分，请先补全各月总分和年度评议',
  'source.used': '取自 {group} {period} 绩效自评',
  'source.incompleteNote': '该自评尚有未填项目（按 0 计），得分只是暂时的。',
  'period.month': '{year}年{month}月',
  'period.year': '{year}年',

  'result.label': '估算结果',
  'result.coefficient': '奖金系数',
  'result.month': '月度绩效奖金',
  'result.year': '年度绩效奖金',
  'result.needScore': '填写得分后显示系数和奖金估算。',
  'result.needBase': '填写奖金基数后显示奖金金额。',
  'result.overflow': '金额太大，无法估算，请核对奖金基数。',
  'result.estimate': '以上为估算，实际发放以公司核定的考核结果和奖金方案为准（{clause}）。',
  'result.grade': '对应等级：{grade}',
  'result.yearNote': '年度奖金按年度得分计算，这里按同一得分估算。',

  'formula.below': '得分 {score} 不高于 {pointScore} 分，系数取 {coefficient}',
  'formula.above': '得分 {score} 不低于 {pointScore} 分，系数取 {coefficient}',
  'formula.between': '{lo} + ({hi} − {lo}) × ({score} − {loScore}) ÷ ({hiScore} − {loScore}) = {coefficient}',
  'formula.capped': '，但系数最高 {max}，取 {max}',
  'formula.month': '{base} × {coefficient} = {amount}',
  'formula.year': '{base} × {months} × {coefficient} = {amount}',

  'chart.label': '奖金系数曲线：{points}。',
  'chart.point': '{score} 分对应系数 {coefficient}',
  'chart.you': '您的得分 {score} 对应系数 {coefficient}。',
  'chart.score': '得分',
  'chart.coefficient': '系数',

  'how.summary': '怎么算的',
  'how.curve':
    '奖金系数按下面曲线上的点，在相邻两点之间按直线取值；低于第一个点取第一个点的系数，高于最后一个点取最后一个点的系数。',
  'how.base':
    '月度绩效奖金 = 月度奖金基数 × 系数；年度绩效奖金 = 月度奖金基数 × {months} × 年度系数。月度奖金基数可按月薪 × {ratio}% 估算。',
  'how.clause': '依据：',
  'how.params': '系数曲线见参数说明',

  'share.banner': '正在查看分享链接中的奖金估算（只读）。',
  'share.close': '关闭分享视图，回到我的估算',
  'share.error': '分享链接无法打开：{error}。下面是您自己的估算。',
  'import.done': '已导入奖金估算',

  'print.title': '绩效奖金估算单',
  'print.printedOn': '打印日期：{date}',
  'print.signEmployee': '员工签字',
  'print.signManager': '直属上级签字',
  'print.signDate': '日期',

  'text.title': '绩效奖金估算',
  'text.base': '奖金基数',
  'text.baseFromSalary': '按月薪 {salary} × {ratio}% 估算',
  'text.score': '考核得分',
  'text.estimate': '估算',
  'text.note':
    '以上为估算（制度第四章（三）1：绩效奖金与绩效考核得分挂钩，得分越高奖金越高），实际以公司核定为准。',
  'text.notFilled': '未填',
} as const satisfies BonusLabels & Record<string, string>;

export type BonusStrings = typeof strings;
