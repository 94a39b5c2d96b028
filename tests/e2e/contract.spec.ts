/**
 * The Read 3.2 contract over fetch() from a page of the production build: both request forms,
 * every parameter check, every error, the headers, and Azure's own hosts answered on the device.
 * Every body is checked against the schemas of Azure's spec (support/app.ts assertContract).
 */
import { expect, test, type Page } from '@playwright/test';
import { characterErrorRate } from './support/text-metrics';
import { apiKey, callApi, fixtureBytes, fixtureText, openApp, resultText, waitForOperation } from './support/app';
import { cacheFixture } from './support/read-api';

const ANALYZE = '/vision/v3.2/read/analyze';
const AZURE = 'https://my-resource.cognitiveservices.azure.com';
const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';

let key: string;

test.beforeEach(async ({ page }) => {
  await openApp(page);
  key = await apiKey(page);
});

function post(page: Page, options: { url?: string; query?: string; type?: string; text?: string; bytes?: number[] }) {
  const headers: Record<string, string> = { 'Ocp-Apim-Subscription-Key': key };
  if (options.type) headers['Content-Type'] = options.type;
  return callApi(page, `${options.url ?? ANALYZE}${options.query ?? ''}`, { method: 'POST', headers, text: options.text, bytes: options.bytes });
}

test('reads a same-origin {"url"} from the origin\'s caches, offline, with the JSON media type\'s parameters ignored', async ({ context, page }) => {
  const url = await cacheFixture(page, '/e2e-fixtures/testocr.png', 'real-testocr.png', 'image/png');
  await context.setOffline(true);
  const accepted = await post(page, { type: 'application/json; charset=utf-8', text: JSON.stringify({ url }) });
  expect(accepted.status, JSON.stringify(accepted.body)).toBe(202);
  const result = await waitForOperation(page, accepted.headers['operation-location']!, { key });
  expect(result.status).toBe('succeeded');
  expect(characterErrorRate(fixtureText('real-testocr.gt.txt'), resultText(result))).toBeLessThanOrEqual(0.02);
  expect(result.analyzeResult).toMatchObject({ version: expect.any(String), modelVersion: '2022-04-30' });
});

test('carries readResults[].language and the requested model version', async ({ page }) => {
  const accepted = await post(page, {
    query: '?language=en&model-version=2022-04-30&readingOrder=natural',
    type: 'application/octet-stream',
    bytes: fixtureBytes('real-testocr.png'),
  });
  expect(accepted.status).toBe(202);
  const result = await waitForOperation(page, accepted.headers['operation-location']!, { key });
  expect(result.analyzeResult?.modelVersion).toBe('2022-04-30');
  expect(result.analyzeResult?.readResults[0]?.language).toBe('en');
});

test('answers every predictable failure with its Azure code and a 4xx, never a 5xx', async ({ page }) => {
  const png = fixtureBytes('real-testocr.png');
  const cases: Array<[string, Parameters<typeof post>[1], number, string]> = [
    ['a language outside the spec', { query: '?language=xx', type: 'image/png', bytes: png }, 400, 'NotSupportedLanguage'],
    ['a malformed page range', { query: '?pages=1;2', type: 'image/png', bytes: png }, 400, 'InvalidPageRange'],
    ['an unknown reading order', { query: '?readingOrder=columns', type: 'image/png', bytes: png }, 400, 'InvalidReadingOrder'],
    ['an unknown model version', { query: '?model-version=2000-01-01', type: 'image/png', bytes: png }, 400, 'BadArgument'],
    ['an empty body', { type: 'application/octet-stream', bytes: [] }, 400, 'InvalidImageSize'],
    ['an image under 50 px', { type: 'application/octet-stream', bytes: fixtureBytes('bad/tiny-40x40.png') }, 400, 'InvalidImageSize'],
    ['an image over 10000 px', { type: 'application/octet-stream', bytes: fixtureBytes('bad/wide-10001x60.png') }, 400, 'InvalidImageSize'],
    ['text sent as a file', { type: 'application/octet-stream', text: 'not an image' }, 400, 'InvalidImageFormat'],
    ['an unsupported media type', { type: 'text/plain', text: 'hello' }, 415, 'UnsupportedMediaType'],
    ['multipart, which Read does not take', { type: 'multipart/form-data; boundary=x', text: '--x--' }, 415, 'UnsupportedMediaType'],
    ['JSON that is not JSON', { type: 'application/json', text: '{"url":' }, 400, 'InvalidRequest'],
    ['JSON without a url', { type: 'application/json', text: '{"uri": "x"}' }, 400, 'InvalidImageUrl'],
    ['a URL that answers a page, not an image', { type: 'application/json', text: '{"url": "ORIGIN/index.html"}' }, 400, 'InvalidImageUrl'],
    ['an unreachable URL', { type: 'application/json', text: '{"url": "http://127.0.0.1:9/page.png"}' }, 400, 'InvalidImageUrl'],
  ];
  const origin = new URL(page.url()).origin;
  for (const [name, options, status, code] of cases) {
    const answer = await post(page, { ...options, text: options.text?.replace('ORIGIN', origin) });
    expect(answer.status, name).toBe(status);
    expect(answer.body, name).toMatchObject({ error: { code } });
    expect(answer.headers['content-type'], name).toBe('application/json; charset=utf-8');
  }
});

