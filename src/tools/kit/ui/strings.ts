// zh-CN words of the tool kit's buttons, the same in every tool. The runtime's messages are
// RUNTIME_MESSAGES (../logic/runtime.ts) and the storage's STORAGE_MESSAGES (src/core/storage.ts).
import { RUNTIME_MESSAGES } from '../logic/runtime';
import { STORAGE_MESSAGES } from '../../../core/storage';

export const KIT = {
  shareUnreadable: RUNTIME_MESSAGES.shareUnreadable,
  downloadBackup: '下载损坏的记录',
  // The conflict notice names these buttons: one wording for both.
  keepAllMine: STORAGE_MESSAGES.keepAllMine,
  takeAllTheirs: STORAGE_MESSAGES.takeAllTheirs,
  /** Beside a link that belongs to another page (core/link-owner): {page} is that page's name. */
  openElsewhere: '打开{page}',
} as const;
