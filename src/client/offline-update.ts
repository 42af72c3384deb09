// Registers the service worker that keeps the handbook readable offline (written at build by
// src/plugins/offline.ts with Workbox: the policy pages and search at once, a tool page with its code
// once opened), and offers a new deploy instead of mixing it in: the new worker
// waits until the reader clicks 「手册已更新，点击刷新」, then takes over and the page reloads whole.
// Hand-written rather than workbox-window: the same few steps for 0.5 KB instead of 2.5 KB on every page
// (policy pages have an 8 KB script budget in npm run bench).
import { BASE_PATH_SLASH } from '../site/base-path';

const UPDATE_LABEL = '手册已更新，点击刷新';

function offerUpdate(worker: ServiceWorker): void {
  if (document.querySelector('.offline-update')) return;
  const box = document.createElement('div');
  box.className = 'offline-update';
  box.setAttribute('role', 'status');
  const button = document.createElement('button');
  button.type = 'button';
  button.textContent = UPDATE_LABEL;
  button.addEventListener('click', () => {
    button.disabled = true;
    // Reload once the new worker controls the page, so every file comes from the same deploy.
    navigator.serviceWorker.addEventListener('controllerchange', () => window.location.reload(), {
      once: true,
    });
    // Workbox's generated worker calls skipWaiting() on this message (skipWaiting: false in the build).
    worker.postMessage({ type: 'SKIP_WAITING' });
  });
  box.append(button);
  document.body.append(box);
}

async function register(scriptUrl: string, scope: string): Promise<void> {
  const registration = await navigator.serviceWorker.register(scriptUrl, { scope });
  // Only an update is offered: on the first visit there is no controller yet and nothing to mix.
  const isUpdate = () => navigator.serviceWorker.controller !== null;
  if (registration.waiting && isUpdate()) offerUpdate(registration.waiting);
  registration.addEventListener('updatefound', () => {
    const worker = registration.installing;
    if (!worker) return;
    worker.addEventListener('statechange', () => {
      if (worker.state === 'installed' && isUpdate()) offerUpdate(worker);
    });
  });
}

if (import.meta.env.PROD && 'serviceWorker' in navigator) {
  const base = BASE_PATH_SLASH;
  const start = () =>
    register(`${base}sw.js`, base).catch(() => {
      // No service worker (blocked, private mode): the handbook works online as before.
    });
  // After load and once the main thread is idle, so precaching (about 290 KB gz) never competes with
  // the page's own requests or its island's hydration.
  window.addEventListener('load', () => {
    if ('requestIdleCallback' in window) requestIdleCallback(start, { timeout: 5000 });
    else setTimeout(start, 1000);
  });
}
