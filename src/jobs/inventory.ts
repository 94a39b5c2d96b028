/**
 * What is stored right now, without opening anything: each operation's status, times and size,
 * for the privacy page and `GET /localread/v1/storage`. Never reads a payload's content.
 */
import type { IDBPDatabase } from 'idb';
import type { OperationStatus } from '../read-api/types';
import type { JobDb, JobRecord } from './db';
import { sealedSize } from './record-check';

export interface StoredOperation {
  id: string;
  status: OperationStatus;
  createdAt: number;
  /** When the sweep deletes it (createdAt + the retention window). */
  expiresAt: number;
  /** Bytes of its sealed payloads (input while it waits or runs, result once it succeeded). */
  bytes: number;
}

export interface Inventory {
  /** Oldest first. */
  operations: StoredOperation[];
  bytes: number;
  /** The soonest expiry, or null when nothing is stored. */
  oldestExpiresAt: number | null;
}

/** Sizes of records stored before `storedBytes` existed, from their payloads (one at a time). */
async function measuredBytes(db: IDBPDatabase<JobDb>, record: JobRecord): Promise<number> {
  let bytes = 0;
  let cursor = await db
    .transaction('payloads')
    .store.openCursor(IDBKeyRange.bound([record.id, ''], [record.id, '\uffff']));
  while (cursor) {
    bytes += sealedSize(cursor.value.sealed);
    cursor = await cursor.continue();
  }
  return bytes;
}

/** Lists every operation with its expiry under `windowMs`. */
export async function takeInventory(db: IDBPDatabase<JobDb>, windowMs: number): Promise<Inventory> {
  const records = await db.getAllFromIndex('operations', 'byCreatedAt');
  const operations: StoredOperation[] = [];
  for (const record of records) {
    operations.push({
      id: record.id,
      status: record.status,
      createdAt: record.createdAt,
      expiresAt: record.createdAt + windowMs,
      bytes: record.storedBytes ?? (await measuredBytes(db, record)),
    });
  }
  return {
    operations,
    bytes: operations.reduce((sum, operation) => sum + operation.bytes, 0),
    oldestExpiresAt: operations[0]?.expiresAt ?? null,
  };
}
