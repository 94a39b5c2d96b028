import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { JobStore } from '../../../../src/jobs/job-store';
import { closeTestStores, newJob, openTestStore, sampleResult, type ManualClock } from '../../helpers/job-store';
import { pngHeader } from '../../helpers/fixtures';
import { fetchApi, jsonOf, keysOf, routed } from '../../helpers/sw-context';
import { assertAnalyzeOperation, assertDiErrorBody } from '../../../support/di-schema';
import type { AnalyzeOperation, DocumentIntelligenceErrorResponse } from '../../../../src/read-api/document-intelligence/types';

const DI = '/documentintelligence/documentModels';
const VERSION = 'api-version=2024-11-30';

let store: JobStore;
let clock: ManualClock;
let key: string;

beforeEach(async () => {
  ({ store, clock } = await openTestStore());
  key = (await keysOf(store)).key1;
});

afterEach(() => closeTestStores());

function call(url: string, init: RequestInit & { key?: string | null } = {}): Promise<Response> {
  const headers = new Headers(init.headers);
  if (init.key !== null) headers.set('Ocp-Apim-Subscription-Key', init.key ?? key);
  return fetchApi(store, url, { ...init, headers });
}

function analyze(model: string, query: string, body: BodyInit, contentType = 'application/octet-stream', init: { key?: string | null } = {}) {
  return call(`${DI}/${model}:analyze?${query}`, { method: 'POST', body, headers: { 'Content-Type': contentType }, ...init });
}

async function errorOf(response: Response): Promise<[number, string, string | undefined]> {
  const body = (await jsonOf(response)) as DocumentIntelligenceErrorResponse;
  assertDiErrorBody(body);
  return [response.status, body.error.code, body.error.innererror?.code];
}

async function operationOf(response: Response): Promise<AnalyzeOperation> {
  expect(response.status).toBe(200);
  const body = await jsonOf(response);
  assertAnalyzeOperation(body);
  return body as AnalyzeOperation;
}

/** Runs the waiting job as an engine would, storing `text` as its reading. */
async function finishJob(text = 'Hello world', outputs: { pdf?: Uint8Array<ArrayBuffer> } = {}): Promise<void> {
  const claimed = await store.claimNext('engine', 30_000);
  clock.advance(1000);
  await store.complete(claimed!.record.id, 'engine', sampleResult(text), outputs);
}

