/**
 * A typed client of our privacy extension endpoints: what is stored, the list of operations,
 * delete one now, delete everything (and the key). What the privacy page uses; each call carries
 * the key, as the Read calls do.
 */
import type { ErrorBody } from '../read-api/errors';
import type { DeletedAllInfo, KeysInfo, OperationsInfo, StorageInfo } from '../read-api/extensions';
import { KEY_HEADER, KEYS_PATH, OPERATION_PATH_PREFIX, OPERATIONS_PATH, STORAGE_PATH } from '../read-api/paths';
import { ReadClientError } from './read-client';

async function failure(response: Response): Promise<ReadClientError> {
  const body = (await response.json().catch(() => null)) as Partial<ErrorBody> | null;
  return new ReadClientError(response.status, body?.error?.code ?? String(response.status), body?.error?.message ?? response.statusText);
}

export class PrivacyClient {
  readonly #endpoint: string;
  #key: string | null = null;

  constructor(endpoint = location.origin) {
    this.#endpoint = endpoint;
  }

  async #loadKey(): Promise<string> {
    const response = await fetch(new URL(KEYS_PATH, this.#endpoint));
    if (!response.ok) throw await failure(response);
    return ((await response.json()) as KeysInfo).key1;
  }

  /** Sends with key1; after a 401 (the key was regenerated), once more with the key read again. */
  async #send(path: string, method: 'GET' | 'DELETE'): Promise<Response> {
    const attempt = async (key: string) => fetch(new URL(path, this.#endpoint), { method, headers: { [KEY_HEADER]: key } });
    this.#key ??= await this.#loadKey();
    const response = await attempt(this.#key);
    if (response.status !== 401) return response;
    const fresh = await this.#loadKey();
    if (fresh === this.#key) return response;
    this.#key = fresh;
    return attempt(fresh);
  }

  async #json<T>(path: string, method: 'GET' | 'DELETE'): Promise<T> {
    const response = await this.#send(path, method);
    if (!response.ok) throw await failure(response);
    return (await response.json()) as T;
  }

  /** What is stored now. The service worker sweeps expired operations before it answers. */
  storage(): Promise<StorageInfo> {
    return this.#json<StorageInfo>(STORAGE_PATH, 'GET');
  }

  /** The stored operations, oldest first: metadata only. */
  async operations(): Promise<OperationsInfo['operations']> {
    return (await this.#json<OperationsInfo>(OPERATIONS_PATH, 'GET')).operations;
  }

  /** Deletes one operation now; false when it was already gone (unknown, expired or deleted). */
  async deleteOperation(id: string): Promise<boolean> {
    const response = await this.#send(OPERATION_PATH_PREFIX + encodeURIComponent(id), 'DELETE');
    if (response.status === 404) return false;
    if (response.status !== 204) throw await failure(response);
    return true;
  }

  /** Deletes every operation and replaces the encryption key; resolves with how many were deleted. */
  async deleteEverything(): Promise<number> {
    return (await this.#json<DeletedAllInfo>(OPERATIONS_PATH, 'DELETE')).deleted;
  }
}
