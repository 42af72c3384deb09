// 「申请长期保存」 in plain words: the browser's answer to navigator.storage.persist(), for the tools'
// first save and for 我的数据. Words only; asking is src/client/persist-storage.ts.

/** What the browser says about keeping this site's storage. */
export type PersistState = 'granted' | 'denied' | 'unsupported';

const WORDS: Readonly<Record<PersistState, string>> = {
  granted: '浏览器已同意长期保存：除非你自己清除浏览数据，本机数据不会被自动删除',
  denied: '浏览器未同意长期保存：长期不访问或空间不足时，浏览器可能删除本机数据；请定期「备份全部」',
  unsupported: '此浏览器不支持长期保存',
};

export function persistInWords(state: PersistState): string {
  return WORDS[state];
}
