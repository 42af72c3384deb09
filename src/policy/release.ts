// `npm run release -- 1.1 --effective 2027-03-01 [--minor]`: publishes the content as it stands as a
// new version. Archives every clause's text and the release's weight (content/versions/1.1.json),
// bumps content/policy/meta.yaml (version, effective date, next review date) and opens a 修订记录
// entry in content/docs/changelog.mdx for the editor to fill in. `--minor` is an editorial release
// (编辑性修订: typography, typos): readers who signed the version before are not asked to sign again.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { compareVersionNumbers, compareVersions, type RevisionWeight, type VersionArchive } from '../core/revision';
import { nextReviewDate } from '../core/review-date';
import { currentClauses, readArchives, VERSIONS_DIR } from './versions';

const META = 'content/policy/meta.yaml';
const CHANGELOG = 'content/docs/changelog.mdx';

/** 2027-03-01 → 2027 年 3 月 1 日, as the changelog headings write it. */
function chineseDate(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  return `${y} 年 ${m} 月 ${d} 日`;
}

function isRealDate(iso: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(iso)) return false;
  const d = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === iso;
}

/** The archive file's text: one clause per entry, so a revision shows as a readable git diff. */
export function archiveJson(archive: VersionArchive): string {
  const clauses = archive.clauses.map((c) => `    ${JSON.stringify(c)}`).join(',\n');
  return (
    `{\n  "version": ${JSON.stringify(archive.version)},\n` +
    `  "effectiveDate": ${JSON.stringify(archive.effectiveDate)},\n` +
    (archive.weight ? `  "weight": ${JSON.stringify(archive.weight)},\n` : '') +
    `  "clauses": [\n${clauses}\n  ]\n}\n`
  );
}

/** The changelog entry the release opens: heading, a line to fill in, the generated diffs. */
export function changelogEntry(
  version: string,
  effective: string,
  summary: string,
  weight: RevisionWeight = 'substantive',
): string {
  const kind = weight === 'editorial' ? ' 编辑性修订' : '';
  return (
    `## ${version}${kind}（生效日期 ${chineseDate(effective)}）\n\n` +
    `- ${summary}\n\n` +
    `<VersionChanges version="${version}" />\n`
  );
}

export interface ReleaseResult {
  readonly files: string[];
  readonly summary: string;
  readonly weight: RevisionWeight;
  /** The next review date now in meta.yaml, YYYY-MM-DD. */
  readonly reviewDate: string;
}

export interface ReleaseOptions {
  /** `--minor`: an editorial release (编辑性修订), nobody is asked to sign again. */
  readonly minor?: boolean;
}

