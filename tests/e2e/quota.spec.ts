import { expect, test, type Page } from '@playwright/test';
import { fixtureBytes, getOperation, openApp, readDocument, submit, waitForOperation } from './support/app';
import { api } from './support/privacy';

/** Writes 64 KB of random bytes to a throwaway database from the page; the error name, or 'ok'. */
function probeWrite(page: Page): Promise<string> {
  return page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open('quota-probe');
      open.onupgradeneeded = () => open.result.createObjectStore('bytes');
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error ?? new Error('open failed'));
    });
    const outcome = await new Promise<string>((resolve) => {
      const tx = db.transaction('bytes', 'readwrite');
      tx.objectStore('bytes').put(crypto.getRandomValues(new Uint8Array(65536)), 'probe');
      tx.oncomplete = () => resolve('ok');
      tx.onabort = () => resolve(tx.error?.name ?? 'AbortError');
    });
    db.close();
    await new Promise((resolve) => (indexedDB.deleteDatabase('quota-probe').onsuccess = resolve));
    return outcome;
  });
}

test('a submission that does not fit answers Azure\'s 429, and no stored operation is damaged', async ({ context, page }) => {
  test.setTimeout(180_000);
  await openApp(page);
  const origin = new URL(page.url()).origin;
  const png = fixtureBytes('real-testocr.png');
  const location = (await submit(page, png)).headers['operation-location']!;
  expect((await waitForOperation(page, location)).status).toBe('succeeded');
  const before = await getOperation(page, location);
  const stored = (await api(page, 'GET', '/localread/v1/storage')).body as { count: number; bytes: number };

  // The origin's quota, cut to what it uses now plus far less than a sealed copy of the PNG.
  // Chromium's IndexedDB keeps the space it last found free for about 30 s before asking the
  // quota manager again, so wait until a write of the page's own is refused.
  const cdp = await context.newCDPSession(page);
  const usage = await page.evaluate(async () => (await navigator.storage.estimate()).usage ?? 0);
  await cdp.send('Storage.overrideQuotaForOrigin', { origin, quotaSize: usage + 1024 });
  await expect.poll(() => probeWrite(page), { timeout: 90_000, intervals: [2_000] }).toBe('QuotaExceededError');

  const refused = await submit(page, png);
  expect(refused.status).toBe(429);
  expect(refused.body).toEqual({ error: { code: '429', message: expect.stringContaining('Storage on this device is full') } });
  expect(refused.headers['retry-after']).toBeUndefined();
  expect(refused.headers['content-type']).toBe('application/json; charset=utf-8');

  // What was stored is intact: the same answer, the same inventory.
  expect(await getOperation(page, location)).toMatchObject({ status: 200, body: before.body });
  expect((await api(page, 'GET', '/localread/v1/storage')).body).toMatchObject({ count: stored.count, bytes: stored.bytes });

  // With room again, submissions work again.
  await cdp.send('Storage.overrideQuotaForOrigin', { origin });
  expect((await readDocument(page, png)).status).toBe('succeeded');
});
