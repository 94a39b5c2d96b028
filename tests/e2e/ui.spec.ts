import { expect, test } from '@playwright/test';
import { chooseFixture, openApp, scanEntry } from './support/app';

test('reads an image chosen in the file input and draws its line boxes over it', async ({ page }) => {
  await openApp(page);
  await chooseFixture(page, 'real-testocr.png');

  const entry = scanEntry(page, 'real-testocr.png');
  await expect(entry).toBeVisible();
  await expect(entry.locator('.status')).toHaveText('Done');

  const result = page.getByRole('region', { name: 'Result' });
  await expect(result.getByRole('heading', { name: 'real-testocr.png' })).toBeVisible();
  await expect(result.getByLabel('Recognised text')).toContainText('quick brown dog');

  // The page image is shown (the chosen file, decoded) ...
  const image = result.getByRole('img', { name: 'Page 1 of real-testocr.png' });
  await expect(image).toBeVisible();
  expect(await image.evaluate((img: HTMLImageElement) => [img.naturalWidth, img.naturalHeight])).toEqual([640, 480]);

  // ... with one polygon per line in an SVG laid over it.
  const boxes = result.locator('svg polygon.line-box');
  await expect.poll(() => boxes.count()).toBeGreaterThanOrEqual(5);
  const imageBox = (await image.boundingBox())!;
  const svgBox = (await result.locator('svg').boundingBox())!;
  for (const key of ['x', 'y', 'width', 'height'] as const) {
    expect(Math.abs(svgBox[key] - imageBox[key]), `svg ${key} vs image`).toBeLessThanOrEqual(2);
  }
  for (const box of await boxes.all()) {
    const drawn = (await box.boundingBox())!;
    expect(drawn.width).toBeGreaterThan(0);
    expect(drawn.height).toBeGreaterThan(0);
    expect(drawn.x).toBeGreaterThanOrEqual(imageBox.x - 1);
    expect(drawn.y).toBeGreaterThanOrEqual(imageBox.y - 1);
    expect(drawn.x + drawn.width).toBeLessThanOrEqual(imageBox.x + imageBox.width + 1);
    expect(drawn.y + drawn.height).toBeLessThanOrEqual(imageBox.y + imageBox.height + 1);
  }
  // A box carries its line's text, so the boxes belong to this result.
  await expect(boxes.locator('title').filter({ hasText: 'quick brown dog' }).first()).toBeAttached();
});
