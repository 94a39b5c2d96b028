/**
 * The privacy state of the app: what is stored now, the retention setting, and deletion. It also
 * keeps the retention promise from the page's side: it asks for persistent storage, registers the
 * periodic sweep, and sweeps on load and on a timer while the page is open, through the API (the
 * service worker sweeps before it answers GET /localread/v1/storage).
 */
import { PrivacyClient } from '../client/privacy-client';
import { fetchSettings, updateSettings } from '../client/settings-client';
import { fetchForwarding } from '../client/forwarding-client';
import type { ForwardedHostInfo } from '../read-api/forwarding';
import { registerPeriodicSweep, requestPersistentStorage } from '../client/storage-care';
import type { SettingsInfo, StorageInfo, StoredOperationInfo } from '../read-api/extensions';
import { PAGE_SWEEP_INTERVAL_MS } from '../read-api/privacy';

export class PrivacyState {
  storage = $state.raw<StorageInfo | null>(null);
  operations = $state.raw<StoredOperationInfo[]>([]);
  settings = $state.raw<SettingsInfo | null>(null);
  /** The Azure hosts whose requests leave the device (the user named them on the API page). */
  forwardedHosts = $state.raw<ForwardedHostInfo[]>([]);
  /** Whether the browser keeps the storage under pressure; null until asked. */
  persisted = $state<boolean | null>(null);
  /** Whether the periodic background sweep is registered; null until tried. */
  periodicSweep = $state<boolean | null>(null);
  /** The last failure, in words, until the next action succeeds. */
  problem = $state<string | null>(null);
  /** What the last deletion did, in words. */
  notice = $state<string | null>(null);
  busy = $state(false);

  readonly #client: PrivacyClient;
  #timer: ReturnType<typeof setInterval> | null = null;

  constructor(client = new PrivacyClient()) {
    this.#client = client;
  }

  /** The page-load sweep, then one every PAGE_SWEEP_INTERVAL_MS until stop(). */
  async start(): Promise<void> {
    this.#timer ??= setInterval(() => void this.refresh(), PAGE_SWEEP_INTERVAL_MS);
    const [persisted, periodicSweep] = await Promise.all([requestPersistentStorage(), registerPeriodicSweep(), this.refresh()]);
    this.persisted = persisted;
    this.periodicSweep = periodicSweep;
  }

  stop(): void {
    if (this.#timer !== null) clearInterval(this.#timer);
    this.#timer = null;
  }

  /** Sweeps (the service worker does, before it answers) and reads what is stored now. */
  async refresh(): Promise<void> {
    // A failed refresh reports itself; a successful one leaves an action's failure on show.
    await this.#attempt(async () => {
      [this.storage, this.operations, this.settings, this.forwardedHosts] = await Promise.all([
        this.#client.storage(),
        this.#client.operations(),
        fetchSettings(),
        fetchForwarding(),
      ]);
    }, false);
  }

  /** Shortens (or restores, up to 24 h) the retention window; expired operations go at once. */
  async setRetention(retentionMs: number): Promise<void> {
    await this.#attempt(async () => {
      this.settings = await updateSettings({ retentionMs });
    });
    await this.refresh();
  }

  async deleteOperation(id: string): Promise<void> {
    await this.#busy(async () => {
      const deleted = await this.#client.deleteOperation(id);
      this.notice = deleted ? `Operation ${id} was deleted.` : `Operation ${id} was already gone.`;
    });
  }

  /** Deletes every operation and the forwarded hosts with their keys, and replaces the encryption key. */
  async deleteEverything(): Promise<void> {
    await this.#busy(async () => {
      const deleted = await this.#client.deleteEverything();
      this.notice = `Deleted ${deleted} operation${deleted === 1 ? '' : 's'} and replaced the encryption key.`;
    });
  }

  async #busy(action: () => Promise<void>): Promise<void> {
    if (this.busy) return;
    this.busy = true;
    await this.#attempt(action);
    this.busy = false;
    await this.refresh();
  }

  async #attempt(action: () => Promise<void>, clearsProblem = true): Promise<void> {
    try {
      await action();
      if (clearsProblem) this.problem = null;
    } catch (error) {
      this.problem = error instanceof Error ? error.message : String(error);
    }
  }
}
