import { afterEach, describe, expect, it, vi } from 'vitest';
import { fetchImageUrl, parseImageUrlBody } from '../../../src/sw/fetch-image-url';
import { ReadApiError } from '../../../src/read-api/errors';
import { readFixture } from '../helpers/fixtures';

const PNG = readFixture('real-testocr.png');
const ORIGIN = 'https://localread.test';

afterEach(() => vi.unstubAllGlobals());

async function codeOf(action: Promise<unknown>): Promise<string> {
  const error = await action.then(
    () => null,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(ReadApiError);
  return (error as ReadApiError).code;
}

describe('parseImageUrlBody', () => {
  it('returns the absolute URL of {"url"}, ignoring other fields', () => {
    expect(parseImageUrlBody('{"url": "https://a.test/x.png?v=1", "other": 1}').href).toBe('https://a.test/x.png?v=1');
  });

  it('accepts http as Azure does', () => {
    expect(parseImageUrlBody('{"url": "http://a.test/x.png"}').protocol).toBe('http:');
  });
});

describe('fetchImageUrl', () => {
  it('serves a URL of the app from its caches, without the network, so it works offline', async () => {
    const fetchMock = vi.fn(() => Promise.reject(new TypeError('offline')));
    vi.stubGlobal('fetch', fetchMock);
    const matchCache = vi.fn(async () => new Response(PNG));
    const document = await fetchImageUrl(JSON.stringify({ url: `${ORIGIN}/samples/page.png` }), { origin: ORIGIN, matchCache });
    expect(document.format).toBe('png');
    expect(document.input.byteLength).toBe(PNG.byteLength);
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it('fetches a URL of the app that no cache holds', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => new Response(PNG)));
    const document = await fetchImageUrl(JSON.stringify({ url: `${ORIGIN}/page.png` }), {
      origin: ORIGIN,
      matchCache: async () => undefined,
    });
    expect(document.format).toBe('png');
  });

  it('never looks up another origin\'s URL in the app\'s caches', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => new Response(PNG)));
    const matchCache = vi.fn(async () => undefined);
    await fetchImageUrl(JSON.stringify({ url: 'https://elsewhere.test/page.png' }), { origin: ORIGIN, matchCache });
    expect(matchCache).not.toHaveBeenCalled();
  });

  it('refuses a declared size over 500 MB with InvalidImageSize, before reading the body', async () => {
    const huge = new Response(PNG, { headers: { 'Content-Length': String(600 * 1024 * 1024) } });
    vi.stubGlobal('fetch', vi.fn(async () => huge));
    expect(await codeOf(fetchImageUrl('{"url": "https://a.test/x.png"}', { origin: ORIGIN }))).toBe('InvalidImageSize');
  });

  it('answers InvalidImageUrl when the download times out', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(
        (_url: URL, init: RequestInit) =>
          new Promise((_resolve, reject) => init.signal!.addEventListener('abort', () => reject(init.signal!.reason))),
      ),
    );
    const action = fetchImageUrl('{"url": "https://slow.test/x.png"}', { origin: ORIGIN, timeoutMs: 10 });
    expect(await codeOf(action)).toBe('InvalidImageUrl');
  });
});
