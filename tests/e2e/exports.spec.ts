/**
 * Exports through the UI in real Chromium: scan, click an export, capture the download, and read
 * it back in Node: the searchable PDF with pdf.js (its words where the result's boxes are), the
 * hOCR with the browser's own XML parser.
 */
import { readFileSync } from 'node:fs';
import { expect, test, type Download, type Page } from '@playwright/test';
import type { AnalyzeResult, BoundingBox } from '../../src/read-api/types';
import { pdfWords, type PdfPageText } from '../support/pdf-words';
import { chooseFixture, openApp, scanEntry } from './support/app';

async function downloaded(page: Page, click: () => Promise<void>): Promise<{ download: Download; bytes: Buffer }> {
  const [download] = await Promise.all([page.waitForEvent('download'), click()]);
  return { download, bytes: readFileSync((await download.path())!) };
}

async function exportOf(page: Page, group: string, button: string) {
  const menu = page.getByRole('group', { name: group });
  return downloaded(page, () => menu.getByRole('button', { name: button, exact: true }).click());
}

/** Points per unit of a result page: 72 an inch, or the page's shown width over its pixels. */
const pointsPerUnit = (shown: PdfPageText, width: number) => shown.width / width;

/**
 * Every word of the result (that the font can draw) is in the PDF's text, in order, each text
 * item starting at the left end of its first word's box and ending at the right end of its last
 * (pdf.js may join neighbouring words into one item), its baseline inside the box.
 */
function expectWordsOnBoxes(shown: PdfPageText, page: AnalyzeResult['readResults'][number]): void {
  const k = pointsPerUnit(shown, page.width);
  expect(shown.height / k).toBeCloseTo(page.height, 1);
  const words = page.lines.flatMap((line) => line.words).filter((word) => word.text.trim() !== '');
  const tokens = shown.words.flatMap((item) => item.text.split(/\s+/).map((text, index, all) => ({ text, item, first: index === 0, last: index === all.length - 1 })));
  expect(tokens.map((token) => token.text)).toEqual(words.map((word) => word.text));
  const near = (actual: number, expected: number, size: number) => expect(Math.abs(actual - expected)).toBeLessThan(0.05 * size + 1);
  tokens.forEach((token, index) => {
    const box = words[index]!.boundingBox.map((value) => value * k) as BoundingBox;
    const height = Math.hypot(box[6] - box[0], box[7] - box[1]);
    const length = Math.hypot(box[4] - box[6], box[5] - box[7]);
    const size = Math.max(height, length);
    // Slanted text is checked along x only where it is nearly level (the receipt and page here are).
    if (token.first) near(token.item.start[0], box[6], size);
    if (token.last) near(token.item.end[0], box[4], size);
    const top = Math.min(box[1], box[3]);
    const bottom = Math.max(box[5], box[7]);
    expect(token.item.start[1]).toBeGreaterThan(top - 1);
    expect(token.item.start[1]).toBeLessThan(bottom + 1);
  });
}

