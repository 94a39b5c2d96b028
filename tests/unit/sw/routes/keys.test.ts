import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { JobStore } from '../../../../src/jobs/job-store';
import type { KeysInfo } from '../../../../src/read-api/extensions';
import { closeTestStores, openTestStore } from '../../helpers/job-store';
import { APP_ORIGIN, fetchApi, errorCodeOf, jsonOf, keysOf } from '../../helpers/sw-context';

let store: JobStore;

beforeEach(async () => {
  ({ store } = await openTestStore());
});

afterEach(() => closeTestStores());

function regenerate(keyId: string, key: string | null) {
  const headers: Record<string, string> = key === null ? {} : { 'Ocp-Apim-Subscription-Key': key };
  return fetchApi(store, `/localread/v1/keys/${keyId}/regenerate`, { method: 'POST', headers });
}

describe('GET /localread/v1/keys', () => {
  it('answers the endpoint and both keys', async () => {
    const body = await jsonOf(await fetchApi(store, '/localread/v1/keys'));
    expect(body).toEqual({ endpoint: APP_ORIGIN, ...(await keysOf(store)) });
  });
});

describe('POST /localread/v1/keys/{key1|key2}/regenerate', () => {
  it('replaces key1 only, authorised by key2, and answers both keys', async () => {
    const before = await keysOf(store);
    const answer = await regenerate('key1', before.key2);
    expect(answer.status).toBe(200);
    const body = (await jsonOf(answer)) as KeysInfo;
    expect(body.key1).toMatch(/^[0-9a-f]{32}$/);
    expect(body.key1).not.toBe(before.key1);
    expect(body.key2).toBe(before.key2);
    expect(body.endpoint).toBe(APP_ORIGIN);
    expect(await keysOf(store)).toEqual({ key1: body.key1, key2: body.key2 });
  });

  it('replaces key2 only, authorised by the key being replaced', async () => {
    const before = await keysOf(store);
    const body = (await jsonOf(await regenerate('key2', before.key2))) as KeysInfo;
    expect(body.key2).not.toBe(before.key2);
    expect(body.key1).toBe(before.key1);
  });

  it('refuses the old value of a regenerated key with Azure\'s 401', async () => {
    const { key1 } = await keysOf(store);
    await regenerate('key1', key1);
    const answer = await regenerate('key2', key1);
    expect(answer.status).toBe(401);
    expect(await errorCodeOf(answer)).toBe('401');
  });

  it.each([
    ['no key', null],
    ['a wrong key', '0'.repeat(32)],
  ])('answers 401 and changes nothing for %s (a cross-site form cannot send the header)', async (_name, key) => {
    const before = await keysOf(store);
    const answer = await regenerate('key1', key);
    expect(answer.status).toBe(401);
    expect(await errorCodeOf(answer)).toBe('401');
    expect(await keysOf(store)).toEqual(before);
  });

  it('answers 404 for a key that does not exist', async () => {
    const { key1 } = await keysOf(store);
    expect(await errorCodeOf(await regenerate('key3', key1))).toBe('NotFound');
  });
});
