import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { release } from '../../../src/policy/release';
import { readArchives, revisionHistory } from '../../../src/policy/versions';

// `npm run release` on a copy of content/, with one clause reworded.
let root: string;
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'release-'));
  cpSync('content', join(root, 'content'), { recursive: true });
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

const file = (path: string) => readFileSync(join(root, path), 'utf8');
function reword() {
  const path = join(root, 'content/docs/general.mdx');
  writeFileSync(path, readFileSync(path, 'utf8').replace('本制度适用于培训机构市场部全体员工。', '本制度适用于培训机构市场部全体员工及实习生。'));
}

describe('release', () => {
  it('archives the clauses, bumps meta.yaml and opens a changelog entry', () => {
    reword();
    const result = release('1.1', '2027-03-01', root);
    expect(result.files).toEqual(['content/versions/1.1.json', 'content/policy/meta.yaml', 'content/docs/changelog.mdx']);
    expect(readArchives(root).map((a) => a.version)).toEqual(['1.0', '1.1']);
    const meta = file('content/policy/meta.yaml');
    expect(meta).toMatch(/^version: "1\.1"$/m);
    expect(meta).toMatch(/^effectiveDate: 2027-03-01$/m);
    expect(meta).toContain('# 制度版本信息'); // comments kept
    const changelog = file('content/docs/changelog.mdx');
    // Newest first, before the 1.0 entry, with the generated diff.
    expect(changelog.indexOf('## 1.1（生效日期 2027 年 3 月 1 日）')).toBeLessThan(changelog.indexOf('## 1.0'));
    expect(changelog).toContain('<VersionChanges version="1.1" />');
    expect(changelog).toContain('修改 1 条');
    const [, v11] = revisionHistory(root);
    expect(v11?.changes.map((c) => `${c.kind} ${c.id}`)).toEqual(['changed c1-2']);
  });

  it.each([
    // not a version number
    ['v1.1', '2027-03-01', '版本号应形如'],
    // not a calendar date
    ['1.1', '2027-02-30', '生效日期应为 YYYY-MM-DD'],
    // not after the published one
    ['1.0', '2027-03-01', '新版本号应大于它'],
    ['0.9', '2027-03-01', '新版本号应大于它'],
    // effective before the version it replaces
    ['1.1', '2025-12-31', '早于上一版'],
  ])('refuses %s --effective %s', (version, effective, message) => {
    reword();
    expect(() => release(version, effective, root)).toThrow(message);
    expect(readArchives(root).map((a) => a.version)).toEqual(['1.0']);
  });

  it('refuses to publish a version with no clause changed', () => {
    expect(() => release('1.1', '2027-03-01', root)).toThrow('没有任何条款变化');
    expect(file('content/policy/meta.yaml')).toMatch(/^version: "1\.0"$/m);
  });
});
