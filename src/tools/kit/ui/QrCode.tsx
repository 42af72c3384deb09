// A share or reply link as a QR code: 显示二维码 beside its 复制链接 (for a phone across the desk),
// and the block a printed form carries (扫码查看电子版, the fingerprint beside it). The code is drawn
// by src/core/qr.ts, imported on first use so no page loads the QR library before it is needed.
// Dark modules on white whatever the theme: phone cameras expect that contrast.
import { useEffect, useRef, useState } from 'preact/hooks';
import type { QrResult } from '../../../core/qr';
import { fill } from '../../../core/template';
import { urlWithFragment } from '../../../client/link-fragment';
import { useFirstUse } from './lazy';
import { QR_WORDS } from './qr-strings';
import type { ExportActions } from './use-tool';

/** A link to draw, or why there is none (e.g. the share link's own limit). */
export type LinkMade =
  { readonly ok: true; readonly link: string } | { readonly ok: false; readonly reason: string };

/** The tool's share link, as 复制分享链接 gives it. */
export async function shareLinkOf(actions: Pick<ExportActions, 'share'>): Promise<LinkMade> {
  const made = await actions.share();
  return made.ok ? { ok: true, link: urlWithFragment(made.fragment) } : { ok: false, reason: made.error };
}

interface Drawn {
  readonly qr: QrResult;
  /** shortFingerprint, 3f2a-91c0. */
  readonly fingerprint: string;
  readonly printModuleMm: number;
}

/** Draws `link`; `fingerprint` (full hex) names what it opens, else the link's own is taken. */
async function draw(link: string, fingerprint?: string | null): Promise<Drawn> {
  const [qr, fp] = await Promise.all([import('../../../core/qr'), import('../../../core/fingerprint')]);
  const full = fingerprint ?? (await fp.fingerprintOf(link));
  return { qr: qr.qrSvg(link), fingerprint: fp.shortFingerprint(full), printModuleMm: qr.QR_PRINT_MODULE_MM };
}

function QrImage(props: { qr: Extract<QrResult, { ok: true }>; width?: string }) {
  const { size, path } = props.qr;
  return (
    <svg
      class="tool-qr-image"
      viewBox={`0 0 ${size} ${size}`}
      shape-rendering="crispEdges"
      role="img"
      aria-label={QR_WORDS.image}
      style={props.width ? { width: props.width, height: props.width } : undefined}
      data-version={props.qr.version}
    >
      <rect width={size} height={size} fill="#fff" />
      <path d={path} fill="#000" />
    </svg>
  );
}

/** 显示二维码: opens a dialog with the link's code; Esc or 关闭 closes it and focus returns. */
export function ShowQrButton(props: {
  /** The link as 复制链接 gives it; null when it cannot be made yet (the tool says why). */
  link: () => Promise<LinkMade | null>;
  disabled?: boolean;
}) {
  const button = useRef<HTMLButtonElement>(null);
  const dialog = useRef<HTMLDialogElement>(null);
  const [shown, setShown] = useState<(Drawn & { readonly link: string }) | null>(null);
  const [error, setError] = useState<string | null>(null);

  const open = async () => {
    const made = await props.link();
    if (!made) return;
    if (!made.ok) return setError(made.reason);
    try {
      setShown({ ...(await draw(made.link)), link: made.link });
      setError(null);
    } catch {
      setError(QR_WORDS.failed);
    }
  };
  useEffect(() => {
    const d = dialog.current;
    if (shown && d && !d.open) d.showModal();
  }, [shown]);

  const link = shown ? new URL(shown.link) : null;
  return (
    <>
      <button
        type="button"
        class="tool-button"
        ref={button}
        disabled={props.disabled}
        onClick={() => void open()}
      >
        {QR_WORDS.show}
      </button>
      {error && (
        <p class="tool-error" role="alert">
          {error}
        </p>
      )}
      {shown && (
        <dialog
          ref={dialog}
          class="tool-qr-dialog"
          aria-labelledby="tool-qr-heading"
          onClose={() => {
            setShown(null);
            button.current?.focus();
          }}
        >
          <h2 id="tool-qr-heading">{QR_WORDS.heading}</h2>
          {shown.qr.ok ? (
            <>
              <div class="tool-qr-frame" data-qr="ready">
                <QrImage qr={shown.qr} />
              </div>
              <p class="tool-qr-scan">{QR_WORDS.scan}</p>
            </>
          ) : (
            <p class="tool-error" data-qr="refused">
              {shown.qr.reason}
            </p>
          )}
          <p class="tool-qr-meta">
            {fill(QR_WORDS.fingerprint, { fingerprint: shown.fingerprint })}
            <br />
            {/* The short text of the link: where it goes, without the long fragment. */}
            <span class="tool-qr-link">
              {link!.host}
              {link!.pathname}#…
            </span>
          </p>
          <form method="dialog">
            <button type="submit" class="tool-button" autofocus>
              {QR_WORDS.close}
            </button>
          </form>
        </dialog>
      )}
    </>
  );
}

/**
 * The printed form's block: the code of the entry's link, 扫码查看电子版 and the fingerprint beside
 * it; no code and the reason when the link is too long to scan well. data-qr says pending / ready /
 * refused (打印 waits for it: print-ready.ts).
 */
export function SheetQr(props: {
  make: () => Promise<LinkMade>;
  /** What the link carries: a change draws the code again. */
  content: unknown;
  /**
   * Full fingerprint of what the link opens (e.g. the request's revision; null while it is worked
   * out: the code waits for it); left out, the link's own.
   */
  fingerprint?: string | null;
}) {
  const [drawn, setDrawn] = useState<Drawn | { readonly reason: string } | null>(null);
  const latest = useRef(props.make);
  latest.current = props.make;
  // A sheet sits in the page from the start (for Ctrl+P); its code is drawn once the reader has used
  // the page, so opening a page loads no QR library.
  const used = useFirstUse();
  useEffect(() => {
    let live = true;
    setDrawn(null);
    if (!used || props.fingerprint === null) return;
    void (async () => {
      let next: Drawn | { readonly reason: string };
      try {
        const made = await latest.current();
        next = made.ok ? await draw(made.link, props.fingerprint) : { reason: QR_WORDS.sheetNoLink };
      } catch {
        next = { reason: QR_WORDS.failed };
      }
      if (live) setDrawn(next);
    })();
    return () => {
      live = false;
    };
  }, [used, props.content, props.fingerprint]);

  const state = drawn === null ? 'pending' : 'qr' in drawn && drawn.qr.ok ? 'ready' : 'refused';
  const reason =
    drawn === null ? null : 'reason' in drawn ? drawn.reason : drawn.qr.ok ? null : drawn.qr.reason;
  return (
    <div class="tool-sheet-qr" data-qr={state} data-testid="sheet-qr">
      {drawn && 'qr' in drawn && drawn.qr.ok && (
        <QrImage qr={drawn.qr} width={`${drawn.qr.size * drawn.printModuleMm}mm`} />
      )}
      <div class="tool-sheet-qr-text">
        <p>
          <strong>{QR_WORDS.sheet}</strong>
        </p>
        {drawn && 'fingerprint' in drawn && (
          <p>{fill(QR_WORDS.fingerprint, { fingerprint: drawn.fingerprint })}</p>
        )}
        {reason && <p class="tool-sheet-qr-reason">{reason}</p>}
      </div>
    </div>
  );
}
