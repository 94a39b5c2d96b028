/**
 * A typed client of our privacy extension endpoints: what is stored, the list of operations,
 * delete one now, delete everything (and the key). What the privacy page uses; each call carries
 * the key, as the Read calls do.
 */
import type { DeletedAllInfo, OperationsInfo, StorageInfo } from '../read-api/extensions';
import { OPERATION_PATH_PREFIX, OPERATIONS_PATH, STORAGE_PATH } from '../read-api/paths';
import { bodyOf, failureOf, KeyedTransport, type KeyOptions } from './api-transport';

export class PrivacyClient {
  readonly #transport: KeyedTransport;

  /** Key1 of `endpoint` is read on the first call, and again after a 401. */
  constructor(endpoint = location.origin, keys: KeyOptions = {}) {
    this.#transport = new KeyedTransport(endpoint, keys);
  }

  /** What is stored now. The service worker sweeps expired operations before it answers. */
  async storage(): Promise<StorageInfo> {
    return bodyOf<StorageInfo>(await this.#transport.send(STORAGE_PATH));
  }

  /** The stored operations, oldest first: metadata only. */
  async operations(): Promise<OperationsInfo['operations']> {
    return (await bodyOf<OperationsInfo>(await this.#transport.send(OPERATIONS_PATH))).operations;
  }

  /** Deletes one operation now; false when it was already gone (unknown, expired or deleted). */
  async deleteOperation(id: string): Promise<boolean> {
    const response = await this.#transport.send(OPERATION_PATH_PREFIX + encodeURIComponent(id), { method: 'DELETE' });
    if (response.status === 404) return false;
    if (response.status !== 204) throw await failureOf(response);
    return true;
  }

  /** Deletes every operation and replaces the encryption key; resolves with how many were deleted. */
  async deleteEverything(): Promise<number> {
    return (await bodyOf<DeletedAllInfo>(await this.#transport.send(OPERATIONS_PATH, { method: 'DELETE' }))).deleted;
  }
}
