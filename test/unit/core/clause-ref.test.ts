import { describe, expect, test } from 'vitest';
import { clauseChapterSlug, clauseUrlPath, collectClauseRefs, isClauseIdShape } from '../../../src/core/clause-ref';

describe('clauseUrlPath', () => {
  test.each([
    ['c3-3-4', '/workflows/#c3-3-4'], // an item
    ['c1-1', '/general/#c1-1'], // a section without items
    ['c6-2-2', '/finance/#c6-2-2'], // the last chapter
  ])('%s → %s', (id, path) => {
    expect(clauseUrlPath(id)).toBe(path);
    expect(clauseChapterSlug(id)).toBe(path.split('/')[1]);
  });

  test.each([
    'c7-1', // no chapter 7
    'c0-1', // no chapter 0
    'c3', // no section
    'c3-3-4-1', // too deep
    'C3-3', // upper case
    '三（三）4', // a label, not an id
  ])('%s is not a clause id', (id) => {
    expect(isClauseIdShape(id)).toBe(false);
    expect(() => clauseUrlPath(id)).toThrow(RangeError);
  });

  test('well-formed ids pass the shape check', () => {
    expect(['c1-1', 'c3-3-4', 'c6-2-2'].every(isClauseIdShape)).toBe(true);
  });
});

test('collectClauseRefs finds every clause field and every value of a clauses map', () => {
  const data = {
    clause: 'c4-3-1',
    clauses: { approval: 'c6-1-1', overBudget: 'c6-1-2' },
    groups: [{ clause: 'c2-2-2', kpis: [{ clause: 'c4-1-1', name: 'c9-9' }] }],
    other: 'c1-1',
  };
  expect(collectClauseRefs(data).sort()).toEqual(['c2-2-2', 'c4-1-1', 'c4-3-1', 'c6-1-1', 'c6-1-2']);
});
