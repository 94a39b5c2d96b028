/**
 * Steps of the privacy e2e tests: call the extension endpoints, read and change raw IndexedDB as
 * an attacker with disk access would (or as a test moving time would), dump Cache Storage.
 */
import { expect, type Page } from '@playwright/test';
import { callApi, keyHeaders, type ApiAnswer } from './app';

/** Calls the API from the page with the key (or the given one; null for none), a JSON body if given. */
export async function api(
  page: Page,
  method: string,
  path: string,
  options: { key?: string | null; json?: unknown } = {},
): Promise<ApiAnswer> {
  const headers = await keyHeaders(page, options.key);
  if (options.json === undefined) return callApi(page, path, { method, headers });
  return callApi(page, path, { method, headers: { ...headers, 'Content-Type': 'application/json' }, text: JSON.stringify(options.json) });
}

/** A stored value with binary data replaced by its bytes (latin1) and CryptoKeys by their properties. */
export type Serialised =
  | string
  | number
  | boolean
  | null
  | { $bytes: string }
  | { $cryptoKey: { type: string; extractable: boolean; algorithm: string; usages: string[] } }
  | { $unknown: string }
  | Serialised[]
  | { [name: string]: Serialised };

/** One record of any store of any database of the origin. */
export interface RawRecord {
  database: string;
  store: string;
  key: Serialised;
  value: Serialised;
}

/** A change to one raw record (the page's policy allows no eval, so changes are data). */
export interface RawChange {
  /** Numbers added to top-level fields, e.g. `{ createdAt: -86400000 }`. */
  add?: Record<string, number>;
  /** Top-level fields set, e.g. `{ createdAt: 'yesterday' }`; a payload given another `id` is copied there. */
  set?: Record<string, unknown>;
  /** Flips one byte of a payload's ciphertext. */
  flipCiphertextByte?: number;
}

/** A sealed payload copied off the disk, as an attacker might before a deletion. */
export interface SealedCopy {
  id: string;
  field: string;
  iv: number[];
  ciphertext: number[];
}

/**
 * What a test does to the raw databases with the plain indexedDB API, as an attacker with disk
 * access would (or a test moving time): dump every record, change one record of the job store, or
 * use the job store's CryptoKey (export it, or open a copied payload with it).
 */
type RawRequest =
  | { kind: 'dump' }
  | { kind: 'change'; store: 'operations' | 'payloads' | 'meta'; key: string | string[]; change: RawChange }
  | { kind: 'exportKey' }
  | { kind: 'openCopy'; copy: SealedCopy };

/** Runs one raw request in the page: the one place the e2e tests open IndexedDB themselves. */
function raw(page: Page, request: RawRequest): Promise<unknown> {
  return page.evaluate(async (request) => {
    const settle = <T>(r: IDBRequest<T>) =>
      new Promise<T>((resolve, reject) => {
        r.onsuccess = () => resolve(r.result);
        r.onerror = () => reject(r.error ?? new Error('IndexedDB request failed'));
      });
    const latin1 = (bytes: Uint8Array) => Array.from(bytes, (byte) => String.fromCharCode(byte)).join('');
    async function serialise(value: unknown): Promise<Serialised> {
      if (value === null || value === undefined) return null;
      if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
      if (value instanceof ArrayBuffer) return { $bytes: latin1(new Uint8Array(value)) };
      if (ArrayBuffer.isView(value)) return { $bytes: latin1(new Uint8Array(value.buffer as ArrayBuffer, value.byteOffset, value.byteLength)) };
      if (value instanceof Blob) return { $bytes: latin1(new Uint8Array(await value.arrayBuffer())) };
      if (value instanceof CryptoKey) {
        const { type, extractable, algorithm, usages } = value;
        return { $cryptoKey: { type, extractable, algorithm: algorithm.name, usages: [...usages] } };
      }
      if (Array.isArray(value)) return Promise.all(value.map(serialise));
      if (value instanceof Date) return value.toISOString();
      if (value instanceof Map) return Promise.all([...value.entries()].map(serialise));
      if (value instanceof Set) return Promise.all([...value].map(serialise));
      if (Object.getPrototypeOf(value) === Object.prototype) {
        const entries = await Promise.all(
          Object.entries(value as Record<string, unknown>).map(async ([name, field]) => [name, await serialise(field)] as const),
        );
        return Object.fromEntries(entries);
      }
      return { $unknown: Object.prototype.toString.call(value) };
    }
    const names = request.kind === 'dump' ? (await indexedDB.databases()).flatMap(({ name }) => (name ? [name] : [])) : ['localread'];
    const records: RawRecord[] = [];
    for (const name of names) {
      const db = await settle(indexedDB.open(name));
      try {
        if (request.kind === 'change') {
          const objects = db.transaction(request.store, 'readwrite').objectStore(request.store);
          const record = (await settle(objects.get(request.key))) as Record<string, unknown> & { sealed?: { ciphertext: ArrayBuffer } };
          const { add = {}, set = {}, flipCiphertextByte: flip } = request.change;
          for (const [field, amount] of Object.entries(add)) record[field] = (record[field] as number) + amount;
          Object.assign(record, set);
          if (flip !== undefined && record.sealed) {
            const bytes = new Uint8Array(record.sealed.ciphertext.slice(0));
            bytes[flip] = (bytes[flip] ?? 0) ^ 0x01;
            record.sealed = { ...record.sealed, ciphertext: bytes.buffer };
          }
          await settle(objects.put(record));
          return null;
        }
        if (request.kind === 'exportKey' || request.kind === 'openCopy') {
          const { key } = (await settle(db.transaction('meta').objectStore('meta').get('encryptionKey'))) as { key: CryptoKey };
          if (request.kind === 'exportKey') return await crypto.subtle.exportKey('raw', key).then(() => 'exported', (error: Error) => error.name);
          const { id, field, iv, ciphertext } = request.copy;
          const additionalData = new TextEncoder().encode(`localread:${id}:${field}`);
          return await crypto.subtle
            .decrypt({ name: 'AES-GCM', iv: new Uint8Array(iv), additionalData }, key, new Uint8Array(ciphertext))
            .then(() => 'opened', (error: Error) => error.name);
        }
        for (const store of db.objectStoreNames) {
          const tx = db.transaction(store, 'readonly');
          const [keys, values] = await Promise.all([settle(tx.objectStore(store).getAllKeys()), settle(tx.objectStore(store).getAll())]);
          for (const [i, key] of keys.entries()) records.push({ database: name, store, key: await serialise(key), value: await serialise(values[i]) });
        }
      } finally {
        db.close();
      }
    }
    return records;
  }, request);
}

