/**
 * The scan queue: a progress bar per document with an estimate of the time left, many files at
 * once (dropped or pasted) with a bad one among them, and the history of stored operations with
 * its expiry countdown and delete.
 */
import { basename } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { chooseFixture, fixtureBytes, keyHeaders, callApi, openApp, scanEntry } from './support/app';
import { backdate } from './support/privacy';

const ETA_WORDS = /^(a few seconds left|about \d+ s left|about \d+ min left|about \d+ h( \d+ min)? left)$/;

/** The list item of a scan: its entry (button), progress bar, estimate and error. */
function scanItem(page: Page, name: string) {
  return page.getByRole('list', { name: 'Scans' }).getByRole('listitem').filter({ hasText: name });
}

/** Files built in the page from fixtures, in a DataTransfer (what a drop or a paste carries). */
function dataTransferOf(page: Page, names: string[]) {
  const types: Record<string, string> = { png: 'image/png', pdf: 'application/pdf', tif: 'image/tiff', gif: 'image/gif' };
  const files = names.map((name) => ({ name: basename(name), type: types[name.split('.').pop()!] ?? '', bytes: fixtureBytes(name) }));
  return page.evaluateHandle((files) => {
    const transfer = new DataTransfer();
    for (const { name, type, bytes } of files) transfer.items.add(new File([new Uint8Array(bytes)], name, { type }));
    return transfer;
  }, files);
}

/**
 * Records, every 50 ms, the value of the progress bar labelled `label` (when it has one) and the
 * estimate next to it: the bar changes faster than a test could poll it from outside.
 */
async function recordProgress(page: Page, label: string): Promise<() => Promise<Array<{ done: number; total: number; eta: string }>>> {
  await page.evaluate((label) => {
    const seen: Array<{ done: number; total: number; eta: string }> = [];
    Object.assign(window, { progressSeen: seen });
    setInterval(() => {
      const bar = [...document.querySelectorAll('progress')].find((each) => each.getAttribute('aria-label') === label);
      if (!bar || bar.position === -1) return;
      const eta = bar.parentElement?.querySelector('.eta')?.textContent ?? '';
      const last = seen.at(-1);
      if (last?.done !== bar.value || last.eta !== eta) seen.push({ done: bar.value, total: bar.max, eta });
    }, 50);
  }, label);
  return () => page.evaluate(() => (window as unknown as { progressSeen: Array<{ done: number; total: number; eta: string }> }).progressSeen);
}

test('a multi-page document shows its pages read on a progress bar, with the time left', async ({ page }) => {
  test.setTimeout(300_000);
  await openApp(page);
  // A document read first gives the tab an average page time, so the estimate starts at once.
  await chooseFixture(page, 'real-testocr.png');
  await expect(scanEntry(page, 'real-testocr.png').locator('.status')).toHaveText('Done');

  const seen = await recordProgress(page, 'Pages read of syn-3page.tif');
  await chooseFixture(page, 'syn-3page.tif');
  const bar = page.getByRole('progressbar', { name: 'Pages read of syn-3page.tif' });
  await expect(bar).toBeVisible();
  await expect(scanEntry(page, 'syn-3page.tif').locator('.status')).toHaveText('Done', { timeout: 240_000 });
  await expect(bar).toHaveCount(0);

  const values = await seen();
  expect(values.length, JSON.stringify(values)).toBeGreaterThan(1);
  expect(values.every((value) => value.total === 3)).toBe(true);
  // It moves forward only, from none of the pages through at least one in between.
  const done = values.map((value) => value.done);
  expect(done).toEqual([...done].sort((a, b) => a - b));
  expect(done[0]).toBe(0);
  expect(done.some((value) => value > 0 && value < 3), JSON.stringify(done)).toBe(true);
  // The estimate is there before the first page (from the earlier document) and after it (this one's pace).
  for (const value of values.filter(({ done }) => done < 3)) expect(value.eta, JSON.stringify(value)).toMatch(ETA_WORDS);
});

