/**
 * 制度测验 (五（一）1 新员工入职培训): a learning check, not an exam. The questions come from
 * content/policy/quiz.yaml, filtered by the new hire's role, drawn and shuffled with a seed kept in
 * the attempt (a reload asks in the same order). After each answer the page shows the right one with
 * its clause; a wrong answer comes back at the end of the same attempt until it is answered right,
 * but the score counts first answers only. Every answer is saved with the person's entry.
 */
import { seededRandom } from '../../../core/seeded-random';
import type { QuizPolicy, QuizQuestion } from '../../../core/policy-types';

/** Attempts kept per person; older ones are dropped (the count of attempts stays right). */
export const MAX_QUIZ_ATTEMPTS = 20;

/** One answer given: the question and the options picked (1-based, ascending). */
export interface QuizAnswer {
  readonly id: string;
  readonly picked: readonly number[];
}

/** One go at the quiz, as saved. */
export interface QuizAttempt {
  /** Seed of the draw and order (32-bit): kept so the attempt reads the same after a reload. */
  readonly seed: number;
  /** Day it was started, yyyy-mm-dd. */
  readonly started: string;
  /** Day its last question was answered right, yyyy-mm-dd; '' while unfinished. */
  readonly finished: string;
  /** Policy version and text fingerprint of the page it was taken on. */
  readonly version: string;
  readonly fingerprint: string;
  /** Question ids drawn, in the order first asked. */
  readonly order: readonly string[];
  /** Every answer given, in order (re-asked questions too). */
  readonly answers: readonly QuizAnswer[];
}

export interface QuizState {
  readonly attempts: readonly QuizAttempt[];
  /** Attempts finished before the oldest one kept (MAX_QUIZ_ATTEMPTS). Default 0. */
  readonly dropped: number;
}

export function emptyQuizState(): QuizState {
  return { attempts: [], dropped: 0 };
}