test('exports a scanned image as a searchable PDF whose words sit on the boxes, and as hOCR', async ({ page }) => {
  await openApp(page);
  await chooseFixture(page, 'real-testocr.png');
  await expect(scanEntry(page, 'real-testocr.png').locator('.status')).toHaveText('Done');

  const json = await exportOf(page, 'Export this document', 'JSON');
  const result = (JSON.parse(json.bytes.toString('utf8')) as { analyzeResult: AnalyzeResult }).analyzeResult;
  expect(result.readResults[0]!.lines.length).toBeGreaterThan(3);

  const pdf = await exportOf(page, 'Export this document', 'Searchable PDF');
  expect(pdf.download.suggestedFilename()).toBe('real-testocr.pdf');
  const pages = await pdfWords(new Uint8Array(pdf.bytes));
  expect(pages).toHaveLength(1);
  expectWordsOnBoxes(pages[0]!, result.readResults[0]!);

  const hocr = await exportOf(page, 'Export this document', 'hOCR');
  expect(hocr.download.suggestedFilename()).toBe('real-testocr.hocr');
  const parsed = await page.evaluate((xml) => {
    const document = new DOMParser().parseFromString(xml, 'application/xhtml+xml');
    if (document.getElementsByTagName('parsererror').length > 0) return null;
    const words = [...document.querySelectorAll('.ocrx_word')];
    return {
      page: document.querySelector('.ocr_page')?.getAttribute('title'),
      lines: document.querySelectorAll('.ocr_line').length,
      words: words.map((word) => ({ text: word.textContent, title: word.getAttribute('title') })),
    };
  }, hocr.bytes.toString('utf8'));
  expect(parsed, 'the hOCR is well-formed XHTML').not.toBeNull();
  expect(parsed!.page).toBe('image "real-testocr.png"; bbox 0 0 640 480; ppageno 0');
  expect(parsed!.lines).toBe(result.readResults[0]!.lines.length);
  const words = result.readResults[0]!.lines.flatMap((line) => line.words);
  expect(parsed!.words.map((word) => word.text)).toEqual(words.map((word) => word.text));
  parsed!.words.forEach((word, index) => {
    const box = words[index]!.boundingBox;
    const xs = [box[0], box[2], box[4], box[6]];
    const ys = [box[1], box[3], box[5], box[7]];
    const bbox = [Math.floor(Math.min(...xs)), Math.floor(Math.min(...ys)), Math.ceil(Math.max(...xs)), Math.ceil(Math.max(...ys))];
    expect(word.title).toBe(`bbox ${bbox.join(' ')}; x_wconf ${Math.round(words[index]!.confidence * 100)}`);
  });
});

test('exports all documents, a scanned PDF and a three-page TIFF, as one searchable PDF', async ({ page }) => {
  test.setTimeout(240_000);
  await openApp(page);
  await chooseFixture(page, 'syn-scanned-page.pdf');
  await expect(scanEntry(page, 'syn-scanned-page.pdf').locator('.status')).toHaveText('Done', { timeout: 120_000 });
  await chooseFixture(page, 'syn-3page.tif');
  await expect(scanEntry(page, 'syn-3page.tif').locator('.status')).toHaveText('Done', { timeout: 120_000 });

  const json = await exportOf(page, 'Export all documents', 'JSON');
  const documents = JSON.parse(json.bytes.toString('utf8')) as Array<{ name: string; analyzeResult: AnalyzeResult }>;
  // The list shows the newest first, and exports follow it.
  expect(documents.map((document) => document.name)).toEqual(['syn-3page.tif', 'syn-scanned-page.pdf']);
  const resultPages = documents.flatMap((document) => document.analyzeResult.readResults);
  expect(resultPages.map((each) => each.unit)).toEqual(['pixel', 'pixel', 'pixel', 'inch']);

  const pdf = await exportOf(page, 'Export all documents', 'Searchable PDF');
  expect(pdf.download.suggestedFilename()).toBe('localread-2-documents.pdf');
  const pages = await pdfWords(new Uint8Array(pdf.bytes));
  expect(pages).toHaveLength(4);
  pages.forEach((shown, index) => expectWordsOnBoxes(shown, resultPages[index]!));
  // The PDF's own page keeps its size: inches as the result reports them.
  expect(pages[3]!.width / 72).toBeCloseTo(resultPages[3]!.width, 2);

  const hocr = await exportOf(page, 'Export all documents', 'hOCR');
  const titles = await page.evaluate((xml) => {
    const document = new DOMParser().parseFromString(xml, 'application/xhtml+xml');
    return [...document.querySelectorAll('.ocr_page')].map((each) => each.getAttribute('title')!.split(';')[0]);
  }, hocr.bytes.toString('utf8'));
  expect(titles).toEqual(['image "syn-3page.tif"', 'image "syn-3page.tif"', 'image "syn-3page.tif"', 'image "syn-scanned-page.pdf"']);
});
