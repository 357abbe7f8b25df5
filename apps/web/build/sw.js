// The service worker of the phone pages (written out by build/service-worker.ts with the build's file
// list in place of the two markers below). It keeps the app shell — index.html and the hashed files
// the phone screens need — so /m/* opens with no connection, and the item catalogue, served from the
// cache at once and refreshed behind it. Reports made offline wait in the app's outbox (IndexedDB),
// not here: the worker never touches a POST.

const VERSION = '__GEWU_SW_VERSION__';
/** @type {string[]} */
const PRECACHE = JSON.parse('__GEWU_SW_PRECACHE__');
const SHELL = `gewu-shell-${VERSION}`;
const RUNTIME = `gewu-runtime-${VERSION}`;
const API = 'gewu-api';
/** The catalogue the report form picks from (residents' and staff's variants differ by query). */
const CATALOGUE = '/api/items';
/** A navigation that has not answered by then (a dead zone with one bar) gets the cached shell. */
const NAVIGATION_TIMEOUT_MS = 4000;

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches
      .open(SHELL)
      .then((cache) => cache.addAll(PRECACHE))
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) =>
        Promise.all(
          keys.filter((k) => k.startsWith('gewu-') && ![SHELL, RUNTIME, API].includes(k)).map((k) => caches.delete(k)),
        ),
      )
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  const isApi = url.pathname.startsWith('/api/') || url.pathname.startsWith('/open311/');
  if (request.mode === 'navigate' && !isApi) event.respondWith(page(request));
  else if (url.pathname.startsWith('/assets/')) event.respondWith(asset(request));
  else if (url.pathname === CATALOGUE) event.respondWith(catalogue(event, request));
});

/** Network first (the page is no-cache: a new release shows at once); the shell when offline or too slow. */
async function page(request) {
  const shell = () => caches.match('/index.html', { cacheName: SHELL });
  const network = fetch(request);
  network.catch(() => undefined); // when the shell was served, a later failure is nobody's concern
  let timer;
  const slow = new Promise((resolve) => {
    timer = setTimeout(() => resolve(undefined), NAVIGATION_TIMEOUT_MS);
  });
  try {
    const first = await Promise.race([network, slow.then(shell)]);
    if (first) return first;
    return await network; // nothing cached yet: keep waiting for the network
  } catch {
    return (await shell()) ?? Response.error();
  } finally {
    clearTimeout(timer);
  }
}

/** Hashed files never change: the cache when it has them, else the network (kept for next time). */
async function asset(request) {
  const cached = await caches.match(request);
  if (cached) return cached;
  const response = await fetch(request);
  if (response.ok) {
    const copy = response.clone();
    await caches.open(RUNTIME).then((cache) => cache.put(request, copy));
  }
  return response;
}

/** Stale-while-revalidate: the last catalogue at once, a fresh one stored for the next time. */
async function catalogue(event, request) {
  const cache = await caches.open(API);
  const cached = await cache.match(request, { ignoreVary: true });
  const refresh = fetch(request).then(async (response) => {
    if (response.ok) await cache.put(request, response.clone());
    return response;
  });
  if (cached) {
    event.waitUntil(refresh.catch(() => undefined));
    return cached;
  }
  return refresh;
}
