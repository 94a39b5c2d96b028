/**
 * Registers the service worker (production builds only) and resolves once it controls the page:
 * the API exists only then, and the first load of a page is never controlled. Every way this can
 * fail ends in a `StartupError` instead of a wait for ever.
 */
import { Workbox } from 'workbox-window';
import type { OfflineFilesReply, ServiceWorkerCommand } from '../read-api/realm-messages';

export interface ServiceWorkerHandle {
  /** Set when a new version waits; calling it activates the new version and reloads. */
  onUpdateAvailable(listener: (activate: () => void) => void): void;
}

/**
 * `no-service-worker`: the browser has none (or refuses it, e.g. private modes);
 * `install-failed`: the worker could not be installed (its script or a precached file failed to
 * download), so there is no API; `not-controlled`: a worker is active but this page stays
 * outside it even after a claim and a reload.
 */
export type StartupProblem = 'no-service-worker' | 'install-failed' | 'not-controlled';

export class StartupError extends Error {
  override readonly name = 'StartupError';

  constructor(
    readonly code: StartupProblem,
    message: string,
  ) {
    super(message);
  }
}

export interface RegisterOptions {
  /** How long an active worker has to claim an uncontrolled page before it is reloaded (5 s). */
  claimWaitMs?: number;
}

/** Set while the page reloads itself to get controlled, so that it does so once, not in a loop. */
const RELOAD_GUARD = 'localread:reloaded-for-control';
const CLAIM_WAIT_MS = 5_000;

const INSTALL_FAILED =
  'The reader could not be installed for offline use: a file of the app failed to download. Check the connection, then retry.';
const NOT_CONTROLLED =
  'This page is not connected to the reader’s service worker (a hard reload, Shift+Reload, bypasses it). Reload the page.';

export async function registerServiceWorker(scriptUrl: string, options: RegisterOptions = {}): Promise<ServiceWorkerHandle> {
  if (!('serviceWorker' in navigator)) {
    throw new StartupError('no-service-worker', 'This browser has no service workers: the Read API cannot run here.');
  }
  // Listen before registering: `controllerchange` fires once, when clients.claim() runs.
  const controlled = new Promise<void>((resolve) => {
    if (navigator.serviceWorker.controller) resolve();
    else navigator.serviceWorker.addEventListener('controllerchange', () => resolve(), { once: true });
  });
  const workbox = new Workbox(scriptUrl);
  const listeners: Array<(activate: () => void) => void> = [];
  workbox.addEventListener('waiting', () => {
    const activate = () => {
      workbox.addEventListener('controlling', () => location.reload());
      workbox.messageSkipWaiting();
    };
    for (const listener of listeners) listener(activate);
  });
  const registration = await workbox.register().catch((error: unknown) => {
    throw new StartupError('install-failed', `${INSTALL_FAILED} (${error instanceof Error ? error.message : String(error)})`);
  });
  if (!registration) throw new StartupError('install-failed', INSTALL_FAILED);
  const done = new AbortController();
  try {
    await Promise.race([controlled, installFailure(registration, done.signal), claimOrReload(registration, options, done.signal)]);
  } finally {
    done.abort();
  }
  sessionStorage.removeItem(RELOAD_GUARD);
  return { onUpdateAvailable: (listener) => void listeners.push(listener) };
}

/**
 * Rejects when the first install fails: the worker being installed becomes `redundant` while no
 * other worker is active (a failed update leaves the active one serving, so it is not a failure
 * of start-up). Stays pending otherwise; its listeners go when `signal` aborts.
 */
function installFailure(registration: ServiceWorkerRegistration, signal: AbortSignal): Promise<never> {
  return new Promise<never>((_resolve, reject) => {
    const failed = () => !registration.active && !registration.waiting && !registration.installing;
    const watch = (worker: ServiceWorker | null) =>
      worker?.addEventListener(
        'statechange',
        () => {
          if (worker.state === 'redundant' && failed()) reject(new StartupError('install-failed', INSTALL_FAILED));
        },
        { signal },
      );
    // It may have failed already, before this ran (a quick 404).
    if (failed()) reject(new StartupError('install-failed', INSTALL_FAILED));
    watch(registration.installing);
    watch(registration.waiting);
    registration.addEventListener('updatefound', () => watch(registration.installing), { signal });
  });
}

/**
 * A page loaded by a hard reload is not controlled, though a worker is active, and the worker's
 * `activate` (which claims pages) has run long ago: ask it to claim this page. If that does not
 * happen in time, reload once (a normal reload is controlled); after that, give up with a
 * message. Stays pending when there is nothing to do (the first install claims by itself).
 */
function claimOrReload(registration: ServiceWorkerRegistration, options: RegisterOptions, signal: AbortSignal): Promise<void> {
  return new Promise<void>((_resolve, reject) => {
    const active = registration.active;
    if (!active || navigator.serviceWorker.controller) return;
    active.postMessage({ type: 'CLAIM_CLIENTS' } satisfies ServiceWorkerCommand);
    const timer = setTimeout(() => {
      if (sessionStorage.getItem(RELOAD_GUARD)) {
        reject(new StartupError('not-controlled', NOT_CONTROLLED));
        return;
      }
      sessionStorage.setItem(RELOAD_GUARD, '1');
      // The page goes away: nothing here settles, nor needs to.
      location.reload();
    }, options.claimWaitMs ?? CLAIM_WAIT_MS);
    signal.addEventListener('abort', () => clearTimeout(timer), { once: true });
  });
}

/**
 * Asks the controlling worker to store the files its install left for later (sw/offline-files.ts);
 * resolves once the app works offline, and rejects with the worker's reason when a file failed
 * to download.
 */
export function cacheForOffline(): Promise<void> {
  const controller = navigator.serviceWorker.controller;
  if (!controller) return Promise.reject(new Error('No service worker controls this page.'));
  return new Promise<void>((resolve, reject) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = ({ data }: MessageEvent<OfflineFilesReply>) => {
      channel.port1.close();
      if (data.type === 'OFFLINE_READY') resolve();
      else reject(new Error(data.message));
    };
    controller.postMessage({ type: 'CACHE_FOR_OFFLINE' } satisfies ServiceWorkerCommand, [channel.port2]);
  });
}
