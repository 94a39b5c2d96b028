/**
 * Tesseract's page layout -> Azure's `ReadResult`: lines with their words, axis-aligned boxes as
 * Azure's 8-number quadrilaterals, confidences from 0..100 to 0..1.
 */
import type { BoundingBox, Line, ReadResult, Word } from '../../read-api/types';

/** The part of tesseract.js's `Page` we read (structurally compatible with it). */
export interface OcrBox {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}
export interface OcrWord {
  text: string;
  confidence: number;
  bbox: OcrBox;
}
export interface OcrLine {
  words: OcrWord[];
  confidence: number;
  bbox: OcrBox;
}
export interface OcrPage {
  blocks: Array<{ paragraphs: Array<{ lines: OcrLine[] }> }> | null;
  /** The deskew tesseract applied (radians), when asked to find it. */
  rotateRadians?: number | null;
}

/** Maps a point of the frame tesseract read into the page's own coordinates and unit. */
export type ToPage = (x: number, y: number) => [number, number];

const asIs: ToPage = (x, y) => [x, y];

/** The page Azure describes: its number, size, unit and angle, and where the engine's pixels sit on it. */
export interface PageFrame {
  page: number;
  width: number;
  height: number;
  unit: 'pixel' | 'inch';
  angle: number;
  toPage: ToPage;
}

/**
 * Top-left, top-right, bottom-right, bottom-left of a box of the reading frame, each mapped onto
 * the page: on a turned page the first point is still the top-left corner of the text.
 */
export function toBoundingBox({ x0, y0, x1, y1 }: OcrBox, toPage: ToPage = asIs): BoundingBox {
  const corners: Array<[number, number]> = [[x0, y0], [x1, y0], [x1, y1], [x0, y1]];
  return corners.flatMap(([x, y]) => toPage(x, y).map(round)) as BoundingBox;
}

/** Four decimals: far below a pixel, and enough for inches (1/10000 in). */
function round(value: number): number {
  return Math.round(value * 10_000) / 10_000;
}

/** 0..100 -> 0..1, clamped (tesseract reports -1 or slightly over 100 at times). */
export function toConfidence(tesseractConfidence: number): number {
  const value = Math.min(Math.max(tesseractConfidence / 100, 0), 1);
  return Math.round(value * 1000) / 1000;
}

function toWord(word: OcrWord, toPage: ToPage): Word {
  return {
    boundingBox: toBoundingBox(word.bbox, toPage),
    text: word.text.trim(),
    confidence: toConfidence(word.confidence),
  };
}

/**
 * A gap between words this many times their median height separates two lines (table cells,
 * a receipt's item and price). Two spaces of monospaced code stay below it.
 */
const CELL_GAP = 2;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

/**
 * Splits a line of words where a gap is wider than any word space: tesseract reports a table row
 * or a form's label and value as one line; Azure reports each cell as a line of its own.
 */
export function splitAtWideGaps(words: OcrWord[]): OcrWord[][] {
  const height = median(words.map((word) => word.bbox.y1 - word.bbox.y0));
  const runs: OcrWord[][] = [];
  for (const word of words) {
    const previous = runs.at(-1)?.at(-1);
    if (!previous || word.bbox.x0 - previous.bbox.x1 > height * CELL_GAP) runs.push([]);
    runs.at(-1)!.push(word);
  }
  return runs;
}

function hull(words: OcrWord[]): OcrBox {
  return {
    x0: Math.min(...words.map((word) => word.bbox.x0)),
    y0: Math.min(...words.map((word) => word.bbox.y0)),
    x1: Math.max(...words.map((word) => word.bbox.x1)),
    y1: Math.max(...words.map((word) => word.bbox.y1)),
  };
}

function toLines(line: OcrLine, toPage: ToPage): Line[] {
  const kept = line.words.filter((word) => word.text.trim() !== '');
  const runs = splitAtWideGaps(kept);
  return runs.map((run) => ({
    boundingBox: toBoundingBox(runs.length === 1 ? line.bbox : hull(run), toPage),
    // Tesseract's models read print only: every line is "other" (not handwriting). We give the
    // line's recognition confidence as the style confidence, the closest measure we have.
    appearance: { style: { name: 'other', confidence: toConfidence(line.confidence) } },
    text: run.map((word) => word.text.trim()).join(' '),
    words: run.map((word) => toWord(word, toPage)),
  }));
}

/** Lines of a recognised page, in the engine's order, as a `ReadResult`. */
export function toReadResult(ocr: OcrPage, frame: PageFrame, language?: string): ReadResult {
  const lines = (ocr.blocks ?? [])
    .flatMap((block) => block.paragraphs)
    .flatMap((paragraph) => paragraph.lines)
    .flatMap((line) => toLines(line, frame.toPage));
  const result: ReadResult = {
    page: frame.page,
    angle: frame.angle,
    width: frame.width,
    height: frame.height,
    unit: frame.unit,
    lines,
  };
  if (language) result.language = language;
  return result;
}
