/**
 * The synchronous calls against the production build: Microsoft's Image Analysis REST client
 * (`@azure-rest/ai-vision-image-analysis` 1.0.0-beta.3, unchanged, bundled for the page), the
 * errors of Image Analysis with plain fetch(), and the Read container's syncAnalyze. Each answer
 * is checked against the spec; nothing is left stored after a synchronous answer.
 */
import { expect, test, type Page } from '@playwright/test';
import { characterErrorRate } from './support/text-metrics';
import { apiKey, callApi, fixtureBytes, fixtureText, openApp, type ApiAnswer } from './support/app';
import { loadImageAnalysisSdk } from './support/image-analysis-sdk';
import { cacheFixture } from './support/read-api';
import { assertImageAnalysisError, assertImageAnalysisResult } from '../support/image-analysis-schema';
import type { ImageAnalysisResult } from '../../src/read-api/image-analysis/types';
import type { ReadOperationResult } from '../../src/read-api/types';

// The SDK's bundle goes in as an inline script, which the app's policy (script-src 'self')
// rightly refuses; the SDK is a test tool here, so this file alone bypasses the page's CSP.
test.use({ bypassCSP: true });

const ANALYZE = '/computervision/imageanalysis:analyze';

interface SdkAnswer {
  status: string;
  unexpected: boolean;
  body: unknown;
}

/** Runs the SDK's analyze call in the page on the fixture's bytes or a URL. */
function runSdk(page: Page, input: { endpoint: string; key: string; bytes?: number[]; url?: string }): Promise<SdkAnswer> {
  return page.evaluate(async ({ endpoint, key, bytes, url }) => {
    interface Client {
      path(path: '/imageanalysis:analyze'): { post(options: Record<string, unknown>): Promise<{ status: string; body: unknown }> };
    }
    const sdk = (globalThis as unknown as {
      ImageAnalysisSdk: {
        createClient(endpoint: string, credential: unknown, options?: Record<string, unknown>): Client;
        isUnexpected(response: unknown): boolean;
        AzureKeyCredential: new (key: string) => unknown;
      };
    }).ImageAnalysisSdk;
    // Only for our http://localhost endpoint: the SDK refuses plain http unless told.
    const client = sdk.createClient(endpoint, new sdk.AzureKeyCredential(key), { allowInsecureConnection: endpoint.startsWith('http:') });
    const request = bytes
      ? { body: new Uint8Array(bytes), queryParameters: { features: ['read'] }, contentType: 'application/octet-stream' }
      : { body: { url }, queryParameters: { features: ['Read'] }, contentType: 'application/json' };
    const response = await client.path('/imageanalysis:analyze').post(request);
    return { status: response.status, unexpected: sdk.isUnexpected(response), body: response.body };
  }, input);
}

function textOf(result: ImageAnalysisResult): string {
  return (result.readResult?.blocks ?? []).flatMap((block) => block.lines.map((line) => line.text)).join('\n');
}

function expectReadsTestocr(answer: SdkAnswer): void {
  expect(answer, JSON.stringify(answer.body)).toMatchObject({ status: '200', unexpected: false });
  assertImageAnalysisResult(answer.body);
  const result = answer.body as ImageAnalysisResult;
  expect(result.metadata).toEqual({ width: expect.any(Number), height: expect.any(Number) });
  expect(characterErrorRate(fixtureText('real-testocr.gt.txt'), textOf(result))).toBeLessThanOrEqual(0.02);
}

/** What is stored now: a synchronous call leaves nothing. */
async function storedOperations(page: Page): Promise<unknown[]> {
  const key = await apiKey(page);
  const answer = await callApi(page, '/localread/v1/operations', { headers: { 'Ocp-Apim-Subscription-Key': key } });
  expect(answer.status).toBe(200);
  return (answer.body as { operations: unknown[] }).operations;
}

test.describe("Image Analysis 4.0 with Microsoft's SDK", () => {
  test.beforeEach(async ({ page }) => {
    await openApp(page);
    await loadImageAnalysisSdk(page);
  });

  test('analyze with features=read returns the fixture\'s text in the spec shape, and keeps nothing', async ({ page }) => {
    const endpoint = new URL(page.url()).origin;
    const answer = await runSdk(page, { endpoint, key: await apiKey(page), bytes: fixtureBytes('real-testocr.png') });
    expectReadsTestocr(answer);
    expect(await storedOperations(page)).toEqual([]);
  });

  test('runs unchanged with an Azure endpoint, answered on the device, with a {"url"} body', async ({ page }) => {
    const url = await cacheFixture(page, '/e2e-fixtures/ia-testocr.png', 'real-testocr.png', 'image/png');
    const answer = await runSdk(page, { endpoint: 'https://my-resource.cognitiveservices.azure.com', key: await apiKey(page), url });
    expectReadsTestocr(answer);
  });
});

