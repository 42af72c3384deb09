// The reply to the employee (issue 11, 3): the 上级评定 as a link to 绩效自评 or as a JSON file,
// naming by fingerprint the 自评 it answers. The reply code loads on first use.
import { useEffect, useState } from 'preact/hooks';
import { copyText, downloadText } from '../../kit/ui/dom';
import type { RecordResult } from '../logic/derive';
import type { S, T } from './types';

export function Reply(props: { r: RecordResult; label: string; s: S; t: T; selfReviewHref: string }) {
  const { r, s, t } = props;
  const [status, setStatus] = useState('');
  const [link, setLink] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const load = () => import('../logic/reply');
  // A link made before the last edit no longer says what the 评定 is.
  useEffect(() => {
    setLink(null);
    setStatus('');
  }, [r.record]);

  const copy = async () => {
    const { makeReviewReply, encodeReviewReply } = await load();
    const encoded = await encodeReviewReply(makeReviewReply(r));
    if (!encoded.ok) {
      setError(encoded.error);
      return;
    }
    setError(null);
    const url = new URL(props.selfReviewHref, location.href);
    url.hash = encoded.fragment;
    setLink(url.href);
    setStatus((await copyText(url.href)) ? s['reply.copied'] : '');
  };
  const download = async () => {
    const { makeReviewReply, reviewReplyToJson } = await load();
    const name = t('reply.fileBase', { name: r.name, period: props.label });
    downloadText(`${name}.json`, reviewReplyToJson(makeReviewReply(r)), 'application/json;charset=utf-8');
    setStatus(s['reply.downloaded']);
  };

  return (
    <section class="no-print tr-reply" aria-labelledby="tr-reply-heading">
      <h2 id="tr-reply-heading">{s['reply.heading']}</h2>
      <p>{s['reply.text']}</p>
      <div class="tool-export-buttons">
        <button type="button" class="tool-button" onClick={() => void copy()}>
          {s['reply.copy']}
        </button>
        <button type="button" class="tool-button" onClick={() => void download()}>
          {s['reply.download']}
        </button>
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
          <label for="tr-reply-link">{s['reply.link']}</label>
          <textarea
            id="tr-reply-link"
            rows={2}
            readOnly
            value={link}
            onFocus={(e) => (e.currentTarget as HTMLTextAreaElement).select()}
          />
        </div>
      )}
    </section>
  );
}