test('answers 401 in Azure\'s exact form without a key or with a wrong one, and 404 for unknown operations and paths', async ({ page }) => {
  const noKey: Record<string, string> = {};
  for (const headers of [noKey, { 'Ocp-Apim-Subscription-Key': 'nope' }]) {
    const refused = await callApi(page, ANALYZE, { method: 'POST', headers, bytes: [1] });
    expect(refused, JSON.stringify(headers)).toMatchObject({
      status: 401,
      body: {
        error: {
          code: '401',
          message:
            'Access denied due to invalid subscription key or wrong API endpoint. Make sure to provide a valid key for an active subscription and use a correct regional API endpoint for your resource.',
        },
      },
    });
  }
  const headers = { 'Ocp-Apim-Subscription-Key': key };
  for (const url of ['/vision/v3.2/read/analyzeResults/00000000-0000-4000-8000-000000000000', '/vision/v3.2/read/nothing']) {
    const answer = await callApi(page, url, { headers });
    expect(answer.status, url).toBe(404);
    expect(answer.body, url).toMatchObject({ error: { code: 'NotFound' } });
    expect(answer.headers['content-type'], url).toBe('application/json; charset=utf-8');
  }
  expect((await callApi(page, ANALYZE, { headers })).status, 'GET on the analyze path').toBe(404);
});

test('answers 202 with an absolute Operation-Location ending in the id, readable across origins', async ({ page }) => {
  const answer = await post(page, { type: 'image/png', bytes: fixtureBytes('real-testocr.png') });
  const origin = new URL(page.url()).origin;
  expect(answer.headers['operation-location']).toMatch(new RegExp(`^${origin}/vision/v3\\.2/read/analyzeResults/${UUID}$`));
  expect(answer.headers['apim-request-id']).toMatch(new RegExp(`^${UUID}$`));
  expect(answer.headers['access-control-allow-origin']).toBe('*');
  expect(answer.headers['access-control-expose-headers']).toMatch(/Operation-Location.*apim-request-id.*Retry-After/);
});

test.describe('Azure\'s hosts', () => {
  test('are answered on the device by default, with Operation-Location on the host called', async ({ page }) => {
    const answer = await post(page, { url: `${AZURE}${ANALYZE}`, type: 'application/octet-stream', bytes: fixtureBytes('real-testocr.png') });
    expect(answer.status, JSON.stringify(answer.body)).toBe(202);
    const location = answer.headers['operation-location']!;
    expect(location).toMatch(new RegExp(`^${AZURE}/vision/v3\\.2/read/analyzeResults/${UUID}$`));
    const result = await waitForOperation(page, location, { key });
    expect(characterErrorRate(fixtureText('real-testocr.gt.txt'), resultText(result))).toBeLessThanOrEqual(0.02);
    const refused = await callApi(page, location, { headers: { 'Ocp-Apim-Subscription-Key': 'wrong' } });
    expect(refused.status).toBe(401);
  });

  test('go to the network once the setting is off', async ({ page }) => {
    const patched = await callApi(page, '/localread/v1/settings', {
      method: 'PATCH',
      headers: { 'Content-Type': 'application/json' },
      text: '{"answerAzureHosts": false}',
    });
    expect(patched.body).toMatchObject({ answerAzureHosts: false });
    // This machine has no route to Azure: a request that is not answered here fails as a network error.
    const outcome = await page.evaluate(async (url) => {
      try {
        return `answered ${(await fetch(url, { method: 'POST', body: 'x' })).status}`;
      } catch (error) {
        return `network error: ${(error as Error).name}`;
      }
    }, `${AZURE}${ANALYZE}`);
    expect(outcome).toBe('network error: TypeError');
  });
});
