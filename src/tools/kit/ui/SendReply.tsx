// Sending a reply back (签收, 上级评定): as a link to copy, or as a JSON file; the link stays shown
// to select by hand when copying is refused. The tool makes the reply (its code loads on first use);
// this encodes, copies, downloads and says what happened, alike in every tool.
import { useEffect, useState } from 'preact/hooks';
import { fileNamePart } from '../../../core/format';
import type { Reply } from '../../../core/reply';
import type { OverLimitNote } from '../logic/runtime';
import { copyText, downloadText } from './dom';
import { OverLimitWarning, overLimitText } from './OverLimitWarning';
import { ShowQrButton, type LinkMade } from './QrCode';

export interface SendReplyLabels {
  readonly copy: string;
  readonly download: string;
  readonly link: string;
  readonly copied: string;
  readonly notCopied: string;
  readonly downloaded: string;
  /** Said when the content changed after a link was made. */
  readonly stale: string;
}

export interface MadeReply {
  readonly reply: Reply<unknown>;
  /** The page the link opens (with the base), e.g. /tools/signoffs/. */
  readonly href: string;
  /** The JSON file's name without .json. */
  readonly fileBase: string;
}

/** A reply's link (its page with the reply in the fragment), or why there is none. */
export async function replyLinkOf(made: Pick<MadeReply, 'reply' | 'href'>): Promise<LinkMade> {
  const { encodeReplyLink } = await import('../../../core/reply');
  const encoded = await encodeReplyLink(made.reply);
  if (!encoded.ok) return { ok: false, reason: encoded.error };
  const url = new URL(made.href, location.href);
  url.hash = encoded.fragment;
  return { ok: true, link: url.href };
}

export function SendReply(props: {
  /** Id of the link box. */
  id: string;
  labels: SendReplyLabels;
  disabled?: boolean;
  /** The reply, or null when it cannot be made yet (the tool shows why). */
  make: () => Promise<MadeReply | null>;
  /** What the reply answers: a change hides a link made before it. */
  content: unknown;
  rows?: number;
  /** Fields of what the reply carries that are over their limit: named above the buttons. */
  overLimit?: readonly OverLimitNote[];
}) {
  const { labels } = props;
  const [link, setLink] = useState<string | null>(null);
  const [status, setStatus] = useState('');
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (link) setStatus(labels.stale);
    setLink(null);
  }, [props.content]);

  /** The reply's link (as 复制 gives it), or why there is none; null when it cannot be made yet. */
  const replyLink = async (): Promise<LinkMade | null> => {
    const made = await props.make();
    return made && replyLinkOf(made);
  };
  const copy = async () => {
    const made = await replyLink();
    if (!made) return void (setLink(null), setStatus(''));
    if (!made.ok) return void setError(made.reason);
    setError(null);
    setLink(made.link);
    setStatus((await copyText(made.link)) ? labels.copied : labels.notCopied);
  };
  const download = async () => {
    const made = await props.make();
    if (!made) return void (setLink(null), setStatus(''));
    const { replyToJson } = await import('../../../core/reply');
    downloadText(
      `${fileNamePart(made.fileBase, 80)}.json`,
      replyToJson(made.reply),
      'application/json;charset=utf-8',
    );
    setError(null);
    setStatus(labels.downloaded);
  };

  const overText = overLimitText(props.overLimit ?? []);
  return (
    <>
      <OverLimitWarning id={`${props.id}-over`} text={overText} />
      <div class="tool-export-buttons" aria-describedby={overText ? `${props.id}-over` : undefined}>
        <button
          type="button"
          class="tool-button tool-button--primary"
          disabled={props.disabled}
          onClick={() => void copy()}
        >
          {labels.copy}
        </button>
        <button type="button" class="tool-button" disabled={props.disabled} onClick={() => void download()}>
          {labels.download}
        </button>
        <ShowQrButton link={replyLink} disabled={props.disabled} />
      </div>
      <p class="tool-export-status" role="status">
        {status}
      </p>
      {error && (
        <p class="tool-error" role="alert">
          {error}
        </p>
      )}
      {link && (
        <div class="tool-field">
          <label for={props.id}>{labels.link}</label>
          <textarea
            id={props.id}
            rows={props.rows ?? 2}
            readOnly
            value={link}
            onFocus={(e) => (e.currentTarget as HTMLTextAreaElement).select()}
          />
        </div>
      )}
    </>
  );
}
