/** A call into a PDF parser's worker that cannot hold a job forever: it fails when the worker dies or stalls. */
import { ReadApiError } from '../../read-api/errors';
import { withTimeout } from '../timeout';

/** pdf.js waits for its worker without a deadline; a dead worker would hold a job forever. */
export const OPEN_TIMEOUT_MS = 60_000;
export const PAGE_TIMEOUT_MS = 180_000;

/**
 * Settles with `promise`, or rejects with FailedToProcess when `worker` fails (an `error` event)
 * or `ms` pass first. `what` completes "... stopped while" and "... took longer than N s".
 */
export function guarded<T>(promise: Promise<T>, worker: Worker, ms: number, what: string): Promise<T> {
  let fail: (reason: ReadApiError) => void = () => {};
  const onError = () => fail(new ReadApiError('FailedToProcess', `The PDF reader stopped while ${what}.`));
  const failed = new Promise<never>((_, reject) => {
    fail = reject;
    worker.addEventListener('error', onError);
  });
  const settled = withTimeout(Promise.race([promise, failed]), ms, () => {
    return new ReadApiError('FailedToProcess', `The PDF reader took longer than ${ms / 1000} s ${what}.`);
  });
  return settled.finally(() => {
    worker.removeEventListener('error', onError);
    // Settle the losing side too; the race has already handled it.
    fail(new ReadApiError('FailedToProcess', `Done ${what}.`));
  });
}
