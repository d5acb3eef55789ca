/**
 * The Vite plugin that makes the production build work offline and say where it may connect. Build only: the
 * dev server gets neither the service worker nor the policy (its React preamble is an inline script).
 *
 * - transformIndexHtml: puts the Content-Security-Policy (precache.ts CSP) into index.html as a meta tag.
 * - writeBundle, after every other plugin: lists every file in the output folder as written (hashed chunks,
 *   the workers' chunks, the WASM files imported with `?url`, the public/ files: icons, manifest, samples),
 *   hashes them and writes sw.js at its root from sw.template.js. Reading the folder rather than the bundle
 *   catches files other plugins or the public/ copy put there.
 *
 * Node only (vite.config.ts imports it); the page never does.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';
import { precacheOf, serviceWorkerSource, SERVICE_WORKER_FILE, withCsp, type BuiltFile } from './precache.ts';

const TEMPLATE = fileURLToPath(new URL('./sw.template.js', import.meta.url));

const sha256 = (data: string | Uint8Array) => createHash('sha256').update(data).digest('hex');

/** Every file under `dir`, as paths relative to it with '/' separators. */
function filesUnder(dir: string, prefix = ''): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? filesUnder(path.join(dir, entry.name), `${prefix}${entry.name}/`)
      : entry.isFile()
        ? [`${prefix}${entry.name}`]
        : [],
  );
}

export function offline(): Plugin {
  return {
    name: 'lepton:offline',
    apply: 'build',
    transformIndexHtml: { order: 'post', handler: (html) => withCsp(html) },
    writeBundle: {
      order: 'post',
      sequential: true,
      handler(options) {
        const outDir = options.dir;
        if (!outDir) throw new Error('lepton:offline needs build.outDir');
        const files: BuiltFile[] = filesUnder(outDir).map((p) => ({
          path: p,
          digest: sha256(readFileSync(path.join(outDir, p))),
        }));
        const precache = precacheOf(files, sha256);
        writeFileSync(
          path.join(outDir, SERVICE_WORKER_FILE),
          serviceWorkerSource(readFileSync(TEMPLATE, 'utf8'), precache),
        );
        this.info(
          `${SERVICE_WORKER_FILE}: ${precache.files.length} files precached, version ${precache.version}`,
        );
      },
    },
  };
}
