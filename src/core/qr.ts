/**
 * A link as a QR code, for a phone across the desk and for the printed form (扫码查看电子版).
 * Pure: the code is drawn as one SVG path of dark modules on a white square with its quiet zone,
 * crisp at any print size, dark on white whatever the page's theme. This module (and the
 * qrcode-generator library) is imported on first use only.
 */
import qrcode from 'qrcode-generator';
import { utf8Encode } from './share-link';

/**
 * Error correction L (7 % of the code can be lost) up to version 25 (117 modules, 1,273 bytes): a
 * budget request of a few lines is a 600–1,200 character link, and M or a smaller version would
 * leave it without a code. Printed at QR_PRINT_MODULE_MM a module (6.3 cm at version 25, quiet zone
 * included), phone cameras read it at arm's length; a denser code scans badly, so a longer link
 * gets none.
 */
export const QR_ERROR_CORRECTION = 'L' as const;
export const QR_MAX_VERSION = 25;
/** Printed size of one module: the code grows with the link rather than its modules shrinking. */
export const QR_PRINT_MODULE_MM = 0.5;
/** White modules around the code, as the QR standard asks (ISO/IEC 18004: 4). */
export const QR_QUIET_ZONE = 4;

export type QrResult =
  | {
      readonly ok: true;
      /** A standalone <svg> (viewBox in modules, quiet zone included). */
      readonly svg: string;
      /** The dark modules as one path, in the same coordinates. */
      readonly path: string;
      /** Width of the square in modules, quiet zone included. */
      readonly size: number;
      /** QR version (1–40); at most QR_MAX_VERSION. */
      readonly version: number;
    }
  | {
      readonly ok: false;
      /** Why there is no code, in words for the reader. */
      readonly reason: string;
    };

export const QR_MESSAGES = {
  tooLong:
    '链接太长（{n} 个字符），二维码会难以扫描，未印二维码；请用「复制链接」发送电子版',
} as const;

/** `link` as a QR code, or the reason there is none. */
export function qrSvg(link: string): QrResult {
  const tooLong = (): QrResult => ({
    ok: false,
    reason: QR_MESSAGES.tooLong.replace('{n}', String(link.length)),
  });
  // A link is ASCII (the fragment is base64url); any other character would need UTF-8 bytes.
  const data = String.fromCharCode(...utf8Encode(link));
  let code: ReturnType<typeof qrcode>;
  try {
    code = qrcode(0, QR_ERROR_CORRECTION);
    code.addData(data, 'Byte');
    code.make();
  } catch {
    // Past version 40 the library throws (code length overflow).
    return tooLong();
  }
  const count = code.getModuleCount();
  const version = (count - 17) / 4;
  if (version > QR_MAX_VERSION) return tooLong();
  let path = '';
  for (let row = 0; row < count; row++) {
    for (let col = 0; col < count; col++) {
      if (!code.isDark(row, col)) continue;
      // Runs of dark modules in a row as one rectangle: a shorter path, no hairline seams.
      let end = col;
      while (end + 1 < count && code.isDark(row, end + 1)) end++;
      path += `M${col + QR_QUIET_ZONE} ${row + QR_QUIET_ZONE}h${end - col + 1}v1h-${end - col + 1}z`;
      col = end;
    }
  }
  const size = count + 2 * QR_QUIET_ZONE;
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${size} ${size}" shape-rendering="crispEdges">` +
    `<rect width="${size}" height="${size}" fill="#fff"/><path d="${path}" fill="#000"/></svg>`;
  return { ok: true, svg, path, size, version };
}
