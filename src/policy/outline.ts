// Build-time reader of the policy outline: which clauses exist, in order, from the chapter pages.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CHAPTERS } from '../core/chapters';
import { outlineFromMarkdown, type Clause } from '../core/clause';

/** Folder of the chapter pages, relative to the project root. */
export const DOCS_DIR = 'content/docs';

function editorialIds(markdown: string): string[] {
  const m = /^editorialTitles:\s*\[([^\]]*)\]/m.exec(markdown);
  return m ? (m[1] ?? '').split(',').map((s) => s.trim()).filter(Boolean) : [];
}

/** Every clause of the policy in policy order, read from content/docs/<slug>.mdx. */
export function readPolicyOutline(root: string = process.cwd()): Clause[] {
  return CHAPTERS.flatMap((chapter) => {
    const markdown = readFileSync(join(root, DOCS_DIR, `${chapter.slug}.mdx`), 'utf8');
    return outlineFromMarkdown(chapter.n, markdown, editorialIds(markdown));
  });
}

export function knownClauseIds(root?: string): ReadonlySet<string> {
  return new Set(readPolicyOutline(root).map((c) => c.id));
}
