// Labelled form fields with the error shown beside the field (aria-invalid, aria-describedby).
// A limited text field shows its limit, a counter as the reader nears it, and how much is over:
// it never cuts what the reader typed or pasted (core/text-limit).
import type { ButtonHTMLAttributes, ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { formatNumber } from '../../../core/format';
import { fill } from '../../../core/template';
import { MAX_KEPT_TEXT, countChars, limitStatus } from '../../../core/text-limit';
import { KIT } from './strings';

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
  limit?: LimitView | null,
): string | undefined {
  const ids = [
    hint ? `${id}-hint` : null,
    limit?.shown ? `${id}-limit` : null,
    limit?.over ? `${id}-over` : null,
    limit?.cut ? `${id}-cut` : null,
    error ? `${id}-error` : null,
    conflict ? `${id}-conflict` : null,
  ].filter(Boolean);
  return ids.length ? ids.join(' ') : undefined;
}

/** What a limited field shows about its limit. */
interface LimitView {
  readonly limit: number;
  readonly count: number;
  /** The limit line is shown (always for text; for a number once it nears the limit). */
  readonly shown: boolean;
  /** The counter is shown: from NEAR_LIMIT_SHARE of the limit. */
  readonly near: boolean;
  readonly over: number;
  /** The last paste went past what a field keeps (MAX_KEPT_TEXT): how much was left out. */
  readonly cut: { kept: number; lost: number } | null;
}

/**
 * The one mechanism of limited text, for TextField and TextAreaField alike: no `maxlength` (the
 * browser would cut a paste silently, counting UTF-16 units); the whole text goes to the state and
 * the field says how it stands. Only a paste beyond MAX_KEPT_TEXT (which no state keeps) is cut, and
 * the field says how much was left out.
 */
function useLimit(value: string, limit: number | undefined, always: boolean, onInput: (value: string) => void) {
  const [cut, setCut] = useState<{ kept: number; lost: number } | null>(null);
  const input = (next: string) => {
    if (limit !== undefined && next.length > MAX_KEPT_TEXT) {
      // Never split a surrogate pair at the cut.
      let end = MAX_KEPT_TEXT;
      if (/[\uD800-\uDBFF]/.test(next.charAt(end - 1))) end -= 1;
      const kept = next.slice(0, end);
      const keptChars = countChars(kept);
      setCut({ kept: keptChars, lost: countChars(next) - keptChars });
      onInput(kept);
      return;
    }
    if (cut) setCut(null);
    onInput(next);
  };
  if (limit === undefined) return { view: null, input: onInput };
  const status = limitStatus(value, limit);
  const view: LimitView = {
    limit,
    count: status.count,
    shown: always || status.near,
    near: status.near,
    over: status.over,
    cut,
  };
  return { view, input };
}

/** The limit line (最多 500 字 · 480 / 500), the over message, and a polite announcement per zone. */
function LimitNotes({ id, view }: { id: string; view: LimitView | null }) {
  if (!view) return null;
  const n = (x: number) => formatNumber(x, 0);
  const max = n(view.limit);
  // Announced once per zone (nearing, over), not on every key: the counter itself is read with the field.
  const announce = view.over > 0 ? fill(KIT.limitOverSay, { max }) : view.near ? fill(KIT.limitNearSay, { max }) : '';
  return (
    <>
      {view.shown && (
        <span class="tool-limit" id={`${id}-limit`}>
          <span>{fill(KIT.limitHint, { max })}</span>
          {view.near && (
            <span class={`tool-limit-count${view.over > 0 ? ' tool-limit-count--over' : ''}`}>
              {fill(KIT.limitCount, { count: n(view.count), max })}
            </span>
          )}
        </span>
      )}
      {view.over > 0 && (
        <span class="tool-error" id={`${id}-over`}>
          {fill(KIT.limitOver, { over: n(view.over), max })}
        </span>
      )}
      {view.cut && (
        <span class="tool-error" id={`${id}-cut`}>
          {fill(KIT.limitCut, { kept: n(view.cut.kept), lost: n(view.cut.lost) })}
        </span>
      )}
      <span class="sr-only" aria-live="polite">
        {announce}
      </span>
    </>
  );
}

function Extras({
  id,
  error,
  hint,
  conflict,
  limit,
}: {
  id: string;
  error?: string | null | undefined;
  hint?: ComponentChildren;
  conflict?: FieldConflictView | null | undefined;
  limit?: LimitView | null;
}) {
  return (
    <>
      {hint && (
        <span class="tool-hint" id={`${id}-hint`}>
          {hint}
        </span>
      )}
      <LimitNotes id={id} view={limit ?? null} />
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
  /** Longest text in characters: shown (for text; for numbers only near it), counted, never cut. */
  limit?: number;
  /** 'near': the limit line shows only as the text nears it (cells of a row that state it once above). */
  limitShown?: 'always' | 'near';
}

export function TextField(props: TextFieldProps) {
  const { id, label, error, hint, unit, value, onInput, inputMode, type = 'text', readOnly } = props;
  // Nobody types a 40-character number: a number field shows its limit only as it nears it.
  const isText = type === 'text' && (inputMode === undefined || inputMode === 'text');
  const limit = useLimit(value, props.limit, isText && props.limitShown !== 'near', onInput);
  const invalid = !!error || (limit.view?.over ?? 0) > 0;
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
          aria-invalid={invalid ? 'true' : undefined}
          aria-describedby={describedBy(id, error, hint, props.conflict, limit.view)}
          onInput={(e) => limit.input((e.currentTarget as HTMLInputElement).value)}
          onBlur={props.onBlur}
        />
        {unit && <span class="tool-unit">{unit}</span>}
      </span>
      <Extras id={id} error={error} hint={hint} conflict={props.conflict} limit={limit.view} />
    </div>
  );
}

export interface TextAreaFieldProps extends BaseProps {
  value: string;
  onInput: (value: string) => void;
  rows?: number;
  readOnly?: boolean;
  /** Longest text in characters: shown, counted as the reader nears it, never cut. */
  limit?: number;
}

export function TextAreaField(props: TextAreaFieldProps) {
  const { id, label, error, hint, value, onInput, rows = 3, readOnly } = props;
  const limit = useLimit(value, props.limit, true, onInput);
  const invalid = !!error || (limit.view?.over ?? 0) > 0;
  return (
    <div class={`tool-field ${props.class ?? ''}`}>
      <label for={id}>{label}</label>
      <textarea
        id={id}
        rows={rows}
        value={value}
        readOnly={readOnly}
        aria-invalid={invalid ? 'true' : undefined}
        aria-describedby={describedBy(id, error, hint, props.conflict, limit.view)}
        onInput={(e) => limit.input((e.currentTarget as HTMLTextAreaElement).value)}
      />
      <Extras id={id} error={error} hint={hint} conflict={props.conflict} limit={limit.view} />
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
