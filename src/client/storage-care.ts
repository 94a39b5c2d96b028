/**
 * The page's part in retention and storage: ask for persistent storage, and register the periodic
 * background sync that lets the service worker sweep while the installed app is closed.
 */
import { PERIODIC_SWEEP_TAG } from '../read-api/privacy';

/** How often, at most, the browser should wake the service worker to sweep. */
const PERIODIC_SWEEP_MIN_INTERVAL_MS = 12 * 60 * 60 * 1000;

/**
 * Asks the browser to keep the origin's storage under pressure (Chromium grants it by heuristics,
 * e.g. an installed app, without a prompt). Resolves with whether storage is persistent now.
 */
export async function requestPersistentStorage(): Promise<boolean> {
  const storage = navigator.storage;
  if (!storage?.persist) return false;
  try {
    return (await storage.persisted()) || (await storage.persist());
  } catch {
    return false;
  }
}

/** The Periodic Background Sync API (Chromium only; not in TypeScript's DOM library). */
interface PeriodicSyncManager {
  register(tag: string, options: { minInterval: number }): Promise<void>;
}

/**
 * Registers the periodic sweep where the browser allows it (an installed app, permission
 * granted); resolves with whether it did. Never rejects: without it, retention still holds.
 */
export async function registerPeriodicSweep(): Promise<boolean> {
  try {
    const registration = await navigator.serviceWorker.ready;
    const periodicSync = (registration as ServiceWorkerRegistration & { periodicSync?: PeriodicSyncManager }).periodicSync;
    if (!periodicSync) return false;
    const permission = await navigator.permissions.query({ name: 'periodic-background-sync' as PermissionName });
    if (permission.state !== 'granted') return false;
    await periodicSync.register(PERIODIC_SWEEP_TAG, { minInterval: PERIODIC_SWEEP_MIN_INTERVAL_MS });
    return true;
  } catch {
    return false;
  }
}
