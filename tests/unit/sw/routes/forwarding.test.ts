/**
 * Forwarding to Azure, through the service worker's own router: the extension endpoints that name
 * hosts (keys answered masked only), and what the router does with a request to a named host (sent
 * on as sent, our key swapped for the user's), to a host not named (answered here, nothing sent),
 * and with `answerAzureHosts` off (a named host still wins).
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { JobStore } from '../../../../src/jobs/job-store';
import { closeTestStores, openTestStore } from '../../helpers/job-store';
import { errorCodeOf, fetchApi, jsonOf, routed } from '../../helpers/sw-context';

const HOST = 'myres.cognitiveservices.azure.com';
const NOT_NAMED = 'other.cognitiveservices.azure.com';
const USER_KEY = 'f00dfeed0123456789abcdefc0ffee42';
const ANALYZE = '/vision/v3.2/read/analyze';

let store: JobStore;
let ourKey: string;

beforeEach(async () => {
  ({ store } = await openTestStore());
  ({ key1: ourKey } = await store.apiKeys());
});

afterEach(() => {
  vi.unstubAllGlobals();
  closeTestStores();
});

const put = (host: string, body: string, type = 'application/json') =>
  fetchApi(store, `/localread/v1/forwarding/${host}`, { method: 'PUT', headers: { 'Content-Type': type }, body });

/** A fetch() stand-in for Azure beyond the service worker, which keeps what it was sent. */
function azure() {
  const fetchMock = vi.fn(async (_request: Request) =>
    new Response(null, { status: 202, headers: { 'Operation-Location': `https://${HOST}/vision/v3.2/read/analyzeResults/from-azure` } }),
  );
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
}

describe('the forwarding endpoints', () => {
  it('names a host, shows it with its key masked, and removes it', async () => {
    const named = await put(HOST, JSON.stringify({ key: USER_KEY }));
    expect(named.status).toBe(200);
    const entry = { host: HOST, maskedKey: `${'•'.repeat(28)}ee42`, addedDateTime: expect.any(String) };
    expect(await jsonOf(named)).toEqual(entry);
    expect(await jsonOf(await fetchApi(store, '/localread/v1/forwarding'))).toEqual({ hosts: [entry] });
    expect(await jsonOf(await fetchApi(store, `/localread/v1/forwarding/${HOST.toUpperCase()}`))).toEqual(entry);
    const removed = await fetchApi(store, `/localread/v1/forwarding/${HOST}`, { method: 'DELETE' });
    expect(removed.status).toBe(204);
    expect(await jsonOf(await fetchApi(store, '/localread/v1/forwarding'))).toEqual({ hosts: [] });
  });

  it('never answers the key in clear', async () => {
    await put(HOST, JSON.stringify({ key: USER_KEY }));
    for (const path of ['/localread/v1/forwarding', `/localread/v1/forwarding/${HOST}`, '/localread/v1/settings', '/localread/v1/keys']) {
      expect(await (await fetchApi(store, path)).text()).not.toContain(USER_KEY.slice(0, 8));
    }
  });

  it.each([
    ['a host that is not Azure\'s', 'example.com', JSON.stringify({ key: USER_KEY }), 'application/json', 400, 'BadArgument'],
    ['a key that is not one', HOST, JSON.stringify({ key: 'short' }), 'application/json', 400, 'BadArgument'],
    ['a body that is not JSON', HOST, 'key=abc', 'application/json', 400, 'InvalidRequest'],
    ['another media type', HOST, JSON.stringify({ key: USER_KEY }), 'text/plain', 415, 'UnsupportedMediaType'],
  ])('refuses %s in Azure\'s error shape', async (_name, host, body, type, status, code) => {
    const refused = await put(host, body, type);
    expect(refused.status).toBe(status);
    expect(await errorCodeOf(refused)).toBe(code);
    expect(await store.forwarding.list()).toEqual([]);
  });

  it('answers 404 NotFound for a host not forwarded', async () => {
    for (const method of ['GET', 'DELETE']) {
      const found = await fetchApi(store, `/localread/v1/forwarding/${HOST}`, { method });
      expect(found.status).toBe(404);
      expect(await errorCodeOf(found)).toBe('NotFound');
    }
  });

  it('is served for our own origin only, never for an Azure host', async () => {
    expect(await routed(store, `https://${HOST}/localread/v1/forwarding`)).toBeUndefined();
  });
});

