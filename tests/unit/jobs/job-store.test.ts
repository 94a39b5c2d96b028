import { afterEach, describe, expect, it } from 'vitest';
import { MAX_ATTEMPTS } from '../../../src/jobs/job-store';
import { RETENTION_MS } from '../../../src/jobs/retention';
import { ReadApiError } from '../../../src/read-api/errors';
import { assertReadOperationResult } from '../../support/ocr-schema';
import {
  INPUT_MARKER,
  RESULT_MARKER,
  closeTestStores,
  containsBytes,
  newJob,
  openTestStore,
  sampleResult,
} from '../helpers/job-store';

const LEASE_MS = 30_000;

afterEach(closeTestStores);

describe('JobStore: create and claim', () => {
  it('creates a job as notStarted with no lease, no attempts and no result', async () => {
    const { store, clock } = await openTestStore();
    const job = newJob();
    await store.create(job);
    const stored = await store.get(job.id);
    expect(stored?.record).toMatchObject({ id: job.id, status: 'notStarted', attempts: 0, createdAt: clock.now });
    expect(stored?.record.lease).toBeUndefined();
    expect(stored?.result).toBeUndefined();
  });

  it('answers null when no job is waiting', async () => {
    const { store } = await openTestStore();
    expect(await store.claimNext('engine-1', LEASE_MS)).toBeNull();
  });

  it('claims the oldest job with its decrypted input, as running under a lease', async () => {
    const { store, clock } = await openTestStore();
    const older = newJob();
    await store.create(older);
    clock.advance(5);
    await store.create(newJob());
    const claimed = await store.claimNext('engine-1', LEASE_MS);
    expect(claimed?.record).toMatchObject({ id: older.id, status: 'running', attempts: 1 });
    expect(claimed?.record.lease).toEqual({ owner: 'engine-1', until: clock.now + LEASE_MS });
    expect(claimed?.input).toEqual(older.input);
    expect((await store.get(older.id))?.record.status).toBe('running');
  });

  it('gives a job to one of two engines claiming at once', async () => {
    const { store } = await openTestStore();
    await store.create(newJob());
    const claims = await Promise.all([store.claimNext('engine-1', LEASE_MS), store.claimNext('engine-2', LEASE_MS)]);
    expect(claims.filter((claim) => claim !== null)).toHaveLength(1);
  });

  it('gives nothing to a second claim while the lease holds', async () => {
    const { store, clock } = await openTestStore();
    await store.create(newJob());
    await store.claimNext('engine-1', LEASE_MS);
    clock.advance(LEASE_MS - 1);
    expect(await store.claimNext('engine-2', LEASE_MS)).toBeNull();
  });

  it('lets another engine take over after the lease expired, and refuses the first one its writes', async () => {
    const { store, clock } = await openTestStore();
    const job = newJob();
    await store.create(job);
    await store.claimNext('engine-1', LEASE_MS);
    clock.advance(LEASE_MS);
    const takeover = await store.claimNext('engine-2', LEASE_MS);
    expect(takeover?.record).toMatchObject({ id: job.id, attempts: 2, lease: { owner: 'engine-2' } });
    expect(takeover?.input).toEqual(job.input);
    expect(await store.complete(job.id, 'engine-1', sampleResult())).toBe(false);
    expect(await store.renewLease(job.id, 'engine-1', LEASE_MS)).toBe(false);
    expect(await store.recordProgress(job.id, 'engine-1', 1, 1)).toBe(false);
    expect(await store.fail(job.id, 'engine-1', new ReadApiError('FailedToProcess', 'x'))).toBe(false);
    expect((await store.get(job.id))?.record).toMatchObject({ status: 'running', lease: { owner: 'engine-2' } });
  });

  it(`fails a job instead of claiming it once it was claimed ${MAX_ATTEMPTS} times and its lease expired`, async () => {
    const { store, db, clock } = await openTestStore();
    const job = newJob();
    await store.create(job);
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt += 1) {
      expect((await store.claimNext(`engine-${attempt}`, LEASE_MS))?.record.attempts).toBe(attempt);
      clock.advance(LEASE_MS);
    }
    expect(await store.claimNext('engine-last', LEASE_MS)).toBeNull();
    const stored = await store.get(job.id);
    expect(stored?.record).toMatchObject({ status: 'failed', error: { code: 'FailedToProcess' } });
    expect(await db.get('payloads', [job.id, 'input'])).toBeUndefined();
  });

  it('does not claim a job past the retention window', async () => {
    const { store, clock } = await openTestStore();
    await store.create(newJob());
    clock.advance(RETENTION_MS);
    expect(await store.claimNext('engine-1', LEASE_MS)).toBeNull();
  });

  it('lets a second store on the same database (another realm) read what the first sealed', async () => {
    const { store: page, clock, dbName } = await openTestStore();
    const { store: engine } = await openTestStore(clock, { dbName });
    const job = newJob();
    await page.create(job);
    expect((await engine.claimNext('engine-1', LEASE_MS))?.input).toEqual(job.input);
  });
});

