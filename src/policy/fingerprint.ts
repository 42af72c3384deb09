// Build-time fingerprint of the policy text for the 制度签收单: a later revision of any chapter
// gives another fingerprint, so a signed slip shows which text the new hire read.
import { createHash } from 'node:crypto';
import { readChapterFiles } from './chapters';

/** Hex characters kept: enough to tell revisions apart, short enough to copy onto paper. */
export const FINGERPRINT_LENGTH = 12;

export interface ChapterText {
  /** Chapter slug, e.g. general. */
  readonly slug: string;
  /** The chapter page's MDX source. */
  readonly source: string;
}

const FRONTMATTER_RE = /^---\n([\s\S]*?)\n---(?:\n|$)/;
/** ESM lines of MDX (component imports), not policy text. */
const ESM_LINE_RE = /^(?:import|export)\s/;
/** A line that is only a tag: <ParamsNote … />, <div class="…">, </div>, <ChapterRead slug="…" />. */
const TAG_LINE_RE = /^<\/?[A-Za-z][^<>]*>$/;

/**
 * The words of a chapter page: its title and body, without frontmatter, component imports or
 * component/wrapper tags, with line endings, Unicode form and blank lines unified. Adding a widget
 * to a chapter does not change it; changing a word of the policy does.
 */
export function normalizePolicyText(source: string): string {
  let text = source
    .normalize('NFC')
    .replace(/\r\n?/g, '\n')
    .replace(/^\uFEFF/, '');
  let title = '';
  const front = FRONTMATTER_RE.exec(text);
  if (front) {
    title =
      /^title:\s*(.+)$/m
        .exec(front[1] ?? '')?.[1]
        ?.trim()
        .replace(/^(['"])(.*)\1$/, '$2') ?? '';
    text = text.slice(front[0].length);
  }
  const lines = text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => !ESM_LINE_RE.test(line) && !TAG_LINE_RE.test(line));
  const body = lines
    .join('\n')
    .replace(/\n{2,}/g, '\n\n')
    .trim();
  return title ? `${title}\n\n${body}` : body;
}

/** SHA-256 of the normalized chapters in order, first FINGERPRINT_LENGTH hex characters. */
export function policyFingerprint(chapters: readonly ChapterText[]): string {
  const hash = createHash('sha256');
  for (const chapter of chapters) {
    // The slug separates chapters, so moving text from one chapter to the next changes the hash.
    hash.update(`\u0000${chapter.slug}\n${normalizePolicyText(chapter.source)}`, 'utf8');
  }
  return hash.digest('hex').slice(0, FINGERPRINT_LENGTH);
}

/** The chapter pages, content/docs/<slug>.mdx, in policy order. */
export function readChapterTexts(root?: string): ChapterText[] {
  return readChapterFiles(root).map((c) => ({ slug: c.slug, source: c.source }));
}

/** Fingerprint of the policy text as it is being built. */
export function buildPolicyFingerprint(root?: string): string {
  return policyFingerprint(readChapterTexts(root));
}
