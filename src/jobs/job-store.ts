/**
 * The job store: the only channel between the service worker (which accepts and answers jobs)
 * and the engine (which runs them). Every state change is one IndexedDB transaction; every
 * payload is sealed before it is written.
 */
import type { IDBPDatabase } from 'idb';
import type { AnalyzeResult } from '../read-api/types';
import type { AnalyzeParams } from '../read-api/params';
import type { InputFormat } from '../read-api/formats';
import type { SettingsInfo } from '../read-api/extensions';
import type { ApiKeyId } from '../read-api/paths';
import type { JobContract } from '../read-api/document-intelligence/job-options';
import { ReadApiError } from '../read-api/errors';
import { openJobDb, type JobDb, type JobRecord, type MetaRecord, type PayloadField, type Sealed } from './db';
import { loadOrCreateApiKeys, matchKey, regenerateApiKey } from './api-keys';
import { loadOrCreateKeyRecord, openStored, seal } from './crypto';
import { abortTransaction, payloadsOf } from './idb-helpers';
import { systemClock, type Clock } from './clock';
import { isExpired, RETENTION_MS } from './retention';
import { saveSettings, settingsFrom } from './settings';
import { isQuotaExceeded, quotaExceededError } from './quota';
import { isSoundRecord, sealedSize } from './record-check';
import { takeInventory, type Inventory } from './inventory';
import { shredEverything } from './shred';
import { sweepExpired } from './sweep';
import { abandonedError, failedRecord, MAX_ATTEMPTS, stripLease } from './job-record';
import { ForwardingKeys } from './forwarding';

export { MAX_ATTEMPTS } from './job-record';
export type { ForwardedHostEntry } from './forwarding';

export interface NewJob {
  id: string;
  keyId: ApiKeyId;
  params: AnalyzeParams;
  format: InputFormat;
  input: Uint8Array<ArrayBuffer>;
  /** Which API created it (Read when absent). */
  contract?: JobContract;
}

/** What the engine stores beside the result: files a contract asked for (`output=pdf`). */
export interface JobOutputs {
  pdf?: Uint8Array<ArrayBuffer>;
}

export interface ClaimedJob {
  record: JobRecord;
  input: Uint8Array<ArrayBuffer>;
}

export interface StoredJob {
  record: JobRecord;
  result?: AnalyzeResult;
}

/** A job with its result as stored: the UTF-8 bytes of the result's JSON, not parsed. */
export interface StoredJobJson {
  record: JobRecord;
  resultJson?: Uint8Array<ArrayBuffer>;
}

/** Both API keys, as `GET /localread/v1/keys` answers them. */
export type ApiKeyPair = Record<ApiKeyId, string>;

export interface JobStoreOptions {
  /** The one source of time (tests move it); Date.now by default. */
  clock?: Clock;
  dbName?: string;
  /**
   * A cap on the retention window. The window is the user's setting (`settings.retentionMs`,
   * read in every transaction that needs it, so every realm sees a change at once), never more
   * than this cap, itself never more than RETENTION_MS.
   */
  retentionMs?: number;
}

/**
 * The encryption key, the API keys and the settings are read from `meta` in each call, not kept:
 * another realm may replace a key ("delete everything", a regenerated API key) or change the
 * window at any time. The database itself is never handed out: this class is the one door to it.
 */
export class JobStore {
  readonly #db: IDBPDatabase<JobDb>;
  readonly #clock: Clock;
  readonly #maxRetentionMs: number;
  /** The Azure hosts the user forwards to, with the user's keys for them, sealed. */
  readonly forwarding: ForwardingKeys;

