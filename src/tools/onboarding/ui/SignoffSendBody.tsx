// 发送签收 (五（一）1): the new hire's 签收 as a link to 新员工签收 or a JSON file, made from the
// checklist (name, role, the policy version and fingerprint read, 签收日期, progress). What is
// missing shows beside its line once the reader asks; the reply code loads on first use. Loaded by
// ./SignoffSend when the reader uses the page or nears the section, not with the page.
import { useState } from 'preact/hooks';
import { parseDateInput, type ChecklistView } from '../logic/checklist';
import type { SignoffField, PolicyEdition } from '../logic/signoff';
import type { SharedOnboarding } from '../logic/state';
import type { QuizResult } from '../logic/quiz';
import { quizValue } from './Quiz';
import { SendReply, type MadeReply } from '../../kit/ui/SendReply';
import type { OverLimitNote } from '../../kit/ui/use-tool';
import type { OnboardingStrings } from './strings';

type SignoffModule = typeof import('../logic/signoff');
const load = (): Promise<SignoffModule> => import('../logic/signoff');

/** Where each line's value is typed, to move the reader there. */
const FIELD_INPUT: Readonly<Record<SignoffField, { id: string; label: keyof OnboardingStrings }>> = {
  name: { id: 'ob-name', label: 'field.name' },
  role: { id: 'ob-role', label: 'field.role' },
  ackDate: { id: 'ob-ack', label: 'field.ackDate' },
};

export interface SignoffSendProps {
  state: SharedOnboarding;
  view: ChecklistView;
  s: OnboardingStrings;
  t: (key: keyof OnboardingStrings, values?: Record<string, string | number>) => string;
  mounted: boolean;
  /** 岗位 name of the chosen role, '' when none. */
  roleName: string;
  edition: PolicyEdition;
  /** 制度测验 result, null when none was finished (the 签收 says 未做测验). */
  quiz: QuizResult | null;
  today: string | null;
  /** /tools/signoffs/ with the base: the link opens there. */
  signoffsHref: string;
  /** Fields over their limit: named above the send buttons. */
  overLimit: readonly OverLimitNote[];
}

export function SignoffSendBody(props: SignoffSendProps) {
  const { state, view, s, t, today } = props;
  const [logic, setLogic] = useState<SignoffModule | null>(null);
  const [asked, setAsked] = useState(false);
  const input = { state, view, roleName: props.roleName, edition: props.edition, today: today ?? '', quiz: props.quiz };
  const problems = asked && logic ? logic.signoffProblems(input, s) : [];
  const problemOf = (field: SignoffField) => problems.find((p) => p.field === field)?.message ?? null;

  /** The 签收, or null after showing what is missing. */
  const make = async (): Promise<MadeReply | null> => {
    const mod = logic ?? (await load());
    setLogic(mod);
    setAsked(true);
    const made = await mod.makeSignoffReply(input, s);
    if (!made.ok) return null;
    const p = made.reply.payload;
    return {
      reply: made.reply,
      href: props.signoffsHref,
      fileBase: t('send.fileBase', { name: p.name, date: p.date }),
    };
  };
  const overdue = view.phases.reduce((n, p) => n + p.items.filter((it) => it.overdue).length, 0);
  // The 签收日期 as it will be sent: typed, else today (a bad one is flagged once the reader asks).
  const typed = parseDateInput(state.ackDate);
  const date = typed.ok
    ? typed.iso
    : typed.code === 'empty'
      ? today
        ? t('send.dateToday', { date: today })
        : ''
      : state.ackDate;
  const line = (field: SignoffField | null, label: string, value: string) => {
    const problem = field ? problemOf(field) : null;
    const id = field ? `ob-send-${field}-error` : undefined;
    return (
      <>
        <dt>{label}</dt>
        <dd>
          <span>{value || s['send.blank']}</span>
          {problem && field && (
            <span class="ob-send-problem">
              <span class="tool-error" id={id}>
                {problem}
              </span>
              <button
                type="button"
                class="tool-button tool-button--small"
                aria-describedby={id}
                onClick={() => document.getElementById(FIELD_INPUT[field].id)?.focus()}
              >
                {t('send.fix', { field: s[FIELD_INPUT[field].label] })}
              </button>
            </span>
          )}
        </dd>
      </>
    );
  };

  return (
    <section class="ob-send no-print" aria-labelledby="ob-send-heading">
      <h2 id="ob-send-heading">{s['send.heading']}</h2>
      <p>{s['send.intro']}</p>
      <dl class="ob-send-facts">
        {line('name', s['field.name'], state.name.trim())}
        {line('role', s['field.role'], props.roleName)}
        {line(null, s['send.version'], props.edition.version)}
        {line(null, s['send.fingerprint'], props.edition.fingerprint)}
        {line('ackDate', s['send.date'], date)}
        {line(
          null,
          s['send.progress'],
          t('send.progressValue', { done: view.doneCount, total: view.total }) +
            (overdue > 0 ? t('send.progressOverdue', { n: overdue }) : ''),
        )}
        {line(null, s['send.quiz'], quizValue(props.quiz, t))}
      </dl>
      {problems.length > 0 && (
        <p class="tool-error" role="alert">
          {s['send.blocked']}
        </p>
      )}
      <SendReply
        id="ob-send-link"
        rows={3}
        disabled={!props.mounted}
        labels={{
          copy: s['send.copy'],
          download: s['send.download'],
          link: s['send.link'],
          copied: s['send.copied'],
          notCopied: s['send.notCopied'],
          downloaded: s['send.downloaded'],
          stale: s['send.stale'],
        }}
        make={make}
        content={state}
        overLimit={props.overLimit}
      />
      <p class="ob-trust">
        <strong>{s['trust.heading']}：</strong>
        {s['trust.note']}
      </p>
    </section>
  );
}
