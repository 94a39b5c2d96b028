/**
 * The job store's privacy promises, with time moved by the test's clock: the user's retention
 * window (never longer than 24 h) enforced on read and by the sweep in every realm, no trace left
 * after a sweep, deletion now, crypto-shredding, clean failures for tampered records, and a full
 * disk answered as Azure's 429 without damage.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { open } from '../../../src/jobs/crypto';
import { RETENTION_MS } from '../../../src/jobs/retention';
import { MIN_RETENTION_MS } from '../../../src/read-api/privacy';
import { ReadApiError } from '../../../src/read-api/errors';
import type { IDBPDatabase } from 'idb';
import type { JobDb } from '../../../src/jobs/db';
import type { JobStore } from '../../../src/jobs/job-store';
import { closeTestStores, newJob, openTestStore, sampleResult } from '../helpers/job-store';

const LEASE_MS = 30_000;
const HOUR = 60 * 60 * 1000;

afterEach(() => {
  vi.restoreAllMocks();
  closeTestStores();
});

async function succeeded(store: JobStore): Promise<string> {
  const job = newJob();
  await store.create(job);
  await store.claimNext('engine-1', LEASE_MS);
  await store.complete(job.id, 'engine-1', sampleResult());
  return job.id;
}

/** Every key of every store, as JSON: what "a trace of the record" could be. */
async function rawKeys(db: IDBPDatabase<JobDb>): Promise<string> {
  const stores = ['operations', 'payloads', 'meta'] as const;
  const keys = await Promise.all(stores.map((name) => db.getAllKeys(name)));
  return JSON.stringify(keys);
}

describe('retention window from the settings', () => {
  it('uses the user\'s shorter window on read, set in another realm after the store was opened', async () => {
    const { store, db, clock, dbName } = await openTestStore();
    const { store: otherRealm } = await openTestStore(clock, { dbName });
    const job = newJob();
    await store.create(job);
    clock.advance(HOUR);
    expect(await store.get(job.id)).not.toBeNull();
    await otherRealm.updateSettings({ retentionMs: HOUR });
    expect(await store.get(job.id)).toBeNull();
    expect(await db.get('operations', job.id)).toBeUndefined();
  });

  it('sweeps with the user\'s window, and keeps what is inside it', async () => {
    const { store, db, clock } = await openTestStore();
    await store.updateSettings({ retentionMs: 2 * HOUR });
    const old = await succeeded(store);
    clock.advance(HOUR);
    const recent = newJob();
    await store.create(recent);
    clock.advance(HOUR);
    expect(await store.sweep()).toBe(1);
    expect((await db.getAllKeys('operations'))).toEqual([recent.id]);
    expect(await rawKeys(db)).not.toContain(old);
  });

  it('never keeps anything longer than 24 hours, even when a longer window was written to the store', async () => {
    const { store, db, clock } = await openTestStore();
    await db.put('meta', { name: 'settings', retentionMs: 7 * RETENTION_MS, answerAzureHosts: true, secondEngine: true });
    expect((await store.settings()).retentionMs).toBe(RETENTION_MS);
    const job = newJob();
    await store.create(job);
    clock.advance(RETENTION_MS);
    expect(await store.get(job.id)).toBeNull();
  });

  it('does not let a shorter cap be lengthened by the setting', async () => {
    const { store } = await openTestStore(undefined, { retentionMs: 10_000 });
    await store.updateSettings({ retentionMs: RETENTION_MS });
    expect((await store.settings()).retentionMs).toBe(10_000);
  });

  it('clamps a saved window into the allowed range', async () => {
    const { store } = await openTestStore();
    expect((await store.updateSettings({ retentionMs: 1 })).retentionMs).toBe(MIN_RETENTION_MS);
    expect((await store.updateSettings({ retentionMs: 2 * RETENTION_MS })).retentionMs).toBe(RETENTION_MS);
  });

  it('does not claim a job past the user\'s window', async () => {
    const { store, clock } = await openTestStore();
    await store.updateSettings({ retentionMs: HOUR });
    await store.create(newJob());
    clock.advance(HOUR);
    expect(await store.claimNext('engine-1', LEASE_MS)).toBeNull();
  });
});

