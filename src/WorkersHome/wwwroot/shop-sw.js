// Till service worker: the till page and its scripts come from the network when there is one, and from this
// cache when there is not, so that a till can reload and keep checking codes offline (docs/adr/0008).
const CACHE = 'wh-till-v1';

self.addEventListener('install', event => {
    event.waitUntil(caches.open(CACHE).then(cache => cache.addAll(['/shop', '/lib/bootstrap/bootstrap.min.css', '/css/site.css', '/lib/jsqr/jsQR.js'])).catch(() => { }));
    self.skipWaiting();
});

self.addEventListener('activate', event => event.waitUntil(self.clients.claim()));

self.addEventListener('fetch', event => {
    const url = new URL(event.request.url);
    if (event.request.method !== 'GET' || url.origin !== self.location.origin || url.pathname.startsWith('/api/')) {
        return;
    }

    event.respondWith(fetch(event.request)
        .then(response => {
            if (response.ok) {
                const copy = response.clone();
                caches.open(CACHE).then(cache => cache.put(event.request, copy));
            }

            return response;
        })
        .catch(() => caches.match(event.request, { ignoreSearch: true })));
});
