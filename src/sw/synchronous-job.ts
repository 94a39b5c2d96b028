/**
 * A job answered in the same request (Read's syncAnalyze, Image Analysis): the service worker
 * cannot run OCR, so it stores the job as `analyze` does, waits for an engine to end it, and
 * deletes it at once, whatever the outcome: nothing is kept after a synchronous answer. The
 * fetch event's `respondWith` promise keeps the worker alive while it waits. If the worker is
 * stopped all the same, the job stays until its retention window ends, like any other.
 */
import type { JobStore, NewJob, StoredJob } from '../jobs/job-store';
import { isEngineRunning, onJobEnded, signalJobCreated } from '../jobs/job-signal';

/** How a wait ended: with the job (succeeded or failed), or without it. */
export type JobWait =
  | { outcome: 'ended'; job: StoredJob }
  /** Not done before the deadline. */
  | { outcome: 'timeout' }
  /** No engine ran for the whole grace period: no page of the app is open. */
  | { outcome: 'no-engine' }
  /** Deleted while waited for (the user deleted every operation, or it expired). */
  | { outcome: 'gone' }
  /** The caller went away (`request.signal`). */
  | { outcome: 'aborted' };

export interface WaitOptions {
  /** The caller's signal: aborting it ends the wait. */
  signal?: AbortSignal;
  /** How long the caller may wait for its result. */
  deadlineMs?: number;
  /** How long no engine may run before the call gives up: a page being opened starts one in a second or two. */
  noEngineGraceMs?: number;
  /** How often the store is read besides the job-ended hint (hints can be lost). */
  pollMs?: number;
  /** Whether an engine runs now; by default, whether one holds the engine's Web Lock. */
  engineRunning?: () => Promise<boolean>;
}

export const SYNC_DEADLINE_MS = 120_000;
export const NO_ENGINE_GRACE_MS = 5_000;
const POLL_MS = 1_000;

/** Resolves after `ms`, at a job-ended hint for `id`, or when `signal` aborts, whichever is first. */
function nap(id: string, ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      stopListening();
      signal?.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    const stopListening = onJobEnded((ended) => ended.id === id && done());
    signal?.addEventListener('abort', done);
  });
}

/** Waits until the job `id` has succeeded or failed, or the wait cannot go on. */
export async function waitForJob(store: JobStore, id: string, options: WaitOptions = {}): Promise<JobWait> {
  const { signal, deadlineMs = SYNC_DEADLINE_MS, noEngineGraceMs = NO_ENGINE_GRACE_MS, pollMs = POLL_MS } = options;
  const engineRunning = options.engineRunning ?? isEngineRunning;
  const started = Date.now();
  let noEngineSince: number | null = null;
  for (;;) {
    if (signal?.aborted) return { outcome: 'aborted' };
    const job = await store.get(id);
    if (!job) return { outcome: 'gone' };
    if (job.record.status === 'succeeded' || job.record.status === 'failed') return { outcome: 'ended', job };
    const now = Date.now();
    if (now - started >= deadlineMs) return { outcome: 'timeout' };
    noEngineSince = (await engineRunning()) ? null : (noEngineSince ?? now);
    if (noEngineSince !== null && now - noEngineSince >= noEngineGraceMs) return { outcome: 'no-engine' };
    await nap(id, Math.min(pollMs, started + deadlineMs - now), signal);
  }
}

/** Stores the job, wakes the engines, waits for its end and deletes it, in every case. */
export async function readSynchronously(store: JobStore, job: NewJob, options: WaitOptions = {}): Promise<JobWait> {
  await store.create(job);
  try {
    signalJobCreated(job.id);
    return await waitForJob(store, job.id, options);
  } finally {
    await store.delete(job.id);
  }
}
