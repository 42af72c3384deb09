// The line beside a tool that says where its work is: saved (at what time), not yet, or not at all.
import { formatClock } from '../../../core/format';

export function savedNote(
  saved: { readonly persistent: boolean; readonly savedAt: string | null },
  words: { readonly at: (time: string) => string; readonly not: string; readonly unavailable: string },
): string {
  if (!saved.persistent) return words.unavailable;
  return saved.savedAt ? words.at(formatClock(saved.savedAt)) : words.not;
}
