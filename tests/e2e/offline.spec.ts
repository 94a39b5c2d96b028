import { expect, test, type Request } from '@playwright/test';
import { characterErrorRate } from './support/text-metrics';
import { expectReady, fixtureBytes, fixtureText, openApp, readDocument, resultText } from './support/app';

test('after one visit the app loads and reads a document with the network off', async ({ context, page }) => {
  // The first visit installs the service worker, which precaches what an English image needs;
  // the rest (other languages, the second engine, PDF fonts) is stored after, and the app says
  // when it works offline.
  await openApp(page);
  await expect(page.getByRole('status').filter({ hasText: 'Works offline' })).toBeVisible({ timeout: 60_000 });

  await context.setOffline(true);
  // Every request that fails from now on (page, engine, OCR workers, service worker) is kept,
  // so that an asset missing from the precache is named in the failure message.
  const failed: string[] = [];
  const fromNetwork: string[] = [];
  let fromServiceWorker = 0;
  const onFailed = (request: Request) => {
    // The reload cancels what the first page still had in flight (its engine warms the OCR pool
    // as it starts): cancelled is not failed. Offline, a missing asset fails otherwise
    // (ERR_INTERNET_DISCONNECTED, ERR_FAILED) or comes from the HTTP cache, checked below.
    if (request.failure()?.errorText === 'net::ERR_ABORTED') return;
    failed.push(`${request.url()} (${request.failure()?.errorText ?? 'failed'})`);
  };
  context.on('requestfailed', onFailed);
  context.on('response', (response) => {
    if (response.fromServiceWorker()) fromServiceWorker += 1;
    else fromNetwork.push(response.url());
  });

  await page.reload();
  await expectReady(page);
  const result = await readDocument(page, fixtureBytes('real-testocr.png'));
  // A faxed form: the second engine (ONNX Runtime's wasm and PP-OCR's models) runs offline too.
  const form = await readDocument(page, fixtureBytes('syn-form-fax.png'));

  expect(failed, 'requests that failed offline (not precached?)').toEqual([]);
  // Whatever the page and its workers got must have come from the service worker: an asset left
  // out of the precache can still load offline from the HTTP cache, and only this shows it.
  expect(fromNetwork, 'responses not served by the service worker (not precached?)').toEqual([]);
  expect(fromServiceWorker, 'responses seen from the service worker').toBeGreaterThan(0);
  expect(result.status).toBe('succeeded');
  expect(characterErrorRate(fixtureText('real-testocr.gt.txt'), resultText(result))).toBeLessThanOrEqual(0.02);
  expect(form.status).toBe('succeeded');
  expect(characterErrorRate(fixtureText('syn-form-fax.gt.txt'), resultText(form))).toBeLessThan(0.15);

  // The OCR core's wasm comes from the service worker as `application/wasm`, which streaming
  // compilation (and so Chromium's cache of the compiled code) requires.
  const coreType = await page.evaluate(() => fetch('/tesseract/tesseract-core-relaxedsimd-lstm.wasm').then((response) => response.headers.get('Content-Type')));
  expect(coreType).toBe('application/wasm');

  // The network really is off: a URL the service worker does not hold cannot be fetched.
  context.off('requestfailed', onFailed);
  const probe = await page.evaluate(() =>
    fetch(`/not-precached-${Date.now()}.txt`, { cache: 'no-store' }).then(
      (response) => `answered ${response.status}`,
      () => 'unreachable',
    ),
  );
  expect(probe).toBe('unreachable');
});
