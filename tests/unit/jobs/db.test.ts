import { afterEach, describe, expect, it } from 'vitest';
import type { IDBPDatabase } from 'idb';
import { JobDbError, openJobDb, type JobDb } from '../../../src/jobs/db';
import { DATABASE_CHANNEL, JOB_DB_VERSION, type DatabaseNotice } from '../../../src/read-api/realm-messages';

const open: Array<IDBPDatabase<JobDb> | IDBDatabase> = [];
const channels: BroadcastChannel[] = [];

afterEach(() => {
  for (const db of open.splice(0)) db.close();
  for (const channel of channels.splice(0)) channel.close();
});

function dbName(): string {
  return `localread-db-test-${crypto.randomUUID()}`;
}

/** The notices posted on the database channel from now on. */
function notices(): DatabaseNotice[] {
  const seen: DatabaseNotice[] = [];
  const channel = new BroadcastChannel(DATABASE_CHANNEL);
  channel.onmessage = (event: MessageEvent<DatabaseNotice>) => seen.push(event.data);
  channels.push(channel);
  return seen;
}

/** A raw connection with no `versionchange` handler, like a tab of a version before the handlers. */
function openRaw(name: string, version: number): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(name, version);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('open failed'));
  });
}

async function until(condition: () => boolean): Promise<void> {
  for (let i = 0; i < 200 && !condition(); i++) await new Promise((resolve) => setTimeout(resolve, 5));
}

describe('openJobDb', () => {
  it('closes its connection when a newer version asks, so the upgrade goes through, and says so', async () => {
    const name = dbName();
    const seen = notices();
    const old = await openJobDb(name);
    const newer = await openRaw(name, JOB_DB_VERSION + 1);
    open.push(newer);
    expect(newer.version).toBe(JOB_DB_VERSION + 1);
    // The old connection is closed: it can no longer start a transaction.
    expect(() => old.transaction('meta')).toThrow();
    await until(() => seen.length > 0);
    expect(seen).toEqual([{ type: 'yielded', newVersion: JOB_DB_VERSION + 1 }]);
  });

  it('rejects with JobDbError blocked when an older connection does not close, instead of waiting for ever', async () => {
    const name = dbName();
    const seen = notices();
    const holder = await openRaw(name, 1);
    open.push(holder);
    const error = await openJobDb(name, { version: 2, blockedGraceMs: 10 }).catch((reason: unknown) => reason);
    expect(error).toBeInstanceOf(JobDbError);
    expect(error).toMatchObject({ name: 'JobDbError', code: 'blocked', message: expect.stringMatching(/Close the other localread tabs/) });
    await until(() => seen.length > 0);
    expect(seen).toEqual([{ type: 'blocked', version: 2 }]);
  });

  it('opens when the blocking connection closes within the grace period', async () => {
    const name = dbName();
    const holder = await openRaw(name, 1);
    holder.onversionchange = () => setTimeout(() => holder.close(), 20);
    const db = await openJobDb(name, { version: 2, blockedGraceMs: 2_000 });
    open.push(db);
    expect(db.version).toBe(2);
  });

  it('closes an open that succeeds after it gave up, so it does not hold the database', async () => {
    const name = dbName();
    const holder = await openRaw(name, 1);
    await expect(openJobDb(name, { version: 2, blockedGraceMs: 10 })).rejects.toMatchObject({ code: 'blocked' });
    holder.close();
    // The late open goes through and is closed at once: a third version is not blocked by it.
    const third = await openJobDb(name, { version: 3, blockedGraceMs: 10 });
    open.push(third);
    expect(third.version).toBe(3);
  });

  it('rejects with JobDbError newer-version when the database is newer than this code', async () => {
    const name = dbName();
    open.push(await openRaw(name, JOB_DB_VERSION + 1));
    for (const db of open.splice(0)) db.close();
    await expect(openJobDb(name)).rejects.toMatchObject({ name: 'JobDbError', code: 'newer-version', message: expect.stringMatching(/Reload this tab/) });
  });
});
