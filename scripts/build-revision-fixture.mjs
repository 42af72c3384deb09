// Builds the site as it would be after three releases, without touching content/: copies the project
// into .tmp/revision-site, then for each release lays test/fixtures/revision/<version>/content over
// its content and publishes it with the real release script (npm run release -- …):
//   1.0.1 --minor  an editorial fix in 第一章 (nobody signs again),
//   1.1            substantive: a changed 第六章, a new 第七章 (readers of 1.0 and 1.0.1 sign again),
//   1.1.1 --minor  an editorial fix in 第五章 (readers of 1.1 need not sign again),
// and builds into dist-revision/. test/e2e/revision.test.ts drives the result. Live content stays 1.0.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';

const project = process.cwd();
const site = resolve('.tmp/revision-site');
const outDir = resolve(process.env.REVISION_OUT_DIR || 'dist-revision');

rmSync(site, { recursive: true, force: true });
mkdirSync(site, { recursive: true });
for (const entry of ['astro.config.mjs', 'content.config.ts', 'tsconfig.json', 'package.json', 'src', 'content', 'public', 'scripts']) {
  cpSync(join(project, entry), join(site, entry), { recursive: true });
}

function run(args, env = {}) {
  // node_modules is found one level up by the usual resolution (.tmp/revision-site → project).
  const result = spawnSync(process.execPath, args, { cwd: site, stdio: 'inherit', env: { ...process.env, ...env } });
  if (result.status !== 0) process.exit(result.status ?? 1);
}
const releases = [
  ['1.0.1', '--effective', '2026-06-01', '--minor'],
  ['1.1', '--effective', '2027-03-01'],
  ['1.1.1', '--effective', '2027-04-01', '--minor'],
];
for (const args of releases) {
  cpSync(join(project, 'test/fixtures/revision', args[0], 'content'), join(site, 'content'), { recursive: true });
  run(['scripts/release.mjs', ...args]);
}
run([join(project, 'node_modules/astro/bin/astro.mjs'), 'build'], {
  OUT_DIR: outDir,
  ASTRO_CACHE_DIR: join(project, 'node_modules/.astro-revision'),
});
