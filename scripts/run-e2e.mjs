// Runs the Playwright suite against the production build with a browser found by find-browser.mjs.
// Extra arguments go to `playwright test` (for example a spec file or `--grep`).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { findBrowser } from './find-browser.mjs';

// The suite runs the production build; build it when it is missing (npm test always builds first).
if (!existsSync('dist/index.html')) spawnSync('npx', ['vite', 'build'], { stdio: 'inherit' });

const browser = findBrowser();
const env = { ...process.env };
if (browser) env.CHROME_PATH = browser;
console.error(`[e2e] browser: ${browser ?? "Playwright's own Chromium"}`);
const result = spawnSync('npx', ['playwright', 'test', ...process.argv.slice(2)], { stdio: 'inherit', env });
process.exit(result.status ?? 1);
