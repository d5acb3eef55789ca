// Finds a Chromium for the browser tests, in the order the README promises:
// 1. $CHROME_PATH, 2. /usr/bin/chromium, 3. Debian's `chromium` package installed with apt (when we are root and
// apt-get exists), 4. Playwright's own download. Prints the chosen path (empty for Playwright's own) when run
// directly; `findBrowser()` is used by scripts/run-e2e.mjs and scripts/bench.mjs.
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const DEBIAN_PATHS = ['/usr/bin/chromium', '/usr/bin/chromium-browser'];

function run(cmd, args) {
  console.error(`[find-browser] ${cmd} ${args.join(' ')}`);
  return (
    spawnSync(cmd, args, {
      stdio: ['ignore', 'inherit', 'inherit'],
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    }).status === 0
  );
}

function canApt() {
  return (
    process.platform === 'linux' && process.getuid?.() === 0 && spawnSync('which', ['apt-get']).status === 0
  );
}

/** @returns {string | undefined} an executable path, or undefined to let Playwright use its own browser. */
export function findBrowser() {
  const fromEnv = process.env.CHROME_PATH;
  if (fromEnv) {
    if (existsSync(fromEnv)) return fromEnv;
    console.error(`[find-browser] CHROME_PATH=${fromEnv} does not exist; looking elsewhere.`);
  }
  const debian = DEBIAN_PATHS.find((p) => existsSync(p));
  if (debian) return debian;
  if (canApt()) {
    console.error("[find-browser] No Chromium found: installing Debian's chromium package.");
    if (run('apt-get', ['update', '-qq']) && run('apt-get', ['install', '-y', '-qq', 'chromium'])) {
      const installed = DEBIAN_PATHS.find((p) => existsSync(p));
      if (installed) return installed;
    }
    console.error('[find-browser] apt could not install chromium.');
  }
  console.error("[find-browser] Falling back to Playwright's own Chromium download.");
  if (!run('npx', ['playwright', 'install', 'chromium'])) {
    throw new Error('No browser: set CHROME_PATH to a Chromium or Chrome binary.');
  }
  return undefined;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  console.log(findBrowser() ?? '');
}
