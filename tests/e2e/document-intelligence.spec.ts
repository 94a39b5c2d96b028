/**
 * Azure AI Document Intelligence 2024-11-30 on localread's engine: Microsoft's own REST client
 * (@azure-rest/ai-document-intelligence, unchanged) in a page of the production build, with our
 * endpoint and key, every body it receives checked against the spec's definitions; and raw
 * fetches for the service's errors and the legacy /formrecognizer path.
 */
import { expect, test, type Page } from '@playwright/test';
import { characterErrorRate } from './support/text-metrics';
import { apiKey, callApi, fixtureBytes, fixtureText, openApp, type ApiAnswer } from './support/app';
import { loadDocumentIntelligenceSdk } from './support/di-sdk';
import { pdfWords } from '../support/pdf-words';
import { assertAnalyzeOperation, assertDiErrorBody } from '../support/di-schema';
import type { AnalyzeOperation } from '../../src/read-api/document-intelligence/types';

// The SDK is bundled into an inline script, which the app's policy (script-src 'self') refuses,
// as it should for any script not shipped with the app; this file alone bypasses the page's CSP.
test.use({ bypassCSP: true });

const VERSION = 'api-version=2024-11-30';

interface SdkInput {
  endpoint: string;
  key: string;
  modelId: string;
  bytes?: number[];
  base64?: boolean;
  query?: Record<string, string | string[]>;
  pdf?: boolean;
}

interface SdkRun {
  status: string;
  operationLocation: string;
  resultId: string;
  /** Every JSON body the SDK received, as text. */
  bodies: string[];
  final: AnalyzeOperation;
  pdfHead?: string;
  /** The downloaded PDF's bytes. */
  pdfData?: number[];
  pdfBytes?: number;
}

/**
 * The SDK's README flow in the page: `path(...:analyze).post`, `getLongRunningPoller`,
 * `pollUntilDone`, then (with `output: ['pdf']`) the PDF download. A pipeline policy keeps
 * every response body for the spec check.
 */
function runSdk(page: Page, input: SdkInput): Promise<SdkRun> {
  return page.evaluate(async ({ endpoint, key, modelId, bytes, base64, query, pdf }) => {
    interface Res {
      status: string;
      headers: Record<string, string>;
      body: unknown;
      bodyAsText?: string;
    }
    interface Client {
      path(path: string, ...args: string[]): { post(options: unknown): Promise<Res>; get(): Promise<Res> & { asBrowserStream(): Promise<{ status: string; body?: ReadableStream<Uint8Array> }> } };
    }
    const sdk = (globalThis as unknown as {
      DocumentIntelligenceSdk: {
        DocumentIntelligence(endpoint: string, credential: { key: string }, options?: unknown): Client;
        getLongRunningPoller(client: Client, initial: Res): { pollUntilDone(): Promise<Res> };
        isUnexpected(response: Res): boolean;
        parseResultIdFromResponse(response: Res): string;
      };
    }).DocumentIntelligenceSdk;
    const bodies: string[] = [];
    const capture = {
      name: 'keepBodies',
      async sendRequest(request: unknown, next: (request: unknown) => Promise<{ bodyAsText?: string }>) {
        const response = await next(request);
        if (response.bodyAsText) bodies.push(response.bodyAsText);
        return response;
      },
    };
    const client = sdk.DocumentIntelligence(endpoint, { key }, {
      // The test server is http://localhost; the SDK refuses plain http unless told (CONTRACT.md §9).
      allowInsecureConnection: endpoint.startsWith('http:'),
      additionalPolicies: [{ policy: capture, position: 'perCall' }],
    });
    const file = new Uint8Array(bytes ?? []);
    const body = base64 ? { base64Source: btoa(String.fromCharCode(...file)) } : file;
    const initial = await client.path('/documentModels/{modelId}:analyze', modelId).post({
      contentType: base64 ? 'application/json' : 'application/octet-stream',
      body,
      queryParameters: query ?? {},
    });
    if (sdk.isUnexpected(initial)) throw new Error(`analyze answered ${initial.status}: ${JSON.stringify(initial.body)}`);
    // The poller is also a thenable (awaiting it polls to the end): call pollUntilDone as the README does.
    const poller = sdk.getLongRunningPoller(client, initial);
    const final = await poller.pollUntilDone();
    const resultId = sdk.parseResultIdFromResponse(initial);
    const run = { status: initial.status, operationLocation: initial.headers['operation-location'] ?? '', resultId, bodies, final: final.body as AnalyzeOperation };
    if (!pdf) return run;
    const download = await client.path('/documentModels/{modelId}/analyzeResults/{resultId}/pdf', modelId, resultId).get().asBrowserStream();
    if (download.status !== '200' || !download.body) throw new Error(`pdf answered ${download.status}`);
    const pdfBytes = new Uint8Array(await new Response(download.body).arrayBuffer());
    return { ...run, pdfHead: new TextDecoder().decode(pdfBytes.subarray(0, 5)), pdfBytes: pdfBytes.byteLength, pdfData: [...pdfBytes] };
  }, input);
}

