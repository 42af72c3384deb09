// The approver's form for the next step of the chain: 结论 (同意 / 退回修改 / 不同意), 意见, name and
// date. Messages come from the logic (decisionFormErrors) and show beside a field once it was left
// or the form was sent, never while the approver is still on their first keystroke.
import { useState } from 'preact/hooks';
import { fill } from '../../../core/template';
import type { ApprovalStep } from '../../../core/policy-types';
import { TextAreaField, TextField } from '../../kit/ui/Field';
import {
  decisionFormErrors,
  decisionLabel,
  type DecisionField,
  type DecisionForm as Form,
  type DecisionFormErrors,
} from '../logic/approval';
import { DECISIONS, MAX_COMMENT, MAX_SHORT, type Decision } from '../logic/state';
import type { BudgetRequestStrings } from './strings';

export function DecisionForm(props: {
  step: ApprovalStep;
  t: BudgetRequestStrings;
  today: string;
  /** Makes the reply; the step's own error (checkStep) when it cannot. */
  onSubmit: (form: Form) => Promise<DecisionFormErrors | null>;
  /** The form changed after a reply was made (that reply no longer says what the form does). */
  onChange: () => void;
}) {
  const { step, t } = props;
  const [form, setForm] = useState<Form>({
    step: step.id,
    name: '',
    decision: '',
    comment: '',
    date: props.today,
  });
  const [touched, setTouched] = useState<ReadonlySet<DecisionField>>(new Set());
  const [submitted, setSubmitted] = useState(false);
  const [stepError, setStepError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const errors = decisionFormErrors(form, t);
  const shown = (f: DecisionField) => (submitted || touched.has(f) ? (errors[f] ?? null) : null);
  const touch = (f: DecisionField) => setTouched((s) => (s.has(f) ? s : new Set([...s, f])));
  const set = <K extends keyof Form>(field: K, value: Form[K]) => {
    setForm((f) => ({ ...f, [field]: value }));
    props.onChange();
  };
  const count = Object.keys(errors).length;

  const submit = async (e: Event) => {
    e.preventDefault();
    setSubmitted(true);
    if (count > 0) {
      // Focus the first field that needs fixing, so the message beside it is read out.
      const first = (['decision', 'comment', 'name', 'date'] as const).find((f) => errors[f]);
      requestAnimationFrame(() =>
        document
          .querySelector<HTMLElement>(first === 'decision' ? '[name="br-decision"]' : `#br-approve-${first}`)
          ?.focus(),
      );
      return;
    }
    setBusy(true);
    try {
      const refused = await props.onSubmit(form);
      setStepError(refused?.step ?? null);
    } finally {
      setBusy(false);
    }
  };

  const decisionError = shown('decision');
  return (
    <form class="br-decision-form" onSubmit={submit} noValidate aria-labelledby="br-approve-form-heading">
      <h3 id="br-approve-form-heading">{fill(t['approve.formHeading'], { approver: step.approver })}</h3>
      <p class="tool-hint">{fill(t['approve.formHint'], { approver: step.approver })}</p>
      <p class="br-decision-role">
        {t['approve.role']}：<strong data-testid="approve-role">{step.approver}</strong>
      </p>
      <fieldset
        class="br-decision-choice"
        aria-describedby={decisionError ? 'br-approve-decision-error' : undefined}
      >
        <legend>{t['approve.decision']}</legend>
        {DECISIONS.map((d: Decision) => (
          <label key={d} class="br-radio">
            <input
              type="radio"
              name="br-decision"
              value={d}
              checked={form.decision === d}
              onChange={() => set('decision', d)}
              onBlur={() => touch('decision')}
            />
            {decisionLabel(d, t)}
          </label>
        ))}
        {decisionError && (
          <span class="tool-error" id="br-approve-decision-error">
            {decisionError}
          </span>
        )}
      </fieldset>
      {/* The kit's text area takes no onBlur; focusout bubbles from it. */}
      <div class="br-decision-comment" onFocusOut={() => touch('comment')}>
        <TextAreaField
          id="br-approve-comment"
          label={t['approve.comment']}
          value={form.comment}
          rows={3}
          limit={MAX_COMMENT}
          hint={t['approve.commentHint']}
          error={shown('comment')}
          onInput={(v) => set('comment', v)}
        />
      </div>
      <div class="br-decision-row">
        <TextField
          id="br-approve-name"
          label={t['approve.name']}
          value={form.name}
          limit={MAX_SHORT}
          error={shown('name')}
          onInput={(v) => set('name', v)}
          onBlur={() => touch('name')}
        />
        <TextField
          id="br-approve-date"
          type="date"
          label={t['approve.date']}
          value={form.date}
          error={shown('date')}
          onInput={(v) => set('date', v)}
          onBlur={() => touch('date')}
        />
      </div>
      <div class="tool-export-buttons">
        <button type="submit" class="tool-button tool-button--primary" disabled={busy}>
          {t['approve.submit']}
        </button>
      </div>
      <p class="tool-error" role="alert">
        {stepError ?? (submitted && count > 0 ? fill(t['approve.fix'], { n: count }) : '')}
      </p>
    </form>
  );
}
