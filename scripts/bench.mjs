/* global window */
// `npm run bench`: how fast the page reads, types and profiles a CSV, measured in headless Chromium on the
// production build. For UCI Adult and a generated ~100 MB, 1,000,000-row file it reports parse and total time,
// throughput (MB/s, rows/s), peak memory of the browser (sum of RSS over Chromium's processes, minus the idle
// page's) and main-thread responsiveness while loading (longest Long Task, longest gap between frames).
// Prints a table and writes bench-results/data-load.json. Times vary with the machine: compare runs on one machine.
import { chromium } from '@playwright/test';
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { QUIET_ARGS } from './chromium-args.mjs';
import { sh, waitForServer } from './bench-common.mjs';
import { findBrowser } from './find-browser.mjs';

const PORT = 4319;
const LARGE = path.resolve('.bench-data/large-1m.csv');
const skipLarge = process.argv.includes('--quick');

/** Sum of resident memory over every Chromium process, in bytes (Linux /proc). */
function chromiumRss() {
  let total = 0;
  for (const pid of readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    try {
      const cmd = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
      if (!/chrom/i.test(cmd.split('\0')[0])) continue;
      const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
      if (m) total += Number(m[1]) * 1024;
    } catch {
      // the process ended between listing and reading
    }
  }
  return total;
}

const PROBE = `
  window.__longTasks = [];
  new PerformanceObserver((list) => { for (const e of list.getEntries()) window.__longTasks.push({ start: e.startTime, duration: e.duration }); })
    .observe({ type: 'longtask', buffered: true });
  window.__frameGaps = [];
  let last = performance.now();
  const frame = (t) => { window.__frameGaps.push({ at: t, gap: t - last }); last = t; requestAnimationFrame(frame); };
  requestAnimationFrame(frame);
`;

async function measure(browser, name, file, rows) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  await page.addInitScript(PROBE);
  await page.goto(`http://127.0.0.1:${PORT}/`);
  await page.getByLabel('Upload CSV').waitFor({ state: 'attached' });
  await page.waitForTimeout(500);
  const baseline = chromiumRss();
  let peak = baseline;
  const sampler = setInterval(() => (peak = Math.max(peak, chromiumRss())), 50);
  await page.getByLabel('Upload CSV').setInputFiles(file);
  await page.getByTestId('dataset-summary').waitFor({ timeout: 300_000 });
  await page.locator('.column-card').first().waitFor({ timeout: 300_000 });
  // The end: the analysis drawn on screen (marked after React commits it), not just computed.
  await page.waitForFunction(() => performance.getEntriesByName('lepton:rendered').length > 0);
  await page.waitForTimeout(300);
  clearInterval(sampler);
  const timing = await page.evaluate(() => {
    const at = (n) => performance.getEntriesByName(n).at(-1).startTime;
    const start = at('lepton:load-start');
    const end = at('lepton:rendered');
    // Everything from the load to 300 ms after the analysis is on screen.
    const during = (list) => list.filter((e) => (e.start ?? e.at) >= start && (e.start ?? e.at) <= end + 300);
    return {
      parseMs: at('lepton:parsed') - start,
      totalMs: at('lepton:analysed') - start,
      onScreenMs: end - start,
      longestTaskMs: Math.max(0, ...during(window.__longTasks).map((e) => e.duration)),
      longTasksOver100: during(window.__longTasks).filter((e) => e.duration > 100).length,
      longestFrameGapMs: Math.max(0, ...during(window.__frameGaps).map((e) => e.gap)),
    };
  });
  await context.close();
  const bytes = statSync(file).size;
  return {
    name,
    bytes,
    rows,
    ...timing,
    mbPerSecond: bytes / 1e6 / (timing.totalMs / 1000),
    rowsPerSecond: rows / (timing.totalMs / 1000),
    peakMemoryBytes: peak - baseline,
    peakMemoryOverFileSize: (peak - baseline) / bytes,
  };
}

sh('npx', ['vite', 'build', '--logLevel', 'warn']);
if (!skipLarge && !existsSync(LARGE)) {
  mkdirSync(path.dirname(LARGE), { recursive: true });
  sh('node', ['scripts/gen-large-csv.mjs', LARGE, '1000000']);
}
const server = spawn(
  'node',
  ['node_modules/vite/bin/vite.js', 'preview', '--host', '127.0.0.1', '--port', String(PORT), '--strictPort'],
  {
    stdio: 'ignore',
  },
);
const executablePath = findBrowser();
const results = [];
try {
  await waitForServer(`http://127.0.0.1:${PORT}/`);
  const browser = await chromium.launch({
    executablePath,
    args: QUIET_ARGS,
  });
  results.push(await measure(browser, 'UCI Adult (train)', path.resolve('public/samples/adult.csv'), 32561));
  if (!skipLarge) results.push(await measure(browser, 'generated 1M rows x 12', LARGE, 1_000_000));
  await browser.close();
} finally {
  server.kill();
}

const table = results.map((r) => ({
  dataset: r.name,
  'size MB': (r.bytes / 1e6).toFixed(1),
  'parse s': (r.parseMs / 1000).toFixed(2),
  'parse+profile s': (r.totalMs / 1000).toFixed(2),
  'on screen s': (r.onScreenMs / 1000).toFixed(2),
  'MB/s': r.mbPerSecond.toFixed(1),
  'rows/s': Math.round(r.rowsPerSecond).toLocaleString('en'),
  'peak mem MB': (r.peakMemoryBytes / 1e6).toFixed(0),
  'mem / file': r.peakMemoryOverFileSize.toFixed(2),
  'longest main task ms': r.longestTaskMs.toFixed(0),
  'longest frame gap ms': r.longestFrameGapMs.toFixed(0),
}));
console.table(table);
mkdirSync('bench-results', { recursive: true });
const out = { type: 'lepton-bench', benchmark: 'data-load', createdAt: new Date().toISOString(), results };
writeFileSync('bench-results/data-load.json', JSON.stringify(out, null, 2));
console.log('Wrote bench-results/data-load.json');
