// Our search component overrides Starlight's Search.astro and keeps only our changes (the markup in
// src/components/starlight/Search.astro, the script in src/search/site-search.ts, the styles in
// src/styles/search.css). It was made from the upstream file recorded in test/fixtures/starlight/;
// when a Starlight upgrade changes that file, this test says what changed, so the fork is re-checked
// instead of silently missing upstream fixes.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { createTwoFilesPatch } from 'diff';
import { describe, expect, it } from 'vitest';

interface Recorded {
  /** The package and its file as Starlight names the default component. */
  package: string;
  file: string;
  /** The version the recorded copy was read from, and the copy's SHA-256. */
  version: string;
  sha256: string;
}

const FIXTURES = 'test/fixtures/starlight';
const recorded = JSON.parse(readFileSync(join(FIXTURES, 'search-upstream.json'), 'utf8')) as Recorded;
const recordedCopy = readFileSync(join(FIXTURES, 'Search.astro.txt'), 'utf8');

const installedPath = createRequire(import.meta.url).resolve(`${recorded.package}/${recorded.file}`);
const installed = readFileSync(installedPath, 'utf8');

/** The version in the nearest package.json above the installed file. */
function installedVersion(): string {
  for (let dir = dirname(installedPath); dir !== dirname(dir); dir = dirname(dir)) {
    const file = join(dir, 'package.json');
    if (!existsSync(file)) continue;
    const pkg = JSON.parse(readFileSync(file, 'utf8')) as { name?: string; version?: string };
    if (pkg.name === recorded.package) return pkg.version ?? '?';
  }
  return '?';
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

function upstreamChanged(): string {
  const version = installedVersion();
  const where = relative(process.cwd(), installedPath);
  const diff = createTwoFilesPatch(
    `Search.astro (${recorded.version}, recorded)`,
    `Search.astro (${version}, installed)`,
    recordedCopy,
    installed,
    undefined,
    undefined,
    { context: 2 },
  );
  return [
    `Starlight's Search changed upstream: ${where} (${recorded.package} ${version}) is not the file our`,
    `override was made from (${recorded.version}, recorded in ${FIXTURES}/Search.astro.txt).`,
    'Lines that differ (- recorded, + installed):',
    diff,
    'Re-check our override against the new file and carry over what still applies:',
    '  src/components/starlight/Search.astro (markup), src/search/site-search.ts (script),',
    '  src/styles/search.css (styles).',
    'Then record the new upstream file:',
    `  cp ${where} ${FIXTURES}/Search.astro.txt`,
    `  and set "version" (${version}) and "sha256" (sha256sum of the copy) in ${FIXTURES}/search-upstream.json.`,
  ].join('\n');
}

describe("Starlight's Search.astro, which our override was made from", () => {
  it('the recorded copy is the one its SHA-256 names (not reformatted or edited by hand)', () => {
    expect(
      sha256(recordedCopy),
      `${FIXTURES}/Search.astro.txt is not the file search-upstream.json records: copy it again from ${recorded.package} ${recorded.version}, unchanged`,
    ).toBe(recorded.sha256);
  });

  it('is unchanged in the installed Starlight', () => {
    expect(installed === recordedCopy, installed === recordedCopy ? '' : upstreamChanged()).toBe(true);
  });
});
