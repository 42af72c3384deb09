// `npm test`: type check, unit tests (with coverage of the logic folders), build, browser tests.
// Ends with one line "N passed, N failed" counting every test that ran.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';

const RESULTS = '.test-results';
rmSync(RESULTS, { recursive: true, force: true });
mkdirSync(RESULTS, { recursive: true });

let passed = 0;
let failed = 0;
let stepFailed = false;

function run(label, command) {
  console.log(`\n=== ${label} ===\n$ ${command}`);
  const result = spawnSync(command, { shell: true, stdio: 'inherit', env: process.env });
  if (result.status !== 0) {
    console.error(`\n✗ ${label} 失败（退出码 ${result.status}）`);
    stepFailed = true;
    return false;
  }
  return true;
}

function count(file) {
  if (!existsSync(file)) return;
  const report = JSON.parse(readFileSync(file, 'utf8'));
  passed += report.numPassedTests ?? 0;
  failed += report.numFailedTests ?? 0;
  // A test file that failed before running any test (import error, missing file) counts as one failure.
  for (const file of report.testResults ?? []) {
    if (file.status === 'failed' && (file.assertionResults ?? []).length === 0) failed += 1;
  }
}

const vitest = (project) =>
  `vitest run --project ${project} --reporter=default --reporter=json --outputFile.json=${RESULTS}/${project}.json`;

if (run('类型检查 (astro check, logic without DOM)', 'astro check && tsc -p src/tsconfig.logic.json')) {
  // type check passed
}
run('单元测试 (unit)', `${vitest('unit')} --coverage`);
count(`${RESULTS}/unit.json`);
const subpathBuild =
  'BASE_PATH=/handbook/ OUT_DIR=dist-subpath ASTRO_CACHE_DIR=node_modules/.astro-subpath astro build';
// 制度修订: the content with the fixture revision of test/fixtures/revision, released as 1.1.
const revisionBuild = 'node scripts/build-revision-fixture.mjs';
if (
  run('构建 (astro build)', 'astro build') &&
  run('子路径构建 (BASE_PATH=/handbook/)', subpathBuild) &&
  run('修订示例构建 (test/fixtures/revision → dist-revision)', revisionBuild)
) {
  if (run('浏览器检查 (Chromium)', 'node scripts/ensure-chromium.mjs')) {
    run('浏览器测试 (e2e, against dist/)', vitest('e2e'));
  }
  count(`${RESULTS}/e2e.json`);
}

console.log('');
if (stepFailed && failed === 0) console.log('有步骤失败（见上文），测试计数如下：');
console.log(`${passed} passed, ${failed} failed`);
process.exit(stepFailed || failed > 0 ? 1 : 0);
