// Finds Chrome/Chromium for the browser tests and the bench: CHROME_PATH first, then the usual paths.
import { existsSync } from 'node:fs';

export const CHROME_CANDIDATES = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/snap/bin/chromium',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
];

export const INSTALL_HINT =
  '未找到 Chrome/Chromium。请安装后重试（Debian/Ubuntu：sudo apt-get install -y chromium），或用 CHROME_PATH=/path/to/chrome 指定。';

/** @returns {string | null} */
export function findChrome() {
  const fromEnv = process.env.CHROME_PATH;
  if (fromEnv) return existsSync(fromEnv) ? fromEnv : null;
  return CHROME_CANDIDATES.find((p) => existsSync(p)) ?? null;
}

/** Flags that keep headless Chromium quiet on a machine without network. */
export const CHROME_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-dev-shm-usage',
];
