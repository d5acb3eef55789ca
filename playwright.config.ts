import { defineConfig, devices } from '@playwright/test';
import { GPU_ARGS, QUIET_ARGS } from './scripts/chromium-args.mjs';

// The e2e suite runs the production build (vite preview) in headless Chromium. The browser comes from
// scripts/find-browser.mjs through CHROME_PATH; without it Playwright uses its own download.
// Chromium is kept from calling out (background networking, updates, sync): the tests must never touch the
// network, and e2e/harness.ts fails any test that requests another origin.
// E2E_PORT lets two suites run side by side (for example in two worktrees).
const PORT = Number(process.env.E2E_PORT) || 4317;
const executablePath = process.env.CHROME_PATH || undefined;

export default defineConfig({
  testDir: 'e2e',
  outputDir: 'test-results/e2e-artifacts',
  timeout: 90_000,
  expect: { timeout: 20_000 },
  fullyParallel: true,
  workers: 2,
  retries: 0,
  forbidOnly: true,
  reporter: [
    ['list'],
    ['json', { outputFile: 'test-results/e2e.json' }],
    ['html', { open: 'never', outputFolder: 'playwright-report' }],
  ],
  use: {
    ...devices['Desktop Chrome'],
    baseURL: `http://127.0.0.1:${PORT}/`,
    viewport: { width: 1280, height: 800 },
    screenshot: 'only-on-failure',
    // The built app's service worker precaches ~10 MB on a first visit; only e2e/offline.spec.ts needs it,
    // so the other tests skip that download (and a cache outliving a test cannot change what they see).
    serviceWorkers: 'block',
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath,
      args: [...QUIET_ARGS, ...GPU_ARGS],
    },
  },
  // The tests that time the main thread run last and alone (see e2e/responsive.spec.ts).
  projects: [
    { name: 'main', testIgnore: /responsive\.spec\.ts/ },
    { name: 'responsiveness', testMatch: /responsive\.spec\.ts/, dependencies: ['main'] },
  ],
  webServer: {
    command: `node node_modules/vite/bin/vite.js preview --host 127.0.0.1 --port ${PORT} --strictPort`,
    url: `http://127.0.0.1:${PORT}/`,
    reuseExistingServer: false,
    timeout: 60_000,
  },
});
