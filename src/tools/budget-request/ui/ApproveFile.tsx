// An approver opens a request sent as a JSON file (a request too long for a link): it shows read-only
// with the 审批 panel, as the link would. Its own drafts are not touched.
import { useState } from 'preact/hooks';
import { budgetRequestTool } from '../logic/definition';
import type { BudgetRequestDraft } from '../logic/state';
import type { BudgetRequestStrings } from './strings';

export function ApproveFile(props: {
  t: BudgetRequestStrings;
  onOpen: (draft: BudgetRequestDraft) => void;
  /** The box was opened: the approver's view can start loading. */
  onShow: () => void;
  /** Locked until the tool has opened its entry (a file chosen before would be lost). */
  disabled: boolean;
}) {
  const { t } = props;
  const [error, setError] = useState<string | null>(null);
  return (
    <details
      class="br-approve-file no-print"
      onToggle={(e) => (e.currentTarget as HTMLDetailsElement).open && props.onShow()}
    >
      <summary>{t['approve.file.open']}</summary>
      <div class="tool-field">
        <label for="br-approve-file">{t['approve.file.label']}</label>
        <input
          id="br-approve-file"
          type="file"
          accept="application/json,.json"
          disabled={props.disabled}
          aria-describedby="br-approve-file-hint"
          aria-invalid={error ? 'true' : undefined}
          aria-errormessage={error ? 'br-approve-file-error' : undefined}
          onChange={async (e) => {
            const input = e.currentTarget as HTMLInputElement;
            const file = input.files?.[0];
            input.value = '';
            if (!file) return;
            const { parseJsonFile } = await import('../../../core/json-file');
            const def = budgetRequestTool;
            const r = parseJsonFile(
              await file.text(),
              def.id,
              def.version,
              def.schema,
              def.migrate ? { migrate: def.migrate } : {},
            );
            setError(r.ok ? null : r.error);
            if (r.ok) {
              props.onOpen(r.state);
              scrollTo(0, 0);
            }
          }}
        />
        <span class="tool-hint" id="br-approve-file-hint">
          {t['approve.file.hint']}
        </span>
        {error && (
          <span class="tool-error" id="br-approve-file-error" role="alert">
            {error}
          </span>
        )}
      </div>
    </details>
  );
}
