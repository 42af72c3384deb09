// What a receiver is sent, brought in the same way in every tool: links or JSON pasted (one link a
// line), or files chosen or dropped (many at once). The tool reads them and reports what happened.
import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';

export interface ReceiveBoxLabels {
  readonly links: string;
  readonly linksHint?: string;
  readonly load: string;
  readonly files: string;
  readonly filesHint?: string;
}

export function ReceiveBox(props: {
  /** Prefix of the element ids (`<id>-links`, `<id>-files`). */
  id: string;
  labels: ReceiveBoxLabels;
  disabled: boolean;
  /** Many files at once (default), or one (a single reply). */
  multiple?: boolean;
  /** Reads the pasted text; true when all of it was taken, so the box empties. */
  onLinks: (text: string) => Promise<boolean>;
  onFiles: (files: readonly File[]) => Promise<unknown>;
}) {
  const { id, labels } = props;
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const [over, setOver] = useState(false);

  const run = async <R,>(work: () => Promise<R>): Promise<R> => {
    setBusy(true);
    try {
      return await work();
    } finally {
      setBusy(false);
    }
  };
  const files = (list: FileList | null | undefined) => {
    const chosen = list ? [...list] : [];
    if (chosen.length > 0) void run(() => props.onFiles(chosen));
  };

  return (
    <>
      <div class="tool-field tool-receive-links">
        <label for={`${id}-links`}>{labels.links}</label>
        <textarea
          id={`${id}-links`}
          rows={4}
          value={text}
          readOnly={props.disabled}
          aria-describedby={labels.linksHint ? `${id}-links-hint` : undefined}
          onInput={(e) => setText((e.currentTarget as HTMLTextAreaElement).value)}
        />
        {labels.linksHint && (
          <span class="tool-hint" id={`${id}-links-hint`}>
            {labels.linksHint}
          </span>
        )}
      </div>
      <div>
        <button
          type="button"
          class="tool-button tool-button--primary"
          disabled={props.disabled || busy}
          onClick={async () => {
            if (await run(() => props.onLinks(text))) setText('');
          }}
        >
          {labels.load}
        </button>
      </div>
      <div
        class={`tool-drop${over ? ' tool-drop--over' : ''}`}
        onDragOver={(e) => {
          e.preventDefault();
          setOver(true);
        }}
        onDragLeave={() => setOver(false)}
        onDrop={(e) => {
          e.preventDefault();
          setOver(false);
          if (!props.disabled && !busy) files(e.dataTransfer?.files);
        }}
      >
        <label for={`${id}-files`}>{labels.files}</label>
        <input
          id={`${id}-files`}
          type="file"
          multiple={props.multiple ?? true}
          accept="application/json,.json"
          disabled={props.disabled || busy}
          onChange={(e) => {
            const input = e.currentTarget as HTMLInputElement;
            files(input.files);
            input.value = '';
          }}
        />
        {labels.filesHint && <span class="tool-hint">{labels.filesHint}</span>}
      </div>
    </>
  );
}

/** 收到回复？: one reply pasted (link or JSON) or its file chosen or dropped, behind a disclosure. */
export function ReplyPicker(props: {
  id: string;
  class?: string;
  labels: { readonly open: string; readonly paste: string; readonly read: string; readonly file: string };
  /** Locked until the tool has opened its entry (a reply pasted before would be lost). */
  disabled: boolean;
  onRead: (text: string) => void;
}) {
  const { labels } = props;
  return (
    <details class={`tool-reply-open no-print${props.class ? ` ${props.class}` : ''}`}>
      <summary>{labels.open}</summary>
      <div class="tool-reply-body">
        <ReceiveBox
          id={props.id}
          multiple={false}
          disabled={props.disabled}
          labels={{ links: labels.paste, load: labels.read, files: labels.file }}
          onLinks={async (text) => {
            if (text.trim() !== '') props.onRead(text.trim());
            return false;
          }}
          onFiles={async (files) => {
            if (files[0]) props.onRead(await files[0].text());
          }}
        />
      </div>
    </details>
  );
}

/** Says on the page what a fingerprint can and cannot show, and that the signed paper is the record. */
export function TrustNote(props: {
  id: string;
  heading: string;
  text: string;
  class?: string;
  children?: ComponentChildren;
}) {
  return (
    <aside class={`tool-trust${props.class ? ` ${props.class}` : ''}`} aria-labelledby={props.id}>
      <h2 id={props.id}>{props.heading}</h2>
      <p>{props.text}</p>
      {props.children}
    </aside>
  );
}
