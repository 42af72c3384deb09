// Registers the service worker that keeps the whole handbook readable offline (written at build by
// src/plugins/offline.ts), and offers a new deploy instead of mixing it in: the new worker waits until
// the reader clicks 「手册已更新，点击刷新」, then takes over and the page reloads whole.
import { Workbox } from 'workbox-window';

const UPDATE_LABEL = '手册已更新，点击刷新';

function offerUpdate(apply: () => void): void {
  if (document.querySelector('.offline-update')) return;
  const box = document.createElement('div');
  box.className = 'offline-update';
  box.setAttribute('role', 'status');
  const button = document.createElement('button');
  button.type = 'button';
  button.textContent = UPDATE_LABEL;
  button.addEventListener('click', () => {
    button.disabled = true;
    apply();
  });
  box.append(button);
  document.body.append(box);
}

if (import.meta.env.PROD && 'serviceWorker' in navigator) {
  const base = import.meta.env.BASE_URL.replace(/\/?$/, '/');
  const wb = new Workbox(`${base}sw.js`, { scope: base });
  wb.addEventListener('waiting', () => {
    offerUpdate(() => {
      // Reload once the new worker controls the page, so every file comes from the same deploy.
      wb.addEventListener('controlling', () => window.location.reload());
      wb.messageSkipWaiting();
    });
  });
  wb.register().catch(() => {
    // No service worker (blocked, private mode): the handbook works online as before.
  });
}