describe('POST .../documentModels/{modelId}:analyze', () => {
  it('accepts a file with 202, an Operation-Location that repeats model and api-version, and an empty body', async () => {
    const response = await analyze('prebuilt-read', VERSION, pngHeader(60, 60));
    expect(response.status).toBe(202);
    expect(await response.text()).toBe('');
    expect(response.headers.get('Operation-Location')).toMatch(
      /^https:\/\/localread\.test\/documentintelligence\/documentModels\/prebuilt-read\/analyzeResults\/[0-9a-f-]{36}\?api-version=2024-11-30$/,
    );
    expect(response.headers.get('apim-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    expect(response.headers.get('Location')).toBeNull();
  });

  it('accepts base64Source and keeps the options on the job', async () => {
    const base64Source = btoa(String.fromCharCode(...pngHeader(60, 60)));
    const response = await analyze('prebuilt-layout', `${VERSION}&stringIndexType=unicodeCodePoint&outputContentFormat=markdown&pages=1-2,4&locale=de-DE`, JSON.stringify({ base64Source }), 'application/json');
    expect(response.status).toBe(202);
    const claimed = await store.claimNext('engine', 30_000);
    expect(claimed!.record.contract).toEqual({ api: 'document-intelligence', face: 'documentintelligence', modelId: 'prebuilt-layout', stringIndexType: 'unicodeCodePoint', outputContentFormat: 'markdown', outputPdf: false, features: [] });
    expect(claimed!.record.params).toEqual({ readingOrder: 'natural', modelVersion: 'latest', language: 'de', pages: [{ from: 1, to: 2 }, { from: 4, to: 4 }] });
  });

  it.each([
    ['a missing key', () => analyze('prebuilt-read', VERSION, pngHeader(60, 60), undefined, { key: null }), [401, '401', undefined]],
    ['another model', () => analyze('prebuilt-invoice', VERSION, pngHeader(60, 60)), [404, 'NotFound', 'ModelNotFound']],
    ['a wrong api-version', () => analyze('prebuilt-read', 'api-version=2023-07-31', pngHeader(60, 60)), [404, '404', undefined]],
    ['no api-version', () => analyze('prebuilt-read', '', pngHeader(60, 60)), [404, '404', undefined]],
    ['bad pages', () => analyze('prebuilt-read', `${VERSION}&pages=3-`, pngHeader(60, 60)), [400, 'InvalidArgument', 'InvalidParameter']],
    ['a bad stringIndexType', () => analyze('prebuilt-read', `${VERSION}&stringIndexType=bytes`, pngHeader(60, 60)), [400, 'InvalidArgument', 'InvalidParameter']],
    ['a feature we cannot do', () => analyze('prebuilt-read', `${VERSION}&features=barcodes`, pngHeader(60, 60)), [400, 'InvalidArgument', 'InvalidParameter']],
    ['markdown from prebuilt-read', () => analyze('prebuilt-read', `${VERSION}&outputContentFormat=markdown`, pngHeader(60, 60)), [400, 'InvalidArgument', 'InvalidParameter']],
    ['a PDF from prebuilt-layout', () => analyze('prebuilt-layout', `${VERSION}&output=pdf`, pngHeader(60, 60)), [400, 'InvalidArgument', 'InvalidParameter']],
    ['bytes of no format', () => analyze('prebuilt-read', VERSION, 'plain text'), [400, 'InvalidRequest', 'InvalidContent']],
    ['both sources', () => analyze('prebuilt-read', VERSION, JSON.stringify({ base64Source: 'AA==', urlSource: 'https://a.test/x.png' }), 'application/json'), [400, 'InvalidArgument', 'InvalidContentSourceFormat']],
    ['bad base64', () => analyze('prebuilt-read', VERSION, JSON.stringify({ base64Source: '*' }), 'application/json'), [400, 'InvalidArgument', 'InvalidContentSourceFormat']],
    ['a Word document', () => analyze('prebuilt-read', VERSION, 'PK', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'), [400, 'InvalidRequest', 'UnsupportedContent']],
    ['a text body', () => analyze('prebuilt-read', VERSION, 'hello', 'text/plain'), [415, 'UnsupportedMediaType', undefined]],
  ])('refuses %s in the service\'s shape', async (_name, send, expected) => {
    expect(await errorOf(await send())).toEqual(expected);
    expect(await store.inventory()).toMatchObject({ operations: [] });
  });
});

describe('GET, DELETE and /pdf of .../analyzeResults/{resultId}', () => {
  async function submitted(query = VERSION, model = 'prebuilt-read', face = 'documentintelligence'): Promise<string> {
    const response = await call(`/${face}/documentModels/${model}:analyze?${query}`, { method: 'POST', body: pngHeader(60, 60) });
    expect(response.status).toBe(202);
    return response.headers.get('Operation-Location')!;
  }

  it('answers notStarted with Retry-After, then the result in DI\'s shape', async () => {
    const location = await submitted();
    const waiting = await call(location);
    expect(waiting.headers.get('Retry-After')).toBe('1');
    expect(await operationOf(waiting)).toEqual({ status: 'notStarted', createdDateTime: expect.any(String), lastUpdatedDateTime: expect.any(String) });
    await finishJob('Hello world');
    const done = await operationOf(await call(location));
    expect(done.status).toBe('succeeded');
    expect(done.analyzeResult).toMatchObject({ apiVersion: '2024-11-30', modelId: 'prebuilt-read', stringIndexType: 'textElements', content: 'Hello world' });
  });

  it('answers a failed job with its error for the SDK', async () => {
    const location = await submitted();
    const claimed = await store.claimNext('engine', 30_000);
    const { ReadApiError } = await import('../../../../src/read-api/errors');
    await store.fail(claimed!.record.id, 'engine', new ReadApiError('InvalidImageFormat', 'The PNG is truncated.'));
    const body = await operationOf(await call(location));
    expect(body.error).toEqual({ code: 'InvalidRequest', message: 'Invalid request.', innererror: { code: 'InvalidContent', message: 'The PNG is truncated.' } });
  });

  it('keeps each contract\'s ids to itself: a Read id, another model\'s or the other face\'s is not found', async () => {
    const read = await store.create(newJob());
    const location = await submitted();
    const id = new URL(location).pathname.split('/').at(-1)!;
    expect(await errorOf(await call(`${DI}/prebuilt-read/analyzeResults/${read.id}?${VERSION}`))).toEqual([404, 'NotFound', 'OperationNotFound']);
    expect(await errorOf(await call(`${DI}/prebuilt-layout/analyzeResults/${id}?${VERSION}`))).toEqual([404, 'NotFound', 'OperationNotFound']);
    expect(await errorOf(await call(`/formrecognizer/documentModels/prebuilt-read/analyzeResults/${id}?api-version=2023-07-31`))).toEqual([404, 'NotFound', 'OperationNotFound']);
    expect((await call(`/vision/v3.2/read/analyzeResults/${id}`)).status).toBe(404);
  });

  it('deletes a result with 204, after which it is not found', async () => {
    const location = await submitted();
    await finishJob();
    const deleted = await call(location, { method: 'DELETE' });
    expect(deleted.status).toBe(204);
    expect(await errorOf(await call(location))).toEqual([404, 'NotFound', 'OperationNotFound']);
    expect(await errorOf(await call(location, { method: 'DELETE' }))).toEqual([404, 'NotFound', 'OperationNotFound']);
    expect((await store.inventory()).operations).toEqual([]);
  });

  it('serves the PDF when output=pdf was asked, counted in the stored bytes and deleted with the job', async () => {
    const location = await submitted(`${VERSION}&output=pdf`);
    const pdfUrl = location.replace('?', '/pdf?');
    expect(await errorOf(await call(pdfUrl))).toEqual([400, 'InvalidRequest', 'OperationNotComplete']);
    const pdf = new TextEncoder().encode('%PDF-1.7 searchable');
    await finishJob('Hello', { pdf });
    const answer = await call(pdfUrl);
    expect(answer.status).toBe(200);
    expect(answer.headers.get('Content-Type')).toBe('application/pdf');
    expect(new Uint8Array(await answer.arrayBuffer())).toEqual(pdf);
    const [stored] = (await store.inventory()).operations;
    expect(stored!.bytes).toBeGreaterThan(pdf.byteLength + 100);
    await call(location, { method: 'DELETE' });
    expect(await store.pdf(stored!.id)).toBeNull();
  });

  it('answers /pdf without output=pdf with OutputOptionNotFound', async () => {
    const location = await submitted();
    await finishJob();
    expect(await errorOf(await call(location.replace('?', '/pdf?')))).toEqual([404, 'NotFound', 'OutputOptionNotFound']);
  });

  it('answers the legacy formrecognizer path with its own result paths and api-version', async () => {
    const location = await submitted('api-version=2023-07-31', 'prebuilt-read', 'formrecognizer');
    expect(location).toMatch(/\/formrecognizer\/documentModels\/prebuilt-read\/analyzeResults\/[0-9a-f-]{36}\?api-version=2023-07-31$/);
    await finishJob('Legacy');
    const body = await operationOf(await call(location));
    expect(body.analyzeResult).toMatchObject({ apiVersion: '2023-07-31', content: 'Legacy' });
    expect(await errorOf(await call(`/formrecognizer/documentModels/prebuilt-read:analyze?${VERSION}`, { method: 'POST', body: pngHeader(60, 60) }))).toEqual([404, '404', undefined]);
    expect((await call(location, { method: 'DELETE' })).status).toBe(404);
  });

  it('answers other operations under the prefixes with the service\'s 404, for Azure hosts too', async () => {
    expect(await errorOf(await call(`${DI}?${VERSION}`))).toEqual([404, '404', undefined]);
    expect(await errorOf(await call(`/documentintelligence/info?${VERSION}`))).toEqual([404, '404', undefined]);
    const azure = await routed(store, `https://my-resource.cognitiveservices.azure.com${DI}/prebuilt-read:analyze?${VERSION}`, {
      method: 'POST',
      body: pngHeader(60, 60),
      headers: { 'Ocp-Apim-Subscription-Key': key },
    });
    expect(azure!.status).toBe(202);
    expect(azure!.headers.get('Operation-Location')).toMatch(/^https:\/\/my-resource\.cognitiveservices\.azure\.com\/documentintelligence\//);
  });
});