  private constructor(db: IDBPDatabase<JobDb>, options: JobStoreOptions) {
    this.#db = db;
    this.#clock = options.clock ?? systemClock;
    this.#maxRetentionMs = Math.min(options.retentionMs ?? RETENTION_MS, RETENTION_MS);
    this.forwarding = new ForwardingKeys(db, this.#clock);
  }

  static async open(options: JobStoreOptions = {}): Promise<JobStore> {
    const db = await openJobDb(options.dbName);
    await loadOrCreateKeyRecord(db);
    return new JobStore(db, options);
  }

  /** Closes the connection (tests; the realms keep theirs for their whole life). */
  close(): void {
    this.#db.close();
  }

  /** The current time of the store's clock. */
  now(): number {
    return this.#clock();
  }

  /** The retention window under the settings record `settings` (read in the caller's transaction). */
  #windowMs(settings: MetaRecord | undefined): number {
    return Math.min(this.#maxRetentionMs, settingsFrom(settings).retentionMs);
  }

  /**
   * The settings, with the retention window this store applies (the one path to them: what
   * `GET /localread/v1/settings` answers is the window every read, claim and sweep uses).
   */
  async settings(): Promise<SettingsInfo> {
    const settings = await this.#db.get('meta', 'settings');
    return { ...settingsFrom(settings), retentionMs: this.#windowMs(settings) };
  }

  /** Changes the settings (validated by the caller); a shorter window applies at once (the caller may sweep). */
  async updateSettings(patch: Partial<SettingsInfo>): Promise<SettingsInfo> {
    await saveSettings(this.#db, patch);
    return this.settings();
  }

  /** Both API keys, created on first use. */
  async apiKeys(): Promise<ApiKeyPair> {
    const { key1, key2 } = await loadOrCreateApiKeys(this.#db);
    return { key1, key2 };
  }

  /** Which key `presented` is now (compared in constant time), or null when it is neither. */
  async keyIdOf(presented: string | null): Promise<ApiKeyId | null> {
    return matchKey(await loadOrCreateApiKeys(this.#db), presented);
  }

  /** Replaces one API key with a new one; the old value stops working at once. Answers both. */
  async regenerateApiKey(keyId: ApiKeyId): Promise<ApiKeyPair> {
    const { key1, key2 } = await regenerateApiKey(this.#db, keyId);
    return { key1, key2 };
  }

  /** Stores a new job as `notStarted`, with its input sealed. Throws Azure's 429 when storage is full. */
  async create(job: NewJob): Promise<JobRecord> {
    const { key, generation } = await loadOrCreateKeyRecord(this.#db);
    const sealed = await seal(key, job.id, 'input', job.input);
    const now = this.#clock();
    const record: JobRecord = {
      id: job.id,
      keyId: job.keyId,
      status: 'notStarted',
      createdAt: now,
      updatedAt: now,
      params: job.params,
      format: job.format,
      hasInput: true,
      hasResult: false,
      attempts: 0,
      storedBytes: sealedSize(sealed),
      ...(job.contract && job.contract.api !== 'read' ? { contract: job.contract } : {}),
    };
    const tx = this.#db.transaction(['operations', 'payloads', 'meta'], 'readwrite');
    let written = false;
    try {
      // If the key was replaced (everything deleted) while we sealed, seal again under the new one.
      const current = await tx.objectStore('meta').get('encryptionKey');
      if (current?.name === 'encryptionKey' && current.generation === generation) {
        // One after the other, so that a write refused at once leaves no request unawaited.
        await tx.objectStore('operations').add(record);
        await tx.objectStore('payloads').put({ id: job.id, field: 'input', sealed });
        written = true;
      }
    } catch (reason) {
      await abortTransaction(tx);
      throw isQuotaExceeded(reason, tx.error) ? quotaExceededError() : reason;
    }
    if (!written) {
      await abortTransaction(tx);
      return this.create(job);
    }
    try {
      await tx.done;
    } catch (reason) {
      // A full disk aborts the whole transaction: nothing is half-written, no other record is touched.
      throw isQuotaExceeded(reason, tx.error) ? quotaExceededError() : reason;
    }
    return record;
  }

  /**
   * Atomically takes the oldest waiting job (or one whose lease ran out) for `owner`.
   * Jobs that were claimed MAX_ATTEMPTS times already are failed instead.
   */
  async claimNext(owner: string, leaseMs: number): Promise<ClaimedJob | null> {
    const now = this.#clock();
    const tx = this.#db.transaction(['operations', 'payloads', 'meta'], 'readwrite');
    const meta = tx.objectStore('meta');
    const [settings, keyRecord] = await Promise.all([meta.get('settings'), meta.get('encryptionKey')]);
    const windowMs = this.#windowMs(settings);
    const operations = tx.objectStore('operations');
    const index = operations.index('byStatusCreated');
    let claimed: JobRecord | null = null;
    for (const status of ['notStarted', 'running'] as const) {
      let cursor = await index.openCursor(IDBKeyRange.bound([status, 0], [status, Infinity]));
      while (cursor && !claimed) {
        const record = cursor.value;
        const claimable = status === 'notStarted' || (record.lease?.until ?? 0) <= now;
        if (claimable && !isExpired(record.createdAt, now, windowMs)) {
          if (record.attempts >= MAX_ATTEMPTS) {
            await cursor.update(failedRecord(record, now, abandonedError()));
            await tx.objectStore('payloads').delete([record.id, 'input']);
          } else {
            claimed = { ...record, status: 'running', updatedAt: now, attempts: record.attempts + 1, lease: { owner, until: now + leaseMs } };
            await cursor.update(claimed);
          }
        }
        cursor = await cursor.continue();
      }
      if (claimed) break;
    }
    const payload = claimed ? await tx.objectStore('payloads').get([claimed.id, 'input']) : undefined;
    await tx.done;
    if (!claimed) return null;
    const input = await openStored(keyRecord, claimed.id, 'input', payload?.sealed);
    if (!input) {
      // Gone, tampered with or moved from another record: this job fails alone; try the next one.
      await this.fail(claimed.id, owner, new ReadApiError('FailedToProcess', 'The input of this operation is gone or unreadable.'));
      return this.claimNext(owner, leaseMs);
    }
    return { record: claimed, input };
  }

  /** Extends the lease; false when the job is no longer ours (taken over, deleted or ended). */
  async renewLease(id: string, owner: string, leaseMs: number): Promise<boolean> {
    return this.#updateOwned(id, owner, (record, now) => ({
      ...record,
      lease: { owner, until: now + leaseMs },
    }));
  }

  /** Records how many pages are done; also renews nothing, so call renewLease on a timer. */
  async recordProgress(id: string, owner: string, pagesDone: number, pagesTotal: number): Promise<boolean> {
    return this.#updateOwned(id, owner, (record, now) => ({
      ...record,
      updatedAt: now,
      progress: { pagesDone, pagesTotal },
    }));
  }

  /** Seals the result (and any outputs), marks the job succeeded and deletes its input. */
  async complete(id: string, owner: string, result: AnalyzeResult, outputs: JobOutputs = {}): Promise<boolean> {
    const bytes = new TextEncoder().encode(JSON.stringify(result));
    // If "delete everything" replaces the key after this, it deleted the record too: the write is refused.
    const { key } = await loadOrCreateKeyRecord(this.#db);
    const writes: Array<{ field: PayloadField; sealed: Sealed }> = [{ field: 'result', sealed: await seal(key, id, 'result', bytes) }];
    if (outputs.pdf) writes.push({ field: 'pdf', sealed: await seal(key, id, 'pdf', outputs.pdf) });
    const storedBytes = writes.reduce((sum, { sealed }) => sum + sealedSize(sealed), 0);
    return this.#updateOwned(
      id,
      owner,
      (record, now) => ({ ...stripLease(record), status: 'succeeded', updatedAt: now, hasInput: false, hasResult: true, storedBytes }),
      { writes },
    );
  }

  /** Marks the job failed with an Azure error and deletes its input. */
  async fail(id: string, owner: string, error: ReadApiError): Promise<boolean> {
    return this.#updateOwned(id, owner, (record, now) => failedRecord(record, now, error));
  }

  /**
   * Reads a job and, when it succeeded, its result. Enforces retention on read: an expired job
   * is deleted and reads as absent. A result that fails to decrypt reads as a failed job.
   */
  async get(id: string): Promise<StoredJob | null> {
    const job = await this.getJson(id);
    if (!job) return null;
    if (!job.resultJson) return { record: job.record };
    return { record: job.record, result: JSON.parse(new TextDecoder().decode(job.resultJson)) as AnalyzeResult };
  }

  /**
   * `get`, with the result left as the JSON it was stored as: a caller that only passes it on
   * (Read's GET answers it as it is) skips parsing it and writing it again, which for a long
   * document's result (15 MB for 300 text pages) costs more than reading it.
   */
  async getJson(id: string): Promise<StoredJobJson | null> {
    const tx = this.#db.transaction(['operations', 'payloads', 'meta'], 'readonly');
    const meta = tx.objectStore('meta');
    const [record, settings, keyRecord] = await Promise.all([
      tx.objectStore('operations').get(id),
      meta.get('settings'),
      meta.get('encryptionKey'),
    ]);
    const payload = record?.hasResult ? await tx.objectStore('payloads').get([id, 'result']) : undefined;
    await tx.done;
    if (!record) return null;
    // Past its window, or not a record we could have written: deleted, whatever else happened.
    if (!isSoundRecord(record) || isExpired(record.createdAt, this.#clock(), this.#windowMs(settings))) {
      await this.delete(id);
      return null;
    }
    if (!record.hasResult) return { record };
    const resultJson = await openStored(keyRecord, id, 'result', payload?.sealed);
    if (resultJson) return { record, resultJson };
    const error = new ReadApiError('FailedToProcess', 'The stored result is gone or could not be decrypted.');
    return { record: failedRecord(record, record.updatedAt, error) };
  }

  /**
   * The searchable PDF a succeeded job stored (`output=pdf`), or null when it has none, is gone,
   * expired (retention is enforced by `get`) or fails to open.
   */
  async pdf(id: string): Promise<Uint8Array<ArrayBuffer> | null> {
    const job = await this.get(id);
    if (job?.record.status !== 'succeeded') return null;
    const tx = this.#db.transaction(['payloads', 'meta'], 'readonly');
    const [payload, keyRecord] = await Promise.all([tx.objectStore('payloads').get([id, 'pdf']), tx.objectStore('meta').get('encryptionKey')]);
    await tx.done;
    return payload ? openStored(keyRecord, id, 'pdf', payload.sealed) : null;
  }

  /** Deletes a job and everything stored for it; false when there was no such job. */
  async delete(id: string): Promise<boolean> {
    const tx = this.#db.transaction(['operations', 'payloads'], 'readwrite');
    const operations = tx.objectStore('operations');
    const [existed] = await Promise.all([
      operations.count(id),
      operations.delete(id),
      tx.objectStore('payloads').delete(payloadsOf(id)),
      tx.done,
    ]);
    return existed > 0;
  }

  /**
   * Deletes every job past the retention window, so that no trace of it remains in any store;
   * returns how many jobs. With `orphans` (on SW activation and periodic sync) it also deletes any
   * payload whose job is gone, a full scan too costly for every request.
   */
  async sweep({ orphans = false }: { orphans?: boolean } = {}): Promise<number> {
    const cutoff = (settings: MetaRecord | undefined) => this.#clock() - this.#windowMs(settings);
    return sweepExpired(this.#db, cutoff, orphans);
  }

  /**
   * Deletes every job and the forwarded hosts with their keys, and replaces the encryption key
   * (crypto-shredding); returns how many jobs.
   */
  async deleteAll(): Promise<number> {
    return shredEverything(this.#db);
  }

  /** What is stored now: each job's status, expiry and size, without opening anything. */
  async inventory(): Promise<Inventory> {
    return takeInventory(this.#db, (await this.settings()).retentionMs);
  }

  /** Applies `change` if `owner` still holds the job's lease, in one transaction. */
  async #updateOwned(
    id: string,
    owner: string,
    change: (record: JobRecord, now: number) => JobRecord,
    options: { writes?: Array<{ field: PayloadField; sealed: Sealed }> } = {},
  ): Promise<boolean> {
    const tx = this.#db.transaction(['operations', 'payloads'], 'readwrite');
    const operations = tx.objectStore('operations');
    const payloads = tx.objectStore('payloads');
    const record = await operations.get(id);
    const owned = record?.status === 'running' && record.lease?.owner === owner;
    if (record && owned) {
      const next = change(record, this.#clock());
      await operations.put(next);
      for (const write of options.writes ?? []) await payloads.put({ id, ...write });
      if (!next.hasInput) await payloads.delete([id, 'input']);
    }
    await tx.done;
    return owned;
  }
}
