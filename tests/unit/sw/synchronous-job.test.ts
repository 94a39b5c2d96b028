import { afterEach, describe, expect, it } from 'vitest';
import { ClaimLoop } from '../../../src/engine/claim-loop';
import type { JobStore } from '../../../src/jobs/job-store';
import { ReadApiError } from '../../../src/read-api/errors';
import type { AnalyzeResult } from '../../../src/read-api/types';
import { readSynchronously, waitForJob } from '../../../src/sw/synchronous-job';
import { closeTestStores, newJob, openTestStore, sampleResult } from '../helpers/job-store';

const engines: Array<{ loop: ClaimLoop; running: Promise<void> }> = [];

/**
 * A real claim loop standing for the engine. Its poll is a minute, so it starts only on the
 * job-created hint; the waits below poll once a minute too, so they end on its job-ended hint.
 */
function startEngine(store: JobStore, run: () => Promise<AnalyzeResult>): void {
  const loop = new ClaimLoop({ store, run, concurrency: 1, pollMs: 60_000 });
  engines.push({ loop, running: loop.run() });
}

afterEach(async () => {
  for (const { loop, running } of engines.splice(0)) {
    loop.stop();
    await running;
  }
  closeTestStores();
});

const quick = { pollMs: 60_000, engineRunning: async () => true };

describe('readSynchronously', () => {
  it('answers with the succeeded job as soon as the engine ends it, and deletes it at once', async () => {
    const { store } = await openTestStore();
    startEngine(store, async () => sampleResult('synchronous'));
    const job = newJob();
    const started = Date.now();
    const wait = await readSynchronously(store, job, quick);
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(wait.outcome).toBe('ended');
    if (wait.outcome !== 'ended') return;
    expect(wait.job.record.status).toBe('succeeded');
    expect(wait.job.result?.readResults[0]?.lines[0]?.text).toBe('synchronous');
    expect(await store.get(job.id)).toBeNull();
    expect((await store.inventory()).operations).toEqual([]);
  });

  it('answers with a failed job and its error, and deletes it too', async () => {
    const { store } = await openTestStore();
    startEngine(store, async () => {
      throw new ReadApiError('InvalidImageFormat', 'truncated');
    });
    const job = newJob();
    const wait = await readSynchronously(store, job, quick);
    expect(wait.outcome === 'ended' && wait.job.record.error).toEqual({ code: 'InvalidImageFormat', message: 'truncated' });
    expect(await store.get(job.id)).toBeNull();
  });

  it('gives up after the grace period when no engine runs, and deletes the job', async () => {
    const { store } = await openTestStore();
    const job = newJob();
    const wait = await readSynchronously(store, job, { pollMs: 20, noEngineGraceMs: 100, engineRunning: async () => false });
    expect(wait.outcome).toBe('no-engine');
    expect(await store.get(job.id)).toBeNull();
  });

  it('keeps waiting while an engine runs, until the deadline', async () => {
    const { store } = await openTestStore();
    const job = newJob();
    const wait = await readSynchronously(store, job, { pollMs: 20, noEngineGraceMs: 10, deadlineMs: 200, engineRunning: async () => true });
    expect(wait.outcome).toBe('timeout');
    expect(await store.get(job.id)).toBeNull();
  });

  it('stops waiting when the caller aborts, and deletes the job', async () => {
    const { store } = await openTestStore();
    const job = newJob();
    const caller = new AbortController();
    setTimeout(() => caller.abort(), 50);
    const wait = await readSynchronously(store, job, { ...quick, signal: caller.signal });
    expect(wait.outcome).toBe('aborted');
    expect(await store.get(job.id)).toBeNull();
  });
});

describe('waitForJob', () => {
  it('reports a job deleted while it is waited for as gone', async () => {
    const { store } = await openTestStore();
    const job = newJob();
    await store.create(job);
    const waiting = waitForJob(store, job.id, { pollMs: 20, engineRunning: async () => true });
    await store.delete(job.id);
    expect((await waiting).outcome).toBe('gone');
  });
});