/**
 * Every record of every IndexedDB database of the origin, read with the plain API: ArrayBuffers,
 * typed arrays and Blobs become their bytes, CryptoKeys their properties (their bytes cannot be
 * read, which is the point).
 */
export async function rawDatabases(page: Page): Promise<RawRecord[]> {
  return (await raw(page, { kind: 'dump' })) as RawRecord[];
}

/** Applies `change` to one raw record of the job store (`operations`, `payloads` or `meta`). */
export async function changeRawRecord(
  page: Page,
  store: 'operations' | 'payloads' | 'meta',
  key: string | string[],
  change: RawChange,
): Promise<void> {
  await raw(page, { kind: 'change', store, key, change });
}

/** Tries to export the job store's key: the name of the error it fails with, or `exported`. */
export async function exportStoredKey(page: Page): Promise<string> {
  return (await raw(page, { kind: 'exportKey' })) as string;
}

/** Tries to open a copied payload with the job store's key now: `opened`, or the error's name. */
export async function openWithStoredKey(page: Page, copy: SealedCopy): Promise<string> {
  return (await raw(page, { kind: 'openCopy', copy })) as string;
}

/** Whether a serialised value is binary data. */
export function isBytes(value: Serialised | undefined): value is { $bytes: string } {
  return typeof value === 'object' && value !== null && typeof (value as { $bytes?: unknown }).$bytes === 'string';
}

/** The bytes of a serialised binary value. */
export function bytesOf(value: Serialised | undefined): Buffer {
  if (!isBytes(value)) throw new Error(`not binary data: ${JSON.stringify(value)}`);
  return Buffer.from(value.$bytes, 'latin1');
}

/** Every entry of every cache of the origin, its body as latin1 text. */
export function rawCaches(page: Page): Promise<Array<{ url: string; body: string }>> {
  return page.evaluate(async () => {
    const entries: Array<{ url: string; body: string }> = [];
    for (const name of await caches.keys()) {
      const cache = await caches.open(name);
      for (const request of await cache.keys()) {
        const bytes = new Uint8Array(await (await cache.match(request))!.arrayBuffer());
        let body = '';
        for (let i = 0; i < bytes.length; i += 0x8000) body += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
        entries.push({ url: request.url, body });
      }
    }
    return entries;
  });
}

/** Moves an operation's creation back by `ms`, as time passing would. */
export function backdate(page: Page, id: string, ms: number): Promise<void> {
  return changeRawRecord(page, 'operations', id, { add: { createdAt: -ms } });
}

/** The raw records of the job store that mention `id`, in any store. */
export async function tracesOf(page: Page, id: string): Promise<RawRecord[]> {
  return (await rawDatabases(page)).filter((record) => JSON.stringify([record.key, record.value]).includes(id));
}

/** The operation id at the end of an Operation-Location. */
export function idOf(location: string): string {
  return location.slice(location.lastIndexOf('/') + 1);
}

/** Waits until nothing of `id` is left in any store. */
export async function expectNoTrace(page: Page, id: string): Promise<void> {
  await expect.poll(async () => (await tracesOf(page, id)).length, { message: `traces of ${id}` }).toBe(0);
}
