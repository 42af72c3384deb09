// zh-CN words of the tool kit, the same in every tool. Storage messages (damaged, older, newer…)
// are STORAGE_MESSAGES in src/core/storage.ts, so every tool says them alike.
import { STORAGE_MESSAGES } from '../../../core/storage';

export const KIT = {
  shareError: '分享链接无法打开：{error}。下面是你自己的内容。',
  shareUnreadable: '读取链接所需的代码没能加载（可能网络已断开），请联网后刷新本页再试',
  downloadBackup: '下载损坏的记录',
  unreadableEntry: '无法读取的记录',
  resetFields: '。已重置的字段：',
  keepAllMine: '全部保留本页的',
  takeAllTheirs: '全部用另一标签页的',
  imported: '已导入',
  importedAs: '已导入「{label}」',
  codes: {
    unavailable: STORAGE_MESSAGES.unavailable,
    quota: STORAGE_MESSAGES.quota,
    invalid: STORAGE_MESSAGES.invalid,
    unreadable: STORAGE_MESSAGES.damaged,
    damaged: STORAGE_MESSAGES.damaged,
    older: STORAGE_MESSAGES.older,
    newer: STORAGE_MESSAGES.newer,
    recovered: STORAGE_MESSAGES.recovered,
    repaired: '保存的内容有个别字段无法读取，已重置这些字段，原记录另存为备份',
    merged: '另一个标签页也修改了这条记录，已把两边改动不同字段的内容合并保存',
    conflict: '另一个标签页修改了同样的字段：请在标出的字段旁选择保留哪一边，选好之前本页不会自动保存',
    'removed-elsewhere': '另一个标签页删除了这条记录；本页的内容已重新保存',
  } as Record<string, string>,
} as const;
