// House rule 1: logic (src/core, src/tools/*/logic) is pure. The logic tsconfig has no DOM lib, but
// preact's type files pull the DOM lib in, so an `import type` from preact would slip past it: this
// test reads every logic file and fails on a forbidden import or a browser global, as Starlight's
// `no-internal-barrel-imports` test does for its own rule.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve, dirname } from 'node:path';
import { describe, expect, test } from 'vitest';

const root = resolve(import.meta.dirname, '../../..');

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : [path];
  });
}

const toolsDir = join(root, 'src/tools');
const logicFiles = [
  ...walk(join(root, 'src/core')),
  ...readdirSync(toolsDir).flatMap((tool) => {
    const logic = join(toolsDir, tool, 'logic');
    try {
      return walk(logic);
    } catch {
      return [];
    }
  }),
].filter((f) => /\.tsx?$/.test(f));

/** Module specifiers of static imports, `import type`, re-exports and dynamic imports. */
export function importsOf(source: string): string[] {
  const specs: string[] = [];
  for (const m of source.matchAll(/(?:^|\n)\s*(?:import|export)\b[^'"]*?\bfrom\s*['"]([^'"]+)['"]/g)) specs.push(m[1]!);
  for (const m of source.matchAll(/(?:^|\n)\s*import\s*['"]([^'"]+)['"]/g)) specs.push(m[1]!);
  for (const m of source.matchAll(/\bimport\s*\(\s*['"]([^'"]+)['"]\s*\)/g)) specs.push(m[1]!);
  return specs;
}

/** Why `spec`, imported by the logic file `file`, breaks the rule; null when it is allowed. */
export function forbiddenImport(file: string, spec: string): string | null {
  if (/^(preact|react)(\/|$)/.test(spec)) return 'imports preact (its types pull in the DOM lib)';
  if (spec.startsWith('astro')) return 'imports astro (build-time only)';
  if (spec.startsWith('node:')) return 'imports a Node module (logic runs in the browser)';
  if (!spec.startsWith('.')) return null; // packages such as valibot
  const target = resolve(dirname(file), spec);
  const rel = relative(join(root, 'src'), target).split('\\').join('/');
  if (rel.startsWith('core/') || /^tools\/[^/]+\/logic\//.test(rel)) return null;
  return `imports ${rel}, which is not logic (strings and components live in ui/)`;
}

const BROWSER_GLOBALS = /\b(document|window|localStorage|sessionStorage|navigator|HTMLElement)\s*[.\[(]/;
/** The one storage adapter may touch the browser: every other logic module stays pure, runnable in Node. */
const STORAGE_ADAPTER = 'src/core/storage.ts';

describe('import boundaries of the logic folders', () => {
  test('there are logic files to check', () => {
    expect(logicFiles.length).toBeGreaterThan(20);
  });

  test('every tool folder is checked, 新员工签收 (src/tools/signoffs) included', () => {
    const checked = logicFiles.map((f) => relative(root, f).split('\\').join('/'));
    expect(checked).toContain('src/tools/signoffs/logic/state.ts');
    expect(checked).toContain('src/tools/onboarding/logic/signoff.ts');
  });

  test.each(logicFiles.map((f) => [relative(root, f)]))('%s stays pure', (rel) => {
    const file = join(root, rel);
    const source = readFileSync(file, 'utf8');
    const problems = importsOf(source)
      .map((spec) => forbiddenImport(file, spec))
      .filter((p): p is string => p !== null);
    const code = source.replace(/\/\*[\s\S]*?\*\/|\/\/[^\n]*/g, '');
    if (rel !== STORAGE_ADAPTER && BROWSER_GLOBALS.test(code)) problems.push('uses a browser global');
    expect(problems).toEqual([]);
  });
});

describe('the rule itself can fail', () => {
  const file = join(root, 'src/tools/bonus/logic/derive.ts');
  test.each([
    // [source, expected to be refused]
    ["import type { JSX } from 'preact';", true],
    ["import { useState } from 'preact/hooks';", true],
    ["import { getCollection } from 'astro:content';", true],
    ["import { readFileSync } from 'node:fs';", true],
    ["import { strings } from '../ui/strings';", true],
    ["export { x } from '../../kit/ui/Field';", true],
    ["import { BASE_PATH } from '../../../site/base-path';", true], // reads import.meta.env: build and page only
    ["import { clearLinkFragment } from '../../../client/link-fragment';", true], // reads the address
    ["const m = await import('preact');", true],
    ["import * as v from 'valibot';", false],
    ["import { fen } from '../../../core/money';", false],
    ["import type { Draft } from '../../budget-request/logic/state';", false],
  ] as const)('%s → refused: %s', (source, refused) => {
    const problems = importsOf(source).map((spec) => forbiddenImport(file, spec)).filter(Boolean);
    expect(problems.length > 0).toBe(refused);
  });

  test('a browser global is caught', () => {
    expect(BROWSER_GLOBALS.test('document.querySelector("x")')).toBe(true);
    expect(BROWSER_GLOBALS.test('const documentation = 1;')).toBe(false);
  });
});
