// npm run release -- 1.1 --effective 2027-03-01          a substantive release: readers sign again
// npm run release -- 1.0.1 --effective 2026-06-01 --minor an editorial one (编辑性修订): typography and
//                                                          typos, nobody is asked to sign again
// Publishes the content as it stands: archives every clause's text and the release's weight in
// content/versions/<version>.json, bumps content/policy/meta.yaml (version, effective date, next
// review date) and opens a 修订记录 entry (src/policy/release.ts).
import { runnerImport } from 'vite';

const args = process.argv.slice(2);
const known = new Set(['--effective', '--minor']);
const unknown = args.filter((a) => a.startsWith('--') && !known.has(a));
const version = args.find((a, i) => !a.startsWith('--') && args[i - 1] !== '--effective');
const at = args.indexOf('--effective');
const effective = at >= 0 ? args[at + 1] : undefined;
const minor = args.includes('--minor');
if (!version || !effective || unknown.length > 0) {
  if (unknown.length > 0) console.error(`不认识的选项：${unknown.join(' ')}`);
  console.error('用法：npm run release -- <版本号> --effective <生效日期> [--minor]');
  console.error('  例如 npm run release -- 1.1 --effective 2027-03-01（实质修订：签收过旧版本的读者需重新签收）');
  console.error('  或   npm run release -- 1.0.1 --effective 2026-06-01 --minor（编辑性修订：只改排版、错别字，无须重新签收）');
  process.exit(2);
}
try {
  // Vite runs the TypeScript module (the same code the build uses to read the clauses).
  const { module } = await runnerImport('./src/policy/release.ts', { configFile: false });
  const result = module.release(version, effective, process.cwd(), { minor });
  const kind = result.weight === 'editorial' ? '编辑性修订' : '实质修订';
  console.log(`已发布 ${version}（${kind}，生效日期 ${effective}，下次复审 ${result.reviewDate}）：${result.summary}`);
  for (const f of result.files) console.log(`  写入 ${f}`);
  console.log('请在 content/docs/changelog.mdx 中把“（请填写修订说明）”改成修订说明，然后提交这三个文件。');
} catch (e) {
  console.error(`发布失败：${e instanceof Error ? e.message : e}`);
  process.exit(1);
}