test('three files dropped at once become three scans; the bad one shows Azure’s error and the others are read', async ({ page }) => {
  test.setTimeout(240_000);
  await openApp(page);
  const names = ['real-testocr.png', 'bad/unsupported.gif', 'syn-scanned-page.pdf'];
  const dataTransfer = await dataTransferOf(page, names);
  await page.getByText('Choose images').dispatchEvent('drop', { dataTransfer });

  await expect(page.getByRole('list', { name: 'Scans' }).getByRole('listitem')).toHaveCount(3);
  const bad = scanItem(page, 'unsupported.gif');
  await expect(bad.locator('.status')).toHaveText('Failed');
  await expect(bad.locator('.error')).toHaveText(/^Input data is not a valid image\. Supported formats: PNG, JPEG, BMP, TIFF, PDF\.$/);
  for (const name of ['real-testocr.png', 'syn-scanned-page.pdf']) {
    await expect(scanEntry(page, name).locator('.status')).toHaveText('Done', { timeout: 180_000 });
    await expect(scanItem(page, name).locator('.error')).toHaveCount(0);
  }
  await scanEntry(page, 'real-testocr.png').click();
  await expect(page.getByRole('region', { name: 'Result' }).getByLabel('Recognised text')).toContainText('quick brown dog');
});

test('a pasted image becomes a scan', async ({ page }) => {
  await openApp(page);
  const clipboardData = await dataTransferOf(page, ['real-testocr.png']);
  await page.evaluate((clipboardData) => window.dispatchEvent(new ClipboardEvent('paste', { clipboardData })), clipboardData);
  await expect(scanEntry(page, 'real-testocr.png').locator('.status')).toHaveText('Done');
});

/** The history's entry of an operation. */
function historyItem(page: Page, name: string) {
  return page.getByRole('list', { name: 'Stored operations history' }).getByRole('listitem').filter({ hasText: name });
}

test('the history counts down to each operation’s expiry, and Delete removes it for good', async ({ page }) => {
  await openApp(page);
  await chooseFixture(page, 'real-testocr.png');
  await expect(scanEntry(page, 'real-testocr.png').locator('.status')).toHaveText('Done');

  const item = historyItem(page, 'real-testocr.png');
  await expect(item).toContainText('Done');
  await expect(item.locator('.expiry')).toHaveText('expires in 23 h 59 min');
  const id = (await item.getAttribute('data-operation-id'))!;
  const results = `/vision/v3.2/read/analyzeResults/${id}`;
  expect((await callApi(page, results, { headers: await keyHeaders(page, undefined) })).status).toBe(200);

  await item.getByRole('button', { name: 'Delete real-testocr.png' }).click();
  await expect(item).toHaveCount(0);
  await expect(page.getByText('Nothing is stored.')).toBeVisible();
  expect((await callApi(page, results, { headers: await keyHeaders(page, undefined) })).status).toBe(404);
});

test('an operation drops out of the history when it expires, the countdown ticking to the end', async ({ page }) => {
  await openApp(page);
  await chooseFixture(page, 'real-testocr.png');
  await expect(scanEntry(page, 'real-testocr.png').locator('.status')).toHaveText('Done');
  const item = historyItem(page, 'real-testocr.png');
  const id = (await item.getAttribute('data-operation-id'))!;

  // As if it had been submitted 24 h less 12 s ago; the page learns it when the history is read again.
  await backdate(page, id, 24 * 3_600_000 - 12_000);
  await page.getByRole('link', { name: 'Privacy' }).click();
  await page.getByRole('link', { name: 'Scan' }).click();
  const expiry = item.locator('.expiry');
  await expect(expiry).toHaveText(/^expires in \d+ s$/);
  const first = await expiry.textContent();
  await expect(expiry).not.toHaveText(first!);
  await expect(item).toHaveCount(0, { timeout: 20_000 });
  // The scan itself stays in this tab's list with its result; only what is stored is gone.
  await expect(scanEntry(page, 'real-testocr.png')).toBeVisible();
});
