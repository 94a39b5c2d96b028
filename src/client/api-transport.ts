/**
 * How the UI's clients call our API, written once: one error style (`ApiClientError`, with
 * Azure's code), one error-body parser, one key loading, one retry after a `401`.
 */
import type { ErrorBody } from '../read-api/errors';
import type { KeysInfo } from '../read-api/extensions';
import { KEY_HEADER, KEYS_PATH } from '../read-api/paths';

/** A refused call (or an answer other than the one expected), with Azure's error code when the body had one. */
export class ApiClientError extends Error {
  override readonly name = 'ApiClientError';

  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

function isErrorBody(value: unknown): value is ErrorBody {
  if (typeof value !== 'object' || value === null || !('error' in value)) return false;
  const { error } = value;
  return (
    typeof error === 'object' &&
    error !== null &&
    'code' in error &&
    typeof error.code === 'string' &&
    'message' in error &&
    typeof error.message === 'string'
  );
}

/** The error of an answer: Azure's code and message when its body is `{"error": {code, message}}`. */
export async function failureOf(response: Response): Promise<ApiClientError> {
  const body: unknown = await response.json().catch(() => null);
  if (isErrorBody(body)) return new ApiClientError(response.status, body.error.code, body.error.message);
  const message = response.statusText || `The service worker answered ${response.status}.`;
  return new ApiClientError(response.status, String(response.status), message);
}

/**
 * The JSON body of an answer with status `expected`; any other status rejects with its failure.
 * The body is trusted to be `T`: it comes from our own service worker, built from these types.
 */
export async function bodyOf<T>(response: Response, expected = 200): Promise<T> {
  if (response.status !== expected) throw await failureOf(response);
  return response.json();
}

/** The endpoint to use as Azure's `{Endpoint}`, and key1 and key2 (same-origin code only, no key). */
export async function fetchKeys(endpoint = location.origin): Promise<KeysInfo> {
  return bodyOf<KeysInfo>(await fetch(new URL(KEYS_PATH, endpoint)));
}

export interface KeyOptions {
  /** The key to send first; without it, `loadKey` is asked on the first call. */
  key?: string;
  /**
   * Reads the key (again): on first use, and after a `401`, since a key regenerated in another tab
   * or by a script must not break us. Key1 of the endpoint by default; null to send `key` only.
   */
  loadKey?: (() => Promise<string>) | null;
}

/** A request of ours: the key header is added to `headers`. */
export interface KeyedRequest {
  method?: 'GET' | 'POST' | 'DELETE';
  headers?: Record<string, string>;
  body?: BodyInit;
}

/** Calls the API with a key, and once more with the key read again when it was refused with 401. */
export class KeyedTransport {
  readonly endpoint: string;
  #key: string | null;
  readonly #loadKey: (() => Promise<string>) | null;

  constructor(endpoint = location.origin, { key, loadKey }: KeyOptions = {}) {
    this.endpoint = endpoint;
    this.#key = key ?? null;
    this.#loadKey = loadKey === undefined ? async () => (await fetchKeys(endpoint)).key1 : loadKey;
  }

  /** The key sent last (or first), null until it was read. */
  get key(): string | null {
    return this.#key;
  }

  /** The key to send, read on first use. */
  async currentKey(): Promise<string> {
    if (this.#key !== null) return this.#key;
    if (!this.#loadKey) throw new TypeError('A KeyedTransport needs a key or a way to load one.');
    this.#key = await this.#loadKey();
    return this.#key;
  }

  /** Sends `request` to `path` (of the endpoint) with the key; after a 401, once more if the key changed. */
  async send(path: string | URL, request: KeyedRequest = {}): Promise<Response> {
    const url = new URL(path, this.endpoint);
    const attempt = (key: string) => fetch(url, { ...request, headers: { ...request.headers, [KEY_HEADER]: key } });
    const key = await this.currentKey();
    const response = await attempt(key);
    if (response.status !== 401 || !this.#loadKey) return response;
    const fresh = await this.#loadKey();
    if (fresh === key) return response;
    this.#key = fresh;
    return attempt(fresh);
  }
}
