// `npm test`: type check, unit tests (with coverage of the logic folders), build, browser tests.
// Ends with one line "N passed, N failed" counting every test that ran; a failed type check or build,
// or a test run that left no report, counts as one failure, so a failed run never ends "0 failed".
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';

const RESULTS = '.test-results';
rmSync(RESULTS, { recursive: true, force: true });
mkdirSync(RESULTS, { recursive: true });

let passed = 0;
let failed = 0;
let stepFailed = false;

/** Runs a step. A test step (`tests`) is counted by `count`; any other failed step is one failure. */
function run(label, command, tests = false) {
  console.log(`\n=== ${label} ===\n$ ${command}`);
  const result = spawnSync(command, { shell: true, stdio: 'inherit', env: process.env });
  if (result.status !== 0) {
    console.error(`\n✗ ${label} 失败（退出码 ${result.status}）`);
    stepFailed = true;
    if (!tests) failed += 1;
    return false;
  }
  return true;
}

/** Counts a test step's report; `ok` is whether its runner exited cleanly. */
function count(file, ok) {
  const before = failed;
  if (existsSync(file)) {
    const report = JSON.parse(readFileSync(file, 'utf8'));
    passed += report.numPassedTests ?? 0;
    failed += report.numFailedTests ?? 0;
    // A test file that failed before running any test (import error, missing file) counts as one failure.
    for (const f of report.testResults ?? []) {
      if (f.status === 'failed' && (f.assertionResults ?? []).length === 0) failed += 1;
    }
  }
  // The runner failed outside any test (no report, an unhandled error): one failure.
  if (!ok && failed === before) failed += 1;
}

const vitest = (project) =>
  `vitest run --project ${project} --reporter=default --reporter=json --outputFile.json=${RESULTS}/${project}.json`;

run('类型检查 (astro check, logic without DOM)', 'astro check && tsc -p src/tsconfig.logic.json');
count(`${RESULTS}/unit.json`, run('单元测试 (unit)', `${vitest('unit')} --coverage`, true));
const subpathBuild =
  'BASE_PATH=/handbook/ OUT_DIR=dist-subpath ASTRO_CACHE_DIR=node_modules/.astro-subpath astro build';
// 制度修订: the content with the fixture releases of test/fixtures/revision (1.0.1 --minor, 1.1, 1.1.1 --minor).
const revisionBuild = 'node scripts/build-revision-fixture.mjs';
if (
  run('构建 (astro build)', 'astro build') &&
  run('子路径构建 (BASE_PATH=/handbook/)', subpathBuild) &&
  run('修订示例构建 (test/fixtures/revision → dist-revision)', revisionBuild)
) {
  if (run('浏览器检查 (Chromium)', 'node scripts/ensure-chromium.mjs')) {
    count(`${RESULTS}/e2e.json`, run('浏览器测试 (e2e, against dist/)', vitest('e2e'), true));
  }
}

console.log('');
console.log(`${passed} passed, ${failed} failed`);
process.exit(stepFailed || failed > 0 ? 1 : 0);