/** Publishes the content as `version`; throws (in Chinese) on a bad version, date or meta.yaml. */
export function release(
  version: string,
  effective: string,
  root: string = process.cwd(),
  options: ReleaseOptions = {},
): ReleaseResult {
  const weight: RevisionWeight = options.minor ? 'editorial' : 'substantive';
  if (!/^\d+(\.\d+)*$/.test(version)) throw new Error(`版本号应形如 1.1 或 1.2.1，现在是「${version}」`);
  if (!isRealDate(effective)) throw new Error(`生效日期应为 YYYY-MM-DD，如 --effective 2027-03-01，现在是「${effective}」`);
  const archives = readArchives(root);
  const latest = archives.at(-1);
  if (latest && compareVersionNumbers(version, latest.version) <= 0) {
    throw new Error(`已发布到 ${latest.version}，新版本号应大于它`);
  }
  if (latest && effective < latest.effectiveDate) {
    throw new Error(`生效日期 ${effective} 早于上一版 ${latest.version} 的 ${latest.effectiveDate}`);
  }
  const archive: VersionArchive = { version, effectiveDate: effective, weight, clauses: currentClauses(root) };
  const changes = latest ? compareVersions(latest, archive) : [];
  if (latest && changes.length === 0) throw new Error(`正文与 ${latest.version} 相比没有任何条款变化，无需发布新版本`);
  if (weight === 'editorial') {
    if (!latest) throw new Error('首次存档不能是编辑性修订：请去掉 --minor');
    // A clause added or removed is never typography: its readers must read (and sign) it.
    const structural = changes.filter((c) => c.kind === 'added' || c.kind === 'removed');
    if (structural.length > 0) {
      const list = structural.map((c) => `${c.kind === 'added' ? '新增' : '删除'} ${c.id}`).join('、');
      throw new Error(`编辑性修订（--minor）只能改动已有条款的文字（排版、错别字）；本次${list}，请去掉 --minor 按实质修订发布`);
    }
  }

  // meta.yaml is checked before anything is written, so a refused release leaves no file half-done.
  const metaPath = join(root, META);
  const meta = readFileSync(metaPath, 'utf8');
  const parsed = parseYaml(meta) as Record<string, unknown>;
  if (!('version' in parsed) || !('effectiveDate' in parsed)) throw new Error(`${META} 缺少 version 或 effectiveDate`);
  const interval = parsed['reviewIntervalMonths'];
  const reviewDate = typeof interval === 'number' ? nextReviewDate(effective, interval) : null;
  if (reviewDate === null) {
    throw new Error(`${META} 的复审周期（reviewIntervalMonths）应为大于 0 的整数月数，如 12，现在是「${String(interval ?? '空缺')}」`);
  }
  if (!/^reviewDate:/m.test(meta)) throw new Error(`${META} 缺少复审日期（reviewDate）一行，如 reviewDate: 2027-01-01`);

  mkdirSync(join(root, VERSIONS_DIR), { recursive: true });
  const archiveFile = `${VERSIONS_DIR}/${version}.json`;
  writeFileSync(join(root, archiveFile), archiveJson(archive));

  // meta.yaml: replace the three values in place, so its comments stay.
  writeFileSync(
    metaPath,
    meta
      .replace(/^version:.*$/m, `version: "${version}"`)
      .replace(/^effectiveDate:.*$/m, `effectiveDate: ${effective}`)
      .replace(/^reviewDate:.*$/m, `reviewDate: ${reviewDate}`),
  );

  const count = (kind: string) => changes.filter((c) => c.kind === kind).length;
  const kind = weight === 'editorial' ? '编辑性修订，' : '';
  const summary = latest
    ? `（请填写修订说明）${kind}与 ${latest.version} 相比：新增 ${count('added')} 条，修改 ${count('changed')} 条，删除 ${count('removed')} 条，改号 ${count('renumbered')} 条。`
    : `（请填写修订说明）首次存档，共 ${archive.clauses.length} 条。`;
  const changelogPath = join(root, CHANGELOG);
  let changelog = readFileSync(changelogPath, 'utf8');
  const entry = changelogEntry(version, effective, summary, weight);
  const importLine = "import VersionChanges from '../../src/components/revisions/VersionChanges.astro';";
  if (!changelog.includes(importLine)) {
    changelog = changelog.replace(/^(---\n[\s\S]*?\n---\n)/, `$1\n${importLine}\n`);
  }
  // Newest first: the new entry goes before the first version heading.
  const first = changelog.search(/^## /m);
  changelog = first < 0 ? `${changelog.trimEnd()}\n\n${entry}` : `${changelog.slice(0, first)}${entry}\n${changelog.slice(first)}`;
  writeFileSync(changelogPath, changelog);
  return { files: [archiveFile, META, CHANGELOG], summary, weight, reviewDate };
}

/** Is content/versions/<meta version>.json the text of the content? (a published text stays put) */
export function publishedMatchesContent(version: string, root?: string): string[] {
  const archive = readArchives(root).find((a) => a.version === version);
  if (!archive) return [`${VERSIONS_DIR}/${version}.json 不存在`];
  return compareVersions(archive, { version: 'content', effectiveDate: archive.effectiveDate, clauses: currentClauses(root) }).map(
    (c) => `${c.kind} ${c.id}`,
  );
}

