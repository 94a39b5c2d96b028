/**
 * "Delete everything": every operation and payload goes, the forwarded hosts with the user's Azure
 * keys too, and so does the encryption key
 * (crypto-shredding), replaced by a new one in the same transaction. A ciphertext that outlives
 * the deletion somewhere (a copy, a disk block not yet reused) can no longer be opened by anyone.
 */
import type { IDBPDatabase } from 'idb';
import type { JobDb } from './db';
import { newKeyRecord } from './crypto';

/** Deletes every operation and replaces the key; returns how many operations there were. */
export async function shredEverything(db: IDBPDatabase<JobDb>): Promise<number> {
  // Generated before the transaction: awaiting WebCrypto inside it would let it auto-commit.
  const fresh = await newKeyRecord();
  const tx = db.transaction(['operations', 'payloads', 'meta'], 'readwrite');
  const operations = tx.objectStore('operations');
  const count = await operations.count();
  const meta = tx.objectStore('meta');
  await Promise.all([operations.clear(), tx.objectStore('payloads').clear(), meta.delete('forwarding'), meta.put(fresh), tx.done]);
  return count;
}
