// The one confirm step before a destructive action (delete an entry, clear ticks): the question
// takes focus first so it is read out, Escape or 取消 returns focus to the button that asked.
import type { ComponentChildren } from 'preact';
import { useEffect, useRef } from 'preact/hooks';

export function ConfirmStep(props: {
  id: string;
  /** Text, or text with links (a clause it cites); it names the group. */
  question: ComponentChildren;
  confirmLabel: string;
  cancelLabel: string;
  onConfirm: () => void;
  onCancel: () => void;
  /** The button that asked: focus goes back to it on cancel. */
  trigger?: HTMLElement | null;
  class?: string;
}) {
  const question = useRef<HTMLParagraphElement>(null);
  useEffect(() => question.current?.focus(), []);
  const cancel = () => {
    props.onCancel();
    props.trigger?.focus();
  };
  return (
    <span
      class={`tool-confirm ${props.class ?? ''}`}
      role="group"
      aria-labelledby={`${props.id}-question`}
      onKeyDown={(e) => {
        if (e.key === 'Escape') cancel();
      }}
    >
      <p id={`${props.id}-question`} tabIndex={-1} ref={question}>
        {props.question}
      </p>
      <button
        type="button"
        class="tool-button tool-button--small tool-button--primary"
        onClick={props.onConfirm}
      >
        {props.confirmLabel}
      </button>
      <button type="button" class="tool-button tool-button--small" onClick={cancel}>
        {props.cancelLabel}
      </button>
    </span>
  );
}
