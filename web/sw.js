// Offline support for the hosted page: the app shell is cached on install and served
// cache-first, so the calculator opens with no network after one visit. Each response
// served from the cache is refreshed in the background for the next visit; bumping
// VERSION drops old caches when the list of files changes.
const VERSION = 'v1';
const CACHE = `saas-metrics-${VERSION}`;
const SHELL = ['./', 'index.html', 'app.css', 'favicon.svg', 'manifest.webmanifest',
  'saas-metrics-core.js', 'saas-metrics-core.wasm', 'vendor/uPlot.esm.js', 'vendor/uPlot.min.css',
  'js/main.js', 'js/engine.js', 'js/fields.js', 'js/format.js', 'js/dom.js', 'js/form.js', 'js/cards.js',
  'js/explain.js', 'js/charts.js', 'js/compare.js', 'js/storage.js', 'js/share.js', 'js/transfer.js',
  'js/examples.js'];

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(SHELL)).then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(caches.keys()
    .then((keys) => Promise.all(keys.filter((key) => key.startsWith('saas-metrics-') && key !== CACHE).map((key) => caches.delete(key))))
    .then(() => self.clients.claim()));
});

self.addEventListener('fetch', (event) => {
  const { request } = event;
  if (request.method !== 'GET' || new URL(request.url).origin !== self.location.origin) return;
  event.respondWith(caches.open(CACHE).then(async (cache) => {
    // The fragment never reaches here, so every share link maps to the cached page.
    const cached = await cache.match(request, { ignoreSearch: true });
    const refresh = fetch(request).then((response) => {
      if (response.ok) cache.put(request, response.clone());
      return response;
    });
    if (!cached) return refresh;
    event.waitUntil(refresh.catch(() => {}));
    return cached;
  }));
});
