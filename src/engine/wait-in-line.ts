/** Waiting one's turn in a first come, first served line that an owner wakes in order. */
import { abortReason } from './abort';

/**
 * Joins `line` and resolves when the owner calls the waker it pushed (`line.shift()?.()`);
 * rejects with the signal's reason, leaving the line, when `signal` aborts first.
 */
export function waitInLine(line: Array<() => void>, signal?: AbortSignal): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const wake = () => {
      signal?.removeEventListener('abort', leave);
      resolve();
    };
    const leave = () => {
      const at = line.indexOf(wake);
      if (at >= 0) line.splice(at, 1);
      reject(abortReason(signal!));
    };
    line.push(wake);
    signal?.addEventListener('abort', leave, { once: true });
  });
}
