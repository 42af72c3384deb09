// What the approver sends after deciding: the reply link (and the same reply as a JSON file) for the
// requester, a message to paste into a chat, and, after 同意 with a step still to come, a link to the
// request with this decision added for the next approver (the chain is walked on one request).
import { useEffect, useState } from 'preact/hooks';
import { fileNamePart } from '../../../core/format';
import { formatYuan, type Fen } from '../../../core/money';
import { toJsonFile } from '../../../core/json-file';
import { encodeReplyLink, replyToJson } from '../../../core/reply';
import { encodeShareCompressed } from '../../../core/share-link';
import { fill } from '../../../core/template';
import type { ApprovalStep } from '../../../core/policy-types';
import { urlWithFragment } from '../../../client/link-fragment';
import { copyText, downloadText } from '../../kit/ui/dom';
import { ShowQrButton } from '../../kit/ui/QrCode';
import { decisionLabel, type ApprovalReply } from '../logic/approval';
import { BUDGET_REQUEST_TOOL, BUDGET_REQUEST_VERSION, type BudgetRequestDraft } from '../logic/state';
import type { BudgetRequestStrings } from './strings';

interface Links {
  readonly reply: string | null;
  readonly replyError: string | null;
  readonly forward: string | null;
  readonly forwardError: string | null;
}

/** A read-only link box with its copy button; the box is there to select by hand when copying is refused. */
function LinkBox(props: {
  id: string;
  label: string;
  value: string;
  copy: string;
  copied: string;
  failed: string;
  rows?: number;
}) {
  const [status, setStatus] = useState('');
  return (
    <div class="br-link-box">
      <div class="tool-field">
        <label for={props.id}>{props.label}</label>
        <textarea
          id={props.id}
          rows={props.rows ?? 3}
          readOnly
          value={props.value}
          onFocus={(e) => (e.currentTarget as HTMLTextAreaElement).select()}
        />
      </div>
      <div class="tool-export-buttons">
        <button
          type="button"
          class="tool-button"
          onClick={async () => setStatus((await copyText(props.value)) ? props.copied : props.failed)}
        >
          {props.copy}
        </button>
        <ShowQrButton link={async () => ({ ok: true, link: props.value })} />
        <span class="tool-export-status" role="status">
          {status}
        </span>
      </div>
    </div>
  );
}

export function ApprovalResult(props: {
  reply: ApprovalReply;
  forward: BudgetRequestDraft;
  totalFen: Fen;
  /** The step after this one when the decision was 同意, else null. */
  nextStep: ApprovalStep | null;
  /** The form changed since: this reply no longer says what the form does. */
  stale: boolean;
  t: BudgetRequestStrings;
}) {
  const { reply, forward, t } = props;
  const { decision } = reply.payload;
  const [links, setLinks] = useState<Links | null>(null);
  const [downloaded, setDownloaded] = useState('');

  useEffect(() => {
    let live = true;
    void (async () => {
      const r = await encodeReplyLink(reply);
      const f = props.nextStep
        ? await encodeShareCompressed(BUDGET_REQUEST_TOOL, BUDGET_REQUEST_VERSION, forward)
        : null;
      if (!live) return;
      setLinks({
        reply: r.ok ? urlWithFragment(r.fragment) : null,
        replyError: r.ok ? null : r.error,
        forward: f?.ok ? urlWithFragment(f.fragment) : null,
        forwardError: f && !f.ok ? f.error : null,
      });
    })();
    return () => {
      live = false;
    };
  }, [reply]);

  const label = decisionLabel(decision.decision, t);
  const message = fill(t['approve.result.messageText'], {
    applicant: forward.applicant,
    project: forward.project,
    revision: forward.revision,
    amount: formatYuan(props.totalFen),
    approver: decision.approver,
    decision: label,
    comment: decision.comment === '' ? '' : `，${decision.comment}`,
    link: links?.reply ?? t['approve.result.noLink'],
  });
  const download = () => {
    const name = fileNamePart(
      fill(t['approve.fileBase'], {
        project: forward.project || forward.requestId,
        approver: decision.approver,
      }),
      80,
    );
    downloadText(`${name}.json`, replyToJson(reply), 'application/json;charset=utf-8');
    setDownloaded(t['approve.result.downloaded']);
  };
  // The request with this decision, as a file: it works when the request is too long for a link.
  const [forwarded, setForwarded] = useState('');
  const downloadForward = (next: ApprovalStep) => {
    const name = fileNamePart(
      fill(t['approve.forwardFileBase'], {
        project: forward.project || forward.requestId,
        approver: next.approver,
      }),
      80,
    );
    downloadText(
      `${name}.json`,
      toJsonFile(BUDGET_REQUEST_TOOL, BUDGET_REQUEST_VERSION, forward),
      'application/json;charset=utf-8',
    );
    setForwarded(fill(t['approve.result.forwardDownloaded'], { approver: next.approver }));
  };
  const failed = t['approve.result.copyFailed'];

  return (
    <section
      class="br-approve-result"
      aria-labelledby="br-approve-result-heading"
      data-testid="approval-result"
    >
      <h3 id="br-approve-result-heading" tabIndex={-1}>
        {fill(t['approve.result.heading'], { approver: decision.approver, decision: label })}
      </h3>
      {props.stale && (
        <p class="br-warning" role="alert">
          {t['approve.result.stale']}
        </p>
      )}
      <p>{t['approve.result.text']}</p>
      {links?.reply && (
        <LinkBox
          id="br-reply-link"
          label={t['approve.result.link']}
          value={links.reply}
          copy={t['approve.result.copy']}
          copied={t['approve.result.copied']}
          failed={failed}
        />
      )}
      {links?.replyError && (
        <p class="tool-error" role="alert">
          {links.replyError}
        </p>
      )}
      <div class="tool-export-buttons">
        <button type="button" class="tool-button" onClick={download}>
          {t['approve.result.download']}
        </button>
        <span class="tool-export-status" role="status">
          {downloaded}
        </span>
      </div>
      {links && (
        <LinkBox
          id="br-reply-message"
          label={t['approve.result.message']}
          value={message}
          rows={5}
          copy={t['approve.result.copyMessage']}
          copied={t['approve.result.messageCopied']}
          failed={failed}
        />
      )}
      {props.nextStep ? (
        <div class="br-forward">
          <h4>{fill(t['approve.result.forwardHeading'], { approver: props.nextStep.approver })}</h4>
          <p>{fill(t['approve.result.forwardText'], { approver: props.nextStep.approver })}</p>
          {links?.forward && (
            <LinkBox
              id="br-forward-link"
              label={fill(t['approve.result.forwardLink'], { approver: props.nextStep.approver })}
              value={links.forward}
              copy={fill(t['approve.result.copyForward'], { approver: props.nextStep.approver })}
              copied={fill(t['approve.result.forwardCopied'], { approver: props.nextStep.approver })}
              failed={failed}
            />
          )}
          {links?.forwardError && (
            <p class="tool-error" role="alert">
              {links.forwardError}
            </p>
          )}
          <div class="tool-export-buttons">
            <button type="button" class="tool-button" onClick={() => downloadForward(props.nextStep!)}>
              {fill(t['approve.result.forwardDownload'], { approver: props.nextStep.approver })}
            </button>
            <span class="tool-export-status" role="status">
              {forwarded}
            </span>
          </div>
        </div>
      ) : (
        decision.decision === 'approve' && <p>{t['approve.result.last']}</p>
      )}
    </section>
  );
}
