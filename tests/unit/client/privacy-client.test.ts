import { afterEach, describe, expect, it, vi } from 'vitest';
import { PrivacyClient } from '../../../src/client/privacy-client';
import { ApiClientError } from '../../../src/client/api-transport';

const ORIGIN = 'https://localread.test';
const ID = '49a36324-fc4b-4387-aa06-090cfbf0064f';
const STORAGE = { count: 1, bytes: 10, oldestExpirationDateTime: null, retentionMs: 1, usage: null, quota: null, persisted: null };

afterEach(() => vi.unstubAllGlobals());

/** A server whose valid key is `valid()`; records what each call sent. */
function server(valid: () => string, answer: (url: URL, method: string) => Response) {
  const calls: Array<{ path: string; method: string; key: string }> = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: URL, init: RequestInit = {}) => {
      if (url.pathname === '/localread/v1/keys') return Response.json({ endpoint: ORIGIN, key1: valid(), key2: 'k2' });
      const key = (init.headers as Record<string, string>)['Ocp-Apim-Subscription-Key']!;
      const method = init.method ?? 'GET';
      calls.push({ path: url.pathname, method, key });
      if (key !== valid()) return Response.json({ error: { code: '401', message: 'Access denied' } }, { status: 401 });
      return answer(url, method);
    }),
  );
  return calls;
}

describe('PrivacyClient', () => {
  it('sends key1 with every call', async () => {
    const calls = server(() => 'valid', () => Response.json(STORAGE));
    expect(await new PrivacyClient(ORIGIN).storage()).toEqual(STORAGE);
    expect(calls).toEqual([{ path: '/localread/v1/storage', method: 'GET', key: 'valid' }]);
  });

  it('reads the key again after a 401, so a regenerated key does not break the page', async () => {
    let key = 'old';
    const calls = server(() => key, () => Response.json({ operations: [] }));
    const client = new PrivacyClient(ORIGIN);
    await client.operations();
    key = 'new';
    expect(await client.operations()).toEqual([]);
    expect(calls.map((call) => call.key)).toEqual(['old', 'old', 'new']);
  });

  it('deletes one operation: true on 204, false on 404, an error otherwise', async () => {
    let status = 204;
    const calls = server(
      () => 'valid',
      () => (status === 204 ? new Response(null, { status }) : Response.json({ error: { code: 'X', message: 'm' } }, { status })),
    );
    const client = new PrivacyClient(ORIGIN);
    expect(await client.deleteOperation(ID)).toBe(true);
    status = 404;
    expect(await client.deleteOperation(ID)).toBe(false);
    status = 429;
    await expect(client.deleteOperation(ID)).rejects.toBeInstanceOf(ApiClientError);
    expect(calls[0]).toEqual({ path: `/localread/v1/operations/${ID}`, method: 'DELETE', key: 'valid' });
  });

  it('deletes everything with DELETE /localread/v1/operations and answers how many', async () => {
    const calls = server(() => 'valid', () => Response.json({ deleted: 3, keyReplaced: true }));
    expect(await new PrivacyClient(ORIGIN).deleteEverything()).toBe(3);
    expect(calls).toEqual([{ path: '/localread/v1/operations', method: 'DELETE', key: 'valid' }]);
  });
});
