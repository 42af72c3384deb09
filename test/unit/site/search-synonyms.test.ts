// The search's synonym table is content: it may only lead a reader to words the policy itself uses.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parsePolicyYaml } from '../../../src/schemas/load-policy';
import { searchSynonymsSchema } from '../../../src/schemas/search-synonyms';
import { policyWordsText } from '../../../src/policy/policy-text';

const FILE = 'search-synonyms.yaml';
const shipped = readFileSync(new URL(`../../../content/policy/${FILE}`, import.meta.url), 'utf8');

// A policy of two clauses, enough for the rules below.
const POLICY = '各项费用支出要按照公司规定的审批流程进行审批。\n严格遵守公司的考勤制度、请假制度和保密制度。';
const load = (yaml: string, policy = POLICY) => parsePolicyYaml(FILE, yaml, searchSynonymsSchema(policy));

describe('content/policy/search-synonyms.yaml', () => {
  it('validates against the policy text of the chapter pages', () => {
    const table = parsePolicyYaml(FILE, shipped, searchSynonymsSchema(policyWordsText()));
    expect(table.synonyms.find((s) => s.readerWords.includes('报销'))?.policyWords).toEqual(['费用支出', '审批']);
  });

  it('has no row for what the policy does not cover', () => {
    const table = parsePolicyYaml(FILE, shipped, searchSynonymsSchema(policyWordsText()));
    const readerWords = table.synonyms.flatMap((s) => s.readerWords);
    for (const word of ['加班费', '加班', '工资', '提成', '离职']) expect(readerWords).not.toContain(word);
  });
});

describe('the synonym schema', () => {
  it('accepts policy words that occur in the policy text', () => {
    expect(load('synonyms:\n  - readerWords: [报销]\n    policyWords: [费用支出, 审批]\n').synonyms).toHaveLength(1);
  });

  it('refuses a policy word the policy text does not hold, naming the file, the row, the line and why', () => {
    const yaml = 'synonyms:\n  - readerWords: [报销]\n    policyWords: [费用支出]\n  - readerWords: [加班费]\n    policyWords: [加班]\n';
    expect(() => load(yaml)).toThrowErrorMatchingInlineSnapshot(
      `[Error: content/policy/search-synonyms.yaml: 同义词（synonyms）第 2 项「加班费」 › 制度用词（policyWords）第 1 项「加班」（第 5 行）: 「加班」在制度正文中没有出现：同义词只能指向制度原文里的词（请从条款原文中复制）；制度没有写到的内容不要加同义词]`,
    );
  });

  it.each([
    // the same reader word in two rows
    [
      'synonyms:\n  - readerWords: [报销]\n    policyWords: [审批]\n  - readerWords: [报账, 报销]\n    policyWords: [费用支出]\n',
      '同义词（synonyms）第 2 项「报账、报销」 › 读者用词（readerWords）第 2 项「报销」（第 4 行）: 读者用词「报销」已在第 1 项出现，每个词只能写在一项里',
    ],
    // a word with a space would never match: the search splits at spaces
    [
      'synonyms:\n  - readerWords: [报 销]\n    policyWords: [审批]\n',
      '同义词（synonyms）第 1 项「报 销」 › 读者用词（readerWords）第 1 项「报 销」（第 2 行）: 一个词里不能有空格或引号',
    ],
    // a row without policy words
    [
      'synonyms:\n  - readerWords: [报销]\n    policyWords: []\n',
      '同义词（synonyms）第 1 项「报销」 › 制度用词（policyWords）（第 3 行）: 至少要有 1 个制度用词',
    ],
    // a misspelt field
    [
      'synonyms:\n  - readerWords: [报销]\n    policyWord: [审批]\n',
      '同义词（synonyms）第 1 项「报销」 › policyWord（第 3 行）: 没有这个字段（是否拼写错误？可用字段见文件顶部说明）',
    ],
  ])('refuses %j', (yaml, message) => {
    expect(() => load(yaml)).toThrow(`content/policy/${FILE}: ${message}`);
  });
});

describe('policyWordsText', () => {
  const text = policyWordsText();
  it("holds the clauses' text and the policy's own titles", () => {
    expect(text).toContain('各项费用支出要按照公司规定的审批流程进行审批');
    expect(text).toContain('客户投诉处理');
  });

  it("leaves out the handbook's words: editor's notes and the titles it added", () => {
    expect(text).not.toContain('编者注');
    // 六（一）1's title 遵守财务制度与审批流程 was written by the handbook
    expect(text).not.toContain('遵守财务制度与审批流程');
  });
});
