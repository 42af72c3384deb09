// The 预算申请单 form: header, the fields the category requires (三（二）1), line items, budget
// position inputs and the expected return. Errors show beside each field only after the reader
// asked to finish (`err`), or for a value typed wrong.
import type { BudgetRequestDraft } from '../logic/state';
import { MAX_LONG, MAX_SHORT } from '../logic/state';
import { fieldTarget } from '../logic/derive';
import type { BudgetRequestView } from '../logic/definition';
import { formatYuan, formatYuanPlain, type Fen } from '../../../core/money';
import { fill } from '../../../core/template';
import type { Path } from '../../../core/autosave/path';
import { FieldSet, SelectField, TextAreaField, TextField, type FieldConflictView } from '../../kit/ui/Field';
import { ClauseA, Fill, inputId, type ToolContext } from './common';
import { LineItems, type LineField } from './LineItems';

export interface RequestFormProps {
  draft: BudgetRequestDraft;
  result: BudgetRequestView;
  ctx: ToolContext;
  showEmpty: boolean;
  missingTargets: ReadonlySet<string>;
  update: (fn: (d: BudgetRequestDraft) => BudgetRequestDraft) => void;
  onField: (lineId: string, field: LineField, value: string) => void;
  onMove: (lineId: string, by: -1 | 1) => void;
  onRemove: (lineId: string) => void;
  onAdd: () => void;
  conflictAt: (path: Path) => FieldConflictView | null;
  /** Approved (every field read-only until a new revision is started, LockBanner), or the tool not ready yet. */
  locked: boolean;
}

