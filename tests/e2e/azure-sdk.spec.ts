/**
 * Microsoft's JavaScript SDK, @azure/cognitiveservices-computervision 8.2.0 on @azure/ms-rest-js,
 * unchanged, in a page of the production build: the proof that code written for Azure Read 3.2
 * runs against localread. The SDK sends XMLHttpRequests, which the service worker answers.
 */
import { expect, test, type Page } from '@playwright/test';
import { characterErrorRate } from './support/text-metrics';
import { apiKey, fixtureBytes, fixtureText, openApp } from './support/app';
import { cacheFixture, loadAzureSdk } from './support/read-api';
import { assertErrorBody, assertReadOperationResult } from '../support/ocr-schema';

// The SDK's bundles go in as inline scripts (page.addScriptTag), which the app's policy
// (script-src 'self') refuses, as it should for any script not shipped with the app; the SDK is
// a test tool here, so this file alone bypasses the page's CSP.
test.use({ bypassCSP: true });

/** What a run of the SDK hands back to the test: the text, and every raw body to check. */
interface SdkRun {
  operationLocation: string;
  statuses: string[];
  bodies: string[];
  text: string;
}

interface SdkFailure {
  isRestError: boolean;
  statusCode: number;
  code: string;
  message: string;
  bodyText: string;
}

/**
 * Runs, in the page, the quickstart's flow: `readInStream(blob)` or `read(url)`, then
 * `getReadResult(id)` until the status is final. The id is the text after the last '/'.
 */
function runSdk(page: Page, input: { endpoint: string; key: string; bytes?: number[]; url?: string }): Promise<SdkRun> {
  return page.evaluate(async ({ endpoint, key, bytes, url }) => {
    interface Response {
      _response: { bodyAsText: string };
    }
    interface Client {
      readInStream(image: Blob): Promise<{ operationLocation: string }>;
      read(url: string): Promise<{ operationLocation: string }>;
      getReadResult(id: string): Promise<Response & { status: string; analyzeResult?: { readResults: Array<{ lines: Array<{ text: string }> }> } }>;
    }
    const sdk = globalThis as unknown as {
      Azure: { CognitiveservicesComputervision: { ComputerVisionClient: new (credentials: unknown, endpoint: string) => Client } };
      msRest: { ApiKeyCredentials: new (options: { inHeader: Record<string, string> }) => unknown };
    };
    const credentials = new sdk.msRest.ApiKeyCredentials({ inHeader: { 'Ocp-Apim-Subscription-Key': key } });
    const client = new sdk.Azure.CognitiveservicesComputervision.ComputerVisionClient(credentials, endpoint);
    const { operationLocation } = bytes ? await client.readInStream(new Blob([new Uint8Array(bytes)])) : await client.read(url!);
    const operationId = operationLocation.split('/').slice(-1)[0]!;
    const statuses: string[] = [];
    const bodies: string[] = [];
    const deadline = Date.now() + 90_000;
    let result;
    do {
      await new Promise((resolve) => setTimeout(resolve, 250));
      result = await client.getReadResult(operationId);
      statuses.push(result.status);
      bodies.push(result._response.bodyAsText);
    } while ((result.status === 'notStarted' || result.status === 'running') && Date.now() < deadline);
    const text = (result.analyzeResult?.readResults ?? []).flatMap((page) => page.lines.map((line) => line.text)).join('\n');
    return { operationLocation, statuses, bodies, text };
  }, input);
}

function expectReadsFixture(run: SdkRun, endpoint: string): void {
  expect(run.operationLocation).toMatch(new RegExp(`^${endpoint}/vision/v3\\.2/read/analyzeResults/[0-9a-f-]{36}$`));
  expect(run.statuses.at(-1)).toBe('succeeded');
  for (const body of run.bodies) assertReadOperationResult(JSON.parse(body));
  expect(characterErrorRate(fixtureText('real-testocr.gt.txt'), run.text)).toBeLessThanOrEqual(0.02);
}

test.describe("Microsoft's SDK against localread", () => {
  test.beforeEach(async ({ page }) => {
    await openApp(page);
    await loadAzureSdk(page);
  });

  test('readInStream, then getReadResult until succeeded, returns the fixture\'s text', async ({ page }) => {
    const endpoint = new URL(page.url()).origin;
    const run = await runSdk(page, { endpoint, key: await apiKey(page), bytes: fixtureBytes('real-testocr.png') });
    expectReadsFixture(run, endpoint);
  });

  test('read with a same-origin URL returns the fixture\'s text', async ({ page }) => {
    const endpoint = new URL(page.url()).origin;
    const url = await cacheFixture(page, '/e2e-fixtures/sdk-testocr.png', 'real-testocr.png', 'image/png');
    const run = await runSdk(page, { endpoint, key: await apiKey(page), url });
    expectReadsFixture(run, endpoint);
  });

  test('runs unchanged with an Azure endpoint, answered on the device', async ({ page }) => {
    const endpoint = 'https://my-resource.cognitiveservices.azure.com';
    const run = await runSdk(page, { endpoint, key: await apiKey(page), bytes: fixtureBytes('real-testocr.png') });
    expectReadsFixture(run, endpoint);
  });

  test("a wrong key surfaces as the SDK's 401 RestError with Azure's code and message", async ({ page }) => {
    const endpoint = new URL(page.url()).origin;
    const failure = await page.evaluate(async (endpoint): Promise<SdkFailure | null> => {
      const sdk = globalThis as unknown as {
        Azure: { CognitiveservicesComputervision: { ComputerVisionClient: new (credentials: unknown, endpoint: string) => { readInStream(image: Blob): Promise<unknown> } } };
        msRest: { ApiKeyCredentials: new (options: { inHeader: Record<string, string> }) => unknown; RestError: new () => unknown };
      };
      const credentials = new sdk.msRest.ApiKeyCredentials({ inHeader: { 'Ocp-Apim-Subscription-Key': '0'.repeat(32) } });
      const client = new sdk.Azure.CognitiveservicesComputervision.ComputerVisionClient(credentials, endpoint);
      try {
        await client.readInStream(new Blob([new Uint8Array([137, 80, 78, 71])]));
        return null;
      } catch (reason) {
        const error = reason as { statusCode: number; code: string; message: string; response?: { body?: string } };
        // The ES5 bundle's RestError keeps Error's name; its class identifies it. `response.body` is the raw text.
        return { isRestError: reason instanceof sdk.msRest.RestError, statusCode: error.statusCode, code: error.code, message: error.message, bodyText: error.response?.body ?? '' };
      }
    }, endpoint);
    expect(failure).toMatchObject({ isRestError: true, statusCode: 401, code: '401' });
    expect(failure!.message).toContain('Access denied due to invalid subscription key');
    assertErrorBody(JSON.parse(failure!.bodyText));
  });
});
