import { expect, test } from '@playwright/test';
import { characterErrorRate } from './support/text-metrics';
import { fixtureBytes, fixtureText, getOperation, openApp, readDocument, submit } from './support/app';

test.describe('Read API over fetch()', () => {
  test.beforeEach(async ({ page }) => openApp(page));

  test('reads a PNG with the known text, boxes inside the page and confidences in 0..1', async ({ page }) => {
    const result = await readDocument(page, fixtureBytes('real-testocr.png'));
    expect(result.status).toBe('succeeded');
    const [readResult] = result.analyzeResult!.readResults;
    expect(readResult).toMatchObject({ page: 1, angle: 0, width: 640, height: 480, unit: 'pixel' });
    const text = readResult!.lines.map((line) => line.text).join('\n');
    expect(characterErrorRate(fixtureText('real-testocr.gt.txt'), text)).toBeLessThanOrEqual(0.02);
    for (const line of readResult!.lines) {
      for (const box of [line.boundingBox, ...line.words.map((word) => word.boundingBox)]) {
        expect(box).toHaveLength(8);
        box.forEach((value, i) => {
          expect(value).toBeGreaterThanOrEqual(0);
          expect(value).toBeLessThanOrEqual(i % 2 === 0 ? readResult!.width : readResult!.height);
        });
      }
      for (const word of line.words) {
        expect(word.confidence).toBeGreaterThanOrEqual(0);
        expect(word.confidence).toBeLessThanOrEqual(1);
      }
    }
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

  test('answers 202 with an absolute Operation-Location and a request id', async ({ page }) => {
    const answer = await submit(page, fixtureBytes('real-testocr.png'));
    expect(answer.status).toBe(202);
    expect(answer.body).toBeNull();
    const origin = new URL(page.url()).origin;
    expect(answer.headers['operation-location']).toMatch(
      new RegExp(`^${origin}/vision/v3\\.2/read/analyzeResults/[0-9a-f-]{36}$`),
    );
    expect(answer.headers['apim-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  test('answers 401 in Azure\'s shape without a key or with a wrong one', async ({ page }) => {
    for (const key of [null, 'not-the-key']) {
      const answer = await submit(page, fixtureBytes('real-testocr.png'), { key });
      expect(answer.status).toBe(401);
      expect(answer.body).toEqual({
        error: { code: '401', message: expect.stringContaining('Access denied due to invalid subscription key') },
      });
    }
  });

  test('answers 404 for an unknown operation id', async ({ page }) => {
    const origin = new URL(page.url()).origin;
    const answer = await getOperation(page, `${origin}/vision/v3.2/read/analyzeResults/00000000-0000-4000-8000-000000000000`);
    expect(answer.status).toBe(404);
    expect(answer.body).toMatchObject({ error: { code: 'NotFound' } });
    expect(answer.headers['content-type']).toBe('application/json; charset=utf-8');
  });

  test('answers 400 InvalidImageFormat for a body that is not an image', async ({ page }) => {
    const text = [...new TextEncoder().encode('This is plain text, not an image.')];
    const answer = await submit(page, text);
    expect(answer.status).toBe(400);
    expect(answer.body).toMatchObject({ error: { code: 'InvalidImageFormat' } });
  });
});
