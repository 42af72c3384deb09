// The revision fingerprint of a draft, worked out after each change (Web Crypto is async); null
// until it is known, so the page never shows the fingerprint of an older text.
import { useEffect, useState } from 'preact/hooks';
import { revisionFingerprint } from '../logic/approval';
import type { BudgetRequestDraft } from '../logic/state';

export function useRevisionFingerprint(draft: BudgetRequestDraft): string | null {
  const [known, setKnown] = useState<{ draft: BudgetRequestDraft; fingerprint: string } | null>(null);
  useEffect(() => {
    let live = true;
    void revisionFingerprint(draft).then((fingerprint) => {
      if (live) setKnown({ draft, fingerprint });
    });
    return () => {
      live = false;
    };
  }, [draft]);
  return known?.draft === draft ? known.fingerprint : null;
}
