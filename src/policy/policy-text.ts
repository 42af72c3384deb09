// Build-time reader of the policy's own words, which the search's synonym table may point to: every
// clause's text and title, without what the handbook added (editor's notes, titles it wrote for
// items that have none).
import { readPolicyOutline } from './outline';
import { currentClauses } from './versions';

/** An editor's note block (:::caution[编者注…] … :::): the handbook's words, not the policy's. */
const NOTE_BLOCK_RE = /^:::[^\n]*\n[\s\S]*?^:::\s*$/gm;

/** The policy text of the chapter pages, one clause after another. */
export function policyWordsText(root?: string): string {
  const editorial = new Set(readPolicyOutline(root).filter((c) => c.editorialTitle).map((c) => c.id));
  return currentClauses(root)
    .map((c) => `${editorial.has(c.id) ? '' : c.title}\n${c.text.replace(NOTE_BLOCK_RE, '')}`)
    .join('\n');
}
