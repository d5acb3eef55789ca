/* global PRECACHE */
/**
 * The service worker's template. `vite build` (src/pwa/offlinePlugin.ts) writes it to dist/sw.js with one line
 * above it defining PRECACHE: { files, version }, every file of the build and a hash of them all. Never used by
 * the dev server.
 *
 * install: cache every file, then take over at once (skipWaiting). activate: delete this app's older caches and
 * control the open pages (clients.claim). fetch: only GET requests to this origin; page loads get the cached
 * index.html whatever their query string (`?sample=adult&embed=1`), everything else comes from the cache, or
 * from the network when it is not there. Requests to other origins are never answered or cached here (the app
 * makes none): the browser handles them as if there were no service worker.
 */

// Cache storage is shared by the whole origin: the scope in the name keeps two copies of the app at two paths
// of one site from deleting each other's caches.
const PREFIX = `lepton-workbench:${self.registration.scope}:`;
const CACHE = `${PREFIX}${PRECACHE.version}`;
const INDEX = new URL('index.html', self.location.href).href;

self.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(CACHE);
      // 'reload' skips the HTTP cache, so an older copy of a file kept there does not end up in this version.
      // addAll is all or nothing: a failed file fails the install, and the previous version stays in charge.
      await cache.addAll(
        PRECACHE.files.map((file) => new Request(new URL(file, self.location.href), { cache: 'reload' })),
      );
      await self.skipWaiting();
    })(),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      for (const name of await caches.keys())
        if (name.startsWith(PREFIX) && name !== CACHE) await caches.delete(name);
      await self.clients.claim();
    })(),
  );
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET' || new URL(request.url).origin !== self.location.origin) return;
  // A cached response is whole; a partial request (none in the app) goes to the network as asked.
  if (request.headers.has('range')) return;
  event.respondWith(request.mode === 'navigate' ? page(request) : cacheFirst(request));
});

async function page(request) {
  const cache = await caches.open(CACHE);
  // A direct visit to a cached file (a sample's CSV, its README) gets that file; any other page, the app.
  const hit =
    (await cache.match(request, { ignoreSearch: true, ignoreVary: true })) ?? (await cache.match(INDEX));
  return hit ?? fetch(request);
}

async function cacheFirst(request) {
  const cache = await caches.open(CACHE);
  return (await cache.match(request, { ignoreVary: true })) ?? fetch(request);
}
