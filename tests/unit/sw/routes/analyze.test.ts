import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { closeTestStores, openTestStore } from '../../helpers/job-store';
import { readFixture } from '../../helpers/fixtures';
import { APP_ORIGIN, fetchApi, errorCodeOf, keysOf } from '../../helpers/sw-context';
import type { JobStore } from '../../../../src/jobs/job-store';
import { OCR_LANGUAGES, SHIPPED_LANGUAGES } from '../../../../src/read-api/params';

const PNG = readFixture('real-testocr.png');
/** A code of the spec's enum that this build ships no model for. */
const UNSHIPPED = OCR_LANGUAGES.find((language) => !Object.hasOwn(SHIPPED_LANGUAGES, language))!;
const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';

let store: JobStore;
let key: string;

beforeEach(async () => {
  ({ store } = await openTestStore());
  ({ key1: key } = await keysOf(store));
  vi.stubGlobal('location', { origin: APP_ORIGIN });
});

afterEach(() => {
  vi.unstubAllGlobals();
  closeTestStores();
});

interface Post {
  body?: BodyInit | null;
  type?: string | null;
  query?: string;
  key?: string | null;
  origin?: string;
}

function post({ body = PNG, type = 'application/octet-stream', query = '', key: sent = key, origin = APP_ORIGIN }: Post = {}) {
  const headers: Record<string, string> = {};
  if (type !== null) headers['Content-Type'] = type;
  if (sent !== null) headers['Ocp-Apim-Subscription-Key'] = sent;
  return fetchApi(store, `${origin}/vision/v3.2/read/analyze${query}`, { method: 'POST', headers, body });
}

/** A fetch() stand-in that answers every URL with `response`. */
function serve(response: () => Response | Promise<Response>) {
  const fetchMock = vi.fn(async (_url: URL | RequestInfo, _init?: RequestInit) => response());
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
}

const urlBody = (url: string) => JSON.stringify({ url });

describe('POST /vision/v3.2/read/analyze with the file (ReadInStream)', () => {
  it('answers 202 with an empty body, an absolute Operation-Location ending in the id, and a request id', async () => {
    const answer = await post();
    expect(answer.status).toBe(202);
    expect(await answer.text()).toBe('');
    const location = answer.headers.get('Operation-Location')!;
    expect(location).toMatch(new RegExp(`^${APP_ORIGIN}/vision/v3\\.2/read/analyzeResults/${UUID}$`));
    expect(answer.headers.get('apim-request-id')).toMatch(new RegExp(`^${UUID}$`));
    const id = location.split('/').at(-1)!;
    const job = await store.get(id);
    expect(job?.record).toMatchObject({ status: 'notStarted', keyId: 'key1', format: 'png' });
  });

  it('lets a caller of another origin read Operation-Location (CORS headers)', async () => {
    const answer = await post();
    expect(answer.headers.get('Access-Control-Allow-Origin')).toBe('*');
    const exposed = answer.headers.get('Access-Control-Expose-Headers')!.split(/,\s*/).map((name) => name.toLowerCase());
    expect(exposed).toEqual(expect.arrayContaining(['operation-location', 'apim-request-id', 'retry-after']));
  });

  it('points Operation-Location at the Azure host the caller addressed', async () => {
    const origin = 'https://my-resource.cognitiveservices.azure.com';
    const answer = await post({ origin });
    expect(answer.headers.get('Operation-Location')).toMatch(new RegExp(`^${origin}/vision/v3\\.2/read/analyzeResults/${UUID}$`));
  });

  it.each(['application/octet-stream; charset=binary', 'Application/Octet-Stream', 'image/png', 'IMAGE/PNG; q=1', 'image/jpeg'])(
    'takes Content-Type %j as a file, by its media type',
    async (type) => {
      expect((await post({ type })).status).toBe(202);
    },
  );

  it('takes a body sent without a Content-Type as a file', async () => {
    const answer = await post({ type: null, body: new Blob([PNG]) });
    expect(answer.status).toBe(202);
  });

  it('stores the validated query parameters with the job', async () => {
    const answer = await post({ query: '?language=en&pages=1,3-&readingOrder=natural&model-version=2022-04-30' });
    const id = answer.headers.get('Operation-Location')!.split('/').at(-1)!;
    expect((await store.get(id))?.record.params).toEqual({
      language: 'en',
      pages: [
        { from: 1, to: 1 },
        { from: 3, to: Infinity },
      ],
      readingOrder: 'natural',
      modelVersion: '2022-04-30',
    });
  });

  it('accepts the parameters the SDK always sends', async () => {
    expect((await post({ query: '?model-version=latest&readingOrder=basic' })).status).toBe(202);
  });

  it('accepts key2 as well as key1', async () => {
    const { key2 } = await keysOf(store);
    expect((await post({ key: key2 })).status).toBe(202);
  });
});

