import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ReadApiError } from '../../../../src/read-api/errors';
import type { JobStore } from '../../../../src/jobs/job-store';
import { closeTestStores, newJob, openTestStore, sampleResult, type ManualClock } from '../../helpers/job-store';
import { fetchApi, errorCodeOf, keysOf, operationResultOf } from '../../helpers/sw-context';

const ISO_UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;

let store: JobStore;
let clock: ManualClock;

beforeEach(async () => {
  ({ store, clock } = await openTestStore());
});

afterEach(() => closeTestStores());

async function get(id: string, key: string | null, origin = 'https://localread.test') {
  const headers: Record<string, string> = key === null ? {} : { 'Ocp-Apim-Subscription-Key': key };
  return fetchApi(store, `${origin}/vision/v3.2/read/analyzeResults/${id}`, { headers });
}

const resultOf = operationResultOf;

describe('GET /vision/v3.2/read/analyzeResults/{id}', () => {
  it('answers a waiting operation with only status and ISO 8601 UTC times', async () => {
    const { key1 } = await keysOf(store);
    const job = await store.create(newJob());
    const body = await resultOf(await get(job.id, key1));
    expect(body).toEqual({ status: 'notStarted', createdDateTime: expect.stringMatching(ISO_UTC), lastUpdatedDateTime: expect.stringMatching(ISO_UTC) });
    expect(body.createdDateTime).toBe(new Date(clock.now).toISOString());
  });

  it('answers a running operation, with progress as an extension field', async () => {
    const { key1 } = await keysOf(store);
    const job = await store.create(newJob());
    await store.claimNext('engine', 30_000);
    await store.recordProgress(job.id, 'engine', 1, 3);
    const body = await resultOf(await get(job.id, key1));
    expect(body.status).toBe('running');
    expect(body.progress).toEqual({ pagesDone: 1, pagesTotal: 3 });
  });

  it('answers a succeeded operation with its analyzeResult, version and modelVersion', async () => {
    const { key1 } = await keysOf(store);
    const job = await store.create(newJob());
    await store.claimNext('engine', 30_000);
    clock.advance(1500);
    await store.complete(job.id, 'engine', sampleResult('Hello'));
    const body = await resultOf(await get(job.id, key1));
    expect(body).toMatchObject({ status: 'succeeded', analyzeResult: { version: '3.2.0', modelVersion: '2022-04-30' } });
    expect(Date.parse(body.lastUpdatedDateTime) - Date.parse(body.createdDateTime)).toBe(1500);
  });

  it('answers a succeeded operation byte for byte as JSON.stringify of the whole body, as JSON', async () => {
    const { key1 } = await keysOf(store);
    const job = await store.create(newJob());
    await store.claimNext('engine', 30_000);
    const result = sampleResult('Grüße, "quoted" \\ text');
    await store.complete(job.id, 'engine', result);
    const answer = await get(job.id, key1);
    const stored = await store.get(job.id);
    const expected = { status: 'succeeded', createdDateTime: new Date(stored!.record.createdAt).toISOString(), lastUpdatedDateTime: new Date(stored!.record.updatedAt).toISOString(), analyzeResult: result };
    expect(answer.headers.get('Content-Type')).toBe('application/json; charset=utf-8');
    expect(await answer.text()).toBe(JSON.stringify(expected));
  });

  it('answers a failed operation as failed, every time', async () => {
    const { key1 } = await keysOf(store);
    const job = await store.create(newJob());
    await store.claimNext('engine', 30_000);
    await store.fail(job.id, 'engine', new ReadApiError('InvalidImageFormat', 'bad'));
    for (let i = 0; i < 2; i += 1) {
      const body = await resultOf(await get(job.id, key1));
      expect(body.status).toBe('failed');
      expect(body.error).toEqual({ code: 'InvalidImageFormat', message: 'bad' });
    }
  });

  it('lets either valid key read any operation', async () => {
    const { key2 } = await keysOf(store);
    const job = await store.create(newJob({ keyId: 'key1' }));
    expect((await resultOf(await get(job.id, key2))).status).toBe('notStarted');
  });

  it('stops accepting a key the moment it is regenerated, and accepts the new one', async () => {
    const { key1: old } = await keysOf(store);
    const job = await store.create(newJob());
    const { key1: fresh } = await store.regenerateApiKey('key1');
    const refused = await get(job.id, old);
    expect(refused.status).toBe(401);
    expect(await errorCodeOf(refused)).toBe('401');
    expect((await get(job.id, fresh)).status).toBe(200);
  });

  it.each([
    ['an unknown id', '00000000-0000-4000-8000-000000000000'],
    ['an id that is not a UUID', 'not-an-id'],
  ])('answers 404 NotFound for %s', async (_name, id) => {
    const { key1 } = await keysOf(store);
    const answer = await get(id, key1);
    expect(answer.status).toBe(404);
    expect(await errorCodeOf(answer)).toBe('NotFound');
  });

  it('answers 404 for a deleted operation', async () => {
    const { key1 } = await keysOf(store);
    const job = await store.create(newJob());
    await store.delete(job.id);
    expect(await errorCodeOf(await get(job.id, key1))).toBe('NotFound');
  });

  it('answers 404 once an operation has outlived the retention window', async () => {
    const { key1 } = await keysOf(store);
    const job = await store.create(newJob());
    clock.advance(24 * 60 * 60 * 1000);
    expect((await get(job.id, key1)).status).toBe(404);
  });

  it('answers Azure\'s 401 before saying whether an operation exists', async () => {
    const job = await store.create(newJob());
    for (const id of [job.id, '00000000-0000-4000-8000-000000000000']) {
      const answer = await get(id, 'wrong');
      expect(answer.status).toBe(401);
      expect(await errorCodeOf(answer)).toBe('401');
    }
  });
});
