/**
 * Multi-page documents (TIFF, born-digital and scanned PDF) read through the Read API, page by
 * page. Broken and edge-case documents are bad-input.spec.ts's.
 */
import { expect, test, type TestInfo } from '@playwright/test';
import type { ReadResult } from '../../src/read-api/types';
import { characterErrorRate } from './support/text-metrics';
import { fixtureBytes, fixtureText, openApp, readDocument } from './support/app';
import { expectBoxesOnPage } from './support/read-api';

/** Ground truth of a multi-page document: pages separated by a line holding only a form feed. */
function truthPages(name: string): string[] {
  return fixtureText(name).split(/\n\f\n/);
}

function pageText(page: ReadResult): string {
  return page.lines.map((line) => line.text).join('\n');
}

/** Reads a fixture through the API and notes the time per page in the test's report. */
async function timedRead(page: Parameters<typeof readDocument>[0], name: string, info: TestInfo, query = '') {
  const started = Date.now();
  const result = await readDocument(page, fixtureBytes(name), query);
  const pages = result.analyzeResult?.readResults.length ?? 0;
  const perPage = pages > 0 ? Math.round((Date.now() - started) / pages) : 0;
  info.annotations.push({ type: 'timing', description: `${name}${query}: ${pages} page(s), ${perPage} ms/page end to end` });
  return result;
}

test.describe('PDF and TIFF documents through the Read API', () => {
  test.beforeEach(async ({ page }) => openApp(page));

  test('reads every page of a 3-page TIFF (G4, LZW, JPEG) in pixels', async ({ page }, info) => {
    const result = await timedRead(page, 'syn-3page.tif', info);
    expect(result.status).toBe('succeeded');
    const pages = result.analyzeResult!.readResults;
    expect(pages.map(({ page: n, width, height, unit }) => ({ n, width, height, unit }))).toEqual([
      { n: 1, width: 2480, height: 3508, unit: 'pixel' },
      { n: 2, width: 2480, height: 3508, unit: 'pixel' },
      { n: 3, width: 1240, height: 1754, unit: 'pixel' },
    ]);
    const truth = truthPages('syn-3page.gt.txt');
    pages.forEach((readResult, i) => {
      expect(characterErrorRate(truth[i]!, pageText(readResult))).toBeLessThanOrEqual(0.03);
      expectBoxesOnPage(readResult);
    });
  });

  test('reads only the pages asked for: pages=2 of the TIFF', async ({ page }, info) => {
    const result = await timedRead(page, 'syn-3page.tif', info, '?pages=2');
    expect(result.status).toBe('succeeded');
    const pages = result.analyzeResult!.readResults;
    expect(pages.map((readResult) => readResult.page)).toEqual([2]);
    expect(characterErrorRate(truthPages('syn-3page.gt.txt')[1]!, pageText(pages[0]!))).toBeLessThanOrEqual(0.03);
  });

  test('reads a born-digital PDF from its text layer: inches, exact text, confidence 1', async ({ page }, info) => {
    const result = await timedRead(page, 'syn-born-digital-3page.pdf', info);
    expect(result.status).toBe('succeeded');
    const pages = result.analyzeResult!.readResults;
    expect(pages.map((readResult) => [readResult.page, readResult.unit])).toEqual([[1, 'inch'], [2, 'inch'], [3, 'inch']]);
    const truth = truthPages('syn-born-digital-3page.gt.txt');
    pages.forEach((readResult, i) => {
      expect(readResult.width).toBeGreaterThan(8);
      expect(readResult.height).toBeGreaterThan(11);
      expect(characterErrorRate(truth[i]!, pageText(readResult))).toBeLessThanOrEqual(0.01);
      expect(readResult.lines.flatMap((line) => line.words).every((word) => word.confidence === 1)).toBe(true);
      expectBoxesOnPage(readResult);
    });
  });

  test('reads an image-only PDF page by OCR, boxes in inches', async ({ page }, info) => {
    const result = await timedRead(page, 'syn-scanned-page.pdf', info);
    expect(result.status).toBe('succeeded');
    const [readResult] = result.analyzeResult!.readResults;
    expect(readResult).toMatchObject({ page: 1, unit: 'inch', width: 8.2667, height: 11.6933 });
    expect(characterErrorRate(fixtureText('syn-scanned-page.gt.txt'), pageText(readResult!))).toBeLessThanOrEqual(0.03);
    expectBoxesOnPage(readResult!);
    // OCR confidences, not the text layer's certainty.
    expect(readResult!.lines.flatMap((line) => line.words).some((word) => word.confidence < 1)).toBe(true);
  });
});
