import { describe, expect, it } from 'vitest';
import {
  clauseTextsFromMarkdown,
  compareVersionNumbers,
  compareVersions,
  substantiveChangesSince,
  type ArchivedClause,
  type VersionArchive,
} from '../../../src/core/revision';
import { readArchives, currentClauses, clauseMarks, retiredClauses } from '../../../src/policy/versions';
import { archiveJson, changelogEntry, publishedMatchesContent } from '../../../src/policy/release';
import { readPolicyOutline } from '../../../src/policy/outline';
import { readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';

const c = (id: string, title: string, text: string): ArchivedClause => ({ id, page: 'finance', title, text });
const v = (version: string, clauses: ArchivedClause[], weight?: 'substantive' | 'editorial'): VersionArchive => ({
  version,
  effectiveDate: '2026-01-01',
  ...(weight ? { weight } : {}),
  clauses,
});

describe('compareVersions', () => {
  const before = v('1.0', [
    c('c6-1', '财务管理制度', ''),
    c('c6-1-1', '遵守', '规范财务行为。'),
    c('c6-1-2', '预算编制', '科学合理。'),
    c('c6-1-3', '财务分析', '每月编制报表。'),
  ]);

  it.each<[string, ArchivedClause[], string[]]>([
    // nothing changed
    ['same text', before.clauses as ArchivedClause[], []],
    // a word added in one clause
    [
      'changed',
      [before.clauses[0]!, c('c6-1-1', '遵守', '规范财务行为和报销。'), before.clauses[2]!, before.clauses[3]!],
      ['changed c6-1-1'],
    ],
    // a new last item
    ['added', [...before.clauses, c('c6-1-4', '报销', '按月报销。')], ['added c6-1-4']],
    // an item dropped, leaving a gap
    ['removed', before.clauses.slice(0, 3), ['removed c6-1-3']],
    // a new item 2 pushes 2 → 3 and 3 → 4
    [
      'inserted in the middle',
      [before.clauses[0]!, before.clauses[1]!, c('c6-1-2', '报销', '按月报销。'), { ...before.clauses[2]!, id: 'c6-1-3' }, { ...before.clauses[3]!, id: 'c6-1-4' }],
      ['added c6-1-2', 'renumbered c6-1-2→c6-1-3', 'renumbered c6-1-3→c6-1-4'],
    ],
    // moved to a free number and reworded: matched by its title
    [
      'moved and reworded',
      [before.clauses[0]!, before.clauses[1]!, before.clauses[2]!, c('c6-1-5', '财务分析', '每季度编制报表。')],
      ['renumbered c6-1-3→c6-1-5'],
    ],
  ])('%s', (_name, clauses, expected) => {
    const changes = compareVersions(before, v('1.1', clauses));
    expect(changes.map((ch) => (ch.kind === 'renumbered' ? `renumbered ${ch.from}→${ch.id}` : `${ch.kind} ${ch.id}`))).toEqual(
      expected,
    );
  });

  it('gives a character-level diff of a changed clause', () => {
    const [change] = compareVersions(before, v('1.1', [before.clauses[0]!, c('c6-1-1', '遵守', '规范财务行为和报销。'), ...before.clauses.slice(2)]));
    expect(change?.kind).toBe('changed');
    const parts = change?.kind === 'changed' ? change.diff : [];
    expect(parts.filter((p) => p.added).map((p) => p.value)).toEqual(['和报销']);
    expect(parts.filter((p) => p.removed)).toEqual([]);
    expect(parts.map((p) => (p.removed ? '' : p.value)).join('')).toBe('遵守\n规范财务行为和报销。');
  });
});

describe('substantiveChangesSince', () => {
  // 1.0 → 1.0.1 editorial (a 顿号 in 六（一）1) → 1.1 substantive (六（一）2 reworded, 六（一）3 removed,
  // 六（一）4 added) → 1.1.1 editorial (a 顿号 in 六（一）4, the clause 1.1 added).
  const history = [
    v('1.0', [c('c6-1-1', '遵守', '财务制度和审批流程。'), c('c6-1-2', '预算', '科学合理。'), c('c6-1-3', '分析', '每月报表。')]),
    v('1.0.1', [c('c6-1-1', '遵守', '财务制度、审批流程。'), c('c6-1-2', '预算', '科学合理。'), c('c6-1-3', '分析', '每月报表。')], 'editorial'),
    v('1.1', [c('c6-1-1', '遵守', '财务制度、审批流程。'), c('c6-1-2', '预算', '科学、合理，不得超支。'), c('c6-1-4', '执行', '按预算和计划执行。')]),
    v('1.1.1', [c('c6-1-1', '遵守', '财务制度、审批流程。'), c('c6-1-2', '预算', '科学、合理，不得超支。'), c('c6-1-4', '执行', '按预算、计划执行。')], 'editorial'),
  ];
  const ids = (signed: string, upTo = history) =>
    substantiveChangesSince(upTo, signed)?.map((ch) => `${ch.kind} ${ch.id}`) ?? null;

  it.each<[string, string, VersionArchive[], string[] | null]>([
    // the site is at the signed version
    ['1.0 at 1.0', '1.0', history.slice(0, 1), []],
    // only an editorial release since: nothing to sign again
    ['1.0 at 1.0.1', '1.0', history.slice(0, 2), []],
    ['1.1 at 1.1.1', '1.1', history, []],
    // a substantive release since: its three changes, not the editorial 顿号 of 1.0.1 in 六（一）1
    ['1.0 at 1.1', '1.0', history.slice(0, 3), ['changed c6-1-2', 'added c6-1-4', 'removed c6-1-3']],
    ['1.0.1 at 1.1', '1.0.1', history.slice(0, 3), ['changed c6-1-2', 'added c6-1-4', 'removed c6-1-3']],
    // the clause 1.1 added and 1.1.1 touched up is still one substantive change, shown as it reads now
    ['1.0 at 1.1.1', '1.0', history, ['changed c6-1-2', 'added c6-1-4', 'removed c6-1-3']],
    // a version this site never published: unknown
    ['0.9 at 1.1.1', '0.9', history, null],
  ])('%s', (_name, signed, upTo, expected) => {
    expect(ids(signed, upTo)).toEqual(expected);
  });

  it('shows the whole diff since the signed text, editorial touches included, of a clause changed substantively', () => {
    const both = [
      history[0]!,
      history[1]!,
      v('1.1', [c('c6-1-1', '遵守', '财务制度、审批流程，按月报销。'), history[1]!.clauses[1]!, history[1]!.clauses[2]!]),
    ];
    const [change] = substantiveChangesSince(both, '1.0') ?? [];
    expect(change?.kind).toBe('changed');
    const inserted = change?.kind === 'changed' ? change.diff.filter((p) => p.added).map((p) => p.value) : [];
    expect(inserted).toEqual(['、', '，按月报销']);
  });

  it('an archive without a weight is substantive (1.0 was published before weights were recorded)', () => {
    const plain = [history[0]!, { ...history[2]!, weight: undefined }];
    expect(ids('1.0', plain)).toEqual(['changed c6-1-1', 'changed c6-1-2', 'added c6-1-4', 'removed c6-1-3']);
  });
});

describe('compareVersionNumbers', () => {
  it.each([
    ['1.0', '1.1', -1],
    ['1.9', '1.10', -1],
    ['2.0', '1.10', 1],
    ['1.0', '1.0.0', 0],
  ] as const)('%s vs %s', (a, b, sign) => {
    expect(Math.sign(compareVersionNumbers(a, b))).toBe(sign);
  });
});

describe('clauseTextsFromMarkdown', () => {
  it('gives each clause the text under its heading, without tags, imports or non-clause sections', () => {
    const md = [
      '---',
      'title: 第七章 附则',
      'chapter: 7',
      '---',
      '## （一）解释权',
      '',
      '本制度由市场部负责解释。',
      '',
      '### 1. 细则',
      '',
      '  细则另行制定。  ',
      '',
      '',
      '<ParamsNote files={["x"]} />',
      "import X from './x';",
      '第二段。',
      '## （十一）施行',
      '本制度自发布之日起施行。',
      '## 本章参数',
      '不是条文。',
    ].join('\n');
    expect(clauseTextsFromMarkdown(7, 'supplementary', md)).toEqual([
      { id: 'c7-1', page: 'supplementary', title: '解释权', text: '本制度由市场部负责解释。' },
      { id: 'c7-1-1', page: 'supplementary', title: '细则', text: '细则另行制定。\n\n第二段。' },
      { id: 'c7-11', page: 'supplementary', title: '施行', text: '本制度自发布之日起施行。' },
    ]);
  });
});

describe('the published versions (content/versions)', () => {
  it('1.0 is archived, and the content is still the text of the version meta.yaml names', () => {
    const archives = readArchives();
    const v10 = archives.find((a) => a.version === '1.0');
    // The first publication: every clause of the six chapters, the editorial note of 六（二）2 with it.
    expect(archives[0]).toBe(v10);
    expect(v10?.clauses).toHaveLength(62);
    expect(v10?.clauses.find((cl) => cl.id === 'c6-2-2')?.text).toContain('编者注：原文到此中断');
    // A published text does not change silently: edit, then `npm run release -- <new version>`.
    const meta = parseYaml(readFileSync('content/policy/meta.yaml', 'utf8')) as { version: string };
    expect(
      publishedMatchesContent(meta.version),
      '正文改了但没有发布新版本：运行 npm run release -- <新版本号> --effective <日期>',
    ).toEqual([]);
    expect(currentClauses().map((cl) => cl.id)).toEqual(readPolicyOutline().map((cl) => cl.id));
  });

  it('marks sit on clauses that exist; kept anchors are of clauses that do not', () => {
    const live = new Set(readPolicyOutline().map((cl) => cl.id));
    expect([...clauseMarks().keys()].filter((id) => !live.has(id))).toEqual([]);
    expect(retiredClauses().filter((r) => live.has(r.id))).toEqual([]);
  });

  it('writes one clause per line, so a revision reads as a line diff', () => {
    const json = archiveJson(v('1.1', [c('c6-1', '甲', ''), c('c6-1-1', '乙', '丙\n丁')]));
    expect(json.split('\n').filter((l) => l.includes('"id"'))).toHaveLength(2);
    expect(JSON.parse(json).clauses[1].text).toBe('丙\n丁');
  });

  it('opens a changelog entry with the generated diff', () => {
    expect(changelogEntry('1.1', '2027-03-01', '说明')).toBe(
      '## 1.1（生效日期 2027 年 3 月 1 日）\n\n- 说明\n\n<VersionChanges version="1.1" />\n',
    );
  });
});
