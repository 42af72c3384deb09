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
    // Substantive by default: recorded as such, readers sign again.
    expect(v11?.weight).toBe('substantive');
    expect(JSON.parse(file('content/versions/1.1.json')).weight).toBe('substantive');
    expect(result.weight).toBe('substantive');
  });

  it('moves the review date forward by the review interval from the effective date', () => {
    reword();
    const result = release('1.1', '2027-03-01', root);
    const meta = file('content/policy/meta.yaml');
    // reviewIntervalMonths: 12 in meta.yaml
    expect(meta).toMatch(/^reviewDate: 2028-03-01$/m);
    expect(meta).toMatch(/^reviewIntervalMonths: 12$/m);
    expect(result.reviewDate).toBe('2028-03-01');
    expect(meta).toContain('# 下次复审日期'); // its comment kept
  });

  it('uses the interval the file sets', () => {
    reword();
    const path = join(root, 'content/policy/meta.yaml');
    writeFileSync(path, readFileSync(path, 'utf8').replace(/^reviewIntervalMonths:.*$/m, 'reviewIntervalMonths: 6'));
    expect(release('1.1', '2027-03-31', root).reviewDate).toBe('2027-09-30');
    expect(file('content/policy/meta.yaml')).toMatch(/^reviewDate: 2027-09-30$/m);
  });

  it('--minor records an editorial release (编辑性修订): weight, changelog heading and line', () => {
    reword();
    const result = release('1.0.1', '2026-06-01', root, { minor: true });
    expect(result.weight).toBe('editorial');
    expect(JSON.parse(file('content/versions/1.0.1.json')).weight).toBe('editorial');
    expect(revisionHistory(root).map((r) => `${r.version} ${r.weight}`)).toEqual(['1.0 substantive', '1.0.1 editorial']);
    const changelog = file('content/docs/changelog.mdx');
    expect(changelog).toContain('## 1.0.1 编辑性修订（生效日期 2026 年 6 月 1 日）');
    expect(changelog).toContain('<VersionChanges version="1.0.1" />');
    expect(file('content/policy/meta.yaml')).toMatch(/^version: "1\.0\.1"$/m);
    // An editorial release is still a release: the review date moves with it.
    expect(file('content/policy/meta.yaml')).toMatch(/^reviewDate: 2027-06-01$/m);
  });

  it('--minor refuses a release that adds or removes a clause: that is never typography', () => {
    const path = join(root, 'content/docs/general.mdx');
    writeFileSync(path, readFileSync(path, 'utf8').replace('### 4. 创新原则', '### 4. 节约原则\n\n厉行节约。\n\n### 5. 创新原则'));
    expect(() => release('1.0.1', '2026-06-01', root, { minor: true })).toThrow(
      '编辑性修订（--minor）只能改动已有条款的文字',
    );
    expect(readArchives(root).map((a) => a.version)).toEqual(['1.0']);
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

  it('refuses a meta.yaml without a usable review interval, and writes nothing', () => {
    reword();
    const path = join(root, 'content/policy/meta.yaml');
    writeFileSync(path, readFileSync(path, 'utf8').replace(/^reviewIntervalMonths:.*$/m, 'reviewIntervalMonths: 0'));
    expect(() => release('1.1', '2027-03-01', root)).toThrow('复审周期（reviewIntervalMonths）');
    expect(readArchives(root).map((a) => a.version)).toEqual(['1.0']);
    expect(file('content/policy/meta.yaml')).toMatch(/^version: "1\.0"$/m);
  });

  it('refuses to publish a version with no clause changed', () => {
    expect(() => release('1.1', '2027-03-01', root)).toThrow('没有任何条款变化');
    expect(file('content/policy/meta.yaml')).toMatch(/^version: "1\.0"$/m);
  });
});
