import { afterEach, describe, expect, it } from 'vitest';
import type { ApiKeys } from '../../../src/jobs/db';
import { constantTimeEqual, generateKey, loadOrCreateApiKeys, matchKey, regenerateApiKey } from '../../../src/jobs/api-keys';

import { closeTestStores, openTestDb } from '../helpers/job-store';

afterEach(closeTestStores);

const HEX_KEY = /^[0-9a-f]{32}$/;

describe('generateKey', () => {
  it('makes 32 lowercase hex characters, as an Azure resource key', () => {
    for (let i = 0; i < 20; i += 1) expect(generateKey()).toMatch(HEX_KEY);
  });

  it('makes a different key each time', () => {
    const keys = new Set(Array.from({ length: 50 }, generateKey));
    expect(keys.size).toBe(50);
  });
});

describe('loadOrCreateApiKeys', () => {
  it('creates two different 32-hex keys', async () => {
    const keys = await loadOrCreateApiKeys(await openTestDb());
    expect(keys.key1).toMatch(HEX_KEY);
    expect(keys.key2).toMatch(HEX_KEY);
    expect(keys.key1).not.toBe(keys.key2);
  });

  it('returns the same keys on every later call', async () => {
    const db = await openTestDb();
    const first = await loadOrCreateApiKeys(db);
    expect(await loadOrCreateApiKeys(db)).toEqual(first);
  });

  it('gives two realms asking at once the same keys', async () => {
    const name = `keys-test-${crypto.randomUUID()}`;
    const [one, two] = await Promise.all([openTestDb(name), openTestDb(name)]);
    const [a, b] = await Promise.all([loadOrCreateApiKeys(one), loadOrCreateApiKeys(two)]);
    expect(a).toEqual(b);
    expect(await loadOrCreateApiKeys(await openTestDb(name))).toEqual(a);
  });
});

describe('regenerateApiKey', () => {
  it.each(['key1', 'key2'] as const)('replaces %s only, and stores the change', async (keyId) => {
    const db = await openTestDb();
    const before = await loadOrCreateApiKeys(db);
    const after = await regenerateApiKey(db, keyId);
    const other = keyId === 'key1' ? 'key2' : 'key1';
    expect(after[keyId]).toMatch(HEX_KEY);
    expect(after[keyId]).not.toBe(before[keyId]);
    expect(after[other]).toBe(before[other]);
    expect(await loadOrCreateApiKeys(db)).toEqual(after);
    expect(matchKey(after, before[keyId])).toBeNull();
  });

  it('creates the keys first when there are none yet', async () => {
    const keys = await regenerateApiKey(await openTestDb(), 'key2');
    expect(keys.key1).toMatch(HEX_KEY);
    expect(keys.key2).toMatch(HEX_KEY);
  });
});

describe('constantTimeEqual', () => {
  it.each([
    ['', '', true],
    ['abc', 'abc', true],
    ['abc', 'abd', false],
    ['abc', 'ab', false],
    ['ab', 'abc', false],
    ['', 'a', false],
    ['abc', 'ABC', false],
  ])('compares %j and %j as %s', (a, b, equal) => {
    expect(constantTimeEqual(a, b)).toBe(equal);
  });

  it('does not take a string padded with NUL characters for a shorter one', () => {
    expect(constantTimeEqual('abc\u0000', 'abc')).toBe(false);
  });
});

describe('matchKey', () => {
  const keys: ApiKeys = {
    name: 'apiKeys',
    key1: '0123456789abcdef0123456789abcdef',
    key2: 'fedcba9876543210fedcba9876543210',
  };

  it('names key1 and key2', () => {
    expect(matchKey(keys, keys.key1)).toBe('key1');
    expect(matchKey(keys, keys.key2)).toBe('key2');
  });

  it.each([
    ['no key', () => null],
    ['an empty key', () => ''],
    ['a wrong key', () => '0'.repeat(32)],
    ['key1 with its last character changed', () => `${keys.key1.slice(0, -1)}0`],
    ['key1 in upper case', () => keys.key1.toUpperCase()],
    ['key1 with a suffix', () => `${keys.key1}0`],
    ['both keys joined', () => `${keys.key1}${keys.key2}`],
  ])('answers null for %s', (_name, presented) => {
    expect(matchKey(keys, presented())).toBeNull();
  });
});

describe('regenerateApiKey', () => {
  it('replaces only the named key, and keeps the new one', async () => {
    const db = await openTestDb();
    const before = await loadOrCreateApiKeys(db);
    const after = await regenerateApiKey(db, 'key1');
    expect(after.key1).toMatch(HEX_KEY);
    expect(after.key1).not.toBe(before.key1);
    expect(after.key2).toBe(before.key2);
    expect(await loadOrCreateApiKeys(db)).toEqual(after);
  });

  it('makes the old value unmatched at once, and the new one match', async () => {
    const db = await openTestDb();
    const before = await loadOrCreateApiKeys(db);
    const after = await regenerateApiKey(db, 'key2');
    const stored = await loadOrCreateApiKeys(db);
    expect(matchKey(stored, before.key2)).toBeNull();
    expect(matchKey(stored, after.key2)).toBe('key2');
    expect(matchKey(stored, before.key1)).toBe('key1');
  });

  it('creates the keys first when none exist yet', async () => {
    const keys = await regenerateApiKey(await openTestDb(), 'key1');
    expect(keys.key1).toMatch(HEX_KEY);
    expect(keys.key2).toMatch(HEX_KEY);
  });
});
