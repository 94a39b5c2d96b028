/**
 * A budget shared by every job the engine runs, handed out first come, first served, so that the
 * pages of different jobs interleave instead of one job's lanes starving another's. Two budgets
 * use it: decoded pages (a page takes a slot before it is decoded and gives it back once it is
 * read, so memory holds at most that many however many jobs run: the pool's workers, plus one
 * page being prepared) and cores (each recognition, tesseract's or the second engine's, holds one
 * while it runs).
 */
import { throwIfAborted } from './abort';
import { waitInLine } from './wait-in-line';

/** Gives a slot back; calling it again does nothing. */
export type ReleaseSlot = () => void;

export class Slots {
  readonly #size: number;
  #taken = 0;
  readonly #waiting: Array<() => void> = [];

  constructor(size: number) {
    if (!(size >= 1)) throw new RangeError(`A budget needs at least one slot, not ${size}.`);
    this.#size = size;
  }

  /** Slots in use now (for tests and diagnostics). */
  get taken(): number {
    return this.#taken;
  }

  /** Slots free now, not promised to anyone waiting. */
  get free(): number {
    return Math.max(0, this.#size - this.#taken - this.#waiting.length);
  }

  /** Runs `work` holding a slot (waiting for one first). */
  async holding<T>(work: () => Promise<T>, signal?: AbortSignal): Promise<T> {
    const release = await this.acquire(signal);
    try {
      return await work();
    } finally {
      release();
    }
  }

  /** Waits for a free slot; rejects with the signal's reason (leaving the queue) when it aborts. */
  async acquire(signal?: AbortSignal): Promise<ReleaseSlot> {
    throwIfAborted(signal);
    if (this.#taken < this.#size && this.#waiting.length === 0) {
      this.#taken += 1;
      return this.#releaser();
    }
    // A released slot passes straight to the first in line (still counted as taken), so a caller
    // that comes between the release and the waiter's wake-up cannot take it.
    await waitInLine(this.#waiting, signal);
    return this.#releaser();
  }

  #releaser(): ReleaseSlot {
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const next = this.#waiting.shift();
      if (next) next();
      else this.#taken -= 1;
    };
  }
}
