// Labelled form fields with the error shown beside the field (aria-invalid, aria-describedby).
import type { ButtonHTMLAttributes, ComponentChildren } from 'preact';

interface BaseProps {
  id: string;
  label: ComponentChildren;
  error?: string | null | undefined;
  hint?: ComponentChildren;
  /** Unit shown after the field, e.g. % or 元. */
  unit?: string | undefined;
  class?: string;
  /** Another tab changed this field too: both values are offered beside it (use-tool.ts). */
  conflict?: FieldConflictView | null | undefined;
  /** The reader left the field (a tool may then show a missing-value error). */
  onBlur?: () => void;
}

/** A same-field conflict between two tabs, as a field shows it. */
export interface FieldConflictView {
  /** The other tab's value, as text. */
  theirs: string;
  takeTheirs: () => void;
  keepMine: () => void;
}

function describedBy(
  id: string,
  error?: string | null,
  hint?: ComponentChildren,
  conflict?: FieldConflictView | null,
): string | undefined {
  const ids = [
    hint ? `${id}-hint` : null,
    error ? `${id}-error` : null,
    conflict ? `${id}-conflict` : null,
  ].filter(Boolean);
  return ids.length ? ids.join(' ') : undefined;
}

function Extras({
  id,
  error,
  hint,
  conflict,
}: {
  id: string;
  error?: string | null | undefined;
  hint?: ComponentChildren;
  conflict?: FieldConflictView | null | undefined;
}) {
  return (
    <>
      {hint && (
        <span class="tool-hint" id={`${id}-hint`}>
          {hint}
        </span>
      )}
      {error && (
        <span class="tool-error" id={`${id}-error`}>
          {error}
        </span>
      )}
      {conflict && (
        <span class="tool-conflict" id={`${id}-conflict`}>
          另一标签页改成了「{conflict.theirs || '（空）'}」，本页是上面的值。
          <button type="button" class="tool-button tool-button--small" onClick={conflict.takeTheirs}>
            用另一标签页的
          </button>
          <button type="button" class="tool-button tool-button--small" onClick={conflict.keepMine}>
            保留本页的
          </button>
        </span>
      )}
    </>
  );
}

export interface TextFieldProps extends BaseProps {
  value: string;
  onInput: (value: string) => void;
  /** numeric inputs keep type=text so people can type ¥, 元, %, separators and full-width digits. */
  inputMode?: 'text' | 'decimal' | 'numeric';
  type?: 'text' | 'date' | 'month';
  readOnly?: boolean;
  placeholder?: string;
  required?: boolean;
  maxLength?: number;
}

export function TextField(props: TextFieldProps) {
  const { id, label, error, hint, unit, value, onInput, inputMode, type = 'text', readOnly } = props;
  return (
    <div class={`tool-field ${props.class ?? ''}`}>
      <label for={id}>{label}</label>
      <span class="tool-input-wrap">
        <input
          id={id}
          type={type}
          inputMode={inputMode}
          value={value}
          readOnly={readOnly}
          placeholder={props.placeholder}
          required={props.required}
          maxLength={props.maxLength}
          aria-invalid={error ? 'true' : undefined}
          aria-describedby={describedBy(id, error, hint, props.conflict)}
          onInput={(e) => onInput((e.currentTarget as HTMLInputElement).value)}
          onBlur={props.onBlur}
        />
        {unit && <span class="tool-unit">{unit}</span>}
      </span>
      <Extras id={id} error={error} hint={hint} conflict={props.conflict} />
    </div>
  );
}

export interface TextAreaFieldProps extends BaseProps {
  value: string;
  onInput: (value: string) => void;
  rows?: number;
  readOnly?: boolean;
  maxLength?: number;
}

export function TextAreaField(props: TextAreaFieldProps) {
  const { id, label, error, hint, value, onInput, rows = 3, readOnly } = props;
  return (
    <div class={`tool-field ${props.class ?? ''}`}>
      <label for={id}>{label}</label>
      <textarea
        id={id}
        rows={rows}
        value={value}
        readOnly={readOnly}
        maxLength={props.maxLength}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={describedBy(id, error, hint, props.conflict)}
        onInput={(e) => onInput((e.currentTarget as HTMLTextAreaElement).value)}
      />
      <Extras id={id} error={error} hint={hint} conflict={props.conflict} />
    </div>
  );
}

export interface SelectFieldProps extends BaseProps {
  value: string;
  onChange: (value: string) => void;
  options: readonly { value: string; label: string }[];
  disabled?: boolean;
  /** Shown first with an empty value, e.g. 请选择. */
  placeholder?: string;
}

export function SelectField(props: SelectFieldProps) {
  const { id, label, error, hint, value, onChange, options, disabled } = props;
  return (
    <div class={`tool-field ${props.class ?? ''}`}>
      <label for={id}>{label}</label>
      <select
        id={id}
        value={value}
        disabled={disabled}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={describedBy(id, error, hint, props.conflict)}
        onChange={(e) => onChange((e.currentTarget as HTMLSelectElement).value)}
        onBlur={props.onBlur}
      >
        {props.placeholder !== undefined && <option value="">{props.placeholder}</option>}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      <Extras id={id} error={error} hint={hint} conflict={props.conflict} />
    </div>
  );
}

/** A group of related fields with a visible legend. */
export function FieldSet(props: { legend: ComponentChildren; children: ComponentChildren; class?: string }) {
  return (
    <fieldset class={`tool-fieldset ${props.class ?? ''}`}>
      <legend>{props.legend}</legend>
      {props.children}
    </fieldset>
  );
}

export type ButtonProps = ButtonHTMLAttributes<HTMLButtonElement>;
