/**
 * What a recogniser reads off one raster, whichever engine read it: lines of words, each with a
 * quadrilateral in the raster's own pixels and a confidence in 0..1. Both engines (tesseract and
 * PP-OCR) answer in this shape, so that fusion compares like with like and the page transform
 * maps either onto the page as given.
 */

/** Four corners, clockwise from the text's top-left: x0, y0, x1, y1, x2, y2, x3, y3. */
export type Quad = [number, number, number, number, number, number, number, number];

export interface TextWord {
  text: string;
  /** 0..1 */
  confidence: number;
  box: Quad;
}

export interface TextLine {
  text: string;
  /** 0..1 */
  confidence: number;
  box: Quad;
  words: TextWord[];
}

export interface TextReading {
  lines: TextLine[];
}

/** The quad of an axis-aligned box. */
export function quadOf(x0: number, y0: number, x1: number, y1: number): Quad {
  return [x0, y0, x1, y0, x1, y1, x0, y1];
}

/** A quad with each corner mapped by `map` (from one frame of a page to another). */
export function mapQuad(quad: Quad, map: (x: number, y: number) => [number, number]): Quad {
  const mapped: number[] = [];
  for (let i = 0; i < 8; i += 2) mapped.push(...map(quad[i]!, quad[i + 1]!));
  return mapped as Quad;
}
