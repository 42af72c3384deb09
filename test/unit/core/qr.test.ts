// A link as a QR code (src/core/qr.ts): the drawn code decodes, with an independent decoder (jsQR),
// to the very link; a link too long to scan well on paper gets no code and the reason in words.
import jsQR from 'jsqr';
import { describe, expect, test } from 'vitest';
import { QR_ERROR_CORRECTION, QR_MAX_VERSION, QR_PRINT_MODULE_MM, QR_QUIET_ZONE, qrSvg } from '../../../src/core/qr';

/** The code's modules as RGBA pixels, `scale` pixels a module, from the SVG path it drew. */
function pixels(path: string, size: number, scale = 4) {
  const width = size * scale;
  const data = new Uint8ClampedArray(width * width * 4).fill(255);
  for (const m of path.matchAll(/M(\d+) (\d+)h(\d+)v1h-\d+z/g)) {
    const [x, y, w] = [Number(m[1]), Number(m[2]), Number(m[3])];
    for (let py = y * scale; py < (y + 1) * scale; py++)
      for (let px = x * scale; px < (x + w) * scale; px++) data.fill(0, (py * width + px) * 4, (py * width + px) * 4 + 3);
  }
  return { data, width };
}

const base = 'https://handbook.example.cn/tools/budget-request/#share=';

describe('qrSvg', () => {
  test('a short link: an SVG whose code decodes to the link', () => {
    const link = `${base}${'Ab-9_'.repeat(40)}`;
    const r = qrSvg(link);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.svg).toMatch(/^<svg [^>]*viewBox="0 0 (\d+) \1"/);
    expect(r.svg).toContain('fill="#fff"');
    expect(r.size).toBe(17 + 4 * r.version + 2 * QR_QUIET_ZONE);
    const { data, width } = pixels(r.path, r.size);
    expect(jsQR(data, width, width)?.data).toBe(link);
  });

  test('error correction L, at most version 25, printed 0.5 mm a module (6.25 cm at most)', () => {
    expect(QR_ERROR_CORRECTION).toBe('L');
    expect(QR_MAX_VERSION).toBe(25);
    expect(QR_PRINT_MODULE_MM).toBe(0.5);
    expect((17 + 4 * QR_MAX_VERSION + 2 * QR_QUIET_ZONE) * QR_PRINT_MODULE_MM).toBe(62.5);
  });

  // Version 25-L holds 1,273 bytes: the longest link that gets a code, and one character more.
  test.each([
    [1273, true],
    [1274, false],
  ])('a link of %i characters: code %s', (length, ok) => {
    const link = `${base}${'x'.repeat(length - base.length)}`;
    const r = qrSvg(link);
    expect(r.ok).toBe(ok);
    if (r.ok) expect(r.version).toBe(QR_MAX_VERSION);
  });

  test('an overlong link is refused with the reason, in Chinese', () => {
    const link = `${base}${'x'.repeat(3000)}`;
    const r = qrSvg(link);
    expect(r).toEqual({
      ok: false,
      reason: `链接太长（${link.length} 个字符），二维码会难以扫描，未印二维码；请用「复制链接」发送电子版`,
    });
  });

  test('past what any QR code holds: refused, not thrown', () => {
    expect(qrSvg('x'.repeat(10_000)).ok).toBe(false);
  });
});
