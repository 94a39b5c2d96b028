/**
 * Start-up never hangs: a hard reload, a failed precache, a database held for a newer version,
 * a scan with no answer. Each recovers by itself or says what is wrong, with a way out.
 */
import { expect, test, type Page, type Route } from '@playwright/test';
import { JOB_DB_VERSION } from '../../src/read-api/realm-messages';
import { chooseFixture, expectReady, fixtureBytes, openApp, readDocument, scanEntry } from './support/app';

/** Whether each page load started without a controlling service worker, in order. */
async function recordControl(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const loads = JSON.parse(sessionStorage.getItem('test:uncontrolled-loads') ?? '[]') as boolean[];
    loads.push(navigator.serviceWorker.controller === null);
    sessionStorage.setItem('test:uncontrolled-loads', JSON.stringify(loads));
  });
}

test('a hard reload, which leaves the page uncontrolled, is claimed by the active worker', async ({ page }) => {
  await recordControl(page);
  await openApp(page);
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Page.reload', { ignoreCache: true });
  await expectReady(page);
  const loads = await page.evaluate(() => JSON.parse(sessionStorage.getItem('test:uncontrolled-loads') ?? '[]') as boolean[]);
  // The first visit and the hard reload both started uncontrolled; the claim, not a second
  // reload, brought the page under the worker.
  expect(loads).toEqual([true, true]);
});

test('a precache that hangs says so with a reload button; one that fails shows the problem, and Retry recovers', async ({ context, page }) => {
  // A file the install stores (the English model): the API waits for it.
  const asset = (url: URL) => url.pathname.endsWith('/tesseract/lang/eng.traineddata.gz');
  const held: Route[] = [];
  let fail = false;
  // context.route also sees the service worker's requests (Chromium), where the precache runs.
  await context.route(asset, (route) => (fail ? route.fulfill({ status: 404, body: 'missing' }) : void held.push(route)));
  // `?deadline=0.1`: the page says it is slow after 2 s instead of 20 s.
  await page.goto('/?deadline=0.1');
  await expect(page.getByText('This is taking longer than usual')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Reload' })).toBeVisible();

  fail = true;
  expect(held.length).toBeGreaterThan(0);
  for (const route of held) await route.fulfill({ status: 404, body: 'missing' });
  await expect(page.getByRole('alert')).toContainText('could not be installed');
  await expect(page.getByText('Starting the reader…')).toHaveCount(0);

  await context.unroute(asset);
  await page.getByRole('button', { name: 'Retry' }).click();
  await expectReady(page);
});

test('a file stored after the install that fails leaves the reader working and says it is not ready offline; a reload retries', async ({ context, page }) => {
  // Another language's model: stored after the install, so the API does not wait for it.
  const asset = (url: URL) => url.pathname.endsWith('/tesseract/lang/ita.traineddata.gz');
  await context.route(asset, (route) => route.fulfill({ status: 404, body: 'missing' }));
  await openApp(page);
  await expect(page.getByRole('status').filter({ hasText: 'Not ready to work offline' })).toBeVisible({ timeout: 60_000 });
  const result = await readDocument(page, fixtureBytes('real-testocr.png'));
  expect(result.status).toBe('succeeded');

  await context.unroute(asset);
  await page.reload();
  await expectReady(page);
  await expect(page.getByRole('status').filter({ hasText: 'Works offline' })).toBeVisible({ timeout: 60_000 });
});

test('the app yields its database to a newer version at once, and says to reload', async ({ page }) => {
  await openApp(page);
  // A newer build's upgrade, from this origin: the engine's and the service worker's connections
  // close for it (before this fix it waited for as long as the tab stayed open).
  const version = await page.evaluate(
    (version) =>
      new Promise<number>((resolve, reject) => {
        const request = indexedDB.open('localread', version);
        request.onsuccess = () => {
          resolve(request.result.version);
          request.result.close();
        };
        request.onerror = () => reject(request.error ?? new Error('open failed'));
        setTimeout(() => reject(new Error('the upgrade is still blocked after 10 s')), 10_000);
      }),
    JOB_DB_VERSION + 1,
  );
  expect(version).toBe(JOB_DB_VERSION + 1);
  await expect(page.getByRole('alert')).toContainText('A newer version of localread has taken over its data');

  // This build against the newer database says so too, rather than waiting.
  await page.getByRole('button', { name: 'Retry' }).click();
  await expect(page.getByRole('alert')).toContainText('Reload this tab');
  await expect(page.getByRole('button', { name: 'Retry' })).toBeVisible();
});

test('a scan with no answer past its deadline says so, and ends by itself when the reader does', async ({ page }) => {
  // Hold the engine's Web Lock from the page, so no engine reads: the job stays notStarted.
  await page.addInitScript(() => {
    void navigator.locks.request(
      'localread-engine',
      () => new Promise<void>((release) => Object.assign(window, { releaseEngine: release })),
    );
  });
  // `?scanDeadline=0.002`: the deadline of a one-page scan is 1.8 s instead of 15 minutes.
  await page.goto('/?scanDeadline=0.002');
  await expectReady(page);
  await chooseFixture(page, 'real-testocr.png');
  await expect(page.getByRole('alert')).toContainText('No result after 1 minute: the reader may be stuck');
  await expect(scanEntry(page, 'real-testocr.png')).toContainText('Waiting');

  await page.evaluate(() => (window as unknown as { releaseEngine: () => void }).releaseEngine());
  await expect(scanEntry(page, 'real-testocr.png')).toContainText('Done');
  await expect(page.getByRole('alert')).toHaveCount(0);
});
