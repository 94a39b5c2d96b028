/**
 * The service worker's router, driven in-process through workbox's `Router.handleRequest`: which
 * origins each route is served for, the Azure hosts passed on when the user says so, the catch
 * handler's Azure-shaped errors (500 only for the unexpected), and the sweep on every request.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { JobStore } from '../../../src/jobs/job-store';
import { closeTestStores, newJob, openTestStore, type ManualClock } from '../helpers/job-store';
import { APP_ORIGIN, FakeExtendableEvent, errorCodeOf, jsonOf, routed } from '../helpers/sw-context';

const AZURE = 'https://my-resource.cognitiveservices.azure.com';
const REGIONAL = 'https://westeurope.api.cognitive.microsoft.com';
const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000';
const DAY = 24 * 60 * 60 * 1000;

let store: JobStore;
let clock: ManualClock;
let key: string;

beforeEach(async () => {
  ({ store, clock } = await openTestStore());
  ({ key1: key } = await store.apiKeys());
});

afterEach(() => {
  vi.unstubAllGlobals();
  closeTestStores();
});

const withKey = (sent = key): RequestInit => ({ headers: { 'Ocp-Apim-Subscription-Key': sent } });

/** A fetch() stand-in for the network beyond the service worker. */
function network(answer: (request: Request) => Promise<Response>) {
  const fetchMock = vi.fn(answer);
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
}

describe('origin gating', () => {
  it.each([
    ['an extension route on an Azure host', `${AZURE}/localread/v1/keys`],
    ['an extension route on another origin', 'https://elsewhere.test/localread/v1/settings'],
    ['a Read route on an origin that is not Azure', `https://elsewhere.test/vision/v3.2/read/analyzeResults/${UNKNOWN_ID}`],
    ['an Azure host outside the Read API', `${AZURE}/vision/v3.2/analyze`],
    ['an app file of our origin', '/index.html'],
  ])('takes no route for %s: the request goes on as if there were no service worker', async (_name, url) => {
    expect(await routed(store, url, withKey())).toBeUndefined();
  });

  it.each([AZURE, REGIONAL])('answers the Read routes for the Azure host %s, with the same keys', async (origin) => {
    const found = await routed(store, `${origin}/vision/v3.2/read/analyzeResults/${UNKNOWN_ID}`, withKey());
    expect(found?.status).toBe(404);
    expect(await errorCodeOf(found!)).toBe('NotFound');
    const refused = await routed(store, `${origin}/vision/v3.2/read/analyzeResults/${UNKNOWN_ID}`, withKey('wrong'));
    expect(refused?.status).toBe(401);
  });

  it('answers every extension route for our own origin', async () => {
    expect((await routed(store, '/localread/v1/settings'))?.status).toBe(200);
    expect((await routed(store, '/localread/v1/keys'))?.status).toBe(200);
  });

  it.each([
    ['GET', `${APP_ORIGIN}/localread/v2/anything`],
    ['PUT', `${APP_ORIGIN}/localread/v1/settings`],
    ['GET', `${APP_ORIGIN}/vision/v3.1/read/analyze`],
    ['DELETE', `${AZURE}/vision/v3.2/read/analyze`],
  ])('answers 404 NotFound for %s %s under our prefixes, never the network', async (method, url) => {
    const fetchMock = network(async () => new Response('network'));
    const found = await routed(store, url, { method, ...withKey() });
    expect(found?.status).toBe(404);
    expect(await errorCodeOf(found!)).toBe('NotFound');
    expect(fetchMock).not.toHaveBeenCalled();
  });
});