describe('JobStore: while and after a job runs', () => {
  async function claimedJob() {
    const context = await openTestStore();
    const job = newJob();
    await context.store.create(job);
    await context.store.claimNext('engine-1', LEASE_MS);
    return { ...context, job };
  }

  it('renews the lease of its owner only', async () => {
    const { store, clock, job } = await claimedJob();
    clock.advance(LEASE_MS - 1);
    expect(await store.renewLease(job.id, 'engine-1', LEASE_MS)).toBe(true);
    expect(await store.renewLease(job.id, 'engine-2', LEASE_MS)).toBe(false);
    clock.advance(LEASE_MS - 1);
    expect(await store.claimNext('engine-2', LEASE_MS)).toBeNull();
    expect((await store.get(job.id))?.record.lease).toEqual({ owner: 'engine-1', until: clock.now + 1 });
  });

  it('records progress for the owner', async () => {
    const { store, job } = await claimedJob();
    expect(await store.recordProgress(job.id, 'engine-1', 2, 5)).toBe(true);
    expect((await store.get(job.id))?.record.progress).toEqual({ pagesDone: 2, pagesTotal: 5 });
  });

  it('completes a job: stores the result, drops the lease and deletes the input', async () => {
    const { store, db, clock, job } = await claimedJob();
    clock.advance(1000);
    expect(await store.complete(job.id, 'engine-1', sampleResult())).toBe(true);
    const stored = await store.get(job.id);
    expect(stored?.record).toMatchObject({ status: 'succeeded', updatedAt: clock.now, hasInput: false, hasResult: true });
    expect(stored?.record.lease).toBeUndefined();
    expect(stored?.result).toEqual(sampleResult());
    expect(await db.get('payloads', [job.id, 'input'])).toBeUndefined();
    expect(await db.get('payloads', [job.id, 'result'])).toBeDefined();
  });

  it('produces a result that makes a valid ReadOperationResult', async () => {
    const { store, job } = await claimedJob();
    await store.complete(job.id, 'engine-1', sampleResult());
    const stored = await store.get(job.id);
    assertReadOperationResult({
      status: stored?.record.status,
      createdDateTime: new Date(stored?.record.createdAt ?? NaN).toISOString(),
      lastUpdatedDateTime: new Date(stored?.record.updatedAt ?? NaN).toISOString(),
      analyzeResult: stored?.result,
    });
  });

  it('fails a job: stores the error and deletes the input', async () => {
    const { store, db, job } = await claimedJob();
    expect(await store.fail(job.id, 'engine-1', new ReadApiError('InvalidImageSize', 'too small'))).toBe(true);
    const stored = await store.get(job.id);
    expect(stored?.record).toMatchObject({ status: 'failed', error: { code: 'InvalidImageSize', message: 'too small' } });
    expect(stored?.result).toBeUndefined();
    expect(await db.get('payloads', [job.id, 'input'])).toBeUndefined();
  });

  it('refuses writes to a job that has ended', async () => {
    const { store, job } = await claimedJob();
    await store.complete(job.id, 'engine-1', sampleResult());
    expect(await store.fail(job.id, 'engine-1', new ReadApiError('FailedToProcess', 'late'))).toBe(false);
    expect(await store.renewLease(job.id, 'engine-1', LEASE_MS)).toBe(false);
    expect((await store.get(job.id))?.record.status).toBe('succeeded');
  });
});

