/**
 * The result viewer: every page drawn under its word boxes (PDF pages by pdf.js, TIFF pages
 * decoded, in the page-view worker), paging by keyboard, search across pages, word tooltips, and
 * copying in reading order.
 */
import { expect, test, type Locator, type Page } from '@playwright/test';
import { chooseFixture, fixtureText, openApp, scanEntry } from './support/app';

async function scan(page: Page, name: string): Promise<Locator> {
  await openApp(page);
  await chooseFixture(page, name);
  await expect(scanEntry(page, name).locator('.status')).toHaveText('Done', { timeout: 110_000 });
  return page.getByRole('region', { name: 'Result' });
}

/** The darkness of the page image inside `word`'s box and in the page's top-left margin, sampled from its pixels. */
async function inkUnder(image: Locator, word: Locator): Promise<{ inBox: number; margin: number; natural: [number, number] }> {
  const wordBox = (await word.boundingBox())!;
  return image.evaluate((img: HTMLImageElement, box) => {
    const shown = img.getBoundingClientRect();
    const canvas = new OffscreenCanvas(img.naturalWidth, img.naturalHeight);
    const context = canvas.getContext('2d')!;
    context.drawImage(img, 0, 0);
    const sx = img.naturalWidth / shown.width;
    const sy = img.naturalHeight / shown.height;
    /** The share of dark pixels (luminance under 128) in a rectangle of the natural image. */
    const dark = (x: number, y: number, width: number, height: number) => {
      const { data } = context.getImageData(Math.round(x), Math.round(y), Math.max(1, Math.round(width)), Math.max(1, Math.round(height)));
      let count = 0;
      for (let i = 0; i < data.length; i += 4) if (0.299 * data[i]! + 0.587 * data[i + 1]! + 0.114 * data[i + 2]! < 128) count += 1;
      return count / (data.length / 4);
    };
    return {
      inBox: dark((box.x - shown.x) * sx, (box.y - shown.y) * sy, box.width * sx, box.height * sy),
      margin: dark(0, 0, img.naturalWidth * 0.04, img.naturalHeight * 0.04),
      natural: [img.naturalWidth, img.naturalHeight] as [number, number],
    };
  }, wordBox);
}

/** Words containing `term`, case ignored, on each page of a ground truth (pages split by form feeds). */
function countsPerPage(groundTruth: string, term: string): number[] {
  return groundTruth.split('\f').map((text) => text.split(/\s+/).filter((word) => word.toLowerCase().includes(term)).length);
}

test('draws a PDF page with pdf.js under word boxes that sit on its ink, and finds a word on every page', async ({ page }) => {
  const name = 'syn-born-digital-3page.pdf';
  const result = await scan(page, name);
  await expect(result.getByText('page 1 of 3', { exact: true })).toBeVisible();

  const image = result.getByRole('img', { name: `Page 1 of ${name}` });
  await expect(image).toBeVisible();
  const words = result.getByRole('button', { name: /confidence/ });
  await expect.poll(() => words.count()).toBeGreaterThan(50);
  const first = words.first();
  await expect(first).toHaveAccessibleName('Harbor: 100% confidence');
  const ink = await inkUnder(image, first);
  expect(ink.natural[0], 'rendered near the shown width, not a thumbnail').toBeGreaterThan(300);
  expect(ink.inBox, 'ink under the first word box').toBeGreaterThan(0.08);
  expect(ink.margin, 'the margin is paper').toBeLessThan(0.01);
  // A box drawn for each word, over the image.
  const drawn = result.locator('svg polygon.word-box');
  expect(await drawn.count()).toBe(await words.count());

  // Search: every match counted, highlighted on its page, and next/previous go to its page.
  const expected = countsPerPage(fixtureText('syn-born-digital-3page.gt.txt'), 'battery');
  const total = expected.reduce((sum, count) => sum + count, 0);
  const pagesWithMatches = expected.filter((count) => count > 0).length;
  expect(total).toBeGreaterThan(1);
  await result.getByRole('searchbox').fill('battery');
  await expect(result.getByRole('status', { name: 'Matches' })).toHaveText(`${total} matches on ${pagesWithMatches} pages`);
  await expect(result.locator('svg polygon.word-box.match')).toHaveCount(expected[0]!);
  const lastPage = expected.length - 1 - [...expected].reverse().findIndex((count) => count > 0);
  await result.getByRole('button', { name: 'Previous match' }).click();
  await expect(result.getByText(`page ${lastPage + 1} of 3`, { exact: true })).toBeVisible();
  await expect(result.getByRole('status', { name: 'Matches' })).toHaveText(`${total} of ${total} matches on ${pagesWithMatches} pages`);
  await expect(result.locator('svg polygon.word-box.match')).toHaveCount(expected[lastPage]!);
  await expect(result.locator('svg polygon.word-box.current')).toHaveCount(1);
  await expect(result.getByRole('img', { name: `Page ${lastPage + 1} of ${name}` })).toBeVisible();
  await result.getByRole('button', { name: 'Next match' }).click();
  await expect(result.getByText('page 1 of 3', { exact: true })).toBeVisible();
  await expect(result.getByRole('status', { name: 'Matches' })).toHaveText(`1 of ${total} matches on ${pagesWithMatches} pages`);
});

