// Offline support for the hosted page: every file of the site is cached on install and
// served cache-first, so the calculator and each of its views (the embed builder, the
// pricing lab, the import and its worker) open with no network after one visit, even one
// that never scrolled to them. scripts/build-dist.mjs writes the list and a hash of the
// files' contents below; a new hash drops the old cache. A response served from the cache
// is refreshed in the background for the next visit.
const VERSION = 'dev';
const SHELL = ['./'];
const CACHE = `saas-metrics-${VERSION}`;
const sameOrigin = (url) => new URL(url, self.location.href).origin === self.location.origin;

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
