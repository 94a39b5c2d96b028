import { afterEach, describe, expect, it } from 'vitest';

import { loadOrCreateKeyRecord, newKeyRecord, open, openStored, seal } from '../../../src/jobs/crypto';

import { closeTestStores, openTestDb } from '../helpers/job-store';

afterEach(closeTestStores);

function newKey(): Promise<CryptoKey> {
  return crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);
}

const ID = '0f8fad5b-d9cb-469f-a165-70867728950e';
const PLAINTEXT = new TextEncoder().encode('Invoice 4711: 1,234.56 EUR');

describe('seal and open', () => {
  it('round-trips bytes for the same record and field', async () => {
    const key = await newKey();
    const sealed = await seal(key, ID, 'input', PLAINTEXT);
    expect(await open(key, ID, 'input', sealed)).toEqual(PLAINTEXT);
  });

  it('round-trips an empty payload', async () => {
    const key = await newKey();
    expect(await open(key, ID, 'result', await seal(key, ID, 'result', new Uint8Array(0)))).toEqual(new Uint8Array(0));
  });

  it('uses a fresh 12-byte IV for every seal, so equal plaintexts give different ciphertexts', async () => {
    const key = await newKey();
    const [first, second] = await Promise.all([seal(key, ID, 'input', PLAINTEXT), seal(key, ID, 'input', PLAINTEXT)]);
    expect(first.iv).toHaveLength(12);
    expect(first.iv).not.toEqual(second.iv);
    expect(new Uint8Array(first.ciphertext)).not.toEqual(new Uint8Array(second.ciphertext));
  });

  it('adds a 16-byte tag and no plaintext to the ciphertext', async () => {
    const sealed = await seal(await newKey(), ID, 'input', PLAINTEXT);
    expect(sealed.ciphertext.byteLength).toBe(PLAINTEXT.length + 16);
    expect(new TextDecoder('latin1').decode(sealed.ciphertext)).not.toContain('Invoice');
  });

  it('refuses a ciphertext moved to another record id', async () => {
    const key = await newKey();
    const sealed = await seal(key, ID, 'input', PLAINTEXT);
    await expect(open(key, crypto.randomUUID(), 'input', sealed)).rejects.toMatchObject({ name: 'OperationError' });
  });

  it('refuses a ciphertext moved to another field of the same record', async () => {
    const key = await newKey();
    const sealed = await seal(key, ID, 'input', PLAINTEXT);
    await expect(open(key, ID, 'result', sealed)).rejects.toMatchObject({ name: 'OperationError' });
  });

  it('refuses a ciphertext with one flipped bit', async () => {
    const key = await newKey();
    const sealed = await seal(key, ID, 'input', PLAINTEXT);
    const tampered = new Uint8Array(sealed.ciphertext.slice(0));
    tampered[0]! ^= 0x80;
    await expect(open(key, ID, 'input', { iv: sealed.iv, ciphertext: tampered.buffer })).rejects.toThrow();
  });

  it('refuses a ciphertext under another key', async () => {
    const sealed = await seal(await newKey(), ID, 'input', PLAINTEXT);
    await expect(open(await newKey(), ID, 'input', sealed)).rejects.toThrow();
  });
});

/** The stored key, as every realm loads it. */
const loadKey = async (db: Parameters<typeof loadOrCreateKeyRecord>[0]) => (await loadOrCreateKeyRecord(db)).key;

describe('loadOrCreateKeyRecord', () => {
  it('creates a non-extractable AES-GCM key once and then returns the stored one', async () => {
    const db = await openTestDb();
    const key = await loadKey(db);
    expect(key.extractable).toBe(false);
    expect(key.algorithm).toMatchObject({ name: 'AES-GCM', length: 256 });
    const sealed = await seal(key, ID, 'result', PLAINTEXT);
    expect(await open(await loadKey(db), ID, 'result', sealed)).toEqual(PLAINTEXT);
  });

  it('survives a reopen of the database (the key is stored, not kept in memory)', async () => {
    const name = `crypto-test-${crypto.randomUUID()}`;
    const first = await openTestDb(name);
    const sealed = await seal(await loadKey(first), ID, 'input', PLAINTEXT);
    first.close();
    expect(await open(await loadKey(await openTestDb(name)), ID, 'input', sealed)).toEqual(PLAINTEXT);
  });

  it('gives two realms creating the key at once the same key', async () => {
    const name = `crypto-test-${crypto.randomUUID()}`;
    const [one, two] = await Promise.all([openTestDb(name), openTestDb(name)]);
    const [keyOne, keyTwo] = await Promise.all([loadKey(one), loadKey(two)]);
    const sealed = await seal(keyOne, ID, 'input', PLAINTEXT);
    expect(await open(keyTwo, ID, 'input', sealed)).toEqual(PLAINTEXT);
  });
});

describe('newKeyRecord', () => {
  it('makes a key record with a fresh generation each time', async () => {
    const [one, two] = await Promise.all([newKeyRecord(), newKeyRecord()]);
    expect(one.name).toBe('encryptionKey');
    expect(one.key.extractable).toBe(false);
    expect(one.generation).toBeTruthy();
    expect(one.generation).not.toBe(two.generation);
  });

  it('is stored by loadOrCreateKeyRecord with its generation, once', async () => {
    const db = await openTestDb();
    const created = await loadOrCreateKeyRecord(db);
    expect((await loadOrCreateKeyRecord(db)).generation).toBe(created.generation);
  });
});

describe('openStored', () => {
  it('opens a sealed payload under the stored key record', async () => {
    const record = await newKeyRecord();
    const sealed = await seal(record.key, ID, 'result', PLAINTEXT);
    expect(await openStored(record, ID, 'result', sealed)).toEqual(PLAINTEXT);
  });

  it('answers null, without throwing, for a missing payload or a missing key', async () => {
    const record = await newKeyRecord();
    const sealed = await seal(record.key, ID, 'result', PLAINTEXT);
    expect(await openStored(record, ID, 'result', undefined)).toBeNull();
    expect(await openStored(undefined, ID, 'result', sealed)).toBeNull();
    expect(await openStored({ name: 'apiKeys', key1: 'a', key2: 'b' }, ID, 'result', sealed)).toBeNull();
  });

  it('answers null, without throwing, for a payload moved, tampered with or sealed under another key', async () => {
    const record = await newKeyRecord();
    const sealed = await seal(record.key, ID, 'result', PLAINTEXT);
    const tampered = new Uint8Array(sealed.ciphertext.slice(0));
    tampered[tampered.length - 1]! ^= 0x01;
    expect(await openStored(record, crypto.randomUUID(), 'result', sealed)).toBeNull();
    expect(await openStored(record, ID, 'input', sealed)).toBeNull();
    expect(await openStored(record, ID, 'result', { iv: sealed.iv, ciphertext: tampered.buffer })).toBeNull();
    expect(await openStored(await newKeyRecord(), ID, 'result', sealed)).toBeNull();
  });
});
