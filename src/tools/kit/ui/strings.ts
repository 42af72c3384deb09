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
  // A limited text field (Field.tsx): the limit, the counter near it, how much is over.
  limitHint: '最多 {max} 字',
  limitCount: '{count} / {max}',
  limitOver: '超出 {over} 字，请删减到 {max} 字以内',
  limitCut: '粘贴的内容太长，只保留了前 {kept} 字，后面的 {lost} 字没有保留',
  limitNearSay: '接近字数上限 {max} 字',
  limitOverSay: '已超出字数上限 {max} 字',
  /** The export bar, before anything goes out: 「总体自评超出 4,500 字（最多 500 字）」. */
  overLimitField: '{field}超出 {over} 字（最多 {max} 字）',
  overLimitExport: '{fields}。打印、复制的文本、分享链接和 JSON 文件都会带上全文；请先删减到上限以内。',
} as const;
