// 清空勾选 and 删除此人记录, each behind the kit's confirm step (focus goes back on cancel).
import { useRef, useState } from 'preact/hooks';
import { ConfirmStep } from '../../kit/ui/ConfirmStep';
import type { OnboardingStrings } from './strings';

type Confirm = 'reset' | 'delete' | null;

export function PersonActions(props: {
  s: OnboardingStrings;
  t: (key: keyof OnboardingStrings, values?: Record<string, string | number>) => string;
  mounted: boolean;
  personName: string;
  onReset: () => void;
  onDelete: () => void;
}) {
  const { s, t, mounted } = props;
  const [confirm, setConfirm] = useState<Confirm>(null);
  const trigger = useRef<HTMLElement | null>(null);
  const ask = (kind: Confirm, el: HTMLElement) => {
    trigger.current = el;
    setConfirm(kind);
  };
  const button = (kind: Exclude<Confirm, null>, label: string) => (
    <button
      type="button"
      class="tool-button"
      disabled={!mounted}
      aria-expanded={confirm === kind}
      onClick={(e) => ask(kind, e.currentTarget)}
    >
      {label}
    </button>
  );
  return (
    <div class="ob-reset no-print">
      {button('reset', s['reset.button'])} {button('delete', s['delete.button'])}
      {confirm && (
        <ConfirmStep
          id="ob-confirm"
          class="ob-confirm"
          question={t(confirm === 'reset' ? 'reset.question' : 'delete.question', { name: props.personName })}
          confirmLabel={s[confirm === 'reset' ? 'reset.confirm' : 'delete.confirm']}
          cancelLabel={s['reset.cancel']}
          trigger={trigger.current}
          onConfirm={() => {
            if (confirm === 'reset') props.onReset();
            else props.onDelete();
            setConfirm(null);
          }}
          onCancel={() => setConfirm(null)}
        />
      )}
    </div>
  );
}
