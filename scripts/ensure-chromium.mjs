// Before the browser tests: make sure Chrome/Chromium is there. On Debian as root with none
// installed, install Debian's chromium (saying so); elsewhere stop with the install instruction.
import { existsSync } from 'node:fs';
import { execSync } from 'node:child_process';
import { findChrome, INSTALL_HINT } from './chrome-path.mjs';

if (process.env.CHROME_PATH && !existsSync(process.env.CHROME_PATH)) {
  console.error(`CHROME_PATH=${process.env.CHROME_PATH} 不存在。${INSTALL_HINT}`);
  process.exit(1);
}
if (!findChrome()) {
  const isDebian = existsSync('/etc/debian_version');
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (isDebian && isRoot) {
    console.log('未找到 Chromium：正在用 apt-get 安装 Debian 的 chromium 软件包（只需一次）…');
    execSync('apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y chromium', {
      stdio: 'inherit',
    });
  }
  if (!findChrome()) {
    console.error(INSTALL_HINT);
    process.exit(1);
  }
}
