/**
 * State of the API page: the endpoint and both keys, the Azure-hosts and second-engine settings,
 * and the actions on them. Talks to the service worker only through client/.
 */
import { fetchKeys, regenerateKey } from '../client/keys-client';
import { fetchSettings, updateSettings } from '../client/settings-client';
import type { KeysInfo, SettingsInfo } from '../read-api/extensions';
import type { ApiKeyId } from '../read-api/paths';

export class ApiAccess {
  keys = $state.raw<KeysInfo | null>(null);
  settings = $state.raw<SettingsInfo | null>(null);
  /** The last failure, in words, until the next action succeeds. */
  problem = $state<string | null>(null);
  /** Which key is being regenerated, so its button can wait. */
  regenerating = $state<ApiKeyId | null>(null);

  async load(): Promise<void> {
    await this.#attempt(async () => {
      [this.keys, this.settings] = await Promise.all([fetchKeys(), fetchSettings()]);
    });
  }

  /**
   * Replaces one key; the old value stops working at once. The request is authorised with the
   * other key, which stays valid throughout (Azure's rotation: move callers to it first).
   */
  async regenerate(keyId: ApiKeyId): Promise<void> {
    const keys = this.keys;
    if (!keys || this.regenerating) return;
    this.regenerating = keyId;
    await this.#attempt(async () => {
      this.keys = await regenerateKey(keyId, keyId === 'key1' ? keys.key2 : keys.key1);
    });
    this.regenerating = null;
  }

  async setAnswerAzureHosts(answerAzureHosts: boolean): Promise<void> {
    await this.#attempt(async () => {
      this.settings = await updateSettings({ answerAzureHosts });
    });
  }

  /** Whether hard pages (forms, receipts, photos) are also read by the second OCR engine. */
  async setSecondEngine(secondEngine: boolean): Promise<void> {
    await this.#attempt(async () => {
      this.settings = await updateSettings({ secondEngine });
    });
  }

  async #attempt(action: () => Promise<void>): Promise<void> {
    try {
      await action();
      this.problem = null;
    } catch (error) {
      this.problem = error instanceof Error ? error.message : String(error);
    }
  }
}
