import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiClientError } from '../../../src/client/api-transport';
import { fetchSettings, updateSettings } from '../../../src/client/settings-client';

const ORIGIN = 'https://localread.test';
const SETTINGS = { answerAzureHosts: true, retentionMs: 86_400_000, secondEngine: true };

afterEach(() => vi.unstubAllGlobals());

describe('settings client', () => {
  it('reads the settings', async () => {
    vi.stubGlobal('fetch', async () => Response.json(SETTINGS));
    expect(await fetchSettings(ORIGIN)).toEqual(SETTINGS);
  });

  it('sends a patch as JSON with PATCH and answers every setting', async () => {
    const fetchMock = vi.fn(async (_url: URL, _init: RequestInit) => Response.json({ ...SETTINGS, secondEngine: false }));
    vi.stubGlobal('fetch', fetchMock);
    expect(await updateSettings({ secondEngine: false }, ORIGIN)).toEqual({ ...SETTINGS, secondEngine: false });
    const [url, init] = fetchMock.mock.calls[0]!;
    expect(String(url)).toBe(`${ORIGIN}/localread/v1/settings`);
    expect(init).toMatchObject({ method: 'PATCH', headers: { 'Content-Type': 'application/json' }, body: '{"secondEngine":false}' });
  });

  it('rejects a refused patch with ApiClientError, Azure\'s code and message', async () => {
    vi.stubGlobal('fetch', async () => Response.json({ error: { code: 'BadArgument', message: 'secondEngine must be true or false.' } }, { status: 400 }));
    const error = await updateSettings({ retentionMs: 1 }, ORIGIN).catch((reason: unknown) => reason);
    expect(error).toBeInstanceOf(ApiClientError);
    expect(error).toMatchObject({ status: 400, code: 'BadArgument', message: 'secondEngine must be true or false.' });
  });
});
