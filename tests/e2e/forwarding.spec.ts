/**
 * Forwarding to Azure itself, against a stand-in for Azure: an HTTPS server on loopback, with a
 * certificate made for this run, that records every request it receives. Chromium resolves two
 * Azure resource hosts to it (--host-resolver-rules), so URLs stay `https://<resource>.cognitive
 * services.azure.com/...` with no port, as the service worker's host check requires; the real
 * service is never called. Checked: nothing reaches Azure until a host is named; a named host gets
 * the request exactly as sent, our key replaced by the user's; the caller gets the stand-in's
 * answer; a host not named is still answered here; the key is never readable back; removing the
 * host, or deleting everything, stops it.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import type { IncomingHttpHeaders } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../playwright.config';
import { apiKey, callApi, fixtureBytes, openApp, type ApiAnswer } from './support/app';
import { api, rawDatabases } from './support/privacy';

const FORWARDED = 'testres.cognitiveservices.azure.com';
const NOT_NAMED = 'otherres.cognitiveservices.azure.com';
/** Beside the app's port, so that helpers running their own servers never share one. */
const STAND_IN_PORT = Number(process.env.E2E_PORT ?? 4173) + 1000;
/** The user's own key for the forwarded resource, as Azure's portal shows one. */
const USER_KEY = 'a1b2c3d4e5f60718293a4b5c6d7e8f90';
const STAND_IN_OPERATION = 'f0e1d2c3-0000-4000-8000-standin00001';
const ANALYZE = '/vision/v3.2/read/analyze';

test.use({
  launchOptions: {
    executablePath: CHROMIUM_PATH,
    args: [
      ...CHROMIUM_ARGS,
      `--host-resolver-rules=MAP ${FORWARDED} 127.0.0.1:${STAND_IN_PORT}, MAP ${NOT_NAMED} 127.0.0.1:${STAND_IN_PORT}`,
      '--ignore-certificate-errors',
    ],
  },
});

