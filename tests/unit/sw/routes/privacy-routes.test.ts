/**
 * The privacy extension endpoints, called in-process: GET /localread/v1/storage, GET and DELETE
 * /localread/v1/operations, DELETE /localread/v1/operations/{id}. Each needs a currently valid key.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { IDBPDatabase } from 'idb';
import type { JobDb } from '../../../../src/jobs/db';
import type { JobStore } from '../../../../src/jobs/job-store';
import type { OperationsInfo, StorageInfo } from '../../../../src/read-api/extensions';
import { closeTestStores, newJob, openTestStore, sampleResult, type ManualClock } from '../../helpers/job-store';
import { fetchApi, errorCodeOf, jsonOf, keysOf } from '../../helpers/sw-context';

const HOUR = 60 * 60 * 1000;

let store: JobStore;
let db: IDBPDatabase<JobDb>;
let clock: ManualClock;
let key: string;

beforeEach(async () => {
  ({ store, db, clock } = await openTestStore());
  ({ key1: key } = await keysOf(store));
});

afterEach(() => {
  vi.restoreAllMocks();
  closeTestStores();
});

function call(path: string, method: string, sent: string | null = key): Promise<Response> {
  const headers: Record<string, string> = sent === null ? {} : { 'Ocp-Apim-Subscription-Key': sent };
  return fetchApi(store, path, { method, headers });
}

async function succeeded(): Promise<string> {
  const job = newJob();
  await store.create(job);
  await store.claimNext('engine-1', 30_000);
  await store.complete(job.id, 'engine-1', sampleResult());
  return job.id;
}

const ENDPOINTS: Array<[string, string, string]> = [
  ['GET /localread/v1/storage', '/localread/v1/storage', 'GET'],
  ['GET /localread/v1/operations', '/localread/v1/operations', 'GET'],
  ['DELETE /localread/v1/operations', '/localread/v1/operations', 'DELETE'],
  ['DELETE /localread/v1/operations/{id}', `/localread/v1/operations/${crypto.randomUUID()}`, 'DELETE'],
];

describe.each(ENDPOINTS)('%s', (_name, path, method) => {
  it('answers Azure\'s 401 without a key or with a wrong one, and deletes nothing', async () => {
    const id = await succeeded();
    for (const sent of [null, 'not-a-key', `${key}x`]) {
      const answer = await call(path, method, sent);
      expect(answer.status).toBe(401);
      expect(await errorCodeOf(answer)).toBe('401');
    }
    expect(await db.get('operations', id)).toBeDefined();
  });

  it('refuses a key that was valid before it was regenerated', async () => {
    await store.regenerateApiKey('key1');
    expect((await call(path, method, key)).status).toBe(401);
  });
});

describe('GET /localread/v1/storage', () => {
  it('sweeps first, then answers count, bytes, soonest expiry and the window', async () => {
    await store.updateSettings({ retentionMs: 2 * HOUR });
    await succeeded();
    clock.advance(HOUR);
    const recent = newJob();
    await store.create(recent);
    clock.advance(HOUR);
    const answer = await call('/localread/v1/storage', 'GET');
    expect(answer.status).toBe(200);
    const body = (await jsonOf(answer)) as StorageInfo;
    expect(body).toMatchObject({
      count: 1,
      retentionMs: 2 * HOUR,
      oldestExpirationDateTime: new Date(clock.now + HOUR).toISOString(),
    });
    expect(body.bytes).toBe((await store.inventory()).bytes);
    expect(body.bytes).toBeGreaterThan(recent.input.byteLength);
  });

  it('answers no expiry when nothing is stored', async () => {
    const body = (await jsonOf(await call('/localread/v1/storage', 'GET'))) as StorageInfo;
    expect(body).toMatchObject({ count: 0, bytes: 0, oldestExpirationDateTime: null });
  });
});

describe('GET /localread/v1/operations', () => {
  it('lists metadata only, oldest first, with each expiry', async () => {
    const first = await succeeded();
    clock.advance(1000);
    const second = newJob();
    await store.create(second);
    const body = (await jsonOf(await call('/localread/v1/operations', 'GET'))) as OperationsInfo;
    expect(body.operations.map(({ id, status }) => [id, status])).toEqual([
      [first, 'succeeded'],
      [second.id, 'notStarted'],
    ]);
    expect(body.operations[1]).toEqual({
      id: second.id,
      status: 'notStarted',
      createdDateTime: new Date(clock.now).toISOString(),
      expirationDateTime: new Date(clock.now + 24 * HOUR).toISOString(),
      bytes: expect.any(Number),
    });
    expect(JSON.stringify(body)).not.toContain('PLAINTEXT');
  });
});

describe('DELETE /localread/v1/operations/{id}', () => {
  it('answers 204 and the operation answers 404 from then on', async () => {
    const id = await succeeded();
    const answer = await call(`/localread/v1/operations/${id}`, 'DELETE');
    expect(answer.status).toBe(204);
    expect(await answer.text()).toBe('');
    expect(answer.headers.get('apim-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    const read = await call(`/vision/v3.2/read/analyzeResults/${id}`, 'GET');
    expect(read.status).toBe(404);
    expect(await db.count('payloads')).toBe(0);
  });

  it('answers 404 NotFound for an unknown, deleted or expired operation', async () => {
    const id = await succeeded();
    await call(`/localread/v1/operations/${id}`, 'DELETE');
    const expired = newJob();
    await store.create(expired);
    clock.advance(24 * HOUR);
    for (const target of [crypto.randomUUID(), id, expired.id]) {
      const answer = await call(`/localread/v1/operations/${target}`, 'DELETE');
      expect(answer.status).toBe(404);
      expect(await errorCodeOf(answer)).toBe('NotFound');
    }
  });
});

describe('DELETE /localread/v1/operations', () => {
  it('deletes every operation, replaces the key, and answers how many', async () => {
    const ids = [await succeeded(), await succeeded()];
    const generation = async () => {
      const record = await db.get('meta', 'encryptionKey');
      return record?.name === 'encryptionKey' ? record.generation : undefined;
    };
    const before = await generation();
    const answer = await call('/localread/v1/operations', 'DELETE');
    expect(answer.status).toBe(200);
    expect(await jsonOf(answer)).toEqual({ deleted: 2, keyReplaced: true });
    const after = await generation();
    expect(after).toEqual(expect.any(String));
    expect(after).not.toBe(before);
    for (const id of ids) expect((await call(`/vision/v3.2/read/analyzeResults/${id}`, 'GET')).status).toBe(404);
  });
});

describe('the API keys', () => {
  it('are never written to the console, valid or not', async () => {
    const spies = (['log', 'info', 'warn', 'error', 'debug'] as const).map((level) => vi.spyOn(console, level));
    const id = await succeeded();
    const wrong = 'f'.repeat(32);
    for (const sent of [key, wrong]) {
      for (const [, path, method] of ENDPOINTS) await call(path, method, sent);
      await call(`/vision/v3.2/read/analyzeResults/${id}`, 'GET', sent);
    }
    const logged = JSON.stringify(spies.flatMap((spy) => spy.mock.calls));
    expect(logged).not.toContain(key);
    expect(logged).not.toContain(wrong);
  });
});
