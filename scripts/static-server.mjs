// Static server for dist/ (used by `npm start`, the browser tests and the bench), built on sirv
// (files are looked up in the list of dist/ taken at start, so no path can reach outside it) and
// compression (gzip, as any static host would, so the bench and Lighthouse see realistic bytes).
// Serves under a base path when the site was built with BASE_PATH.
import { createServer } from 'node:http';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import sirv from 'sirv';
import compression from 'compression';

const TEXT = { 'content-type': 'text/plain; charset=utf-8' };
const ALLOW = 'GET, HEAD, OPTIONS';

/** The decoded path, or null when it is malformed or could not name a file (NUL, backslash). */
function decodePath(raw) {
  try {
    const path = decodeURIComponent(raw);
    return /[\0\\]/.test(path) ? null : path;
  } catch {
    return null;
  }
}

/**
 * Starts the server; resolves to { url, port, close }. port 0 picks a free port; a taken port
 * rejects with the listen error (code EADDRINUSE), so the caller can try another.
 * @param {{ root?: string, base?: string, port?: number, host?: string }} options
 */
export function startStaticServer({ root = 'dist', base = '/', port = 0, host = '127.0.0.1' } = {}) {
  const absRoot = resolve(root);
  const prefix = base.endsWith('/') ? base : `${base}/`;
  const notFoundPage = join(absRoot, '404.html');
  const files = sirv(absRoot, {
    dev: false,
    etag: true,
    dotfiles: false,
    extensions: [],
    setHeaders(res, pathname) {
      // Hashed file names under _astro/ never change content; everything else is revalidated.
      res.setHeader('cache-control', pathname.startsWith('/_astro/') ? 'public, max-age=31536000, immutable' : 'no-cache');
      res.setHeader('x-content-type-options', 'nosniff');
    },
  });
  const compress = compression();

  function sendNotFound(req, res) {
    // Read per request: the build may rewrite dist/ while a dev server runs.
    if (!existsSync(notFoundPage)) {
      res.writeHead(404, TEXT).end('Not found');
      return;
    }
    const body = readFileSync(notFoundPage);
    res.writeHead(404, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-cache' });
    res.end(req.method === 'HEAD' ? undefined : body);
  }

  function handle(req, res) {
    const raw = req.url ?? '';
    if (req.method === 'OPTIONS') {
      res.writeHead(204, { allow: ALLOW }).end();
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { ...TEXT, allow: ALLOW }).end('Method not allowed');
      return;
    }
    const [rawPath = '', query] = raw.split('?', 2);
    const path = rawPath.startsWith('/') ? decodePath(rawPath) : null;
    if (path === null) {
      res.writeHead(400, TEXT).end('Bad request');
      return;
    }
    if (path === prefix.slice(0, -1)) {
      res.writeHead(301, { location: prefix }).end();
      return;
    }
    if (!path.startsWith(prefix)) {
      sendNotFound(req, res);
      return;
    }
    const rel = path.slice(prefix.length - 1);
    const segments = rel.split('/');
    if (segments.includes('..') || segments.includes('.')) {
      sendNotFound(req, res);
      return;
    }
    // /general → /general/ (the site is built with trailing slashes).
    if (!rel.endsWith('/') && existsSync(join(absRoot, rel, 'index.html'))) {
      res.writeHead(301, { location: `${rawPath}/${query === undefined ? '' : `?${query}`}` }).end();
      return;
    }
    const file = rel.endsWith('/') ? `${rel}index.html` : rel;
    req.url = `${file.split('/').map(encodeURIComponent).join('/')}${query === undefined ? '' : `?${query}`}`;
    compress(req, res, () => files(req, res, () => sendNotFound(req, res)));
  }

  const server = createServer((req, res) => {
    try {
      handle(req, res);
    } catch {
      if (!res.headersSent) res.writeHead(500, TEXT);
      res.end('Server error');
    }
  });
  // A client that sends garbage gets a 400 from Node itself; it never stops the server.
  server.on('clientError', (err, socket) => {
    const status = err.code === 'HPE_HEADER_OVERFLOW' ? '431 Request Header Fields Too Large' : '400 Bad Request';
    if (socket.writable) socket.end(`HTTP/1.1 ${status}\r\nConnection: close\r\n\r\n`);
    else socket.destroy();
  });
  return new Promise((resolvePromise, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      const address = server.address();
      const actualPort = typeof address === 'object' && address ? address.port : port;
      resolvePromise({
        url: `http://${host}:${actualPort}${prefix}`,
        port: actualPort,
        close: () =>
          new Promise((r) => {
            server.close(() => r(undefined));
            server.closeAllConnections();
          }),
      });
    });
  });
}
