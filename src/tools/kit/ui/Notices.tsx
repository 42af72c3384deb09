// Messages about saving, links and imports, shown above the tool. Errors are alerts; the rest status.
import type { ComponentChildren } from 'preact';

export interface Notice {
  id: string;
  kind: 'info' | 'warning' | 'error';
  text: string;
  /** Optional buttons beside the message, e.g. 下载备份 or 载入另一标签页的版本. */
  actions?: readonly { label: string; onClick: () => void }[];
  /** Stays in view while the reader scrolls the form (a two-tab conflict): announced as an alert. */
  sticky?: boolean;
}

export function Notices({
  notices,
  onDismiss,
}: {
  notices: readonly Notice[];
  onDismiss?: (id: string) => void;
}) {
  return (
    <div class="tool-notices no-print">
      {notices.map((n) => (
        <div
          key={n.id}
          class={`tool-notice tool-notice--${n.kind}${n.sticky ? ' tool-notice--sticky' : ''}`}
          role={n.kind === 'error' || n.sticky ? 'alert' : 'status'}
        >
          <span>{n.text}</span>
          {n.actions?.map((a) => (
            <button key={a.label} type="button" class="tool-button tool-button--small" onClick={a.onClick}>
              {a.label}
            </button>
          ))}
          {onDismiss && (
            <button
              type="button"
              class="tool-button tool-button--small"
              aria-label={`知道了（关闭提示：${n.text}）`}
              onClick={() => onDismiss(n.id)}
            >
              知道了
            </button>
          )}
        </div>
      ))}
    </div>
  );
}

/** A result area that screen readers announce when it changes. */
export function LiveResult({ children, label }: { children: ComponentChildren; label: string }) {
  return (
    <section class="tool-result" aria-label={label} aria-live="polite">
      {children}
    </section>
  );
}

/** Says the reader is looking at someone's shared link, read-only, with the button back to their own work. */
export function ShareBanner({
  text,
  closeLabel,
  onClose,
}: {
  text: string;
  closeLabel: string;
  onClose: () => void;
}) {
  return (
    <div class="tool-readonly-banner no-print" role="status">
      <span>{text}</span>{' '}
      <button type="button" class="tool-button tool-button--small" onClick={onClose}>
        {closeLabel}
      </button>
    </div>
  );
}
