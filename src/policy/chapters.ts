// Build-time reader of the chapter list: every content/docs/*.mdx whose frontmatter has `chapter: n`
// is chapter n, its file name is the slug, its title 「第七章 附则」 gives the chapter title.
// Adding a chapter is adding a file; nothing in code lists them.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import type { Chapter } from '../core/chapters';
import { chineseNumeral, fromChineseNumeral } from '../core/chinese-numeral.ts';

/** Folder of the chapter pages, relative to the project root. */
export const DOCS_DIR = 'content/docs';

const FRONTMATTER_RE = /^\uFEFF?---\r?\n([\s\S]*?)\r?\n---(?:\r?\n|$)/;
const TITLE_RE = /^第([一二三四五六七八九十]{1,3})章\s*(.+)$/;

export interface ChapterFile {
  /** File name without .mdx, e.g. finance. */
  readonly slug: string;
  /** The file's source. */
  readonly source: string;
}

/** Chapter number and title from one page's frontmatter; null when the page is not a chapter. */
export function chapterFromSource(file: ChapterFile): Chapter | null {
  const front = FRONTMATTER_RE.exec(file.source);
  if (!front) return null;
  const data = (parseYaml(front[1] ?? '') ?? {}) as Record<string, unknown>;
  if (data['chapter'] === undefined) return null;
  const where = `${DOCS_DIR}/${file.slug}.mdx`;
  const n = data['chapter'];
  if (typeof n !== 'number' || !Number.isInteger(n) || n < 1 || n > 99) {
    throw new Error(`${where}：chapter 应为 1–99 的整数（第几章），现在是 ${JSON.stringify(n)}`);
  }
  const title = TITLE_RE.exec(String(data['title'] ?? '').trim());
  if (!title) {
    throw new Error(`${where}：标题应写成「第${chineseNumeral(n)}章 章名」`);
  }
  if (fromChineseNumeral(title[1] ?? '') !== n) {
    throw new Error(`${where}：标题「第${title[1]}章」与 chapter: ${n} 不一致`);
  }
  if (!/^[a-z0-9][a-z0-9-]*$/.test(file.slug)) {
    throw new Error(`${where}：章节文件名是永久网址，只用小写英文字母、数字和连字符`);
  }
  return { n, slug: file.slug, title: (title[2] ?? '').trim() };
}

/** The chapters among these pages, in order; throws when two share a number. */
export function chaptersFromSources(files: readonly ChapterFile[]): Chapter[] {
  const chapters = files.flatMap((f) => chapterFromSource(f) ?? []).sort((a, b) => a.n - b.n);
  for (let i = 1; i < chapters.length; i++) {
    const [a, b] = [chapters[i - 1]!, chapters[i]!];
    if (a.n === b.n) {
      throw new Error(`${DOCS_DIR}/${a.slug}.mdx 与 ${DOCS_DIR}/${b.slug}.mdx 都是 chapter: ${a.n}`);
    }
  }
  return chapters;
}

/** The pages directly in content/docs (tool pages live in subfolders and are never chapters). */
export function readDocsPages(root: string = process.cwd()): ChapterFile[] {
  const dir = join(root, DOCS_DIR);
  return readdirSync(dir)
    .filter((name) => name.endsWith('.mdx') || name.endsWith('.md'))
    .sort()
    .map((name) => ({ slug: name.replace(/\.mdx?$/, ''), source: readFileSync(join(dir, name), 'utf8') }));
}

/** The policy's chapters, read from content/docs. */
export function readChapters(root?: string): Chapter[] {
  return chaptersFromSources(readDocsPages(root));
}

/** The chapter pages with their source, in policy order. */
export function readChapterFiles(root?: string): (Chapter & { source: string })[] {
  const pages = new Map(readDocsPages(root).map((p) => [p.slug, p.source]));
  return chaptersFromSources([...pages].map(([slug, source]) => ({ slug, source }))).map((c) => ({
    ...c,
    source: pages.get(c.slug)!,
  }));
}
