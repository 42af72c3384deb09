// 制度测验: drawn for the role and shuffled with the attempt's seed; a wrong answer comes back later in
// the same attempt until answered right; the score counts first answers; a multi-answer question
// needs every right option; the result sent is the latest passing attempt, else the latest one.
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { describe, expect, test } from 'vitest';
import type { QuizPolicy, QuizQuestion } from '../../../../src/core/policy-types';
import {
  answerCurrent,
  emptyQuizState,
  isRight,
  MAX_QUIZ_ATTEMPTS,
  questionsForRole,
  quizResult,
  runAttempt,
  shuffled,
  startAttempt,
  type QuizState,
} from '../../../../src/tools/onboarding/logic/quiz';
import { readReply } from '../../../../src/core/reply';
import { signoffReplyFormat } from '../../../../src/tools/onboarding/logic/signoff';
import { asLink, hire, signoff } from '../../helpers/signoff-fixtures';

const shipped = parse(readFileSync('content/policy/quiz.yaml', 'utf8')) as QuizPolicy;
const EDITION = { version: '1.0', fingerprint: 'a1b2c3d4e5f6' };

const q = (id: string, answer: number[], roles: QuizQuestion['roles'] = 'all'): QuizQuestion => ({
  id,
  clause: 'c1-2',
  roles,
  checked: '1.0',
  question: id,
  options: ['甲', '乙', '丙', '丁'],
  answer,
  quote: '',
});
/** Four questions for everyone, one for crm only; three asked; 2 of 3 (67 %) fails an 80 % mark. */
const policy: QuizPolicy = {
  askCount: 3,
  passPercent: 80,
  questions: [q('a', [1]), q('b', [2]), q('c', [1, 3]), q('d', [4]), q('e', [2], ['crm'])],
};
const byId = new Map(policy.questions.map((x) => [x.id, x]));
const start = (state: QuizState, seed: number, role = 'promotion', today = '2026-03-02') =>
  startAttempt(state, { policy, role, seed, today, edition: EDITION });
/** Answers the current question: right, or with a wrong option. */
function answer(state: QuizState, right: boolean, today = '2026-03-02'): QuizState {
  const attempt = state.attempts.at(-1)!;
  const id = runAttempt(attempt, byId, policy.passPercent).current!;
  const want = byId.get(id)!.answer;
  const picked = right ? [...want] : [want[0] === 4 ? 1 : want[0]! + 1];
  return answerCurrent(state, picked, today, byId, policy.passPercent);
}
const run = (state: QuizState) => runAttempt(state.attempts.at(-1)!, byId, policy.passPercent);

describe('draw and order', () => {
  test('the same seed gives the same order (a reload asks the same questions in the same order)', () => {
    const one = start(emptyQuizState(), 12345).attempts[0]!;
    const two = start(emptyQuizState(), 12345).attempts[0]!;
    expect(one.order).toEqual(two.order);
    expect(one.order).toHaveLength(3);
    expect(new Set(one.order).size).toBe(3);
  });

  test('different seeds shuffle differently (over many seeds, every question comes first)', () => {
    const firsts = new Set(Array.from({ length: 40 }, (_, i) => start(emptyQuizState(), i + 1).attempts[0]!.order[0]));
    expect([...firsts].sort()).toEqual(['a', 'b', 'c', 'd']);
  });

  test('shuffled keeps every item once', () => {
    expect(shuffled([1, 2, 3, 4, 5], 7).sort()).toEqual([1, 2, 3, 4, 5]);
  });

  test.each([
    // Only the role's questions: e is for crm.
    ['promotion', ['a', 'b', 'c', 'd']],
    ['crm', ['a', 'b', 'c', 'd', 'e']],
    // No role chosen: the questions for every role.
    ['', ['a', 'b', 'c', 'd']],
  ])('role %s is asked %o', (role, ids) => {
    expect(questionsForRole(policy.questions, role).map((x) => x.id)).toEqual(ids);
    const all = startAttempt(emptyQuizState(), { policy: { ...policy, askCount: 99 }, role, seed: 1, today: '2026-03-02', edition: EDITION });
    expect([...all.attempts[0]!.order].sort()).toEqual(ids);
  });

  test('the shipped quiz asks 10 of each role’s questions', () => {
    for (const role of ['promotion', 'crm', 'analytics', 'manager']) {
      expect(questionsForRole(shipped.questions, role).length).toBeGreaterThanOrEqual(shipped.askCount);
    }
  });
});

