// npm run release -- 1.1 --effective 2027-03-01
// Publishes the content as it stands: archives every clause's text in content/versions/1.1.json,
// bumps content/policy/meta.yaml and opens a 修订记录 entry (src/policy/release.ts).
import { runnerImport } from 'vite';

const args = process.argv.slice(2);
const version = args.find((a) => !a.startsWith('--'));
const at = args.indexOf('--effective');
const effective = at >= 0 ? args[at + 1] : undefined;
if (!version || !effective) {
  console.error('用法：npm run release -- <版本号> --effective <生效日期>，例如 npm run release -- 1.1 --effective 2027-03-01');
  process.exit(2);
}
try {
  // Vite runs the TypeScript module (the same code the build uses to read the clauses).
  const { module } = await runnerImport('./src/policy/release.ts', { configFile: false });
  const result = module.release(version, effective);
  console.log(`已发布 ${version}（生效日期 ${effective}）：${result.summary}`);
  for (const f of result.files) console.log(`  写入 ${f}`);
  console.log('请在 content/docs/changelog.mdx 中把“（请填写修订说明）”改成修订说明，然后提交这三个文件。');
} catch (e) {
  console.error(`发布失败：${e instanceof Error ? e.message : e}`);
  process.exit(1);
}
