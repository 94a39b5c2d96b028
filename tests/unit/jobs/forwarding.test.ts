/**
 * The user's Azure keys for forwarding: kept per host, sealed at rest, shown masked, readable in
 * clear only by `keyFor`, and destroyed with everything else.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { IDBPDatabase } from 'idb';
import type { JobDb } from '../../../src/jobs/db';
import { closeTestStores, openTestStore } from '../helpers/job-store';

const HOST = 'myres.cognitiveservices.azure.com';
const OTHER = 'westeurope.api.cognitive.microsoft.com';
const KEY = 'f00dfeed0123456789abcdefc0ffee42';
const OTHER_KEY = 'B'.repeat(84);

afterEach(() => closeTestStores());

/** Everything stored in `meta`, as text: where a key in clear would show. */
async function rawMeta(db: IDBPDatabase<JobDb>): Promise<string> {
  const records = await db.getAll('meta');
  return JSON.stringify(records, (_name, value: unknown) =>
    value instanceof ArrayBuffer || ArrayBuffer.isView(value) ? new TextDecoder().decode(value as ArrayBuffer) : value,
  );
}

describe('ForwardingKeys', () => {
  it('keeps a key per host and answers it in clear only to keyFor', async () => {
    const { store } = await openTestStore();
    expect(await store.forwarding.keyFor(HOST)).toBeNull();
    const entry = await store.forwarding.put(HOST, KEY);
    expect(entry).toEqual({ host: HOST, maskedKey: `${'•'.repeat(28)}ee42`, addedAt: store.now() });
    await store.forwarding.put(OTHER, OTHER_KEY);
    expect(await store.forwarding.keyFor(HOST)).toBe(KEY);
    expect(await store.forwarding.keyFor(OTHER)).toBe(OTHER_KEY);
    expect(await store.forwarding.keyFor('notnamed.cognitiveservices.azure.com')).toBeNull();
    const listed = await store.forwarding.list();
    expect(listed.map(({ host }) => host)).toEqual([HOST, OTHER]);
    expect(JSON.stringify(listed)).not.toContain(KEY);
    expect(JSON.stringify(listed)).not.toContain(OTHER_KEY);
  });

  it('stores the key sealed: no trace of it in clear in the database', async () => {
    const { store, db } = await openTestStore();
    await store.forwarding.put(HOST, KEY);
    const raw = await rawMeta(db);
    expect(raw).toContain(HOST);
    expect(raw).not.toContain(KEY);
    expect(raw).not.toContain(KEY.slice(0, 12));
  });

  it('replaces the key of a host named again, keeping when it was first added', async () => {
    const { store, clock } = await openTestStore();
    await store.forwarding.put(HOST, KEY);
    const addedAt = store.now();
    clock.advance(60_000);
    expect(await store.forwarding.put(HOST, OTHER_KEY)).toMatchObject({ addedAt });
    expect(await store.forwarding.keyFor(HOST)).toBe(OTHER_KEY);
    expect(await store.forwarding.list()).toHaveLength(1);
  });

  it('removes a host and its key; false for a host not forwarded', async () => {
    const { store, db } = await openTestStore();
    await store.forwarding.put(HOST, KEY);
    await store.forwarding.put(OTHER, OTHER_KEY);
    expect(await store.forwarding.remove(HOST)).toBe(true);
    expect(await store.forwarding.remove(HOST)).toBe(false);
    expect(await store.forwarding.keyFor(HOST)).toBeNull();
    expect(await store.forwarding.keyFor(OTHER)).toBe(OTHER_KEY);
    expect(await rawMeta(db)).not.toContain(HOST);
  });

  it('is destroyed by "delete everything": the record is gone and its sealing key replaced', async () => {
    const { store, db } = await openTestStore();
    await store.forwarding.put(HOST, KEY);
    const before = await db.get('meta', 'forwarding');
    await store.deleteAll();
    expect(await db.get('meta', 'forwarding')).toBeUndefined();
    expect(await store.forwarding.list()).toEqual([]);
    expect(await store.forwarding.keyFor(HOST)).toBeNull();
    // A copy of the old record, put back, no longer opens under the new key.
    await db.put('meta', before!);
    expect(await store.forwarding.keyFor(HOST)).toBeNull();
    expect(await store.forwarding.list()).toEqual([]);
  });

  it('does not open a key moved to another host (the host is bound into its ciphertext)', async () => {
    const { store, db } = await openTestStore();
    await store.forwarding.put(HOST, KEY);
    const record = await db.get('meta', 'forwarding');
    if (record?.name !== 'forwarding') throw new Error('no forwarding record');
    await db.put('meta', { name: 'forwarding', hosts: [{ ...record.hosts[0]!, host: OTHER }] });
    expect(await store.forwarding.keyFor(OTHER)).toBeNull();
  });

  it('is seen at once by another realm\'s store on the same database', async () => {
    const { store, clock, dbName } = await openTestStore();
    const { store: serviceWorker } = await openTestStore(clock, { dbName });
    await store.forwarding.put(HOST, KEY);
    expect(await serviceWorker.forwarding.keyFor(HOST)).toBe(KEY);
    await store.forwarding.remove(HOST);
    expect(await serviceWorker.forwarding.keyFor(HOST)).toBeNull();
  });
});
