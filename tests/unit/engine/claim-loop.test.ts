import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { JobAbandoned } from '../../../src/engine/abort';
import { ClaimLoop, type ClaimLoopOptions } from '../../../src/engine/claim-loop';
import { MAX_ATTEMPTS, type ClaimedJob, type JobStore } from '../../../src/jobs/job-store';
import { onJobCreated, signalJobCreated } from '../../../src/jobs/job-signal';
import { ReadApiError } from '../../../src/read-api/errors';
import type { AnalyzeResult } from '../../../src/read-api/types';
import { closeTestStores, newJob, openTestStore, sampleResult } from '../helpers/job-store';

/** vi.waitFor advances the fake clock by `interval` on every check. */
const WAIT = { timeout: 3_000, interval: 5 };

/**
 * The loop's timers (polls, lease renewals) run on a fake clock, so that a test says exactly how
 * much time passes. IndexedDB (fake-indexeddb) schedules with setImmediate, which stays real.
 */
beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval'] });
});

/** Lets the store's pending IndexedDB requests run (they are scheduled with the real setImmediate). */
const storeTurn = () => new Promise((resolve) => setImmediate(resolve));

/** Resolves after the loop's first claim has looked at the store. */
function afterFirstClaim(store: JobStore): Promise<void> {
  const claimNext = store.claimNext.bind(store);
  const claimed = deferred<void>();
  store.claimNext = async (owner, leaseMs) => {
    const job = await claimNext(owner, leaseMs);
    claimed.resolve();
    return job;
  };
  return claimed.promise;
}

/** A promise with its resolve function, to hold a fake run open until the test lets it finish. */
function deferred<T>(): { promise: Promise<T>; resolve: (value: T) => void } {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((settle) => {
    resolve = settle;
  });
  return { promise, resolve };
}

const loops: Array<{ loop: ClaimLoop; running: Promise<void> }> = [];

function startLoop(options: Partial<ClaimLoopOptions> & Pick<ClaimLoopOptions, 'store' | 'run'>): ClaimLoop {
  const loop = new ClaimLoop({ concurrency: 1, owner: 'engine-test', leaseMs: 90, pollMs: 10, ...options });
  loops.push({ loop, running: loop.run() });
  return loop;
}

afterEach(async () => {
  for (const { loop, running } of loops.splice(0)) {
    loop.stop();
    await running;
  }
  vi.useRealTimers();
  closeTestStores();
});

async function statusOf(store: JobStore, id: string): Promise<string | undefined> {
  return (await store.get(id))?.record.status;
}

