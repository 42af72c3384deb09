// Build-time reader of the policy outline: which clauses exist, in order, from the chapter pages.
import { outlineFromMarkdown, type Clause } from '../core/clause';
import { readChapterFiles } from './chapters';

export { DOCS_DIR } from './chapters';

function editorialIds(markdown: string): string[] {
  const m = /^editorialTitles:\s*\[([^\]]*)\]/m.exec(markdown);
  return m ? (m[1] ?? '').split(',').map((s) => s.trim()).filter(Boolean) : [];
}

/** Every clause of the policy in policy order, read from the chapter pages of content/docs. */
export function readPolicyOutline(root: string = process.cwd()): Clause[] {
  return readChapterFiles(root).flatMap((chapter) =>
    outlineFromMarkdown(chapter.n, chapter.source, editorialIds(chapter.source)),
  );
}

export function knownClauseIds(root?: string): ReadonlySet<string> {
  return new Set(readPolicyOutline(root).map((c) => c.id));
}
