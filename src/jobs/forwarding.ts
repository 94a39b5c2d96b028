/**
 * The user's own Azure keys for forwarding, one per named host, kept in `meta` sealed like every
 * payload (AES-GCM under the store's non-extractable key, the host and FORWARDING_KEY_FIELD as
 * additional data). A key leaves this module in clear only through `keyFor`, which the service
 * worker calls to send a forwarded request; listings show it masked. "Delete everything" deletes
 * the record and replaces the key it was sealed under (shred.ts).
 */
import type { IDBPDatabase } from 'idb';
import { FORWARDING_KEY_FIELD, maskKey } from '../read-api/forwarding';
import type { Clock } from './clock';
import type { ForwardedHost, JobDb, MetaRecord } from './db';
import { loadOrCreateKeyRecord, openStored, seal } from './crypto';

/** One forwarded host, its key masked. */
export interface ForwardedHostEntry {
  host: string;
  maskedKey: string;
  /** Epoch ms. */
  addedAt: number;
}

function hostsOf(record: MetaRecord | undefined): ForwardedHost[] {
  return record?.name === 'forwarding' ? record.hosts : [];
}

export class ForwardingKeys {
  readonly #db: IDBPDatabase<JobDb>;
  readonly #clock: Clock;

  constructor(db: IDBPDatabase<JobDb>, clock: Clock) {
    this.#db = db;
    this.#clock = clock;
  }

  /** Opens one stored key; null when it does not open (tampered with, or sealed under a destroyed key). */
  async #open(stored: ForwardedHost, keyRecord: MetaRecord | undefined): Promise<string | null> {
    const bytes = await openStored(keyRecord, stored.host, FORWARDING_KEY_FIELD, stored.sealedKey);
    return bytes ? new TextDecoder().decode(bytes) : null;
  }

  async #read(): Promise<{ hosts: ForwardedHost[]; keyRecord: MetaRecord | undefined }> {
    const tx = this.#db.transaction('meta', 'readonly');
    const [record, keyRecord] = await Promise.all([tx.store.get('forwarding'), tx.store.get('encryptionKey'), tx.done]);
    return { hosts: hostsOf(record), keyRecord };
  }

  /** The forwarded hosts whose key opens, in the order they were added. */
  async list(): Promise<ForwardedHostEntry[]> {
    const { hosts, keyRecord } = await this.#read();
    const entries = await Promise.all(
      hosts.map(async (stored) => {
        const key = await this.#open(stored, keyRecord);
        return key === null ? null : { host: stored.host, maskedKey: maskKey(key), addedAt: stored.addedAt };
      }),
    );
    return entries.filter((entry) => entry !== null);
  }

  /** The user's key for `host` (lower-case), or null when that host is not forwarded. */
  async keyFor(host: string): Promise<string | null> {
    const { hosts, keyRecord } = await this.#read();
    const stored = hosts.find((entry) => entry.host === host);
    return stored ? this.#open(stored, keyRecord) : null;
  }

  /** Forwards `host` (validated by the caller) with `key`, replacing its key if it was forwarded already. */
  async put(host: string, key: string): Promise<ForwardedHostEntry> {
    const { key: cryptoKey, generation } = await loadOrCreateKeyRecord(this.#db);
    const sealedKey = await seal(cryptoKey, host, FORWARDING_KEY_FIELD, new TextEncoder().encode(key));
    const tx = this.#db.transaction('meta', 'readwrite');
    const [record, current] = await Promise.all([tx.store.get('forwarding'), tx.store.get('encryptionKey')]);
    // Everything was deleted (and the key replaced) while we sealed: seal again under the new key.
    if (current?.name !== 'encryptionKey' || current.generation !== generation) {
      await tx.done;
      return this.put(host, key);
    }
    const hosts = hostsOf(record);
    const addedAt = hosts.find((entry) => entry.host === host)?.addedAt ?? this.#clock();
    const next = [...hosts.filter((entry) => entry.host !== host), { host, sealedKey, addedAt }];
    next.sort((a, b) => a.addedAt - b.addedAt);
    await Promise.all([tx.store.put({ name: 'forwarding', hosts: next }), tx.done]);
    return { host, maskedKey: maskKey(key), addedAt };
  }

  /** Stops forwarding `host` and deletes its key; false when it was not forwarded. */
  async remove(host: string): Promise<boolean> {
    const tx = this.#db.transaction('meta', 'readwrite');
    const hosts = hostsOf(await tx.store.get('forwarding'));
    const next = hosts.filter((entry) => entry.host !== host);
    if (next.length !== hosts.length) await tx.store.put({ name: 'forwarding', hosts: next });
    await tx.done;
    return next.length !== hosts.length;
  }
}
