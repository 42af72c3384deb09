// Debian packages the measurements want: a Chinese font (without one, layout looks a fallback font up
// glyph by glyph, a step a reader's machine does not have, and Lighthouse and layout timings measure
// that) and poppler-utils (pdftotext, for reading printed sheets as text). On Debian as root, the bench
// installs what is missing (saying so), as .ci/run does; elsewhere it only says what to install.
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';

export const MEASURING_PACKAGES = ['fonts-noto-cjk', 'poppler-utils'];

/** Whether fontconfig knows a font for Chinese; null when fc-list is not there. */
export function hasChineseFont() {
  const list = spawnSync('fc-list', [':lang=zh'], { encoding: 'utf8' });
  return list.status === 0 ? list.stdout.trim() !== '' : null;
}

/** The packages of `names` dpkg does not report installed (none where there is no dpkg). */
export function missingPackages(names = MEASURING_PACKAGES) {
  return names.filter((name) => {
    const status = spawnSync('dpkg', ['-s', name], { encoding: 'utf8' });
    if (status.error) return false; // not Debian: nothing to ask dpkg
    return status.status !== 0 || !/^Status: install ok installed$/m.test(status.stdout);
  });
}

/** Installs the missing packages with apt-get on Debian as root; returns what is still missing. */
export function ensureMeasuringPackages() {
  const missing = missingPackages();
  if (missing.length === 0) return [];
  const isDebian = existsSync('/etc/debian_version');
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (isDebian && isRoot) {
    console.log(`未安装 ${missing.join('、')}：正在用 apt-get 安装 Debian 的软件包（只需一次）…`);
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    const update = spawnSync('apt-get', ['update'], { stdio: 'inherit', env });
    if (update.status === 0) spawnSync('apt-get', ['install', '-y', ...missing], { stdio: 'inherit', env });
    return missingPackages();
  }
  console.log(
    `未安装 ${missing.join('、')}：Debian / Ubuntu 上可运行 sudo apt-get install -y ${missing.join(' ')}。`,
  );
  return missing;
}
