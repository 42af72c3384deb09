// Which 制度测验 questions to check after a release: a question cites a clause and quotes it; when a
// later version changed that clause (or one of its items), the question may no longer be right.
// Pure: the build reads the version history (src/policy/versions.ts) and the quiz file.
import { compareVersionNumbers } from './revision';

/** One published version and its clause changes against the one before. */
export interface VersionChanges {
  readonly version: string;
  /** Each change's kind, its clause id and, when renumbered, the old id (core/revision ClauseChange). */
  readonly changes: readonly { readonly kind: string; readonly id: string; readonly from?: string }[];
}

export interface QuizReviewItem {
  /** The question's id. */
  readonly id: string;
  readonly clause: string;
  /** The version it was last checked against. */
  readonly checked: string;
  /** Versions after `checked` that changed the clause, oldest first. */
  readonly changedIn: readonly string[];
}

/** Is `id` the clause or one of its items (c6-1 covers c6-1-3)? */
function within(id: string, clause: string): boolean {
  return id === clause || id.startsWith(`${clause}-`);
}

/**
 * Questions whose clause changed in a version later than their `checked` one: added, changed,
 * removed or renumbered at the clause or an item under it. In question order.
 */
export function questionsToReview(
  questions: readonly { readonly id: string; readonly clause: string; readonly checked: string }[],
  history: readonly VersionChanges[],
): QuizReviewItem[] {
  return questions.flatMap((q) => {
    const changedIn = history
      .filter((rev) => compareVersionNumbers(rev.version, q.checked) > 0)
      .filter((rev) =>
        rev.changes.some(
          (c) => within(c.id, q.clause) || (c.from !== undefined && within(c.from, q.clause)),
        ),
      )
      .map((rev) => rev.version);
    return changedIn.length > 0 ? [{ id: q.id, clause: q.clause, checked: q.checked, changedIn }] : [];
  });
}

/** The build's warning: one line per question, or null when none needs checking. */
export function quizReviewWarning(items: readonly QuizReviewItem[]): string | null {
  if (items.length === 0) return null;
  return [
    `content/policy/quiz.yaml：以下 ${items.length} 道题引用的条款在核对之后改过，请复核题目和引文，核对后把 checked 改为新版本号：`,
    ...items.map((it) => `  - ${it.id}（条款 ${it.clause}，核对于 ${it.checked}，${it.changedIn.join('、')} 版改过）`),
  ].join('\n');
}
