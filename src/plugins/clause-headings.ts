// Sätteri hast plugin: gives every numbered clause heading of a chapter page its permanent id
// (c{chapter}-{section}-{item}) and the data the copy-link / copy-citation buttons need.
// It runs before Astro's and Starlight's heading-id plugins, which keep an id that is already set.
import { clauseId, clauseNumberLabel, parseClauseHeading } from '../core/clause';
import { readChapters } from '../policy/chapters';
import { clauseMarks } from '../policy/versions';

interface HastElement {
  type: 'element';
  tagName: string;
  properties?: Record<string, unknown>;
}
interface HastMark {
  type: 'element';
  tagName: string;
  properties: Record<string, unknown>;
  children: ({ type: 'text'; value: string } | HastMark)[];
}
interface VisitContext {
  textContent(node: HastElement): string;
  insertAfter(node: HastElement, newNode: HastMark): void;
  setProperty(node: HastElement, name: string, value: unknown): void;
  data: { astro?: { frontmatter?: Record<string, unknown> } };
}

export interface ClauseHeadingOptions {
  /** Site base path, e.g. "/" or "/handbook/". */
  base: string;
  /** Short policy title used in citations, e.g. 市场部制度. */
  shortTitle: string;
}

export function clauseHeadingsPlugin({ base, shortTitle }: ClauseHeadingOptions) {
  const prefix = base.endsWith('/') ? base : `${base}/`;
  return () => {
    // Read per document, so a chapter added while `astro dev` runs is picked up.
    const chapters = readChapters();
    // Versions that added, changed or renumbered each clause (content/versions), for the marks.
    const marks = clauseMarks();
    let section = 0;
    return {
      name: 'clause-headings',
      element: {
        filter: ['h2', 'h3'],
        visit(node: HastElement, ctx: VisitContext) {
          const fm = ctx.data.astro?.frontmatter ?? {};
          const chapter = chapters.find((c) => c.n === Number(fm['chapter']));
          if (!chapter) return;
          const heading = parseClauseHeading(ctx.textContent(node));
          // A non-clause h2 (e.g. 本章参数) ends the current clause section, as in outlineFromMarkdown.
          if (node.tagName === 'h2' && heading?.kind !== 'section') section = 0;
          if (!heading) return;
          let id: string;
          let item: number | null = null;
          if (node.tagName === 'h2' && heading.kind === 'section') {
            section = heading.section;
            id = clauseId(chapter.n, section);
          } else if (node.tagName === 'h3' && heading.kind === 'item' && section > 0) {
            item = heading.item;
            id = clauseId(chapter.n, section, item);
          } else {
            return;
          }
          const label = clauseNumberLabel(chapter.n, section, item);
          ctx.setProperty(node, 'id', id);
          ctx.setProperty(node, 'data-clause', id);
          ctx.setProperty(node, 'data-cite', `《${shortTitle}》${label} ${heading.title}`);
          ctx.setProperty(node, 'data-href', `${prefix}${chapter.slug}/#${id}`);
          const editorial = fm['editorialTitles'];
          if (Array.isArray(editorial) && editorial.includes(id)) {
            ctx.setProperty(node, 'data-editorial-title', '');
          }
          const revised = marks.get(id);
          if (revised) {
            // 「1.1 修订」 under the heading, linking to the clause's diff on /changelog/.
            const WORD = { changed: '修订', added: '新增', renumbered: '改号' } as const;
            ctx.insertAfter(node, {
              type: 'element',
              tagName: 'p',
              properties: { className: ['clause-revised'], dataPagefindIgnore: '', dataRevisedFor: id },
              children: revised.map((m) => ({
                type: 'element',
                tagName: 'a',
                properties: { href: `${prefix}${m.href.slice(1)}`, className: ['clause-revised-mark'] },
                children: [{ type: 'text', value: `${m.version} ${WORD[m.kind]}` }],
              })),
            });
          }
        },
      },
    };
  };
}