describe('Azure hosts with answerAzureHosts off', () => {
  beforeEach(() => store.updateSettings({ answerAzureHosts: false }));

  it('passes the request on to the network unchanged and answers what the network answers', async () => {
    const fetchMock = network(async () => new Response('from Azure', { status: 202 }));
    const found = await routed(store, `${AZURE}/vision/v3.2/read/analyze`, { method: 'POST', body: 'document', ...withKey('azure-key') });
    expect(found?.status).toBe(202);
    expect(await found?.text()).toBe('from Azure');
    const [sent] = fetchMock.mock.calls[0]!;
    expect(sent.url).toBe(`${AZURE}/vision/v3.2/read/analyze`);
    expect(sent.method).toBe('POST');
    expect(sent.headers.get('Ocp-Apim-Subscription-Key')).toBe('azure-key');
    expect(await sent.text()).toBe('document');
    expect(await store.inventory()).toMatchObject({ operations: [] });
  });

  it('answers a network failure as a network failure, not a 500 of ours', async () => {
    network(async () => Promise.reject(new TypeError('Failed to fetch')));
    const found = await routed(store, `${AZURE}/vision/v3.2/read/analyzeResults/${UNKNOWN_ID}`, withKey());
    expect(found?.type).toBe('error');
  });

  it('still answers our own origin', async () => {
    const fetchMock = network(async () => new Response('network'));
    expect((await routed(store, `/vision/v3.2/read/analyzeResults/${UNKNOWN_ID}`, withKey()))?.status).toBe(404);
    expect(fetchMock).not.toHaveBeenCalled();
  });
});

describe('the catch handler', () => {
  const broken = () => Promise.reject(new Error('the database could not be opened'));

  it('answers an unexpected failure as Azure\'s 500 InternalServerError, with a request id', async () => {
    const found = await routed(store, '/localread/v1/settings', {}, { openStore: broken });
    expect(found?.status).toBe(500);
    expect(await errorCodeOf(found!.clone())).toBe('InternalServerError');
    expect(await jsonOf(found!)).toEqual({ error: { code: 'InternalServerError', message: 'Error: the database could not be opened' } });
    expect(found?.headers.get('apim-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    expect(found?.headers.get('Access-Control-Allow-Origin')).toBe('*');
  });

  it('answers an Azure host with the 500 too, rather than sending the document to Azure', async () => {
    const fetchMock = network(async () => new Response('from Azure'));
    const found = await routed(store, `${AZURE}/vision/v3.2/read/analyze`, { method: 'POST', body: 'x', ...withKey() }, { openStore: broken });
    expect(found?.status).toBe(500);
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it('answers our errors with their own status and code, not 500', async () => {
    const found = await routed(store, '/localread/v1/settings', { method: 'PATCH', headers: { 'Content-Type': 'text/plain' }, body: '{}' });
    expect(found?.status).toBe(415);
    expect(await errorCodeOf(found!)).toBe('UnsupportedMediaType');
  });
});

describe('the sweep on every request', () => {
  it('deletes expired operations after the answer, through the event\'s waitUntil', async () => {
    await store.create(newJob());
    clock.advance(DAY);
    const event = new FakeExtendableEvent();
    const found = await routed(store, '/localread/v1/settings', {}, { event });
    expect(found?.status).toBe(200);
    expect(event.pending).toHaveLength(1);
    await Promise.all(event.pending);
    expect((await store.inventory()).operations).toEqual([]);
  });

  it('sweeps for a request answered with an error too', async () => {
    await store.create(newJob());
    clock.advance(DAY);
    const event = new FakeExtendableEvent();
    expect((await routed(store, '/localread/v1/nothing-here', {}, { event }))?.status).toBe(404);
    await Promise.all(event.pending);
    expect((await store.inventory()).operations).toEqual([]);
  });

  it('keeps operations inside the window', async () => {
    await store.create(newJob());
    clock.advance(DAY - 1);
    await routed(store, '/localread/v1/settings');
    expect((await store.inventory()).operations).toHaveLength(1);
  });

  it('does not sweep for a request it passes on to Azure', async () => {
    await store.updateSettings({ answerAzureHosts: false });
    network(async () => new Response('from Azure'));
    const event = new FakeExtendableEvent();
    await routed(store, `${AZURE}/vision/v3.2/read/analyzeResults/${UNKNOWN_ID}`, withKey(), { event });
    expect(event.pending).toEqual([]);
  });
});
