// A printed form's QR code is drawn after the sheet renders (its link is encoded and its code
// loaded on first use): 打印 waits for every code on the page before it opens the print dialog.

/** Resolves once no element on the page says data-qr="pending" (at most `limit` ms later). */
export function qrCodesDrawn(limit = 5000): Promise<void> {
  const pending = () => document.querySelector('[data-qr="pending"]') !== null;
  if (!pending()) return Promise.resolve();
  return new Promise((done) => {
    const observer = new MutationObserver(() => {
      if (!pending()) finish();
    });
    // Printing without the code beats not printing: the sheet says why it has none.
    const timer = setTimeout(() => finish(), limit);
    function finish() {
      observer.disconnect();
      clearTimeout(timer);
      done();
    }
    observer.observe(document.body, { subtree: true, attributes: true, attributeFilter: ['data-qr'], childList: true });
  });
}
