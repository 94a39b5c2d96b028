/**
 * The service worker: precaches the app for offline use and serves the Read API from the job
 * store. It never runs OCR: it is stopped 30 s after its last event and cannot start workers.
 */
import { addPlugins, cleanupOutdatedCaches, precacheAndRoute } from 'workbox-precaching';
import { isolationPlugin } from './isolation';
import { jobStore } from './api-context';
import { createApiRouter } from './api-router';
import { sweepOnPeriodicSync } from './periodic-sweep';

declare const self: ServiceWorkerGlobalScope & {
  __WB_MANIFEST: Array<{ url: string; revision: string | null }>;
};

// First, so the API answers before the precache's router looks (their URLs never overlap).
createApiRouter({ origin: self.location.origin }).addFetchListener();
cleanupOutdatedCaches();
addPlugins([isolationPlugin]);
precacheAndRoute(self.__WB_MANIFEST);
sweepOnPeriodicSync(self);

self.addEventListener('activate', (event) => {
  // Take control of the page that registered us, so its first API call is served.
  event.waitUntil(Promise.all([self.clients.claim(), jobStore().then((store) => store.sweep({ orphans: true }))]));
});

/** A new version waits until the page asks it to take over (the user's consent to update). */
self.addEventListener('message', (event) => {
  if ((event.data as { type?: string } | null)?.type === 'SKIP_WAITING') void self.skipWaiting();
});
