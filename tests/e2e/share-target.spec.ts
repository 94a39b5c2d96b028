/**
 * The installed app working with others: files shared to it (Web Share Target, POSTed to the
 * service worker) and files opened with it (File Handling's launch queue). Chromium does not let a
 * test open the system share sheet or launch an installed app with a file, so the share is the
 * form POST the browser would make, from a page the service worker controls, and the launch is a
 * call of the consumer the page registered, with handles shaped like the browser's.
 */
import { fileURLToPath } from 'node:url';
import { expect, test, type Page } from '@playwright/test';
import { FIXTURES, expectReady, fixtureBytes, openApp, scanEntry } from './support/app';

const FORMATS = {
  'image/png': ['.png'],
  'image/jpeg': ['.jpg', '.jpeg'],
  'image/bmp': ['.bmp'],
  'image/tiff': ['.tif', '.tiff'],
  'application/pdf': ['.pdf'],
};

interface Manifest {
  share_target?: { action: string; method: string; enctype: string; params: { files: Array<{ name: string; accept: string[] }> } };
  file_handlers?: Array<{ action: string; accept: Record<string, string[]> }>;
}

function scanItem(page: Page, name: string) {
  return page.getByRole('list', { name: 'Scans' }).getByRole('listitem').filter({ hasText: name });
}

test('the manifest declares the share target and the file handler for Read’s formats, and Chromium takes them', async ({ page }) => {
  await openApp(page);
  const manifest = await page.evaluate(async () => (await (await fetch('/manifest.webmanifest')).json()) as Manifest);
  expect(manifest.share_target).toEqual({
    action: '/share-target',
    method: 'POST',
    enctype: 'multipart/form-data',
    params: { files: [{ name: 'files', accept: expect.arrayContaining(Object.entries(FORMATS).flat(2)) }] },
  });
  expect(manifest.file_handlers).toEqual([{ action: '/', accept: FORMATS }]);

  const cdp = await page.context().newCDPSession(page);
  const { errors } = await cdp.send('Page.getAppManifest');
  expect(errors).toEqual([]);
});

test('shared files are stored by the service worker, answered with a 303 to the app, which reads them', async ({ page }) => {
  test.setTimeout(240_000);
  await openApp(page);
  // The form the browser submits when the user shares files to the installed app.
  await page.evaluate(() => {
    const form = Object.assign(document.createElement('form'), { method: 'post', action: '/share-target', enctype: 'multipart/form-data' });
    form.append(Object.assign(document.createElement('input'), { type: 'file', name: 'files', multiple: true }));
    document.body.append(form);
  });
  const names = ['real-testocr.png', 'bad/unsupported.gif', 'syn-scanned-page.pdf'];
  await page.locator('form input[name="files"]').setInputFiles(names.map((name) => fileURLToPath(new URL(name, FIXTURES))));

  const shared = page.waitForResponse((response) => new URL(response.url()).pathname === '/share-target');
  await page.evaluate(() => document.querySelector('form')!.submit());
  const answer = await shared;
  expect(answer.status()).toBe(303);
  const redirect = new URL(answer.headers()['location']!);
  expect(redirect.pathname).toBe('/');
  expect(redirect.hash).toMatch(/^#\/scan\?operations=[0-9a-f-]+%2C[0-9a-f-]+&names=real-testocr\.png%2Csyn-scanned-page\.pdf&refused=unsupported\.gif&errors=/);

  await expectReady(page);
  // The address is cleared once read, so a reload does not list the files again.
  await expect.poll(() => page.evaluate(() => location.hash)).toBe('#/');
  await expect(page.getByRole('list', { name: 'Scans' }).getByRole('listitem')).toHaveCount(3);
  await expect(scanItem(page, 'unsupported.gif').locator('.error')).toHaveText(/^Input data is not a valid image\./);
  await expect(scanEntry(page, 'syn-scanned-page.pdf').locator('.status')).toHaveText('Done', { timeout: 180_000 });
  await expect(scanEntry(page, 'real-testocr.png').locator('.status')).toHaveText('Done');
  await scanEntry(page, 'real-testocr.png').click();
  await expect(page.getByRole('region', { name: 'Result' }).getByLabel('Recognised text')).toContainText('quick brown dog');
  // Stored like any job: listed with the others, under the same key.
  await expect(page.getByRole('list', { name: 'Stored operations history' }).getByRole('listitem')).toHaveCount(2);
});

test('a share POSTed with fetch is answered with a redirect, not a page', async ({ page }) => {
  await openApp(page);
  const answer = await page.evaluate(async (bytes) => {
    const form = new FormData();
    form.append('files', new File([new Uint8Array(bytes)], 'notes.gif', { type: 'image/gif' }));
    const manual = await fetch('/share-target', { method: 'POST', body: form, redirect: 'manual' });
    return { type: manual.type, status: manual.status };
  }, fixtureBytes('bad/unsupported.gif'));
  // A redirect's status and Location are hidden from fetch (an opaque redirect); the navigation above sees them.
  expect(answer).toEqual({ type: 'opaqueredirect', status: 0 });
});

test('files opened with the app reach the launch queue consumer the page registers, and are read', async ({ page }) => {
  // Keep the consumer the page registers, so the test can launch it as the browser would.
  await page.addInitScript(() => {
    const queue = (window as unknown as { launchQueue?: { setConsumer(consumer: unknown): void } }).launchQueue;
    if (!queue) return;
    const setConsumer = queue.setConsumer.bind(queue);
    queue.setConsumer = (consumer) => {
      Object.assign(window, { launchConsumer: consumer });
      setConsumer(consumer);
    };
  });
  await openApp(page);
  expect(await page.evaluate(() => 'launchQueue' in window), 'this Chromium has window.launchQueue').toBe(true);
  await expect.poll(() => page.evaluate(() => typeof (window as unknown as { launchConsumer?: unknown }).launchConsumer)).toBe('function');

  await page.evaluate((bytes) => {
    const file = new File([new Uint8Array(bytes)], 'opened.png', { type: 'image/png' });
    const handles = [
      { kind: 'file', name: 'opened.png', getFile: async () => file },
      { kind: 'directory', name: 'a folder' },
    ];
    (window as unknown as { launchConsumer: (params: { files: unknown[] }) => void }).launchConsumer({ files: handles });
  }, fixtureBytes('real-testocr.png'));
  await expect(page.getByRole('list', { name: 'Scans' }).getByRole('listitem')).toHaveCount(1);
  await expect(scanEntry(page, 'opened.png').locator('.status')).toHaveText('Done');
});
