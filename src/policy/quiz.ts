// Build-time reader of the 制度测验 (content/policy/quiz.yaml): the sources its schema checks against
// (published clause texts, archived versions) and the questions to check after a release.
import { clauseBody } from '../core/revision';
import { questionsToReview, type QuizReviewItem } from '../core/quiz-review';
import type { QuizSources } from '../schemas/quiz';
import { currentClauses, readArchives, revisionHistory } from './versions';

/** What quiz.yaml is checked against, read from the content under `root` (a folder path). */
export function quizSources(root?: string, roleIds?: ReadonlySet<string>): QuizSources {
  const clauses = currentClauses(root);
  return {
    knownClauseIds: new Set(clauses.map((c) => c.id)),
    // A clause with items (一（三）基本原则) says what its items say: the quote may come from any of them.
    clauseText: (id) =>
      clauses
        .filter((c) => c.id === id || c.id.startsWith(`${id}-`))
        .map(clauseBody)
        .join('\n'),
    versions: readArchives(root).map((a) => a.version),
    ...(roleIds ? { roleIds } : {}),
  };
}

/** Questions whose clause changed after the version they were checked against (待复核). */
export function quizToReview(
  questions: readonly { readonly id: string; readonly clause: string; readonly checked: string }[],
  root?: string,
): QuizReviewItem[] {
  // An editorial release (typography, typos) keeps the meaning: nothing to re-check. A quote it
  // touched no longer matches and fails the build anyway (schemas/quiz).
  const substantive = revisionHistory(root).filter((r) => r.weight !== 'editorial');
  return questionsToReview(questions, substantive);
}
