// zh-CN words of the tool kit's buttons, the same in every tool. The runtime's messages are
// RUNTIME_MESSAGES (../logic/runtime.ts) and the storage's STORAGE_MESSAGES (src/core/storage.ts).
import { RUNTIME_MESSAGES } from '../logic/runtime';

export const KIT = {
  shareUnreadable: RUNTIME_MESSAGES.shareUnreadable,
  downloadBackup: '下载损坏的记录',
  keepAllMine: '全部保留本页的',
  takeAllTheirs: '全部用另一标签页的',
  /** Beside a link that belongs to another page (core/link-owner): {page} is that page's name. */
  openElsewhere: '打开{page}',
} as const;
