// 加入日历 (入职清单) and 每月提醒 (绩效自评): a button that writes an .ics file for the reader's own
// calendar and downloads it. Reminders without a server: the calendar app rings, not us. The writer
// (src/core/ics.ts, on ical-generator) is imported on the click, so the page never loads it before.
import { useState } from 'preact/hooks';
import type { CalendarFile } from '../../../core/calendar-events';
import { fill } from '../../../core/template';
import { downloadText } from './dom';

/** What the button writes, made at click time (the page's origin, today): a file, or why not. */
export type CalendarBuild =
  | { readonly ok: true; readonly fileName: string; readonly file: CalendarFile }
  | { readonly ok: false; readonly error: string };

export interface CalendarDownloadProps {
  /** Id of the section's heading. */
  id: string;
  heading: string;
  button: string;
  hint: string;
  build: () => CalendarBuild;
  words: {
    /** Said once the file is downloaded; `{file}` is its name. */
    downloaded: string;
    /** The writer could not be loaded (offline without the service worker's copy). */
    failed: string;
  };
}

export function CalendarDownload(props: CalendarDownloadProps) {
  const [said, setSaid] = useState<{ readonly ok: boolean; readonly text: string } | null>(null);
  const hintId = `${props.id}-hint`;

  const download = async () => {
    const made = props.build();
    if (!made.ok) return setSaid({ ok: false, text: made.error });
    let writer: typeof import('../../../core/ics');
    try {
      writer = await import('../../../core/ics');
    } catch {
      return setSaid({ ok: false, text: props.words.failed });
    }
    downloadText(made.fileName, writer.icsText(made.file, new Date()), 'text/calendar;charset=utf-8');
    setSaid({ ok: true, text: fill(props.words.downloaded, { file: made.fileName }) });
  };

  return (
    <section class="tool-calendar no-print" aria-labelledby={props.id}>
      <h2 id={props.id}>{props.heading}</h2>
      <p class="tool-hint" id={hintId}>
        {props.hint}
      </p>
      <div>
        <button type="button" class="tool-button" aria-describedby={hintId} onClick={() => void download()}>
          {props.button}
        </button>
      </div>
      <p class="tool-export-status" role="status">
        {said?.ok ? said.text : ''}
      </p>
      {said && !said.ok && (
        <p class="tool-error" role="alert">
          {said.text}
        </p>
      )}
    </section>
  );
}
