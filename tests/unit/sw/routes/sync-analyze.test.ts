import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ClaimLoop } from '../../../../src/engine/claim-loop';
import type { JobStore } from '../../../../src/jobs/job-store';
import { ReadApiError } from '../../../../src/read-api/errors';
import type { AnalyzeResult } from '../../../../src/read-api/types';
import { closeTestStores, openTestStore, sampleResult } from '../../helpers/job-store';
import { readFixture } from '../../helpers/fixtures';
import { APP_ORIGIN, errorCodeOf, fetchApi, jsonOf, keysOf, operationResultOf, routed } from '../../helpers/sw-context';

const PNG = readFixture('real-testocr.png');
const PATH = '/vision/v3.2/read/syncAnalyze';

let store: JobStore;
let key: string;
let loop: ClaimLoop;
let running: Promise<void>;
let run: () => Promise<AnalyzeResult>;

beforeEach(async () => {
  ({ store } = await openTestStore());
  ({ key1: key } = await keysOf(store));
  vi.stubGlobal('location', { origin: APP_ORIGIN });
  run = async () => sampleResult('synchronous');
  loop = new ClaimLoop({ store, run: () => run(), concurrency: 1, pollMs: 60_000 });
  running = loop.run();
});

afterEach(async () => {
  loop.stop();
  await running;
  vi.unstubAllGlobals();
  closeTestStores();
});

const post = (query = '', body: BodyInit = PNG, sent: string | null = key) =>
  fetchApi(store, `${PATH}${query}`, { method: 'POST', headers: sent ? { 'Ocp-Apim-Subscription-Key': sent, 'Content-Type': 'application/octet-stream' } : {}, body });

describe('POST /vision/v3.2/read/syncAnalyze', () => {
  it('answers 200 with the whole ReadOperationResult and keeps nothing', async () => {
    const answer = await post('?readingOrder=natural');
    const body = await operationResultOf(answer);
    expect(body.status).toBe('succeeded');
    expect(body.analyzeResult?.readResults[0]?.lines[0]?.text).toBe('synchronous');
    expect(answer.headers.get('Operation-Location')).toBeNull();
    expect((await store.inventory()).operations).toEqual([]);
  });

  it('validates like read/analyze: key, query, body', async () => {
    expect(await errorCodeOf(await post('', PNG, null))).toBe('401');
    expect(await errorCodeOf(await post('?readingOrder=sideways'))).toBe('InvalidReadingOrder');
    expect(await errorCodeOf(await post('', 'not an image'))).toBe('InvalidImageFormat');
  });

  it('answers a document the engine could not read with {"status": "Failed"} and the reason', async () => {
    run = async () => {
      throw new ReadApiError('InvalidImageFormat', 'The PNG is truncated.');
    };
    const answer = await post();
    expect(answer.status).toBe(400);
    expect(await jsonOf(answer)).toEqual({ status: 'Failed', error: { code: 'InvalidImageFormat', message: 'The PNG is truncated.' } });
    expect((await store.inventory()).operations).toEqual([]);
  });

  it("is not served for Azure's cloud hosts, which have no such call", async () => {
    const answer = await routed(store, `https://my-resource.cognitiveservices.azure.com${PATH}`, { method: 'POST', headers: { 'Ocp-Apim-Subscription-Key': key }, body: PNG });
    expect(answer?.status).toBe(404);
  });
});
