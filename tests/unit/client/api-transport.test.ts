import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiClientError, bodyOf, failureOf, fetchKeys, KeyedTransport } from '../../../src/client/api-transport';

const ORIGIN = 'https://localread.test';
const DENIED = () => Response.json({ error: { code: '401', message: 'Access denied' } }, { status: 401 });

afterEach(() => vi.unstubAllGlobals());

describe('failureOf', () => {
  it('takes Azure\'s code and message from an error body', async () => {
    const error = await failureOf(Response.json({ error: { code: 'BadArgument', message: 'no' } }, { status: 400 }));
    expect(error).toBeInstanceOf(ApiClientError);
    expect(error).toMatchObject({ name: 'ApiClientError', status: 400, code: 'BadArgument', message: 'no' });
  });

  it.each([
    ['a body that is not JSON', () => new Response('<html>', { status: 502, statusText: 'Bad Gateway' })],
    ['JSON of another shape', () => Response.json({ error: 'oops' }, { status: 502, statusText: 'Bad Gateway' })],
    ['an error without a message', () => Response.json({ error: { code: 'X' } }, { status: 502, statusText: 'Bad Gateway' })],
  ])('falls back to the status for %s', async (_name, response) => {
    expect(await failureOf(response())).toMatchObject({ status: 502, code: '502', message: 'Bad Gateway' });
  });

  it('says which status came back when there is no status text either', async () => {
    expect((await failureOf(new Response(null, { status: 503 }))).message).toContain('503');
  });
});

describe('bodyOf', () => {
  it('answers the body of the expected status and rejects any other', async () => {
    expect(await bodyOf(Response.json({ a: 1 }))).toEqual({ a: 1 });
    await expect(bodyOf(Response.json({ a: 1 }), 201)).rejects.toMatchObject({ status: 200, code: '200' });
  });
});

describe('fetchKeys', () => {
  it('reads the endpoint and both keys without sending a key', async () => {
    const fetchMock = vi.fn(async (_url: URL, _init?: RequestInit) => Response.json({ endpoint: ORIGIN, key1: 'a', key2: 'b' }));
    vi.stubGlobal('fetch', fetchMock);
    expect(await fetchKeys(ORIGIN)).toEqual({ endpoint: ORIGIN, key1: 'a', key2: 'b' });
    expect(String(fetchMock.mock.calls[0]![0])).toBe(`${ORIGIN}/localread/v1/keys`);
    expect(fetchMock.mock.calls[0]![1]).toBeUndefined();
  });

  it('rejects with ApiClientError when the keys cannot be read', async () => {
    vi.stubGlobal('fetch', async () => new Response('not found', { status: 404, statusText: 'Not Found' }));
    await expect(fetchKeys(ORIGIN)).rejects.toBeInstanceOf(ApiClientError);
  });
});

describe('KeyedTransport', () => {
  /** A server whose valid key1 is `valid()`; counts reads of the keys and records sent keys. */
  function server(valid: () => string) {
    const sent: string[] = [];
    let keyReads = 0;
    vi.stubGlobal('fetch', async (url: URL, init: RequestInit = {}) => {
      if (url.pathname === '/localread/v1/keys') {
        keyReads += 1;
        return Response.json({ endpoint: ORIGIN, key1: valid(), key2: 'other' });
      }
      const key = new Headers(init.headers).get('Ocp-Apim-Subscription-Key') ?? '';
      sent.push(key);
      return key === valid() ? Response.json({ ok: true }) : DENIED();
    });
    return { sent, keyReads: () => keyReads };
  }

  it('reads key1 once, on first use, and sends it in Azure\'s header with the caller\'s headers', async () => {
    const { sent, keyReads } = server(() => 'valid');
    const transport = new KeyedTransport(ORIGIN);
    expect(transport.key).toBeNull();
    await transport.send('/localread/v1/storage', { headers: { Accept: 'application/json' } });
    await transport.send('/localread/v1/storage');
    expect(sent).toEqual(['valid', 'valid']);
    expect(keyReads()).toBe(1);
    expect(transport.key).toBe('valid');
  });

  it('after a 401 reads the key again and retries once with the new one', async () => {
    let key = 'old';
    const { sent } = server(() => key);
    const transport = new KeyedTransport(ORIGIN);
    await transport.send('/x');
    key = 'new';
    expect((await transport.send('/x')).status).toBe(200);
    expect(sent).toEqual(['old', 'old', 'new']);
  });

  it('answers the 401 itself when the key read again is the same', async () => {
    const { sent } = server(() => 'valid');
    const transport = new KeyedTransport(ORIGIN, { key: 'wrong', loadKey: async () => 'wrong' });
    expect((await transport.send('/x')).status).toBe(401);
    expect(sent).toEqual(['wrong']);
  });

  it('never retries with a fixed key', async () => {
    const { sent, keyReads } = server(() => 'valid');
    expect((await new KeyedTransport(ORIGIN, { key: 'wrong', loadKey: null }).send('/x')).status).toBe(401);
    expect(sent).toEqual(['wrong']);
    expect(keyReads()).toBe(0);
  });
});