export function RequestForm(props: RequestFormProps) {
  const {
    draft,
    result,
    ctx,
    showEmpty,
    missingTargets,
    update,
    onField,
    onMove,
    onRemove,
    onAdd,
    conflictAt,
    locked,
  } = props;
  const { t, policy } = ctx;
  const { category } = result;
  const categoryOptions = policy.categories.map((c) => ({ value: c.id, label: c.name }));
  const err = (target: string, specific: string | null | undefined) =>
    specific ?? (showEmpty && missingTargets.has(target) ? t['error.required'] : null);
  const set = <K extends keyof BudgetRequestDraft>(field: K, value: BudgetRequestDraft[K]) =>
    update((d) => ({ ...d, [field]: value }));
  return (
    <form class="tool-root no-print" onSubmit={(e) => e.preventDefault()} aria-label={t['tool.title']}>
      {/* One disabled fieldset makes every input and button of an approved request read-only. */}
      <fieldset class="br-form-lock" disabled={locked} data-locked={String(locked)}>
        <FieldSet legend={t['header.legend']}>
          <TextField
            id={inputId('department')}
            label={t['field.department']}
            value={draft.department}
            limit={MAX_SHORT}
            error={err('department', null)}
            conflict={conflictAt(['department'])}
            onInput={(v) => set('department', v)}
          />
          <TextField
            id={inputId('applicant')}
            label={t['field.applicant']}
            value={draft.applicant}
            limit={MAX_SHORT}
            error={err('applicant', null)}
            conflict={conflictAt(['applicant'])}
            onInput={(v) => set('applicant', v)}
          />
          <TextField
            id={inputId('date')}
            type="date"
            label={t['field.date']}
            value={draft.date}
            error={err('date', result.dateError)}
            conflict={conflictAt(['date'])}
            onInput={(v) => set('date', v)}
          />
          <TextField
            id={inputId('fiscalYear')}
            label={t['field.year']}
            value={draft.fiscalYear}
            inputMode="numeric"
            limit={MAX_SHORT}
            error={err('fiscalYear', result.fiscalYearError)}
            conflict={conflictAt(['fiscalYear'])}
            onInput={(v) => set('fiscalYear', v)}
          />
          <TextField
            id={inputId('project')}
            class="tool-field--wide"
            label={t['field.project']}
            value={draft.project}
            limit={MAX_SHORT}
            error={err('project', null)}
            conflict={conflictAt(['project'])}
            onInput={(v) => set('project', v)}
          />
          <SelectField
            id={inputId('category')}
            label={t['field.category']}
            value={draft.category}
            placeholder={t['field.categoryPlaceholder']}
            options={categoryOptions}
            error={err('category', null)}
            conflict={conflictAt(['category'])}
            // A new category brings its own annual budget from the parameters.
            onChange={(v) => update((d) => ({ ...d, category: v, annualBudget: null }))}
          />
          <TextAreaField
            id={inputId('purpose')}
            class="tool-field--wide"
            label={t['field.purpose']}
            value={draft.purpose}
            limit={MAX_LONG}
            hint={
              <Fill
                template={t['field.purposeHint']}
                parts={{ clause: <ClauseA id={policy.clauses.categories} ctx={ctx} /> }}
              />
            }
            error={err('purpose', null)}
            conflict={conflictAt(['purpose'])}
            onInput={(v) => set('purpose', v)}
          />
        </FieldSet>

        {category && category.requestFields.length > 0 && (
          <FieldSet legend={fill(t['required.legend'], { category: category.name })}>
            {category.requestFields.map((f) => {
              const target = fieldTarget('field', f.id);
              return (
                <TextAreaField
                  key={f.id}
                  id={inputId(target)}
                  class="tool-field--wide"
                  rows={2}
                  label={f.label}
                  value={draft.fields[f.id] ?? ''}
                  limit={MAX_LONG}
                  hint={
                    <Fill
                      template={t['required.hint']}
                      parts={{ clause: <ClauseA id={f.clause} ctx={ctx} /> }}
                    />
                  }
                  error={err(target, null)}
                  conflict={conflictAt(['fields', f.id])}
                  onInput={(v) => update((d) => ({ ...d, fields: { ...d.fields, [f.id]: v } }))}
                />
              );
            })}
          </FieldSet>
        )}

        <LineItems
          lines={draft.lines}
          results={result.lines}
          showEmpty={showEmpty}
          subcategories={category?.subcategories ?? []}
          t={t}
          onField={onField}
          onMove={onMove}
          onRemove={onRemove}
          onAdd={onAdd}
          addError={showEmpty && missingTargets.has('add-line') ? t['complete.noLines'] : null}
        />

        <FieldSet legend={t['budget.legend']}>
          {category ? (
            <div class="tool-field">
              <TextField
                id={inputId('annualBudget')}
                label={fill(t['budget.annual'], { category: category.name })}
                value={draft.annualBudget ?? formatYuanPlain(result.annualFromParamsFen ?? (0 as Fen))}
                inputMode="decimal"
                unit="元"
                limit={MAX_SHORT}
                hint={fill(t['budget.annualHint'], {
                  amount: formatYuan(result.annualFromParamsFen ?? (0 as Fen)),
                })}
                error={result.annualError}
                onInput={(v) => set('annualBudget', v)}
              />
              {draft.annualBudget !== null && (
                <button
                  type="button"
                  class="tool-button tool-button--small"
                  onClick={() => set('annualBudget', null)}
                >
                  {t['budget.annualReset']}
                </button>
              )}
            </div>
          ) : (
            <p class="tool-hint">{t['budget.pickCategory']}</p>
          )}
          <TextField
            id={inputId('used')}
            label={t['budget.used']}
            value={draft.used}
            inputMode="decimal"
            unit="元"
            limit={MAX_SHORT}
            hint={t['budget.usedHint']}
            error={result.usedError}
            conflict={conflictAt(['used'])}
            onInput={(v) => set('used', v)}
          />
        </FieldSet>

        {result.expected && (
          <FieldSet legend={t['expected.legend']}>
            <p class="tool-hint tool-field--wide">
              <Fill
                template={t['expected.hint']}
                parts={{ clause: <ClauseA id={policy.clauses.expectedReturn} ctx={ctx} /> }}
              />
            </p>
            <TextField
              id={inputId('participants')}
              label={t['expected.participants']}
              value={draft.expected.participants}
              inputMode="numeric"
              unit="人"
              limit={MAX_SHORT}
              error={result.expected.participantsError}
              onInput={(v) => update((d) => ({ ...d, expected: { ...d.expected, participants: v } }))}
            />
            <TextField
              id={inputId('conversions')}
              label={t['expected.conversions']}
              value={draft.expected.conversions}
              inputMode="numeric"
              unit="人"
              limit={MAX_SHORT}
              error={result.expected.conversionsError}
              onInput={(v) => update((d) => ({ ...d, expected: { ...d.expected, conversions: v } }))}
            />
            <TextField
              id={inputId('pricePerCustomer')}
              label={t['expected.price']}
              value={draft.expected.pricePerCustomer}
              inputMode="decimal"
              unit="元"
              limit={MAX_SHORT}
              error={result.expected.priceError}
              onInput={(v) => update((d) => ({ ...d, expected: { ...d.expected, pricePerCustomer: v } }))}
            />
          </FieldSet>
        )}
      </fieldset>
    </form>
  );
}
