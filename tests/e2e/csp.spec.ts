import { expect, test, type BrowserContext, type Page, type Worker } from '@playwright/test';
import { chooseFixture, fixtureBytes, openApp, readDocument, scanEntry, submit } from './support/app';
import { api, idOf } from './support/privacy';

/** Records every request of the context (page, workers, service worker) and aborts any to another origin. */
async function recordRequests(context: BrowserContext, origin: string) {
  const requests: string[] = [];
  const reachedNetwork: string[] = [];
  context.on('request', (request) => requests.push(request.url()));
  await context.route(
    (url) => url.origin !== origin,
    async (route) => {
      reachedNetwork.push(route.request().url());
      await route.abort('blockedbyclient');
    },
  );
  return { requests, reachedNetwork };
}

/** Collects CSP violations reported anywhere in the context (as console errors) and in the page (as events). */
async function recordViolations(context: BrowserContext, page: Page): Promise<string[]> {
  const violations: string[] = [];
  context.on('console', (message) => {
    if (/Content.Security.Policy/i.test(message.text())) violations.push(message.text());
  });
  await page.exposeFunction('reportViolation', (text: string) => violations.push(text));
  await page.addInitScript(() => {
    addEventListener('securitypolicyviolation', (event) => {
      (window as unknown as { reportViolation(text: string): void }).reportViolation(`${event.violatedDirective} ${event.blockedURI}`);
    });
  });
  return violations;
}

/**
 * Starts collecting `securitypolicyviolation` events inside a worker or the service worker (their
 * violations reach neither the page nor Playwright's console events).
 */
async function watchViolations(target: Worker): Promise<void> {
  await target.evaluate(() => {
    const scope = globalThis as unknown as { violations?: string[] };
    scope.violations = [];
    addEventListener('securitypolicyviolation', (event) => scope.violations!.push(`${event.violatedDirective} ${event.blockedURI}`));
  });
}

async function violationsIn(target: Worker): Promise<string[]> {
  return target.evaluate(() => (globalThis as unknown as { violations?: string[] }).violations ?? []);
}

test('the policy is shipped as a <meta> and as the header of every file, workers and service worker included', async ({ page, request }) => {
  await openApp(page);
  const meta = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  expect(meta).toContain("script-src 'self' 'wasm-unsafe-eval'");
  const engine = page.workers().map((worker) => new URL(worker.url()).pathname).find((path) => path.includes('engine.worker'));
  expect(engine).toBeDefined();
  for (const path of ['/', '/index.html', '/sw.js', engine!, '/tesseract/worker.min.js']) {
    const header = (await request.get(path)).headers()['content-security-policy'];
    expect(header, path).toBe(`${meta}; frame-ancestors 'none'`);
  }
});

test('the policy stops inline script and connections elsewhere in the page, the engine worker and the service worker', async ({ context, page }) => {
  await openApp(page);
  const origin = new URL(page.url()).origin;
  const { reachedNetwork } = await recordRequests(context, origin);
  const elsewhere = 'https://example.com/document.png';

  const inline = await page.evaluate(() => {
    const script = document.createElement('script');
    script.textContent = 'window.inlineRan = true;';
    document.head.append(script);
    return (window as unknown as { inlineRan?: boolean }).inlineRan ?? false;
  });
  expect(inline).toBe(false);

  const attempt = (url: string) => fetch(url).then(() => 'fetched', (error: Error) => error.name);
  expect(await page.evaluate(attempt, elsewhere)).toBe('TypeError');
  const engine = page.workers().find((worker) => worker.url().includes('engine.worker'))!;
  const [serviceWorker] = context.serviceWorkers();
  for (const realm of [engine, serviceWorker!]) {
    await watchViolations(realm);
    expect(await realm.evaluate(attempt, elsewhere)).toBe('TypeError');
    expect(await violationsIn(realm)).toEqual([`connect-src ${elsewhere}`]);
  }
  // Refused by the policy before any request was made, not merely failed on the network.
  expect(reachedNetwork).toEqual([]);

  // A {"url"} input on another origin is refused in Azure's shape, without a request.
  const key = ((await api(page, 'GET', '/localread/v1/keys')).body as { key1: string }).key1;
  const byUrl = await api(page, 'POST', '/vision/v3.2/read/analyze', { key, json: { url: elsewhere } });
  expect(byUrl.status).toBe(400);
  expect(byUrl.body).toMatchObject({ error: { code: 'InvalidImageUrl' } });
  expect(reachedNetwork).toEqual([]);
});

test('a whole session works under the policy, with no violation and no request leaving the origin', async ({ context, page }) => {
  test.setTimeout(240_000);
  const violations = await recordViolations(context, page);
  await page.goto('/');
  const origin = new URL(page.url()).origin;
  const { requests, reachedNetwork } = await recordRequests(context, origin);
  await openApp(page);
  // The PDF text parsers come and go with documents (the spare one started now ends with the
  // first PDF that takes it), as pdf.js's renderer worker does: the realms watched are those that last.
  const realms = [...page.workers(), ...context.serviceWorkers()].filter((realm) => !realm.url().includes('pdf-text.worker'));
  expect(realms.length).toBeGreaterThanOrEqual(2);
  for (const realm of realms) await watchViolations(realm);

  // The Read API: PNG, TIFF and PDF (pdf.js and tesseract.js in workers), and a {"url"} input.
  for (const [name, query] of [['real-testocr.png', ''], ['syn-3page.tif', '?pages=1'], ['syn-born-digital-3page.pdf', ''], ['syn-scanned-page.pdf', '']] as const) {
    expect((await readDocument(page, fixtureBytes(name), query)).status, name).toBe('succeeded');
  }
  const key = ((await api(page, 'GET', '/localread/v1/keys')).body as { key1: string }).key1;
  const byUrl = await api(page, 'POST', '/vision/v3.2/read/analyze', { key, json: { url: `${origin}/icons/icon-512.png` } });
  expect(byUrl.status).toBe(202);

  // The UI: a scan, the API page, the privacy page with a setting changed and deletions.
  await chooseFixture(page, 'real-testocr.png');
  await expect(scanEntry(page, 'real-testocr.png').locator('.status')).toHaveText('Done');
  await page.goto('/#/api');
  await expect(page.getByRole('heading', { name: 'Keys' })).toBeVisible();
  await page.goto('/#/privacy');
  await page.getByLabel('Retention window').selectOption(String(60 * 60 * 1000));
  await expect(page.getByTestId('retention-window')).toHaveText('1 hour');
  const one = idOf((await submit(page, fixtureBytes('real-testocr.png'))).headers['operation-location']!);
  expect((await api(page, 'DELETE', `/localread/v1/operations/${one}`)).status).toBe(204);
  await page.getByRole('button', { name: 'Delete everything…' }).click();
  await page.getByRole('button', { name: 'Yes, delete everything' }).click();
  await expect(page.getByTestId('stored-count')).toHaveText('0');

  expect(violations, 'CSP violations in the page').toEqual([]);
  for (const realm of realms) expect(await violationsIn(realm), `CSP violations in ${realm.url()}`).toEqual([]);
  expect(reachedNetwork, 'requests to other origins').toEqual([]);
  expect(requests.filter((url) => new URL(url).origin !== origin), 'requests to other origins').toEqual([]);
  const paths = new Set(requests.map((url) => new URL(url).pathname));
  for (const path of ['/vision/v3.2/read/analyze', '/localread/v1/storage', '/localread/v1/operations', '/tesseract/worker.min.js']) {
    expect(paths, `requests include ${path}`).toContain(path);
  }
});
