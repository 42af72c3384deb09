// 费用明细: one row per line with its own labelled inputs; rows re-render only when their line changes.
import { Component, type FunctionComponent } from 'preact';
import { formatYuan } from '../../../core/money';
import { fieldTarget, type LineResult } from '../logic/derive';
import { MAX_LINES, MAX_SHORT, type RequestLineDraft } from '../logic/state';
import type { BudgetRequestStrings } from './strings';
import { SelectField, TextField } from '../../kit/ui/Field';
import { inputId } from './common';
import { fill } from '../../../core/template';

export type LineField = Exclude<keyof RequestLineDraft, 'id'>;

export interface LineActions {
  onField: (lineId: string, field: LineField, value: string) => void;
  onMove: (lineId: string, by: -1 | 1) => void;
  onRemove: (lineId: string) => void;
}

interface RowProps extends LineActions {
  line: RequestLineDraft;
  result: LineResult;
  index: number;
  last: boolean;
  /** Show "请填写此项" for empty fields of filled lines (after 标记为已完成 was tried). */
  showEmpty: boolean;
  subcategories: readonly string[];
  t: BudgetRequestStrings;
}

/** Like React.memo, without pulling preact/compat into the page: skip when no prop changed. */
function memo<P extends object>(render: FunctionComponent<P>) {
  return class Memo extends Component<P> {
    override shouldComponentUpdate(next: P): boolean {
      const prev = this.props as Record<string, unknown>;
      const keys = Object.keys(next);
      return (
        keys.length !== Object.keys(prev).length ||
        keys.some((k) => (next as Record<string, unknown>)[k] !== prev[k])
      );
    }
    override render() {
      return render(this.props);
    }
  };
}

const LineRow = memo(function LineRow(props: RowProps) {
  const { line, result, index, t } = props;
  const n = index + 1;
  // Visible short label; screen readers hear the row too (第 3 行 数量).
  const rowPrefix = fill(t['lines.rowLabel'], { n });
  const label = (col: string) => (
    <>
      <span class="sr-only">{rowPrefix} </span>
      {col}
    </>
  );
  const amountLabel = fill(t['lines.fieldLabel'], { n, field: t['lines.col.amount'] });
  const id = (field: 'description' | 'quantity' | 'unitPrice') =>
    inputId(fieldTarget('line', line.id, field));
  // An empty field of a filled line is only flagged once the amount stands or completion was tried.
  const emptyShown = props.showEmpty || result.amountFen !== null;
  const quantityEmpty = line.quantity.trim() === '';
  const priceEmpty = line.unitPrice.trim() === '';
  const options =
    props.subcategories.includes(line.subcategory) || line.subcategory === ''
      ? props.subcategories
      : [...props.subcategories, line.subcategory];

  return (
    <li class="br-line" data-line={n}>
      <span class="br-line-no" aria-hidden="true">
        {n}
      </span>
      <TextField
        id={id('description')}
        class="br-line-description"
        label={label(t['lines.col.description'])}
        value={line.description}
        limit={MAX_SHORT}
        limitShown="near"
        error={result.descriptionError && emptyShown ? result.descriptionError : null}
        onInput={(v) => props.onField(line.id, 'description', v)}
      />
      <SelectField
        id={`br-line-${line.id}-subcategory`}
        class="br-line-subcategory"
        label={label(t['lines.col.subcategory'])}
        value={line.subcategory}
        placeholder={t['lines.subcategoryNone']}
        options={options.map((s) => ({ value: s, label: s }))}
        onChange={(v) => props.onField(line.id, 'subcategory', v)}
      />
      <TextField
        id={id('quantity')}
        class="br-line-quantity"
        label={label(t['lines.col.quantity'])}
        value={line.quantity}
        inputMode="decimal"
        limit={MAX_SHORT}
        error={result.quantityError && (!quantityEmpty || props.showEmpty) ? result.quantityError : null}
        onInput={(v) => props.onField(line.id, 'quantity', v)}
      />
      <TextField
        id={`br-line-${line.id}-unit`}
        class="br-line-unit"
        label={label(t['lines.col.unit'])}
        value={line.unit}
        limit={MAX_SHORT}
        limitShown="near"
        onInput={(v) => props.onField(line.id, 'unit', v)}
      />
      <TextField
        id={id('unitPrice')}
        class="br-line-price"
        label={label(t['lines.col.unitPrice'])}
        value={line.unitPrice}
        inputMode="decimal"
        limit={MAX_SHORT}
        error={result.unitPriceError && (!priceEmpty || props.showEmpty) ? result.unitPriceError : null}
        onInput={(v) => props.onField(line.id, 'unitPrice', v)}
      />
      <div class="tool-field br-line-amount">
        <span class="br-line-amount-label" aria-hidden="true">
          {t['lines.col.amount']}
        </span>
        <output for={`${id('quantity')} ${id('unitPrice')}`} aria-label={amountLabel}>
          {result.amountFen !== null ? formatYuan(result.amountFen) : t['lines.amountPending']}
        </output>
      </div>
      <span class="br-line-actions">
        <button
          type="button"
          class="tool-button"
          id={`br-line-${line.id}-up`}
          aria-label={fill(t['lines.moveUp'], { n })}
          disabled={index === 0}
          onClick={() => props.onMove(line.id, -1)}
        >
          ↑
        </button>
        <button
          type="button"
          class="tool-button"
          id={`br-line-${line.id}-down`}
          aria-label={fill(t['lines.moveDown'], { n })}
          disabled={props.last}
          onClick={() => props.onMove(line.id, 1)}
        >
          ↓
        </button>
        <button
          type="button"
          class="tool-button"
          aria-label={fill(t['lines.remove'], { n })}
          onClick={() => props.onRemove(line.id)}
        >
          ✕
        </button>
      </span>
    </li>
  );
});

export interface LineItemsProps extends LineActions {
  lines: readonly RequestLineDraft[];
  results: readonly LineResult[];
  showEmpty: boolean;
  subcategories: readonly string[];
  t: BudgetRequestStrings;
  onAdd: () => void;
  /** 至少一行 is missing and completion was tried. */
  addError: string | null;
}

export function LineItems(props: LineItemsProps) {
  const { t, lines } = props;
  const full = lines.length >= MAX_LINES;
  return (
    <section class="br-lines no-print" aria-labelledby="br-lines-heading">
      <h2 id="br-lines-heading">{t['lines.heading']}</h2>
      {/* The cells state their limit once here; each shows its counter as it nears it. */}
      <p class="tool-hint">{fill(t['lines.limitHint'], { max: MAX_SHORT })}</p>
      {lines.length === 0 && <p>{t['lines.empty']}</p>}
      <ol class="br-line-list">
        {lines.map((line, i) => (
          <LineRow
            key={line.id}
            line={line}
            result={props.results[i]!}
            index={i}
            last={i === lines.length - 1}
            showEmpty={props.showEmpty}
            subcategories={props.subcategories}
            t={t}
            onField={props.onField}
            onMove={props.onMove}
            onRemove={props.onRemove}
          />
        ))}
      </ol>
      <div class="br-lines-footer">
        <button
          type="button"
          class="tool-button"
          id={inputId('add-line')}
          disabled={full}
          aria-describedby="br-lines-count"
          onClick={props.onAdd}
        >
          {t['lines.add']}
        </button>
        <span id="br-lines-count">
          {full
            ? fill(t['lines.full'], { max: MAX_LINES })
            : fill(t['lines.count'], { n: lines.length, max: MAX_LINES })}
        </span>
        {props.addError && <span class="tool-error">{props.addError}</span>}
      </div>
    </section>
  );
}
