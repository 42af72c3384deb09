// Nothing over a limit goes out unsaid: before print, copy, a link, a file or a reply, the fields
// over their limit are named (as the page labels them) above the buttons, which point to the note.
import { formatNumber } from '../../../core/format';
import { fill } from '../../../core/template';
import type { OverLimitNote } from '../logic/runtime';
import { KIT } from './strings';

/** The note's text, or '' when every field fits. */
export function overLimitText(notes: readonly OverLimitNote[]): string {
  if (notes.length === 0) return '';
  const n = (x: number) => formatNumber(x, 0);
  return fill(KIT.overLimitExport, {
    fields: notes
      .map((f) => fill(KIT.overLimitField, { field: f.label, over: n(f.count - f.limit), max: n(f.limit) }))
      .join('；'),
  });
}

/** The note itself; `id` is what the buttons' aria-describedby names. */
export function OverLimitWarning(props: { id: string; text: string }) {
  if (!props.text) return null;
  return (
    <p class="tool-export-over" id={props.id}>
      {props.text}
    </p>
  );
}
