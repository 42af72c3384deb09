import { z } from 'astro/zod';
import { LineCounter, isNode, parseDocument, type Document } from 'yaml';

/**
 * The one friendly-error helper for content/policy/*.yaml: parses the YAML, validates it with
 * its schema, and on failure throws one Error whose message has one line per problem:
 *
 *   content/policy/appraisal.yaml: 考核组（groups）第 1 项「市场推广组」 › 指标（kpis）（第 31 行）: 「市场推广组」各指标权重之和为 95，应为 100
 *
 * i.e. `content/policy/<file>: <where, in words (line)>: <reason>`, for the admin who edits the file.
 */

/** Words for the field names used in content/policy/*.yaml. */
const FIELD_WORDS: Readonly<Record<string, string>> = {
  // appraisal.yaml
  split: '分数构成',
  performance: '业绩占比',
  behaviour: '工作规范',
  groups: '考核组',
  kpis: '指标',
  description: '说明',
  unit: '单位',
  direction: '方向',
  target: '目标值',
  weight: '权重',
  scoring: '评分规则',
  rule: '规则',
  cap: '封顶分',
  grades: '等级',
  min: '下限',
  annual: '年度',
  monthlyWeight: '月度平均占比',
  reviewWeight: '年度评议占比',
  minMonths: '最少月份数',
  team: '团队考核',
  distribution: '建议等级分布',
  grade: '等级',
  maxPercent: '最高占比（%）',
  candidates: '候选规则',
  period: '考核周期',
  kpiScoreBelow: '指标得分线',
  selfReviewDueDay: '自评提醒日',
  // bonus.yaml
  curve: '系数曲线',
  score: '得分',
  coefficient: '系数',
  maxCoefficient: '系数上限',
  monthly: '月度',
  salaryRatioPercent: '月薪比例',
  baseMonths: '基数月数',
  pool: '团队奖金池',
  monthYuan: '每月奖金池（元）',
  yearYuan: '年度奖金池（元）',
  // budget.yaml
  fiscalYear: '预算年度',
  clauses: '引用条款',
  categories: '费用类别',
  annualYuan: '年度预算（元）',
  subcategories: '子类别',
  expectedReturn: '预期回报',
  requestFields: '申请单字段',
  label: '名称',
  approvalSteps: '审批流程',
  approver: '审批人',
  aboveYuan: '起审金额（元）',
  // onboarding.yaml
  phases: '阶段',
  dueDay: '完成期限（天）',
  readingPath: '阅读顺序',
  items: '条目',
  phase: '阶段',
  roles: '适用岗位',
  owner: '负责人',
  // search-synonyms.yaml
  synonyms: '同义词',
  readerWords: '读者用词',
  policyWords: '制度用词',
  // quiz.yaml
  askCount: '每次出题数',
  passPercent: '及格线（%）',
  questions: '题目',
  question: '题干',
  options: '选项',
  answer: '正确答案',
  quote: '引文',
  checked: '核对版本',
  // shared / meta.yaml
  id: '编号',
  name: '名称',
  title: '标题',
  clause: '条款编号',
  shortTitle: '简称',
  version: '版本号',
  effectiveDate: '生效日期',
  reviewDate: '复审日期',
  reviewIntervalMonths: '复审周期（月）',
  backupReminderDays: '备份提醒天数',
};

/** Fields that name an array row, tried in order: 第 2 项「客户关系管理组」, 第 1 项「报销、报账」. */
const ROW_NAME_FIELDS = ['name', 'title', 'label', 'approver', 'id', 'readerWords'] as const;

function describeValue(value: unknown): string {
  if (value === undefined) return '空缺';
  if (value === null) return '空值';
  if (typeof value === 'string') return `文字「${value}」`;
  if (typeof value === 'number') return `数字 ${value}`;
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (Array.isArray(value)) return '列表';
  return '一组字段';
}

const TYPE_WORDS: Readonly<Record<string, string>> = {
  number: '数字',
  int: '整数',
  string: '文字',
  boolean: 'true 或 false',
  array: '列表（每行以「- 」开头）',
  object: '一组字段（key: value）',
  date: '日期（YYYY-MM-DD）',
};

/**
 * Chinese messages for zod's built-in checks; rules with their own message keep it
 * (schema-level messages take precedence over this map).
 */
