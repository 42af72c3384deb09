// `npm start` / `npm run preview`: serve the built handbook in dist/ and print its address.
// When the port (4321, or PORT) is taken, the next free one is used and the reader is told.
import { existsSync } from 'node:fs';
import { startStaticServer } from './static-server.mjs';

if (!existsSync('dist/index.html')) {
  console.error('dist/ 里没有构建好的站点，请先运行 npm run build（npm start 会自动构建）。');
  process.exit(1);
}
const base = process.env.BASE_PATH || '/';
const host = process.env.HOST || '127.0.0.1';
const wanted = Number(process.env.PORT || 4321);
const TRIES = 20;

let server;
for (let port = wanted; port < wanted + TRIES && !server; port += 1) {
  try {
    server = await startStaticServer({ base, port, host });
  } catch (error) {
    if (error?.code !== 'EADDRINUSE') throw error;
  }
}
if (!server) {
  console.error(`端口 ${wanted} 到 ${wanted + TRIES - 1} 都已被占用，请用 PORT=端口号 npm start 指定一个空闲端口。`);
  process.exit(1);
}
if (server.port !== wanted) console.log(`端口 ${wanted} 已被占用，改用端口 ${server.port}。`);
console.log(`市场部制度手册已启动：${server.url}`);
console.log('按 Ctrl+C 停止。');
