import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiClientError } from '../../../src/client/api-transport';
import { fetchKeys, regenerateKey } from '../../../src/client/keys-client';

const ORIGIN = 'https://localread.test';
const KEYS = { endpoint: ORIGIN, key1: 'a'.repeat(32), key2: 'b'.repeat(32) };

afterEach(() => vi.unstubAllGlobals());

describe('keys client', () => {
  it('reads both keys from the extension endpoint', async () => {
    const fetchMock = vi.fn(async (_url: URL) => Response.json(KEYS));
    vi.stubGlobal('fetch', fetchMock);
    expect(await fetchKeys(ORIGIN)).toEqual(KEYS);
    expect(String(fetchMock.mock.calls[0]![0])).toBe(`${ORIGIN}/localread/v1/keys`);
  });

  it('regenerates a key with POST, sending the authorising key in Azure\'s header', async () => {
    const fetchMock = vi.fn(async (_url: URL, _init: RequestInit) => Response.json({ ...KEYS, key1: 'c'.repeat(32) }));
    vi.stubGlobal('fetch', fetchMock);
    const keys = await regenerateKey('key1', KEYS.key2, ORIGIN);
    expect(keys.key1).toBe('c'.repeat(32));
    const [url, init] = fetchMock.mock.calls[0]!;
    expect(String(url)).toBe(`${ORIGIN}/localread/v1/keys/key1/regenerate`);
    expect(init).toMatchObject({ method: 'POST', headers: { 'Ocp-Apim-Subscription-Key': KEYS.key2 } });
  });

  it('rejects with the status and Azure code of a refusal, without retrying with another key', async () => {
    const fetchMock = vi.fn(async () => Response.json({ error: { code: '401', message: 'Access denied' } }, { status: 401 }));
    vi.stubGlobal('fetch', fetchMock);
    const error = await regenerateKey('key2', 'wrong', ORIGIN).catch((reason: unknown) => reason);
    expect(error).toBeInstanceOf(ApiClientError);
    expect(error).toMatchObject({ status: 401, code: '401', message: 'Access denied' });
    expect(fetchMock).toHaveBeenCalledTimes(1);
  });
});