describe('ClaimLoop', () => {
  it('runs a waiting job with its input, records its progress and completes it with the result', async () => {
    const { store } = await openTestStore();
    const job = newJob();
    await store.create(job);
    const seen: ClaimedJob[] = [];
    const progress: unknown[] = [];
    startLoop({
      store,
      run: async (claimed, reportProgress) => {
        seen.push(claimed);
        await reportProgress(1, 2);
        progress.push((await store.get(claimed.record.id))?.record.progress);
        return sampleResult('from the fake run');
      },
    });
    await vi.waitFor(async () => expect(await statusOf(store, job.id)).toBe('succeeded'), WAIT);
    expect(seen.map((claimed) => claimed.input)).toEqual([job.input]);
    expect(progress).toEqual([{ pagesDone: 1, pagesTotal: 2 }]);
    expect((await store.get(job.id))?.result).toEqual(sampleResult('from the fake run'));
  });

  it('stores the outputs made from the job\'s input and result beside the result', async () => {
    const { store } = await openTestStore();
    const job = newJob();
    await store.create(job);
    const pdf = new TextEncoder().encode('%PDF- from the input');
    const made: Array<[Uint8Array, AnalyzeResult]> = [];
    startLoop({
      store,
      run: async () => sampleResult('read'),
      outputs: async (claimed, result) => {
        made.push([claimed.input, result]);
        return { pdf };
      },
    });
    await vi.waitFor(async () => expect(await statusOf(store, job.id)).toBe('succeeded'), WAIT);
    expect(made).toEqual([[job.input, sampleResult('read')]]);
    expect(await store.pdf(job.id)).toEqual(pdf);
  });

  it('fails the job with the code of a ReadApiError the run throws', async () => {
    const { store } = await openTestStore();
    const job = newJob();
    await store.create(job);
    startLoop({ store, run: () => Promise.reject(new ReadApiError('InvalidImageSize', 'Image is 10x10.')) });
    await vi.waitFor(async () => expect(await statusOf(store, job.id)).toBe('failed'), WAIT);
    expect((await store.get(job.id))?.record.error).toEqual({ code: 'InvalidImageSize', message: 'Image is 10x10.' });
  });

  it('fails the job with FailedToProcess when the run throws a plain Error', async () => {
    const { store } = await openTestStore();
    const job = newJob();
    await store.create(job);
    startLoop({ store, run: () => Promise.reject(new Error('wasm memory exhausted')) });
    await vi.waitFor(async () => expect(await statusOf(store, job.id)).toBe('failed'), WAIT);
    expect((await store.get(job.id))?.record.error).toEqual({ code: 'FailedToProcess', message: 'wasm memory exhausted' });
  });

  it('goes on with the next job after one fails', async () => {
    const { store, clock } = await openTestStore();
    const [first, second] = [newJob(), newJob()];
    await store.create(first);
    clock.advance(1);
    await store.create(second);
    startLoop({
      store,
      run: async ({ record }) => (record.id === first.id ? Promise.reject(new Error('boom')) : sampleResult()),
    });
    await vi.waitFor(async () => expect(await statusOf(store, second.id)).toBe('succeeded'), WAIT);
    expect(await statusOf(store, first.id)).toBe('failed');
  });

  it('ends run() when stopped, without waiting for the next poll', async () => {
    const { store } = await openTestStore();
    const claimed = afterFirstClaim(store);
    const loop = new ClaimLoop({ store, run: async () => sampleResult(), concurrency: 1, pollMs: 60_000 });
    const running = loop.run();
    await claimed;
    await storeTurn();
    loop.stop();
    // The fake clock has not moved: the 60 s poll never ended.
    await expect(running).resolves.toBeUndefined();
  });

  it('picks up a job created later when the next poll comes, not before', async () => {
    const { store } = await openTestStore();
    const claimed = afterFirstClaim(store);
    startLoop({ store, run: async () => sampleResult(), pollMs: 1_000 });
    await claimed;
    const job = newJob();
    await store.create(job);
    await vi.advanceTimersByTimeAsync(999);
    await storeTurn();
    expect(await statusOf(store, job.id)).toBe('notStarted');
    await vi.advanceTimersByTimeAsync(1);
    await vi.waitFor(async () => expect(await statusOf(store, job.id)).toBe('succeeded'), WAIT);
  });

  it('wakes on a job-created hint instead of waiting for the next poll', async () => {
    const { store } = await openTestStore();
    const claimed = afterFirstClaim(store);
    startLoop({ store, run: async () => sampleResult(), pollMs: 60_000 });
    await claimed;
    await storeTurn();
    const job = newJob();
    await store.create(job);
    signalJobCreated(job.id);
    await vi.waitFor(async () => expect(await statusOf(store, job.id)).toBe('succeeded'), WAIT);
  });

  it('keeps a hint that arrives while it is claiming, instead of sleeping through it', async () => {
    const { store } = await openTestStore();
    const claimNext = store.claimNext.bind(store);
    const job = newJob();
    let first = true;
    store.claimNext = async (owner, leaseMs) => {
      const claimed = await claimNext(owner, leaseMs);
      if (first) {
        // The job arrives, and its hint is heard, after this claim looked and found nothing.
        first = false;
        await store.create(job);
        const heard = new Promise<void>((resolve) => {
          const unsubscribe = onJobCreated(() => {
            unsubscribe();
            resolve();
          });
        });
        signalJobCreated(job.id);
        await heard;
        await storeTurn();
      }
      return claimed;
    };
    startLoop({ store, run: async () => sampleResult(), pollMs: 60_000 });
    await vi.waitFor(async () => expect(await statusOf(store, job.id)).toBe('succeeded'), WAIT);
  });

  it('runs no more jobs at once than its concurrency', async () => {
    const { store, clock } = await openTestStore();
    const jobs = [newJob(), newJob(), newJob()];
    for (const job of jobs) {
      await store.create(job);
      clock.advance(1);
    }
    const release = deferred<AnalyzeResult>();
    startLoop({ store, concurrency: 2, run: () => release.promise });
    await vi.waitFor(async () => expect(await statusOf(store, jobs[1]!.id)).toBe('running'), WAIT);
    // Ten polls pass with both slots taken.
    await vi.advanceTimersByTimeAsync(100);
    await storeTurn();
    expect(await statusOf(store, jobs[0]!.id)).toBe('running');
    expect(await statusOf(store, jobs[2]!.id)).toBe('notStarted');
    release.resolve(sampleResult());
    await vi.waitFor(async () => expect(await statusOf(store, jobs[2]!.id)).toBe('succeeded'), WAIT);
  });

  it('renews the lease of a job while it runs', async () => {
    const { store, clock } = await openTestStore();
    const job = newJob();
    await store.create(job);
    const release = deferred<AnalyzeResult>();
    startLoop({ store, leaseMs: 90, run: () => release.promise });
    await vi.waitFor(async () => expect(await statusOf(store, job.id)).toBe('running'), WAIT);
    clock.advance(10_000);
    await vi.waitFor(async () => expect((await store.get(job.id))?.record.lease?.until).toBe(clock.now + 90), WAIT);
    expect(await store.claimNext('another-engine', 90)).toBeNull();
    release.resolve(sampleResult());
    await vi.waitFor(async () => expect(await statusOf(store, job.id)).toBe('succeeded'), WAIT);
  });

  it('aborts the run and writes nothing once the job is deleted under it', async () => {
    const { store } = await openTestStore();
    const job = newJob();
    await store.create(job);
    const aborted = deferred<unknown>();
    startLoop({
      store,
      run: (_claimed, _progress, signal) =>
        new Promise<AnalyzeResult>((_resolve, reject) => {
          signal.addEventListener('abort', () => {
            aborted.resolve(signal.reason);
            reject(signal.reason);
          });
          void store.delete(job.id);
        }),
    });
    // The next renewal (every leaseMs / 3 = 30 ms) is refused: the run is told to stop.
    let reason: unknown;
    void aborted.promise.then((value) => (reason = value));
    await vi.waitFor(() => expect(reason).toMatchObject({ name: 'JobAbandoned', why: 'lost' }), WAIT);
    expect(await store.get(job.id)).toBeNull();
  });

  it('aborts the run when its progress cannot be recorded because the job is gone', async () => {
    const { store } = await openTestStore();
    const job = newJob();
    await store.create(job);
    const signals: AbortSignal[] = [];
    startLoop({
      store,
      leaseMs: 60_000,
      run: async (_claimed, reportProgress, signal) => {
        signals.push(signal);
        await store.delete(job.id);
        await reportProgress(1, 2);
        return sampleResult();
      },
    });
    await vi.waitFor(() => expect(signals[0]?.aborted).toBe(true), WAIT);
    expect(await store.get(job.id)).toBeNull();
  });

  it('claims a job again after a page deadline, and fails it with FailedToProcess after MAX_ATTEMPTS', async () => {
    const { store } = await openTestStore();
    const job = newJob();
    await store.create(job);
    let runs = 0;
    startLoop({
      store,
      leaseMs: 60_000,
      run: async () => {
        runs += 1;
        throw new JobAbandoned('deadline', 'Page 1 was not read within 1 s.');
      },
    });
    await vi.waitFor(async () => expect(await statusOf(store, job.id)).toBe('failed'), WAIT);
    expect(runs).toBe(MAX_ATTEMPTS);
    expect((await store.get(job.id))?.record.error).toMatchObject({ code: 'FailedToProcess' });
  });
});