describe('minimal keeping', () => {
  it('leaves no trace of an expired job in any store after a sweep: record, input, result', async () => {
    const { store, db, clock } = await openTestStore();
    const done = await succeeded(store);
    const waiting = newJob();
    await store.create(waiting);
    clock.advance(RETENTION_MS);
    expect(await store.sweep()).toBe(2);
    const keys = await rawKeys(db);
    for (const id of [done, waiting.id]) expect(keys).not.toContain(id);
    expect(await db.count('payloads')).toBe(0);
    expect(await db.count('operations')).toBe(0);
  });

  it('sweeps payloads whose job is gone when asked for orphans (activation, periodic sync)', async () => {
    const { store, db } = await openTestStore();
    const id = await succeeded(store);
    await db.delete('operations', id);
    await store.sweep();
    expect(await db.count('payloads'), 'the per-request sweep does not scan for orphans').toBe(1);
    await store.sweep({ orphans: true });
    expect(await db.count('payloads')).toBe(0);
  });

  it('deletes the input the moment the job ends, succeeded or failed', async () => {
    const { store, db } = await openTestStore();
    const id = await succeeded(store);
    const failing = newJob();
    await store.create(failing);
    await store.claimNext('engine-1', LEASE_MS);
    await store.fail(failing.id, 'engine-1', new ReadApiError('FailedToProcess', 'x'));
    expect(await db.getAllKeys('payloads')).toEqual([[id, 'result']]);
    expect(await db.get('operations', failing.id)).toMatchObject({ hasInput: false, storedBytes: 0 });
  });
});

describe('delete now', () => {
  it('deletes one job and all its payloads; says whether there was one', async () => {
    const { store, db } = await openTestStore();
    const id = await succeeded(store);
    const kept = newJob();
    await store.create(kept);
    expect(await store.delete(id)).toBe(true);
    expect(await store.delete(id)).toBe(false);
    expect(await rawKeys(db)).not.toContain(id);
    expect(await store.get(kept.id)).not.toBeNull();
  });

  it('deletes everything and replaces the key, so a saved ciphertext no longer opens', async () => {
    const { store, db, dbName, clock } = await openTestStore();
    const { store: engine } = await openTestStore(clock, { dbName });
    const id = await succeeded(store);
    const saved = await db.get('payloads', [id, 'result']);
    const oldKey = await db.get('meta', 'encryptionKey');
    expect(await store.deleteAll()).toBe(1);
    expect(await db.count('operations')).toBe(0);
    expect(await db.count('payloads')).toBe(0);
    const newKey = await db.get('meta', 'encryptionKey');
    expect(newKey?.name === 'encryptionKey' && oldKey?.name === 'encryptionKey' && newKey.generation !== oldKey.generation).toBe(true);
    if (newKey?.name !== 'encryptionKey') throw new Error('no key');
    await expect(open(newKey.key, id, 'result', saved!.sealed)).rejects.toThrow();
    // Both realms go on under the new key: a new job submitted here is claimed and read there.
    const next = newJob();
    await store.create(next);
    expect((await engine.claimNext('engine-1', LEASE_MS))?.input).toEqual(next.input);
  });

  it('refuses a result written for a job deleted while it ran', async () => {
    const { store, db } = await openTestStore();
    const job = newJob();
    await store.create(job);
    await store.claimNext('engine-1', LEASE_MS);
    await store.deleteAll();
    expect(await store.complete(job.id, 'engine-1', sampleResult())).toBe(false);
    expect(await db.count('payloads')).toBe(0);
  });

  it('seals again when the key is replaced between sealing and writing', async () => {
    const { store, dbName, clock } = await openTestStore();
    const { store: other } = await openTestStore(clock, { dbName });
    const job = newJob();
    const encrypt = crypto.subtle.encrypt.bind(crypto.subtle);
    let replaced = false;
    vi.spyOn(crypto.subtle, 'encrypt').mockImplementation(async (...args) => {
      const sealed = await encrypt(...args);
      if (!replaced) {
        replaced = true;
        await other.deleteAll();
      }
      return sealed;
    });
    await store.create(job);
    vi.restoreAllMocks();
    expect((await store.claimNext('engine-1', LEASE_MS))?.input).toEqual(job.input);
  });
});