test('shows a word\'s text and confidence on hover and on focus, moves through words with the arrows, and copies in reading order', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const name = 'syn-born-digital-3page.pdf';
  const result = await scan(page, name);
  const words = result.getByRole('button', { name: /confidence/ });
  await expect.poll(() => words.count()).toBeGreaterThan(50);
  const tooltip = result.getByRole('tooltip');

  await words.nth(1).hover();
  await expect(tooltip).toHaveText('Data: 100% confidence');

  await page.mouse.move(0, 0);
  await result.getByRole('group', { name: `Page 1 of 3 of ${name}` }).focus();
  await page.keyboard.press('Tab');
  await expect(words.first()).toBeFocused();
  await expect(tooltip).toHaveText('Harbor: 100% confidence');
  await expect(words.first()).toHaveAttribute('aria-describedby', (await tooltip.getAttribute('id'))!);
  await page.keyboard.press('ArrowRight');
  await expect(words.nth(1)).toBeFocused();
  await expect(tooltip).toHaveText('Data: 100% confidence');

  // Select the whole word layer and copy: the lines come out in reading order.
  await page.evaluate(() => {
    const layer = document.querySelector('.word-layer')!;
    const range = document.createRange();
    range.selectNodeContents(layer);
    document.getSelection()!.removeAllRanges();
    document.getSelection()!.addRange(range);
  });
  await page.keyboard.press('Control+C');
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  const paneText = await result.getByRole('region', { name: 'Recognised text' }).innerText();
  expect(copied).toBe(paneText.trim());
  const groundTruth = fixtureText('syn-born-digital-3page.gt.txt').split('\n');
  expect(copied.split('\n').slice(0, 2)).toEqual(groundTruth.slice(0, 2));
});

test('draws each TIFF page from its decoded image and changes pages with the keyboard', async ({ page }) => {
  const name = 'syn-3page.tif';
  const result = await scan(page, name);
  const stage = (pageNumber: number) => result.getByRole('group', { name: `Page ${pageNumber} of 3 of ${name}` });
  await expect(result.getByRole('img', { name: `Page 1 of ${name}` })).toBeVisible();

  await stage(1).focus();
  await page.keyboard.press('PageDown');
  await expect(result.getByText('page 2 of 3', { exact: true })).toBeVisible();
  const image = result.getByRole('img', { name: `Page 2 of ${name}` });
  await expect(image).toBeVisible();
  const words = result.getByRole('button', { name: /confidence/ });
  await expect.poll(() => words.count()).toBeGreaterThan(50);
  // The second page starts "The mention of Marley's funeral": its first word sits on ink.
  await expect(words.first()).toHaveAccessibleName(/^The: \d+% confidence/);
  const ink = await inkUnder(image, words.first());
  expect(ink.inBox).toBeGreaterThan(0.08);
  expect(ink.margin).toBeLessThan(0.01);

  await expect(stage(2)).toBeFocused();
  await page.keyboard.press('ArrowRight');
  await expect(result.getByText('page 3 of 3', { exact: true })).toBeVisible();
  await expect(result.getByRole('img', { name: `Page 3 of ${name}` })).toBeVisible();
  await page.keyboard.press('PageUp');
  await expect(result.getByText('page 2 of 3', { exact: true })).toBeVisible();
  await result.getByRole('button', { name: 'Previous page' }).click();
  await expect(result.getByText('page 1 of 3', { exact: true })).toBeVisible();

  // Zoom from the keyboard: + and - step, 0 fits the width again.
  await stage(1).focus();
  await page.keyboard.press('+');
  await expect(result.getByLabel('Zoom level')).toHaveText('125%');
  await page.keyboard.press('-');
  await page.keyboard.press('-');
  await expect(result.getByLabel('Zoom level')).toHaveText('80%');
  await page.keyboard.press('0');
  await expect(result.getByLabel('Zoom level')).toHaveText('100%');
});
