import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { getSettings, parseSettingsPatch, patchSettings } from '../../../../src/sw/routes/settings';
import { ReadApiError } from '../../../../src/read-api/errors';
import type { JobStore } from '../../../../src/jobs/job-store';
import { closeTestStores, openTestStore } from '../../helpers/job-store';
import { answerOf, contextFor, errorCodeOf, jsonOf } from '../../helpers/sw-context';

const DAY = 24 * 60 * 60 * 1000;

let store: JobStore;

beforeEach(async () => {
  ({ store } = await openTestStore());
});

afterEach(() => closeTestStores());

const read = () => answerOf(getSettings, contextFor(store, '/localread/v1/settings'));
const patch = (body: string, type = 'application/json') =>
  answerOf(patchSettings, contextFor(store, '/localread/v1/settings', { method: 'PATCH', headers: { 'Content-Type': type }, body }));

describe('GET /localread/v1/settings', () => {
  it('answers the defaults: Azure hosts answered here, 24 h retention', async () => {
    expect(await jsonOf(await read())).toEqual({ answerAzureHosts: true, retentionMs: DAY });
  });
});

describe('PATCH /localread/v1/settings', () => {
  it('changes answerAzureHosts, keeps it, and answers every setting', async () => {
    const answer = await patch('{"answerAzureHosts": false}');
    expect(answer.status).toBe(200);
    expect(await jsonOf(answer)).toEqual({ answerAzureHosts: false, retentionMs: DAY });
    expect(await jsonOf(await read())).toEqual({ answerAzureHosts: false, retentionMs: DAY });
  });

  it('changes the retention window within its bounds', async () => {
    expect(await jsonOf(await patch('{"retentionMs": 3600000}'))).toEqual({ answerAzureHosts: true, retentionMs: 3_600_000 });
  });

  it.each([
    ['a non-boolean answerAzureHosts', '{"answerAzureHosts": "no"}'],
    ['a retention over 24 h', `{"retentionMs": ${DAY + 1}}`],
    ['an unknown setting', '{"colour": "blue"}'],
    ['an array', '[]'],
  ])('answers 400 BadArgument for %s and changes nothing', async (_name, body) => {
    const answer = await patch(body);
    expect(answer.status).toBe(400);
    expect(await errorCodeOf(answer)).toBe('BadArgument');
    expect(await jsonOf(await read())).toEqual({ answerAzureHosts: true, retentionMs: DAY });
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
