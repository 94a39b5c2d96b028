/**
 * The service worker: precaches the app for offline use and serves the Read API from the job
 * store. It never runs OCR: it is stopped 30 s after its last event and cannot start workers.
 */
import { addPlugins, cleanupOutdatedCaches, precacheAndRoute } from 'workbox-precaching';
import { registerRoute } from 'workbox-routing';
import { isolationPlugin } from './isolation';
import { jobStore } from './api-context';
import { createApiRouter } from './api-router';
import { sweepOnPeriodicSync } from './periodic-sweep';
import { isShareTargetRequest, receiveSharedFiles } from './share-target';
import { OfflineFiles, splitManifest } from './offline-files';
import type { OfflineFilesReply, ServiceWorkerCommand } from '../read-api/realm-messages';

declare const self: ServiceWorkerGlobalScope & {
  __WB_MANIFEST: Array<{ url: string; revision: string | null }>;
};

// First, so the API answers before the precache's router looks (their URLs never overlap).
createApiRouter({ origin: self.location.origin }).addFetchListener();
// Files shared to the installed app (the manifest's share_target) become jobs here.
self.addEventListener('fetch', (event) => {
  if (isShareTargetRequest(event.request, self.registration.scope)) {
    event.respondWith(receiveSharedFiles(event.request, self.registration.scope, jobStore));
  }
});
cleanupOutdatedCaches();
addPlugins([isolationPlugin]);
// The install stores what an English image needs; the rest is stored when a page asks, after.
const manifest = splitManifest(self.__WB_MANIFEST);
const offlineFiles = new OfflineFiles(manifest.later, self.location.href);
registerRoute(offlineFiles.matches, offlineFiles.handle);
precacheAndRoute(manifest.now);
sweepOnPeriodicSync(self);

self.addEventListener('activate', (event) => {
  // Take control of the page that registered us, so its first API call is served.
  event.waitUntil(Promise.all([self.clients.claim(), jobStore().then((store) => store.sweep({ orphans: true }))]));
});

self.addEventListener('message', (event) => {
  const command = event.data as ServiceWorkerCommand | null;
  // A new version waits until the page asks it to take over (the user's consent to update).
  if (command?.type === 'SKIP_WAITING') void self.skipWaiting();
  // A page loaded by a hard reload is not controlled, and `activate` ran long ago: claim it now.
  // An activating worker claims in its own `activate`, above.
  else if (command?.type === 'CLAIM_CLIENTS' && self.serviceWorker.state === 'activated') event.waitUntil(self.clients.claim());
  else if (command?.type === 'CACHE_FOR_OFFLINE') event.waitUntil(cacheForOffline(event.ports[0]));
});

/** Stores the files left for later, and tells the asking page whether it can now work offline. */
async function cacheForOffline(port: MessagePort | undefined): Promise<void> {
  let reply: OfflineFilesReply;
  try {
    await offlineFiles.fill();
    reply = { type: 'OFFLINE_READY' };
  } catch (error) {
    reply = { type: 'OFFLINE_FAILED', message: error instanceof Error ? error.message : String(error) };
  }
  port?.postMessage(reply);
}
