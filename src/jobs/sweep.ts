/**
 * The retention sweep: deletes every job past the window, with its payloads, so that no trace of
 * it remains in any store.
 */
import type { IDBPDatabase } from 'idb';
import type { JobDb, MetaRecord } from './db';
import { payloadsOf } from './idb-helpers';

/** The cutoff (epoch ms) for the stored settings: jobs created at or before it are expired. */
export type Cutoff = (settings: MetaRecord | undefined) => number;

/**
 * Whether any job is past the window: a read-only look, so that the sweep run on every API
 * request takes no write lock (which would queue behind, and hold up, the engine) when there is
 * nothing to delete, nearly always.
 */
async function anyExpired(db: IDBPDatabase<JobDb>, cutoff: Cutoff): Promise<boolean> {
  const tx = db.transaction(['operations', 'meta'], 'readonly');
  const before = cutoff(await tx.objectStore('meta').get('settings'));
  const expired = await tx.objectStore('operations').index('byCreatedAt').count(IDBKeyRange.upperBound(before));
  await tx.done;
  return expired > 0;
}

/**
 * Deletes expired jobs and their payloads in one transaction; returns how many jobs. With
 * `orphans` (SW activation, periodic sync) it also deletes any payload whose job is gone, a full
 * scan too costly for every request.
 */
export async function sweepExpired(db: IDBPDatabase<JobDb>, cutoff: Cutoff, orphans: boolean): Promise<number> {
  if (!orphans && !(await anyExpired(db, cutoff))) return 0;
  const tx = db.transaction(['operations', 'payloads', 'meta'], 'readwrite');
  const before = cutoff(await tx.objectStore('meta').get('settings'));
  const operations = tx.objectStore('operations');
  const payloads = tx.objectStore('payloads');
  let removed = 0;
  let cursor = await operations.index('byCreatedAt').openCursor(IDBKeyRange.upperBound(before));
  while (cursor) {
    const id = cursor.primaryKey;
    await Promise.all([cursor.delete(), payloads.delete(payloadsOf(id))]);
    removed += 1;
    cursor = await cursor.continue();
  }
  if (orphans) {
    const [ids, payloadKeys] = await Promise.all([operations.getAllKeys(), payloads.getAllKeys()]);
    const live = new Set(ids);
    await Promise.all(payloadKeys.filter(([id]) => !live.has(id)).map((key) => payloads.delete(key)));
  }
  await tx.done;
  return removed;
}
