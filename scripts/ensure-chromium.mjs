// Before the browser tests: make sure Chrome/Chromium is there, and Debian's nginx (the generated host
// config is run by test/e2e/nginx.test.ts). On Debian as root, install what is missing (saying so);
// elsewhere stop with the install instruction.
import { existsSync } from 'node:fs';
import { execSync } from 'node:child_process';
import { findChrome, INSTALL_HINT } from './chrome-path.mjs';

const NGINX = process.env.NGINX_PATH || '/usr/sbin/nginx';
const NGINX_HINT = '浏览器测试需要 nginx（/usr/sbin/nginx）：Debian / Ubuntu 上运行 apt-get install -y nginx。';

if (process.env.CHROME_PATH && !existsSync(process.env.CHROME_PATH)) {
  console.error(`CHROME_PATH=${process.env.CHROME_PATH} 不存在。${INSTALL_HINT}`);
  process.exit(1);
}
const missing = [...(findChrome() ? [] : ['chromium']), ...(existsSync(NGINX) ? [] : ['nginx'])];
if (missing.length > 0) {
  const isDebian = existsSync('/etc/debian_version');
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (isDebian && isRoot) {
    console.log(`未找到 ${missing.join('、')}：正在用 apt-get 安装 Debian 的软件包（只需一次）…`);
    execSync(`apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y ${missing.join(' ')}`, {
      stdio: 'inherit',
    });
  }
  if (!findChrome()) {
    console.error(INSTALL_HINT);
    process.exit(1);
  }
  if (!existsSync(NGINX)) {
    console.error(NGINX_HINT);
    process.exit(1);
  }
}