test.describe('Image Analysis 4.0 errors, with fetch()', () => {
  test.beforeEach(async ({ page }) => openApp(page));

  async function analyze(page: Page, query: string, options: { bytes?: number[]; key?: string | null } = {}): Promise<ApiAnswer> {
    const key = options.key === undefined ? await apiKey(page) : options.key;
    const headers: Record<string, string> = { 'Content-Type': 'application/octet-stream' };
    if (key !== null) headers['Ocp-Apim-Subscription-Key'] = key;
    return callApi(page, `${ANALYZE}${query}`, { method: 'POST', headers, bytes: options.bytes ?? fixtureBytes('real-testocr.png') });
  }

  function expectError(answer: ApiAnswer, status: number, code: string, inner?: string): void {
    expect(answer.status, JSON.stringify(answer.body)).toBe(status);
    assertImageAnalysisError(answer.body);
    const { error } = answer.body as { error: { code: string; innererror?: { code: string } } };
    expect(error.code).toBe(code);
    expect(error.innererror?.code).toBe(inner);
    expect(answer.headers['x-ms-error-code']).toBe(code);
  }

  test('each bad request gets the status and code of the service', async ({ page }) => {
    expectError(await analyze(page, '?api-version=2024-02-01&features=caption'), 400, 'InvalidRequest');
    expectError(await analyze(page, '?api-version=2024-02-01&features=read,tags'), 400, 'InvalidRequest');
    expectError(await analyze(page, '?api-version=2024-02-01'), 400, 'InvalidRequest');
    expectError(await analyze(page, '?api-version=2024-02-01&features=ocr'), 400, 'InvalidRequest', 'NotSupportedVisualFeature');
    expectError(await analyze(page, '?api-version=2023-02-01-preview&features=read'), 404, '404');
    expectError(await analyze(page, '?api-version=2024-02-01&features=read', { bytes: fixtureBytes('bad/unsupported.gif') }), 400, 'InvalidRequest', 'InvalidImageFormat');
    expectError(await analyze(page, '?api-version=2024-02-01&features=read', { bytes: fixtureBytes('bad/text-file.png') }), 400, 'InvalidRequest', 'InvalidImageFormat');
    expectError(await analyze(page, '?api-version=2024-02-01&features=read', { bytes: fixtureBytes('bad/tiny-40x40.png') }), 400, 'InvalidRequest', 'InvalidImageDimension');
    expectError(await analyze(page, '?api-version=2024-02-01&features=read', { key: null }), 401, '401');
    expect(await storedOperations(page)).toEqual([]);
  });

  test('an image the engine cannot decode is answered with the reason, and nothing is kept', async ({ page }) => {
    const answer = await analyze(page, '?api-version=2023-10-01&features=read', { bytes: fixtureBytes('bad/truncated.png') });
    expectError(answer, 400, 'InvalidRequest', 'InvalidImageFormat');
    expect(await storedOperations(page)).toEqual([]);
  });
});

test.describe('Read syncAnalyze', () => {
  test.beforeEach(async ({ page }) => openApp(page));

  test('answers the whole ReadOperationResult in the same request, and the job is gone afterwards', async ({ page }) => {
    const headers = { 'Ocp-Apim-Subscription-Key': await apiKey(page), 'Content-Type': 'application/octet-stream' };
    // callApi checks the body against the Read spec (Ocr.json).
    const answer = await callApi(page, '/vision/v3.2/read/syncAnalyze?readingOrder=natural', { method: 'POST', headers, bytes: fixtureBytes('real-testocr.png') });
    expect(answer.status, JSON.stringify(answer.body)).toBe(200);
    expect(answer.headers['operation-location']).toBeUndefined();
    const result = answer.body as ReadOperationResult;
    expect(result.status).toBe('succeeded');
    const text = (result.analyzeResult?.readResults ?? []).flatMap((readPage) => readPage.lines.map((line) => line.text)).join('\n');
    expect(characterErrorRate(fixtureText('real-testocr.gt.txt'), text)).toBeLessThanOrEqual(0.02);
    expect(await storedOperations(page)).toEqual([]);
  });

  test('refuses bad input as read/analyze does', async ({ page }) => {
    const headers = { 'Ocp-Apim-Subscription-Key': await apiKey(page), 'Content-Type': 'application/octet-stream' };
    const answer = await callApi(page, '/vision/v3.2/read/syncAnalyze', { method: 'POST', headers, bytes: fixtureBytes('bad/unsupported.gif') });
    expect(answer.status).toBe(400);
    expect((answer.body as { error: { code: string } }).error.code).toBe('InvalidImageFormat');
  });
});