/** Whitespace-insensitive: DI joins the lines of a paragraph with spaces. */
const words = (text: string) => text.split(/\s+/).filter(Boolean).join(' ');

function expectReadsFixture(run: SdkRun, fixture: string, maxCer: number): void {
  expect(run.status).toBe('202');
  for (const body of run.bodies) assertAnalyzeOperation(JSON.parse(body));
  expect(run.final.status).toBe('succeeded');
  const content = run.final.analyzeResult!.content;
  expect(characterErrorRate(words(fixtureText(fixture)), words(content))).toBeLessThanOrEqual(maxCer);
}

function expectDiError(answer: ApiAnswer, status: number, code: string, inner?: string): void {
  expect(answer.status, JSON.stringify(answer.body)).toBe(status);
  assertDiErrorBody(answer.body);
  const { error } = answer.body as { error: { code: string; innererror?: { code: string } } };
  expect(error.code).toBe(code);
  expect(error.innererror?.code).toBe(inner);
}

test.describe("Microsoft's Document Intelligence SDK against localread", () => {
  test.beforeEach(async ({ page }) => {
    await openApp(page);
    await loadDocumentIntelligenceSdk(page);
  });

  test('prebuilt-read: post, getLongRunningPoller, pollUntilDone return the fixture\'s text with grapheme spans', async ({ page }) => {
    const endpoint = new URL(page.url()).origin;
    const run = await runSdk(page, { endpoint, key: await apiKey(page), modelId: 'prebuilt-read', bytes: fixtureBytes('real-testocr.png') });
    expect(run.operationLocation).toMatch(new RegExp(`^${endpoint}/documentintelligence/documentModels/prebuilt-read/analyzeResults/[0-9a-f-]{36}\\?${VERSION}$`));
    expect(run.bodies.length).toBeGreaterThan(0);
    expectReadsFixture(run, 'real-testocr.gt.txt', 0.03);
    const result = run.final.analyzeResult!;
    expect(result).toMatchObject({ apiVersion: '2024-11-30', modelId: 'prebuilt-read', stringIndexType: 'textElements', contentFormat: 'text', styles: [] });
    const [first] = result.pages;
    expect(first).toMatchObject({ pageNumber: 1, unit: 'pixel', angle: 0 });
    for (const word of first!.words) expect(result.content.slice(word.span.offset, word.span.offset + word.span.length)).toBe(word.content);
    expect(result.paragraphs.length).toBeGreaterThan(0);
  });

  test('prebuilt-layout on an Azure endpoint with a base64Source, in markdown', async ({ page }) => {
    const run = await runSdk(page, {
      endpoint: 'https://my-resource.cognitiveservices.azure.com',
      key: await apiKey(page),
      modelId: 'prebuilt-layout',
      bytes: fixtureBytes('real-testocr.png'),
      base64: true,
      query: { outputContentFormat: 'markdown', features: ['ocrHighResolution'] },
    });
    expect(run.operationLocation).toMatch(/^https:\/\/my-resource\.cognitiveservices\.azure\.com\/documentintelligence\/documentModels\/prebuilt-layout\//);
    expectReadsFixture(run, 'real-testocr.gt.txt', 0.03);
    expect(run.final.analyzeResult).toMatchObject({ modelId: 'prebuilt-layout', contentFormat: 'markdown', tables: [] });
  });

  // The engine writes the PDF with the export writer while it still has the input.
  test('output=pdf: the searchable PDF downloads from .../analyzeResults/{resultId}/pdf', async ({ page }) => {
    const endpoint = new URL(page.url()).origin;
    const run = await runSdk(page, { endpoint, key: await apiKey(page), modelId: 'prebuilt-read', bytes: fixtureBytes('real-testocr.png'), query: { output: ['pdf'] }, pdf: true });
    expectReadsFixture(run, 'real-testocr.gt.txt', 0.03);
    expect(run.pdfHead).toBe('%PDF-');
    expect(run.pdfBytes).toBeGreaterThan(1000);
    // Its invisible text layer carries the result's words, page for page.
    const [pdfPage] = await pdfWords(Uint8Array.from(run.pdfData!));
    const resultWords = run.final.analyzeResult!.pages[0]!.words!.map((word) => word.content);
    // pdf.js may join neighbouring words into one text run: compare word by word.
    expect(pdfPage!.words.flatMap((word) => word.text.split(/\s+/)).filter(Boolean)).toEqual(resultWords);
  });

  // A PDF input is given to pdf.js (which takes its buffer) and then, as it is, to the writer:
  // each must have bytes of its own.
  test('output=pdf with a scanned PDF: the input comes back whole, with the result as its text layer', async ({ page }) => {
    const endpoint = new URL(page.url()).origin;
    const run = await runSdk(page, { endpoint, key: await apiKey(page), modelId: 'prebuilt-read', bytes: fixtureBytes('syn-scanned-page.pdf'), query: { output: ['pdf'] }, pdf: true });
    expect(run.final.status).toBe('succeeded');
    expect(run.pdfHead).toBe('%PDF-');
    const pages = await pdfWords(Uint8Array.from(run.pdfData!));
    expect(pages).toHaveLength(1);
    const resultWords = run.final.analyzeResult!.pages[0]!.words!.map((word) => word.content);
    expect(resultWords.length).toBeGreaterThan(20);
    expect(pages[0]!.words.flatMap((word) => word.text.split(/\s+/)).filter(Boolean)).toEqual(resultWords);
  });
});

test.describe('Document Intelligence over fetch', () => {
  test.beforeEach(async ({ page }) => openApp(page));

  async function analyze(page: Page, path: string, options: { key?: string | null; body?: number[]; text?: string; contentType?: string } = {}): Promise<ApiAnswer> {
    const key = options.key === undefined ? await apiKey(page) : options.key;
    const headers: Record<string, string> = { 'Content-Type': options.contentType ?? 'application/octet-stream', ...(key === null ? {} : { 'Ocp-Apim-Subscription-Key': key }) };
    return callApi(page, path, { method: 'POST', headers, bytes: options.body ?? fixtureBytes('real-testocr.png'), ...(options.text === undefined ? {} : { text: options.text, bytes: undefined }) });
  }

  test('answers the service\'s errors in its shape', async ({ page }) => {
    const base = '/documentintelligence/documentModels';
    expectDiError(await analyze(page, `${base}/prebuilt-invoice:analyze?${VERSION}`), 404, 'NotFound', 'ModelNotFound');
    expectDiError(await analyze(page, `${base}/prebuilt-read:analyze?api-version=2023-07-31`), 404, '404');
    expectDiError(await analyze(page, `${base}/prebuilt-read:analyze?${VERSION}`, { text: '{"base64Source": 1, "urlSource": "x"}', contentType: 'application/json' }), 400, 'InvalidArgument', 'InvalidContentSourceFormat');
    expectDiError(await analyze(page, `${base}/prebuilt-read:analyze?${VERSION}`, { body: [1, 2, 3, 4] }), 400, 'InvalidRequest', 'InvalidContent');
    const missingKey = await analyze(page, `${base}/prebuilt-read:analyze?${VERSION}`, { key: null });
    expectDiError(missingKey, 401, '401');
    expect((missingKey.body as { error: { message: string } }).error.message).toContain('Access denied due to invalid subscription key');
    const headers = { 'Ocp-Apim-Subscription-Key': await apiKey(page) };
    expectDiError(await callApi(page, `${base}/prebuilt-read/analyzeResults/${crypto.randomUUID()}?${VERSION}`, { headers }), 404, 'NotFound', 'OperationNotFound');
  });

  test('DELETE of a result answers 204, then 404', async ({ page }) => {
    const accepted = await analyze(page, `/documentintelligence/documentModels/prebuilt-read:analyze?${VERSION}`);
    expect(accepted.status).toBe(202);
    const location = accepted.headers['operation-location']!;
    const headers = { 'Ocp-Apim-Subscription-Key': await apiKey(page) };
    expect((await callApi(page, location, { method: 'DELETE', headers })).status).toBe(204);
    expectDiError(await callApi(page, location, { headers }), 404, 'NotFound', 'OperationNotFound');
  });

  test('the legacy /formrecognizer path with api-version 2023-07-31 reads the fixture', async ({ page }) => {
    const accepted = await analyze(page, '/formrecognizer/documentModels/prebuilt-read:analyze?api-version=2023-07-31');
    expect(accepted.status).toBe(202);
    const location = accepted.headers['operation-location']!;
    expect(location).toMatch(/\/formrecognizer\/documentModels\/prebuilt-read\/analyzeResults\/[0-9a-f-]{36}\?api-version=2023-07-31$/);
    const headers = { 'Ocp-Apim-Subscription-Key': await apiKey(page) };
    let body: AnalyzeOperation;
    const deadline = Date.now() + 90_000;
    do {
      await page.waitForTimeout(500);
      const answer = await callApi(page, location, { headers });
      expect(answer.status).toBe(200);
      assertAnalyzeOperation(answer.body);
      body = answer.body as AnalyzeOperation;
    } while ((body.status === 'notStarted' || body.status === 'running') && Date.now() < deadline);
    expect(body.status).toBe('succeeded');
    expect(body.analyzeResult).toMatchObject({ apiVersion: '2023-07-31', modelId: 'prebuilt-read' });
    expect(characterErrorRate(words(fixtureText('real-testocr.gt.txt')), words(body.analyzeResult!.content))).toBeLessThanOrEqual(0.03);
  });
});

test.describe("the API page's Document Intelligence examples", () => {
  /** Runs the example shown in `pre[data-example=name]` as written; `sdk` passes the bundled SDK's exports as its imports. */
  async function runExample(page: Page, name: string, sdk: boolean): Promise<string> {
    const code = await page.locator(`pre[data-example="${name}"]`).textContent();
    expect(code).toContain('async function readText(image)');
    return page.evaluate(
      async ({ code, bytes, sdk }) => {
        type Run = (image: Blob, ...imports: unknown[]) => Promise<string>;
        const AsyncFunction = Object.getPrototypeOf(async () => {}).constructor as new (...args: string[]) => Run;
        const names = sdk ? ['DocumentIntelligence', 'getLongRunningPoller', 'isUnexpected'] : [];
        const exports = (globalThis as unknown as { DocumentIntelligenceSdk?: Record<string, unknown> }).DocumentIntelligenceSdk ?? {};
        const run = new AsyncFunction('image', ...names, `${code}\nreturn readText(image);`);
        return run(new Blob([new Uint8Array(bytes)], { type: 'image/png' }), ...names.map((importName) => exports[importName]));
      },
      { code: code!, bytes: fixtureBytes('real-testocr.png'), sdk },
    );
  }

  test.beforeEach(async ({ page }) => {
    await openApp(page);
    await page.getByRole('link', { name: 'API' }).click();
    await expect(page.locator('pre[data-example="di-fetch"]')).toContainText(new URL(page.url()).origin);
  });

  test('the fetch and SDK examples run as written and return the text', async ({ page }) => {
    const reference = words(fixtureText('real-testocr.gt.txt'));
    expect(characterErrorRate(reference, words(await runExample(page, 'di-fetch', false)))).toBeLessThanOrEqual(0.03);
    await loadDocumentIntelligenceSdk(page);
    expect(characterErrorRate(reference, words(await runExample(page, 'di-sdk', true)))).toBeLessThanOrEqual(0.03);
  });
});
