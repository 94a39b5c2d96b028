/**
 * State of the "Forward to Azure" section of the API page: the Azure hosts the user forwards to
 * (keys masked, as the service worker answers them) and the actions on them. Talks to the
 * service worker only through client/.
 */
import { fetchForwarding, forwardHost, stopForwarding } from '../client/forwarding-client';
import type { ForwardedHostInfo } from '../read-api/forwarding';

export class ForwardingState {
  hosts = $state.raw<ForwardedHostInfo[]>([]);
  /** The last failure, in words, until the next action succeeds. */
  problem = $state<string | null>(null);
  busy = $state(false);

  async load(): Promise<void> {
    await this.#attempt(async () => {
      this.hosts = await fetchForwarding();
    });
  }

  /** Forwards `host` with the user's `key`; true when it was accepted (the form may then clear). */
  async add(host: string, key: string): Promise<boolean> {
    return this.#attempt(async () => {
      await forwardHost(host, key);
      this.hosts = await fetchForwarding();
    });
  }

  async remove(host: string): Promise<void> {
    await this.#attempt(async () => {
      await stopForwarding(host);
      this.hosts = await fetchForwarding();
    });
  }

  async #attempt(action: () => Promise<void>): Promise<boolean> {
    if (this.busy) return false;
    this.busy = true;
    try {
      await action();
      this.problem = null;
      return true;
    } catch (error) {
      this.problem = error instanceof Error ? error.message : String(error);
      return false;
    } finally {
      this.busy = false;
    }
  }
}
