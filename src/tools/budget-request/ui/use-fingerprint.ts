// The revision fingerprint of a draft, worked out after each change (Web Crypto is async); null
// until it is known, so the page never shows the fingerprint of an older text. The hashing code
// loads once `when` turns true (the 审批 section near the screen, the print sheet), not with the form.
import { useEffect, useRef, useState } from 'preact/hooks';
import { useOnDemand } from '../../kit/ui/lazy';
import type { BudgetRequestDraft } from '../logic/state';

export interface RevisionFingerprint {
  /** Null until known for this draft. */
  readonly fingerprint: string | null;
  /** 3f2a-91c0, as the 审批 section shows it; null until known. */
  readonly short: string | null;
  /** Loads the code and works the fingerprint out now; resolves once it is on screen (before 打印). */
  readonly need: () => Promise<void>;
}

export function useRevisionFingerprint(draft: BudgetRequestDraft, when = true): RevisionFingerprint {
  const code = useOnDemand(() => import('../logic/revision'), when);
  const [known, setKnown] = useState<{
    draft: BudgetRequestDraft;
    fingerprint: string;
    short: string;
  } | null>(null);
  const latest = useRef(draft);
  latest.current = draft;
  const work = async (m: typeof import('../logic/revision'), of: BudgetRequestDraft) => {
    const fingerprint = await m.revisionFingerprint(of);
    return { draft: of, fingerprint, short: m.shortFingerprint(fingerprint) };
  };
  useEffect(() => {
    if (!code.mod) return;
    let live = true;
    void work(code.mod, draft).then((k) => {
      if (live) setKnown(k);
    });
    return () => {
      live = false;
    };
  }, [draft, code.mod]);
  const current = known?.draft === draft ? known : null;
  return {
    fingerprint: current?.fingerprint ?? null,
    short: current?.short ?? null,
    need: async () => {
      const m = await code.need();
      const of = latest.current;
      const k = await work(m, of);
      if (latest.current === of) setKnown(k);
      await new Promise((done) => requestAnimationFrame(done));
    },
  };
}
