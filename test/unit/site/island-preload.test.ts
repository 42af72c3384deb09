// The chunk list written on a tool island at build time (src/plugins/island-preload.ts): every chunk
// its component and renderer import statically, none they load on demand, at the root and under a base.
import { describe, expect, it } from 'vitest';
import { addIslandPreloads, staticClosure, staticImports } from '../../../src/plugins/island-preload';

const chunks: Record<string, string> = {
  // Minified, as the build writes them.
  'Tool.A1.js':
    'import{a as e}from"./shared.B1.js";import"./side.C1.js";export{x}from"./reexport.D1.js";const l=()=>import("./Part.E1.js");',
  'shared.B1.js': 'import{b}from"./deep.F1.js";export const a=1;',
  'deep.F1.js': 'export const b=2;',
  'side.C1.js': '',
  'reexport.D1.js': 'export const x=3;',
  'Part.E1.js': 'import{a}from"./shared.B1.js";import{p}from"./part-only.G1.js";',
  'part-only.G1.js': '',
  'client.H1.js': 'import{h}from"./preact.I1.js";',
  'preact.I1.js': '',
};
const read = (file: string) => chunks[file] ?? null;
/** What the tool island needs before it runs: its chunks and the renderer's, in the order found. */
const NEEDED = [
  'Tool.A1.js',
  'client.H1.js',
  'shared.B1.js',
  'side.C1.js',
  'reexport.D1.js',
  'preact.I1.js',
  'deep.F1.js',
];

describe('island preload lists', () => {
  it('reads static imports and re-exports, minified or not, and never import()', () => {
    expect(staticImports(chunks['Tool.A1.js']!)).toEqual(['shared.B1.js', 'side.C1.js', 'reexport.D1.js']);
    expect(
      staticImports(
        'import { a } from "./x.Q1.js";\nimport * as y from \'./y.Q2.js\';\nawait import("./z.Q3.js");',
      ),
    ).toEqual(['x.Q1.js', 'y.Q2.js']);
  });

  it('follows imports to the bottom, each chunk once, and skips files that are not there', () => {
    expect(staticClosure(['Tool.A1.js', 'client.H1.js', 'missing.Z9.js'], read)).toEqual(NEEDED);
  });

  for (const base of ['/', '/handbook/']) {
    it(`writes the list on client:intent islands only (base ${base})`, () => {
      const island = (client: string) =>
        `<astro-island uid="a" component-url="${base}_astro/Tool.A1.js" renderer-url="${base}_astro/client.H1.js" ssr client="${client}" await-children>`;
      const html = `<p>x</p>${island('intent')}</astro-island>${island('load')}</astro-island>`;
      const out = addIslandPreloads(html, base, (path) =>
        path.startsWith('_astro/') ? read(path.slice(7)) : null,
      );
      const lists = [...out.matchAll(/data-preload="([^"]*)"/g)].map((m) => m[1]!.split(' '));
      expect(lists).toHaveLength(1);
      expect(lists[0]).toEqual(NEEDED.map((f) => `${base}_astro/${f}`));
      expect(lists[0]).not.toContain(`${base}_astro/Part.E1.js`);
      // Written once: a second pass changes nothing.
      expect(addIslandPreloads(out, base, (path) => read(path.slice(7)))).toBe(out);
    });
  }
});