describe('JobStore: retention', () => {
  it('answers null for an unknown id', async () => {
    const { store } = await openTestStore();
    expect(await store.get(crypto.randomUUID())).toBeNull();
  });

  it('deletes an expired job when it is read, and answers null', async () => {
    const { store, db, clock } = await openTestStore();
    const job = newJob();
    await store.create(job);
    clock.advance(RETENTION_MS);
    expect(await store.get(job.id)).toBeNull();
    expect(await db.get('operations', job.id)).toBeUndefined();
    expect(await db.get('payloads', [job.id, 'input'])).toBeUndefined();
  });

  it('sweeps records older than the window with their payloads, and keeps the others', async () => {
    const { store, db, clock } = await openTestStore(undefined, { retentionMs: 10_000 });
    const old = newJob();
    await store.create(old);
    await store.claimNext('engine-1', LEASE_MS);
    await store.complete(old.id, 'engine-1', sampleResult());
    clock.advance(5_000);
    const recent = newJob();
    await store.create(recent);
    clock.advance(5_000);
    expect(await store.sweep()).toBe(1);
    expect(await db.get('operations', old.id)).toBeUndefined();
    expect(await db.getAllKeys('payloads')).toEqual([[recent.id, 'input']]);
    expect((await store.get(recent.id))?.record.status).toBe('notStarted');
  });

  it('deletes a job and everything stored for it', async () => {
    const { store, db } = await openTestStore();
    const job = newJob();
    await store.create(job);
    await store.delete(job.id);
    expect(await store.get(job.id)).toBeNull();
    expect(await db.count('payloads')).toBe(0);
  });
});

describe('JobStore: encryption at rest', () => {
  async function completedJobs(count: number) {
    const context = await openTestStore();
    const ids: string[] = [];
    for (let i = 0; i < count; i += 1) {
      const job = newJob();
      await context.store.create(job);
      await context.store.claimNext('engine-1', LEASE_MS);
      await context.store.complete(job.id, 'engine-1', sampleResult(`${RESULT_MARKER}-${i}`));
      ids.push(job.id);
    }
    return { ...context, ids };
  }

  it('reads a tampered result as a failed job instead of throwing', async () => {
    const { store, db, ids } = await completedJobs(1);
    const id = ids[0]!;
    const raw = await db.get('payloads', [id, 'result']);
    const ciphertext = new Uint8Array(raw!.sealed.ciphertext.slice(0));
    ciphertext[3]! ^= 0x01;
    await db.put('payloads', { ...raw!, sealed: { ...raw!.sealed, ciphertext: ciphertext.buffer } });
    const stored = await store.get(id);
    expect(stored?.record).toMatchObject({ status: 'failed', error: { code: 'FailedToProcess' } });
    expect(stored?.result).toBeUndefined();
  });

  it('does not open a result ciphertext moved to another record', async () => {
    const { store, db, ids } = await completedJobs(2);
    const moved = await db.get('payloads', [ids[0]!, 'result']);
    await db.put('payloads', { ...moved!, id: ids[1]! });
    const stored = await store.get(ids[1]!);
    expect(stored?.record.status).toBe('failed');
    expect(stored?.result).toBeUndefined();
  });

  /** Two waiting jobs; the older one's input is replaced by the newer one's sealed input. */
  async function movedInput() {
    const { store, db, clock } = await openTestStore();
    const [victim, source] = [newJob(), newJob()];
    await store.create(victim);
    clock.advance(1);
    await store.create(source);
    const raw = await db.get('payloads', [source.id, 'input']);
    await db.put('payloads', { id: victim.id, field: 'input', sealed: raw!.sealed });
    return { store, victim, source };
  }

  it('never hands out an input ciphertext moved from another record', async () => {
    const { store, victim, source } = await movedInput();
    // The claim resolves (a rejection would fail this test): with the source's own job and input.
    const claim = await store.claimNext('engine-1', LEASE_MS);
    expect(claim?.record.id).not.toBe(victim.id);
    expect(claim?.record.id).toBe(source.id);
    expect(claim?.input).toEqual(source.input);
  });

  it('fails a job whose input does not decrypt, instead of rejecting the claim', async () => {
    const { store, victim } = await movedInput();
    const claim = await store.claimNext('engine-1', LEASE_MS);
    expect(claim?.record.id).not.toBe(victim.id);
    expect((await store.get(victim.id))?.record).toMatchObject({ status: 'failed', error: { code: 'FailedToProcess' } });
  });

  it('keeps no plaintext of the input or the result in any raw record', async () => {
    const { store, db, ids } = await completedJobs(1);
    await store.create(newJob());
    const rawPayloads = await db.getAll('payloads');
    expect(rawPayloads.length).toBe(2);
    for (const marker of [INPUT_MARKER, RESULT_MARKER]) {
      const needle = new TextEncoder().encode(marker);
      for (const { sealed } of rawPayloads) expect(containsBytes(new Uint8Array(sealed.ciphertext), needle)).toBe(false);
      expect(JSON.stringify(await db.getAll('operations'))).not.toContain(marker);
    }
    expect((await store.get(ids[0]!))?.result?.readResults[0]?.lines[0]?.text).toContain(RESULT_MARKER);
  });
});
