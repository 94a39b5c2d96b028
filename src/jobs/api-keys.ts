/**
 * The API keys: two, as an Azure resource has, generated on first use and kept in the job store.
 */
import type { IDBPDatabase } from 'idb';
import type { ApiKeyId } from '../read-api/paths';
import type { ApiKeys, JobDb } from './db';

/** A new key: 32 hex characters, the form of an Azure resource key. */
export function generateKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
}

/** The keys, created on first use. Safe against two realms creating them at once. */
export async function loadOrCreateApiKeys(db: IDBPDatabase<JobDb>): Promise<ApiKeys> {
  // Every API request checks its key: read without a write lock, which would queue behind the
  // engine's transactions; only the very first use writes.
  const stored = await db.get('meta', 'apiKeys');
  if (stored?.name === 'apiKeys') return stored;
  const tx = db.transaction('meta', 'readwrite');
  const existing = await tx.store.get('apiKeys');
  if (existing?.name === 'apiKeys') {
    await tx.done;
    return existing;
  }
  const keys: ApiKeys = { name: 'apiKeys', key1: generateKey(), key2: generateKey() };
  await tx.store.put(keys);
  await tx.done;
  return keys;
}

/**
 * Replaces one key with a new one, in one transaction, and returns both. The old value stops
 * working at once: every request reads the keys afresh. The other key is untouched, so callers
 * can move to it first (Azure's rotation: use key2, regenerate key1, move back, regenerate key2).
 */
export async function regenerateApiKey(db: IDBPDatabase<JobDb>, keyId: ApiKeyId): Promise<ApiKeys> {
  const current = await loadOrCreateApiKeys(db);
  const tx = db.transaction('meta', 'readwrite');
  const stored = await tx.store.get('apiKeys');
  const base = stored?.name === 'apiKeys' ? stored : current;
  const keys: ApiKeys = { ...base, [keyId]: generateKey() };
  await tx.store.put(keys);
  await tx.done;
  return keys;
}

/** Compares two strings in time that depends only on their lengths, not on where they differ. */
export function constantTimeEqual(a: string, b: string): boolean {
  const length = Math.max(a.length, b.length);
  let difference = a.length ^ b.length;
  for (let i = 0; i < length; i += 1) {
    difference |= (a.charCodeAt(i) || 0) ^ (b.charCodeAt(i) || 0);
  }
  return difference === 0;
}

/** Which key a presented value is, or null when it is neither. */
export function matchKey(keys: ApiKeys, presented: string | null): ApiKeyId | null {
  if (!presented) return null;
  const isKey1 = constantTimeEqual(keys.key1, presented);
  const isKey2 = constantTimeEqual(keys.key2, presented);
  if (isKey1) return 'key1';
  return isKey2 ? 'key2' : null;
}
