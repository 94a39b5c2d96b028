import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiClientError } from '../../../src/client/api-transport';
import { ReadClient } from '../../../src/client/read-client';

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
    const client = new ReadClient(ORIGIN, { key: 'wrong', loadKey: async () => 'wrong' });
    const error = await client.getResult(ID).catch((reason: unknown) => reason);
    expect(error).toBeInstanceOf(ApiClientError);
    expect(error).toMatchObject({ status: 401, code: '401' });
    expect(sentKeys).toEqual(['wrong']);
  });

  it('does not retry without a way to reload the key', async () => {
    const { sentKeys } = server(() => 'valid');
    await expect(new ReadClient(ORIGIN, { key: 'wrong', loadKey: null }).getResult(ID)).rejects.toMatchObject({ status: 401 });
    expect(sentKeys).toEqual(['wrong']);
  });

  it('follows an operation to its end, with the extension fields typed', async () => {
    const answers = [
      { ...WAITING, status: 'running', progress: { pagesDone: 1, pagesTotal: 2 } },
      { ...WAITING, status: 'failed', error: { code: 'InvalidImageFormat', message: 'not an image' } },
    ];
    vi.stubGlobal('fetch', async () => Response.json(answers.shift()));
    const updates: Array<{ pagesDone: number; pagesTotal: number } | undefined> = [];
    const final = await new ReadClient(ORIGIN, { key: 'k', loadKey: null }).waitForResult(ID, {
      intervalMs: 0,
      onUpdate: (update) => updates.push(update.progress),
    });
    expect(updates).toEqual([{ pagesDone: 1, pagesTotal: 2 }, undefined]);
    expect(final.error).toEqual({ code: 'InvalidImageFormat', message: 'not an image' });
  });

  it('answers the operation id of a submission, from Operation-Location', async () => {
    vi.stubGlobal('fetch', async () => new Response(null, { status: 202, headers: { 'Operation-Location': `${ORIGIN}/vision/v3.2/read/analyzeResults/${ID}` } }));
    expect(await new ReadClient(ORIGIN, { key: 'k', loadKey: null }).analyze(new Blob(['x']))).toBe(ID);
  });

  it('rejects a refused submission with Azure\'s code', async () => {
    vi.stubGlobal('fetch', async () => Response.json({ error: { code: 'InvalidImageFormat', message: 'bad' } }, { status: 400 }));
    await expect(new ReadClient(ORIGIN, { key: 'k', loadKey: null }).analyze(new Blob(['x']))).rejects.toMatchObject({
      status: 400,
      code: 'InvalidImageFormat',
      message: 'bad',
    });
  });
});
