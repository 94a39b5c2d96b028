/**
 * Reading images through the Read API: the known text of a PNG, and a JPEG stored sideways. The
 * answers' contract (status codes, headers, errors) is contract.spec.ts's.
 */
import { expect, test } from '@playwright/test';
import { characterErrorRate } from './support/text-metrics';
import { fixtureBytes, fixtureText, openApp, readDocument } from './support/app';
import { expectBoxesOnPage } from './support/read-api';

test.describe('Read API over fetch()', () => {
  test.beforeEach(async ({ page }) => openApp(page));

  test('reads a PNG with the known text, boxes inside the page and confidences in 0..1', async ({ page }) => {
    const result = await readDocument(page, fixtureBytes('real-testocr.png'));
    expect(result.status).toBe('succeeded');
    const [readResult] = result.analyzeResult!.readResults;
    expect(readResult).toMatchObject({ page: 1, angle: 0, width: 640, height: 480, unit: 'pixel' });
    const text = readResult!.lines.map((line) => line.text).join('\n');
    expect(characterErrorRate(fixtureText('real-testocr.gt.txt'), text)).toBeLessThanOrEqual(0.02);
    expectBoxesOnPage(readResult!);
    const confidences = readResult!.lines.flatMap((line) => line.words.map((word) => word.confidence));
    expect(confidences.filter((confidence) => !(confidence >= 0 && confidence <= 1))).toEqual([]);
  });

  test('reads a JPEG stored sideways (EXIF orientation 6) on its pixels as stored, with its angle', async ({ page }) => {
    const result = await readDocument(page, fixtureBytes('real-exif-rotated.jpg'));
    expect(result.status).toBe('succeeded');
    const [readResult] = result.analyzeResult!.readResults;
    // Stored 180 x 320; the tag says to turn it a quarter clockwise to see it upright.
    expect(readResult).toMatchObject({ width: 180, height: 320, angle: -90 });
    const text = readResult!.lines.map((line) => line.text).join('\n');
    expect(characterErrorRate('Tesseract.js', text)).toBeLessThanOrEqual(0.1);
    // The text runs up the stored image: its top-left corner is below its top-right one.
    const [, topLeftY, , topRightY] = readResult!.lines[0]!.boundingBox;
    expect(topLeftY).toBeGreaterThan(topRightY);
  });
});
