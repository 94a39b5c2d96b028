import { describe, expect, it, vi } from 'vitest';
import { EXAMPLES, EXAMPLE_FUNCTION, fetchExample, sdkExample } from '../../../src/app/api-examples';
import { sampleResult } from '../helpers/job-store';
import { assertReadOperationResult } from '../../support/ocr-schema';

const TARGET = { endpoint: 'https://localread.test', key: '0123456789abcdef0123456789abcdef' };
const LOCATION = 'https://localread.test/vision/v3.2/read/analyzeResults/49a36324-fc4b-4387-aa06-090cfbf0064f';

type Run = (...args: unknown[]) => Promise<unknown>;
// The test compiles the example as the page shows it (the app itself never evaluates code).
const AsyncFunction = Object.getPrototypeOf(async () => {}).constructor as new (...args: string[]) => Run;

/** The example's code, with globals it uses passed in as parameters, calling readText(image). */
function compile(code: string, globals: string[]): Run {
  return new AsyncFunction('image', ...globals, `${code}\nreturn ${EXAMPLE_FUNCTION}(image);`);
}

describe('the fetch example', () => {
  it('posts the file with the key, polls Operation-Location and resolves with the text', async () => {
    const bodies = [
      { status: 'running', createdDateTime: '2024-01-01T00:00:00.000Z', lastUpdatedDateTime: '2024-01-01T00:00:01.000Z' },
      {
        status: 'succeeded',
        createdDateTime: '2024-01-01T00:00:00.000Z',
        lastUpdatedDateTime: '2024-01-01T00:00:02.000Z',
        analyzeResult: sampleResult('Hello'),
      },
    ];
    bodies.forEach(assertReadOperationResult);
    const fetchStub = vi.fn(async (url: string, init: RequestInit = {}) => {
      if (init.method === 'POST') return new Response(null, { status: 202, headers: { 'Operation-Location': LOCATION } });
      return Response.json(bodies.shift());
    });
    const image = new Blob([new Uint8Array([1, 2, 3])]);
    const text = await compile(fetchExample(TARGET), ['fetch', 'setTimeout'])(image, fetchStub, (resolve: () => void) => resolve());
    expect(text).toBe('Hello');
    const [url, init] = fetchStub.mock.calls[0]!;
    expect(url).toBe('https://localread.test/vision/v3.2/read/analyze');
    expect(init).toMatchObject({ body: image, headers: { 'Ocp-Apim-Subscription-Key': TARGET.key } });
    expect(fetchStub.mock.calls.slice(1).map(([called]) => called)).toEqual([LOCATION, LOCATION]);
  });

  it('rejects with Azure\'s message when the POST is refused', async () => {
    const refused = async () => Response.json({ error: { code: '401', message: 'Access denied' } }, { status: 401 });
    const run = compile(fetchExample(TARGET), ['fetch', 'setTimeout']);
    await expect(run(new Blob([]), refused, setTimeout)).rejects.toThrow('Access denied');
  });
});

describe('every example', () => {
  it.each(EXAMPLES.map((example) => [example.name, example.code] as const))('%s compiles and defines readText', (_name, code) => {
    const source = code(TARGET);
    expect(() => compile(source, ['Azure', 'msRest'])).not.toThrow();
    expect(source).toContain(`async function ${EXAMPLE_FUNCTION}(image)`);
    expect(source).toContain(`'${TARGET.endpoint}'`);
    expect(source).toContain(`'${TARGET.key}'`);
  });

  it('quotes values that hold quotes or backslashes safely', () => {
    const source = sdkExample({ endpoint: "https://a.test/'x\\", key: 'k' });
    expect(source).toContain("'https://a.test/\\'x\\\\'");
    expect(() => compile(source, ['Azure', 'msRest'])).not.toThrow();
  });
});
