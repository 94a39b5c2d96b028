import { readFileSync } from 'node:fs';
import { degrees, PDFDocument, StandardFonts } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { ExportSourceError, writeSearchablePdf } from '../../../src/export/searchable-pdf';
import type { AnalyzeResult, BoundingBox, Line, ReadResult } from '../../../src/read-api/types';
import { pdfWords, type PdfWord } from '../../support/pdf-words';
import { readFixture } from '../helpers/fixtures';

const FONT = new Uint8Array(readFileSync(new URL('../../../node_modules/pdfjs-dist/standard_fonts/LiberationSans-Regular.ttf', import.meta.url)));

function line(words: Array<[string, BoundingBox]>): Line {
  return {
    text: words.map(([text]) => text).join(' '),
    boundingBox: words[0]![1],
    words: words.map(([text, boundingBox]) => ({ text, boundingBox, confidence: 0.9 })),
  };
}

function resultOf(...pages: ReadResult[]): AnalyzeResult {
  return { version: '3.2.0', modelVersion: '2022-04-30', readResults: pages };
}

/** A box's bottom edge (where the baseline runs, lifted by the descent) in points: start and end. */
function bottomEdge(box: BoundingBox, pointsPerUnit: number): { start: [number, number]; end: [number, number] } {
  return { start: [box[6] * pointsPerUnit, box[7] * pointsPerUnit], end: [box[4] * pointsPerUnit, box[5] * pointsPerUnit] };
}

/**
 * The word's baseline runs along the box's bottom edge, a descent (about a fifth of the box's
 * height) above it, from its left side to its right: both ends within `tolerance` of the box's
 * bottom corners lifted by that much, its size the box's height over the font's full extent.
 */
function expectOnBox(word: PdfWord | undefined, box: BoundingBox, pointsPerUnit: number, tolerance: number): void {
  expect(word).toBeDefined();
  const { start, end } = bottomEdge(box, pointsPerUnit);
  const height = Math.hypot(box[6] - box[0], box[7] - box[1]) * pointsPerUnit;
  const length = Math.hypot(end[0] - start[0], end[1] - start[1]);
  // The lift, square to the baseline, towards the box's top.
  const up = [(box[0] - box[6]) * pointsPerUnit / height, (box[1] - box[7]) * pointsPerUnit / height];
  const lift = (height * 0.212) / 1.117;
  const near = (actual: [number, number], expected: [number, number]) => {
    expect(Math.hypot(actual[0] - expected[0] - up[0]! * lift, actual[1] - expected[1] - up[1]! * lift)).toBeLessThan(tolerance * Math.max(length, height));
  };
  near(word!.start, start);
  near(word!.end, end);
  expect(word!.size).toBeCloseTo(height / 1.117, 0);
}

describe('writeSearchablePdf over images', () => {
  const page: ReadResult = {
    page: 1, angle: 0, width: 1000, height: 800, unit: 'pixel',
    lines: [
      line([['Hello', [100, 100, 280, 100, 280, 150, 100, 150]], ['world', [320, 100, 500, 100, 500, 150, 320, 150]]]),
      // Slanted about 27 degrees anticlockwise, as a photographed line is.
      line([['slanted', [100, 400, 300, 300, 330, 360, 130, 460]]]),
    ],
  };

  it('writes every word where its box is, slanted ones turned with them', async () => {
    const pdf = await writeSearchablePdf({ kind: 'images', pages: [{ bytes: readFixture('real-testocr.png'), type: 'image/png' }] }, resultOf(page), FONT);
    const [shown] = await pdfWords(pdf);
    // Under 1200 px on its longer side: shown at 100 dpi.
    expect(shown).toMatchObject({ width: 720, height: 576 });
    expect(shown!.words.map((word) => word.text)).toEqual(['Hello', 'world', 'slanted']);
    page.lines.flatMap((each) => each.words).forEach((word, index) => expectOnBox(shown!.words[index], word.boundingBox, 0.72, 0.03));
  });

  it('puts one page per image, in the order of the result, sized at 300 dpi for large images', async () => {
    const big: ReadResult = { ...page, page: 2, width: 2480, height: 3508, lines: [line([['second', [200, 300, 900, 300, 900, 400, 200, 400]]])] };
    const jpeg = readFixture('syn-receipt-photo.jpg');
    const pdf = await writeSearchablePdf(
      { kind: 'images', pages: [{ bytes: readFixture('real-testocr.png'), type: 'image/png' }, { bytes: jpeg, type: 'image/jpeg' }] },
      resultOf(page, big),
      FONT,
    );
    const pages = await pdfWords(pdf);
    expect(pages).toHaveLength(2);
    expect(pages[1]!.width).toBeCloseTo((2480 * 72) / 300, 3);
    expect(pages[1]!.words.map((word) => word.text)).toEqual(['second']);
    expectOnBox(pages[1]!.words[0], big.lines[0]!.words[0]!.boundingBox, 72 / 300, 0.03);
  });

  it('writes characters the font lacks as spaces and still places the rest', async () => {
    const mixed: ReadResult = { ...page, lines: [line([['東京', [100, 100, 200, 100, 200, 150, 100, 150]], ['Zürich東', [300, 100, 500, 100, 500, 150, 300, 150]]])] };
    const pdf = await writeSearchablePdf({ kind: 'images', pages: [{ bytes: readFixture('real-testocr.png'), type: 'image/png' }] }, resultOf(mixed), FONT);
    const [shown] = await pdfWords(pdf);
    expect(shown!.words.map((word) => word.text)).toEqual(['Zürich']);
    expect(shown!.words[0]!.start[0]).toBeCloseTo(300 * 0.72, 0);
  });

  it('refuses a source whose image count differs from the result', async () => {
    await expect(writeSearchablePdf({ kind: 'images', pages: [] }, resultOf(page), FONT)).rejects.toBeInstanceOf(ExportSourceError);
  });
});

