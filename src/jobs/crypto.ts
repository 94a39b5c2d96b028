/**
 * Encryption at rest: AES-GCM under one non-extractable key kept in IndexedDB, a fresh random IV
 * per write, and the record id and field name as additional authenticated data, so a ciphertext
 * cannot be moved to another record or field. The parameters are read-api/privacy.ts's SEALING,
 * which the privacy page states.
 *
 * Always seal before and open after an IndexedDB transaction: awaiting WebCrypto inside one lets
 * it auto-commit (https://github.com/jakearchibald/idb#transaction-lifetime).
 */
import type { IDBPDatabase } from 'idb';
import { additionalDataOf, SEALING } from '../read-api/privacy';
import type { FORWARDING_KEY_FIELD } from '../read-api/forwarding';
import type { EncryptionKeyRecord, JobDb, MetaRecord, PayloadField, Sealed } from './db';

/** What is sealed: a job's payloads, and the user's Azure keys for forwarding (id: the host). */
export type SealedField = PayloadField | typeof FORWARDING_KEY_FIELD;

/** A new key record; not stored yet. Generate it before the transaction that stores it. */
export async function newKeyRecord(): Promise<EncryptionKeyRecord> {
  const key = await crypto.subtle.generateKey({ name: SEALING.algorithm, length: SEALING.keyBits }, false, [
    'encrypt',
    'decrypt',
  ]);
  return { name: 'encryptionKey', key, generation: crypto.randomUUID() };
}

/** The encryption key with its generation, created on first use. Safe against two realms creating it at once. */
export async function loadOrCreateKeyRecord(db: IDBPDatabase<JobDb>): Promise<EncryptionKeyRecord> {
  const existing = await db.get('meta', 'encryptionKey');
  if (existing?.name === 'encryptionKey') return existing;
  const candidate = await newKeyRecord();
  // Re-check inside one read-write transaction: whoever commits first wins, the other adopts it.
  const tx = db.transaction('meta', 'readwrite');
  const raced = await tx.store.get('encryptionKey');
  if (raced?.name === 'encryptionKey') {
    await tx.done;
    return raced;
  }
  await tx.store.put(candidate);
  await tx.done;
  return candidate;
}

function additionalData(id: string, field: SealedField): Uint8Array<ArrayBuffer> {
  return new TextEncoder().encode(additionalDataOf(id, field));
}

/** Encrypts bytes for one field of one record. */
export async function seal(
  key: CryptoKey,
  id: string,
  field: SealedField,
  plaintext: Uint8Array<ArrayBuffer>,
): Promise<Sealed> {
  const iv = crypto.getRandomValues(new Uint8Array(SEALING.ivBytes));
  const ciphertext = await crypto.subtle.encrypt(
    { name: SEALING.algorithm, iv, additionalData: additionalData(id, field) },
    key,
    plaintext,
  );
  return { iv, ciphertext };
}

/** Decrypts one field of one record; rejects (OperationError) when it was tampered with or moved. */
export async function open(
  key: CryptoKey,
  id: string,
  field: SealedField,
  sealed: Sealed,
): Promise<Uint8Array<ArrayBuffer>> {
  const plaintext = await crypto.subtle.decrypt(
    { name: SEALING.algorithm, iv: sealed.iv, additionalData: additionalData(id, field) },
    key,
    sealed.ciphertext,
  );
  return new Uint8Array(plaintext);
}

/**
 * Opens a stored payload with the key record read beside it; null when anything is missing or the
 * ciphertext does not open (tampered with, moved, or sealed under a key since destroyed).
 */
export async function openStored(
  keyRecord: MetaRecord | undefined,
  id: string,
  field: SealedField,
  sealed: Sealed | undefined,
): Promise<Uint8Array<ArrayBuffer> | null> {
  if (keyRecord?.name !== 'encryptionKey' || !sealed) return null;
  try {
    return await open(keyRecord.key, id, field, sealed);
  } catch {
    return null;
  }
}
