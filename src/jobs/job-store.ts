/**
 * The job store: the only channel between the service worker (which accepts and answers jobs)
 * and the engine (which runs them). Every state change is one IndexedDB transaction; every
 * payload is sealed before it is written.
 */
import type { IDBPDatabase } from 'idb';
import type { AnalyzeResult } from '../read-api/types';
import type { AnalyzeParams } from '../read-api/params';
import type { InputFormat } from '../read-api/formats';
import { ReadApiError } from '../read-api/errors';
import { openJobDb, type JobDb, type JobRecord, type KeyId, type PayloadField, type Sealed } from './db';
import { loadOrCreateKey, open, seal } from './crypto';
import { systemClock, type Clock } from './clock';
import { isExpired, RETENTION_MS } from './retention';

/** A job that gives up after this many claims (each a crash or a lost lease) fails for good. */
export const MAX_ATTEMPTS = 3;

export interface NewJob {
  id: string;
  keyId: KeyId;
  params: AnalyzeParams;
  format: InputFormat;
  input: Uint8Array<ArrayBuffer>;
}

export interface ClaimedJob {
  record: JobRecord;
  input: Uint8Array<ArrayBuffer>;
}

export interface StoredJob {
  record: JobRecord;
  result?: AnalyzeResult;
}

export interface JobStoreOptions {
  clock?: Clock;
  dbName?: string;
  retentionMs?: number;
}

export class JobStore {
  readonly #db: IDBPDatabase<JobDb>;
  readonly #key: CryptoKey;
  readonly #clock: Clock;
  readonly #retentionMs: number;

  private constructor(db: IDBPDatabase<JobDb>, key: CryptoKey, options: JobStoreOptions) {
    this.#db = db;
    this.#key = key;
    this.#clock = options.clock ?? systemClock;
    this.#retentionMs = options.retentionMs ?? RETENTION_MS;
  }

  static async open(options: JobStoreOptions = {}): Promise<JobStore> {
    const db = await openJobDb(options.dbName);
    return new JobStore(db, await loadOrCreateKey(db), options);
  }

  get db(): IDBPDatabase<JobDb> {
    return this.#db;
  }

  /** Stores a new job as `notStarted`, with its input sealed. */
  async create(job: NewJob): Promise<JobRecord> {
    const sealed = await seal(this.#key, job.id, 'input', job.input);
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
    };
    const tx = this.#db.transaction(['operations', 'payloads'], 'readwrite');
    await Promise.all([
      tx.objectStore('operations').add(record),
      tx.objectStore('payloads').put({ id: job.id, field: 'input', sealed }),
      tx.done,
    ]);
    return record;
  }

