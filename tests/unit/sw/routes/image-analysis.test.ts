import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ClaimLoop } from '../../../../src/engine/claim-loop';
import type { JobStore } from '../../../../src/jobs/job-store';
import { ReadApiError } from '../../../../src/read-api/errors';
import type { AnalyzeResult } from '../../../../src/read-api/types';
import { closeTestStores, openTestStore, sampleResult } from '../../helpers/job-store';
import { readFixture } from '../../helpers/fixtures';
import { APP_ORIGIN, fetchApi, jsonOf, keysOf } from '../../helpers/sw-context';
import { assertImageAnalysisError, assertImageAnalysisResult } from '../../../support/image-analysis-schema';

const PNG = readFixture('real-testocr.png');
const PATH = '/computervision/imageanalysis:analyze';

let store: JobStore;
let key: string;
let loop: ClaimLoop;
let running: Promise<void>;
let run: () => Promise<AnalyzeResult>;

beforeEach(async () => {
  ({ store } = await openTestStore());
  ({ key1: key } = await keysOf(store));
  vi.stubGlobal('location', { origin: APP_ORIGIN });
  run = async () => sampleResult('Sample');
  loop = new ClaimLoop({ store, run: () => run(), concurrency: 1, pollMs: 60_000 });
  running = loop.run();
});

afterEach(async () => {
  loop.stop();
  await running;
  vi.unstubAllGlobals();
  closeTestStores();
});

function analyze({ query = '?api-version=2024-02-01&features=read', body = PNG as BodyInit, type = 'application/octet-stream', sent = key as string | null, origin = APP_ORIGIN } = {}) {
  const headers: Record<string, string> = { 'Content-Type': type };
  if (sent !== null) headers['Ocp-Apim-Subscription-Key'] = sent;
  return fetchApi(store, `${origin}${PATH}${query}`, { method: 'POST', headers, body });
}

async function errorOf(response: Response) {
  const body = (await jsonOf(response)) as { error: { code: string; innererror?: { code: string } } };
  assertImageAnalysisError(body);
  expect(response.headers.get('x-ms-error-code')).toBe(body.error.code);
  return { status: response.status, code: body.error.code, inner: body.error.innererror?.code };
}

describe('POST /computervision/imageanalysis:analyze', () => {
  it('answers 200 with the read result in the spec shape, and keeps nothing', async () => {
    const answer = await analyze();
    expect(answer.status).toBe(200);
    const body = await jsonOf(answer);
    assertImageAnalysisResult(body);
    expect(body).toMatchObject({ modelVersion: '2023-10-01', metadata: { width: 60, height: 60 } });
    expect((body as { readResult: { blocks: Array<{ lines: Array<{ text: string }> }> } }).readResult.blocks[0]!.lines[0]!.text).toBe('Sample');
    expect(answer.headers.get('Access-Control-Expose-Headers')).toContain('x-ms-error-code');
    expect((await store.inventory()).operations).toEqual([]);
  });

  it('is answered for an Azure host too, and under the 2023-10-01 version', async () => {
    const answer = await analyze({ origin: 'https://my-resource.cognitiveservices.azure.com', query: '?api-version=2023-10-01&features=Read' });
    expect(answer.status).toBe(200);
  });

  it("answers a missing key with the gateway's 401 in this API's shape, before looking at the query", async () => {
    expect(await errorOf(await analyze({ sent: null, query: '?features=caption' }))).toEqual({ status: 401, code: '401', inner: undefined });
  });

  it('refuses the query as the service does', async () => {
    expect(await errorOf(await analyze({ query: '?api-version=2024-02-01&features=caption' }))).toMatchObject({ status: 400, code: 'InvalidRequest' });
    expect(await errorOf(await analyze({ query: '?api-version=2024-02-01' }))).toMatchObject({ status: 400, code: 'InvalidRequest' });
    expect(await errorOf(await analyze({ query: '?api-version=2022-10-12-preview&features=read' }))).toMatchObject({ status: 404, code: '404' });
  });

  it('refuses a bad image, an unknown media type and a URL that fails, with the inner code', async () => {
    expect(await errorOf(await analyze({ body: 'not an image' }))).toEqual({ status: 400, code: 'InvalidRequest', inner: 'InvalidImageFormat' });
    expect(await errorOf(await analyze({ type: 'text/plain' }))).toEqual({ status: 400, code: 'InvalidRequest', inner: undefined });
    vi.stubGlobal('fetch', async () => new Response('gone', { status: 404 }));
    const url = await analyze({ type: 'application/json', body: JSON.stringify({ url: 'https://example.test/a.png' }) });
    expect(await errorOf(url)).toEqual({ status: 400, code: 'InvalidRequest', inner: 'InvalidImageUrl' });
  });

  it('takes the first file of a multipart form', async () => {
    const form = new FormData();
    form.append('note', 'text first');
    form.append('image', new Blob([PNG], { type: 'image/png' }), 'a.png');
    const answer = await fetchApi(store, `${PATH}?api-version=2024-02-01&features=read`, {
      method: 'POST',
      headers: { 'Ocp-Apim-Subscription-Key': key },
      body: form,
    });
    expect(answer.status).toBe(200);
  });

  it("answers an image the engine could not read with the engine's reason inside", async () => {
    run = async () => {
      throw new ReadApiError('InvalidImageFormat', 'The PNG is truncated.');
    };
    expect(await errorOf(await analyze())).toEqual({ status: 400, code: 'InvalidRequest', inner: 'InvalidImageFormat' });
    expect((await store.inventory()).operations).toEqual([]);
  });
});
