// The 制度签收单 carries a fingerprint of the policy text computed at build: a revision of the text
// must change it, and nothing else should.
import { describe, expect, test } from 'vitest';
import {
  FINGERPRINT_LENGTH,
  buildPolicyFingerprint,
  normalizePolicyText,
  policyFingerprint,
  readChapterTexts,
  type ChapterText,
} from '../../../src/policy/fingerprint';
import { CHAPTERS } from '../../../src/core/chapters';

const shipped = readChapterTexts();
const base = policyFingerprint(shipped);

/** The shipped chapters with one chapter's source edited. */
function edited(slug: string, edit: (source: string) => string): ChapterText[] {
  return shipped.map((c) => (c.slug === slug ? { ...c, source: edit(c.source) } : c));
}

describe('policyFingerprint', () => {
  test('reads the six chapter pages in policy order', () => {
    expect(shipped.map((c) => c.slug)).toEqual(CHAPTERS.map((c) => c.slug));
    expect(shipped.every((c) => c.source.includes('## （一）'))).toBe(true);
  });

  test(`is ${FINGERPRINT_LENGTH} hex characters, and the build reads the same`, () => {
    expect(base).toMatch(new RegExp(`^[0-9a-f]{${FINGERPRINT_LENGTH}}$`));
    expect(buildPolicyFingerprint()).toBe(base);
  });

  test.each([
    ['a changed word', 'general', (s: string) => s.replace('合法合规', '依法合规')],
    ['a removed sentence', 'finance', (s: string) => s.replace('确保费用支出合理合规。', '')],
    ['a changed clause heading', 'workflows', (s: string) => s.replace('客户投诉处理', '客户投诉受理')],
    ['a changed chapter title', 'training', (s: string) => s.replace(/^title: .*$/m, 'title: 第五章 培训')],
    ['an added paragraph', 'organization', (s: string) => `${s}\n\n新增一段条文。\n`],
  ])('changes with %s', (_label, slug, edit) => {
    const changed = edited(slug, edit);
    expect(changed.find((c) => c.slug === slug)?.source).not.toBe(
      shipped.find((c) => c.slug === slug)?.source,
    );
    expect(policyFingerprint(changed)).not.toBe(base);
  });

  test('changes when text moves from one chapter to the next', () => {
    const a = [
      { slug: 'general', source: '甲。\n\n乙。' },
      { slug: 'organization', source: '丙。' },
    ];
    const b = [
      { slug: 'general', source: '甲。' },
      { slug: 'organization', source: '乙。\n\n丙。' },
    ];
    expect(policyFingerprint(a)).not.toBe(policyFingerprint(b));
  });

  test.each([
    ['Windows line endings', 'general', (s: string) => s.replace(/\n/g, '\r\n')],
    ['extra blank lines and trailing spaces', 'general', (s: string) => s.replace(/\n\n/g, '\n  \n\n')],
    [
      'a component added at the end (the 本章已读 control)',
      'workflows',
      (s: string) =>
        `${s}\nimport X from '../x.astro';\n\n<div class="x" data-pagefind-ignore>\n<X slug="workflows" />\n</div>\n`,
    ],
    [
      'a changed description in the frontmatter',
      'finance',
      (s: string) => s.replace(/^description: .*$/m, 'description: 另一句'),
    ],
    ['a byte order mark', 'training', (s: string) => `\uFEFF${s}`],
  ])('does not change with %s', (_label, slug, edit) => {
    expect(policyFingerprint(edited(slug, edit))).toBe(base);
  });
});

describe('normalizePolicyText', () => {
  test('keeps the title and the words, drops frontmatter, imports and tag-only lines', () => {
    const source = [
      '---',
      'title: "第一章 总则"',
      'description: 一句话',
      '---',
      "import A from './a.astro';",
      '',
      '## （一）目的',
      '',
      '',
      '为规范……   ',
      '<A level={3} />',
      '</div>',
    ].join('\n');
    expect(normalizePolicyText(source)).toBe('第一章 总则\n\n## （一）目的\n\n为规范……');
  });

  test('a page without frontmatter is its body', () => {
    expect(normalizePolicyText('正文。\n')).toBe('正文。');
  });

  test('Unicode forms are unified (NFC)', () => {
    expect(normalizePolicyText('e\u0301')).toBe(normalizePolicyText('\u00e9'));
  });
});