describe('tampered records read as clean failures', () => {
  it('reads a record with an unusable date as absent, and deletes it', async () => {
    const { store, db } = await openTestStore();
    const id = await succeeded(store);
    const record = await db.get('operations', id);
    await db.put('operations', { ...record!, updatedAt: Number.NaN });
    expect(await store.get(id)).toBeNull();
    expect(await rawKeys(db)).not.toContain(id);
  });

  it('reads a succeeded job whose result is gone as failed', async () => {
    const { store, db } = await openTestStore();
    const id = await succeeded(store);
    await db.delete('payloads', [id, 'result']);
    expect((await store.get(id))?.record).toMatchObject({ status: 'failed', error: { code: 'FailedToProcess' } });
  });

  it('reads a result as failed when the key is gone', async () => {
    const { store, db } = await openTestStore();
    const id = await succeeded(store);
    await db.delete('meta', 'encryptionKey');
    expect((await store.get(id))?.record.status).toBe('failed');
  });

  it('reads a result whose IV was changed as failed', async () => {
    const { store, db } = await openTestStore();
    const id = await succeeded(store);
    const payload = await db.get('payloads', [id, 'result']);
    const iv = new Uint8Array(payload!.sealed.iv);
    iv[0]! ^= 0xff;
    await db.put('payloads', { ...payload!, sealed: { ...payload!.sealed, iv } });
    expect((await store.get(id))?.record.status).toBe('failed');
  });
});

describe('a full disk', () => {
  function fillTheDisk() {
    const put = IDBObjectStore.prototype.put;
    return vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(function (this: IDBObjectStore, ...args) {
      if (this.name === 'payloads') throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      return put.apply(this, args);
    });
  }

  it('answers Azure\'s 429 with a clear message and writes nothing of the new job', async () => {
    const { store, db } = await openTestStore();
    fillTheDisk();
    const job = newJob();
    const error = await store.create(job).catch((reason: unknown) => reason);
    expect(error).toBeInstanceOf(ReadApiError);
    expect(error).toMatchObject({ code: '429', status: 429, message: expect.stringContaining('Storage on this device is full') });
    vi.restoreAllMocks();
    expect(await db.get('operations', job.id)).toBeUndefined();
  });

  it('leaves existing jobs and results intact', async () => {
    const { store, db } = await openTestStore();
    const id = await succeeded(store);
    const before = await db.get('operations', id);
    fillTheDisk();
    await expect(store.create(newJob())).rejects.toMatchObject({ code: '429' });
    vi.restoreAllMocks();
    expect(await db.get('operations', id)).toEqual(before);
    expect((await store.get(id))?.result).toEqual(sampleResult());
    expect(await db.count('operations')).toBe(1);
  });
});

describe('inventory', () => {
  it('lists each job oldest first with its expiry and sealed size, and the soonest expiry', async () => {
    const { store, db, clock } = await openTestStore();
    await store.updateSettings({ retentionMs: HOUR });
    const first = await succeeded(store);
    clock.advance(1000);
    const second = newJob();
    await store.create(second);
    const inventory = await store.inventory();
    expect(inventory.operations.map((operation) => [operation.id, operation.status])).toEqual([
      [first, 'succeeded'],
      [second.id, 'notStarted'],
    ]);
    expect(inventory.oldestExpiresAt).toBe(clock.now - 1000 + HOUR);
    const payloads = await db.getAll('payloads');
    const sealedBytes = payloads.reduce((sum, { sealed }) => sum + sealed.iv.byteLength + sealed.ciphertext.byteLength, 0);
    expect(inventory.bytes).toBe(sealedBytes);
  });

  it('reports nothing when nothing is stored', async () => {
    const { store } = await openTestStore();
    expect(await store.inventory()).toEqual({ operations: [], bytes: 0, oldestExpiresAt: null });
  });
});
