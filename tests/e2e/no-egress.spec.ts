import { expect, test } from '@playwright/test';
import { APP_URL, chooseFixture, fixtureBytes, openApp, readDocument, scanEntry } from './support/app';

test('a whole session sends no request to any origin but the app\'s', async ({ context, page }) => {
  const origin = new URL(APP_URL).origin;
  // context.on('request') sees the page's requests, its dedicated workers' (the engine and the
  // nested OCR workers) and the service worker's own (precache downloads, {"url"} fetches).
  // No data: or blob: URL shows up here (the page image is a blob: URL, which Chromium does not
  // report as a request), so none is ignored.
  const requests: string[] = [];
  context.on('request', (request) => requests.push(request.url()));
  // Any request elsewhere is also aborted and noted, so that a leak cannot go unnoticed.
  const aborted: string[] = [];
  await context.route(
    (url) => url.origin !== origin,
    async (route) => {
      aborted.push(route.request().url());
      await route.abort('blockedbyclient');
    },
  );

  // Load, OCR through the API, then through the UI.
  await openApp(page);
  const result = await readDocument(page, fixtureBytes('real-testocr.png'));
  expect(result.status).toBe('succeeded');
  // A faxed form, which the second engine reads too.
  expect((await readDocument(page, fixtureBytes('syn-form-fax.png'))).status).toBe('succeeded');
  await chooseFixture(page, 'real-testocr.png');
  await expect(scanEntry(page, 'real-testocr.png').locator('.status')).toHaveText('Done');
  await expect(page.getByLabel('Recognised text')).toContainText('quick brown dog');

  expect(aborted, 'requests to other origins').toEqual([]);
  expect(requests.filter((url) => new URL(url).origin !== origin), 'requests to other origins').toEqual([]);
  // The recorder saw every realm: the page's API calls, the service worker's precache
  // downloads, the engine worker and the OCR workers' runtime.
  const paths = new Set(requests.map((url) => new URL(url).pathname));
  const expected = ['/', '/sw.js', '/vision/v3.2/read/analyze', '/tesseract/worker.min.js', '/tesseract/lang/eng.traineddata.gz'];
  // The OCR core, script and wasm, loaded by the OCR workers from beside their own script.
  expected.push('/tesseract/tesseract-core-relaxedsimd-lstm.js', '/tesseract/tesseract-core-relaxedsimd-lstm.wasm');
  // The second engine's runtime and models, fetched by its worker when the form needed it.
  expected.push('/ppocr/ort/ort-wasm-simd-threaded.wasm', '/ppocr/models/ch_PP-OCRv4_rec_infer.onnx');
  for (const path of expected) {
    expect(paths, `requests include ${path}`).toContain(path);
  }
  expect([...paths].some((path) => /^\/assets\/engine\.worker-.*\.js$/.test(path))).toBe(true);
});
