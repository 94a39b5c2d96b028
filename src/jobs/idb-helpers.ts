/** Small IndexedDB helpers of the job store. */
import type { IDBPTransaction, StoreNames } from 'idb';
import type { JobDb } from './db';

/** Every payload key of one job (`payloads` is keyed by `[id, field]`). */
export function payloadsOf(id: string): IDBKeyRange {
  return IDBKeyRange.bound([id, ''], [id, '\uffff']);
}

/**
 * Aborts a transaction that has not finished (nothing it wrote is kept) and waits until it has
 * ended. Its `done` rejects with the AbortError we asked for, which is not a failure here.
 */
export async function abortTransaction(
  tx: IDBPTransaction<JobDb, Array<StoreNames<JobDb>>, 'readwrite'>,
): Promise<void> {
  try {
    tx.abort();
  } catch {
    // InvalidStateError: it had already committed or aborted.
  }
  await tx.done.then(
    () => undefined,
    () => undefined,
  );
}
