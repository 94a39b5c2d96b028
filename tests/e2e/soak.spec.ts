/**
 * Short versions of the soak's scenarios (`npm run soak`, soak/run.mjs): concurrent submissions of
 * mixed formats, two tabs, the service worker stopped mid-request, the engine's tab closed mid-job
 * (another tab's engine takes the job over when the lease runs out), a tesseract worker killed
 * mid-page (the page deadline ends the job), a 10000x10000 PNG and a 14400 pt PDF page, and
 * fuzzed requests. No answer is a 5xx, every error answer has Azure's shape, every job ends.
 */
import { expect, test, type Page } from '@playwright/test';
import { random, mixedDocuments, hugeDocuments, type SoakDocument } from '../../soak/lib/inputs.mjs';
import { fuzzRequests, type FuzzRequest } from '../../soak/lib/fuzz.mjs';
import { APP_URL, apiKey, callApi, expectReady, getOperation, openApp, submit, waitForOperation, type CallOptions } from './support/app';

const SEED = Number(process.env.SOAK_SEED ?? 20240611);
const MIXED = mixedDocuments();
const byName = (name: string): SoakDocument => [...MIXED, ...hugeDocuments()].find((doc) => doc.name === name)!;
const bytesOf = (doc: SoakDocument) => [...doc.bytes];

/** Submits a document and returns its Operation-Location (the POST must be accepted). */
async function accepted(page: Page, doc: SoakDocument): Promise<string> {
  const answer = await submit(page, bytesOf(doc));
  expect(answer.status, JSON.stringify(answer.body)).toBe(202);
  return answer.headers['operation-location']!;
}

/** Polls until the operation is `running` (with at least `pagesDone` pages read). */
async function waitRunning(page: Page, location: string, pagesDone = 0): Promise<void> {
  const key = await apiKey(page);
  await expect
    .poll(async () => {
      const body = (await getOperation(page, location, key)).body as { status: string; progress?: { pagesDone: number } };
      expect(['notStarted', 'running']).toContain(body.status);
      return body.status === 'running' && (body.progress?.pagesDone ?? 0) >= pagesDone;
    }, { timeout: 60_000, intervals: [100] })
    .toBe(true);
}

function expectEnded(status: string): void {
  expect(['succeeded', 'failed']).toContain(status);
}

test('concurrent submissions of PNG, JPEG, BMP, TIFF and PDF all end', async ({ page }) => {
  test.setTimeout(180_000);
  await openApp(page);
  const locations = await Promise.all(MIXED.map((doc) => accepted(page, doc)));
  const results = await Promise.all(locations.map((location) => waitForOperation(page, location, { timeoutMs: 150_000 })));
  for (const [i, result] of results.entries()) expect(result.status, MIXED[i]!.name).toBe('succeeded');
});

test('two tabs submit at once; both tabs see their jobs end', async ({ page, context }) => {
  await openApp(page);
  const other = await context.newPage();
  await openApp(other);
  const docs = [byName('real-testocr.png'), byName('striped.bmp')];
  const results = await Promise.all(
    [page, other].map(async (tab) => {
      const locations = await Promise.all(docs.map((doc) => accepted(tab, doc)));
      return Promise.all(locations.map((location) => waitForOperation(tab, location)));
    }),
  );
  for (const result of results.flat()) expect(result.status).toBe('succeeded');
});