export const policyErrorMap: z.core.$ZodErrorMap = (issue) => {
  switch (issue.code) {
    case 'invalid_type': {
      if (issue.input === undefined) return '缺少此项，必须填写';
      const expected = TYPE_WORDS[issue.expected] ?? issue.expected;
      return `应为${expected}，现在是${describeValue(issue.input)}`;
    }
    case 'too_small':
      if (issue.origin === 'array') return `至少要有 ${String(issue.minimum)} 项`;
      if (issue.origin === 'string') return '不能为空';
      return `不能小于 ${String(issue.minimum)}`;
    case 'too_big':
      if (issue.origin === 'array') return `最多 ${String(issue.maximum)} 项`;
      return `不能大于 ${String(issue.maximum)}`;
    case 'invalid_value':
      return `只能是 ${issue.values.map((v) => String(v)).join('、')} 之一，现在是${describeValue(issue.input)}`;
    case 'invalid_union':
      return `格式不对，现在是${describeValue(issue.input)}`;
    default:
      return z.locales.zhCN().localeError(issue);
  }
};

/** Line (1-based) of the YAML node at `path`, or of its nearest existing parent. */
function lineOf(doc: Document, lines: LineCounter, path: readonly PropertyKey[]): number | null {
  for (let n = path.length; n >= 0; n--) {
    const node = n === 0 ? doc.contents : doc.getIn(path.slice(0, n) as unknown[], true);
    if (isNode(node) && node.range) return lines.linePos(node.range[0]).line;
  }
  return null;
}

/** 考核组（groups）第 2 项「客户关系管理组」 › 指标（kpis）第 3 项「客户满意度」 › 目标值（target） */
export function pathInWords(data: unknown, path: readonly PropertyKey[]): string {
  if (path.length === 0) return '（整个文件）';
  const parts: string[] = [];
  let here: unknown = data;
  for (const key of path) {
    if (typeof key === 'number') {
      const row: unknown = Array.isArray(here) ? here[key] : undefined;
      let named = '';
      if (row !== null && typeof row === 'object') {
        for (const f of ROW_NAME_FIELDS) {
          const v = (row as Record<string, unknown>)[f];
          if (typeof v === 'string' && v !== '') {
            named = `「${v}」`;
            break;
          }
          if (Array.isArray(v) && v.length > 0 && v.every((w) => typeof w === 'string')) {
            named = `「${v.join('、')}」`;
            break;
          }
        }
      } else if (typeof row === 'string' || typeof row === 'number') {
        named = `「${row}」`;
      }
      const row1 = `第 ${key + 1} 项${named}`;
      if (parts.length > 0) parts[parts.length - 1] += row1;
      else parts.push(row1);
      here = row;
    } else {
      const k = String(key);
      const word = FIELD_WORDS[k];
      parts.push(word ? `${word}（${k}）` : k);
      here =
        here !== null && typeof here === 'object' && !Array.isArray(here)
          ? (here as Record<string, unknown>)[k]
          : undefined;
    }
  }
  return parts.join(' › ');
}

/** Parses and validates one policy data file; throws a friendly Error (see the module comment). */
export function parsePolicyYaml<S extends z.ZodType>(
  fileName: string,
  yamlText: string,
  schema: S,
): z.output<S> {
  const where = `content/policy/${fileName}`;
  const lines = new LineCounter();
  const doc = parseDocument(yamlText, { lineCounter: lines, prettyErrors: true });
  if (doc.errors.length > 0) {
    throw new Error(
      doc.errors
        .map((e) => {
          const at = e.linePos?.[0];
          const pos = at ? `第 ${at.line} 行第 ${at.col} 列` : '（整个文件）';
          // prettyErrors appends " at line L, column C:" and a code frame; we print the position ourselves.
          const detail = (e.message.split('\n')[0] ?? '').replace(/ at line \d+, column \d+:?$/, '');
          return `${where}: ${pos}: YAML 格式错误，请检查缩进、冒号和引号（${detail}）`;
        })
        .join('\n'),
    );
  }
  const data: unknown = doc.toJS();
  if (data === null || data === undefined) {
    throw new Error(`${where}: （整个文件）: 文件是空的，应包含参数设置`);
  }
  const result = schema.safeParse(data, { error: policyErrorMap });
  if (result.success) return result.data;

  const messages: string[] = [];
  for (const issue of result.error.issues) {
    // One line per unknown field, naming the field itself: usually a typo of a known one.
    const targets =
      issue.code === 'unrecognized_keys'
        ? issue.keys.map((k) => ({ path: [...issue.path, k], reason: '没有这个字段（是否拼写错误？可用字段见文件顶部说明）' }))
        : [{ path: issue.path, reason: issue.message }];
    for (const t of targets) {
      const line = t.path.length > 0 ? lineOf(doc, lines, t.path) : null;
      const lineWords = line === null ? '' : `（第 ${line} 行）`;
      messages.push(`${where}: ${pathInWords(data, t.path)}${lineWords}: ${t.reason}`);
    }
  }
  throw new Error(messages.join('\n'));
}