  /**
   * Atomically takes the oldest waiting job (or one whose lease ran out) for `owner`.
   * Jobs that were claimed MAX_ATTEMPTS times already are failed instead.
   */
  async claimNext(owner: string, leaseMs: number): Promise<ClaimedJob | null> {
    const now = this.#clock();
    const tx = this.#db.transaction(['operations', 'payloads'], 'readwrite');
    const operations = tx.objectStore('operations');
    const index = operations.index('byStatusCreated');
    let claimed: JobRecord | null = null;
    for (const status of ['notStarted', 'running'] as const) {
      let cursor = await index.openCursor(IDBKeyRange.bound([status, 0], [status, Infinity]));
      while (cursor && !claimed) {
        const record = cursor.value;
        const claimable = status === 'notStarted' || (record.lease?.until ?? 0) <= now;
        if (claimable && !isExpired(record.createdAt, now, this.#retentionMs)) {
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
    if (!payload) {
      await this.fail(claimed.id, owner, new ReadApiError('FailedToProcess', 'The input of this operation is gone.'));
      return null;
    }
    return { record: claimed, input: await open(this.#key, claimed.id, 'input', payload.sealed) };
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

  /** Seals the result, marks the job succeeded and deletes its input. */
  async complete(id: string, owner: string, result: AnalyzeResult): Promise<boolean> {
    const bytes = new TextEncoder().encode(JSON.stringify(result));
    const sealed = await seal(this.#key, id, 'result', bytes);
    return this.#updateOwned(
      id,
      owner,
      (record, now) => ({ ...stripLease(record), status: 'succeeded', updatedAt: now, hasInput: false, hasResult: true }),
      { write: { field: 'result', sealed } },
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
    const tx = this.#db.transaction(['operations', 'payloads'], 'readonly');
    const record = await tx.objectStore('operations').get(id);
    const payload = record?.hasResult ? await tx.objectStore('payloads').get([id, 'result']) : undefined;
    await tx.done;
    if (!record) return null;
    if (isExpired(record.createdAt, this.#clock(), this.#retentionMs)) {
      await this.delete(id);
      return null;
    }
    if (!payload) return { record };
    try {
      const bytes = await open(this.#key, id, 'result', payload.sealed);
      return { record, result: JSON.parse(new TextDecoder().decode(bytes)) as AnalyzeResult };
    } catch {
      const error = new ReadApiError('FailedToProcess', 'The stored result could not be decrypted.');
      return { record: failedRecord(record, record.updatedAt, error) };
    }
  }

  /** Deletes a job and everything stored for it. */
  async delete(id: string): Promise<void> {
    const tx = this.#db.transaction(['operations', 'payloads'], 'readwrite');
    await Promise.all([
      tx.objectStore('operations').delete(id),
      tx.objectStore('payloads').delete(IDBKeyRange.bound([id, ''], [id, '\uffff'])),
      tx.done,
    ]);
  }

  /** Deletes every job past the retention window; returns how many. */
  async sweep(): Promise<number> {
    const cutoff = this.#clock() - this.#retentionMs;
    const tx = this.#db.transaction(['operations', 'payloads'], 'readwrite');
    const payloads = tx.objectStore('payloads');
    let removed = 0;
    let cursor = await tx.objectStore('operations').index('byCreatedAt').openCursor(IDBKeyRange.upperBound(cutoff));
    while (cursor) {
      const id = cursor.primaryKey;
      await Promise.all([cursor.delete(), payloads.delete(IDBKeyRange.bound([id, ''], [id, '\uffff']))]);
      removed += 1;
      cursor = await cursor.continue();
    }
    await tx.done;
    return removed;
  }

  /** Applies `change` if `owner` still holds the job's lease, in one transaction. */
  async #updateOwned(
    id: string,
    owner: string,
    change: (record: JobRecord, now: number) => JobRecord,
    options: { write?: { field: PayloadField; sealed: Sealed } } = {},
  ): Promise<boolean> {
    const tx = this.#db.transaction(['operations', 'payloads'], 'readwrite');
    const operations = tx.objectStore('operations');
    const payloads = tx.objectStore('payloads');
    const record = await operations.get(id);
    const owned = record?.status === 'running' && record.lease?.owner === owner;
    if (record && owned) {
      const next = change(record, this.#clock());
      await operations.put(next);
      if (options.write) await payloads.put({ id, ...options.write });
      if (!next.hasInput) await payloads.delete([id, 'input']);
    }
    await tx.done;
    return owned;
  }
}

function stripLease(record: JobRecord): JobRecord {
  const copy = { ...record };
  delete copy.lease;
  return copy;
}

function failedRecord(record: JobRecord, now: number, error: ReadApiError): JobRecord {
  return {
    ...stripLease(record),
    status: 'failed',
    updatedAt: now,
    hasInput: false,
    hasResult: false,
    error: { code: error.code, message: error.message },
  };
}

function abandonedError(): ReadApiError {
  return new ReadApiError(
    'FailedToProcess',
    `The document could not be processed: the engine stopped ${MAX_ATTEMPTS} times while reading it.`,
  );
}
