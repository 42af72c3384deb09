// content/policy/quiz.yaml: the shipped questions validate against the published text; a bad
// question is refused naming the file, the question and the reason, in Chinese.
import { readFileSync } from 'node:fs';
import { parseDocument, type Document } from 'yaml';
import { describe, expect, test } from 'vitest';
import { parsePolicyYaml } from '../../../src/schemas/load-policy';
import { quizSchema } from '../../../src/schemas/quiz';
import { quizSources } from '../../../src/policy/quiz';

const ROLES = new Set(['promotion', 'crm', 'analytics', 'manager']);
const sources = quizSources(undefined, ROLES);
const schema = quizSchema(sources);
const shipped = readFileSync('content/policy/quiz.yaml', 'utf8');

function variant(edit: (doc: Document) => void): string {
  const doc = parseDocument(shipped);
  edit(doc);
  return doc.toString();
}
const load = (text: string) => parsePolicyYaml('quiz.yaml', text, schema);

describe('the shipped quiz', () => {
  test('validates: every clause exists, every quote is in its clause', () => {
    const quiz = load(shipped);
    expect(quiz.questions.length).toBeGreaterThanOrEqual(15);
    expect(quiz.passPercent).toBe(80);
  });

  test('asks about every chapter', () => {
    const chapters = new Set(load(shipped).questions.map((q) => q.clause.split('-')[0]));
    expect([...chapters].sort()).toEqual(['c1', 'c2', 'c3', 'c4', 'c5', 'c6']);
  });
});

describe('a bad question is refused with file, question and reason', () => {
  test.each([
    // A clause id the policy does not have.
    [
      'unknown clause',
      (d: Document) => d.setIn(['questions', 0, 'clause'], 'c9-9'),
      /^content\/policy\/quiz\.yaml: 题目（questions）第 1 项「scope」 › 条款编号（clause）（第 \d+ 行）: 条款编号「c9-9」在制度中不存在/,
    ],
    // A quote the clause does not say (a word changed).
    [
      'quote not in the clause',
      (d: Document) => d.setIn(['questions', 0, 'quote'], '本制度适用于培训机构全体员工。'),
      /^content\/policy\/quiz\.yaml: 题目（questions）第 1 项「scope」 › 引文（quote）（第 \d+ 行）: 题目「scope」的引文在条款 c1-2 的原文中找不到/,
    ],
    // Half-width punctuation is not the published text either.
    [
      'quote with half-width punctuation',
      (d: Document) => d.setIn(['questions', 13, 'quote'], '绩效奖金与绩效考核得分挂钩,得分越高奖金越高。'),
      /第 14 项「bonus-rule」 › 引文（quote）（第 \d+ 行）: 题目「bonus-rule」的引文在条款 c4-3-1 的原文中找不到；.*标点用全角/,
    ],
    // Option 5 of a question with 4.
    [
      'answer out of range',
      (d: Document) => d.setIn(['questions', 0, 'answer'], [5]),
      /第 1 项「scope」 › 正确答案（answer）第 1 项「5」（第 \d+ 行）: 题目「scope」只有 4 个选项，正确答案应为 1 到 4 之间的序号，现在是 5/,
    ],
    [
      'answer 0',
      (d: Document) => d.setIn(['questions', 1, 'answer'], [0, 2]),
      /第 2 项「principles」 › 正确答案（answer）第 1 项「0」.*: 题目「principles」只有 5 个选项/,
    ],
    [
      'duplicate id',
      (d: Document) => d.setIn(['questions', 3, 'id'], 'scope'),
      /^content\/policy\/quiz\.yaml: 题目（questions）第 4 项「scope」 › 编号（id）（第 \d+ 行）: 题目 id「scope」与第 1 项重复/,
    ],
    [
      'role that is no appraisal group',
      (d: Document) => d.setIn(['questions', 4, 'roles'], ['sales']),
      /第 5 项「crm-database」 › 适用岗位（roles）第 1 项「sales」.*: 岗位「sales」不存在/,
    ],
    [
      'checked version never published',
      (d: Document) => d.setIn(['questions', 0, 'checked'], '2.0'),
      /第 1 项「scope」 › 核对版本（checked）.*: 版本「2\.0」没有发布过；应为 content\/versions 中的版本：1\.0/,
    ],
    [
      'the same option twice',
      (d: Document) => d.setIn(['questions', 0, 'options', 3], '培训机构全体员工'),
      /第 1 项「scope」 › 选项（options）第 4 项「培训机构全体员工」.*: 选项「培训机构全体员工」与第 1 个选项相同/,
    ],
    [
      'a pass mark above 100',
      (d: Document) => d.set('passPercent', 120),
      /^content\/policy\/quiz\.yaml: 及格线（%）（passPercent）（第 \d+ 行）: 百分比不能超过 100/,
    ],
  ])('%s', (_name, edit, message) => {
    expect(() => load(variant(edit))).toThrow(message);
  });
});
