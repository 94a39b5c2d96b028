/**
 * A typed client for our own Read API, used by the UI like any other client would use Azure:
 * over HTTP, with a key, polling the operation until it ends.
 */
import type { ErrorBody } from '../read-api/errors';
import type { KeysInfo } from '../read-api/extensions';
import { ANALYZE_PATH, KEY_HEADER, KEYS_PATH, RESULTS_PATH_PREFIX } from '../read-api/paths';
import type { ReadOperationResult } from '../read-api/types';

/** An answer other than the one expected, with Azure's error code when the body had one. */
export class ReadClientError extends Error {
  override readonly name = 'ReadClientError';

  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

async function failure(response: Response): Promise<ReadClientError> {
  const body = (await response.json().catch(() => null)) as Partial<ErrorBody> | null;
  const code = body?.error?.code ?? String(response.status);
  return new ReadClientError(response.status, code, body?.error?.message ?? response.statusText);
}

export interface AnalyzeOptions {
  language?: string;
  pages?: string;
  readingOrder?: 'basic' | 'natural';
}

export interface PollOptions {
  intervalMs?: number;
  signal?: AbortSignal;
  onUpdate?: (result: ReadOperationResult) => void;
}

export class ReadClient {
  #key: string;
  readonly #reloadKey: (() => Promise<string>) | null;

  /** `reloadKey`, when given, is asked for the key again after a 401 (the key was regenerated). */
  constructor(
    readonly endpoint: string,
    key: string,
    reloadKey: (() => Promise<string>) | null = null,
  ) {
    this.#key = key;
    this.#reloadKey = reloadKey;
  }

  get key(): string {
    return this.#key;
  }

  /**
   * A client with key1, read from the extension endpoint of this origin, and read again when a
   * call is refused with 401: a key regenerated in another tab or by a script must not break us.
   */
  static async connect(endpoint = location.origin): Promise<ReadClient> {
    const loadKey = async () => {
      const response = await fetch(new URL(KEYS_PATH, endpoint));
      if (!response.ok) throw await failure(response);
      return ((await response.json()) as KeysInfo).key1;
    };
    return new ReadClient(endpoint, await loadKey(), loadKey);
  }

  /** Sends a request with the key; after a 401, once more with a reloaded key if it changed. */
  async #send(url: URL, init: (key: string) => RequestInit): Promise<Response> {
    const response = await fetch(url, init(this.#key));
    if (response.status !== 401 || !this.#reloadKey) return response;
    const fresh = await this.#reloadKey();
    if (fresh === this.#key) return response;
    this.#key = fresh;
    return fetch(url, init(fresh));
  }

  /** Submits a document; resolves with the operation id. */
  async analyze(document: Blob, options: AnalyzeOptions = {}): Promise<string> {
    const url = new URL(ANALYZE_PATH, this.endpoint);
    for (const [name, value] of Object.entries(options)) {
      if (value !== undefined) url.searchParams.set(name, String(value));
    }
    const response = await this.#send(url, (key) => ({
      method: 'POST',
      headers: { [KEY_HEADER]: key, 'Content-Type': 'application/octet-stream' },
      body: document,
    }));
    if (response.status !== 202) throw await failure(response);
    const location = response.headers.get('Operation-Location') ?? '';
    return location.slice(location.lastIndexOf('/') + 1);
  }

  async getResult(id: string): Promise<ReadOperationResult> {
    const response = await this.#send(new URL(RESULTS_PATH_PREFIX + id, this.endpoint), (key) => ({
      headers: { [KEY_HEADER]: key },
    }));
    if (!response.ok) throw await failure(response);
    return (await response.json()) as ReadOperationResult;
  }

  /** Polls until the operation succeeds or fails (both resolve); rejects only on HTTP errors. */
  async waitForResult(id: string, options: PollOptions = {}): Promise<ReadOperationResult> {
    const { intervalMs = 500, signal, onUpdate } = options;
    for (;;) {
      signal?.throwIfAborted();
      const result = await this.getResult(id);
      onUpdate?.(result);
      if (result.status === 'succeeded' || result.status === 'failed') return result;
      await new Promise((resolve) => setTimeout(resolve, intervalMs));
    }
  }
}
