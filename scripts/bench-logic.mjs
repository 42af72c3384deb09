// The tools' TypeScript logic, bundled with esbuild for a Node bench (the sources import without
// extensions, and virtual:policy-chapters is what the build provides: the chapters read from content).
import { build } from 'esbuild';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const root = resolve(fileURLToPath(new URL('..', import.meta.url)));

/** `entry` (TypeScript re-exports, paths from the project's root) → its module, loaded. */
export async function loadLogic(entry, name) {
  const { readChapters } = await import('../src/policy/chapters.ts');
  const policyChapters = {
    name: 'policy-chapters',
    setup(b) {
      b.onResolve({ filter: /^virtual:policy-chapters$/ }, () => ({ path: 'chapters', namespace: 'policy-chapters' }));
      b.onLoad({ filter: /.*/, namespace: 'policy-chapters' }, () => ({
        contents: `export default ${JSON.stringify(readChapters(root))};`,
        loader: 'js',
      }));
    },
  };
  const out = await build({
    plugins: [policyChapters],
    stdin: { contents: entry, resolveDir: root, loader: 'ts', sourcefile: `${name}-entry.ts` },
    bundle: true,
    platform: 'node',
    format: 'esm',
    packages: 'external',
    write: false,
    logLevel: 'error',
  });
  // Written three folders below the project (not /tmp): external packages resolve from
  // node_modules, and the fixtures' `new URL('../../../content/…', import.meta.url)` finds content/.
  const cache = join(root, 'node_modules', '.cache');
  mkdirSync(cache, { recursive: true });
  const dir = mkdtempSync(join(cache, `${name}-`));
  const file = join(dir, 'logic.mjs');
  writeFileSync(file, out.outputFiles[0].text);
  try {
    return await import(pathToFileURL(file).href);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