interface Received {
  method: string;
  host: string;
  /** Path and query, as sent. */
  target: string;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

/** A minimal Read result in Azure's shape, with a line only the stand-in could have written. */
const STAND_IN_RESULT = {
  status: 'succeeded',
  createdDateTime: '2026-01-01T00:00:00Z',
  lastUpdatedDateTime: '2026-01-01T00:00:01Z',
  analyzeResult: {
    version: '3.2.0',
    modelVersion: '2022-04-30',
    readResults: [
      {
        page: 1,
        angle: 0,
        width: 100,
        height: 40,
        unit: 'pixel',
        lines: [
          {
            boundingBox: [1, 1, 90, 1, 90, 20, 1, 20],
            text: 'ANSWERED BY THE STAND-IN',
            words: [{ boundingBox: [1, 1, 90, 1, 90, 20, 1, 20], text: 'ANSWERED', confidence: 0.99 }],
          },
        ],
      },
    ],
  },
};

/** Azure's CORS, as the browser needs it for an answer the page may read. */
const CORS = {
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Expose-Headers': 'Operation-Location, apim-request-id, X-Stand-In',
};

/** The stand-in's answer to one request (preflights included, as Azure answers them). */
function answer(request: Received): { status: number; headers: Record<string, string>; body?: string } {
  if (request.method === 'OPTIONS') {
    return {
      status: 204,
      headers: {
        ...CORS,
        'Access-Control-Allow-Methods': 'GET, POST',
        'Access-Control-Allow-Headers': String(request.headers['access-control-request-headers'] ?? ''),
      },
    };
  }
  const standIn = { ...CORS, 'X-Stand-In': 'yes', 'apim-request-id': 'stand-in-request' };
  if (request.method === 'POST' && request.target.startsWith(ANALYZE)) {
    const location = `https://${request.host}/vision/v3.2/read/analyzeResults/${STAND_IN_OPERATION}`;
    return { status: 202, headers: { ...standIn, 'Operation-Location': location } };
  }
  if (request.method === 'GET' && request.target.endsWith(STAND_IN_OPERATION)) {
    return { status: 200, headers: { ...standIn, 'Content-Type': 'application/json; charset=utf-8' }, body: JSON.stringify(STAND_IN_RESULT) };
  }
  const error = { error: { code: 'NotFound', message: 'Not a route of the stand-in.' } };
  return { status: 404, headers: { ...standIn, 'Content-Type': 'application/json; charset=utf-8' }, body: JSON.stringify(error) };
}

/** Starts the stand-in with a self-signed certificate for both hosts, made now with openssl. */
async function startStandIn(): Promise<{ server: Server; received: Received[]; directory: string }> {
  const directory = mkdtempSync(join(tmpdir(), 'localread-stand-in-'));
  const [key, cert] = [join(directory, 'key.pem'), join(directory, 'cert.pem')];
  execFileSync('openssl', [
    'req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1', '-keyout', key, '-out', cert,
    '-subj', `/CN=${FORWARDED}`, '-addext', `subjectAltName=DNS:${FORWARDED},DNS:${NOT_NAMED}`,
  ], { stdio: 'ignore' });
  const received: Received[] = [];
  const server = createServer({ key: readFileSync(key), cert: readFileSync(cert) }, (request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const entry: Received = {
        method: request.method ?? '',
        host: request.headers.host ?? '',
        target: request.url ?? '',
        headers: request.headers,
        body: Buffer.concat(chunks),
      };
      received.push(entry);
      const { status, headers, body } = answer(entry);
      response.writeHead(status, headers).end(body);
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(STAND_IN_PORT, '127.0.0.1', () => resolve());
  });
  return { server, received, directory };
}

let standIn: Awaited<ReturnType<typeof startStandIn>>;

test.beforeEach(async () => {
  standIn = await startStandIn();
});

test.afterEach(async () => {
  standIn.server.closeAllConnections();
  await new Promise<void>((resolve) => standIn.server.close(() => resolve()));
  rmSync(standIn.directory, { recursive: true, force: true });
});

/** What reached the stand-in besides CORS preflights. */
const requestsTo = (host: string) => standIn.received.filter((request) => request.method !== 'OPTIONS' && request.host === host);

async function postRead(page: Page, host: string, key: string, query = ''): Promise<ApiAnswer> {
  return callApi(page, `https://${host}${ANALYZE}${query}`, {
    method: 'POST',
    headers: { 'Ocp-Apim-Subscription-Key': key, 'Content-Type': 'application/octet-stream', 'X-Caller-Trace': 'trace-7' },
    bytes: fixtureBytes('real-testocr.png'),
  });
}

async function openApiPage(page: Page): Promise<void> {
  await openApp(page);
  await page.getByRole('link', { name: 'API' }).click();
  await expect(page.getByRole('heading', { name: 'Forward to Azure' })).toBeVisible();
}

async function forwardFromThePage(page: Page, host: string, key: string): Promise<void> {
  await page.getByLabel('Azure host').fill(host);
  await page.getByLabel('Your key for that resource').fill(key);
  await page.getByRole('button', { name: 'Forward this host' }).click();
  await expect(page.getByRole('list', { name: 'Forwarded hosts' }).locator(`[data-forwarded-host="${host}"]`)).toBeVisible();
}

const LOCAL_OPERATION = /\/vision\/v3\.2\/read\/analyzeResults\/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

test('with no host forwarded, a Read call to an Azure host is answered here and nothing reaches Azure', async ({ page }) => {
  await openApiPage(page);
  await expect(page.getByTestId('forwarding-none')).toBeVisible();
  expect((await callApi(page, '/localread/v1/forwarding')).body).toEqual({ hosts: [] });
  const accepted = await postRead(page, FORWARDED, await apiKey(page));
  expect(accepted.status).toBe(202);
  expect(accepted.headers['operation-location']).toMatch(LOCAL_OPERATION);
  expect(accepted.headers['x-stand-in']).toBeUndefined();
  const polled = await callApi(page, accepted.headers['operation-location']!, { headers: { 'Ocp-Apim-Subscription-Key': await apiKey(page) } });
  expect(polled.status).toBe(200);
  expect(standIn.received, 'requests that reached the stand-in').toEqual([]);
});

test('a forwarded host gets the request exactly as sent, with the user key in place of ours; other hosts stay here', async ({ page }) => {
  await openApiPage(page);
  await forwardFromThePage(page, FORWARDED, USER_KEY);
  // Shown masked, on the page and by the API; never in clear anywhere, the raw database included.
  await expect(page.locator(`[data-forwarded-host="${FORWARDED}"] [data-masked-key]`)).toHaveText(`${'•'.repeat(28)}8f90`);
  expect(await page.content()).not.toContain(USER_KEY);
  // The section, with its form and its list, has no accessibility violation axe can find.
  const axe = await new AxeBuilder({ page }).include('section[aria-labelledby="api-forwarding"]').analyze();
  expect(axe.violations.map(({ id, nodes }) => `${id}: ${nodes.map((node) => node.html).join(' ')}`)).toEqual([]);
  const listed = await callApi(page, '/localread/v1/forwarding');
  expect(listed.body).toEqual({ hosts: [{ host: FORWARDED, maskedKey: `${'•'.repeat(28)}8f90`, addedDateTime: expect.any(String) }] });
  expect(JSON.stringify((await callApi(page, `/localread/v1/forwarding/${FORWARDED}`)).body)).not.toContain(USER_KEY);
  expect(JSON.stringify(await rawDatabases(page))).not.toContain(USER_KEY);
  expect(standIn.received).toEqual([]);

  const keys = (await callApi(page, '/localread/v1/keys')).body as { key1: string; key2: string };
  const query = '?language=en&readingOrder=natural&model-version=latest';
  const accepted = await postRead(page, FORWARDED, keys.key1, query);
  // The caller gets the stand-in's own answer.
  expect(accepted.status).toBe(202);
  expect(accepted.headers['x-stand-in']).toBe('yes');
  expect(accepted.headers['apim-request-id']).toBe('stand-in-request');
  expect(accepted.headers['operation-location']).toBe(`https://${FORWARDED}/vision/v3.2/read/analyzeResults/${STAND_IN_OPERATION}`);
  // The stand-in got the request as sent: method, path, query, body bytes, headers; the key ours → the user's.
  const [sent, ...others] = requestsTo(FORWARDED);
  expect(others).toEqual([]);
  expect(sent).toMatchObject({ method: 'POST', host: FORWARDED, target: `${ANALYZE}${query}` });
  expect([...sent!.body]).toEqual(fixtureBytes('real-testocr.png'));
  expect(sent!.headers).toMatchObject({
    'ocp-apim-subscription-key': USER_KEY,
    'content-type': 'application/octet-stream',
    'x-caller-trace': 'trace-7',
  });

  // Polling the stand-in's Operation-Location with our other key: forwarded too, its answer returned.
  const polled = await callApi(page, accepted.headers['operation-location']!, { headers: { 'Ocp-Apim-Subscription-Key': keys.key2 } });
  expect(polled.status).toBe(200);
  expect(polled.body).toEqual(STAND_IN_RESULT);
  expect(requestsTo(FORWARDED).at(-1)).toMatchObject({ method: 'GET', target: `/vision/v3.2/read/analyzeResults/${STAND_IN_OPERATION}` });
  expect(requestsTo(FORWARDED).at(-1)!.headers['ocp-apim-subscription-key']).toBe(USER_KEY);

  // A key that is not one of ours goes as sent.
  const theirs = 'ffffeeeeddddccccbbbbaaaa99998888';
  expect((await postRead(page, FORWARDED, theirs)).status).toBe(202);
  expect(requestsTo(FORWARDED).at(-1)!.headers['ocp-apim-subscription-key']).toBe(theirs);

  // Another Azure host, not named, resolves to the stand-in as well, yet is answered here.
  const local = await postRead(page, NOT_NAMED, keys.key1);
  expect(local.status).toBe(202);
  expect(local.headers['operation-location']).toMatch(LOCAL_OPERATION);
  expect(local.headers['operation-location']).toContain(`https://${NOT_NAMED}/`);
  expect(standIn.received.filter((request) => request.host === NOT_NAMED), `requests to ${NOT_NAMED}`).toEqual([]);
  // Forwarding operations here never reach Azure either: only one request left per call above.
  expect(requestsTo(FORWARDED).map(({ method }) => method)).toEqual(['POST', 'GET', 'POST']);

  // Forwarded requests are not jobs here: the one local operation is the only one stored.
  expect(((await api(page, 'GET', '/localread/v1/storage')).body as { count: number }).count).toBe(1);

  // The host not named did resolve to the stand-in all along: once named, its requests arrive there.
  expect((await api(page, 'PUT', `/localread/v1/forwarding/${NOT_NAMED}`, { key: null, json: { key: USER_KEY } })).status).toBe(200);
  expect((await postRead(page, NOT_NAMED, keys.key1)).headers['x-stand-in']).toBe('yes');
  expect(requestsTo(NOT_NAMED)).toHaveLength(1);
});

test('removing the host on the page, or deleting everything, stops forwarding and destroys the key', async ({ page }) => {
  await openApiPage(page);
  await forwardFromThePage(page, FORWARDED, USER_KEY);
  await page.getByRole('button', { name: `Stop forwarding ${FORWARDED}` }).click();
  await expect(page.getByTestId('forwarding-none')).toBeVisible();
  expect((await callApi(page, '/localread/v1/forwarding')).body).toEqual({ hosts: [] });
  expect((await postRead(page, FORWARDED, await apiKey(page))).headers['operation-location']).toMatch(LOCAL_OPERATION);
  expect(standIn.received).toEqual([]);

  const named = await api(page, 'PUT', `/localread/v1/forwarding/${FORWARDED}`, { key: null, json: { key: USER_KEY } });
  expect(named.status).toBe(200);
  const deleted = await api(page, 'DELETE', '/localread/v1/operations');
  expect(deleted.body).toMatchObject({ keyReplaced: true });
  expect((await callApi(page, '/localread/v1/forwarding')).body).toEqual({ hosts: [] });
  expect(JSON.stringify(await rawDatabases(page))).not.toContain('forwarding');
  expect((await postRead(page, FORWARDED, await apiKey(page))).headers['operation-location']).toMatch(LOCAL_OPERATION);
  expect(standIn.received).toEqual([]);
});
