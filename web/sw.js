// Offline support for the hosted page: the app shell is cached on install and served
// cache-first, so the calculator opens with no network after one visit. The page also
// reports every file it loaded (modules of the embed builder included), and those are
// cached too, so no list here has to follow each module. A response served from the
// cache is refreshed in the background for the next visit; bumping VERSION drops old caches.
const VERSION = 'v3';
const CACHE = `saas-metrics-${VERSION}`;
const SHELL = ['./', 'index.html', 'app.css', 'favicon.svg', 'manifest.webmanifest',
  'saas-metrics-core.js', 'saas-metrics-core.wasm', 'page/main.js', 'shared/engine.js', 'page/calculator/charts.js',
  // The pricing lab loads when scrolled near: cached at once, so it works offline before a first look.
  'page/lab/lab.js', 'shared/lab-engine.js', 'saas-metrics-lab.js', 'saas-metrics-lab.wasm',
  // The import view loads only when used, maybe never on a first visit, and its worker's
  // files are not in the page's resource list: cached at once, so it works offline.
  'page/import/import-view.js', 'page/import/import-worker.js', 'saas-metrics-import.js', 'saas-metrics-import.wasm'];
const sameOrigin = (url) => new URL(url, self.location.href).origin === self.location.origin;

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(SHELL)).then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(caches.keys()
    .then((keys) => Promise.all(keys.filter((key) => key.startsWith('saas-metrics-') && key !== CACHE).map((key) => caches.delete(key))))
    .then(() => self.clients.claim()));
});

self.addEventListener('message', (event) => {
  const urls = Array.isArray(event.data?.cache) ? event.data.cache.filter((url) => typeof url === 'string' && sameOrigin(url)) : [];
  event.waitUntil(caches.open(CACHE).then((cache) => Promise.all(urls.map((url) => cache.add(url).catch(() => {}))))
    .then(() => event.source?.postMessage({ cached: urls.length })));
});

self.addEventListener('fetch', (event) => {
  const { request } = event;
  if (request.method !== 'GET' || !sameOrigin(request.url)) return;
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
