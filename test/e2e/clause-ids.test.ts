// Clause anchors are permanent: the committed list pins them, so removing or renaming one fails here.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CHAPTERS } from '../../src/core/chapters';
import { parseClauseId } from '../../src/core/clause';
import { readPolicyOutline } from '../../src/policy/outline';
import { retiredClauses } from '../../src/policy/versions';

// Anchors of clauses a published version removed stay on their page with the old text (制度修订);
// they leave the pinned list with the release that removed them.
const retired = new Set(retiredClauses().map((r) => r.id));

const pinned = readFileSync('test/fixtures/clause-ids.txt', 'utf8')
  .split('\n')
  .map((l) => l.trim())
  .filter((l) => l && !l.startsWith('#'));

function headingIds(slug: string): { level: string; id: string }[] {
  const html = readFileSync(`${process.env.DIST_DIR || 'dist'}/${slug}/index.html`, 'utf8');
  return [...html.matchAll(/<h([1-6])\b[^>]*\bid="([^"]+)"/g)].map((m) => ({ level: m[1]!, id: m[2]! }));
}

describe('clause ids', () => {
  it('the outline read from the chapter sources equals the pinned list, in order', () => {
    expect(readPolicyOutline().map((c) => c.id)).toEqual(pinned);
  });

  it('the pinned list has no duplicates and only well-formed ids', () => {
    expect(new Set(pinned).size).toBe(pinned.length);
    for (const id of pinned) expect(parseClauseId(id), id).not.toBeNull();
  });

  it.each(CHAPTERS.map((c) => [c.slug, c.n] as const))(
    'every pinned id of chapter %s is an h2/h3 on its built page, exactly once',
    (slug, n) => {
      const ids = headingIds(slug);
      const expected = pinned.filter((id) => parseClauseId(id)!.chapter === n);
      expect(expected.length).toBeGreaterThan(0);
      for (const id of expected) {
        const found = ids.filter((h) => h.id === id);
        expect(found, id).toHaveLength(1);
        expect(parseClauseId(id)!.item === null ? '2' : '3').toBe(found[0]!.level);
      }
      // No clause-shaped id on the page that the pinned list does not know.
      const clauseShaped = ids.filter((h) => /^c\d+-\d+/.test(h.id) && !retired.has(h.id)).map((h) => h.id);
      expect(clauseShaped).toEqual(expected);
    },
  );

  it('ids are unique across the site (no chapter reuses another chapter’s id)', () => {
    const all = CHAPTERS.flatMap((c) => headingIds(c.slug).map((h) => h.id)).filter((id) => /^c\d/.test(id));
    expect(new Set(all).size).toBe(all.length);
  });
});
