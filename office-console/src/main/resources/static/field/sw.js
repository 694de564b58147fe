// Keeps the field pages and their assets, so a field officer who loses the signal can still open the
// last list. Network first (the list is fresh whenever there is a signal), the kept copy otherwise.
// Only GET requests: deliveries always go to the network (the page queues them when it is offline).
const KEEP = 'ansinh-field-v1';
const ASSETS = ['/css/console.css', '/js/console.js', '/js/field.js',
  '/fonts/be-vietnam-pro-vietnamese-400-normal.woff2', '/fonts/be-vietnam-pro-latin-400-normal.woff2',
  '/fonts/be-vietnam-pro-vietnamese-700-normal.woff2', '/fonts/be-vietnam-pro-latin-700-normal.woff2'];

self.addEventListener('install', event => {
  event.waitUntil(caches.open(KEEP).then(cache => cache.addAll(ASSETS)).then(() => self.skipWaiting()));
});
self.addEventListener('activate', event => event.waitUntil(self.clients.claim()));

const keepCopy = (request, response) => {
  if (response.ok && response.type === 'basic' && !response.redirected) {
    const copy = response.clone();
    caches.open(KEEP).then(cache => cache.put(request, copy));
  }
  return response;
};

// The page that registered this worker was loaded before it existed: it asks for itself to be kept.
self.addEventListener('message', event => {
  if (event.data && event.data.keep) {
    fetch(event.data.keep, {credentials: 'same-origin'}).then(response => keepCopy(event.data.keep, response)).catch(() => {});
  }
});

self.addEventListener('fetch', event => {
  const request = event.request;
  if (request.method !== 'GET' || new URL(request.url).origin !== self.location.origin) {
    return;
  }
  event.respondWith(fetch(request).then(response => keepCopy(request, response))
      .catch(() => caches.match(request).then(kept => kept || Response.error())));
});
