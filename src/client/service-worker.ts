/**
 * Registers the service worker (production builds only) and resolves once it controls the page:
 * the API exists only then, and the first load of a page is never controlled.
 */
import { Workbox } from 'workbox-window';

export interface ServiceWorkerHandle {
  /** Set when a new version waits; calling it activates the new version and reloads. */
  onUpdateAvailable(listener: (activate: () => void) => void): void;
}

export async function registerServiceWorker(scriptUrl: string): Promise<ServiceWorkerHandle> {
  if (!('serviceWorker' in navigator)) {
    throw new Error('This browser has no service workers: the Read API cannot run here.');
  }
  // Listen before registering: `controllerchange` fires once, when clients.claim() runs.
  const controlled = navigator.serviceWorker.controller
    ? Promise.resolve()
    : new Promise<void>((resolve) =>
        navigator.serviceWorker.addEventListener('controllerchange', () => resolve(), { once: true }),
      );
  const workbox = new Workbox(scriptUrl);
  const listeners: Array<(activate: () => void) => void> = [];
  workbox.addEventListener('waiting', () => {
    const activate = () => {
      workbox.addEventListener('controlling', () => location.reload());
      workbox.messageSkipWaiting();
    };
    for (const listener of listeners) listener(activate);
  });
  await workbox.register();
  await controlled;
  return { onUpdateAvailable: (listener) => void listeners.push(listener) };
}
