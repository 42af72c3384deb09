// A policy ten times today's size, for `npm run bench`: copies the project into .tmp/scale-site
// and gives every chapter nine more copies of its numbered sections (（五）→（十五）…（五十）), each
// copy's text made of other characters so the search index holds distinct words. Never committed.
import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chineseNumeral, fromChineseNumeral } from '../src/core/chinese-numeral.ts';

const SECTION_RE = /^## （([一二三四五六七八九十]{1,3})）(.*)$/;

// Each copy's text gets other characters (every CJK character shifted along the CJK block), so the
// search index holds ten times the distinct words, not ten copies that compress to nothing.
const CJK_FIRST = 0x4e00;
const CJK_SIZE = 0x9fa5 - 0x4e00 + 1;
const shiftText = (line, k) =>
  line.replace(/[\u4e00-\u9fa5]/g, (ch) =>
    String.fromCodePoint(CJK_FIRST + ((ch.codePointAt(0) - CJK_FIRST + k * 1013) % CJK_SIZE)),
  );

/** Chapter source with `copies` extra copies of its clause sections, renumbered after the originals. */
export function multiplyChapter(source, copies) {
  const lines = source.split('\n');
  const first = lines.findIndex((l) => SECTION_RE.test(l));
  if (first < 0) return source;
  // The clauses run until the first import, tag block or non-clause heading after them.
  let end = lines.findIndex((l, i) => i > first && (/^import\s/.test(l) || /^<div/.test(l) || (/^## /.test(l) && !SECTION_RE.test(l))));
  if (end < 0) end = lines.length;
  const block = lines.slice(first, end);
  const sections = block.filter((l) => SECTION_RE.test(l)).length;
  const extra = [];
  for (let k = 1; k <= copies; k++) {
    for (const line of block) {
      const m = SECTION_RE.exec(line);
      if (m) extra.push(`## （${chineseNumeral(sections * k + fromChineseNumeral(m[1]))}）${m[2]}（第${k + 1}份）`);
      else if (line.trim() && !line.startsWith('#') && !line.startsWith(':::')) extra.push(shiftText(line, k));
      else extra.push(line);
    }
  }
  return [...lines.slice(0, end), '', ...extra, '', ...lines.slice(end)].join('\n');
}

/** Makes the scaled project; returns its path. */
export function makeScaleSite(project = process.cwd(), factor = 10) {
  const site = resolve(project, '.tmp/scale-site');
  rmSync(site, { recursive: true, force: true });
  mkdirSync(site, { recursive: true });
  for (const entry of ['astro.config.mjs', 'content.config.ts', 'tsconfig.json', 'package.json', 'src', 'content', 'public']) {
    cpSync(join(project, entry), join(site, entry), { recursive: true });
  }
  const docs = join(site, 'content/docs');
  for (const name of readdirSync(docs).filter((n) => n.endsWith('.mdx'))) {
    const source = readFileSync(join(docs, name), 'utf8');
    if (/^chapter:\s*\d+/m.test(source)) writeFileSync(join(docs, name), multiplyChapter(source, factor - 1));
  }
  return site;
}
