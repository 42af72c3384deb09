// The service worker's staged pages: a tool page and the code its tool loads are stored when the reader
// first opens that page online, not on a first visit (they are most of the site's weight). Bundled by
// src/plugins/offline.ts and appended to Workbox's sw.js, whose precache route answers first: this part
// only sees the staged pages and their files.
//
// Like the precache, what is stored belongs to one deploy: each deploy keeps its own cache
// (handbook-staged-<version>), a page is stored only if it is this deploy's (its SHA-256 is the one the
// build recorded) and only together with every file its tool may load, and a stored page is served
// before the network, so a worker never hands out another deploy's page. When a new deploy installs, the
// pages the reader had stored are fetched again for it; when it activates, the older caches go.

/** Written by the build (src/plugins/offline.ts): this deploy's staged pages. */
export interface StagedPlan {
  /** Changes with any file of the deploy. */
  version: string;
  /** Page path relative to the site root ('tools/bonus/') → its HTML's SHA-256 (hex) and the files
   * (relative to the site root) its tool may load that are not precached. */
  pages: Record<string, { revision: string; files: string[] }>;
  /** Precached page served for a staged page that is not stored when the network is out. */
  fallback: string;
}

declare const __STAGED_PLAN__: StagedPlan;

// The few service-worker types used here (the project's type check has the DOM lib, not WebWorker's).
interface WorkerEvent extends Event {
  waitUntil(promise: Promise<unknown>): void;
}
interface WorkerFetchEvent extends WorkerEvent {
  readonly request: Request;
  respondWith(response: Promise<Response>): void;
}
interface WorkerScope {
  readonly location: { readonly href: string };
  readonly clients: {
    matchAll(options: { type: 'window'; includeUncontrolled: boolean }): Promise<{ url: string }[]>;
  };
  addEventListener(type: 'install' | 'activate', listener: (event: WorkerEvent) => void): void;
  addEventListener(type: 'fetch', listener: (event: WorkerFetchEvent) => void): void;
}

const CACHE_PREFIX = 'handbook-staged-';

export function stagedPages(plan: StagedPlan, scope: WorkerScope): void {
  const cacheName = CACHE_PREFIX + plan.version;
  // The worker sits at the site's root (sw.js), so one build serves at / and under BASE_PATH.
  const root = new URL('./', scope.location.href);
  const hrefOf = (path: string): string => new URL(path, root).href;
  const stagedFiles = new Set(Object.values(plan.pages).flatMap((p) => p.files.map(hrefOf)));

  /** The staged page a URL names ('tools/bonus/' for …/tools/bonus/ or …/index.html), if any. */
  const pageOf = (href: string): string | undefined => {
    const url = new URL(href);
    if (url.origin !== root.origin || !url.pathname.startsWith(root.pathname)) return undefined;
    const path = decodeURI(url.pathname.slice(root.pathname.length)).replace(/index\.html$/, '');
    return Object.hasOwn(plan.pages, path) ? path : undefined;
  };

  async function revisionOf(response: Response): Promise<string> {
    const digest = await crypto.subtle.digest('SHA-256', await response.clone().arrayBuffer());
    return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
  }

  const fetching = new Map<string, Promise<Response | undefined>>();
  /** A hashed file of this deploy: stored, or the same name in any cache (same name, same bytes: an
   * older deploy's cache or the precache), or fetched and stored. undefined when none can be had. */
  async function file(href: string, cache: Cache): Promise<Response | undefined> {
    const own = await cache.match(href);
    if (own) return own;
    const elsewhere = await caches.match(href);
    if (elsewhere) {
      await cache.put(href, elsewhere.clone());
      return elsewhere;
    }
    let pending = fetching.get(href);
    if (!pending) {
      pending = fetch(href)
        .then(async (response) => {
          if (!response.ok) return undefined;
          await cache.put(href, response.clone());
          return response;
        })
        .catch(() => undefined)
        .finally(() => fetching.delete(href));
      fetching.set(href, pending);
    }
    return (await pending)?.clone();
  }

  /** Stores a staged page with every file of its tool, or nothing: a stored page always works offline. */
  async function stage(path: string, cache: Cache, fetched?: Response): Promise<void> {
    const entry = plan.pages[path];
    if (!entry) return;
    const page = fetched ?? (await fetch(hrefOf(path), { cache: 'no-cache' }).catch(() => undefined));
    // Another deploy's page (the server is already newer): not this worker's to keep.
    if (!page?.ok || (await revisionOf(page)) !== entry.revision) return;
    const files = await Promise.all(entry.files.map((f) => file(hrefOf(f), cache)));
    if (files.every(Boolean)) await cache.put(hrefOf(path), page);
  }

  async function servePage(path: string, event: WorkerFetchEvent): Promise<Response> {
    const cache = await caches.open(cacheName);
    const stored = await cache.match(hrefOf(path));
    if (stored) return stored;
    try {
      const response = await fetch(event.request);
      if (response.ok) event.waitUntil(stage(path, cache, response.clone()).catch(() => undefined));
      return response;
    } catch {
      // Offline and never opened here: say so instead of the browser's error page.
      const fallback = await caches.match(hrefOf(plan.fallback), { ignoreSearch: true });
      if (!fallback) return Response.error();
      return new Response(fallback.body, {
        status: 503,
        headers: { 'content-type': 'text/html; charset=utf-8' },
      });
    }
  }

  scope.addEventListener('fetch', (event) => {
    const { request } = event;
    if (request.method !== 'GET') return;
    const path = request.mode === 'navigate' ? pageOf(request.url) : undefined;
    if (path !== undefined) {
      event.respondWith(servePage(path, event));
      return;
    }
    const href = request.url.split(/[?#]/)[0] ?? request.url;
    if (stagedFiles.has(href)) {
      event.respondWith(
        caches.open(cacheName).then(async (cache) => (await file(href, cache)) ?? Response.error()),
      );
    }
  });

  // A new deploy: the pages the reader had stored come again, from this deploy, before it can take over.
  // Best effort: offline, the install still completes (those pages then show the fallback until opened).
  scope.addEventListener('install', (event) => {
    event.waitUntil(
      (async () => {
        const cache = await caches.open(cacheName);
        const paths = new Set<string>();
        for (const name of await caches.keys()) {
          if (!name.startsWith(CACHE_PREFIX) || name === cacheName) continue;
          for (const request of await (await caches.open(name)).keys()) {
            const path = pageOf(request.url);
            if (path !== undefined) paths.add(path);
          }
        }
        await Promise.all([...paths].map((path) => stage(path, cache)));
      })().catch(() => undefined),
    );
  });

  scope.addEventListener('activate', (event) => {
    event.waitUntil(
      (async () => {
        for (const name of await caches.keys()) {
          if (name.startsWith(CACHE_PREFIX) && name !== cacheName) await caches.delete(name);
        }
        // A tool page open before the worker took over (a first visit to it) counts as opened.
        const cache = await caches.open(cacheName);
        const open = await scope.clients.matchAll({ type: 'window', includeUncontrolled: true });
        const paths = new Set(open.map((c) => pageOf(c.url)).filter((p) => p !== undefined));
        await Promise.all(
          [...paths].map(async (path) => {
            if (!(await cache.match(hrefOf(path)))) await stage(path, cache);
          }),
        );
      })().catch(() => undefined),
    );
  });
}

if (typeof __STAGED_PLAN__ !== 'undefined') stagedPages(__STAGED_PLAN__, self as unknown as WorkerScope);
