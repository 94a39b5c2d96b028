import { describe, expect, it, vi } from 'vitest';
import { DI_EXAMPLES, diFetchExample, diSdkExample } from '../../../src/app/api-examples-di';
import { assertAnalyzeOperation } from '../../support/di-schema';

const TARGET = { endpoint: 'https://localread.test', key: '0123456789abcdef0123456789abcdef' };
const LOCATION = 'https://localread.test/documentintelligence/documentModels/prebuilt-read/analyzeResults/49a36324-fc4b-4387-aa06-090cfbf0064f?api-version=2024-11-30';

type Run = (...args: unknown[]) => Promise<unknown>;
// The test compiles the example as the page shows it (the app itself never evaluates code).
const AsyncFunction = Object.getPrototypeOf(async () => {}).constructor as new (...args: string[]) => Run;

function compile(code: string, globals: string[]): Run {
  return new AsyncFunction('image', ...globals, `${code}\nreturn readText(image);`);
}

const TIMES = { createdDateTime: '2024-01-01T00:00:00.000Z', lastUpdatedDateTime: '2024-01-01T00:00:01.000Z' };
const SUCCEEDED = {
  status: 'succeeded',
  ...TIMES,
  analyzeResult: { apiVersion: '2024-11-30', modelId: 'prebuilt-read', stringIndexType: 'textElements', content: 'Hello', pages: [{ pageNumber: 1, spans: [{ offset: 0, length: 5 }] }] },
};

describe('the Document Intelligence fetch example', () => {
  it('posts the file to prebuilt-read:analyze with the key, polls Operation-Location and resolves with content', async () => {
    const bodies = [{ status: 'running', ...TIMES }, SUCCEEDED];
    bodies.forEach(assertAnalyzeOperation);
    const fetchStub = vi.fn(async (_url: string, init: RequestInit = {}) => {
      if (init.method === 'POST') return new Response(null, { status: 202, headers: { 'Operation-Location': LOCATION } });
      return Response.json(bodies.shift());
    });
    const image = new Blob([new Uint8Array([1, 2, 3])]);
    const text = await compile(diFetchExample(TARGET), ['fetch', 'setTimeout'])(image, fetchStub, (resolve: () => void) => resolve());
    expect(text).toBe('Hello');
    expect(fetchStub.mock.calls[0]![0]).toBe('https://localread.test/documentintelligence/documentModels/prebuilt-read:analyze?api-version=2024-11-30');
    expect(fetchStub.mock.calls[0]![1]).toMatchObject({ body: image, headers: { 'Ocp-Apim-Subscription-Key': TARGET.key } });
    expect(fetchStub.mock.calls.slice(1).map(([url]) => url)).toEqual([LOCATION, LOCATION]);
  });

  it('throws the service\'s message when the analyze call is refused', async () => {
    const fetchStub = async () => Response.json({ error: { code: 'NotFound', message: 'Resource not found.' } }, { status: 404 });
    await expect(compile(diFetchExample(TARGET), ['fetch'])(new Blob([]), fetchStub)).rejects.toThrow('Resource not found.');
  });
});

describe('the Document Intelligence SDK example', () => {
  it('calls the client as the SDK README does and resolves with content', async () => {
    const post = vi.fn(async () => ({ status: '202', headers: { 'operation-location': LOCATION }, body: '' }));
    const client = { path: vi.fn(() => ({ post })) };
    const DocumentIntelligence = vi.fn(() => client);
    const getLongRunningPoller = vi.fn(() => ({ pollUntilDone: async () => ({ status: '200', body: SUCCEEDED }) }));
    const isUnexpected = (response: { status: string }) => !['200', '202'].includes(response.status);
    const image = new Blob([new Uint8Array([1, 2, 3])]);
    const text = await compile(diSdkExample(TARGET), ['DocumentIntelligence', 'getLongRunningPoller', 'isUnexpected'])(image, DocumentIntelligence, getLongRunningPoller, isUnexpected);
    expect(text).toBe('Hello');
    expect(DocumentIntelligence).toHaveBeenCalledWith(TARGET.endpoint, { key: TARGET.key }, { allowInsecureConnection: false });
    expect(client.path).toHaveBeenCalledWith('/documentModels/{modelId}:analyze', 'prebuilt-read');
    expect(post).toHaveBeenCalledWith({ contentType: 'application/octet-stream', body: new Uint8Array([1, 2, 3]) });
  });

  it('lists both examples with distinct names', () => {
    expect(DI_EXAMPLES.map((example) => example.name)).toEqual(['di-fetch', 'di-sdk']);
  });
});