describe('a request to a forwarded host', () => {
  beforeEach(() => store.forwarding.put(HOST, USER_KEY));

  it('goes to that host exactly as sent, with our key replaced by the user\'s, and answers Azure\'s answer', async () => {
    const fetchMock = azure();
    const url = `https://${HOST}${ANALYZE}?language=en&readingOrder=natural`;
    const headers = { 'Ocp-Apim-Subscription-Key': ourKey, 'Content-Type': 'application/octet-stream', 'X-Trace': 't-1' };
    const answer = await routed(store, url, { method: 'POST', headers, body: new Uint8Array([1, 2, 3, 250]) });
    expect(answer?.status).toBe(202);
    expect(answer?.headers.get('Operation-Location')).toBe(`https://${HOST}/vision/v3.2/read/analyzeResults/from-azure`);
    expect(fetchMock).toHaveBeenCalledTimes(1);
    const [sent] = fetchMock.mock.calls[0]!;
    expect(sent.url).toBe(url);
    expect(sent.method).toBe('POST');
    expect(Object.fromEntries(sent.headers)).toEqual({
      'ocp-apim-subscription-key': USER_KEY,
      'content-type': 'application/octet-stream',
      'x-trace': 't-1',
    });
    expect([...new Uint8Array(await sent.arrayBuffer())]).toEqual([1, 2, 3, 250]);
    expect(await store.inventory()).toMatchObject({ operations: [] });
  });

  it('keeps a key that is not one of ours as sent, and sends no key when none was sent', async () => {
    const fetchMock = azure();
    await routed(store, `https://${HOST}/vision/v3.2/read/analyzeResults/x`, { headers: { 'Ocp-Apim-Subscription-Key': 'their-own-key' } });
    await routed(store, `https://${HOST}/vision/v3.2/read/analyzeResults/x`);
    expect(fetchMock.mock.calls[0]![0].headers.get('Ocp-Apim-Subscription-Key')).toBe('their-own-key');
    expect(fetchMock.mock.calls[1]![0].headers.get('Ocp-Apim-Subscription-Key')).toBeNull();
  });

  it('is forwarded even with answerAzureHosts off: a named host wins', async () => {
    await store.updateSettings({ answerAzureHosts: false });
    const fetchMock = azure();
    await routed(store, `https://${HOST}${ANALYZE}`, { method: 'POST', headers: { 'Ocp-Apim-Subscription-Key': ourKey }, body: 'x' });
    expect(fetchMock.mock.calls[0]![0].headers.get('Ocp-Apim-Subscription-Key')).toBe(USER_KEY);
  });

  it('answers a network failure as a network failure', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => Promise.reject(new TypeError('Failed to fetch'))));
    const answer = await routed(store, `https://${HOST}/vision/v3.2/read/analyzeResults/x`, { headers: { 'Ocp-Apim-Subscription-Key': ourKey } });
    expect(answer?.type).toBe('error');
  });

  it('leaves a host not named answered here, with nothing sent', async () => {
    const fetchMock = azure();
    const answer = await routed(store, `https://${NOT_NAMED}${ANALYZE}`, {
      method: 'POST',
      headers: { 'Ocp-Apim-Subscription-Key': ourKey, 'Content-Type': 'application/octet-stream' },
      body: new Uint8Array([0x89, 0x50, 0x4e, 0x47]),
    });
    expect(answer?.status).toBe(400);
    expect(await errorCodeOf(answer!)).toBe('InvalidImageFormat');
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it('leaves our own origin answered here, the same paths included', async () => {
    const fetchMock = azure();
    const answer = await routed(store, '/vision/v3.2/read/analyzeResults/00000000-0000-4000-8000-000000000000', {
      headers: { 'Ocp-Apim-Subscription-Key': ourKey },
    });
    expect(answer?.status).toBe(404);
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it('is no longer forwarded once the host is removed', async () => {
    await store.forwarding.remove(HOST);
    const fetchMock = azure();
    const answer = await routed(store, `https://${HOST}/vision/v3.2/read/analyzeResults/x`, { headers: { 'Ocp-Apim-Subscription-Key': ourKey } });
    expect(answer?.status).toBe(404);
    expect(fetchMock).not.toHaveBeenCalled();
  });
});
