/**
 * The engine's work loop: claim waiting jobs from the store (up to `concurrency` at once), keep
 * their leases alive while they run, and write each outcome. Wakes on a job-created hint and
 * polls as well, since hints can be lost.
 */
import { ReadApiError } from '../read-api/errors';
import type { AnalyzeResult } from '../read-api/types';
import type { ClaimedJob, JobStore } from '../jobs/job-store';
import { onJobCreated } from '../jobs/job-signal';

export interface ClaimLoopOptions {
  store: JobStore;
  /** Runs one job; progress goes through `reportProgress`. */
  run(job: ClaimedJob, reportProgress: (done: number, total: number) => Promise<void>): Promise<AnalyzeResult>;
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
    this.#options = { owner: crypto.randomUUID(), leaseMs: LEASE_MS, pollMs: POLL_MS, ...options };
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
      return false; // The store is busy or closing; try again on the next tick.
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
    const { store, owner, leaseMs, run } = this.#options;
    const { id } = job.record;
    const renewal = setInterval(() => void store.renewLease(id, owner, leaseMs).catch(() => false), leaseMs / 3);
    try {
      const result = await run(job, (done, total) => store.recordProgress(id, owner, done, total).then(() => undefined));
      await store.complete(id, owner, result);
    } catch (reason) {
      await store.fail(id, owner, ReadApiError.from(reason)).catch(() => false);
    } finally {
      clearInterval(renewal);
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