describe('answers', () => {
  test.each([
    // Single answer.
    [[1], [1], true],
    [[1], [2], false],
    // Multi-answer: every right option and no other, in any order.
    [[1, 3], [3, 1], true],
    [[1, 3], [1], false],
    [[1, 3], [1, 2, 3], false],
    [[1, 3], [], false],
  ])('answer %o, picked %o → %s', (want, picked, right) => {
    expect(isRight({ answer: want }, picked)).toBe(right);
  });

  test('a wrong answer comes back at the end of the same attempt; the score counts first answers', () => {
    let s = start(emptyQuizState(), 99);
    const [first, second, third] = s.attempts[0]!.order;
    s = answer(s, false); // first: wrong → asked again at the end
    expect(run(s)).toMatchObject({ current: second, currentAgain: false, remaining: 3, finished: false });
    s = answer(s, true);
    s = answer(s, true);
    expect(run(s)).toMatchObject({ current: first, currentAgain: true, remaining: 1 });
    s = answer(s, false); // wrong again: still comes back
    expect(run(s)).toMatchObject({ current: first, currentAgain: true, remaining: 1 });
    s = answer(s, true, '2026-03-03');
    const done = run(s);
    expect(done).toMatchObject({ current: null, finished: true, correct: 2, asked: 3, scorePercent: 67, passed: false });
    expect(done.steps.map((x) => [x.id, x.right, x.again])).toEqual([
      [first, false, false],
      [second, true, false],
      [third, true, false],
      [first, false, true],
      [first, true, true],
    ]);
    expect(s.attempts[0]!.finished).toBe('2026-03-03');
    // Nothing more to answer.
    expect(answerCurrent(s, [1], '2026-03-04', byId, 80)).toBe(s);
  });

  test('all first answers right passes with 100 %', () => {
    let s = start(emptyQuizState(), 5);
    for (let i = 0; i < 3; i++) s = answer(s, true);
    expect(run(s)).toMatchObject({ finished: true, correct: 3, scorePercent: 100, passed: true });
  });

  test.each([
    // 8 of 10 at 80 %: passes (whole answers, no rounding).
    [8, 10, 80, true],
    [7, 10, 80, false],
    // 2 of 3 is 66.7 %: fails 67 %, passes 66 %.
    [2, 3, 67, false],
    [2, 3, 66, true],
  ])('%i of %i right at a %i %% mark → passed %s', (right, asked, mark, passed) => {
    const questions = Array.from({ length: asked }, (_, i) => q(`q${i}`, [1]));
    const map = new Map(questions.map((x) => [x.id, x]));
    const attempt = {
      seed: 1,
      started: '2026-03-02',
      finished: '2026-03-02',
      version: '1.0',
      fingerprint: '',
      order: questions.map((x) => x.id),
      answers: questions.map((x, i) => ({ id: x.id, picked: [i < right ? 1 : 2] })),
    };
    expect(runAttempt(attempt, map, mark).passed).toBe(passed);
  });

  test('an answer out of turn (a hand-edited link) stops the replay there', () => {
    const s = start(emptyQuizState(), 3);
    const attempt = s.attempts[0]!;
    const wrongTurn = { ...attempt, answers: [{ id: attempt.order[1]!, picked: [1] }] };
    expect(runAttempt(wrongTurn, byId, 80)).toMatchObject({ current: attempt.order[0], steps: [] });
  });

  test('a question removed from quiz.yaml since is neither asked nor counted', () => {
    const s = start(emptyQuizState(), 3);
    const gone = s.attempts[0]!.order[0]!;
    const fewer = new Map([...byId].filter(([id]) => id !== gone));
    expect(runAttempt(s.attempts[0]!, fewer, 80)).toMatchObject({ asked: 2, remaining: 2 });
  });
});

