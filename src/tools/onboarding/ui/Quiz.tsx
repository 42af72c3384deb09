// 制度测验 (五（一）1 新员工入职培训): one question at a time; after each answer, right or wrong, the
// right answer, the clause it comes from (a link) and the sentence quoted. A wrong answer comes back
// later in the same attempt. Thin: the questions come in as props, ../logic/quiz computes, every
// answer is saved with the person's entry (tool.edit).
import { useMemo, useState } from 'preact/hooks';
import type { ClauseLinkData } from '../../../core/clause-ref';
import type { QuizPolicy, QuizQuestion } from '../../../core/policy-types';
import {
  answerCurrent,
  quizResult,
  runAttempt,
  startAttempt,
  type QuizResult,
  type QuizState,
} from '../logic/quiz';
import { ClauseLink } from '../../kit/ui/ClauseLink';
import type { OnboardingStrings } from './strings';

type T = (key: keyof OnboardingStrings, values?: Record<string, string | number>) => string;

/** 通过，得分 90%（共做 2 次，2026-03-05 完成） / 未做测验: the result as the slip and the 签收 say it. */
export function quizValue(result: QuizResult | null, t: T): string {
  if (!result) return t('quiz.value.none');
  return t(result.passed ? 'quiz.value.passed' : 'quiz.value.failed', {
    score: result.scorePercent,
    attempts: result.attempts,
    date: result.date,
  });
}

/** 2. 培训机构市场部全体员工 */
const optionText = (q: QuizQuestion, n: number) => `${n}. ${q.options[n - 1] ?? ''}`;

