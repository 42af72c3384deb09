// The list of a tool's saved entries (drafts, periods, people): open, extra actions and delete with
// one confirm step, the same in every tool. Words come from the tool (its own nouns).
import type { ComponentChildren } from 'preact';
import { useRef, useState } from 'preact/hooks';
import { ConfirmStep } from './ConfirmStep';
import { fill } from '../../../core/template';
import type { ToolEntry } from './use-tool';

export interface EntryListWords {
  heading: string;
  /** Shown when nothing is saved. */
  empty?: string;
  hint?: string;
  open: string;
  /** aria-label of 打开, with {label}. */
  openLabel: string;
  delete: string;
  deleteLabel: string;
  /** With {label}. */
  confirmQuestion: string;
  confirmDelete: string;
  cancel: string;
  /** Appended to the open entry's name, e.g.（正在编辑）. */
  current?: string;
  /** With {label}: said after deleting. */
  deleted: string;
}

export interface EntryListProps<S> {
  id: string;
  entries: readonly ToolEntry<S>[];
  words: EntryListWords;
  onOpen: (key: string) => void;
  onDelete: (key: string) => void;
  /** Say something (after deleting), e.g. the tool's status line. */
  onSaid?: (text: string) => void;
  /** The row's details after its name (date, total, status). */
  meta?: (entry: ToolEntry<S>) => ComponentChildren;
  /** Extra buttons of a row (复制…). */
  actions?: (entry: ToolEntry<S>) => ComponentChildren;
  /** Whether a row may be deleted (e.g. only saved ones). Default: all. */
  canDelete?: (entry: ToolEntry<S>) => boolean;
  /** Buttons under the list (新建…). */
  footer?: ComponentChildren;
  class?: string;
  /** Class of the list itself (tests and styles of a tool may name it). */
  listClass?: string;
  /** Rows shown instead of the entries before the browser has picked one (keeps the page from shifting). */
  placeholder?: ComponentChildren;
}

export function EntryList<S>(props: EntryListProps<S>) {
  const { entries, words: w } = props;
  const [confirming, setConfirming] = useState<string | null>(null);
  const trigger = useRef<HTMLElement | null>(null);
  const headingId = `${props.id}-heading`;
  return (
    <section class={`tool-entries no-print ${props.class ?? ''}`} aria-labelledby={headingId}>
      <h2 id={headingId}>{w.heading}</h2>
      {w.hint && <p class="tool-hint">{w.hint}</p>}
      {entries.length === 0 && !props.placeholder ? (
        w.empty && <p>{w.empty}</p>
      ) : (
        <ul class={`tool-entry-list ${props.listClass ?? ''}`}>
          {/* Until the browser has picked an entry, only the placeholder: the first render in the
              browser must match the server's (hydration adopts the DOM without fixing attributes). */}
          {props.placeholder}
          {!props.placeholder &&
            entries.map((e) => (
              <li key={e.key} aria-current={e.current ? 'true' : undefined} data-entry={e.key}>
                <span class="tool-entry-name">
                  {e.label}
                  {e.current && w.current}
                </span>
                {props.meta && <span class="tool-entry-meta">{props.meta(e)}</span>}
                <span class="tool-entry-actions">
                  {e.state !== null && (
                    <button
                      type="button"
                      class="tool-button tool-button--small"
                      aria-label={fill(w.openLabel, { label: e.label })}
                      disabled={e.current}
                      onClick={() => props.onOpen(e.key)}
                    >
                      {w.open}
                    </button>
                  )}
                  {props.actions?.(e)}
                  {(props.canDelete ? props.canDelete(e) : true) && (
                    <button
                      type="button"
                      class="tool-button tool-button--small"
                      aria-label={fill(w.deleteLabel, { label: e.label })}
                      aria-expanded={confirming === e.key}
                      onClick={(ev) => {
                        trigger.current = ev.currentTarget as HTMLElement;
                        setConfirming(e.key);
                      }}
                    >
                      {w.delete}
                    </button>
                  )}
                </span>
                {confirming === e.key && (
                  <ConfirmStep
                    id={`${props.id}-confirm`}
                    question={fill(w.confirmQuestion, { label: e.label })}
                    confirmLabel={w.confirmDelete}
                    cancelLabel={w.cancel}
                    trigger={trigger.current}
                    onCancel={() => setConfirming(null)}
                    onConfirm={() => {
                      props.onDelete(e.key);
                      setConfirming(null);
                      props.onSaid?.(fill(w.deleted, { label: e.label }));
                    }}
                  />
                )}
              </li>
            ))}
        </ul>
      )}
      {props.footer}
    </section>
  );
}
