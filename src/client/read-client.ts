/**
 * A typed client for our own Read API, used by the UI like any other client would use Azure:
 * over HTTP, with a key, polling the operation until it ends.
 */
import type { LocalReadOperationResult } from '../read-api/extensions';
import { ANALYZE_PATH, RESULTS_PATH_PREFIX } from '../read-api/paths';
import { bodyOf, failureOf, KeyedTransport, type KeyOptions } from './api-transport';

export interface AnalyzeOptions {
  language?: string;
  pages?: string;
  readingOrder?: 'basic' | 'natural';
}

export interface PollOptions {
  intervalMs?: number;
  signal?: AbortSignal;
  /** Called with every answer, the last included. */
  onUpdate?: (result: LocalReadOperationResult) => void;
}

export class ReadClient {
  readonly #transport: KeyedTransport;

  /** Key1 of `endpoint` is read on the first call and again after a 401, unless `keys` says otherwise. */
  constructor(endpoint = location.origin, keys: KeyOptions = {}) {
    this.#transport = new KeyedTransport(endpoint, keys);
  }

  get endpoint(): string {
    return this.#transport.endpoint;
  }

  /** The key sent last, null before the first call. */
  get key(): string | null {
    return this.#transport.key;
  }

  /** A client whose key is already read, so that a missing API fails here rather than on the first scan. */
  static async connect(endpoint = location.origin): Promise<ReadClient> {
    const client = new ReadClient(endpoint);
    await client.#transport.currentKey();
    return client;
  }

  /** Submits a document; resolves with the operation id. */
  async analyze(document: Blob, options: AnalyzeOptions = {}): Promise<string> {
    const url = new URL(ANALYZE_PATH, this.endpoint);
    for (const [name, value] of Object.entries(options)) {
      if (value !== undefined) url.searchParams.set(name, String(value));
    }
    const response = await this.#transport.send(url, {
      method: 'POST',
      headers: { 'Content-Type': 'application/octet-stream' },
      body: document,
    });
    if (response.status !== 202) throw await failureOf(response);
    const location = response.headers.get('Operation-Location') ?? '';
    return location.slice(location.lastIndexOf('/') + 1);
  }

  async getResult(id: string): Promise<LocalReadOperationResult> {
    return bodyOf<LocalReadOperationResult>(await this.#transport.send(RESULTS_PATH_PREFIX + id));
  }

  /** Polls until the operation succeeds or fails (both resolve); rejects only on HTTP errors. */
  async waitForResult(id: string, options: PollOptions = {}): Promise<LocalReadOperationResult> {
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
