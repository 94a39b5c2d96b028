/**
 * The app's session: brings the service worker and the engine up, then holds the API client
 * and the scans. Components read it; only it talks to client/ and engine/.
 */
import { ReadClient } from '../client/read-client';
import { registerServiceWorker } from '../client/service-worker';
import { startEngine } from '../engine/host';
import { Scans } from './scans.svelte';
import { PrivacyState } from './privacy.svelte';
import { appBaseUrl, serviceWorkerUrl } from './base-url';
import { engineOptionsFromUrl } from './engine-options';

export type SessionState = 'starting' | 'ready' | 'unavailable';

export class Session {
  state = $state<SessionState>('starting');
  problem = $state<string | null>(null);
  updateAvailable = $state<(() => void) | null>(null);
  scans = $state.raw<Scans | null>(null);
  /** Also sweeps expired operations on load and on a timer while the page is open. */
  privacy = $state.raw<PrivacyState | null>(null);

  async start(): Promise<void> {
    try {
      const worker = await registerServiceWorker(serviceWorkerUrl());
      worker.onUpdateAvailable((activate) => (this.updateAvailable = activate));
      await startEngine(engineOptionsFromUrl(appBaseUrl()));
      this.scans = new Scans(await ReadClient.connect());
      this.privacy = new PrivacyState();
      void this.privacy.start();
      this.state = 'ready';
    } catch (error) {
      this.problem = error instanceof Error ? error.message : String(error);
      this.state = 'unavailable';
    }
  }
}
