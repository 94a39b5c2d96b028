/**
 * The camera inside the app, on Chromium's fake camera playing a receipt photo: the live page
 * outline, shots gathered with their corners adjusted, read as one multi-page document; and the
 * plain photo input where no camera can be had.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test, type Page } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../playwright.config';
import { FIXTURES, fixtureText, openApp, scanEntry } from './support/app';

const PHOTO = 'syn-receipt-photo.jpg';

/**
 * The fake camera's video: an MJPEG file is JPEG frames one after another, so a few copies of
 * the photo make a still picture. Written before the browser starts, which reads it at launch.
 */
function fakeVideo(): string {
  const folder = join(tmpdir(), `localread-camera-${process.pid}`);
  mkdirSync(folder, { recursive: true });
  const frame = readFileSync(fileURLToPath(new URL(PHOTO, FIXTURES)));
  const file = join(folder, 'receipt.mjpeg');
  writeFileSync(file, Buffer.concat([frame, frame, frame]));
  return file;
}

test.use({
  launchOptions: {
    executablePath: CHROMIUM_PATH,
    args: [...CHROMIUM_ARGS, '--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream', `--use-file-for-fake-video-capture=${fakeVideo()}`],
  },
});

/** Words of the ground truth a reading should find (letters only, four or more). */
function groundTruthWords(name: string): string[] {
  return [...new Set(fixtureText(name).toUpperCase().match(/[A-Z]{4,}/g) ?? [])];
}

async function captureAndKeep(page: Page) {
  const dialog = page.getByRole('dialog', { name: 'Camera' });
  await dialog.getByRole('button', { name: 'Capture' }).click();
  await expect(dialog.getByRole('heading', { name: "Check the page's corners" })).toBeFocused();
  await dialog.getByRole('button', { name: 'Keep this page' }).click();
  await expect(dialog.getByRole('button', { name: 'Capture' })).toBeFocused();
}

test('takes two pages with the camera, a corner moved by keyboard, and reads them as one document', async ({ page, context }) => {
  // Two receipt photos read by both engines: minutes on a loaded two-core machine.
  test.setTimeout(600_000);
  await context.grantPermissions(['camera']);
  await openApp(page);
  await page.getByRole('button', { name: 'Take photos' }).click();
  const dialog = page.getByRole('dialog', { name: 'Camera' });
  await expect(dialog).toBeVisible();

  // The receipt lies on a darker table: its outline is found on the live video and drawn over it.
  const outline = dialog.getByRole('img', { name: 'Page outline found' }).locator('polygon');
  await expect(outline).toBeVisible();
  const corners = (await outline.getAttribute('points'))!.split(' ').map((pair) => pair.split(',').map(Number));
  expect(corners).toHaveLength(4);
  const video = await dialog.getByLabel('Camera preview').evaluate((v: HTMLVideoElement) => [v.videoWidth, v.videoHeight]);
  // The sheet is inside the frame and covers much of it, not the frame itself.
  for (const [x, y] of corners) {
    expect(x).toBeGreaterThan(0);
    expect(y).toBeGreaterThan(0);
    expect(x).toBeLessThan(video[0]!);
    expect(y).toBeLessThan(video[1]!);
  }

  await captureAndKeep(page);

  // The second shot: its top-left corner moved inwards with the arrow keys before it is kept.
  await dialog.getByRole('button', { name: 'Capture' }).click();
  await expect(dialog.getByRole('heading', { name: "Check the page's corners" })).toBeFocused();
  const topLeft = dialog.getByRole('button', { name: /^Top-left corner/ });
  const before = await topLeft.getAttribute('aria-label');
  await topLeft.focus();
  for (let i = 0; i < 3; i += 1) await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowDown');
  await expect(topLeft).not.toHaveAttribute('aria-label', before!);
  await expect(topLeft).toBeFocused();
  await dialog.getByRole('button', { name: 'Keep this page' }).click();

  const strip = dialog.getByRole('list', { name: 'Pages taken' });
  await expect(strip.getByRole('img')).toHaveCount(2);
  // Each page is the straightened sheet, narrower than the whole frame.
  const [pageWidth, pageHeight] = await strip.getByRole('img', { name: 'Page 1' }).evaluate(async (img: HTMLImageElement) => {
    await img.decode();
    return [img.naturalWidth, img.naturalHeight];
  });
  expect(pageWidth).toBeLessThan(video[0]!);
  expect(pageHeight).toBeLessThan(video[1]!);

  await dialog.getByRole('button', { name: 'Read 2 pages' }).click();
  await expect(dialog).toBeHidden();
  // The camera is stopped once the dialog closes.
  await expect.poll(() => page.evaluate(() => document.querySelector('video'))).toBeNull();

  const entry = scanEntry(page, 'Camera ');
  await expect(entry).toBeVisible();
  await expect(entry.locator('.status')).toHaveText(/^(Done|Failed)$/, { timeout: 480_000 });
  const result = page.getByRole('region', { name: 'Result' });
  const failure = await result.getByRole('alert').allTextContents();
  await expect(entry.locator('.status'), `the document failed: ${failure.join(' ')}`).toHaveText('Done');
  await expect(result.getByText('page 1 of 2', { exact: true })).toBeVisible();

  const words = groundTruthWords(PHOTO.replace('.jpg', '.gt.txt'));
  for (const pageNumber of [1, 2]) {
    if (pageNumber > 1) await result.getByRole('button', { name: 'Next page' }).click();
    await expect(result.getByText(`page ${pageNumber} of 2`, { exact: true })).toBeVisible();
    const text = (await result.getByLabel('Recognised text').textContent())!.toUpperCase();
    const found = words.filter((word) => text.includes(word));
    console.log(`page ${pageNumber}: ${found.length} of ${words.length} ground-truth words`);
    expect(found.length, `page ${pageNumber} read ${text}`).toBeGreaterThanOrEqual(Math.ceil(words.length * 0.8));
  }
});

test('offers the photo input when the camera cannot be had', async ({ page }) => {
  await page.addInitScript(() => {
    navigator.mediaDevices.getUserMedia = () => Promise.reject(new DOMException('Permission denied', 'NotAllowedError'));
  });
  await openApp(page);
  const opener = page.getByRole('button', { name: 'Take photos' });
  await opener.click();
  const dialog = page.getByRole('dialog', { name: 'Camera' });
  await expect(dialog.getByRole('alert')).toHaveText('Camera access was refused.');
  const input = dialog.locator('input[type="file"][capture="environment"]');
  await expect(input).toBeAttached();
  await expect(dialog.getByText('Take a photo', { exact: true })).toBeVisible();

  // Escape closes the dialog and gives the focus back to the button that opened it.
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(opener).toBeFocused();

  // A photo chosen in the fallback input is read like any file.
  await opener.click();
  await dialog.locator('input[type="file"]').setInputFiles(fileURLToPath(new URL(PHOTO, FIXTURES)));
  await expect(dialog).toBeHidden();
  await expect(scanEntry(page, PHOTO)).toBeVisible();
});

test('keeps the plain photo input where the browser has no media devices', async ({ page }) => {
  await page.addInitScript(() => {
    Object.defineProperty(Navigator.prototype, 'mediaDevices', { get: () => undefined });
  });
  await openApp(page);
  await expect(page.getByRole('button', { name: 'Take photos' })).toHaveCount(0);
  await expect(page.locator('input[type="file"][capture="environment"]')).toBeAttached();
  await expect(page.getByText('Take a photo', { exact: true })).toBeVisible();
});
