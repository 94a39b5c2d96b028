/**
 * What is stored right now, without opening anything: each operation's status, times and size,
 * for the privacy page and `GET /localread/v1/storage`. Never reads a payload's content.
 */
import type { IDBPDatabase } from 'idb';
import type { OperationStatus } from '../read-api/types';
import type { JobDb } from './db';

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

/** Lists every operation with its expiry under `windowMs`. */
export async function takeInventory(db: IDBPDatabase<JobDb>, windowMs: number): Promise<Inventory> {
  const records = await db.getAllFromIndex('operations', 'byCreatedAt');
  const operations: StoredOperation[] = records.map((record) => ({
    id: record.id,
    status: record.status,
    createdAt: record.createdAt,
    expiresAt: record.createdAt + windowMs,
    bytes: record.storedBytes,
  }));
  return {
    operations,
    bytes: operations.reduce((sum, operation) => sum + operation.bytes, 0),
    oldestExpiresAt: operations[0]?.expiresAt ?? null,
  };
}