/** A PDF whose pages say ORIGINAL, with a MediaBox away from the origin, a CropBox inside it and /Rotate. */
async function sourcePdf(rotations: number[]): Promise<Uint8Array> {
  const document = await PDFDocument.create();
  const helvetica = await document.embedFont(StandardFonts.Helvetica);
  for (const rotation of rotations) {
    const page = document.addPage([612, 792]);
    page.setMediaBox(50, 100, 612, 792);
    page.setCropBox(80, 150, 500, 600);
    page.setRotation(degrees(rotation));
    page.drawText('ORIGINAL', { x: 200, y: 400, size: 20, font: helvetica });
  }
  return document.save();
}

describe('writeSearchablePdf over a PDF', () => {
  for (const rotation of [0, 90, 180, 270]) {
    it(`keeps the page and places words on the page as shown, with /Rotate ${rotation} and an offset crop box`, async () => {
      const bytes = await sourcePdf([rotation]);
      // The page as the reader measured it (pdf.js's viewport): the crop box, turned.
      const [original] = await pdfWords(bytes);
      const page: ReadResult = {
        page: 1, angle: 0, width: original!.width / 72, height: original!.height / 72, unit: 'inch',
        lines: [line([['Top', [0.5, 0.5, 1.5, 0.5, 1.5, 0.8, 0.5, 0.8]], ['left', [1.7, 0.5, 2.6, 0.5, 2.6, 0.8, 1.7, 0.8]]]), line([['lower', [1, 4, 3, 4, 3, 4.5, 1, 4.5]]])],
      };
      const pdf = await writeSearchablePdf({ kind: 'pdf', bytes }, resultOf(page), FONT);
      const [shown] = await pdfWords(pdf);
      expect(shown).toMatchObject({ width: original!.width, height: original!.height });
      expect(shown!.words.map((word) => word.text)).toEqual(['ORIGINAL', 'Top', 'left', 'lower']);
      page.lines.flatMap((each) => each.words).forEach((word, index) => expectOnBox(shown!.words[index + 1], word.boundingBox, 72, 0.03));
    });
  }

  it('writes only the pages in the result, in its order', async () => {
    const bytes = await sourcePdf([0, 90, 0]);
    const shownPage = (number: number, text: string): ReadResult => ({
      page: number, angle: 0, width: 6, height: 6, unit: 'inch', lines: [line([[text, [1, 1, 2, 1, 2, 1.3, 1, 1.3]]])],
    });
    const pdf = await writeSearchablePdf({ kind: 'pdf', bytes }, resultOf(shownPage(3, 'third'), shownPage(2, 'second')), FONT);
    const pages = await pdfWords(pdf);
    expect(pages.map((each) => each.words.map((word) => word.text))).toEqual([['ORIGINAL', 'third'], ['ORIGINAL', 'second']]);
    // The second page kept its /Rotate 90: its 500 x 600 pt crop box is shown 600 wide, 500 high.
    expect(pages[1]).toMatchObject({ width: 600, height: 500 });
  });

  it('refuses a result page the PDF does not have', async () => {
    const bytes = await sourcePdf([0]);
    const page: ReadResult = { page: 2, angle: 0, width: 5, height: 6, unit: 'inch', lines: [] };
    await expect(writeSearchablePdf({ kind: 'pdf', bytes }, resultOf(page), FONT)).rejects.toBeInstanceOf(ExportSourceError);
  });
});
