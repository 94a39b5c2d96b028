import { describe, expect, it } from 'vitest';
import { toBoundingBox, toReadResult, type PageFrame, type ToPage } from '../../../../src/engine/pipeline/to-read-result';
import {
  quadOfBox,
  splitAtWideGaps,
  textReadingOf,
  toConfidence,
  type OcrBox,
  type OcrLine,
  type OcrPage,
  type OcrWord,
} from '../../../../src/engine/ocr/tesseract-page';
import type { ReadResult } from '../../../../src/read-api/types';
import { API_VERSION, LATEST_MODEL_VERSION } from '../../../../src/read-api/types';
import { assertReadOperationResult } from '../../../support/ocr-schema';

function word(text: string, x0: number, confidence = 90): OcrWord {
  return { text, confidence, bbox: { x0, y0: 10, x1: x0 + 40, y1: 30 } };
}

function line(words: OcrWord[], confidence = 88): OcrLine {
  return { words, confidence, bbox: { x0: 5, y0: 8, x1: 205, y1: 32 } };
}

function page(...lines: OcrLine[]): OcrPage {
  return { blocks: [{ paragraphs: [{ lines }] }] };
}

/** A tesseract reading assembled onto a page: the two steps a page's result goes through. */
function read(ocr: OcrPage, frame: PageFrame, language?: string): ReadResult {
  return toReadResult(textReadingOf(ocr), frame, language);
}

const asIs: ToPage = (x, y) => [x, y];
const box = (b: OcrBox, toPage: ToPage = asIs) => toBoundingBox(quadOfBox(b), toPage);

/** Pixels of a page rendered at `dpi`, to inches. */
const inches =
  (dpi: number): ToPage =>
  (x, y) => [x / dpi, y / dpi];

const PIXEL_FRAME: PageFrame = { page: 1, width: 640, height: 480, unit: 'pixel', angle: 0, toPage: (x, y) => [x, y] };
const PDF_FRAME: PageFrame = { page: 3, width: 8.5, height: 11, unit: 'inch', angle: 0, toPage: inches(300) };

describe('toBoundingBox', () => {
  it('lists the corners clockwise from top-left: TL, TR, BR, BL', () => {
    expect(box({ x0: 10, y0: 20, x1: 110, y1: 45 })).toEqual([10, 20, 110, 20, 110, 45, 10, 45]);
  });

  it('maps each corner through the page transform and keeps four decimals', () => {
    expect(box({ x0: 300, y0: 150, x1: 600, y1: 451 }, inches(300))).toEqual([
      1, 0.5, 2, 0.5, 2, 1.5033, 1, 1.5033,
    ]);
  });

  it('keeps the top-left corner of the text first on a page read a quarter turn round', () => {
    // The page was turned a quarter turn clockwise to be read: the reading frame's (x, y) is the
    // stored page's (y, H - x), with H = 100 the height of the stored page.
    const unturn: ToPage = (x, y) => [y, 100 - x];
    expect(box({ x0: 10, y0: 20, x1: 50, y1: 30 }, unturn)).toEqual([20, 90, 20, 50, 30, 50, 30, 90]);
  });
});

describe('toConfidence', () => {
  it.each([
    [0, 0],
    [50, 0.5],
    [96.5432, 0.965],
    [100, 1],
    [-1, 0],
    [100.7, 1],
  ])('maps tesseract %d to %d, clamped to 0..1', (input, output) => {
    expect(toConfidence(input)).toBe(output);
  });
});

