// Serves the built site (dist/) once for all browser tests, on a free port.
import { existsSync } from 'node:fs';
import type { TestProject } from 'vitest/node';
import { startStaticServer } from '../../scripts/static-server.mjs';

declare module 'vitest' {
  export interface ProvidedContext {
    siteUrl: string;
  }
}

export default async function setup(project: TestProject) {
  // DIST_DIR: serve another build (e.g. one made with OUT_DIR for a parallel run).
  const root = process.env.DIST_DIR || 'dist';
  if (!existsSync(`${root}/index.html`)) {
    throw new Error(
      'dist/ 不存在：浏览器测试针对构建好的站点，请先运行 npm run build（npm test 会自动构建）。',
    );
  }
  const server = await startStaticServer({ root, base: process.env.BASE_PATH || '/' });
  project.provide('siteUrl', server.url);
  return async () => {
    await server.close();
  };
}
