import { afterEach, describe, expect, it, vi } from 'vitest';
import { ReadClient, ReadClientError } from '../../../src/client/read-client';

const ORIGIN = 'https://localread.test';
const ID = '49a36324-fc4b-4387-aa06-090cfbf0064f';
const WAITING = { status: 'notStarted', createdDateTime: '2024-01-01T00:00:00.000Z', lastUpdatedDateTime: '2024-01-01T00:00:00.000Z' };
const DENIED = () => Response.json({ error: { code: '401', message: 'Access denied' } }, { status: 401 });

afterEach(() => vi.unstubAllGlobals());

/** A server whose valid key is `valid()`; answers the keys endpoint with it as key1. */
function server(valid: () => string) {
  const sentKeys: string[] = [];
  const fetchMock = vi.fn(async (url: URL, init: RequestInit = {}) => {
    if (url.pathname === '/localread/v1/keys') return Response.json({ endpoint: ORIGIN, key1: valid(), key2: 'x' });
    const key = (init.headers as Record<string, string>)['Ocp-Apim-Subscription-Key']!;
    sentKeys.push(key);
    return key === valid() ? Response.json(WAITING) : DENIED();
  });
  vi.stubGlobal('fetch', fetchMock);
  return { sentKeys };
}

describe('ReadClient', () => {
  it('reads the key again after a 401 and retries once, so a key regenerated elsewhere does not break it', async () => {
    let key = 'old';
    const { sentKeys } = server(() => key);
    const client = await ReadClient.connect(ORIGIN);
    key = 'new';
    expect((await client.getResult(ID)).status).toBe('notStarted');
    expect(sentKeys).toEqual(['old', 'new']);
    expect(client.key).toBe('new');
  });

  it('answers the 401 when the key has not changed', async () => {
    const { sentKeys } = server(() => 'valid');
    const client = new ReadClient(ORIGIN, 'wrong', async () => 'wrong');
    const error = await client.getResult(ID).catch((reason: unknown) => reason);
    expect(error).toBeInstanceOf(ReadClientError);
    expect(error).toMatchObject({ status: 401, code: '401' });
    expect(sentKeys).toEqual(['wrong']);
  });

  it('does not retry without a way to reload the key', async () => {
    const { sentKeys } = server(() => 'valid');
    await expect(new ReadClient(ORIGIN, 'wrong').getResult(ID)).rejects.toMatchObject({ status: 401 });
    expect(sentKeys).toEqual(['wrong']);
  });
});
