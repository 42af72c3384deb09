// zh-CN words of the QR code: the 显示二维码 dialog beside a link, and the block on a printed form.
export const QR_WORDS = {
  show: '显示二维码',
  heading: '二维码',
  scan: '用手机扫码打开',
  /** The code's accessible name. */
  image: '链接的二维码',
  /** {fingerprint}: shortFingerprint, 3f2a-91c0. */
  fingerprint: '指纹：{fingerprint}',
  close: '关闭',
  /** The QR code's code could not be loaded (offline without the service worker's copy). */
  failed: '二维码功能未能加载，请检查网络后重试；也可以用「复制链接」发送。',
  /** On paper, beside the code. */
  sheet: '扫码查看电子版',
  /** On paper, when the content is too long for any link (the page names the limit by its buttons). */
  sheetNoLink: '未印二维码：内容太多，生成不了链接；请发送 JSON 文件',
} as const;
