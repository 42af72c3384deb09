// 待复核: a question whose clause (or an item under it) changed in a version after the one it was
// checked against; checking it again (checked: the new version) clears it.
import { describe, expect, test } from 'vitest';
import { questionsToReview, quizReviewWarning } from '../../../src/core/quiz-review';

const history = [
  { version: '1.0', changes: [] },
  {
    version: '1.1',
    changes: [
      { kind: 'changed', id: 'c6-1-1' },
      { kind: 'removed', id: 'c6-1-3' },
      { kind: 'renumbered', id: 'c6-2-3', from: 'c6-2-2' },
      { kind: 'added', id: 'c6-2-2' },
    ],
  },
  { version: '1.2', changes: [{ kind: 'changed', id: 'c1-2' }] },
];
const q = (id: string, clause: string, checked: string) => ({ id, clause, checked });

describe('questionsToReview', () => {
  test.each([
    // The cited clause itself was reworded in 1.1.
    [q('expense', 'c6-1-1', '1.0'), ['1.1']],
    // Checked against 1.1: the 1.1 change is already checked.
    [q('expense', 'c6-1-1', '1.1'), []],
    // An item under the cited clause was removed: the clause says less now.
    [q('section', 'c6-1', '1.0'), ['1.1']],
    // The id now holds another clause (added in its place after a renumbering).
    [q('moved', 'c6-2-2', '1.0'), ['1.1']],
    // A clause nobody changed.
    [q('overspend', 'c6-1-2', '1.0'), []],
    // c6-1-10 is no item of c6-1-1 (prefix with its dash only).
    [q('ten', 'c6-1-10', '1.0'), []],
    // Changed in two versions after the check.
    [q('scope', 'c1-2', '0.9'), ['1.2']],
  ])('%o → %o', (question, versions) => {
    expect(questionsToReview([question], history).map((r) => r.changedIn)).toEqual(
      versions.length ? [versions] : [],
    );
  });

  test('keeps question order and says which to check', () => {
    const items = questionsToReview([q('a', 'c1-2', '1.0'), q('b', 'c6-1-2', '1.0'), q('c', 'c6-1-1', '1.0')], history);
    expect(items.map((i) => i.id)).toEqual(['a', 'c']);
    expect(quizReviewWarning(items)).toBe(
      [
        'content/policy/quiz.yaml：以下 2 道题引用的条款在核对之后改过，请复核题目和引文，核对后把 checked 改为新版本号：',
        '  - a（条款 c1-2，核对于 1.0，1.2 版改过）',
        '  - c（条款 c6-1-1，核对于 1.0，1.1 版改过）',
      ].join('\n'),
    );
    expect(quizReviewWarning([])).toBeNull();
  });
});
