/**
 * Encryption at rest: AES-GCM under one non-extractable key kept in IndexedDB, a fresh random IV
 * per write, and the record id and field name as additional authenticated data, so a ciphertext
 * cannot be moved to another record or field.
 *
 * Always seal before and open after an IndexedDB transaction: awaiting WebCrypto inside one lets
 * it auto-commit (https://github.com/jakearchibald/idb#transaction-lifetime).
 */
import type { IDBPDatabase } from 'idb';
import type { JobDb, PayloadField, Sealed } from './db';

const IV_BYTES = 12;

/** The encryption key, created on first use. Safe against two realms creating it at once. */
export async function loadOrCreateKey(db: IDBPDatabase<JobDb>): Promise<CryptoKey> {
  const existing = await db.get('meta', 'encryptionKey');
  if (existing?.name === 'encryptionKey') return existing.key;
  const candidate = await crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, [
    'encrypt',
    'decrypt',
  ]);
  // Re-check inside one read-write transaction: whoever commits first wins, the other adopts it.
  const tx = db.transaction('meta', 'readwrite');
  const raced = await tx.store.get('encryptionKey');
  if (raced?.name === 'encryptionKey') {
    await tx.done;
    return raced.key;
  }
  await tx.store.put({ name: 'encryptionKey', key: candidate });
  await tx.done;
  return candidate;
}

function additionalData(id: string, field: PayloadField): Uint8Array<ArrayBuffer> {
  return new TextEncoder().encode(`localread:${id}:${field}`);
}

/** Encrypts bytes for one field of one record. */
export async function seal(
  key: CryptoKey,
  id: string,
  field: PayloadField,
  plaintext: Uint8Array<ArrayBuffer>,
): Promise<Sealed> {
  const iv = crypto.getRandomValues(new Uint8Array(IV_BYTES));
  const ciphertext = await crypto.subtle.encrypt(
    { name: 'AES-GCM', iv, additionalData: additionalData(id, field) },
    key,
    plaintext,
  );
  return { iv, ciphertext };
}

/** Decrypts one field of one record; rejects (OperationError) when it was tampered with or moved. */
export async function open(
  key: CryptoKey,
  id: string,
  field: PayloadField,
  sealed: Sealed,
): Promise<Uint8Array<ArrayBuffer>> {
  const plaintext = await crypto.subtle.decrypt(
    { name: 'AES-GCM', iv: sealed.iv, additionalData: additionalData(id, field) },
    key,
    sealed.ciphertext,
  );
  return new Uint8Array(plaintext);
}
