/**
 * Periodic Background Sync: where the browser has it (Chromium, for an installed app whose site
 * engagement allows it), it wakes the service worker now and then while no page is open, and we
 * sweep expired operations. The page registers the tag (client/storage-care.ts). Headless test
 * browsers never fire it, so no test can drive this listener; retention is also enforced on read
 * and swept on activation, every API request and a page timer, so nothing depends on it.
 * https://developer.mozilla.org/docs/Web/API/Web_Periodic_Background_Synchronization_API
 */
import { PERIODIC_SWEEP_TAG } from '../read-api/privacy';
import { jobStore } from './api-context';

/** The event's shape (not in TypeScript's WebWorker library). */
interface PeriodicSyncEvent extends ExtendableEvent {
  readonly tag: string;
}

/** Sweeps on each `periodicsync` event with our tag. */
export function sweepOnPeriodicSync(scope: ServiceWorkerGlobalScope): void {
  scope.addEventListener('periodicsync', (event) => {
    const sync = event as PeriodicSyncEvent;
    if (sync.tag === PERIODIC_SWEEP_TAG) sync.waitUntil(jobStore().then((store) => store.sweep({ orphans: true })));
  });
}
