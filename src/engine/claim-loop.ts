/**
 * The engine's work loop: claim waiting jobs from the store (up to `concurrency` at once), keep
 * their leases alive while they run, and write each outcome. Wakes on a job-created hint and
 * polls as well, since hints can be lost.
 */
import { ReadApiError } from '../read-api/errors';
import type { AnalyzeResult } from '../read-api/types';
import type { ClaimedJob, JobOutputs, JobStore } from '../jobs/job-store';
import { onJobCreated, signalJobEnded } from '../jobs/job-signal';
import { JobAbandoned } from './abort';

export interface ClaimLoopOptions {
  store: JobStore;
  /**
   * Runs one job; progress goes through `reportProgress`. `signal` aborts when the job is no
   * longer ours (deleted, expired, taken over): the run must stop, and nothing more is written.
   * A run that rejects with `JobAbandoned('deadline')` releases the job to be claimed again.
   */
  run(job: ClaimedJob, reportProgress: (done: number, total: number) => Promise<void>, signal: AbortSignal): Promise<AnalyzeResult>;
  /**
   * Files the job's contract asked for beside the result (a searchable PDF), made while the
   * input is still at hand: it is deleted when the job ends. None by default.
   */
  outputs?(job: ClaimedJob, result: AnalyzeResult, signal: AbortSignal): Promise<JobOutputs>;
  concurrency: number;
  owner?: string;
  leaseMs?: number;
  pollMs?: number;
}

const LEASE_MS = 30_000;
const POLL_MS = 2_000;

export class ClaimLoop {
  readonly #options: Required<ClaimLoopOptions>;
  #active = 0;
  #wake: (() => void) | null = null;
  /** A hint or a freed slot that came while the loop was busy: the next sleep is skipped. */
  #nudged = false;
  #stopped = false;

  constructor(options: ClaimLoopOptions) {
    this.#options = { owner: crypto.randomUUID(), leaseMs: LEASE_MS, pollMs: POLL_MS, outputs: async () => ({}), ...options };
  }

  /** Runs until `stop()`. Never rejects: a failing job fails alone. */
  async run(): Promise<void> {
    const unsubscribe = onJobCreated(() => this.#nudge());
    try {
      while (!this.#stopped) {
        if (this.#active < this.#options.concurrency && (await this.#claimOne())) continue;
        await this.#sleep();
      }
    } finally {
      unsubscribe();
    }
  }

  stop(): void {
    this.#stopped = true;
    this.#nudge();
  }

  /** Claims and starts one job; false when none is waiting. */
  async #claimOne(): Promise<boolean> {
    const { store, owner, leaseMs } = this.#options;
    let job: ClaimedJob | null;
    try {
      job = await store.claimNext(owner, leaseMs);
    } catch {
      // The store is busy or closing: nothing was claimed, and the next tick tries again.
      return false;
    }
    if (!job) return false;
    this.#active += 1;
    void this.#execute(job).finally(() => {
      this.#active -= 1;
      this.#nudge();
    });
    return true;
  }

  async #execute(job: ClaimedJob): Promise<void> {
    const { store, owner, leaseMs, run, outputs } = this.#options;
    const { id } = job.record;
    const ours = new AbortController();
    const lost = () => ours.abort(new JobAbandoned('lost', `Operation ${id} is no longer this engine's (deleted, expired or taken over).`));
    // A renewal refused means the record is gone or another engine holds it: stop reading it now.
    // A renewal that throws (the store busy or closing) is tried again on the next tick; the
    // lease outlives two missed renewals.
    const renewal = setInterval(() => {
      store.renewLease(id, owner, leaseMs).then((kept) => kept || lost(), () => undefined);
    }, leaseMs / 3);
    const reportProgress = async (done: number, total: number) => {
      if (!(await store.recordProgress(id, owner, done, total))) lost();
    };
    try {
      const result = await run(job, reportProgress, ours.signal);
      const files = ours.signal.aborted ? {} : await outputs(job, result, ours.signal);
      if (!ours.signal.aborted) await store.complete(id, owner, result, files);
    } catch (reason) {
      await this.#settleFailure(id, reason, ours.signal);
    } finally {
      clearInterval(renewal);
      // A service worker answering a synchronous call waits for this job: it reads the store now.
      signalJobEnded(id);
    }
  }

  /**
   * A run that failed: a job no longer ours is left alone; one whose page overran its deadline is
   * released at once (its lease ends now), so it is claimed again and, after MAX_ATTEMPTS claims,
   * failed by the store with FailedToProcess; anything else fails the job with its Azure error.
   */
  async #settleFailure(id: string, reason: unknown, signal: AbortSignal): Promise<void> {
    const { store, owner } = this.#options;
    if (signal.aborted || (reason instanceof JobAbandoned && reason.why === 'lost')) return;
    try {
      if (reason instanceof JobAbandoned) await store.renewLease(id, owner, 0);
      else await store.fail(id, owner, ReadApiError.from(reason));
    } catch {
      // The store refused the write (closing, or the record is gone): the lease runs out on its
      // own and the next claim settles the job, so nothing is lost.
    }
  }

  #nudge(): void {
    if (this.#wake) this.#wake();
    else this.#nudged = true;
  }

  #sleep(): Promise<void> {
    if (this.#nudged) {
      this.#nudged = false;
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      const finish = () => {
        clearTimeout(timer);
        this.#wake = null;
        resolve();
      };
      const timer = setTimeout(finish, this.#options.pollMs);
      this.#wake = finish;
    });
  }
}
