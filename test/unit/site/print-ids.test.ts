import { describe, expect, test } from 'vitest';
import { repeatedIds, scopeIds } from '../../../src/components/print-ids';

describe('repeatedIds', () => {
  test.each<[string[][], string[]]>([
    [
      [
        ['a', '本章参数默认示例'],
        ['b', '本章参数默认示例'],
      ],
      ['本章参数默认示例'],
    ], // 四 and 六 share a heading
    [[['a', 'a'], ['b']], []], // twice in one chapter is that chapter's own business
    [[['c4-1-1'], ['c6-1-1']], []], // clause ids never repeat
    [[], []],
  ])('%j → %j', (chapters, expected) => {
    expect(repeatedIds(chapters)).toEqual(expected);
  });
});

describe('scopeIds', () => {
  const id = '本章参数默认示例';
  const heading = `<h2 id="${id}">本章参数（默认示例）</h2><a class="sl-anchor-link" href="#${encodeURIComponent(id)}">§</a>`;

  test('renames the element and the links to it, plain or percent-encoded', () => {
    const out = scopeIds(`${heading}<a href="#${id}">见上</a>`, [id], 'finance');
    expect(out).toBe(
      `<h2 id="finance-${id}">本章参数（默认示例）</h2>` +
        `<a class="sl-anchor-link" href="#${encodeURIComponent(`finance-${id}`)}">§</a>` +
        `<a href="#${encodeURIComponent(`finance-${id}`)}">见上</a>`,
    );
  });

  test('follows for= and aria id lists, and leaves other ids alone', () => {
    const html =
      '<label for="x">X</label><input id="x"><p id="xy" aria-describedby="y x">' +
      '<a href="#xy">xy</a><section aria-labelledby="x">';
    expect(scopeIds(html, ['x'], 'ch')).toBe(
      '<label for="ch-x">X</label><input id="ch-x"><p id="xy" aria-describedby="y ch-x">' +
        '<a href="#xy">xy</a><section aria-labelledby="ch-x">',
    );
  });

  test('an id with regular-expression characters is taken literally', () => {
    expect(scopeIds('<h3 id="a.b">t</h3><h3 id="axb">u</h3>', ['a.b'], 's')).toBe(
      '<h3 id="s-a.b">t</h3><h3 id="axb">u</h3>',
    );
  });

  test('nothing shared → unchanged', () => {
    expect(scopeIds(heading, [], 'finance')).toBe(heading);
  });
});
