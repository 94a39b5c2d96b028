import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseSettingsPatch } from '../../../../src/sw/routes/settings';
import { ReadApiError } from '../../../../src/read-api/errors';
import type { JobStore } from '../../../../src/jobs/job-store';
import { closeTestStores, openTestStore } from '../../helpers/job-store';
import { fetchApi, errorCodeOf, jsonOf } from '../../helpers/sw-context';

const DAY = 24 * 60 * 60 * 1000;

let store: JobStore;

beforeEach(async () => {
  ({ store } = await openTestStore());
});

afterEach(() => closeTestStores());

const read = () => fetchApi(store, '/localread/v1/settings');
const patch = (body: string, type = 'application/json') =>
  fetchApi(store, '/localread/v1/settings', { method: 'PATCH', headers: { 'Content-Type': type }, body });

const DEFAULTS = { answerAzureHosts: true, retentionMs: DAY, secondEngine: true };

describe('GET /localread/v1/settings', () => {
  it('answers the defaults: Azure hosts answered here, 24 h retention, the second engine on', async () => {
    expect(await jsonOf(await read())).toEqual(DEFAULTS);
  });

  it('answers the retention window the store enforces, as GET /localread/v1/storage does', async () => {
    const { store: capped } = await openTestStore(undefined, { retentionMs: 60_000 });
    const key = (await capped.apiKeys()).key1;
    const storage = await jsonOf(await fetchApi(capped, '/localread/v1/storage', { headers: { 'Ocp-Apim-Subscription-Key': key } }));
    const settings = await jsonOf(await fetchApi(capped, '/localread/v1/settings'));
    expect(settings).toMatchObject({ retentionMs: 60_000 });
    expect(storage).toMatchObject({ retentionMs: 60_000 });
  });
});

describe('PATCH /localread/v1/settings', () => {
  it('changes answerAzureHosts, keeps it, and answers every setting', async () => {
    const answer = await patch('{"answerAzureHosts": false}');
    expect(answer.status).toBe(200);
    expect(await jsonOf(answer)).toEqual({ ...DEFAULTS, answerAzureHosts: false });
    expect(await jsonOf(await read())).toEqual({ ...DEFAULTS, answerAzureHosts: false });
  });

  it('turns the second engine off and on again, and keeps the other settings', async () => {
    expect(await jsonOf(await patch('{"secondEngine": false}'))).toEqual({ ...DEFAULTS, secondEngine: false });
    expect(await jsonOf(await read())).toEqual({ ...DEFAULTS, secondEngine: false });
    expect((await store.settings()).secondEngine).toBe(false);
    expect(await jsonOf(await patch('{"secondEngine": true}'))).toEqual(DEFAULTS);
  });

  it('changes the retention window within its bounds', async () => {
    expect(await jsonOf(await patch('{"retentionMs": 3600000}'))).toEqual({ ...DEFAULTS, retentionMs: 3_600_000 });
  });

  it.each([
    ['a non-boolean answerAzureHosts', '{"answerAzureHosts": "no"}'],
    ['a non-boolean secondEngine', '{"secondEngine": 0}'],
    ['a null secondEngine', '{"secondEngine": null}'],
    ['a valid setting beside an invalid one', '{"answerAzureHosts": false, "secondEngine": "off"}'],
    ['a retention over 24 h', `{"retentionMs": ${DAY + 1}}`],
    ['an unknown setting', '{"colour": "blue"}'],
    ['an array', '[]'],
  ])('answers 400 BadArgument for %s and changes nothing', async (_name, body) => {
    const answer = await patch(body);
    expect(answer.status).toBe(400);
    expect(await errorCodeOf(answer)).toBe('BadArgument');
    expect(await jsonOf(await read())).toEqual(DEFAULTS);
  });

  it('answers 400 InvalidRequest for a body that is not JSON', async () => {
    expect(await errorCodeOf(await patch('{'))).toBe('InvalidRequest');
  });

  it('answers 415 for a body that is not sent as JSON', async () => {
    const answer = await patch('{"answerAzureHosts": false}', 'text/plain');
    expect(answer.status).toBe(415);
    expect(await errorCodeOf(answer)).toBe('UnsupportedMediaType');
  });
});

describe('parseSettingsPatch', () => {
  it('accepts an empty object as "change nothing"', () => {
    expect(parseSettingsPatch('{}')).toEqual({});
  });

  it('throws ReadApiError for a null body', () => {
    expect(() => parseSettingsPatch('null')).toThrow(ReadApiError);
  });
});
