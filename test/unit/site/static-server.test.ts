// `npm start`'s server (scripts/static-server.mjs) against hostile requests: malformed escapes get a
// 400, nothing outside the served folder is ever sent, odd methods are refused, and the server is
// still answering afterwards. Requests go over a raw socket so nothing normalizes the path first.
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { connect, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawn } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStaticServer } from '../../../scripts/static-server.mjs';

const SECRET = 'SECRET-OUTSIDE-THE-SITE';
let dir: string;
let server: { url: string; port: number; close: () => Promise<void> };
let sub: { url: string; port: number; close: () => Promise<void> };

/** Sends one raw HTTP/1.1 request; resolves to the status and everything after the status line. */
function raw(port: number, request: string | Buffer): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    const chunks: Buffer[] = [];
    socket.on('data', (c) => chunks.push(c));
    socket.on('error', reject);
    socket.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      resolve({ status: Number(/^HTTP\/1\.1 (\d{3})/.exec(text)?.[1] ?? 0), text });
    });
    // Written, not ended: the server closes after its answer (Connection: close, or an error).
    socket.write(request);
  });
}

const get = (port: number, path: string, method = 'GET', extra = '') =>
  raw(port, `${method} ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n${extra}\r\n`);

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'static-server-'));
  writeFileSync(join(dir, 'secret.txt'), SECRET);
  const site = join(dir, 'site');
  mkdirSync(join(site, 'general'), { recursive: true });
  mkdirSync(join(site, '_astro'));
  writeFileSync(join(site, 'index.html'), `<!doctype html><title>首页</title>${'<p>手册</p>'.repeat(200)}`);
  writeFileSync(join(site, 'general', 'index.html'), '<!doctype html><title>总则</title>');
  writeFileSync(join(site, '404.html'), '<!doctype html><title>页面不存在</title>');
  writeFileSync(join(site, '_astro', 'app.abc123.js'), 'console.log(1)');
  writeFileSync(join(site, '.env'), SECRET);
  server = await startStaticServer({ root: site });
  sub = await startStaticServer({ root: site, base: '/handbook/' });
});
afterAll(async () => {
  await server?.close();
  await sub?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('ordinary requests', () => {
  it('serves pages, redirects a directory without its slash, marks hashed assets immutable', async () => {
    const home = await get(server.port, '/');
    expect(home.status).toBe(200);
    expect(home.text).toContain('<title>首页</title>');
    expect(home.text).toMatch(/cache-control: no-cache/i);
    expect((await get(server.port, '/general')).text).toMatch(/location: \/general\/\r\n/i);
    expect((await get(server.port, '/general')).status).toBe(301);
    expect((await get(server.port, '/_astro/app.abc123.js')).text).toMatch(/cache-control: public, max-age=31536000, immutable/i);
    const missing = await get(server.port, '/nope/');
    expect(missing.status).toBe(404);
    expect(missing.text).toContain('页面不存在');
  });

  it('compresses text with gzip when asked (the bench relies on it)', async () => {
    const res = await get(server.port, '/', 'GET', 'Accept-Encoding: gzip\r\n');
    expect(res.text).toMatch(/content-encoding: gzip/i);
  });

  it('answers HEAD without a body, OPTIONS with the allowed methods, and refuses POST', async () => {
    const head = await get(server.port, '/', 'HEAD');
    expect(head.status).toBe(200);
    expect(head.text).not.toContain('<title>');
    const options = await get(server.port, '/', 'OPTIONS');
    expect(options.status).toBe(204);
    expect(options.text).toMatch(/allow: GET, HEAD, OPTIONS/i);
    for (const method of ['POST', 'PUT', 'DELETE', 'TRACE', 'PATCH']) {
      expect((await get(server.port, '/', method, 'Content-Length: 0\r\n')).status, method).toBe(405);
    }
  });

  it('under a base path serves only below it', async () => {
    expect((await get(sub.port, '/handbook/')).status).toBe(200);
    expect((await get(sub.port, '/handbook')).text).toMatch(/location: \/handbook\/\r\n/i);
    expect((await get(sub.port, '/index.html')).status).toBe(404);
    expect((await get(sub.port, '/handbook/../secret.txt')).status).toBe(404);
  });
});

// Each row: a request path and the status it must get; none may ever return the secret.
const hostile: Array<[string, number]> = [
  ['/%E0%A4%A', 400], // truncated UTF-8 escape: used to kill the server with a URIError
  ['/%', 400],
  ['/%zz', 400],
  ['/%C0%AE%C0%AE/secret.txt', 400], // overlong UTF-8 dots
  ['/../secret.txt', 404],
  ['/../../../../etc/passwd', 404],
  ['/..%2fsecret.txt', 404],
  ['/..%2F..%2Fsecret.txt', 404],
  ['/%2e%2e/secret.txt', 404],
  ['/%2e%2e%2fsecret.txt', 404],
  ['/general/%2e%2e/%2e%2e/secret.txt', 404],
  ['/..\\secret.txt', 400],
  ['/%5c..%5csecret.txt', 400],
  ['/..%5csecret.txt', 400],
  ['/index.html%00.txt', 400],
  ['/%00', 400],
  ['//secret.txt', 404],
  ['/.env', 404],
  ['/./index.html', 404],
  ['/%2e/index.html', 404],
  ['/a/a/…(8,000 characters)', 404], // an absurdly long path, still under Node's header limit
  ['http://evil.example/secret.txt', 400], // absolute-form request target
  ['*', 400],
];

const pathOf = (label: string) => (label.includes('…') ? `/${'a/'.repeat(4000)}` : label);

describe('hostile requests', () => {
  it.each(hostile)('%s → %i', async (label, status) => {
    const res = await get(server.port, pathOf(label));
    expect(res.status).toBe(status);
    expect(res.text).not.toContain(SECRET);
  });

  it('garbage, NUL bytes in the request line and 100 KB URLs get an error, not a crash', async () => {
    expect((await raw(server.port, 'GARBAGE\r\n\r\n')).status).toBe(400);
    expect((await raw(server.port, Buffer.from('GET /\0/secret.txt HTTP/1.1\r\nHost: x\r\n\r\n'))).status).toBe(400);
    expect((await get(server.port, `/${'x'.repeat(100_000)}`)).status).toBe(431);
    expect((await raw(server.port, 'GET / HTTP/1.1\r\nHost: x\r\nContent-Length: nope\r\n\r\n')).status).toBe(400);
  });

  it('is still answering after the whole battery, many at once', async () => {
    const burst = await Promise.all(hostile.map(([label]) => get(server.port, pathOf(label))));
    expect(burst.every((r) => r.status >= 400 && !r.text.includes(SECRET))).toBe(true);
    const home = await get(server.port, '/');
    expect(home.status).toBe(200);
    expect(home.text).toContain('<title>首页</title>');
  });
});

describe('npm start (scripts/serve.mjs)', () => {
  it('takes the next free port when the wanted one is taken, and says which', async () => {
    const blocker = createServer();
    await new Promise<void>((r) => blocker.listen(0, '127.0.0.1', () => r()));
    const taken = (blocker.address() as { port: number }).port;
    const cwd = mkdtempSync(join(tmpdir(), 'serve-'));
    mkdirSync(join(cwd, 'dist'));
    writeFileSync(join(cwd, 'dist', 'index.html'), '<!doctype html><title>首页</title>');
    const child = spawn(process.execPath, [join(process.cwd(), 'scripts/serve.mjs')], {
      cwd,
      env: { ...process.env, PORT: String(taken), BASE_PATH: '/' },
    });
    try {
      const output = await new Promise<string>((resolve, reject) => {
        let text = '';
        child.stdout.on('data', (c) => {
          text += String(c);
          if (text.includes('已启动')) resolve(text);
        });
        child.on('exit', (code) => reject(new Error(`serve.mjs exited ${code}: ${text}`)));
      });
      expect(output).toContain(`端口 ${taken} 已被占用`);
      const port = Number(/127\.0\.0\.1:(\d+)\//.exec(output)?.[1]);
      expect(port).toBeGreaterThan(taken);
      expect((await get(port, '/')).status).toBe(200);
    } finally {
      child.kill();
      blocker.close();
      rmSync(cwd, { recursive: true, force: true });
    }
  });
});
