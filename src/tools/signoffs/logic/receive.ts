/**
 * Receiving 签收: pasted links (one a line) or reply files, each read, checked and filed into the list,
 * each accounted for (added, updated, unchanged, older, or refused with its reason). Loads when the
 * first 签收 comes, not with the list.
 */
import type { ForeignLink } from '../../../core/link-owner';
import { readReply } from '../../../core/reply';
import { fill } from '../../../core/template';
import { signoffReplyFormat } from '../../onboarding/logic/signoff';
import type { SignoffLabels } from './labels';
import { MAX_SIGNOFFS, addSignoff, type AddOutcome, type SignoffList } from './state';

type Strings = SignoffLabels;

export interface ReceivedItem {
  /** Where it came from, for the message: a file name or 第 3 行. */
  readonly source: string;
  readonly text: string;
}

export type SignoffReceipt =
  | {
      readonly source: string;
      readonly ok: true;
      readonly name: string;
      readonly outcome: Exclude<AddOutcome, 'full'>;
      readonly message: string;
    }
  | {
      readonly source: string;
      readonly ok: false;
      readonly error: string;
      /** A link of another tool or kind: where it opens. */
      readonly foreign?: ForeignLink;
    };

/** Pasted text → one item per non-empty line (a pasted JSON reply is one item). */
export function pastedItems(pasted: string, t: Strings): ReceivedItem[] {
  const trimmed = pasted.replace(/^\uFEFF/, '').trim();
  if (trimmed === '') return [];
  if (trimmed.startsWith('{')) return [{ source: fill(t['signoff.source.line'], { n: 1 }), text: trimmed }];
  return pasted
    .split(/\r\n?|\n/)
    .map((line, i) => ({ source: fill(t['signoff.source.line'], { n: i + 1 }), text: line.trim() }))
    .filter((item) => item.text !== '');
}

/**
 * Received links or files → the list with each good 签收 added, and one result per item: added /
 * updated / unchanged, or the Chinese reason it was refused (bad link, other tool, not a 签收…).
 */
export async function receiveSignoffs(
  list: SignoffList,
  items: readonly ReceivedItem[],
  t: Strings,
): Promise<{ readonly list: SignoffList; readonly results: readonly SignoffReceipt[] }> {
  let current = list;
  const results: SignoffReceipt[] = [];
  for (const item of items) {
    if (item.text.trim() === '') {
      results.push({ source: item.source, ok: false, error: t['signoff.error.emptyLine'] });
      continue;
    }
    const read = await readReply(item.text, signoffReplyFormat);
    if (!read.ok) {
      const { error, foreign } = read;
      results.push({ source: item.source, ok: false, error, ...(foreign ? { foreign } : {}) });
      continue;
    }
    const added = addSignoff(current, read.reply);
    const name = read.reply.payload.name;
    if (added.outcome === 'full') {
      results.push({
        source: item.source,
        ok: false,
        error: fill(t['signoff.error.full'], { name, max: MAX_SIGNOFFS }),
      });
      continue;
    }
    current = added.list;
    results.push({
      source: item.source,
      ok: true,
      name,
      outcome: added.outcome,
      message: fill(t[`signoff.outcome.${added.outcome}`], { name }),
    });
  }
  return { list: current, results };
}
