// Service worker: the served page keeps working offline after one visit. Network first (a
// rebuilt page is picked up at once when online), the cache when the network fails. Only the
// page's own files are ever fetched or cached.
const CACHE = 'presslens-v1';
// Every file the page loads (tests/e2e/offline.spec.mjs checks this list against www/). The
// served site bundles the modules, and scripts/build-site.sh rewrites this list there to its own
// files (the same test checks that one against dist/www/).
const FILES = [
  './',
  'index.html',
  'style.css',
  'app.js',
  'analyzer.js',
  'compare-view.js',
  'dom.js',
  'exports.js',
  'facts.js',
  'files.js',
  'kinds.js',
  'pager.js',
  'rich.js',
  'rich-words.js',
  'store.js',
  'views.js',
  'worker.js',
  'worker-core.js',
  'pkg/presslens.js',
  'pkg/presslens_bg.wasm',
];

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(FILES)).then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches.keys()
      .then((keys) => Promise.all(keys.filter((key) => key !== CACHE).map((key) => caches.delete(key))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET' || new URL(request.url).origin !== self.location.origin) return;
  event.respondWith(
    fetch(request)
      .then((response) => {
        if (response.ok) {
          const copy = response.clone();
          event.waitUntil(caches.open(CACHE).then((cache) => cache.put(request, copy)));
        }
        return response;
      })
      .catch(() => caches.match(request, { ignoreSearch: true }).then((hit) => hit ?? Response.error())),
  );
});
