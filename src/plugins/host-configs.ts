// Host configs written by the build (after the CSP hashes are in the pages, so keep this after
// cspInlineHashes in astro.config.mjs): <outDir>/_headers for static hosts that read it, and
// <outDir>/deploy/nginx.conf, a server block for this build's base (the root, or a sub-path when built
// with BASE_PATH). Both send the pages' own CSP as a header, read from the built pages' meta tags so
// the two cannot disagree, plus what a meta tag cannot say: frame-ancestors 'none'.
import { readdir, readFile, mkdir, writeFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';

/** Where the nginx config expects the contents of dist/ (override with DEPLOY_ROOT at build). */
export const DEFAULT_DEPLOY_ROOT = '/var/www/marketing-handbook';
const IMMUTABLE = 'public, max-age=31536000, immutable';
const NO_CACHE = 'no-cache';

const META_RE = /<meta http-equiv="content-security-policy" content="([^"]*)"/i;

function unescapeHtml(text: string): string {
  return text.replace(/&#39;|&#x27;/g, "'").replace(/&quot;/g, '"').replace(/&amp;/g, '&');
}

/**
 * One policy that allows what any page's policy allows: each directive's sources, in first-seen order.
 * Browsers enforce the header and the page's meta together, so each page stays as strict as its meta.
 */
export function mergePolicies(policies: string[]): string {
  const directives = new Map<string, string[]>();
  for (const policy of policies) {
    for (const part of policy.split(';')) {
      const [name, ...sources] = part.trim().split(/\s+/);
      if (!name) continue;
      const list = directives.get(name) ?? [];
      for (const source of sources) if (!list.includes(source)) list.push(source);
      directives.set(name, list);
    }
  }
  return [...directives].map(([name, sources]) => [name, ...sources].join(' ')).join('; ');
}

/** The response headers every file gets. */
export function securityHeaders(pagePolicy: string): Array<[string, string]> {
  return [
    // Only a header can forbid framing (a meta CSP ignores frame-ancestors).
    ['Content-Security-Policy', `${pagePolicy}; frame-ancestors 'none'`],
    ['X-Frame-Options', 'DENY'],
    ['X-Content-Type-Options', 'nosniff'],
    ['Referrer-Policy', 'no-referrer'],
    ['Permissions-Policy', 'camera=(), microphone=(), geolocation=(), payment=(), usb=()'],
  ];
}

/** `_headers` (Netlify, Cloudflare Pages): security headers everywhere, then caching per path. */
export function headersFile(base: string, pages: string[], headers: Array<[string, string]>): string {
  const lines = ['# 由构建生成（src/plugins/host-configs.ts），请勿手改。', `${base}*`];
  for (const [name, value] of headers) lines.push(`  ${name}: ${value}`);
  lines.push('', `${base}_astro/*`, `  Cache-Control: ${IMMUTABLE}`);
  for (const path of [...pages, 'sw.js', 'manifest.webmanifest']) {
    lines.push('', `${base}${path}`, `  Cache-Control: ${NO_CACHE}`);
  }
  return `${lines.join('\n')}\n`;
}

/** An nginx server block serving the build at `base` from `root` (the contents of dist/). */
export function nginxConfig(base: string, root: string, headers: Array<[string, string]>): string {
  const add = (cache: string, indent: string) =>
    [['Cache-Control', cache] as const, ...headers]
      .map(([name, value]) => `${indent}add_header ${name} "${value.replace(/"/g, '\\"')}" always;`)
      .join('\n');
  // Under the root, `root` maps URLs to files; under a sub-path, each location aliases into dist/.
  const files = (path: string) => (base === '/' ? '' : `        alias ${root}/${path};\n`);
  // A sub-path server answers only below it; its locations can also be moved into an existing server.
  const subpathRedirect =
    base === '/'
      ? ''
      : `\n    location = ${base.slice(0, -1)} {\n        return 301 ${base};\n    }\n    location / {\n        return 404;\n    }\n`;
  return `# 市场部制度手册：nginx server 块，由构建生成（src/plugins/host-configs.ts），请勿手改。
# 站点路径：${base}；把 dist/ 的内容放到 ${root}/（或改下面的 root/alias 路径），
# 放进 nginx 的 conf.d/ 或 sites-enabled/，改 listen / server_name 后 nginx -t && nginx -s reload。
server {
    listen 80;
    server_name _;
    ${base === '/' ? `root ${root};` : `root ${root}; # 只有下面的 location 用到（alias）`}
    index index.html;
    charset utf-8;
    absolute_redirect off;
    server_tokens off;
    gzip on;
    gzip_types text/css text/javascript application/javascript application/json application/manifest+json image/svg+xml application/wasm;
    error_page 404 ${base}404.html;
${subpathRedirect}
    # Hashed file names: cached for a year, never revalidated.
    location ^~ ${base}_astro/ {
${files('_astro/')}${add(IMMUTABLE, '        ')}
    }

    # The service worker and the pages are always revalidated, so a new deploy is seen at once.
    location = ${base}sw.js {
${files('sw.js')}${add(NO_CACHE, '        ')}
    }

    location = ${base}manifest.webmanifest {
${files('manifest.webmanifest')}        default_type application/manifest+json;
${add(NO_CACHE, '        ')}
    }

    # Build leftovers that are not part of the site.
    location ^~ ${base}deploy/ {
        return 404;
    }
    location = ${base}_headers {
        return 404;
    }

    location ^~ ${base} {
${files('')}${add(NO_CACHE, '        ')}
    }
}
`;
}

async function htmlFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries.filter((e) => e.isFile() && e.name.endsWith('.html')).map((e) => join(e.parentPath, e.name));
}

export function hostConfigs(): AstroIntegration {
  let base = '/';
  return {
    name: 'host-configs',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = config.base.endsWith('/') ? config.base : `${config.base}/`;
      },
      'astro:build:done': async ({ dir, logger }) => {
        const outDir = fileURLToPath(dir);
        const files = (await htmlFiles(outDir)).sort();
        const policies: string[] = [];
        for (const file of files) {
          const meta = META_RE.exec(await readFile(file, 'utf8'));
          if (!meta) throw new Error(`没有 Content-Security-Policy：${file}`);
          policies.push(unescapeHtml(meta[1]!));
        }
        const headers = securityHeaders(mergePolicies(policies));
        const pages = files.map((f) => relative(outDir, f).split(sep).join('/').replace(/(^|\/)index\.html$/, '$1'));
        await writeFile(join(outDir, '_headers'), headersFile(base, pages, headers));
        await mkdir(join(outDir, 'deploy'), { recursive: true });
        const root = (process.env.DEPLOY_ROOT || DEFAULT_DEPLOY_ROOT).replace(/\/+$/, '');
        await writeFile(join(outDir, 'deploy', 'nginx.conf'), nginxConfig(base, root, headers));
        logger.info(`host configs written: _headers, deploy/nginx.conf (CSP of ${files.length} pages)`);
      },
    },
  };
}
