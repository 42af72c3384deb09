// Opening a share link: the state rides in the URL fragment (never sent to a server) and is
// validated before it is shown read-only. A tampered link is reported and the tool opens normally.
import { useEffect, useState } from 'preact/hooks';
import type { Migrate, StateSchema } from '../../../core/json-file';
import { decodeShare } from '../../../core/share-link';
import { clearFragment, currentFragment } from './dom';

export type ShareView<T> =
  | { status: 'none' }
  | { status: 'shared'; state: T }
  | { status: 'error'; error: string };

export function useShareView<T>(tool: string, version: number, schema: StateSchema<T>, migrate?: Migrate) {
  const [view, setView] = useState<ShareView<T>>({ status: 'none' });
  useEffect(() => {
    const read = () => {
      const fragment = currentFragment();
      if (!fragment) return setView({ status: 'none' });
      const result = decodeShare(fragment, tool, version, schema, migrate ? { migrate } : {});
      setView(result.ok ? { status: 'shared', state: result.state } : { status: 'error', error: result.error });
    };
    read();
    addEventListener('hashchange', read);
    return () => removeEventListener('hashchange', read);
  }, [tool, version]);
  const close = () => {
    clearFragment();
    setView({ status: 'none' });
  };
  return { view, close };
}