describe('attempts and the result', () => {
  const finish = (s: QuizState, rights: boolean[], today: string) => {
    for (const r of rights) s = answer(s, r, today);
    while (!run(s).finished) s = answer(s, true, today);
    return s;
  };

  test('no finished attempt: no result (「未做测验」)', () => {
    expect(quizResult(emptyQuizState(), policy)).toBeNull();
    expect(quizResult(start(emptyQuizState(), 1), policy)).toBeNull();
  });

  test('fail once, pass the second time: passed, its score and date, two attempts', () => {
    let s = finish(start(emptyQuizState(), 1), [false, true, true], '2026-03-02');
    expect(quizResult(s, policy)).toEqual({
      passed: false,
      scorePercent: 67,
      attempts: 1,
      date: '2026-03-02',
      version: '1.0',
      fingerprint: 'a1b2c3d4e5f6',
    });
    s = finish(start(s, 2, 'promotion', '2026-03-05'), [true, true, true], '2026-03-05');
    expect(quizResult(s, policy)).toMatchObject({ passed: true, scorePercent: 100, attempts: 2, date: '2026-03-05' });
    // A later practice attempt that fails does not take the pass away.
    s = finish(start(s, 3, 'promotion', '2026-03-06'), [false, false, false], '2026-03-06');
    expect(quizResult(s, policy)).toMatchObject({ passed: true, attempts: 3, date: '2026-03-05' });
  });

  test('starting again drops an unfinished attempt (it never counted)', () => {
    let s = start(emptyQuizState(), 1);
    s = answer(s, true);
    s = start(s, 2);
    expect(s.attempts).toHaveLength(1);
    expect(s.attempts[0]!.seed).toBe(2);
  });

  test('at most MAX_QUIZ_ATTEMPTS are kept; the count of attempts stays right', () => {
    let s = emptyQuizState();
    for (let i = 0; i < MAX_QUIZ_ATTEMPTS + 3; i++) s = finish(start(s, i), [false], '2026-03-02');
    expect(s.attempts).toHaveLength(MAX_QUIZ_ATTEMPTS);
    expect(quizResult(s, policy)?.attempts).toBe(MAX_QUIZ_ATTEMPTS + 3);
  });
});

describe('the 签收 carries the result', () => {
  const state = hire('王小明', 'promotion', '2026-03-02', []);
  const result = { passed: true, scorePercent: 90, attempts: 2, date: '2026-03-05', version: '1.0', fingerprint: 'a1b2c3d4e5f6' };

  test('a 签收 with the quiz reads back with it', async () => {
    const reply = await signoff(state, '2026-03-06', EDITION, undefined, result);
    expect(reply.payload).toMatchObject({ format: 2, quiz: result });
    const read = await readReply(await asLink(reply), signoffReplyFormat);
    expect(read).toMatchObject({ ok: true, reply: { payload: { quiz: result } } });
  });

  test('a 签收 of format 1 (no quiz field) still opens', async () => {
    const reply = await signoff(state, '2026-03-06');
    const { format: _f, quiz: _q, ...v1 } = reply.payload;
    const read = await readReply(await asLink({ ...reply, payload: v1 }), signoffReplyFormat);
    expect(read.ok).toBe(true);
    expect(read.ok && read.reply.payload.quiz).toBeUndefined();
  });

  test('a score above 100 is refused', async () => {
    const reply = await signoff(state, '2026-03-06', EDITION, undefined, result);
    const bad = { ...reply, payload: { ...reply.payload, quiz: { ...result, scorePercent: 101 } } };
    expect((await readReply(await asLink(bad), signoffReplyFormat)).ok).toBe(false);
  });
});
