/**
 * Tesseract's page layout (the part of tesseract.js's `Page` we read) and its translation into a
 * `TextReading`: lines split where tesseract joined table cells, confidences 0..1, boxes as quads
 * in the frame the caller names.
 */
import { median } from '../pipeline/stats';
import { mapQuad, quadOf, type Quad, type TextLine, type TextReading } from './text-reading';

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
  /** Its glyphs: given by a layout-only reading (`layoutOnly`), where words have no text yet. */
  symbols?: Array<{ bbox: OcrBox }>;
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
  /**
   * A page read in parts, on several workers at once: each part's own reading and where its
   * image lies on the page. `blocks` then hold every part's blocks, moved onto the page (close
   * enough to judge the words; each part's exact frame is here).
   */
  parts?: OcrPart[];
}

export interface OcrPart {
  ocr: OcrPage;
  /** Where the part's image (margin included) lies on the page: may start before the page's edge. */
  left: number;
  top: number;
  width: number;
  height: number;
}

/** Maps a point of one frame into another. */
export type MapPoint = (x: number, y: number) => [number, number];

/** Every line of a reading, in tesseract's order (blocks, then paragraphs, then lines). */
export function linesOf(ocr: OcrPage): OcrLine[] {
  return (ocr.blocks ?? []).flatMap((block) => block.paragraphs).flatMap((paragraph) => paragraph.lines);
}

/** Every word of a reading, in tesseract's order. */
export function wordsOf(ocr: OcrPage): OcrWord[] {
  return linesOf(ocr).flatMap((line) => line.words);
}

/** 0..100 -> 0..1, clamped (tesseract reports -1 or slightly over 100 at times). */
export function toConfidence(tesseractConfidence: number): number {
  const value = Math.min(Math.max(tesseractConfidence / 100, 0), 1);
  return Math.round(value * 1000) / 1000;
}

/**
 * A gap between words this many times their median height separates two lines (table cells,
 * a receipt's item and price). Two spaces of monospaced code stay below it.
 */
const CELL_GAP = 2;

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

/** A box's corners, clockwise from its top-left, each mapped by `map`. */
export function quadOfBox({ x0, y0, x1, y1 }: OcrBox, map?: MapPoint): Quad {
  const quad = quadOf(x0, y0, x1, y1);
  return map ? mapQuad(quad, map) : quad;
}

/**
 * The lines of a tesseract reading as a `TextReading`, boxes mapped by `map` (for example from
 * the deskewed image tesseract read back to the image it was given). Blank words are dropped,
 * and lines left without words.
 */
export function textReadingOf(ocr: OcrPage, map?: MapPoint): TextReading {
  const lines: TextLine[] = [];
  for (const line of linesOf(ocr)) {
    const kept = line.words.filter((word) => word.text.trim() !== '');
    const runs = splitAtWideGaps(kept);
    for (const run of runs) {
      lines.push({
        text: run.map((word) => word.text.trim()).join(' '),
        confidence: toConfidence(line.confidence),
        box: quadOfBox(runs.length === 1 ? line.bbox : hull(run), map),
        words: run.map((word) => ({ text: word.text.trim(), confidence: toConfidence(word.confidence), box: quadOfBox(word.bbox, map) })),
      });
    }
  }
  return { lines };
}
