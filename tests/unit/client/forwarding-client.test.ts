import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiClientError } from '../../../src/client/api-transport';
import { fetchForwarding, forwardHost, stopForwarding } from '../../../src/client/forwarding-client';

const ORIGIN = 'https://localread.test';
const HOST = 'myres.cognitiveservices.azure.com';
const ENTRY = { host: HOST, maskedKey: '••••ee42', addedDateTime: '2026-01-01T00:00:00.000Z' };

afterEach(() => vi.unstubAllGlobals());

describe('forwarding client', () => {
  it('lists the forwarded hosts', async () => {
    vi.stubGlobal('fetch', async () => Response.json({ hosts: [ENTRY] }));
    expect(await fetchForwarding(ORIGIN)).toEqual([ENTRY]);
  });

  it('names a host with PUT and the key as JSON, trimmed', async () => {
    const fetchMock = vi.fn(async (_url: URL, _init: RequestInit) => Response.json(ENTRY));
    vi.stubGlobal('fetch', fetchMock);
    expect(await forwardHost(` ${HOST} `, ' f00dfeed0123456789abcdefc0ffee42\n', ORIGIN)).toEqual(ENTRY);
    const [url, init] = fetchMock.mock.calls[0]!;
    expect(String(url)).toBe(`${ORIGIN}/localread/v1/forwarding/${HOST}`);
    expect(init).toMatchObject({ method: 'PUT', headers: { 'Content-Type': 'application/json' }, body: '{"key":"f00dfeed0123456789abcdefc0ffee42"}' });
  });

  it('keeps a name with a slash inside one path segment, for the service worker to refuse', async () => {
    const fetchMock = vi.fn(async (_url: URL, _init: RequestInit) => Response.json(ENTRY));
    vi.stubGlobal('fetch', fetchMock);
    await forwardHost('evil.test/x', 'f00dfeed0123456789abcdefc0ffee42', ORIGIN);
    expect(String(fetchMock.mock.calls[0]![0])).toBe(`${ORIGIN}/localread/v1/forwarding/evil.test%2Fx`);
  });

  it('rejects a refused host with Azure\'s code and message', async () => {
    vi.stubGlobal('fetch', async () => Response.json({ error: { code: 'BadArgument', message: 'Only an Azure host can be forwarded.' } }, { status: 400 }));
    const error = await forwardHost('example.com', 'f00dfeed0123456789abcdefc0ffee42', ORIGIN).catch((reason: unknown) => reason);
    expect(error).toBeInstanceOf(ApiClientError);
    expect(error).toMatchObject({ status: 400, code: 'BadArgument' });
  });

  it('removes a host with DELETE, and rejects when it was not forwarded', async () => {
    const fetchMock = vi.fn(async (_url: URL, _init: RequestInit) => new Response(null, { status: 204 }));
    vi.stubGlobal('fetch', fetchMock);
    await stopForwarding(HOST, ORIGIN);
    expect(fetchMock.mock.calls[0]![1]).toMatchObject({ method: 'DELETE' });
    vi.stubGlobal('fetch', async () => Response.json({ error: { code: 'NotFound', message: 'not forwarded' } }, { status: 404 }));
    await expect(stopForwarding(HOST, ORIGIN)).rejects.toMatchObject({ status: 404, code: 'NotFound' });
  });
});
