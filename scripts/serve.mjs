// `npm start` / `npm run preview`: serve the built handbook in dist/ and print its address.
import { existsSync } from 'node:fs';
import { startStaticServer } from './static-server.mjs';

if (!existsSync('dist/index.html')) {
  console.error('dist/ 里没有构建好的站点，请先运行 npm run build（npm start 会自动构建）。');
  process.exit(1);
}
const base = process.env.BASE_PATH || '/';
const port = Number(process.env.PORT || 4321);
const { url } = await startStaticServer({ base, port, host: process.env.HOST || '127.0.0.1' });
console.log(`市场部制度手册已启动：${url}`);
console.log('按 Ctrl+C 停止。');