describe('POST /vision/v3.2/read/analyze errors', () => {
  it.each([
    ['no key', null],
    ['a wrong key', 'f'.repeat(32)],
  ])('answers Azure\'s 401 for %s, before looking at the body', async (_name, sent) => {
    const answer = await post({ key: sent, body: 'not an image' });
    expect(answer.status).toBe(401);
    expect(await errorCodeOf(answer)).toBe('401');
  });

  it.each([
    ['a language of the spec that we ship no model for', `?language=${UNSHIPPED}`, 'NotSupportedLanguage'],
    ['a language outside the spec', '?language=xx-YY', 'NotSupportedLanguage'],
    ['a malformed page range', '?pages=1;3', 'InvalidPageRange'],
    ['a reversed page range', '?pages=5-2', 'InvalidPageRange'],
    ['an unknown reading order', '?readingOrder=columns', 'InvalidReadingOrder'],
    ['a model version off the pattern', '?model-version=v3', 'BadArgument'],
    ['an undocumented model date', '?model-version=2023-01-01', 'BadArgument'],
  ])('answers 400 for %s', async (_name, query, code) => {
    const answer = await post({ query });
    expect(answer.status).toBe(400);
    expect(await errorCodeOf(answer)).toBe(code);
  });

  it.each([
    ['an empty body', new Uint8Array(0), 'InvalidImageSize'],
    ['text', new TextEncoder().encode('plain text, not an image'), 'InvalidImageFormat'],
    ['a GIF', readFixture('bad/unsupported.gif'), 'InvalidImageFormat'],
    ['an image under 50 px', readFixture('bad/tiny-40x40.png'), 'InvalidImageSize'],
    ['an image over 10000 px', readFixture('bad/wide-10001x60.png'), 'InvalidImageSize'],
  ])('answers 400 for %s', async (_name, body, code) => {
    const answer = await post({ body });
    expect(answer.status).toBe(400);
    expect(await errorCodeOf(answer)).toBe(code);
  });

  it('accepts images at the bounds, 50 px and 10000 px', async () => {
    expect((await post({ body: readFixture('bad/min-50x50.png') })).status).toBe(202);
    expect((await post({ body: readFixture('bad/wide-10000x60.png') })).status).toBe(202);
  });

  it.each(['text/plain', 'multipart/form-data; boundary=x', 'application/x-www-form-urlencoded'])(
    'answers 415 UnsupportedMediaType for Content-Type %j',
    async (type) => {
      const answer = await post({ type });
      expect(answer.status).toBe(415);
      expect(await errorCodeOf(answer)).toBe('UnsupportedMediaType');
    },
  );
});

describe('POST /vision/v3.2/read/analyze with {"url"} (Read)', () => {
  it('fetches the URL without cookies and accepts the image', async () => {
    const fetchMock = serve(() => new Response(PNG, { headers: { 'Content-Type': 'image/png' } }));
    const answer = await post({ type: 'application/json; charset=utf-8', body: urlBody('https://images.test/page.png') });
    expect(answer.status).toBe(202);
    expect(String(fetchMock.mock.calls[0]![0])).toBe('https://images.test/page.png');
    expect(fetchMock.mock.calls[0]![1]).toMatchObject({ credentials: 'omit' });
  });

  it.each([
    ['answers 404', () => new Response('missing', { status: 404 })],
    ['answers 500', () => new Response('oops', { status: 500 })],
    ['answers an HTML page', () => new Response('<!doctype html><p>hello</p>', { headers: { 'Content-Type': 'text/html' } })],
    ['answers an empty body', () => new Response(new Uint8Array(0))],
    ['answers a GIF', () => new Response(readFixture('bad/unsupported.gif'))],
    ['cannot be reached', () => Promise.reject(new TypeError('Failed to fetch'))],
  ])('answers 400 InvalidImageUrl when the URL %s', async (_name, response) => {
    serve(response);
    const answer = await post({ type: 'application/json', body: urlBody('https://images.test/page.png') });
    expect(answer.status).toBe(400);
    expect(await errorCodeOf(answer)).toBe('InvalidImageUrl');
  });

  it('keeps InvalidImageSize for an image of the wrong size at the URL', async () => {
    serve(() => new Response(readFixture('bad/tiny-40x40.png')));
    const answer = await post({ type: 'application/json', body: urlBody('https://images.test/tiny.png') });
    expect(await errorCodeOf(answer)).toBe('InvalidImageSize');
  });

  it.each([
    ['has no url', '{}'],
    ['has a url that is not a string', '{"url": 42}'],
    ['has an empty url', '{"url": ""}'],
    ['is a JSON string, not an object', '"https://images.test/page.png"'],
    ['has a relative url', '{"url": "/page.png"}'],
    ['has a url of another scheme', '{"url": "ftp://images.test/page.png"}'],
  ])('answers 400 InvalidImageUrl, without fetching, when the JSON %s', async (_name, body) => {
    const fetchMock = serve(() => new Response(PNG));
    const answer = await post({ type: 'application/json', body });
    expect(answer.status).toBe(400);
    expect(await errorCodeOf(answer)).toBe('InvalidImageUrl');
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it.each(['', 'not json', '{"url": "https://images.test/a.png"'])('answers 400 InvalidRequest for the body %j', async (body) => {
    const answer = await post({ type: 'application/json', body });
    expect(answer.status).toBe(400);
    expect(await errorCodeOf(answer)).toBe('InvalidRequest');
  });
});
