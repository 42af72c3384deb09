// The messages above a tool, from three sources: a share link that could not be opened, the
// autosave (damaged entry, other tab, storage), and the tool's own (imported, deleted…).
import { useState } from 'preact/hooks';
import type { Notice } from './Notices';
import type { ShareView } from './use-share-view';

export function useToolNotices<T>(
  share: { view: ShareView<T>; close: () => void },
  saved: { notices: Notice[]; dismiss: (id: string) => void },
  shareError: (error: string) => string,
) {
  const [local, setLocal] = useState<Notice[]>([]);
  const say = (notice: Notice) => setLocal((list) => [...list.filter((n) => n.id !== notice.id), notice]);
  const notices: Notice[] = [
    ...(share.view.status === 'error'
      ? [{ id: 'share-error', kind: 'error' as const, text: shareError(share.view.error) }]
      : []),
    ...saved.notices,
    ...local,
  ];
  const dismiss = (id: string) => {
    if (id === 'share-error') share.close();
    saved.dismiss(id);
    setLocal((list) => list.filter((n) => n.id !== id));
  };
  return { notices, dismiss, say };
}
