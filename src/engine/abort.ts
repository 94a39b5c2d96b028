/**
 * Cancelling work that its callee cannot cancel. tesseract.js and ONNX Runtime do not stop a call
 * in flight, and tesseract.js never settles a call whose worker died: the caller races the call
 * against its signal, and the owner of the worker terminates it when the signal wins.
 */

/** Why a job's attempt stopped before its end. Not an outcome: the job is released, not failed. */
export class JobAbandoned extends Error {
  override readonly name = 'JobAbandoned';

  constructor(
    /** `deadline`: a page overran its time (the job is claimed again, up to MAX_ATTEMPTS);
     * `lost`: the job is no longer ours (deleted, expired or taken over): nothing more is written. */
    readonly why: 'deadline' | 'lost',
    message: string,
  ) {
    super(message);
  }
}

/** The reason of an aborted signal, as an Error (AbortSignal.reason may be anything). */
export function abortReason(signal: AbortSignal): Error {
  const reason: unknown = signal.reason;
  return reason instanceof Error ? reason : new DOMException('The operation was aborted.', 'AbortError');
}

export function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw abortReason(signal);
}

/**
 * Settles with `promise`, or rejects with the signal's reason as soon as it aborts (after calling
 * `onAbort`, which stops whatever holds the call). Every promise settles.
 */
export function abortable<T>(promise: Promise<T>, signal: AbortSignal | undefined, onAbort: () => void = () => undefined): Promise<T> {
  if (!signal) return promise;
  if (signal.aborted) {
    onAbort();
    return Promise.reject(abortReason(signal));
  }
  return new Promise<T>((resolve, reject) => {
    const stop = () => {
      onAbort();
      reject(abortReason(signal));
    };
    signal.addEventListener('abort', stop, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener('abort', stop);
        resolve(value);
      },
      (reason: unknown) => {
        signal.removeEventListener('abort', stop);
        reject(reason instanceof Error ? reason : new Error(String(reason)));
      },
    );
  });
}
