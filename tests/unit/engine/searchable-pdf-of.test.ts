import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { pdfSourceOf, searchablePdfOf } from '../../../src/engine/searchable-pdf-of';
import { mergePdfs } from '../../../src/export/merge-pdfs';
import type { AnalyzeResult } from '../../../src/read-api/types';
import { pdfWords } from '../../support/pdf-words';
import { readFixture } from '../helpers/fixtures';

const FONT = new Uint8Array(readFileSync(new URL('../../../node_modules/pdfjs-dist/standard_fonts/LiberationSans-Regular.ttf', import.meta.url)));

const result = (unit: 'pixel' | 'inch', width: number, height: number): AnalyzeResult => ({
  version: '3.2.0', modelVersion: '2022-04-30',
  readResults: [{ page: 1, angle: 0, width, height, unit, lines: [{ text: 'word', boundingBox: [1, 1, 3, 1, 3, 2, 1, 2], words: [{ text: 'word', boundingBox: [1, 1, 3, 1, 3, 2, 1, 2], confidence: 1 }] }] }],
});

describe('searchablePdfOf', () => {
  it('passes PNG bytes and PDF bytes through as they are', async () => {
    const png = readFixture('real-testocr.png');
    expect(await pdfSourceOf(png, 'png', result('pixel', 640, 480))).toEqual({ kind: 'images', pages: [{ bytes: png, type: 'image/png' }] });
    const pdf = readFixture('syn-scanned-page.pdf');
    expect(await pdfSourceOf(pdf, 'pdf', result('inch', 8.5, 11))).toEqual({ kind: 'pdf', bytes: pdf });
  });

  it('writes a scanned PDF with the result on its page, and merges documents page after page', async () => {
    const [shown] = await pdfWords(await searchablePdfOf(readFixture('syn-scanned-page.pdf'), 'pdf', result('inch', 8.5, 11), FONT));
    expect(shown!.words.map((word) => word.text)).toEqual(['word']);
    expect(shown!.words[0]!.start[0]).toBeCloseTo(72, 0);
    const image = await searchablePdfOf(readFixture('real-testocr.png'), 'png', result('pixel', 640, 480), FONT);
    const merged = await pdfWords(await mergePdfs([image, await searchablePdfOf(readFixture('syn-scanned-page.pdf'), 'pdf', result('inch', 8.5, 11), FONT)]));
    expect(merged.map((page) => page.words.map((word) => word.text))).toEqual([['word'], ['word']]);
  });
});