/** Fisher–Yates with `seed`. */
export function shuffled<T>(items: readonly T[], seed: number): T[] {
  const out = [...items];
  const next = seededRandom(seed);
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/** The questions for a role ('' or an unknown role: those for every role). */
export function questionsForRole(questions: readonly QuizQuestion[], role: string): QuizQuestion[] {
  return questions.filter((q) => q.roles === 'all' || q.roles.includes(role));
}

/** Are these picks the right answer? Every right option and no other. */
export function isRight(question: Pick<QuizQuestion, 'answer'>, picked: readonly number[]): boolean {
  const want = new Set(question.answer);
  const got = new Set(picked);
  return want.size === got.size && [...want].every((n) => got.has(n));
}

export interface StartInput {
  readonly policy: QuizPolicy;
  readonly role: string;
  readonly seed: number;
  readonly today: string;
  readonly edition: { readonly version: string; readonly fingerprint: string };
}

/**
 * A new attempt: askCount of the role's questions (all of them when it has fewer), shuffled. An
 * unfinished attempt is replaced (it never counted); finished ones are kept.
 */
export function startAttempt(state: QuizState, input: StartInput): QuizState {
  const seed = input.seed >>> 0;
  const pool = questionsForRole(input.policy.questions, input.role).map((q) => q.id);
  const order = shuffled(pool, seed).slice(0, input.policy.askCount);
  const attempt: QuizAttempt = {
    seed,
    started: input.today,
    finished: '',
    version: input.edition.version,
    fingerprint: input.edition.fingerprint,
    order,
    answers: [],
  };
  const kept = state.attempts.filter((a) => a.finished !== '');
  const all = [...kept, attempt];
  const over = Math.max(0, all.length - MAX_QUIZ_ATTEMPTS);
  return { attempts: all.slice(over), dropped: state.dropped + over };
}

export interface AnsweredStep {
  readonly id: string;
  readonly picked: readonly number[];
  readonly right: boolean;
  /** A second (or later) go at a question first answered wrong. */
  readonly again: boolean;
}

/** An attempt replayed against today's questions. */
export interface QuizRun {
  /** Questions of the attempt that still exist, in the order first asked. */
  readonly order: readonly string[];
  /** The question to answer now, or null when finished. */
  readonly current: string | null;
  /** The current question comes back after a wrong first answer. */
  readonly currentAgain: boolean;
  /** Still to answer, the current one included. */
  readonly remaining: number;
  readonly steps: readonly AnsweredStep[];
  /** First answers right. */
  readonly correct: number;
  readonly asked: number;
  /** correct ÷ asked, rounded to a whole percent. */
  readonly scorePercent: number;
  readonly passed: boolean;
  readonly finished: boolean;
}

/** Replays an attempt: each answer answers the question then due; a wrong one goes to the back. */
export function runAttempt(
  attempt: QuizAttempt,
  byId: ReadonlyMap<string, QuizQuestion>,
  passPercent: number,
): QuizRun {
  // A question removed from quiz.yaml since the attempt began is no longer asked or counted.
  const order = attempt.order.filter((id) => byId.has(id));
  const queue = [...order];
  const first = new Map<string, boolean>();
  const steps: AnsweredStep[] = [];
  for (const a of attempt.answers) {
    const id = queue[0];
    if (id === undefined || a.id !== id) break; // an answer out of turn (a hand-edited file): stop there
    const right = isRight(byId.get(id)!, a.picked);
    steps.push({ id, picked: a.picked, right, again: first.has(id) });
    if (!first.has(id)) first.set(id, right);
    queue.shift();
    if (!right) queue.push(id);
  }
  const correct = [...first.values()].filter(Boolean).length;
  const asked = order.length;
  const current = queue[0] ?? null;
  return {
    order,
    current,
    currentAgain: current !== null && first.has(current),
    remaining: queue.length,
    steps,
    correct,
    asked,
    scorePercent: asked === 0 ? 0 : Math.round((correct * 100) / asked),
    // 80 % of 10 questions is 8 right: compared in whole answers, never in a rounded percent.
    passed: asked > 0 && correct * 100 >= passPercent * asked,
    finished: asked > 0 && queue.length === 0,
  };
}

/** The current question answered; the attempt is finished (dated `today`) when nothing is left. */
export function answerCurrent(
  state: QuizState,
  picked: readonly number[],
  today: string,
  byId: ReadonlyMap<string, QuizQuestion>,
  passPercent: number,
): QuizState {
  const last = state.attempts.at(-1);
  if (!last || last.finished !== '') return state;
  const before = runAttempt(last, byId, passPercent);
  if (before.current === null) return state;
  const clean = [...new Set(picked)].filter((n) => Number.isInteger(n) && n >= 1).sort((a, b) => a - b);
  const next: QuizAttempt = { ...last, answers: [...last.answers, { id: before.current, picked: clean }] };
  const after = runAttempt(next, byId, passPercent);
  const done: QuizAttempt = after.finished ? { ...next, finished: today } : next;
  return { ...state, attempts: [...state.attempts.slice(0, -1), done] };
}

/** What the 签收 and the 制度签收单 carry about the quiz. */
export interface QuizResult {
  readonly passed: boolean;
  /** First answers right, whole percent. */
  readonly scorePercent: number;
  /** Attempts finished. */
  readonly attempts: number;
  /** Day the attempt shown was finished, yyyy-mm-dd. */
  readonly date: string;
  /** Policy version and fingerprint the attempt was taken on. */
  readonly version: string;
  readonly fingerprint: string;
}

/**
 * The result to show and send: the latest passing attempt, else the latest finished one; null when
 * no attempt is finished (「未做测验」).
 */
export function quizResult(state: QuizState, policy: QuizPolicy): QuizResult | null {
  const byId = new Map(policy.questions.map((q) => [q.id, q]));
  const finished = state.attempts
    .filter((a) => a.finished !== '')
    .map((a) => ({ a, run: runAttempt(a, byId, policy.passPercent) }));
  const shown = finished.findLast((f) => f.run.passed) ?? finished.at(-1);
  if (!shown) return null;
  return {
    passed: shown.run.passed,
    scorePercent: shown.run.scorePercent,
    attempts: state.dropped + finished.length,
    date: shown.a.finished,
    version: shown.a.version,
    fingerprint: shown.a.fingerprint,
  };
}
