/**
 * The offline build's pure parts, kept apart from the Vite plugin (offlinePlugin.ts) so they are unit-tested:
 * which files the service worker precaches and the cache version, the service worker's source from its
 * template, and the Content-Security-Policy put into the built index.html.
 */

/** One file of the build's output: its path relative to the output folder ('/' separators) and its hash. */
export interface BuiltFile {
  path: string;
  /** A digest of the file's bytes (any stable hex string; offlinePlugin.ts uses SHA-256). */
  digest: string;
}

export interface Precache {
  /** Paths relative to the service worker (which sits at the root of the output), sorted. */
  files: string[];
  /** Changes whenever any file's bytes or name change, so each build gets its own cache. */
  version: string;
}

/**
 * The generated service worker itself is left out: the browser fetches and compares it on its own to find
 * updates, and a cached copy would only be stale. Everything else is cached, samples included (about 5 MB),
 * so every step works offline.
 */
export const SERVICE_WORKER_FILE = 'sw.js';

export function precacheOf(files: readonly BuiltFile[], hash: (text: string) => string): Precache {
  const kept = files.filter((f) => f.path !== SERVICE_WORKER_FILE).sort((a, b) => cmp(a.path, b.path));
  // Names count as well as bytes: a file renamed with the same content must still be fetched under its new name.
  const version = hash(kept.map((f) => `${f.path}\0${f.digest}`).join('\n')).slice(0, 16);
  return { files: kept.map((f) => f.path), version };
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** The first line of the generated sw.js; parsePrecache reads it back (the e2e test checks the list). */
const HEADER = 'const PRECACHE = ';

/** The template (sw.template.js) with the list and the version it reads as globals defined above it. */
export function serviceWorkerSource(template: string, precache: Precache): string {
  return `${HEADER}${JSON.stringify(precache)};\n${template}`;
}

export function parsePrecache(source: string): Precache {
  const first = source.slice(0, source.indexOf('\n'));
  if (!first.startsWith(HEADER) || !first.endsWith(';')) throw new Error('not a generated service worker');
  return JSON.parse(first.slice(HEADER.length, -1)) as Precache;
}

/**
 * The built page's policy, each source with its reason (docs/ARCHITECTURE.md "Offline and CSP" repeats them).
 * It is as strict as the app allows, checked in Chromium over every step (e2e/offline.spec.ts, and once over
 * the results, remedies, cleaning and session specs): no 'unsafe-inline' and no 'wasm-unsafe-eval' are needed.
 * React and recharts set styles through the CSSOM (element.style), which style-src does not govern; TF.js and
 * its WebAssembly run only in the training worker. A worker loaded from a URL follows its own response's
 * policy, not the page's meta tag, so the workers are outside this policy; they fetch from this origin only.
 */
export const CSP: readonly (readonly [directive: string, sources: string])[] = [
  // Nothing from anywhere else: fonts, images, frames, media and the manifest fall back to this.
  ['default-src', "'self'"],
  // The app's own chunks; no inline script, no eval.
  ['script-src', "'self'"],
  // The app's stylesheet; no inline <style> or style="" in markup.
  ['style-src', "'self'"],
  // fetch() of the samples: this origin only, the promise that data never leaves the device.
  ['connect-src', "'self'"],
  // The data and training workers and the service worker, all files of this origin.
  ['worker-src', "'self'"],
  // No plugins, no <base> pointing elsewhere, no form posting anywhere (the app has no forms that submit).
  ['object-src', "'none'"],
  ['base-uri', "'self'"],
  ['form-action', "'none'"],
];

export const cspText = (policy: typeof CSP = CSP) => policy.map(([d, s]) => `${d} ${s}`).join('; ');

/**
 * index.html with the policy as a meta tag right after `<meta charset>` (which must stay first), before any
 * script or stylesheet it governs.
 */
export function withCsp(html: string, policy: string = cspText()): string {
  const tag = `<meta http-equiv="Content-Security-Policy" content="${policy.replace(/"/g, '&quot;')}" />`;
  const charset = /<meta\s+charset=[^>]*>/i.exec(html);
  if (charset) {
    const end = charset.index + charset[0].length;
    return `${html.slice(0, end)}\n    ${tag}${html.slice(end)}`;
  }
  const head = /<head[^>]*>/i.exec(html);
  if (!head) throw new Error('index.html has no <head>');
  const end = head.index + head[0].length;
  return `${html.slice(0, end)}\n    ${tag}${html.slice(end)}`;
}
