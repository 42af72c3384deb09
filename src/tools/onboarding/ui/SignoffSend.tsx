// 发送签收 (五（一）1): the section's heading and intro come with the page; the rest
// (./SignoffSendBody, with the kit's SendReply) loads once the reader uses the page or scrolls near
// it, so a reader who never sends a 签收 never loads it.
import { useEffect, useRef, useState } from 'preact/hooks';
import { useFirstUse, useOnDemand } from '../../kit/ui/lazy';
import type { SignoffSendProps } from './SignoffSendBody';

export type { SignoffSendProps };

/** True once `el` is within a screen of the viewport (scrolling towards it). */
function useNear(el: { readonly current: Element | null }): boolean {
  const [near, setNear] = useState(false);
  useEffect(() => {
    if (near || !el.current) return;
    if (typeof IntersectionObserver === 'undefined') return setNear(true);
    const watch = new IntersectionObserver(
      (seen) => {
        if (seen.some((e) => e.isIntersecting)) setNear(true);
      },
      { rootMargin: '100% 0px' },
    );
    watch.observe(el.current);
    return () => watch.disconnect();
  }, [near]);
  return near;
}

export function SignoffSend(props: SignoffSendProps) {
  const { s } = props;
  const shell = useRef<HTMLElement>(null);
  const firstUse = useFirstUse();
  const near = useNear(shell);
  const body = useOnDemand(() => import('./SignoffSendBody'), firstUse || near);
  if (body.mod) return <body.mod.SignoffSendBody {...props} />;
  return (
    <section ref={shell} class="ob-send no-print" aria-labelledby="ob-send-heading">
      <h2 id="ob-send-heading">{s['send.heading']}</h2>
      <p>{s['send.intro']}</p>
    </section>
  );
}
