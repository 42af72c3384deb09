// A 预算申请单 opened from a link: read-only, printable, can be kept as a draft of one's own, and
// the approver of the next step records a decision here (ApproverPanel; 六（一）1: 按审批流程审批).
// Loads with the first shared request, not with the form.
import { Notices, type Notice } from '../../kit/ui/Notices';
import { qrCodesDrawn } from '../../kit/ui/print-ready';
import { SheetQr, type LinkMade } from '../../kit/ui/QrCode';
import { budgetContext, budgetRequestTool } from '../logic/definition';
import type { BudgetRequestDraft } from '../logic/state';
import { ApproverPanel } from './ApproverPanel';
import type { ToolContext } from './common';
import { PrintSheet } from './PrintSheet';
import { useRevisionFingerprint } from './use-fingerprint';

export function SharedRequest(props: {
  draft: BudgetRequestDraft;
  view: ToolContext;
  notices: readonly Notice[];
  onDismiss: (id: string) => void;
  onSave: () => void;
  onClose: () => void;
  /** The request's own link (as 复制分享链接 makes it): the printed sheet's code opens it. */
  link: () => Promise<LinkMade>;
  rootProps: Readonly<Record<string, string | undefined>>;
}) {
  const { t, policy } = props.view;
  const result = budgetRequestTool.derive(props.draft, budgetContext(policy, t, ''));
  const { fingerprint } = useRevisionFingerprint(props.draft);
  return (
    <div class="tool-root br-app" {...props.rootProps}>
      <Notices notices={props.notices} onDismiss={props.onDismiss} />
      <div class="tool-readonly-banner no-print" role="status">
        <p>{t['share.banner']}</p>
        <div class="tool-export-buttons">
          <button type="button" class="tool-button tool-button--primary" onClick={props.onSave}>
            {t['share.saveAsDraft']}
          </button>
          <button
            type="button"
            class="tool-button"
            onClick={() => void qrCodesDrawn().then(() => window.print())}
          >
            打印 / 存为 PDF
          </button>
          <button type="button" class="tool-button" onClick={props.onClose}>
            {t['share.close']}
          </button>
        </div>
      </div>
      <PrintSheet
        draft={props.draft}
        result={result}
        complete={result.complete}
        ctx={props.view}
        screen
        fingerprint={fingerprint}
        // The approver's paper copy scans back to this request, like the applicant's (on paper only:
        // the request is already on this screen).
        qr={
          <div class="print-only">
            <SheetQr make={props.link} content={props.draft} fingerprint={fingerprint} />
          </div>
        }
      />
      <ApproverPanel draft={props.draft} result={result} view={props.view} fingerprint={fingerprint} />
    </div>
  );
}