export function Quiz(props: {
  policy: QuizPolicy;
  clauses: Readonly<Record<string, ClauseLinkData>>;
  quiz: QuizState;
  /** The role's id when one is chosen, else null (the quiz is asked by role). */
  role: string | null;
  readOnly: boolean;
  today: string | null;
  edition: { version: string; fingerprint: string };
  s: OnboardingStrings;
  t: T;
  onChange: (update: (old: QuizState) => QuizState) => void;
}) {
  const { policy, quiz, s, t, readOnly } = props;
  const byId = useMemo(() => new Map(policy.questions.map((q) => [q.id, q])), [policy]);
  const attempt = quiz.attempts.at(-1) ?? null;
  const run = attempt ? runAttempt(attempt, byId, policy.passPercent) : null;
  const result = quizResult(quiz, policy);
  const [picked, setPicked] = useState<readonly number[]>([]);
  const [pickError, setPickError] = useState(false);
  // After an answer: show its feedback until the reader moves on (not saved: a reload goes on).
  const [feedback, setFeedback] = useState<number | null>(null);
  const today = props.today;
  const canAct = !readOnly && today !== null;

  const start = () => {
    if (readOnly || today === null || props.role === null) return;
    const role = props.role;
    // The seed is kept in the attempt: the same questions in the same order after a reload.
    const seed = Math.floor(Math.random() * 0x100000000);
    props.onChange((old) => startAttempt(old, { policy, role, seed, today, edition: props.edition }));
    setPicked([]);
    setFeedback(null);
    setPickError(false);
  };

  const submit = (e: Event) => {
    e.preventDefault();
    if (readOnly || today === null || !run || run.current === null) return;
    if (picked.length === 0) return setPickError(true);
    const answer = picked;
    props.onChange((old) => answerCurrent(old, answer, today, byId, policy.passPercent));
    setFeedback(run.steps.length);
    setPicked([]);
    setPickError(false);
  };

  const shownStep = run && feedback !== null ? (run.steps[feedback] ?? null) : null;
  const inProgress = run !== null && !run.finished;
  const current = run?.current ? (byId.get(run.current) ?? null) : null;

  const startButton = (label: string) =>
    props.role === null ? (
      <p class="tool-hint">{s['quiz.needRole']}</p>
    ) : (
      <button type="button" class="tool-button" disabled={!canAct} onClick={start}>
        {label}
      </button>
    );

  return (
    <section class="ob-quiz no-print" aria-labelledby="ob-quiz-heading">
      <h2 id="ob-quiz-heading">{s['quiz.heading']}</h2>
      <p>{t('quiz.intro', { count: policy.askCount, pass: policy.passPercent })}</p>
      <p class="ob-trust">
        <strong>{s['quiz.trustHeading']}：</strong>
        {s['quiz.trust']}
      </p>
      <p class="ob-quiz-result" data-testid="quiz-result">
        {t('quiz.result', { value: quizValue(result, t) })}
      </p>

      {shownStep && (
        <Feedback
          step={shownStep}
          question={byId.get(shownStep.id)!}
          clauses={props.clauses}
          s={s}
        />
      )}

      {shownStep && run && (
        <div class="ob-quiz-actions">
          <button type="button" class="tool-button" onClick={() => setFeedback(null)}>
            {run.finished ? s['quiz.finish'] : s['quiz.next']}
          </button>
        </div>
      )}

      {!shownStep && inProgress && current && run && (
        <form class="ob-quiz-question" onSubmit={submit}>
          <p class="ob-quiz-progress">
            {run.currentAgain
              ? t('quiz.progressAgain', { left: run.remaining })
              : t('quiz.progress', {
                  n: Math.min(run.steps.filter((x) => !x.again).length + 1, run.asked),
                  total: run.asked,
                })}
          </p>
          <fieldset class="ob-quiz-fieldset" aria-describedby={pickError ? 'ob-quiz-pick-error' : undefined}>
            <legend>{current.question}</legend>
            <p class="tool-hint">{current.answer.length > 1 ? s['quiz.multi'] : s['quiz.single']}</p>
            <ul class="ob-quiz-options">
              {current.options.map((o, i) => {
                const n = i + 1;
                const multi = current.answer.length > 1;
                const checked = picked.includes(n);
                return (
                  <li key={`${current.id}-${n}`}>
                    <label>
                      <input
                        type={multi ? 'checkbox' : 'radio'}
                        name={`ob-quiz-${current.id}`}
                        value={String(n)}
                        checked={checked}
                        disabled={!canAct}
                        onChange={() => {
                          setPickError(false);
                          setPicked((old) =>
                            multi ? (old.includes(n) ? old.filter((x) => x !== n) : [...old, n]) : [n],
                          );
                        }}
                      />
                      <span>{o}</span>
                    </label>
                  </li>
                );
              })}
            </ul>
            {pickError && (
              <p class="tool-error" id="ob-quiz-pick-error" role="alert">
                {s['quiz.pickFirst']}
              </p>
            )}
          </fieldset>
          <div class="ob-quiz-actions">
            <button type="submit" class="tool-button" disabled={!canAct}>
              {s['quiz.submit']}
            </button>
            <button type="button" class="tool-button tool-button--small" disabled={!canAct} onClick={start}>
              {s['quiz.restart']}
            </button>
          </div>
        </form>
      )}

      {!shownStep && run?.finished && (
        <div class="ob-quiz-done" role="status">
          <p>
            <strong>
              {t(run.passed ? 'quiz.scorePassed' : 'quiz.scoreFailed', {
                score: run.scorePercent,
                correct: run.correct,
                asked: run.asked,
                pass: policy.passPercent,
              })}
            </strong>
          </p>
          {run.steps.some((x) => !x.right && !x.again) && (
            <>
              <p class="ob-quiz-review-heading">{s['quiz.reviewHeading']}</p>
              <ul class="ob-quiz-review">
                {run.steps
                  .filter((x) => !x.right && !x.again)
                  .map((x) => {
                    const q = byId.get(x.id)!;
                    return (
                      <li key={x.id}>
                        {q.question}（<ClauseLink id={q.clause} clauses={props.clauses} />）
                      </li>
                    );
                  })}
              </ul>
            </>
          )}
        </div>
      )}

      {!shownStep && !inProgress && (
        <div class="ob-quiz-actions">{startButton(attempt ? s['quiz.again'] : s['quiz.start'])}</div>
      )}
    </section>
  );
}

/** Right or wrong, the right answer, the clause as a link and the sentence it comes from. */
function Feedback(props: {
  step: { id: string; picked: readonly number[]; right: boolean };
  question: QuizQuestion;
  clauses: Readonly<Record<string, ClauseLinkData>>;
  s: OnboardingStrings;
}) {
  const { step, question: q, s } = props;
  return (
    <div class={`ob-quiz-feedback ${step.right ? 'ob-quiz-feedback--right' : 'ob-quiz-feedback--wrong'}`} role="status">
      <p class="ob-quiz-verdict">
        <strong>{step.right ? s['quiz.right'] : s['quiz.wrong']}</strong>
        {!step.right && <span> {s['quiz.wrongLater']}</span>}
      </p>
      <p class="ob-quiz-asked">{q.question}</p>
      <p>
        {s['quiz.answerIs']}
        {q.answer.map((n) => optionText(q, n)).join('；')}
      </p>
      <blockquote class="ob-quiz-quote">
        <p>
          {s['quiz.basis']} <ClauseLink id={q.clause} clauses={props.clauses} />
          {props.clauses[q.clause]?.title ? ` ${props.clauses[q.clause]!.title}` : ''}：「{q.quote}」
        </p>
      </blockquote>
    </div>
  );
}
