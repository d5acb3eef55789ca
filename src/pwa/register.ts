/**
 * Registers the service worker that lets the app start and run offline (dist/sw.js, written by
 * offlinePlugin.ts). Production builds only: the dev server has no sw.js and must always serve fresh code.
 * Only over http(s) (a file:// copy cannot have one), and after the page has loaded, so precaching the build
 * (about 10 MB) does not compete with the first start. Any failure (a private window, a browser setting, a
 * sandboxed frame where merely reading navigator.serviceWorker throws) leaves the app as it is, online only.
 */
function register() {
  try {
    navigator.serviceWorker.register('./sw.js', { scope: './' }).catch(() => {});
  } catch {
    // See above: the app works without it.
  }
}

if (import.meta.env.PROD && 'serviceWorker' in navigator && /^https?:$/.test(window.location.protocol)) {
  if (document.readyState === 'complete') register();
  else window.addEventListener('load', register, { once: true });
}
