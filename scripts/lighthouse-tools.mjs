// Lighthouse performance and total blocking time of the six tool pages, against built sites (run
// the build first). Each page is measured RUNS times (default 5) and the median is reported, because
// total blocking time on a shared 2-core machine varies run to run; with several --root directories
// (a build before a change and one after) the runs alternate between them, so a busy minute on the
// machine weighs on both alike.
//   node scripts/lighthouse-tools.mjs [--runs 5] [--root dist-before --root dist] [--json out.json]
// Without a Chinese font the layout measures glyph-by-glyph fallback: install fonts-noto-cjk first.
import { writeFileSync } from 'node:fs';
import lighthouse from 'lighthouse';
import * as chromeLauncher from 'chrome-launcher';
import { startStaticServer } from './static-server.mjs';
import { CHROME_FLAGS, findChrome, INSTALL_HINT } from './chrome-path.mjs';

const TOOLS = ['onboarding', 'signoffs', 'self-review', 'bonus', 'team-review', 'budget-request'];
const args = process.argv.slice(2);
const values = (name) => args.flatMap((a, i) => (a === name && args[i + 1] ? [args[i + 1]] : []));
const runs = Number(values('--runs')[0] ?? '5');
const jsonOut = values('--json')[0] ?? null;
const roots = values('--root').length ? values('--root') : ['dist'];

const chrome = findChrome();
if (!chrome) throw new Error(INSTALL_HINT);
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const servers = await Promise.all(roots.map((root) => startStaticServer({ root })));
const launched = await chromeLauncher.launch({ chromePath: chrome, chromeFlags: ['--headless=new', ...CHROME_FLAGS] });
const rows = [];
try {
  for (const tool of TOOLS) {
    const perf = roots.map(() => []);
    const tbt = roots.map(() => []);
    for (let i = 0; i < runs; i++) {
      for (const [r, server] of servers.entries()) {
        const result = await lighthouse(`${server.url}tools/${tool}/`, {
          port: launched.port,
          output: 'json',
          logLevel: 'error',
          onlyCategories: ['performance'],
        });
        perf[r].push(Math.round((result.lhr.categories.performance.score ?? 0) * 100));
        tbt[r].push(Math.round(result.lhr.audits['total-blocking-time'].numericValue ?? 0));
      }
    }
    for (const [r, root] of roots.entries()) {
      const row = { tool, root, perf: median(perf[r]), tbt: median(tbt[r]), perfRuns: perf[r], tbtRuns: tbt[r] };
      rows.push(row);
      console.log(
        `${tool}\t${root}\tperf ${row.perf} (${perf[r].join(' ')})\tTBT ${row.tbt} ms (${tbt[r].join(' ')})`,
      );
    }
  }
} finally {
  launched.kill();
  await Promise.all(servers.map((s) => s.close()));
}
if (jsonOut) writeFileSync(jsonOut, JSON.stringify(rows, null, 2));