test('the service worker stopped mid-request: no 5xx, no lost job', async ({ page, context }) => {
  await openApp(page);
  const cdp = await context.newCDPSession(page);
  await cdp.send('ServiceWorker.enable');
  const key = await apiKey(page);
  // Submissions and polls from the page, while the service worker is stopped under them.
  const inFlight = page.evaluate(async (key) => {
    const answers: { status: number; body: string }[] = [];
    const headers = { 'Ocp-Apim-Subscription-Key': key };
    for (let i = 0; i < 20; i += 1) {
      try {
        const response = await fetch(`/vision/v3.2/read/analyzeResults/${crypto.randomUUID()}`, { headers });
        answers.push({ status: response.status, body: await response.text() });
      } catch (error) {
        answers.push({ status: 0, body: String(error) });
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    return answers;
  }, key);
  const locations = [accepted(page, byName('real-testocr.png'))];
  await page.waitForTimeout(200);
  await cdp.send('ServiceWorker.stopAllWorkers');
  locations.push(accepted(page, byName('real-exif-rotated.jpg')));
  await page.waitForTimeout(300);
  await cdp.send('ServiceWorker.stopAllWorkers');
  for (const answer of await inFlight) {
    expect(answer.status, answer.body).toBe(404);
    expect(JSON.parse(answer.body)).toMatchObject({ error: { code: expect.any(String), message: expect.any(String) } });
  }
  for (const location of await Promise.all(locations)) expect((await waitForOperation(page, location)).status).toBe('succeeded');
});

test("the engine's tab closed mid-job: another tab's engine takes the job over", async ({ page, context }) => {
  test.setTimeout(180_000);
  await openApp(page);
  const location = await accepted(page, byName('syn-3page.tif'));
  await waitRunning(page, location);
  const other = await context.newPage();
  await openApp(other);
  await page.close();
  // The lease (30 s) must run out before the other engine may claim the job.
  const result = await waitForOperation(other, location, { timeoutMs: 150_000 });
  expect(result.status).toBe('succeeded');
});

test('a tesseract worker closed mid-page: the page deadline ends the attempt and the retry reads the job', async ({ page }) => {
  test.setTimeout(300_000);
  // About 15 s a page plus 6 s a megapixel: far more than a page takes, far less than the default.
  // (At 0.05 the 8.7 Mpx pages of this TIFF overran the deadline even with no worker closed.)
  await page.goto('/?deadline=0.25');
  await expectReady(page);
  const location = await accepted(page, byName('syn-3page.tif'));
  await waitRunning(page, location);
  await page.waitForTimeout(300);
  const workers = page.workers().filter((worker) => worker.url().includes('/tesseract/'));
  expect(workers.length).toBeGreaterThan(0);
  // close() ends the worker before the evaluation can answer.
  await Promise.all(workers.map((worker) => Promise.race([worker.evaluate('close()').catch(() => undefined), page.waitForTimeout(1000)])));
  const result = await waitForOperation(page, location, { timeoutMs: 240_000 });
  expect(result.status).toBe('succeeded');
});

test('a 10000x10000 PNG and a PDF with a 14400 pt page end without hanging the engine', async ({ page }) => {
  test.setTimeout(240_000);
  await openApp(page);
  for (const doc of hugeDocuments()) {
    const result = await waitForOperation(page, await accepted(page, doc), { timeoutMs: 100_000 });
    expectEnded(result.status);
  }
  // The engine still reads the next document.
  const next = await waitForOperation(page, await accepted(page, byName('real-testocr.png')));
  expect(next.status).toBe('succeeded');
});

/** Turns a fuzzed request into callApi's options, with the key it names. */
async function callOptions(page: Page, request: FuzzRequest): Promise<CallOptions> {
  const keys = (await callApi(page, '/localread/v1/keys')).body as { key1: string; key2: string };
  const key = { valid: keys.key1, key2: keys.key2, wrong: '0123456789abcdef0123456789abcdef', empty: '', long: 'k'.repeat(8192), none: null }[request.keyMode];
  const headers = { ...request.headers, ...(key === null ? {} : { 'Ocp-Apim-Subscription-Key': key }) };
  const { body } = request;
  if (!body) return { method: request.method, headers };
  if (body.kind === 'b64') return { method: request.method, headers, bytes: [...Buffer.from(body.data, 'base64')] };
  if (body.kind === 'huge') return { method: request.method, headers, text: `{"url":"${'a'.repeat(body.size)}"}` };
  return { method: request.method, headers, text: body.text };
}

test('50 fuzzed requests: no 5xx, every error answer in Azure shape', async ({ page }) => {
  test.setTimeout(180_000);
  await openApp(page);
  const rng = random(SEED);
  const requests = fuzzRequests(rng, 50, APP_URL);
  const accepted: string[] = [];
  for (const request of requests) {
    const what = `${request.method} ${request.url.slice(0, 100)}`;
    if (request.method === 'HEAD') {
      // No body to check: only the status.
      const status = await page.evaluate((url) => fetch(url, { method: 'HEAD' }).then((r) => r.status), request.url);
      expect(status, what).toBeLessThan(500);
      continue;
    }
    // callApi checks every /vision/ answer against Azure's schemas itself.
    const answer = await callApi(page, request.url, await callOptions(page, request));
    expect(answer.status, what).toBeLessThan(500);
    if (answer.status >= 400) expect(answer.body, what).toMatchObject({ error: { code: expect.any(String), message: expect.any(String) } });
    if (answer.status === 202) accepted.push(answer.headers['operation-location']!);
  }
  for (const location of accepted) expectEnded((await waitForOperation(page, location)).status);
});