describe('toReadResult', () => {
  it('maps lines and words with their boxes, text and confidence', () => {
    const result = read(page(line([word('Hello', 5, 95.5), word('world', 60, 81)])), PIXEL_FRAME);
    expect(result).toEqual({
      page: 1,
      angle: 0,
      width: 640,
      height: 480,
      unit: 'pixel',
      lines: [
        {
          boundingBox: [5, 8, 205, 8, 205, 32, 5, 32],
          appearance: { style: { name: 'other', confidence: 0.88 } },
          text: 'Hello world',
          words: [
            { boundingBox: [5, 10, 45, 10, 45, 30, 5, 30], text: 'Hello', confidence: 0.955 },
            { boundingBox: [60, 10, 100, 10, 100, 30, 60, 30], text: 'world', confidence: 0.81 },
          ],
        },
      ],
    });
  });

  it('keeps the engine order of lines across blocks and paragraphs', () => {
    const ocr: OcrPage = {
      blocks: [
        { paragraphs: [{ lines: [line([word('one', 0)])] }, { lines: [line([word('two', 0)])] }] },
        { paragraphs: [{ lines: [line([word('three', 0)])] }] },
      ],
    };
    expect(read(ocr, PIXEL_FRAME).lines.map((l) => l.text)).toEqual(['one', 'two', 'three']);
  });

  it('drops empty and blank words and trims the rest', () => {
    const result = read(page(line([word('', 0), word(' a ', 10), word('  ', 20), word('b\n', 30)])), PIXEL_FRAME);
    expect(result.lines[0]?.words.map((w) => w.text)).toEqual(['a', 'b']);
    expect(result.lines[0]?.text).toBe('a b');
  });

  it('drops lines left with no words', () => {
    const result = read(page(line([word(' ', 0)]), line([]), line([word('kept', 0)])), PIXEL_FRAME);
    expect(result.lines.map((l) => l.text)).toEqual(['kept']);
  });

  it('answers a page with no lines when tesseract found no blocks', () => {
    expect(read({ blocks: null }, PIXEL_FRAME).lines).toEqual([]);
  });

  it('maps boxes into inches for a rendered PDF page but keeps the page size as given', () => {
    const result = read(page(line([word('Total', 300)])), PDF_FRAME);
    expect(result).toMatchObject({ page: 3, width: 8.5, height: 11, unit: 'inch' });
    expect(result.lines[0]?.words[0]?.boundingBox).toEqual([1, 0.0333, 1.1333, 0.0333, 1.1333, 0.1, 1, 0.1]);
    expect(result.lines[0]?.boundingBox).toEqual([0.0167, 0.0267, 0.6833, 0.0267, 0.6833, 0.1067, 0.0167, 0.1067]);
  });

  it('sets the page language when one was asked for, and leaves it out otherwise', () => {
    const ocr = page(line([word('Hi', 0)]));
    expect(read(ocr, PIXEL_FRAME, 'en').language).toBe('en');
    expect(read(ocr, PIXEL_FRAME)).not.toHaveProperty('language');
  });

  it('keeps the angle of the frame', () => {
    expect(read({ blocks: null }, { ...PIXEL_FRAME, angle: -90 }).angle).toBe(-90);
  });

  it('produces pages that a succeeded ReadOperationResult may carry, by the Azure spec', () => {
    const readResults = [
      read(page(line([word('Hello', 5, 101), word('', 50)]), line([word('x', 0, -1)])), PIXEL_FRAME, 'en'),
      read({ blocks: null }, { ...PIXEL_FRAME, page: 2 }),
      read(page(line([word('PDF', 30)])), PDF_FRAME),
    ];
    assertReadOperationResult({
      status: 'succeeded',
      createdDateTime: '2024-01-01T00:00:00.000Z',
      lastUpdatedDateTime: '2024-01-01T00:00:01.000Z',
      analyzeResult: { version: API_VERSION, modelVersion: LATEST_MODEL_VERSION, readResults },
    });
  });
});

describe('splitAtWideGaps', () => {
  // Words 20 px high: word spaces of a few px, a table's column gap of 100 px.
  const at = (text: string, x0: number, x1: number): OcrWord => ({ text, confidence: 90, bbox: { x0, y0: 10, x1, y1: 30 } });

  it('keeps words separated by ordinary spaces on one line', () => {
    const words = [at('Steel', 0, 50), at('hinge,', 58, 110), at('75', 118, 140), at('mm', 148, 180)];
    expect(splitAtWideGaps(words).map((run) => run.map((w) => w.text))).toEqual([['Steel', 'hinge,', '75', 'mm']]);
  });

  it('splits a table row into its cells at gaps wider than the text is high', () => {
    const words = [at('A-1047', 0, 60), at('Steel', 160, 210), at('hinge', 218, 270), at('240', 600, 630)];
    expect(splitAtWideGaps(words).map((run) => run.map((w) => w.text))).toEqual([['A-1047'], ['Steel', 'hinge'], ['240']]);
  });

  it('gives each cell of a split row its own box, from its words', () => {
    const row: OcrLine = { words: [at('Code', 0, 60), at('Total', 400, 470)], confidence: 90, bbox: { x0: 0, y0: 10, x1: 470, y1: 30 } };
    const result = read({ blocks: [{ paragraphs: [{ lines: [row] }] }] }, { page: 1, width: 500, height: 100, unit: 'pixel', angle: 0, toPage: (x, y) => [x, y] });
    expect(result.lines.map((l) => [l.text, l.boundingBox])).toEqual([
      ['Code', [0, 10, 60, 10, 60, 30, 0, 30]],
      ['Total', [400, 10, 470, 10, 470, 30, 400, 30]],
    ]);
  });
});
