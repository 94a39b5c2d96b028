/**
 * Steps of the privacy e2e tests: call the extension endpoints, read and change raw IndexedDB as
 * an attacker with disk access would (or as a test moving time would), dump Cache Storage.
 */
import { expect, type Page } from '@playwright/test';
import { apiKey, type ApiAnswer } from './app';

/** Calls the API from the page with the key (or the given one; null for none). */
export async function api(
  page: Page,
  method: string,
  path: string,
  options: { key?: string | null; json?: unknown } = {},
): Promise<ApiAnswer> {
  const key = options.key === undefined ? await apiKey(page) : options.key;
  return page.evaluate(
    async ({ method, path, key, body }) => {
      const headers: Record<string, string> = {};
      if (key !== null) headers['Ocp-Apim-Subscription-Key'] = key;
      if (body !== undefined) headers['Content-Type'] = 'application/json';
      const response = await fetch(path, { method, headers, body });
      const text = await response.text();
      return {
        status: response.status,
        headers: Object.fromEntries(response.headers.entries()),
        body: text ? (JSON.parse(text) as unknown) : null,
      };
    },
    { method, path, key, body: options.json === undefined ? undefined : JSON.stringify(options.json) },
  );
}

/** One record of any store of any database of the origin, its binary data as latin1 text. */
export interface RawRecord {
  database: string;
  store: string;
  key: string;
  /** JSON of the value, with every ArrayBuffer and typed array written as its bytes in latin1. */
  value: string;
}

/** Every record of every IndexedDB database of the origin, read with the plain API. */
export function rawDatabases(page: Page): Promise<RawRecord[]> {
  return page.evaluate(async () => {
    const settle = <T>(request: IDBRequest<T>) =>
      new Promise<T>((resolve, reject) => {
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error ?? new Error('IndexedDB request failed'));
      });
    const latin1 = (bytes: Uint8Array) => Array.from(bytes, (byte) => String.fromCharCode(byte)).join('');
    const replacer = (_name: string, value: unknown) => {
      if (value instanceof ArrayBuffer) return { $bytes: latin1(new Uint8Array(value)) };
      if (ArrayBuffer.isView(value)) return { $bytes: latin1(new Uint8Array(value.buffer, value.byteOffset, value.byteLength)) };
      if (value instanceof CryptoKey) return { $cryptoKey: value.algorithm.name, extractable: value.extractable };
      return value;
    };
    const records: RawRecord[] = [];
    for (const { name } of await indexedDB.databases()) {
      if (!name) continue;
      const db = await settle(indexedDB.open(name));
      for (const store of db.objectStoreNames) {
        const objects = db.transaction(store).objectStore(store);
        const [keys, values] = await Promise.all([settle(objects.getAllKeys()), settle(objects.getAll())]);
        keys.forEach((key, i) =>
          records.push({ database: name, store, key: JSON.stringify(key, replacer), value: JSON.stringify(values[i], replacer) }),
        );
      }
      db.close();
    }
    return records;
  });
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

/** A change to one raw record (the page's policy allows no eval, so changes are data). */
export interface RawChange {
  /** Numbers added to top-level fields, e.g. `{ createdAt: -86400000 }`. */
  add?: Record<string, number>;
  /** Top-level fields set, e.g. `{ createdAt: 'yesterday' }`. */
  set?: Record<string, unknown>;
  /** Flips one byte of a payload's ciphertext. */
  flipCiphertextByte?: number;
}

/** Applies `change` to one raw record of the job store (`operations`, `payloads` or `meta`). */
export async function changeRawRecord(
  page: Page,
  store: 'operations' | 'payloads' | 'meta',
  key: string | string[],
  change: RawChange,
): Promise<void> {
  await page.evaluate(
    async ({ store, key, change }) => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const open = indexedDB.open('localread');
        open.onsuccess = () => resolve(open.result);
        open.onerror = () => reject(open.error ?? new Error('open failed'));
      });
      const objects = db.transaction(store, 'readwrite').objectStore(store);
      await new Promise<void>((resolve, reject) => {
        const get = objects.get(key);
        get.onsuccess = () => {
          const record = get.result as Record<string, unknown> & { sealed?: { ciphertext: ArrayBuffer } };
          for (const [field, amount] of Object.entries(change.add ?? {})) record[field] = (record[field] as number) + amount;
          Object.assign(record, change.set ?? {});
          if (change.flipCiphertextByte !== undefined && record.sealed) {
            const bytes = new Uint8Array(record.sealed.ciphertext.slice(0));
            bytes[change.flipCiphertextByte] = (bytes[change.flipCiphertextByte] ?? 0) ^ 0x01;
            record.sealed = { ...record.sealed, ciphertext: bytes.buffer };
          }
          const put = objects.put(record);
          put.onsuccess = () => resolve();
          put.onerror = () => reject(put.error ?? new Error('put failed'));
        };
        get.onerror = () => reject(get.error ?? new Error('get failed'));
      });
      db.close();
    },
    { store, key, change },
  );
}

/** Moves an operation's creation back by `ms`, as time passing would. */
export function backdate(page: Page, id: string, ms: number): Promise<void> {
  return changeRawRecord(page, 'operations', id, { add: { createdAt: -ms } });
}

/** The raw records of the job store that mention `id`, in any store. */
export async function tracesOf(page: Page, id: string): Promise<RawRecord[]> {
  return (await rawDatabases(page)).filter((record) => record.key.includes(id) || record.value.includes(id));
}

/** The operation id at the end of an Operation-Location. */
export function idOf(location: string): string {
  return location.slice(location.lastIndexOf('/') + 1);
}

/** Waits until nothing of `id` is left in any store. */
export async function expectNoTrace(page: Page, id: string): Promise<void> {
  await expect.poll(async () => (await tracesOf(page, id)).length, { message: `traces of ${id}` }).toBe(0);
}
