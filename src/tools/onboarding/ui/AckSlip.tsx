// 制度签收单: the date of signing, and the slip with the policy version, the fingerprint of its
// text computed at build and the 制度测验 result (printed on its own when asked).
import type { ComponentChildren } from 'preact';
import { MAX_FIELD_LENGTH, type SharedOnboarding } from '../logic/state';
import type { ChecklistView } from '../logic/checklist';
import type { QuizResult } from '../logic/quiz';
import { quizValue } from './Quiz';
import { TextField } from '../../kit/ui/Field';
import type { OnboardingStrings } from './strings';

export function AckSlip(props: {
  state: SharedOnboarding;
  /** 制度测验 result, null when none was finished. */
  quiz: QuizResult | null;
  view: ChecklistView;
  s: OnboardingStrings;
  t: (key: keyof OnboardingStrings, values?: Record<string, string | number>) => string;
  readOnly: boolean;
  mounted: boolean;
  printing: boolean;
  ackError: string | null;
  ackPrinted: string;
  roleName: (id: string) => string;
  meta: { title: string; shortTitle: string; version: string; effective: string };
  fingerprint: string;
  onAckDate: (value: string) => void;
  onPrint: () => void;
  /** The QR code of the checklist's share link (扫码查看电子版), while the slip is printed. */
  qr?: ComponentChildren;
}) {
  const { state, view, s, t, readOnly, mounted, ackError, ackPrinted, roleName } = props;
  return (
    <section class="ob-slip-section" aria-labelledby="ob-slip-heading">
      <h2 id="ob-slip-heading" class="no-print">
        {s['slip.heading']}
      </h2>
      <p class="no-print">{s['slip.intro']}</p>
      <div class="ob-slip-controls no-print">
        <TextField
          id="ob-ack"
          label={s['field.ackDate']}
          value={state.ackDate}
          readOnly={readOnly}
          limit={MAX_FIELD_LENGTH}
          // A date as typed, not prose: its limit shows only if it nears it.
          limitShown="near"
          error={ackError}
          hint={s['field.ackDateHint']}
          onInput={props.onAckDate}
        />
        <button type="button" class="tool-button" disabled={!mounted} onClick={props.onPrint}>
          {s['slip.print']}
        </button>
      </div>
      <div
        class={`ob-slip ${props.printing ? 'tool-print-sheet' : 'no-print'}`}
        role="group"
        aria-label={t('slip.title', { title: props.meta.title })}
      >
        <p class="ob-sheet-title">{t('slip.title', { title: props.meta.title })}</p>
        <dl class="ob-slip-facts">
          <dt>{s['field.name']}</dt>
          <dd>{state.name}</dd>
          <dt>{s['field.role']}</dt>
          <dd>{view.role.status === 'ok' ? roleName(state.role) : ''}</dd>
          <dt>{s['field.ackDate']}</dt>
          <dd>{ackPrinted || s['slip.blankDate']}</dd>
          <dt>{s['slip.version']}</dt>
          <dd>{t('slip.versionValue', { version: props.meta.version, effective: props.meta.effective })}</dd>
          <dt>{s['slip.fingerprint']}</dt>
          <dd>
            <code class="ob-fingerprint">{props.fingerprint}</code>
            <span class="ob-muted">（{s['slip.fingerprintNote']}）</span>
          </dd>
          <dt>{s['slip.quiz']}</dt>
          <dd data-testid="slip-quiz">
            {quizValue(props.quiz, t)}
            {props.quiz && (props.quiz.version !== props.meta.version || props.quiz.fingerprint !== props.fingerprint) && (
              <span class="ob-muted">
                {t('slip.quizEdition', { version: props.quiz.version, fingerprint: props.quiz.fingerprint })}
              </span>
            )}
          </dd>
        </dl>
        <p class="ob-statement">{t('slip.statement', { shortTitle: props.meta.shortTitle })}</p>
        <div class="signatures">
          <div>{s['slip.signHire']}</div>
          <div>{s['slip.signManager']}</div>
        </div>
        {props.qr}
      </div>
    </section>
  );
}
