// Sentences joined by a template never double their punctuation: a reader's 意见 ending in 。
// filled into 「…{comment}。请打开…」 gives one 。, in every message of every tool.
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { fill } from '../../../src/core/template';
import { STORAGE_MESSAGES } from '../../../src/core/storage';
import { RUNTIME_MESSAGES } from '../../../src/tools/kit/logic/runtime';
import { KIT } from '../../../src/tools/kit/ui/strings';
import { DATE_MESSAGES } from '../../../src/tools/onboarding/logic/checklist';
import { strings as bonus } from '../../../src/tools/bonus/ui/strings';
import { strings as budget } from '../../../src/tools/budget-request/ui/strings';
import { chapterReadStrings, strings as onboarding } from '../../../src/tools/onboarding/ui/strings';
import { strings as selfReview } from '../../../src/tools/self-review/ui/strings';
import { strings as signoffs } from '../../../src/tools/signoffs/ui/strings';
import { strings as teamReview } from '../../../src/tools/team-review/ui/strings';

const MARKS = '。！？；，、：';
const DOUBLED = new RegExp(`[${MARKS}]{2}`);

/** Every message template of every tool, by where it comes from. */
const TEMPLATES: [string, string][] = Object.entries({
  bonus,
  budget,
  onboarding,
  chapterReadStrings,
  selfReview,
  signoffs,
  teamReview,
  KIT,
  STORAGE_MESSAGES,
  RUNTIME_MESSAGES,
  DATE_MESSAGES,
}).flatMap(([source, words]) =>
  Object.entries(words as Record<string, unknown>)
    .filter((e): e is [string, string] => typeof e[1] === 'string' && e[1].includes('{'))
    .map(([key, text]) => [`${source}.${key}`, text] as [string, string]),
);

const names = (template: string) => [...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!);

/** What people type: words, perhaps led by a mark (，请…) and perhaps ending with one (…。). */
const typed = fc
  .tuple(
    fc.constantFrom('', '，', '：'),
    fc
      .array(fc.constantFrom('好', '请核减', 'OK', '12', ' ', '“预算”'), { maxLength: 3 })
      .map((w) => w.join('')),
    fc.constantFrom('', ...MARKS, '!', '?', '.'),
  )
  .map(([lead, words, end]) => `${lead}${words}${end}`)
  .filter((value) => !DOUBLED.test(value));

describe('fill joins sentences without doubling their punctuation', () => {
  test.each([
    // 意见 ending in 。 before the template's own 。
    [
      '{approver}审批意见：{decision}{comment}。请打开',
      { approver: '市场经理', decision: '同意', comment: '，请按预算执行。' },
      '市场经理审批意见：同意，请按预算执行。请打开',
    ],
    // ！ and ？ say more than the template's 。: they stay, the 。 goes
    ['意见：{comment}。修改', { comment: '太贵了！' }, '意见：太贵了！修改'],
    ['{q}，请', { q: '真的吗？' }, '真的吗？请'],
    // 。 before the template's ，: one sentence ends there
    ['意见：{comment}，请', { comment: '太贵了。' }, '意见：太贵了。请'],
    // an empty value leaves the template's two marks side by side
    ['意见：{comment}。', { comment: '' }, '意见。'],
    // a value led by a mark after the template's
    ['意见：{comment}', { comment: '：请核减' }, '意见：请核减'],
    // ASCII marks typed by the reader count too
    ['{comment}。', { comment: 'OK.' }, 'OK。'],
    // nothing to join: as before
    ['{year}年{month}月', { year: 2026, month: 3 }, '2026年3月'],
    ['{n}. {description}', { n: 3, description: '海报' }, '3. 海报'],
    ['{missing}。', {}, '{missing}。'],
  ])('%s', (template, values, expected) => {
    expect(fill(template, values)).toBe(expected);
  });

  test('no template of any tool doubles a mark by itself', () => {
    expect(TEMPLATES.filter(([, text]) => DOUBLED.test(text)).map(([key]) => key)).toEqual([]);
  });

  test.each(TEMPLATES)('%s: filled with what people type, no mark is doubled', (_key, template) => {
    fc.assert(
      fc.property(fc.array(typed, { minLength: 1, maxLength: 8 }), (values) => {
        const filled = fill(
          template,
          Object.fromEntries(names(template).map((name, i) => [name, values[i % values.length]!])),
        );
        expect(filled).not.toMatch(DOUBLED);
      }),
      { numRuns: 60 },
    );
  });
});
