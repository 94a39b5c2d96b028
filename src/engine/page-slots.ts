/**
 * The engine's budget of decoded pages, shared by every job it runs. A page takes a slot before
 * it is decoded and gives it back once it is read, so memory holds at most `size` decoded pages
 * however many jobs run and however long they are (the pool's workers, plus one page being
 * prepared while they recognise). Slots are handed out first come, first served, so the pages of
 * different jobs interleave instead of one job's lanes starving another's.
 */
import { throwIfAborted } from './abort';
import { waitInLine } from './wait-in-line';

/** Gives a slot back; calling it again does nothing. */
export type ReleaseSlot = () => void;

export class PageSlots {
  readonly #size: number;
  #taken = 0;
  readonly #waiting: Array<() => void> = [];

  constructor(size: number) {
    if (!(size >= 1)) throw new RangeError(`A page budget needs at least one slot, not ${size}.`);
    this.#size = size;
  }

  /** Slots in use now (for tests and diagnostics). */
  get taken(): number {
    return this.#taken;
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
