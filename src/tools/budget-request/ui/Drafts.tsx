// 我的草稿: the kit's entry list with the 预算申请单's nouns, each draft's date, total and status,
// and 复制 / 新建草稿.
import { fill } from '../../../core/template';
import { fen, formatYuan } from '../../../core/money';
import { EntryList } from '../../kit/ui/EntryList';
import type { ToolEntry } from '../../kit/ui/use-tool';
import type { BudgetRequestDraft } from '../logic/state';
import { budgetRequestTool, type BudgetRequestContext } from '../logic/definition';
import { approvalProgress, statusLabel } from '../logic/approval-status';
import type { BudgetRequestStrings } from './strings';

export function Drafts(props: {
  entries: readonly ToolEntry<BudgetRequestDraft>[];
  /** The open draft before the browser has picked one (server render): listed so nothing shifts. */
  placeholderName: string | null;
  t: BudgetRequestStrings;
  ctx: BudgetRequestContext;
  announcement: string;
  onOpen: (key: string) => void;
  onDelete: (key: string) => void;
  onDuplicate: (key: string) => void;
  onNew: () => void;
  onSaid: (text: string) => void;
}) {
  const { t, ctx } = props;
  const meta = (e: ToolEntry<BudgetRequestDraft>) => {
    if (!e.state) return null;
    const view = budgetRequestTool.derive(e.state, ctx);
    return (
      <>
        {e.state.date || (
          <span class="br-date-pending" aria-hidden="true">
            0000-00-00
          </span>
        )}{' '}
        · {fill(t['drafts.total'], { amount: formatYuan(view.totalFen) })} ·{' '}
        {e.current && e.savedAt === null
          ? t['drafts.unsaved']
          : e.state.approvals.length > 0
            ? statusLabel(approvalProgress(e.state, view.chain).status, t)
            : view.complete
              ? t['drafts.status.complete']
              : t['drafts.status.draft']}
        {e.current && ` · ${t['drafts.current']}`}
      </>
    );
  };
  return (
    <EntryList
      id="br-drafts"
      class="br-drafts"
      listClass="br-draft-list"
      entries={props.entries}
      words={{
        heading: t['drafts.heading'],
        hint: t['drafts.hint'],
        open: t['drafts.open'],
        openLabel: t['drafts.openLabel'],
        delete: t['drafts.delete'],
        deleteLabel: t['drafts.deleteLabel'],
        confirmQuestion: t['drafts.confirmQuestion'],
        confirmDelete: t['drafts.confirmDelete'],
        cancel: t['drafts.cancel'],
        deleted: t['drafts.deleted'],
      }}
      meta={meta}
      canDelete={(e) => e.savedAt !== null}
      onOpen={props.onOpen}
      onDelete={props.onDelete}
      onSaid={props.onSaid}
      placeholder={
        props.placeholderName !== null && (
          <li aria-current="true">
            <span class="tool-entry-name">{props.placeholderName}</span>
            <span class="tool-entry-meta">
              <span class="br-date-pending" aria-hidden="true">
                0000-00-00
              </span>{' '}
              · {fill(t['drafts.total'], { amount: formatYuan(fen(0)) })} · {t['drafts.unsaved']} ·{' '}
              {t['drafts.current']}
            </span>
            {/* The open draft's row has 打开 (disabled) and 复制: the same buttons, inert until loaded. */}
            <span class="tool-entry-actions">
              <button type="button" class="tool-button tool-button--small" disabled>
                {t['drafts.open']}
              </button>
              <button type="button" class="tool-button tool-button--small" disabled>
                {t['drafts.duplicate']}
              </button>
            </span>
          </li>
        )
      }
      actions={(e) =>
        e.state && (
          <button
            type="button"
            class="tool-button tool-button--small"
            aria-label={fill(t['drafts.duplicateLabel'], { label: e.label })}
            onClick={() => props.onDuplicate(e.key)}
          >
            {t['drafts.duplicate']}
          </button>
        )
      }
      footer={
        <>
          <div class="tool-export-buttons">
            <button type="button" id="br-new-draft" class="tool-button" onClick={props.onNew}>
              {t['drafts.new']}
            </button>
          </div>
          <p role="status" class="tool-export-status">
            {props.announcement}
          </p>
        </>
      }
    />
  );
}
